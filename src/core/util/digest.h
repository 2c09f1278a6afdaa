/* Checksums through OpenSSL's EVP interface, which uses the CPU's SHA instructions. */
#ifndef DISPUTE_DIGEST_H
#define DISPUTE_DIGEST_H

#include <stddef.h>
#include <stdint.h>

/* Room for the hex form of the longest supported digest (SHA-512) and a NUL. */
#define DIGEST_HEX_MAX 129
#define SHA256_HEX_LEN 64

struct digest {
	void *ctx; /* EVP_MD_CTX */
};

/* ALGORITHM is an OpenSSL digest name: "sha256", "md5", "sha3-256", ... */
int digest_init(struct digest *d, const char *algorithm);
void digest_update(struct digest *d, const void *data, size_t len);
/* Writes the lowercase hex digest to HEX and frees the context. */
int digest_final_hex(struct digest *d, char hex[DIGEST_HEX_MAX]);
/* Frees an unfinished context; safe after digest_final_hex and on a zeroed struct. */
void digest_free(struct digest *d);

/* SHA-256 and size of the regular file at PATH, read in large blocks. A link, a FIFO
 * or a device is refused without being read or waited on. */
int digest_file_sha256(const char *path, char hex[DIGEST_HEX_MAX], uint64_t *size);

/* The block size for streaming reads: large enough for sequential disk throughput. */
#define DIGEST_BLOCK (1024 * 1024)

#endif
