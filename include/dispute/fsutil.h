/* File-system helpers that keep the user's data whole: every file the program
 * writes appears under its final name only once it is complete and on disk. */
#ifndef DISPUTE_FSUTIL_H
#define DISPUTE_FSUTIL_H

#include <stddef.h>
#include <sys/types.h>

/* Returns malloc'd "A/B" (B alone when A is NULL or "."), or NULL when out of memory
 * (after reporting it). */
char *path_join(const char *a, const char *b);

/* The folder part of PATH, malloc'd ("." for a bare name), or NULL after reporting. */
char *path_dirname(const char *path);

/* The last component of PATH (a pointer into PATH). */
const char *path_basename(const char *path);

enum fs_replace {
	FS_REPLACE,    /* an existing PATH is replaced */
	FS_NO_REPLACE  /* an existing PATH makes the write fail, untouched */
};

/* Writes DATA to PATH through a temporary file in the same folder: write, fsync,
 * chmod MODE, rename (or link, for FS_NO_REPLACE), fsync the folder. On failure PATH
 * is unchanged and the temporary file is gone. */
int fs_write_atomic(const char *path, const void *data, size_t len, mode_t mode,
    enum fs_replace replace);

/* The same for content that FILL writes into the temporary file open on FD (named
 * TMP_PATH, for messages): a file made by a helper program, too large for memory. */
int fs_write_atomic_with(const char *path, mode_t mode, enum fs_replace replace,
    int (*fill)(int fd, const char *tmp_path, void *ctx), void *ctx);

/* Makes the rename of an entry in DIR durable. */
int fs_sync_dir(const char *dir);

/* Reads the whole regular file PATH (at most MAX bytes) into a malloc'd buffer with a
 * terminating NUL that LEN does not count. */
int fs_read_file(const char *path, size_t max, char **data, size_t *len);
/* The same, but PATH itself may not be a symbolic link: for files inside a case folder,
 * which may have come from someone else. */
int fs_read_file_nofollow(const char *path, size_t max, char **data, size_t *len);

/* Creates a unique temporary file "DIR/.PREFIX.XXXXXX" opened for writing with MODE;
 * returns its descriptor and stores the malloc'd path in *TMP_PATH, or -1 after
 * reporting the problem. The path is remembered until fs_temp_release(), so that
 * fs_remove_temps() can remove the file if a signal ends the process first. */
int fs_create_temp(const char *dir, const char *prefix, mode_t mode, char **tmp_path);
/* Forgets and frees a path from fs_create_temp() (NULL is fine), once the file has been
 * renamed or removed. */
void fs_temp_release(char *tmp_path);
/* Removes every temporary file not yet released. Async-signal-safe: for a handler of
 * SIGINT, SIGTERM and SIGHUP, so that an interrupted pack leaves no partial dossier. */
void fs_remove_temps(void);

/* Writes all LEN bytes or reports PATH and the error. */
int fs_write_all(int fd, const void *data, size_t len, const char *path);

/* Reads until BUF's LEN bytes are full or the file ends: the byte count, or -1 after
 * reporting PATH and the error. */
ssize_t fs_read_block(int fd, void *buf, size_t len, const char *path);

/* The malloc'd path of REL under the first of the COUNT folders in DIRS (NULL or empty
 * entries skipped) where access(2) allows MODE, or NULL; *OOM is set when memory ran
 * out (reported). */
char *path_find(const char *const *dirs, int count, const char *rel, int mode, int *oom);

#endif
