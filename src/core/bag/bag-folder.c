/* The folder backend of the bag reader: walks a bag laid out on disk without ever
 * following a symbolic link, and streams its files. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "bag-internal.h"
#include "text.h"

/* Deeper folders than this are not walked: each level holds a file descriptor and a
 * stack frame, and no real bag nests that deep. */
#define FOLDER_DEPTH_MAX 64

struct folder {
	int fd; /* the bag folder; entries are opened relative to it */
};

static int
folder_entry_open(struct bag_reader *r, const struct bag_entry *e, struct bag_stream *s,
    char *why)
{
	struct folder *f = r->impl;
	struct stat st;

	why[0] = '\0';
	s->reader = r;
	s->zf = NULL;
	/* O_NONBLOCK: if the file was swapped for a FIFO since the walk, do not hang. */
	s->fd = openat(f->fd, e->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (s->fd < 0) {
		snprintf(why, BAG_WHY_MAX, "cannot read: %s", strerror(errno));
		return DISPUTE_FAILED;
	}
	if (fstat(s->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, BAG_WHY_MAX, "cannot read: no longer a regular file");
		close(s->fd);
		s->fd = -1;
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static int
folder_entry_read(struct bag_stream *s, void *buf, size_t len, size_t *got, char *why)
{
	ssize_t n;

	why[0] = '\0';
	*got = 0;
	do
		n = read(s->fd, buf, len);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		snprintf(why, BAG_WHY_MAX, "cannot read: %s", strerror(errno));
		return DISPUTE_FAILED;
	}
	*got = (size_t)n;
	return DISPUTE_OK;
}

static void
folder_entry_close(struct bag_stream *s)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
}

static void
folder_destroy(struct bag_reader *r)
{
	struct folder *f = r->impl;

	if (f != NULL && f->fd >= 0)
		close(f->fd);
	free(f);
}

static const struct bag_reader_ops folder_ops = {
	folder_entry_open, folder_entry_read, folder_entry_close, folder_destroy
};

struct walk {
	struct bag_reader *reader;
	struct bag_report *report;
	size_t cap;
};

static int walk_folder(struct walk *w, int dfd, const char *prefix, unsigned depth);

static int
walk_one(struct walk *w, int dfd, const char *rel, const char *base, unsigned depth)
{
	struct stat st;
	const char *why;
	int fd;

	if (!utf8_valid(rel, strlen(rel))) {
		/* Shown with U+FFFD for the bad bytes, so that the problem can name it. */
		char *shown = utf8_sanitize(rel);
		int status;

		if (shown == NULL) {
			dispute_error(_("out of memory"));
			return DISPUTE_FAILED;
		}
		status = bag_add_problem(w->report, BAG_MALFORMED, shown,
		    "name is not valid UTF-8");
		free(shown);
		return status;
	}
	why = bag_name_unsafe(rel, strlen(rel));
	if (why != NULL)
		return bag_add_problem(w->report, BAG_UNSAFE, rel, "%s in the file name", why);
	if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return bag_add_problem(w->report, BAG_MALFORMED, rel, "cannot read: %s",
		    strerror(errno));
	if (S_ISLNK(st.st_mode))
		return bag_add_problem(w->report, BAG_UNSAFE, rel, "symbolic link");
	if (S_ISREG(st.st_mode))
		return bag_push_entry(w->reader, &w->cap, rel, 0, (uint64_t)st.st_size);
	if (!S_ISDIR(st.st_mode))
		return bag_add_problem(w->report, BAG_UNSAFE, rel,
		    "special file (device, FIFO or socket)");
	if (depth == 0 && strcmp(base, "data") == 0)
		w->reader->has_data_dir = 1;
	if (depth + 1 >= FOLDER_DEPTH_MAX)
		return bag_add_problem(w->report, BAG_MALFORMED, rel,
		    "folders nested too deep to read (%d levels)", FOLDER_DEPTH_MAX);
	fd = openat(dfd, base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return bag_add_problem(w->report, BAG_MALFORMED, rel, "cannot read: %s",
		    strerror(errno));
	return walk_folder(w, fd, rel, depth + 1);
}

/* Takes ownership of DFD. */
static int
walk_folder(struct walk *w, int dfd, const char *prefix, unsigned depth)
{
	DIR *dir;
	struct dirent *de;
	char *rel = NULL;
	int status = DISPUTE_FAILED;

	dir = fdopendir(dfd);
	if (dir == NULL) {
		close(dfd);
		return bag_add_problem(w->report, BAG_MALFORMED, prefix, "cannot read: %s",
		    strerror(errno));
	}
	for (;;) {
		size_t need;

		errno = 0;
		de = readdir(dir);
		if (de == NULL)
			break;
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		need = (prefix != NULL ? strlen(prefix) + 1 : 0) + strlen(de->d_name) + 1;
		free(rel);
		rel = malloc(need);
		if (rel == NULL) {
			bag_out_of_memory();
			goto out;
		}
		snprintf(rel, need, "%s%s%s", prefix != NULL ? prefix : "",
		    prefix != NULL ? "/" : "", de->d_name);
		if (walk_one(w, dirfd(dir), rel, de->d_name, depth) != DISPUTE_OK)
			goto out;
	}
	if (errno != 0 && bag_add_problem(w->report, BAG_MALFORMED, prefix,
	    "cannot list: %s", strerror(errno)) != DISPUTE_OK)
		goto out;
	status = DISPUTE_OK;
out:
	free(rel);
	closedir(dir);
	return status;
}

int
bag_folder_open(const char *path, const char *password, struct bag_report *report,
    struct bag_reader *r)
{
	struct folder *f;
	struct walk w = { r, report, 0 };
	int fd;

	(void)password;
	f = malloc(sizeof(*f));
	if (f == NULL)
		return bag_out_of_memory();
	f->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	r->ops = &folder_ops;
	r->impl = f;
	if (f->fd < 0) {
		dispute_error(_("%s: not a zip file or bag folder: %s"), path, strerror(errno));
		return DISPUTE_FAILED;
	}
	fd = dup(f->fd);
	if (fd < 0) {
		dispute_error("%s: %s", path, strerror(errno));
		return DISPUTE_FAILED;
	}
	if (walk_folder(&w, fd, NULL, 0) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return bag_sort_entries(r, report);
}
