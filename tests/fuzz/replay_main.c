/* A main() for the libFuzzer harnesses when built as plain programs (gcc, no libFuzzer):
 * runs LLVMFuzzerTestOneInput once on every file named on the command line, and on
 * every file in (sub)folders named there, in sorted order. This is how CTest replays
 * the seed corpus and the saved regressions under the normal and sanitizer builds.
 * A folder that does not exist counts as empty (regressions/NAME appears only once
 * there is a regression), but the run fails when it found no input at all, so that a
 * wrong path cannot pass unnoticed. A crashing input crashes this program; its path is
 * printed before it runs. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static size_t inputs;

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t size = 0, cap = 0;

	if (f == NULL) {
		fprintf(stdout, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	for (;;) {
		size_t n;

		if (size == cap) {
			uint8_t *grown = realloc(data, cap = cap ? cap * 2 : 4096);

			if (grown == NULL) {
				fprintf(stdout, "replay: %s: out of memory\n", path);
				free(data);
				fclose(f);
				return 1;
			}
			data = grown;
		}
		n = fread(data + size, 1, cap - size, f);
		size += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stdout, "replay: %s: read error\n", path);
		free(data);
		fclose(f);
		return 1;
	}
	fclose(f);
	fprintf(stdout, "replay: %s (%zu bytes)\n", path, size);
	fflush(stdout);
	/* An exact-size copy, so that reading past the input shows under AddressSanitizer. */
	{
		uint8_t *exact = malloc(size ? size : 1);

		if (exact == NULL) {
			free(data);
			return 1;
		}
		memcpy(exact, data, size);
		free(data);
		LLVMFuzzerTestOneInput(exact, size);
		free(exact);
	}
	inputs++;
	return 0;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
replay(const char *path)
{
	struct stat st;
	DIR *dir;
	struct dirent *e;
	char **names = NULL;
	size_t count = 0, cap = 0;
	int failed = 0;

	if (stat(path, &st) == -1) {
		if (errno == ENOENT) {
			fprintf(stdout, "replay: %s: absent, nothing to replay\n", path);
			return 0;
		}
		fprintf(stdout, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	dir = opendir(path);
	if (dir == NULL) {
		fprintf(stdout, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.') /* ., .. and hidden files such as .gitkeep */
			continue;
		if (count == cap) {
			char **grown = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);

			if (grown == NULL)
				abort();
			names = grown;
		}
		names[count++] = fuzz_path(path, e->d_name);
	}
	closedir(dir);
	if (count > 1)
		qsort(names, count, sizeof *names, compare_names);
	for (size_t i = 0; i < count; i++) {
		failed |= replay(names[i]);
		free(names[i]);
	}
	free(names);
	return failed;
}

int
main(int argc, char **argv)
{
	int failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE-OR-FOLDER...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		failed |= replay(argv[i]);
	if (inputs == 0) {
		fprintf(stdout, "replay: no inputs found\n");
		return 1;
	}
	fprintf(stdout, "replay: %zu inputs, %s\n", inputs, failed ? "some unreadable" : "all passed");
	return failed;
}
