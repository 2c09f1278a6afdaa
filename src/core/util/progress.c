/* Forwarding progress to whatever sink the program installed. */
#include <pthread.h>
#include <stddef.h>

#include "dispute/progress.h"

static const struct progress_sink *sink;
static uint64_t done;
/* The verifier's hashing threads add their bytes at the same time: the count and the
 * sink (which draws on the terminal) see one of them at a time. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void
progress_set_sink(const struct progress_sink *new_sink)
{
	sink = new_sink;
}

void
progress_begin(const char *what, uint64_t total_bytes)
{
	done = 0;
	if (sink != NULL)
		sink->begin(what, total_bytes);
}

void
progress_add(uint64_t n)
{
	pthread_mutex_lock(&lock);
	done += n;
	if (sink != NULL)
		sink->update(done);
	pthread_mutex_unlock(&lock);
}

void
progress_set(uint64_t value)
{
	pthread_mutex_lock(&lock);
	done = value;
	if (sink != NULL)
		sink->update(done);
	pthread_mutex_unlock(&lock);
}

void
progress_end(void)
{
	if (sink != NULL)
		sink->end();
}
