/* Shared by the libFuzzer harnesses in tests/fuzz: the entry point libFuzzer (or
 * replay_main.c) calls, a way to silence the core's messages without losing sanitizer
 * reports, and small file helpers for harnesses that feed the core through a file. */
#ifndef DISPUTE_FUZZ_H
#define DISPUTE_FUZZ_H

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Points the C stream stderr at /dev/null, once, unless FUZZ_VERBOSE is set. The core
 * reports every problem with fprintf(stderr, ...) (dispute_error, mustache errors), so
 * a fuzzer run would otherwise print a line per input. File descriptor 2 itself is left
 * alone: the sanitizers and libFuzzer write their reports there directly. */
static inline void
fuzz_quiet_stderr(void)
{
	static int done;
	FILE *null;

	if (done)
		return;
	done = 1;
	if (getenv("FUZZ_VERBOSE") != NULL)
		return;
	null = fopen("/dev/null", "w");
	if (null != NULL)
		stderr = null; /* glibc: stderr is an assignable FILE * */
}

/* Aborts after naming PATH, WHAT went wrong and errno: the harness cannot go on. */
static inline void
fuzz_die(const char *what, const char *path)
{
	fprintf(stdout, "fuzz: %s: %s: %s\n", path, what, strerror(errno));
	fflush(stdout);
	abort();
}

/* A fresh folder under $TMPDIR (or /tmp) named dispute-fuzz-TAG-XXXXXX; aborts on failure. */
static inline char *
fuzz_make_temp_dir(const char *tag)
{
	const char *tmp = getenv("TMPDIR");
	char *dir;

	if (tmp == NULL || tmp[0] == '\0')
		tmp = "/tmp";
	if (asprintf(&dir, "%s/dispute-fuzz-%s-XXXXXX", tmp, tag) == -1)
		fuzz_die("out of memory", tag);
	if (mkdtemp(dir) == NULL)
		fuzz_die("cannot create temporary folder", dir);
	return dir;
}

/* "DIR/NAME", malloc'd; aborts when memory runs out. */
static inline char *
fuzz_path(const char *dir, const char *name)
{
	char *path;

	if (asprintf(&path, "%s/%s", dir, name) == -1)
		fuzz_die("out of memory", name);
	return path;
}

/* Replaces the contents of PATH with SIZE bytes of DATA; aborts on failure. */
static inline void
fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	size_t done = 0;

	if (fd == -1)
		fuzz_die("cannot open", path);
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			fuzz_die("cannot write", path);
		done += (size_t)n;
	}
	if (close(fd) == -1)
		fuzz_die("cannot close", path);
}

#endif
