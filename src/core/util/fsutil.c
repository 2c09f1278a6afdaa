/* File-system helpers: path joining, whole-file reads and crash-safe writes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

char *
path_join(const char *a, const char *b)
{
	size_t alen, blen;
	char *joined;

	if (a == NULL || strcmp(a, ".") == 0)
		a = "";
	alen = strlen(a);
	blen = strlen(b);
	joined = malloc(alen + blen + 2);
	if (joined == NULL) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	memcpy(joined, a, alen);
	if (alen > 0 && a[alen - 1] != '/')
		joined[alen++] = '/';
	memcpy(joined + alen, b, blen + 1);
	return joined;
}

const char *
path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

int
fs_sync_dir(const char *dir)
{
	int fd, status = DISPUTE_OK;

	fd = open(dir[0] != '\0' ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1 || fsync(fd) == -1) {
		dispute_error(_("%s: cannot sync folder: %s"), dir, strerror(errno));
		status = DISPUTE_FAILED;
	}
	if (fd != -1)
		close(fd);
	return status;
}

int
fs_write_all(int fd, const void *data, size_t len, const char *path)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n == -1) {
			if (errno == EINTR)
				continue;
			dispute_error(_("%s: write failed: %s"), path, strerror(errno));
			return DISPUTE_FAILED;
		}
		p += n;
		len -= (size_t)n;
	}
	return DISPUTE_OK;
}

char *
path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;

	if (slash == NULL)
		dir = strdup(".");
	else if (slash == path)
		dir = strdup("/");
	else
		dir = strndup(path, (size_t)(slash - path));
	if (dir == NULL)
		dispute_error(_("out of memory"));
	return dir;
}

/* The temporary files this process has open, so that an interrupting signal can take
 * them along (fs_remove_temps). Slots are claimed and cleared from ordinary code only;
 * the handler reads them, and a pointer store is atomic on every target we build for. */
#define TEMP_SLOTS 64
static char *volatile temps[TEMP_SLOTS];

static void
temp_register(char *path)
{
	for (size_t i = 0; i < TEMP_SLOTS; i++)
		if (temps[i] == NULL) {
			temps[i] = path;
			return;
		}
	/* Full: the file is still removed by its writer, or as a leftover later. */
}

void
fs_temp_release(char *tmp_path)
{
	for (size_t i = 0; tmp_path != NULL && i < TEMP_SLOTS; i++)
		if (temps[i] == tmp_path)
			temps[i] = NULL;
	free(tmp_path);
}

void
fs_remove_temps(void)
{
	for (size_t i = 0; i < TEMP_SLOTS; i++)
		if (temps[i] != NULL)
			unlink(temps[i]);
}

int
fs_create_temp(const char *dir, const char *prefix, mode_t mode, char **tmp_path)
{
	char *name = NULL, *path = NULL;
	int fd = -1;

	if (asprintf(&name, ".%s.XXXXXX", prefix) == -1) {
		name = NULL;
		goto oom;
	}
	path = path_join(dir, name);
	if (path == NULL)
		goto out;
	fd = mkstemp(path);
	if (fd == -1) {
		dispute_error(_("%s: cannot create a temporary file: %s"), dir, strerror(errno));
		goto out;
	}
	if (fchmod(fd, mode) == -1) {
		dispute_error(_("%s: cannot set permissions: %s"), path, strerror(errno));
		close(fd);
		unlink(path);
		fd = -1;
		goto out;
	}
	*tmp_path = path;
	temp_register(path);
	path = NULL;
	goto out;
oom:
	dispute_error(_("out of memory"));
out:
	free(name);
	free(path);
	return fd;
}

int
fs_write_atomic_with(const char *path, mode_t mode, enum fs_replace replace,
    int (*fill)(int fd, const char *tmp_path, void *ctx), void *ctx)
{
	char *dir = NULL, *tmp = NULL;
	int fd = -1, status = DISPUTE_FAILED;

	dir = path_dirname(path);
	if (dir == NULL)
		goto out;
	fd = fs_create_temp(dir, path_basename(path), mode, &tmp);
	if (fd == -1)
		goto out;
	if (fill(fd, tmp, ctx) != DISPUTE_OK)
		goto out;
	if (fsync(fd) == -1) {
		dispute_error(_("%s: cannot write to disk: %s"), tmp, strerror(errno));
		goto out;
	}
	if (close(fd) == -1) {
		fd = -1;
		dispute_error(_("%s: cannot write to disk: %s"), tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (replace == FS_NO_REPLACE) {
		/* link() fails with EEXIST where rename() would silently replace. */
		if (link(tmp, path) == -1) {
			dispute_error(_("%s: cannot create: %s"), path, strerror(errno));
			goto out;
		}
	} else if (rename(tmp, path) == -1) {
		dispute_error(_("%s: cannot replace: %s"), path, strerror(errno));
		goto out;
	} else {
		fs_temp_release(tmp);
		tmp = NULL;
	}
	status = fs_sync_dir(dir);
out:
	if (fd != -1)
		close(fd);
	if (tmp != NULL)
		unlink(tmp);
	fs_temp_release(tmp);
	free(dir);
	return status;
}

struct bytes {
	const void *data;
	size_t len;
};

static int
write_bytes(int fd, const char *tmp_path, void *ctx)
{
	const struct bytes *b = ctx;

	return fs_write_all(fd, b->data, b->len, tmp_path);
}

int
fs_write_atomic(const char *path, const void *data, size_t len, mode_t mode,
    enum fs_replace replace)
{
	struct bytes b = { data, len };

	return fs_write_atomic_with(path, mode, replace, write_bytes, &b);
}

static int
read_file(const char *path, int flags, size_t max, char **data, size_t *len)
{
	struct stat st;
	char *buf = NULL;
	size_t used;
	ssize_t n;
	int fd, status = DISPUTE_FAILED;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | flags);
	if (fd == -1) {
		dispute_error(_("%s: cannot open: %s"), path, errno == ELOOP && (flags & O_NOFOLLOW) ?
		    _("a symbolic link") : strerror(errno));
		return DISPUTE_FAILED;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		dispute_error(_("%s: not a regular file"), path);
		goto out;
	}
	if ((uintmax_t)st.st_size > max) {
		dispute_error(_("%s: file is too large (%jd bytes, at most %zu)"), path,
		    (intmax_t)st.st_size, max);
		goto out;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (buf == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	n = fs_read_block(fd, buf, (size_t)st.st_size, path);
	if (n < 0)
		goto out;
	used = (size_t)n;
	buf[used] = '\0';
	*data = buf;
	*len = used;
	buf = NULL;
	status = DISPUTE_OK;
out:
	free(buf);
	close(fd);
	return status;
}

int
fs_read_file(const char *path, size_t max, char **data, size_t *len)
{
	return read_file(path, 0, max, data, len);
}

int
fs_read_file_nofollow(const char *path, size_t max, char **data, size_t *len)
{
	return read_file(path, O_NOFOLLOW, max, data, len);
}

ssize_t
fs_read_block(int fd, void *buf, size_t len, const char *path)
{
	size_t used = 0;

	while (used < len) {
		ssize_t n = read(fd, (char *)buf + used, len - used);

		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			dispute_error(_("%s: read failed: %s"), path, strerror(errno));
			return -1;
		}
		if (n == 0)
			break;
		used += (size_t)n;
	}
	return (ssize_t)used;
}

char *
path_find(const char *const *dirs, int count, const char *rel, int mode, int *oom)
{
	char *path;
	int i;

	*oom = 0;
	for (i = 0; i < count; i++) {
		if (dirs[i] == NULL || dirs[i][0] == '\0')
			continue;
		path = path_join(dirs[i], rel);
		if (path == NULL) {
			*oom = 1;
			return NULL;
		}
		if (access(path, mode) == 0)
			return path;
		free(path);
	}
	return NULL;
}
