/* Helpers shared by the cmocka unit tests: scratch folders, captured stderr, and
 * allocations a fixture frees. */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "dispute/case.h"
#include "dispute/report.h"
#include "support.h"

/* Helpers. */

static int
make_writable(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)ftw;
	if (flag != FTW_SL && flag != FTW_SLN)
		chmod(path, (st->st_mode & 07777) | S_IRWXU);
	return 0;
}


static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes TOP and everything under it, read-only copies included. */
int
remove_tree(const char *top)
{
	nftw(top, make_writable, 16, FTW_PHYS);
	return nftw(top, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}


void
capture_start(struct capture *cap)
{
	fflush(stderr);
	cap->file = tmpfile();
	assert_non_null(cap->file);
	cap->saved = dup(STDERR_FILENO);
	assert_true(cap->saved >= 0);
	assert_int_equal(dup2(fileno(cap->file), STDERR_FILENO), STDERR_FILENO);
}

/* Puts stderr back and returns what was written to it (malloc'd). */
char *
capture_end(struct capture *cap)
{
	struct stat st;
	char *text;
	ssize_t n;

	fflush(stderr);
	assert_int_equal(dup2(cap->saved, STDERR_FILENO), STDERR_FILENO);
	close(cap->saved);
	assert_int_equal(fstat(fileno(cap->file), &st), 0);
	text = malloc((size_t)st.st_size + 1);
	assert_non_null(text);
	n = pread(fileno(cap->file), text, (size_t)st.st_size, 0);
	assert_int_equal(n, st.st_size);
	text[n] = '\0';
	fclose(cap->file);
	return text;
}


void
assert_contains(const char *haystack, const char *needle)
{
	if (strstr(haystack, needle) == NULL)
		print_message("expected \"%s\" in:\n%s", needle, haystack);
	assert_non_null(strstr(haystack, needle));
}

/* The whole file at PATH, malloc'd and NUL-terminated; *LEN gets its length. */
char *
slurp(const char *path, size_t *len)
{
	FILE *in = fopen(path, "rb");
	char *data;
	long size;

	assert_non_null(in);
	assert_int_equal(fseek(in, 0, SEEK_END), 0);
	size = ftell(in);
	assert_true(size >= 0);
	rewind(in);
	data = malloc((size_t)size + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)size, in), (size_t)size);
	data[size] = '\0';
	assert_int_equal(fclose(in), 0);
	*len = (size_t)size;
	return data;
}

unsigned char *
load_evidence(const char *name, size_t *len)
{
	char path[512];

	snprintf(path, sizeof path, "%s/evidence/%s", TEST_DATA_DIR, name);
	return (unsigned char *)slurp(path, len);
}

unsigned char *
jpeg_with_orientation(const unsigned char *data, size_t len, int orientation, int big_endian,
    size_t *out_len)
{
	/* APP1: "Exif", a TIFF header, and IFD0 with one entry: tag 274 (Orientation), type
	 * SHORT, one value; no next IFD. Written little-endian, swapped below for "MM". */
	unsigned char exif[] = { 0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
		'I', 'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00,
		0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };
	static const size_t pairs[] = { 12, 18, 20, 22 }; /* the 16-bit fields after "II" */
	unsigned char *out;
	size_t i;

	exif[28] = (unsigned char)orientation;
	if (big_endian) {
		exif[10] = exif[11] = 'M';
		for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
			unsigned char t = exif[pairs[i]];

			exif[pairs[i]] = exif[pairs[i] + 1];
			exif[pairs[i] + 1] = t;
		}
		/* The 32-bit fields: the IFD offset (8), the count (1), the value (a SHORT
		 * in the first two bytes of its field). */
		memcpy(exif + 14, "\0\0\0\x08", 4);
		memcpy(exif + 24, "\0\0\0\x01", 4);
		exif[28] = 0;
		exif[29] = (unsigned char)orientation;
	}
	assert_true(len > 2);
	out = malloc(len + sizeof exif);
	assert_non_null(out);
	memcpy(out, data, 2); /* SOI */
	memcpy(out + 2, exif, sizeof exif);
	memcpy(out + 2 + sizeof exif, data + 2, len - 2);
	*out_len = len + sizeof exif;
	return out;
}

void *
own(struct owned *owned, void *p)
{
	assert_true(owned->count < sizeof owned->items / sizeof owned->items[0]);
	owned->items[owned->count++] = p;
	return p;
}

void
owned_free(struct owned *owned)
{
	while (owned->count > 0)
		free(owned->items[--owned->count]);
}

int
scratch_case_open(struct scratch_case *s, const char *name, const char *created)
{
	snprintf(s->tmp, sizeof s->tmp, "/tmp/dispute-%s.XXXXXX", name);
	s->dir = NULL;
	s->c = NULL;
	if (mkdtemp(s->tmp) == NULL) {
		s->tmp[0] = '\0';
		return -1;
	}
	if (asprintf(&s->dir, "%s/case", s->tmp) == -1) {
		s->dir = NULL;
		return -1;
	}
	return case_create(s->dir, created) == DISPUTE_OK &&
	    case_open(s->dir, CASE_WRITE, &s->c) == DISPUTE_OK ? 0 : -1;
}

int
scratch_case_close(struct scratch_case *s)
{
	int status = 0;

	if (s->c != NULL)
		case_close(s->c);
	if (s->tmp[0] != '\0')
		status = remove_tree(s->tmp);
	free(s->dir);
	return status;
}

int
scratch_case_setup(void **state, const char *name, const char *created)
{
	struct scratch_case *s = calloc(1, sizeof *s);

	*state = s;
	return s != NULL ? scratch_case_open(s, name, created) : -1;
}

int
scratch_case_teardown(void **state)
{
	struct scratch_case *s = *state;
	int status = s != NULL ? scratch_case_close(s) : 0;

	free(s);
	return status;
}
