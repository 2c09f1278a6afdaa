/* What the bag verifier's parts share: the checksum algorithms a manifest may use,
 * the name checks every path from a bag goes through, the sorted entry list the
 * backends fill, and whole-file reads of tag files with their conversion to UTF-8. */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicase.h>
#include <uninorm.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "bag-internal.h"
#include "text.h"

/* Every digest OpenSSL offers that has a BagIt name. RFC 8493 §2.4 names an algorithm
 * by its lowercased name with the punctuation removed ("sha3256"), while bagit-python
 * and the other tools in the wild keep the hyphen ("sha3-256"): both are accepted. */
const struct bag_algorithm bag_algorithms[BAG_ALG_COUNT] = {
	{ "md5", "md5", 32 },
	{ "sha1", "sha1", 40 },
	{ "sha224", "sha224", 56 },
	{ "sha256", "sha256", 64 },
	{ "sha384", "sha384", 96 },
	{ "sha512", "sha512", 128 },
	{ "sha3-224", "sha3-224", 56 },
	{ "sha3-256", "sha3-256", 64 },
	{ "sha3-384", "sha3-384", 96 },
	{ "sha3-512", "sha3-512", 128 },
	{ "sha3224", "sha3-224", 56 },
	{ "sha3256", "sha3-256", 64 },
	{ "sha3384", "sha3-384", 96 },
	{ "sha3512", "sha3-512", 128 },
};

const char *
bag_name_unsafe(const char *name, size_t len)
{
	size_t start = 0;

	if (len == 0)
		return "empty name";
	if (memchr(name, '\0', len) != NULL)
		return "NUL byte";
	if (name[0] == '/')
		return "absolute path";
	if (memchr(name, '\\', len) != NULL)
		return "backslash";
	if (len >= 2 && isalpha((unsigned char)name[0]) && name[1] == ':')
		return "drive letter";
	while (start <= len) {
		const char *slash = memchr(name + start, '/', len - start);
		size_t end = slash != NULL ? (size_t)(slash - name) : len;
		size_t n = end - start;

		if (n == 0)
			return "empty component";
		if (n == 1 && name[start] == '.')
			return "'.' component";
		if (n == 2 && name[start] == '.' && name[start + 1] == '.')
			return "'..' component";
		start = end + 1;
	}
	return NULL;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct bag_entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

int
bag_push_entry(struct bag_reader *r, size_t *cap, const char *name, uint64_t index,
    uint64_t size)
{
	struct bag_entry *grown;
	char *copy;

	if (r->entry_count == *cap) {
		size_t n = *cap != 0 ? *cap * 2 : 64;

		grown = realloc(r->entries, n * sizeof(*grown));
		if (grown == NULL)
			return bag_out_of_memory();
		r->entries = grown;
		*cap = n;
	}
	copy = strdup(name);
	if (copy == NULL)
		return bag_out_of_memory();
	r->entries[r->entry_count].name = copy;
	r->entries[r->entry_count].index = index;
	r->entries[r->entry_count].size = size;
	r->entry_count++;
	return DISPUTE_OK;
}

/* NAME as a case-insensitive, normalising file system stores it: each component
 * without trailing dots and spaces (Windows drops them), then case-folded in NFC
 * (NTFS and APFS compare names so). Malloc'd, or NULL when memory runs out. */
static char *
fold_name(const char *name)
{
	size_t len = strlen(name), used = 0, folded_len;
	char *trimmed = malloc(len + 1), *folded = NULL;
	const char *p = name;

	if (trimmed == NULL)
		return NULL;
	while (*p != '\0') {
		size_t n = strcspn(p, "/"), keep = n;

		while (keep > 0 && (p[keep - 1] == '.' || p[keep - 1] == ' '))
			keep--;
		memcpy(trimmed + used, p, keep);
		used += keep;
		p += n;
		if (*p == '/')
			trimmed[used++] = *p++;
	}
	folded = (char *)u8_casefold((const uint8_t *)trimmed, used, NULL, UNINORM_NFC, NULL,
	    &folded_len);
	free(trimmed);
	if (folded == NULL)
		return NULL;
	trimmed = realloc(folded, folded_len + 1);
	if (trimmed == NULL) {
		free(folded);
		return NULL;
	}
	trimmed[folded_len] = '\0';
	return trimmed;
}

struct folded_entry {
	char *key;
	const char *name;
};

static int
folded_cmp(const void *a, const void *b)
{
	const struct folded_entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : strcmp(x->name, y->name);
}

/* Two names that differ here but not on Windows or macOS extract onto one file there,
 * whichever comes last winning: "Data/evidence/E03-chat.txt" beside
 * "data/evidence/E03-chat.txt", "data./…", "E03-CHAT.txt", café in NFC and NFD. */
static int
report_collisions(const struct bag_reader *r, struct bag_report *report)
{
	struct folded_entry *f;
	int status = DISPUTE_OK;

	if (r->entry_count < 2)
		return DISPUTE_OK;
	f = calloc(r->entry_count, sizeof *f);
	if (f == NULL)
		return bag_out_of_memory();
	for (size_t i = 0; i < r->entry_count; i++) {
		f[i].name = r->entries[i].name;
		f[i].key = fold_name(f[i].name);
		if (f[i].key == NULL) {
			status = bag_out_of_memory();
			goto out;
		}
	}
	qsort(f, r->entry_count, sizeof *f, folded_cmp);
	for (size_t i = 1; i < r->entry_count && status == DISPUTE_OK; i++)
		if (strcmp(f[i - 1].key, f[i].key) == 0)
			status = bag_add_problem(report, BAG_UNSAFE, f[i].name, "the same file as "
			    "%s on Windows and macOS (letter case, Unicode normalisation or "
			    "trailing dots and spaces), so extracting one overwrites the other",
			    f[i - 1].name);
out:
	for (size_t i = 0; i < r->entry_count; i++)
		free(f[i].key);
	free(f);
	return status;
}

/* Sorts the entries and drops repeated names: an unzip tool may extract a different
 * copy than the one we hashed, so a repeat is reported as unsafe, never judged. */
int
bag_sort_entries(struct bag_reader *r, struct bag_report *report)
{
	size_t kept = 0;
	int status = DISPUTE_OK;

	if (r->entry_count > 1)
		qsort(r->entries, r->entry_count, sizeof(*r->entries), entry_cmp);
	for (size_t i = 0; i < r->entry_count; i++) {
		if (kept > 0 && strcmp(r->entries[kept - 1].name, r->entries[i].name) == 0) {
			if (status == DISPUTE_OK && (i + 1 == r->entry_count ||
			    strcmp(r->entries[i + 1].name, r->entries[i].name) != 0))
				status = bag_add_problem(report, BAG_UNSAFE, r->entries[i].name,
				    "appears more than once in the zip");
			free(r->entries[i].name);
			continue;
		}
		r->entries[kept++] = r->entries[i];
	}
	r->entry_count = kept;
	if (status == DISPUTE_OK)
		status = report_collisions(r, report);
	return status;
}

int
bag_strcmp_ptr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

const struct bag_entry *
bag_reader_find(const struct bag_reader *reader, const char *name)
{
	size_t lo = 0, hi = reader->entry_count;

	/* Not bsearch(): entry_cmp() also orders by index, which a key cannot know. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, reader->entries[mid].name);

		if (c == 0)
			return &reader->entries[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int
bag_read_whole(struct bag_reader *r, const struct bag_entry *e, char **data, size_t *len,
    char *why)
{
	/* One byte past the limit tells a file at the limit from a bigger one, one more
	 * holds the terminating NUL. */
	const size_t cap_max = BAG_TAG_FILE_MAX + 2;
	struct bag_stream s;
	char *buf = NULL, *grown;
	size_t cap = 0, used = 0, got;
	int status = DISPUTE_FAILED;

	*data = NULL;
	*len = 0;
	if (r->ops->open(r, e, &s, why) != DISPUTE_OK)
		return DISPUTE_OK;
	for (;;) {
		size_t room;

		if (cap - used - (cap > 0) < BAG_CHUNK && cap < cap_max) {
			/* Grow by doubling, never from the zip's declared size, which may lie. */
			size_t n = cap != 0 ? cap * 2 : BAG_CHUNK + 1;

			if (n > cap_max)
				n = cap_max;
			grown = realloc(buf, n);
			if (grown == NULL) {
				bag_out_of_memory();
				goto out;
			}
			buf = grown;
			cap = n;
		}
		room = cap - used - 1;
		if (r->ops->read(&s, buf + used, room < BAG_CHUNK ? room : BAG_CHUNK, &got,
		    why) != DISPUTE_OK) {
			status = DISPUTE_OK;
			goto out;
		}
		if (got == 0)
			break;
		used += got;
		if (used > BAG_TAG_FILE_MAX) {
			snprintf(why, BAG_WHY_MAX, "tag file too large (over %zu MiB)",
			    BAG_TAG_FILE_MAX / (1024 * 1024));
			status = DISPUTE_OK;
			goto out;
		}
	}
	buf[used] = '\0';
	*data = buf;
	*len = used;
	buf = NULL;
	status = DISPUTE_OK;
out:
	r->ops->close(&s);
	free(buf);
	return status;
}

static int
is_utf8_name(const char *encoding)
{
	return strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0;
}

int
bag_to_utf8(const char *encoding, const char *in, size_t len, char **out, size_t *out_len,
    char *why)
{
	iconv_t cd = (iconv_t)-1;
	char *buf = NULL, *grown, *inp = (char *)in, *outp;
	size_t cap, in_left = len, out_left, done;
	int flushing = 0, status = DISPUTE_FAILED;

	why[0] = '\0';
	*out = NULL;
	*out_len = 0;
	if (is_utf8_name(encoding)) {
		if (!utf8_valid(in, len)) {
			snprintf(why, BAG_WHY_MAX, "not valid UTF-8 text");
			return DISPUTE_OK;
		}
		buf = malloc(len + 1);
		if (buf == NULL)
			return bag_out_of_memory();
		memcpy(buf, in, len);
		buf[len] = '\0';
		*out = buf;
		*out_len = len;
		return DISPUTE_OK;
	}
	cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1) {
		snprintf(why, BAG_WHY_MAX, "cannot convert from %s", encoding);
		return DISPUTE_OK;
	}
	cap = len + len / 2 + 16;
	buf = malloc(cap);
	if (buf == NULL) {
		bag_out_of_memory();
		goto out;
	}
	outp = buf;
	out_left = cap - 1;
	for (;;) {
		size_t rc;

		/* A NULL input flushes the shift state of stateful encodings at the end. */
		if (flushing)
			rc = iconv(cd, NULL, NULL, &outp, &out_left);
		else
			rc = iconv(cd, &inp, &in_left, &outp, &out_left);
		if (rc != (size_t)-1) {
			if (flushing)
				break;
			flushing = 1;
			continue;
		}
		if (errno != E2BIG) {
			snprintf(why, BAG_WHY_MAX, "not valid %s text", encoding);
			status = DISPUTE_OK;
			goto out;
		}
		done = (size_t)(outp - buf);
		grown = realloc(buf, cap * 2);
		if (grown == NULL) {
			bag_out_of_memory();
			goto out;
		}
		buf = grown;
		cap *= 2;
		outp = buf + done;
		out_left = cap - 1 - done;
	}
	*outp = '\0';
	*out_len = (size_t)(outp - buf);
	*out = buf;
	buf = NULL;
	status = DISPUTE_OK;
out:
	free(buf);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	return status;
}
