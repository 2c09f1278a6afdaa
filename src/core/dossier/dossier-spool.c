/* The spool of generated files (dossier-spool.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dossier-spool.h"

/* Mustache hands over its output a few bytes at a time: gathered into writes this big. */
#define SPOOL_BUFFER (64 * 1024)

void
dossier_spool_init(struct dossier_spool *s, const char *dir)
{
	memset(s, 0, sizeof *s);
	s->fd = -1;
	s->dir = dir;
}

/* An unnamed file in the spool's folder. Where the file system has no O_TMPFILE, a
 * named one that is removed at once: either way a crash leaves nothing behind. */
static int
open_spool(struct dossier_spool *s)
{
	char *path = NULL;

	s->buffer = malloc(SPOOL_BUFFER);
	if (s->buffer == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	s->fd = open(s->dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (s->fd != -1)
		return DISPUTE_OK;
	s->fd = fs_create_temp(s->dir, "dossier-spool", 0600, &path);
	if (s->fd == -1)
		return DISPUTE_FAILED;
	unlink(path);
	fs_temp_release(path);
	return DISPUTE_OK;
}

int
dossier_spool_flush(struct dossier_spool *s)
{
	if (s->buffered == 0)
		return DISPUTE_OK;
	if (fs_write_all(s->fd, s->buffer, s->buffered, s->dir) != DISPUTE_OK)
		return DISPUTE_FAILED;
	s->buffered = 0;
	return DISPUTE_OK;
}

int
dossier_spool_append(struct dossier_spool *s, const void *data, size_t len)
{
	if (s->fd == -1 && open_spool(s) != DISPUTE_OK)
		return DISPUTE_FAILED;
	s->end += len;
	if (s->buffered + len > SPOOL_BUFFER && dossier_spool_flush(s) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* A piece larger than the buffer goes straight to the file. */
	if (len > SPOOL_BUFFER)
		return fs_write_all(s->fd, data, len, s->dir);
	memcpy(s->buffer + s->buffered, data, len);
	s->buffered += len;
	return DISPUTE_OK;
}

int
dossier_spool_read(struct dossier_spool *s, uint64_t offset, size_t len, char **data)
{
	size_t done = 0;

	*data = malloc(len + 1);
	if (*data == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (dossier_spool_flush(s) != DISPUTE_OK)
		goto fail;
	while (done < len) {
		ssize_t n = pread(s->fd, *data + done, len - done, (off_t)(offset + done));

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			/* Nobody else can reach an unnamed file to shorten it. */
			dispute_error(_("%s: read failed: %s"), s->dir,
			    strerror(n == 0 ? EIO : errno));
			goto fail;
		}
		done += (size_t)n;
	}
	(*data)[len] = '\0';
	return DISPUTE_OK;
fail:
	free(*data);
	*data = NULL;
	return DISPUTE_FAILED;
}

void
dossier_spool_free(struct dossier_spool *s)
{
	if (s->fd != -1)
		close(s->fd);
	free(s->buffer);
	dossier_spool_init(s, s->dir);
}
