/* Helpers shared by the cmocka unit tests: scratch folders, captured stderr, and
 * allocations a fixture frees. */
#ifndef DISPUTE_TEST_SUPPORT_H
#define DISPUTE_TEST_SUPPORT_H

#include <stddef.h>
#include <stdio.h>

/* Removes TOP and everything under it, read-only evidence copies included. */
int remove_tree(const char *top);

struct dispute_case;

/* A case folder of its own for a test: TMP/case, opened for writing. */
struct scratch_case {
	char tmp[64];
	char *dir;
	struct dispute_case *c;
};

/* Creates the case in a new /tmp/dispute-NAME.XXXXXX, made at CREATED (a timestamp
 * as case_create takes it), and opens it. Returns 0, or -1 with S half made (close it). */
int scratch_case_open(struct scratch_case *s, const char *name, const char *created);

/* Closes the case and removes its folder; returns remove_tree()'s status. */
int scratch_case_close(struct scratch_case *s);

/* As cmocka setup and teardown: *STATE is a struct scratch_case of its own. */
int scratch_case_setup(void **state, const char *name, const char *created);
int scratch_case_teardown(void **state);

/* stderr redirected to a temporary file between capture_start and capture_end, so that
 * the core's messages can be checked and do not clutter the test log. */
struct capture {
	FILE *file;
	int saved;
};

void capture_start(struct capture *cap);
/* Puts stderr back and returns what was written to it (malloc'd). */
char *capture_end(struct capture *cap);

/* The whole file at PATH, malloc'd and NUL-terminated; *LEN gets its length. */
char *slurp(const char *path, size_t *len);

/* The same for NAME under tests/data/evidence. */
unsigned char *load_evidence(const char *name, size_t *len);

/* A copy (malloc'd, *OUT_LEN bytes) of the JPEG in DATA with an EXIF APP1 segment
 * right after SOI that holds only the Orientation ORIENTATION, as a phone writes it
 * (6: held upright, "turn 90 degrees clockwise to view"); BIG_ENDIAN picks a
 * big-endian TIFF block ("MM") over a little-endian one ("II"). */
unsigned char *jpeg_with_orientation(const unsigned char *data, size_t len, int orientation,
    int big_endian, size_t *out_len);

/* Fails the test, printing HAYSTACK, unless it contains NEEDLE. */
void assert_contains(const char *haystack, const char *needle);

/* Memory a test hands to its fixture, which frees it in the teardown, so that a failed
 * assertion (a longjmp out of the test) leaks nothing. */
struct owned {
	void *items[64];
	size_t count;
};

/* Hands P (which may be NULL) to OWNED and returns it. */
void *own(struct owned *owned, void *p);
/* Frees everything handed to OWNED. */
void owned_free(struct owned *owned);

#endif
