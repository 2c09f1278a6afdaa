/* The bag's files hashed on every core (bag-internal.h, struct bag_hash_job): each
 * file is read once, streamed through all the digests its manifests ask for, and
 * compared with its manifest lines on the thread that read it; what the judge makes
 * of the results it reads afterwards, in its own order. */
#include <stdlib.h>
#include <string.h>

#include "dispute/progress.h"
#include "dispute/report.h"
#include "bag-internal.h"
#include "work-pool.h"

/* Each manifest lists a path at most once (bag_sort_listings()), so the lines for one
 * path fit the bits of bag_hash_job.differs. */
_Static_assert(BAG_MANIFEST_MAX <= 32, "a manifest line per bit of differs");
_Static_assert(BAG_THREADS_MAX <= WORK_POOL_MAX, "the pool runs as many threads as asked");

struct hashing {
	const struct bag_judge *judge;
	struct bag_hash_job *jobs;
	unsigned char *chunks; /* BAG_CHUNK bytes per thread */
};

/* Streams one entry through the digests in ALGS at once, so that memory does not
 * grow with the file and the file is read only once; each digest ends up as
 * lowercase hex in HEX. An unreadable entry leaves its reason in WHY. */
static int
hash_entry(struct bag_reader *r, const struct bag_entry *e, unsigned algs,
    unsigned char *chunk, char hex[BAG_ALG_COUNT][DIGEST_HEX_MAX], uint64_t *bytes,
    char *why)
{
	struct bag_stream s = { .reader = r, .fd = -1 };
	struct digest d[BAG_ALG_COUNT];
	size_t got;
	int readable, status = DISPUTE_FAILED;

	*bytes = 0;
	why[0] = '\0';
	memset(d, 0, sizeof(d));
	for (int a = 0; a < BAG_ALG_COUNT; a++)
		if ((algs & (1u << a)) &&
		    digest_init(&d[a], bag_algorithms[a].evp) != DISPUTE_OK)
			goto out;
	readable = r->ops->open(r, e, &s, why) == DISPUTE_OK;
	while (readable) {
		readable = r->ops->read(&s, chunk, BAG_CHUNK, &got, why) == DISPUTE_OK;
		if (!readable || got == 0)
			break;
		*bytes += got;
		progress_add(got);
		for (int a = 0; a < BAG_ALG_COUNT; a++)
			if (algs & (1u << a))
				digest_update(&d[a], chunk, got);
	}
	for (int a = 0; a < BAG_ALG_COUNT && readable; a++)
		if ((algs & (1u << a)) && digest_final_hex(&d[a], hex[a]) != DISPUTE_OK)
			goto out;
	status = DISPUTE_OK;
out:
	r->ops->close(&s);
	for (int a = 0; a < BAG_ALG_COUNT; a++)
		digest_free(&d[a]);
	return status;
}

/* work_pool_fn: hashes job ITEM with the buffer of thread WORKER. */
static int
hash_job(void *ctx, size_t item, unsigned worker)
{
	struct hashing *h = ctx;
	struct bag_hash_job *job = &h->jobs[item];
	char hex[BAG_ALG_COUNT][DIGEST_HEX_MAX], why[BAG_WHY_MAX];

	if (hash_entry(h->judge->reader, job->entry, job->algs, h->chunks +
	    (size_t)worker * BAG_CHUNK, hex, &job->bytes, why) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (why[0] != '\0') {
		job->why = strdup(why);
		return job->why != NULL ? DISPUTE_OK : bag_out_of_memory();
	}
	for (size_t i = 0; i < job->count; i++) {
		const struct bag_listing *l = &job->listed[i];

		if (strcmp(hex[h->judge->manifests[l->manifest].alg], l->hex) != 0)
			job->differs |= (uint32_t)1 << i;
	}
	return DISPUTE_OK;
}

struct rank {
	uint64_t size;
	size_t job;
};

/* The largest first, so that the longest file does not start last and keep one core
 * busy alone at the end; equal sizes in the judge's order. */
static int
rank_cmp(const void *a, const void *b)
{
	const struct rank *x = a, *y = b;

	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return x->job < y->job ? -1 : x->job > y->job;
}

int
bag_hash_files(const struct bag_judge *j, struct bag_hash_job *jobs, size_t count,
    unsigned threads)
{
	struct hashing h = { j, jobs, NULL };
	struct rank *ranks = NULL;
	size_t *order = NULL;
	int status = DISPUTE_FAILED;

	if (count == 0)
		return DISPUTE_OK;
	threads = work_pool_threads(threads);
	if (threads > count)
		threads = (unsigned)count;
	ranks = malloc(count * sizeof *ranks);
	order = malloc(count * sizeof *order);
	h.chunks = malloc((size_t)threads * BAG_CHUNK);
	if (ranks == NULL || order == NULL || h.chunks == NULL) {
		bag_out_of_memory();
		goto out;
	}
	for (size_t k = 0; k < count; k++)
		ranks[k] = (struct rank){ jobs[k].entry->size, k };
	qsort(ranks, count, sizeof *ranks, rank_cmp);
	for (size_t k = 0; k < count; k++)
		order[k] = ranks[k].job;
	status = work_pool_run(threads, count, order, hash_job, &h);
out:
	free(ranks);
	free(order);
	free(h.chunks);
	return status;
}
