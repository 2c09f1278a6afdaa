/* libzip's own file target writes to a temporary file of its own, renames it over the
 * destination (on ext4 that rename flushes the whole file to disk at once) and passes
 * the data on in 8 KB writes. This target writes into the descriptor the dossier writer
 * already holds, in blocks of DIGEST_BLOCK, and asks the kernel to start writing each
 * block to disk at once, so that the final fsync() has little left to wait for. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "digest.h"
#include "zip-fd-sink.h"

struct fd_sink {
	int fd;
	char *path;
	unsigned char *buffer;   /* DIGEST_BLOCK bytes, for the file from BUFFER_AT on */
	zip_uint64_t buffer_at;
	size_t buffered;
	zip_uint64_t position;   /* where libzip writes next */
	zip_uint64_t end;        /* the file's length so far */
	zip_error_t error;
};

static zip_int64_t
fail(struct fd_sink *s, int zip_code, int system_code)
{
	zip_error_set(&s->error, zip_code, system_code);
	return -1;
}

/* Writes what is buffered where it belongs and starts its way to the disk. */
static int
flush(struct fd_sink *s)
{
	size_t done = 0;

	while (done < s->buffered) {
		ssize_t n = pwrite(s->fd, s->buffer + done, s->buffered - done,
		    (off_t)(s->buffer_at + done));

		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			int saved = errno;

			dispute_error(_("%s: cannot write: %s"), s->path, strerror(saved));
			zip_error_set(&s->error, ZIP_ER_WRITE, saved);
			return DISPUTE_FAILED;
		}
		done += (size_t)n;
	}
	/* Only a head start for the fsync() that publishes the dossier, so its result
	 * does not matter (some file systems do not support it). */
	if (s->buffered == DIGEST_BLOCK)
		(void)sync_file_range(s->fd, (off_t)s->buffer_at, (off_t)s->buffered,
		    SYNC_FILE_RANGE_WRITE);
	s->buffer_at += s->buffered;
	s->buffered = 0;
	return DISPUTE_OK;
}

static zip_int64_t
write_data(struct fd_sink *s, const unsigned char *data, zip_uint64_t len)
{
	zip_uint64_t left = len;

	/* A write elsewhere than right after the buffer (libzip going back to complete a
	 * local header) starts a new buffer there. */
	if (s->position != s->buffer_at + s->buffered) {
		if (flush(s) != DISPUTE_OK)
			return -1;
		s->buffer_at = s->position;
	}
	while (left > 0) {
		size_t n = DIGEST_BLOCK - s->buffered;

		if (n > left)
			n = (size_t)left;
		memcpy(s->buffer + s->buffered, data, n);
		s->buffered += n;
		data += n;
		left -= n;
		if (s->buffered == DIGEST_BLOCK && flush(s) != DISPUTE_OK)
			return -1;
	}
	s->position += len;
	if (s->position > s->end)
		s->end = s->position;
	return (zip_int64_t)len;
}

static zip_int64_t
seek_write(struct fd_sink *s, void *data, zip_uint64_t len)
{
	zip_source_args_seek_t *args = ZIP_SOURCE_GET_ARGS(zip_source_args_seek_t, data, len,
	    &s->error);
	zip_int64_t base;

	if (args == NULL)
		return -1;
	switch (args->whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = (zip_int64_t)s->position; break;
	case SEEK_END: base = (zip_int64_t)s->end; break;
	default: return fail(s, ZIP_ER_INVAL, 0);
	}
	if (args->offset < -base)
		return fail(s, ZIP_ER_INVAL, 0);
	s->position = (zip_uint64_t)(base + args->offset);
	return 0;
}

static zip_int64_t
begin_write(struct fd_sink *s)
{
	if (ftruncate(s->fd, 0) == -1) {
		dispute_error(_("%s: cannot write: %s"), s->path, strerror(errno));
		return fail(s, ZIP_ER_WRITE, errno);
	}
	s->buffer_at = s->buffered = 0;
	s->position = s->end = 0;
	return 0;
}

static zip_int64_t
sink_callback(void *state, void *data, zip_uint64_t len, zip_source_cmd_t command)
{
	struct fd_sink *s = state;

	switch (command) {
	case ZIP_SOURCE_STAT:
		/* Nothing to read: libzip starts a new archive. */
		return fail(s, ZIP_ER_READ, ENOENT);
	case ZIP_SOURCE_BEGIN_WRITE:
		return begin_write(s);
	case ZIP_SOURCE_WRITE:
		return write_data(s, data, len);
	case ZIP_SOURCE_SEEK_WRITE:
		return seek_write(s, data, len);
	case ZIP_SOURCE_TELL_WRITE:
		return (zip_int64_t)s->position;
	case ZIP_SOURCE_COMMIT_WRITE:
		return flush(s) == DISPUTE_OK ? 0 : -1;
	case ZIP_SOURCE_ROLLBACK_WRITE:
	case ZIP_SOURCE_REMOVE:
		/* The dossier writer removes its temporary file itself. */
		s->buffered = 0;
		return 0;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&s->error, data, len);
	case ZIP_SOURCE_FREE:
		zip_error_fini(&s->error);
		free(s->buffer);
		free(s->path);
		free(s);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		/* The reading commands are listed because libzip asks a writable target for
		 * them; they are never used on an archive that starts empty. */
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
		    ZIP_SOURCE_CLOSE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_BEGIN_WRITE,
		    ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_SEEK_WRITE,
		    ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE, ZIP_SOURCE_WRITE, -1);
	default:
		return fail(s, ZIP_ER_OPNOTSUPP, 0);
	}
}

zip_t *
zip_open_fd_sink(int fd, const char *path)
{
	struct fd_sink *s = calloc(1, sizeof *s);
	zip_source_t *source = NULL;
	zip_error_t error;
	zip_t *archive;

	zip_error_init(&error);
	if (s == NULL || (s->path = strdup(path)) == NULL ||
	    (s->buffer = malloc(DIGEST_BLOCK)) == NULL) {
		dispute_error(_("out of memory"));
		goto failed;
	}
	s->fd = fd;
	zip_error_init(&s->error);
	source = zip_source_function_create(sink_callback, s, &error);
	if (source == NULL)
		goto failed;
	s = NULL; /* the source owns it now */
	archive = zip_open_from_source(source, ZIP_CREATE | ZIP_TRUNCATE, &error);
	if (archive == NULL)
		goto failed;
	zip_error_fini(&error);
	return archive;
failed:
	if (zip_error_code_zip(&error) != ZIP_ER_OK)
		dispute_error(_("%s: cannot create the zip: %s"), path, zip_error_strerror(&error));
	zip_source_free(source);
	if (s != NULL) {
		free(s->buffer);
		free(s->path);
		free(s);
	}
	zip_error_fini(&error);
	return NULL;
}
