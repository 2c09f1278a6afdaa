/*
 * Tests for digest-worker.c: the SHA-256 of data fed block by block, hashed on a second
 * thread, must equal OpenSSL's one-shot SHA256() of the same bytes, whatever the
 * number of blocks; the caller's view of each block stays intact while it is hashed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/sha.h>

#include "dispute/report.h"
#include "digest-worker.h"

/* Bytes that differ from block to block, so that a block hashed twice or skipped
 * changes the digest. */
static unsigned char *
pattern(size_t len)
{
	unsigned char *data = malloc(len + 1);
	uint32_t x = 2463534242u;
	size_t i;

	assert_non_null(data);
	for (i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		data[i] = (unsigned char)x;
	}
	return data;
}

static void
hex_of(const unsigned char *md, char hex[2 * SHA256_DIGEST_LENGTH + 1])
{
	int i;

	for (i = 0; i < SHA256_DIGEST_LENGTH; i++)
		sprintf(hex + 2 * i, "%02x", md[i]);
}

/* Feeds DATA the way a copying loop does and returns the worker's digest. */
static void
feed(const unsigned char *data, size_t len, char hex[DIGEST_HEX_MAX])
{
	struct digest_worker w;
	size_t done = 0;

	assert_int_equal(digest_worker_init(&w), DISPUTE_OK);
	for (;;) {
		unsigned char *buf = digest_worker_buffer(&w);
		size_t n = len - done < DIGEST_BLOCK ? len - done : DIGEST_BLOCK;

		if (n == 0)
			break;
		memcpy(buf, data + done, n);
		assert_int_equal(digest_worker_submit(&w, n), DISPUTE_OK);
		/* The caller still reads the block it handed over (writing it elsewhere). */
		assert_memory_equal(buf, data + done, n);
		done += n;
	}
	assert_int_equal(digest_worker_finish(&w, hex), DISPUTE_OK);
}

static void
assert_digest_of(size_t len)
{
	unsigned char *data = pattern(len), md[SHA256_DIGEST_LENGTH];
	char want[2 * SHA256_DIGEST_LENGTH + 1], got[DIGEST_HEX_MAX];

	SHA256(data, len, md);
	hex_of(md, want);
	feed(data, len, got);
	assert_string_equal(got, want);
	free(data);
}

/* FIPS 180-2, appendix B.3: one million 'a', hashed on the calling thread. */
static void
test_one_block(void **state)
{
	unsigned char *data = malloc(1000000);
	char got[DIGEST_HEX_MAX];

	(void)state;
	assert_non_null(data);
	memset(data, 'a', 1000000);
	feed(data, 1000000, got);
	assert_string_equal(got, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(data);
}

static void
test_many_blocks(void **state)
{
	(void)state;
	assert_digest_of(0);
	assert_digest_of(1);
	assert_digest_of(DIGEST_BLOCK - 1);
	assert_digest_of(DIGEST_BLOCK);          /* one full block: the thread starts */
	assert_digest_of(2 * DIGEST_BLOCK);
	assert_digest_of(3 * DIGEST_BLOCK + 5);  /* buffers reused, short last block */
	assert_digest_of(7 * DIGEST_BLOCK + 4097);
}

/* A copy abandoned half way (a read error) stops the thread and frees everything;
 * valgrind and ASan check that nothing is left. */
static void
test_abandoned(void **state)
{
	struct digest_worker w;
	int i;

	(void)state;
	assert_int_equal(digest_worker_init(&w), DISPUTE_OK);
	for (i = 0; i < 3; i++) {
		memset(digest_worker_buffer(&w), i, DIGEST_BLOCK);
		assert_int_equal(digest_worker_submit(&w, DIGEST_BLOCK), DISPUTE_OK);
	}
	digest_worker_free(&w);
	digest_worker_free(&w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_block),
		cmocka_unit_test(test_many_blocks),
		cmocka_unit_test(test_abandoned),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
