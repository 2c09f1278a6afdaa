/* SHA-256 on the second core: the caller reads a file block by block into the worker's
 * buffers and goes on writing each block (into the case, or into the dossier) while a
 * thread hashes it. Each byte is still read from the file once; the digest is of
 * exactly the bytes the caller used. A file that fits in one block is hashed on the
 * calling thread: starting a thread would cost more than it saves. */
#ifndef DISPUTE_DIGEST_WORKER_H
#define DISPUTE_DIGEST_WORKER_H

#include <pthread.h>
#include <stddef.h>

#include "digest.h"

struct digest_worker {
	struct digest digest;
	unsigned char *buffers[2];    /* DIGEST_BLOCK bytes each; block K is in buffers[K % 2] */
	size_t lengths[2];
	unsigned long submitted;      /* blocks handed over */
	unsigned long hashed;         /* blocks the digest has taken in */
	int threaded, stopping;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
};

/* Prepares W for one file: SHA-256 and two buffers. DISPUTE_FAILED after one error. */
int digest_worker_init(struct digest_worker *w);

/* The buffer to read the next block into (DIGEST_BLOCK bytes), once the worker is done
 * with the block that was in it before. */
unsigned char *digest_worker_buffer(struct digest_worker *w);

/* Hands over the LEN bytes just read into the buffer from digest_worker_buffer(). The
 * caller may go on reading (never writing) them until its next digest_worker_buffer()
 * call after this one. Only the last block may be shorter than DIGEST_BLOCK. */
int digest_worker_submit(struct digest_worker *w, size_t len);

/* Waits for every block, writes the lowercase hex digest and releases W. */
int digest_worker_finish(struct digest_worker *w, char hex[DIGEST_HEX_MAX]);

/* Releases W, finished or not; harmless on a zeroed or already released worker. */
void digest_worker_free(struct digest_worker *w);

#endif
