/* Where a command may write the file the user named with -o (or its default name):
 * never over something that is not ours to replace. */
#ifndef DISPUTE_OUTPUT_H
#define DISPUTE_OUTPUT_H

enum output_kind {
	OUTPUT_FILE,   /* a regular file, written through a temporary file and renamed */
	OUTPUT_STREAM, /* written through as it is: standard output ("-"), a pipe, a FIFO,
			* a terminal or /dev/null; nothing is created or replaced */
};

enum output_existing {
	OUTPUT_KEEP,   /* an existing file is refused: the user did not say to replace it */
	OUTPUT_REPLACE /* an existing regular file may be replaced (--force, default names) */
};

struct output_target {
	enum output_kind kind;
	const char *path; /* the path to write, or NULL for standard output */
};

/* Judges PATH as a destination. "-" is standard output. An existing FIFO or character
 * device is written through. Refused, with one message naming PATH: a symbolic link
 * (it would be replaced, not followed), a folder, a block device or socket; the case's
 * own case.json, lock, holiday table and anything in its evidence/ folder, when
 * CASE_DIR is given; and an existing regular file under OUTPUT_KEEP. */
int output_check(const char *path, const char *case_dir, enum output_existing existing,
    struct output_target *target);

/* Writes LEN bytes of DATA to a stream target (standard output when TARGET's path is
 * NULL), or reports the target and the error. */
int output_write_stream(const struct output_target *target, const void *data, size_t len);

/* Writes LEN bytes of TEXT where -o says (PATH; NULL or "-" for standard output), after
 * output_check(): a file is written whole or not at all, and replaced only with FORCE.
 * Says "wrote PATH" for a file. */
int output_write_text(const char *path, const char *case_dir, int force, const void *text,
    size_t len);

/* The same for content that FILL writes into FD as it is made (NAME names FD in
 * messages): a file made by a helper program, too large to hold in memory. */
int output_write_with(const char *path, const char *case_dir, int force,
    int (*fill)(int fd, const char *name, void *ctx), void *ctx);

/* Copies the whole file open on FD (from its start) to a stream target. */
int output_copy_stream(const struct output_target *target, int fd);

#endif
