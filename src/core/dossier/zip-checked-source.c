/* A libzip source that streams a file into the archive and checks, when the last byte
 * has gone through, that the file still has the SHA-256 and size recorded when it was
 * added. Each evidence file is therefore read exactly once while packing, and a
 * changed file makes zip_close() fail instead of producing a dossier. The file is read
 * in large blocks, hashed on the second core while libzip takes each block in the
 * small pieces it asks for (8 KB in libzip 1.9). A generated file is a range of the
 * dossier's spool, read with pread() from the descriptor they all share. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "digest-worker.h"
#include "zip-checked-source.h"

/* A file while libzip reads it: one at a time, so only one of these exists. */
struct checked_read {
	int fd;
	uint64_t seen;
	struct digest_worker hasher;
	const unsigned char *block; /* the block being handed out, from the hasher's buffers */
	size_t block_len, handed;
	int at_end;                 /* the file was read to its end and checked */
};

/* What libzip holds for every entry until the archive is closed: for a dossier of
 * 5,000 items, 5,000 of these. */
struct checked_file {
	const char *path;           /* the file, or the label of a range (borrowed) */
	int range_fd;               /* the spool holding the range, else -1 */
	uint64_t range_offset;
	const char *expected;       /* its SHA-256, lowercase hex (borrowed) */
	uint64_t expected_size;
	time_t mtime;
	struct checked_read *r;     /* while open */
	zip_error_t error;
};

static zip_int64_t
fail(struct checked_file *f, int zip_code, int system_code)
{
	zip_error_set(&f->error, zip_code, system_code);
	return -1;
}

static void
close_file(struct checked_file *f)
{
	if (f->r == NULL)
		return;
	digest_worker_free(&f->r->hasher);
	if (f->r->fd != -1)
		close(f->r->fd);
	free(f->r);
	f->r = NULL;
}

static zip_int64_t
open_file(struct checked_file *f)
{
	int fd = f->range_fd != -1 ? -1 : open(f->path, O_RDONLY | O_CLOEXEC);

	if (f->range_fd == -1 && fd == -1) {
		dispute_error(_("%s: cannot open: %s"), f->path, strerror(errno));
		return fail(f, ZIP_ER_OPEN, errno);
	}
	if ((f->r = calloc(1, sizeof *f->r)) == NULL) {
		if (fd != -1)
			close(fd);
		return fail(f, ZIP_ER_MEMORY, 0);
	}
	f->r->fd = fd;
	if (digest_worker_init(&f->r->hasher) != DISPUTE_OK) {
		close_file(f);
		return fail(f, ZIP_ER_MEMORY, 0);
	}
	return 0;
}

/* At the end of the file: the dossier may only contain what case.json vouches for. */
static zip_int64_t
finish(struct checked_file *f)
{
	char actual[DIGEST_HEX_MAX];

	if (digest_worker_finish(&f->r->hasher, actual) != DISPUTE_OK)
		return fail(f, ZIP_ER_INTERNAL, 0);
	if (f->r->seen != f->expected_size || strcmp(actual, f->expected) != 0) {
		dispute_error(_("%s: changed since it was added (sha256 %s, recorded %s)"), f->path,
		    actual, f->expected);
		return fail(f, ZIP_ER_INCONS, 0);
	}
	return 0;
}

/* Up to a block of the range, which ends where its recorded size does. */
static ssize_t
read_range(struct checked_file *f, unsigned char *buf)
{
	uint64_t left = f->expected_size - f->r->seen;
	size_t want = left < DIGEST_BLOCK ? (size_t)left : DIGEST_BLOCK, done = 0;

	while (done < want) {
		ssize_t n = pread(f->range_fd, buf + done, want - done,
		    (off_t)(f->range_offset + f->r->seen + done));

		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			dispute_error(_("%s: read failed: %s"), f->path, strerror(errno));
			return -1;
		}
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

/* The next block from the file into the hasher's free buffer: its length, 0 at the
 * end (after the check), -1 on error. */
static zip_int64_t
next_block(struct checked_file *f)
{
	struct checked_read *r = f->r;
	unsigned char *buf = digest_worker_buffer(&r->hasher);
	ssize_t n = f->range_fd != -1 ? read_range(f, buf) :
	    fs_read_block(r->fd, buf, DIGEST_BLOCK, f->path);

	if (n == -1)
		return fail(f, ZIP_ER_READ, errno);
	if (n == 0) {
		r->at_end = 1;
		return finish(f);
	}
	r->seen += (uint64_t)n;
	if (r->seen > f->expected_size) {
		dispute_error(_("%s: changed since it was added (now larger than the recorded %ju "
		    "bytes)"), f->path, (uintmax_t)f->expected_size);
		return fail(f, ZIP_ER_INCONS, 0);
	}
	if (digest_worker_submit(&r->hasher, (size_t)n) != DISPUTE_OK)
		return fail(f, ZIP_ER_INTERNAL, 0);
	r->block = buf;
	r->block_len = (size_t)n;
	r->handed = 0;
	return n;
}

static zip_int64_t
read_file(struct checked_file *f, void *data, zip_uint64_t len)
{
	struct checked_read *r = f->r;
	size_t n;

	if (r == NULL)
		return fail(f, ZIP_ER_INTERNAL, 0);
	if (r->at_end)
		return 0;
	if (r->handed == r->block_len) {
		zip_int64_t got = next_block(f);

		if (got <= 0)
			return got;
	}
	n = r->block_len - r->handed;
	if (n > len)
		n = (size_t)len;
	memcpy(data, r->block + r->handed, n);
	r->handed += n;
	return (zip_int64_t)n;
}

static zip_int64_t
checked_file_callback(void *state, void *data, zip_uint64_t len, zip_source_cmd_t command)
{
	struct checked_file *f = state;
	zip_stat_t *st;

	switch (command) {
	case ZIP_SOURCE_OPEN:
		return open_file(f);
	case ZIP_SOURCE_READ:
		return read_file(f, data, len);
	case ZIP_SOURCE_CLOSE:
		close_file(f);
		return 0;
	case ZIP_SOURCE_STAT:
		st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &f->error);
		if (st == NULL)
			return -1;
		zip_stat_init(st);
		st->size = f->expected_size;
		st->mtime = f->mtime;
		st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
		return sizeof *st;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&f->error, data, len);
	case ZIP_SOURCE_FREE:
		close_file(f);
		zip_error_fini(&f->error);
		free(f);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
		    ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return fail(f, ZIP_ER_OPNOTSUPP, 0);
	}
}

static zip_source_t *
checked_source(zip_t *archive, const char *path, int range_fd, uint64_t range_offset,
    const char *sha256, uint64_t size, time_t mtime)
{
	struct checked_file *f = calloc(1, sizeof *f);
	zip_source_t *source;

	if (f == NULL) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	f->path = path;
	f->expected = sha256;
	f->expected_size = size;
	f->mtime = mtime;
	f->range_fd = range_fd;
	f->range_offset = range_offset;
	zip_error_init(&f->error);
	source = zip_source_function(archive, checked_file_callback, f);
	if (source == NULL) {
		dispute_error(_("%s: cannot add to the archive: %s"), path, zip_strerror(archive));
		zip_error_fini(&f->error);
		free(f);
	}
	return source;
}

zip_source_t *
zip_checked_file_source(zip_t *archive, const char *path, const char *sha256, uint64_t size,
    time_t mtime)
{
	return checked_source(archive, path, -1, 0, sha256, size, mtime);
}

zip_source_t *
zip_checked_range_source(zip_t *archive, int fd, uint64_t offset, const char *label,
    const char *sha256, uint64_t size, time_t mtime)
{
	return checked_source(archive, label, fd, offset, sha256, size, mtime);
}
