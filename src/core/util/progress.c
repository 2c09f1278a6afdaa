/* Forwarding progress to whatever sink the program installed. */
#include <stddef.h>

#include "dispute/progress.h"

static const struct progress_sink *sink;
static uint64_t done;

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
	done += n;
	if (sink != NULL)
		sink->update(done);
}

void
progress_set(uint64_t value)
{
	done = value;
	if (sink != NULL)
		sink->update(done);
}

void
progress_end(void)
{
	if (sink != NULL)
		sink->end();
}
