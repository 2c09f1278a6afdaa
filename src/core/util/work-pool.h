/* Independent items of work spread over a fixed set of threads: what the bag verifier
 * uses to hash a bag's files on every core. The items are started in the order the
 * caller gives (largest first, so that the longest one does not start last) and each
 * runs exactly once; the results go wherever RUN puts them, so that the caller can
 * read them afterwards in an order of its own that no thread count changes. */
#ifndef DISPUTE_WORK_POOL_H
#define DISPUTE_WORK_POOL_H

#include <stddef.h>

/* More threads than this would only add per-thread buffers: no machine the tool runs on
 * hashes faster with them. */
#define WORK_POOL_MAX 64

/* REQUESTED when it is from 1 to WORK_POOL_MAX, else one per online core (at most
 * WORK_POOL_MAX). */
unsigned work_pool_threads(unsigned requested);

/* RUN(CTX, ITEM, WORKER) for RUN's status, called once for each ITEM. WORKER, from 0 to
 * THREADS - 1, tells which thread runs it, so that RUN can use that thread's buffers. */
typedef int (*work_pool_fn)(void *ctx, size_t item, unsigned worker);

/* Runs items ORDER[0], ORDER[1], ... ORDER[COUNT - 1] (NULL: 0 to COUNT - 1) on up to
 * THREADS threads, the calling thread among them. Once a RUN fails, no further item is
 * started; returns DISPUTE_FAILED (the failing RUN reported why) when all running ones
 * are done, else DISPUTE_OK. */
int work_pool_run(unsigned threads, size_t count, const size_t *order, work_pool_fn run,
    void *ctx);

#endif
