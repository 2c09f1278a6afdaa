/* A hashing thread fed two blocks at a time (digest-worker.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "digest-worker.h"

static void *
hash_blocks(void *arg)
{
	struct digest_worker *w = arg;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		unsigned long next = w->hashed;

		while (next == w->submitted && !w->stopping)
			pthread_cond_wait(&w->changed, &w->lock);
		if (next == w->submitted)
			break;
		/* The block is the caller's to read too, never to write, until marked hashed. */
		pthread_mutex_unlock(&w->lock);
		digest_update(&w->digest, w->buffers[next % 2], w->lengths[next % 2]);
		pthread_mutex_lock(&w->lock);
		w->hashed = next + 1;
		pthread_cond_broadcast(&w->changed);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

int
digest_worker_init(struct digest_worker *w)
{
	memset(w, 0, sizeof *w);
	w->buffers[0] = malloc(2 * (size_t)DIGEST_BLOCK);
	if (w->buffers[0] == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	w->buffers[1] = w->buffers[0] + DIGEST_BLOCK;
	if (digest_init(&w->digest, "sha256") != DISPUTE_OK) {
		digest_worker_free(w);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

unsigned char *
digest_worker_buffer(struct digest_worker *w)
{
	unsigned long next = w->submitted;

	if (w->threaded) {
		pthread_mutex_lock(&w->lock);
		while (w->hashed + 2 <= next)
			pthread_cond_wait(&w->changed, &w->lock);
		pthread_mutex_unlock(&w->lock);
	}
	return w->buffers[next % 2];
}

static int
start_thread(struct digest_worker *w)
{
	int error;

	if ((error = pthread_mutex_init(&w->lock, NULL)) != 0)
		goto failed;
	if ((error = pthread_cond_init(&w->changed, NULL)) != 0) {
		pthread_mutex_destroy(&w->lock);
		goto failed;
	}
	if ((error = pthread_create(&w->thread, NULL, hash_blocks, w)) != 0) {
		pthread_cond_destroy(&w->changed);
		pthread_mutex_destroy(&w->lock);
		goto failed;
	}
	w->threaded = 1;
	return DISPUTE_OK;
failed:
	dispute_error(_("cannot start a hashing thread: %s"), strerror(error));
	return DISPUTE_FAILED;
}

int
digest_worker_submit(struct digest_worker *w, size_t len)
{
	unsigned long block = w->submitted;

	w->lengths[block % 2] = len;
	if (!w->threaded) {
		/* A short first block is the whole file. */
		if (block == 0 && len < DIGEST_BLOCK) {
			digest_update(&w->digest, w->buffers[0], len);
			w->hashed = w->submitted = 1;
			return DISPUTE_OK;
		}
		if (start_thread(w) != DISPUTE_OK)
			return DISPUTE_FAILED;
	}
	pthread_mutex_lock(&w->lock);
	w->submitted = block + 1;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
	return DISPUTE_OK;
}

/* Lets the thread take in what was submitted, then ends it. */
static void
stop_thread(struct digest_worker *w)
{
	if (!w->threaded)
		return;
	pthread_mutex_lock(&w->lock);
	w->stopping = 1;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->changed);
	pthread_mutex_destroy(&w->lock);
	w->threaded = 0;
}

int
digest_worker_finish(struct digest_worker *w, char hex[DIGEST_HEX_MAX])
{
	int status;

	stop_thread(w);
	status = digest_final_hex(&w->digest, hex);
	digest_worker_free(w);
	return status;
}

void
digest_worker_free(struct digest_worker *w)
{
	stop_thread(w);
	digest_free(&w->digest);
	free(w->buffers[0]);
	w->buffers[0] = w->buffers[1] = NULL;
}
