/* A pool of threads that take the next item of work from a shared counter
 * (work-pool.h). */
#include <pthread.h>
#include <unistd.h>

#include "dispute/report.h"
#include "work-pool.h"

struct pool {
	pthread_mutex_t lock;
	size_t next, count;  /* the next position in ORDER to start */
	const size_t *order;
	int failed;
	work_pool_fn run;
	void *ctx;
};

struct worker {
	struct pool *pool;
	unsigned id;
	pthread_t thread;
};

unsigned
work_pool_threads(unsigned requested)
{
	long cores;

	if (requested >= 1 && requested <= WORK_POOL_MAX)
		return requested;
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	if (cores < 1)
		return 1;
	return cores > WORK_POOL_MAX ? WORK_POOL_MAX : (unsigned)cores;
}

/* The position of the next item to start, or COUNT when there is none (all started,
 * or one failed). */
static size_t
take(struct pool *p)
{
	size_t k;

	pthread_mutex_lock(&p->lock);
	k = p->failed ? p->count : p->next;
	if (k < p->count)
		p->next++;
	pthread_mutex_unlock(&p->lock);
	return k;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;
	size_t k;

	while ((k = take(p)) < p->count)
		if (p->run(p->ctx, p->order != NULL ? p->order[k] : k, w->id) != DISPUTE_OK) {
			pthread_mutex_lock(&p->lock);
			p->failed = 1;
			pthread_mutex_unlock(&p->lock);
		}
	return NULL;
}

int
work_pool_run(unsigned threads, size_t count, const size_t *order, work_pool_fn run,
    void *ctx)
{
	/* Statically initialised: a default mutex needs nothing that could fail. */
	struct pool p = { .lock = PTHREAD_MUTEX_INITIALIZER, .count = count, .order = order,
	    .run = run, .ctx = ctx };
	struct worker workers[WORK_POOL_MAX];
	unsigned started = 1;

	if (threads > WORK_POOL_MAX)
		threads = WORK_POOL_MAX;
	if (threads > count)
		threads = count > 0 ? (unsigned)count : 1;
	/* A thread that cannot be started leaves its share to the others: the same
	 * results, later. */
	for (; started < threads; started++) {
		workers[started] = (struct worker){ &p, started, 0 };
		if (pthread_create(&workers[started].thread, NULL, work,
		    &workers[started]) != 0)
			break;
	}
	workers[0] = (struct worker){ &p, 0, 0 };
	work(&workers[0]);
	for (unsigned i = 1; i < started; i++)
		pthread_join(workers[i].thread, NULL);
	pthread_mutex_destroy(&p.lock);
	return p.failed ? DISPUTE_FAILED : DISPUTE_OK;
}
