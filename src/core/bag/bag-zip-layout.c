/* The zip's structure as every extractor reads it, checked before any entry is trusted.
 *
 * libzip reads only the central directory, but a streaming extractor (Java's
 * ZipInputStream, `bsdtar -x` from a pipe, many upload scanners) reads the local
 * headers from the front. A dossier whose two views differ shows the judge one file and
 * the verifier another. So this walks both: each central record's local header must
 * agree with it (name, method, flags, CRC, sizes), the entries must tile the file from
 * byte 0 to the central directory without overlapping, and no byte may belong to no
 * entry. Overlapping entries are also how a small zip inflates to terabytes (the
 * overlap bomb), so refusing them bounds the work: with no overlap, the compressed
 * bytes read add up to at most the file's size.
 *
 * Hand-written because libzip exposes neither local-header offsets nor its own
 * consistency check's findings (ZIP_CHECKCONS only makes zip_open() fail as a whole),
 * and no Debian library reports them entry by entry. The format is APPNOTE 6.3.10
 * sections 4.3.7 (local header), 4.3.9 (data descriptor), 4.3.12 (central record),
 * 4.3.14-16 (zip64 and end records) and 4.5.3 (zip64 extra field). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "bag-internal.h"
#include "bag-zip-write.h"
#include "text.h"

#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_DESCRIPTOR 0x08074b50u
#define SIG_END 0x06054b50u
#define SIG_END64 0x06064b50u
#define SIG_LOCATOR64 0x07064b50u
#define FLAG_ENCRYPTED 0x0001u
#define FLAG_DESCRIPTOR 0x0008u
#define LOCAL_FIXED 30
#define CENTRAL_FIXED 46
#define END_FIXED 22
#define END_COMMENT_MAX 65535
#define NAME_MAX_BYTES 65535

/* One central record, with what the local header and data descriptor say beside it. */
struct layout_entry {
	uint64_t start, end; /* the local header up to the end of its data (descriptor
			      * included) */
	uint64_t data_at;    /* where the data starts */
	uint32_t index;      /* the central record's number, libzip's entry index */
};

struct layout {
	int fd;
	const char *path;
	uint64_t size;
	struct bag_report *report;
	const char *root;       /* the bag folder, left out of the names reported */
	unsigned char *refused; /* per entry: do not read it */
	struct bag_zip_extent *extents;
	uint64_t entries, cd_offset, cd_size, cd_end;
	int zip64;
	int end_whole;          /* the last end record's signature in the tail starts a
				 * record that the file holds whole, usable or not */
};

static uint16_t
le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
le64(const unsigned char *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* Reads exactly LEN bytes at OFFSET; 0 when the file is shorter. */
static int
read_at(struct layout *l, uint64_t offset, void *buf, size_t len, int *short_read)
{
	size_t done = 0;

	*short_read = 0;
	if (offset > l->size || len > l->size - offset) {
		*short_read = 1;
		return DISPUTE_OK;
	}
	while (done < len) {
		ssize_t n = pread(l->fd, (char *)buf + done, len - done, (off_t)(offset + done));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			dispute_error(_("%s: cannot read: %s"), l->path, strerror(errno));
			return DISPUTE_FAILED;
		}
		if (n == 0) {
			*short_read = 1;
			return DISPUTE_OK;
		}
		done += (size_t)n;
	}
	return DISPUTE_OK;
}

/* The values a zip64 extra field (id 1) supplies, in the fixed order of the spec, for
 * each 32-bit field that holds its 0xFFFFFFFF placeholder. */
static int
zip64_extra(const unsigned char *extra, size_t len, uint64_t *usize, uint64_t *csize,
    uint64_t *offset)
{
	size_t pos = 0;

	while (pos + 4 <= len) {
		uint16_t id = le16(extra + pos), n = le16(extra + pos + 2);
		const unsigned char *v = extra + pos + 4;
		size_t used = 0;

		if (pos + 4 + n > len)
			return -1;
		if (id == 0x0001) {
			uint64_t *fields[] = { usize, csize, offset };

			for (size_t f = 0; f < 3; f++) {
				if (fields[f] == NULL || *fields[f] != 0xFFFFFFFFu)
					continue;
				if (used + 8 > n)
					return -1;
				*fields[f] = le64(v + used);
				used += 8;
			}
			return 1;
		}
		pos += 4 + (size_t)n;
	}
	return 0;
}

/* An entry's name as the other problems give it: inside the bag folder. */
static const char *
inside(const struct layout *l, const char *name)
{
	size_t n = l->root != NULL ? strlen(l->root) : 0;

	if (name != NULL && n > 0 && strncmp(name, l->root, n) == 0 && name[n] == '/' &&
	    name[n + 1] != '\0')
		return name + n + 1;
	return name;
}

static int
add_unsafe(struct layout *l, const char *name, const char *detail)
{
	return bag_add_problem(l->report, BAG_UNSAFE, inside(l, name), "%s", detail);
}

/* The end records: where the central directory is and how many records it holds. */
static int
find_end(struct layout *l, int *found)
{
	unsigned char *tail = NULL, rec[56];
	size_t tail_len = (size_t)(l->size < END_FIXED + END_COMMENT_MAX ? l->size :
	    END_FIXED + END_COMMENT_MAX);
	uint64_t end_pos = 0;
	int short_read, status = DISPUTE_FAILED;

	*found = 0;
	tail = malloc(tail_len > 0 ? tail_len : 1);
	if (tail == NULL)
		return bag_out_of_memory();
	if (read_at(l, l->size - tail_len, tail, tail_len, &short_read) != DISPUTE_OK)
		goto out;
	/* The last end record whose comment reaches exactly to the end of the file; one
	 * with bytes after it is how a second archive gets appended. */
	for (size_t i = tail_len >= 4 ? tail_len - 3 : 0; i-- > 0;)
		if (le32(tail + i) == SIG_END) {
			l->end_whole = i + END_FIXED <= tail_len &&
			    i + END_FIXED + le16(tail + i + 20) <= tail_len;
			break;
		}
	for (size_t i = tail_len >= END_FIXED ? tail_len - END_FIXED + 1 : 0; i-- > 0;)
		if (le32(tail + i) == SIG_END && i + END_FIXED + le16(tail + i + 20) == tail_len) {
			const unsigned char *e = tail + i;

			end_pos = l->size - tail_len + i;
			l->entries = le16(e + 10);
			l->cd_size = le32(e + 12);
			l->cd_offset = le32(e + 16);
			l->cd_end = end_pos;
			*found = 1;
			break;
		}
	if (!*found) {
		status = DISPUTE_OK;
		goto out;
	}
	if (end_pos >= 20 && (l->entries == 0xFFFF || l->cd_size == 0xFFFFFFFFu ||
	    l->cd_offset == 0xFFFFFFFFu)) {
		if (read_at(l, end_pos - 20, rec, 20, &short_read) != DISPUTE_OK)
			goto out;
		if (!short_read && le32(rec) == SIG_LOCATOR64) {
			uint64_t at = le64(rec + 8);

			if (read_at(l, at, rec, 56, &short_read) != DISPUTE_OK)
				goto out;
			if (short_read || le32(rec) != SIG_END64 || at + 56 > end_pos - 20) {
				*found = 0;
				status = DISPUTE_OK;
				goto out;
			}
			l->zip64 = 1;
			l->entries = le64(rec + 32);
			l->cd_size = le64(rec + 40);
			l->cd_offset = le64(rec + 48);
			l->cd_end = at;
		}
	}
	if (l->cd_offset > l->cd_end || l->cd_size != l->cd_end - l->cd_offset)
		*found = 0;
	status = DISPUTE_OK;
out:
	free(tail);
	return status;
}

/* Compares one central record with its local header (and data descriptor) and fills
 * E with the entry's byte range. Returns DISPUTE_OK having added a problem when they
 * disagree; ERR is set when the entry must not be read. */
static int
check_local(struct layout *l, const unsigned char *c, const char *name, size_t name_len,
    uint64_t csize, uint64_t usize, uint64_t offset, struct layout_entry *e, int *bad)
{
	unsigned char h[LOCAL_FIXED], *rest = NULL;
	uint16_t flags = le16(c + 8), lname, lextra;
	uint64_t lcsize, lusize, data;
	uint32_t crc = le32(c + 16);
	const char *what = NULL;
	int short_read, status = DISPUTE_FAILED, z64;

	*bad = 0;
	if (read_at(l, offset, h, sizeof h, &short_read) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (short_read || le32(h) != SIG_LOCAL) {
		*bad = 1;
		return add_unsafe(l, name, "no local header where the central directory "
		    "points");
	}
	lname = le16(h + 26);
	lextra = le16(h + 28);
	rest = malloc((size_t)lname + lextra + 1);
	if (rest == NULL)
		return bag_out_of_memory();
	if (read_at(l, offset + LOCAL_FIXED, rest, (size_t)lname + lextra, &short_read) !=
	    DISPUTE_OK)
		goto out;
	/* The range the entry claims, even when it is refused below, so that its bytes are
	 * not reported a second time as belonging to no entry. */
	e->start = offset;
	e->end = offset + LOCAL_FIXED + lname + lextra;
	e->end = e->end > l->size || csize > l->size - e->end ? l->size : e->end + csize;
	lcsize = le32(h + 18);
	lusize = le32(h + 22);
	z64 = zip64_extra(rest + lname, lextra, &lusize, &lcsize, NULL);
	if (short_read || z64 < 0)
		what = "a local header that runs past its end";
	/* The central record's own bytes: NAME stops at a NUL that the record may hold. */
	else if (lname != name_len || memcmp(rest, c + CENTRAL_FIXED, name_len) != 0)
		what = "another name in its local header";
	else if (le16(h + 6) != flags)
		what = "other flags in its local header";
	else if (le16(h + 8) != le16(c + 10))
		what = "another compression method in its local header";
	else if (!(flags & FLAG_DESCRIPTOR) && (le32(h + 14) != crc || lcsize != csize ||
	    lusize != usize))
		what = "another CRC or size in its local header";
	if (what != NULL) {
		*bad = 1;
		status = bag_add_problem(l->report, BAG_UNSAFE, inside(l, name),
		    "%s than in the central directory", what);
		goto out;
	}
	data = offset + LOCAL_FIXED + lname + lextra;
	if (csize > l->size || data > l->size - csize) {
		*bad = 1;
		status = add_unsafe(l, name, "data that runs past the end of the zip");
		goto out;
	}
	e->end = data + csize;
	e->data_at = data;
	if (flags & FLAG_DESCRIPTOR) {
		/* CRC and sizes follow the data, after an optional signature; sizes are 8
		 * bytes wide when the local header has a zip64 field. */
		unsigned char d[24] = { 0 };
		size_t width = z64 > 0 ? 8 : 4, skip, avail = (size_t)(l->size - e->end < sizeof d ?
		    l->size - e->end : sizeof d);

		if (read_at(l, e->end, d, avail, &short_read) != DISPUTE_OK)
			goto out;
		skip = avail >= 4 && le32(d) == SIG_DESCRIPTOR ? 4 : 0;
		if (skip + 4 + 2 * width > avail || le32(d + skip) != crc ||
		    (width == 8 ? le64(d + skip + 4) : le32(d + skip + 4)) != csize ||
		    (width == 8 ? le64(d + skip + 12) : le32(d + skip + 8)) != usize) {
			*bad = 1;
			status = add_unsafe(l, name, "a data descriptor that disagrees with the "
			    "central directory");
			goto out;
		}
		e->end += skip + 4 + 2 * width;
	}
	status = DISPUTE_OK;
out:
	free(rest);
	return status;
}

/* Names what sits in bytes no central record accounts for: a local entry there is one
 * that a streaming extractor would write although the verifier never saw it. */
static int
report_gap(struct layout *l, uint64_t from, uint64_t to)
{
	unsigned char h[LOCAL_FIXED];
	char *name = NULL;
	int short_read, status;

	if (read_at(l, from, h, sizeof h, &short_read) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (!short_read && le32(h) == SIG_LOCAL && from + LOCAL_FIXED + le16(h + 26) <= to) {
		size_t n = le16(h + 26);

		name = malloc(n + 1);
		if (name == NULL)
			return bag_out_of_memory();
		if (read_at(l, from + LOCAL_FIXED, name, n, &short_read) != DISPUTE_OK) {
			free(name);
			return DISPUTE_FAILED;
		}
		name[n] = '\0';
		if (short_read || strlen(name) != n || !utf8_valid(name, n)) {
			free(name);
			name = NULL;
		}
		status = bag_add_problem(l->report, BAG_UNSAFE, inside(l, name), "a local entry at byte %llu "
		    "that the central directory does not list; a streaming extractor would "
		    "write it", (unsigned long long)from);
		free(name);
		return status;
	}
	return bag_add_problem(l->report, BAG_UNSAFE, NULL, "%llu bytes at byte %llu belong "
	    "to no entry", (unsigned long long)(to - from), (unsigned long long)from);
}

static int
range_cmp(const void *a, const void *b)
{
	const struct layout_entry *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The entries must follow one another from byte 0 to the central directory. */
static int
check_tiling(struct layout *l, struct layout_entry *ranges, size_t count,
    char *const *names)
{
	uint64_t at = 0;

	if (count > 1)
		qsort(ranges, count, sizeof *ranges, range_cmp);
	for (size_t i = 0; i < count; i++) {
		if (ranges[i].start < at) {
			l->refused[ranges[i].index] = 1;
			if (bag_add_problem(l->report, BAG_UNSAFE, inside(l, names[ranges[i].index]),
			    "shares bytes with another entry (an overlapping zip)") != DISPUTE_OK)
				return DISPUTE_FAILED;
			if (ranges[i].end > at)
				at = ranges[i].end;
			continue;
		}
		if (ranges[i].start > at && report_gap(l, at, ranges[i].start) != DISPUTE_OK)
			return DISPUTE_FAILED;
		at = ranges[i].end;
	}
	if (at < l->cd_offset && report_gap(l, at, l->cd_offset) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return DISPUTE_OK;
}

/* One central record at POS of the central directory CD (SIZE bytes), with its sizes
 * and local-header offset completed from a zip64 field. */
struct central_record {
	const unsigned char *c;
	size_t name_len, length;    /* the name's bytes; the whole record's */
	uint64_t csize, usize, offset;
	int zip64_damaged;
};

/* 0 when no whole record starts at POS. */
static int
central_record(const unsigned char *cd, size_t size, size_t pos, struct central_record *r)
{
	size_t extra_len;

	r->c = cd + pos;
	if (pos + CENTRAL_FIXED > size || le32(r->c) != SIG_CENTRAL)
		return 0;
	r->name_len = le16(r->c + 28);
	extra_len = le16(r->c + 30);
	r->length = CENTRAL_FIXED + r->name_len + extra_len + le16(r->c + 32);
	if (pos + r->length > size)
		return 0;
	r->csize = le32(r->c + 20);
	r->usize = le32(r->c + 24);
	r->offset = le32(r->c + 42);
	r->zip64_damaged = zip64_extra(r->c + CENTRAL_FIXED + r->name_len, extra_len, &r->usize,
	    &r->csize, &r->offset) < 0;
	return 1;
}

/* A file, not a folder entry ("name/"). */
static int
record_is_file(const struct central_record *r)
{
	return r->name_len == 0 || r->c[CENTRAL_FIXED + r->name_len - 1] != '/';
}

/* The WinZip AES record (id 0x9901) of an extra field: vendor version (1 for AE-1, 2 for
 * AE-2), key strength and the compression method under the encryption. 0 when none. */
static int
aes_record(const unsigned char *extra, size_t len, unsigned *version, int *strength,
    unsigned *method)
{
	for (size_t pos = 0; pos + 4 <= len;) {
		uint16_t id = le16(extra + pos), n = le16(extra + pos + 2);

		if (pos + 4 + n > len)
			return 0;
		if (id == 0x9901 && n >= 7) {
			*version = le16(extra + pos + 4);
			*strength = extra[pos + 8];
			*method = le16(extra + pos + 9);
			return 1;
		}
		pos += 4 + (size_t)n;
	}
	return 0;
}

static void
fill_extent(struct bag_zip_extent *x, const struct central_record *r, uint64_t data_at)
{
	unsigned version;

	x->data_at = data_at;
	x->size = r->csize;
	x->crc = le32(r->c + 16);
	x->method = le16(r->c + 10);
	x->aes_strength = 0;
	x->encrypted = (le16(r->c + 8) & FLAG_ENCRYPTED) != 0;
	if (x->method == 99 && !aes_record(r->c + CENTRAL_FIXED + r->name_len, le16(r->c + 30),
	    &version, &x->aes_strength, &x->method))
		x->aes_strength = 0;
}

/* Walks the central directory, checking each record against its local header. */
static int
check_central(struct layout *l, uint64_t expected)
{
	struct layout_entry *ranges = NULL;
	char **names = NULL;
	unsigned char *cd = NULL;
	size_t count = 0, pos = 0, plain = 0, sealed = 0;
	int short_read, status = DISPUTE_FAILED;

	if (l->entries != expected || l->cd_size > SIZE_MAX - 1)
		return bag_add_problem(l->report, BAG_UNSAFE, NULL, "the end record counts %llu "
		    "entries, the central directory %llu", (unsigned long long)l->entries,
		    (unsigned long long)expected);
	cd = malloc((size_t)l->cd_size + 1);
	ranges = calloc((size_t)expected + 1, sizeof *ranges);
	names = calloc((size_t)expected + 1, sizeof *names);
	if (cd == NULL || ranges == NULL || names == NULL) {
		bag_out_of_memory();
		goto out;
	}
	if (read_at(l, l->cd_offset, cd, (size_t)l->cd_size, &short_read) != DISPUTE_OK)
		goto out;
	for (uint64_t i = 0; i < expected && !short_read; i++) {
		struct central_record r;
		int bad;

		if (!central_record(cd, (size_t)l->cd_size, pos, &r))
			break;
		names[i] = strndup((const char *)r.c + CENTRAL_FIXED, r.name_len);
		if (names[i] == NULL) {
			bag_out_of_memory();
			goto out;
		}
		if (r.zip64_damaged) {
			l->refused[i] = 1;
			if (add_unsafe(l, names[i], "a damaged zip64 field") != DISPUTE_OK)
				goto out;
		} else {
			ranges[count].start = ranges[count].end = 0;
			if (check_local(l, r.c, names[i], r.name_len, r.csize, r.usize, r.offset,
			    &ranges[count], &bad) != DISPUTE_OK)
				goto out;
			if (bad)
				l->refused[i] = 1;
			else
				fill_extent(&l->extents[i], &r, ranges[count].data_at);
			if (ranges[count].end > ranges[count].start)
				ranges[count++].index = (uint32_t)i;
		}
		if (record_is_file(&r))
			(le16(r.c + 8) & FLAG_ENCRYPTED) ? sealed++ : plain++;
		pos += r.length;
	}
	if (short_read || pos != l->cd_size) {
		status = bag_add_problem(l->report, BAG_UNSAFE, NULL, "%s", "the central directory "
		    "is damaged or holds more than its records");
		goto out;
	}
	if (check_tiling(l, ranges, count, names) != DISPUTE_OK)
		goto out;
	/* A forger without the password can still add plain entries beside the sealed ones. */
	pos = 0;
	if (sealed > 0 && plain > 0)
		for (uint64_t i = 0; i < expected; i++) {
			struct central_record r;

			central_record(cd, (size_t)l->cd_size, pos, &r);
			if (record_is_file(&r) && !(le16(r.c + 8) & FLAG_ENCRYPTED)) {
				l->refused[i] = 1;
				if (add_unsafe(l, names[i], "not encrypted, in a dossier whose "
				    "other entries are") != DISPUTE_OK)
					goto out;
			}
			pos += r.length;
		}
	status = DISPUTE_OK;
out:
	for (uint64_t i = 0; names != NULL && i < expected; i++)
		free(names[i]);
	free(names);
	free(ranges);
	free(cd);
	return status;
}

/* Sizes the file open on L->fd and finds its end records (*FOUND as find_end() sets
 * it). A file that is not regular is left unread, with *FOUND 0. */
static int
layout_begin(struct layout *l, int *found)
{
	struct stat st;

	*found = 0;
	if (fstat(l->fd, &st) != 0) {
		dispute_error(_("%s: %s"), l->path, strerror(errno));
		return DISPUTE_FAILED;
	}
	if (!S_ISREG(st.st_mode))
		return DISPUTE_OK;
	l->size = (uint64_t)st.st_size;
	return find_end(l, found);
}

int
bag_zip_entry_count(int fd, const char *path, uint64_t *count, int *found, int *cut)
{
	struct layout l = { .fd = fd, .path = path };
	unsigned char head[4];
	int short_read;

	*count = 0;
	*cut = 0;
	if (layout_begin(&l, found) != DISPUTE_OK)
		return DISPUTE_FAILED;
	*count = l.entries;
	/* An end record is what a zip writer writes last: none, or one the file ends in
	 * the middle of, is a zip cut short; one followed by other bytes is an appended
	 * archive instead. */
	if (!*found && !l.end_whole) {
		if (read_at(&l, 0, head, sizeof head, &short_read) != DISPUTE_OK)
			return DISPUTE_FAILED;
		*cut = !short_read && le32(head) == SIG_LOCAL;
	}
	return DISPUTE_OK;
}

int
bag_zip_check_layout(int fd, const char *path, const char *root, uint64_t entries,
    struct bag_report *report, unsigned char *refused, struct bag_zip_extent *extents)
{
	struct layout l = { .fd = fd, .path = path, .report = report, .root = root,
		.refused = refused, .extents = extents };
	int found;

	if (layout_begin(&l, &found) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (!found)
		return bag_add_problem(report, BAG_UNSAFE, NULL, "%s", "no end-of-zip record that "
		    "reaches the end of the file, or one that points outside it");
	return check_central(&l, entries);
}

int
bag_zip_clear_aes_crc(int fd, const char *path)
{
	struct layout l = { .fd = fd, .path = path };
	unsigned char *cd = NULL;
	static const unsigned char zero[4] = { 0 };
	size_t pos = 0;
	int found, short_read, status = DISPUTE_FAILED;

	if (layout_begin(&l, &found) != DISPUTE_OK)
		return DISPUTE_FAILED;
	cd = found && l.cd_size < SIZE_MAX ? malloc((size_t)l.cd_size + 1) : NULL;
	if (cd == NULL || read_at(&l, l.cd_offset, cd, (size_t)l.cd_size, &short_read) !=
	    DISPUTE_OK || short_read) {
		dispute_error(_("%s: cannot read back the zip just written"), path);
		goto out;
	}
	for (uint64_t i = 0; i < l.entries; i++) {
		struct central_record r;
		unsigned version, method;
		int strength;

		if (!central_record(cd, (size_t)l.cd_size, pos, &r) || r.zip64_damaged) {
			dispute_error(_("%s: cannot read back the zip just written"), path);
			goto out;
		}
		/* AE-2 entries carry CRC 0: the CRC of the plain text would let anyone confirm
		 * a guess of the content offline. The local header's CRC is at 14, the
		 * central record's at 16. */
		if (le16(r.c + 10) == 99 && aes_record(r.c + CENTRAL_FIXED + r.name_len,
		    le16(r.c + 30), &version, &strength, &method) && version == 2 &&
		    (pwrite(fd, zero, 4, (off_t)(l.cd_offset + pos + 16)) != 4 ||
		    pwrite(fd, zero, 4, (off_t)(r.offset + 14)) != 4)) {
			dispute_error(_("%s: cannot write: %s"), path, strerror(errno));
			goto out;
		}
		pos += r.length;
	}
	status = DISPUTE_OK;
out:
	free(cd);
	return status;
}
