/* Destinations of -o. Writing a file means a temporary file renamed over the name, and
 * rename() replaces whatever the name is: a link (not what it points to), a device node,
 * the case's own case.json or a read-only evidence copy. So the destination is judged
 * first, and what is not a plain file of the user's is refused or written through. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dispute/case.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/output.h"
#include "dispute/report.h"

/* The files of a case that no output may land on, beside its evidence/ folder. */
static const char *const case_own_files[] = { CASE_FILE, CASE_LOCK_FILE, "holidays.json" };

static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether PATH names one of the case's own files, or anything in its evidence/, by
 * the folder it is in: "./case.json", "../c/case.json" and a path through a link to
 * the case folder are all caught. */
static int
inside_case(const char *path, const char *case_dir, const char **why)
{
	char *dir = path_dirname(path), *evidence = path_join(case_dir, CASE_EVIDENCE_DIR);
	const char *name = path_basename(path);
	struct stat parent, top, ev;
	int hit = 0;

	if (dir != NULL && evidence != NULL && stat(dir, &parent) == 0) {
		if (stat(evidence, &ev) == 0 && same_file(&parent, &ev)) {
			*why = N_("is in the case's evidence folder, whose copies must not change");
			hit = 1;
		} else if (stat(case_dir, &top) == 0 && same_file(&parent, &top))
			for (size_t i = 0; i < sizeof case_own_files / sizeof case_own_files[0]; i++)
				if (strcmp(name, case_own_files[i]) == 0) {
					*why = N_("is one of the case's own files");
					hit = 1;
				}
	}
	free(evidence);
	free(dir);
	return hit;
}

int
output_check(const char *path, const char *case_dir, enum output_existing existing,
    struct output_target *target)
{
	const char *why = NULL;
	struct stat st;

	target->kind = OUTPUT_FILE;
	target->path = path;
	if (strcmp(path, "-") == 0) {
		target->kind = OUTPUT_STREAM;
		target->path = NULL;
		return DISPUTE_OK;
	}
	if (case_dir != NULL && inside_case(path, case_dir, &why)) {
		dispute_error(_("%s: %s; choose another name"), path, _(why));
		return DISPUTE_FAILED;
	}
	if (lstat(path, &st) == -1) {
		if (errno == ENOENT)
			return DISPUTE_OK;
		dispute_error(_("%s: %s"), path, strerror(errno));
		return DISPUTE_FAILED;
	}
	/* Written through, not replaced: a pipe, a FIFO, a terminal, /dev/null, and
	 * /dev/stdout, a link to the descriptor that is one of those. */
	if (S_ISLNK(st.st_mode)) {
		struct stat to;

		if (stat(path, &to) == 0 && (S_ISFIFO(to.st_mode) || S_ISCHR(to.st_mode)))
			st = to;
	}
	if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
		target->kind = OUTPUT_STREAM;
		return DISPUTE_OK;
	}
	if (S_ISLNK(st.st_mode))
		why = N_("is a symbolic link, which would be replaced rather than followed; name "
		    "the file itself");
	else if (S_ISDIR(st.st_mode))
		why = N_("is a folder");
	else if (!S_ISREG(st.st_mode))
		why = N_("is a device or socket, not a file");
	else if (existing == OUTPUT_KEEP)
		why = N_("exists; give --force to replace it");
	if (why != NULL) {
		dispute_error(_("%s: %s"), path, _(why));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static int
open_stream(const struct output_target *target)
{
	int fd;

	if (target->path == NULL)
		return STDOUT_FILENO;
	/* No O_CREAT, no O_TRUNC: the FIFO or device is written into, never made anew. */
	fd = open(target->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd == -1)
		dispute_error(_("%s: cannot open: %s"), target->path, strerror(errno));
	return fd;
}

static int
close_stream(const struct output_target *target, int fd, int status)
{
	if (target->path != NULL && close(fd) == -1 && status == DISPUTE_OK) {
		dispute_error(_("%s: cannot write: %s"), target->path, strerror(errno));
		return DISPUTE_FAILED;
	}
	return status;
}

int
output_write_stream(const struct output_target *target, const void *data, size_t len)
{
	int fd = open_stream(target);

	if (fd == -1)
		return DISPUTE_FAILED;
	return close_stream(target, fd, fs_write_all(fd, data, len, target->path != NULL ?
	    target->path : _("standard output")));
}

int
output_copy_stream(const struct output_target *target, int from)
{
	const char *name = target->path != NULL ? target->path : _("standard output");
	char buf[64 * 1024];
	ssize_t n = 0;
	int fd, status = DISPUTE_OK;

	if (lseek(from, 0, SEEK_SET) == -1) {
		dispute_error(_("%s: cannot read back the dossier: %s"), name, strerror(errno));
		return DISPUTE_FAILED;
	}
	fd = open_stream(target);
	if (fd == -1)
		return DISPUTE_FAILED;
	while (status == DISPUTE_OK && (n = fs_read_block(from, buf, sizeof buf, name)) > 0)
		status = fs_write_all(fd, buf, (size_t)n, name);
	if (n < 0)
		status = DISPUTE_FAILED;
	return close_stream(target, fd, status);
}

int
output_write_text(const char *path, const char *case_dir, int force, const void *text,
    size_t len)
{
	struct output_target target = { OUTPUT_STREAM, NULL };

	if (path != NULL && output_check(path, case_dir, force ? OUTPUT_REPLACE : OUTPUT_KEEP,
	    &target) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (target.kind == OUTPUT_STREAM)
		return output_write_stream(&target, text, len);
	/* Without FORCE, link() refuses a file that appeared since the check. */
	if (fs_write_atomic(path, text, len, 0600, force ? FS_REPLACE : FS_NO_REPLACE) !=
	    DISPUTE_OK)
		return DISPUTE_FAILED;
	dispute_notice(_("wrote %s"), path);
	return DISPUTE_OK;
}

int
output_write_with(const char *path, const char *case_dir, int force,
    int (*fill)(int fd, const char *name, void *ctx), void *ctx)
{
	struct output_target target = { OUTPUT_STREAM, NULL };
	int fd;

	if (path != NULL && output_check(path, case_dir, force ? OUTPUT_REPLACE : OUTPUT_KEEP,
	    &target) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (target.kind == OUTPUT_STREAM) {
		if ((fd = open_stream(&target)) == -1)
			return DISPUTE_FAILED;
		return close_stream(&target, fd, fill(fd, target.path != NULL ? target.path :
		    _("standard output"), ctx));
	}
	if (fs_write_atomic_with(path, 0600, force ? FS_REPLACE : FS_NO_REPLACE, fill, ctx) !=
	    DISPUTE_OK)
		return DISPUTE_FAILED;
	dispute_notice(_("wrote %s"), path);
	return DISPUTE_OK;
}
