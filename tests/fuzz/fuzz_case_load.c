/* libFuzzer harness for case_open(): the input becomes case.json in a scratch case
 * folder (with its evidence/ folder), which is opened for reading and closed again.
 * An opened case is also read through case_get() for every documented fact and
 * through the evidence and timeline accessors, as every command does next.
 * The folder is made on the first input, reused for all later ones and removed at exit. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "dispute/case.h"
#include "dispute/fields.h"
#include "dispute/report.h"

#include "fuzz.h"

static char *fuzz_case_dir;
static char *fuzz_case_file;
static char *evidence_dir;
static char *lock_file;

static void
remove_case_dir(void)
{
	unlink(fuzz_case_file);
	unlink(lock_file);
	rmdir(evidence_dir);
	rmdir(fuzz_case_dir);
}

static void
make_case_dir(void)
{
	fuzz_case_dir = fuzz_make_temp_dir("case");
	fuzz_case_file = fuzz_path(fuzz_case_dir, CASE_FILE);
	evidence_dir = fuzz_path(fuzz_case_dir, CASE_EVIDENCE_DIR);
	lock_file = fuzz_path(fuzz_case_dir, CASE_LOCK_FILE);
	if (mkdir(evidence_dir, 0700) == -1)
		fuzz_die("cannot create folder", evidence_dir);
	atexit(remove_case_dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dispute_case *c = NULL;
	const struct field *f;
	const cJSON *item;

	fuzz_quiet_stderr();
	if (fuzz_case_dir == NULL)
		make_case_dir();
	fuzz_write_file(fuzz_case_file, data, size);
	if (case_open(fuzz_case_dir, CASE_READ, &c) != DISPUTE_OK)
		return 0;
	/* The shape was checked: every accessor must now be safe to use. */
	for (f = field_table; f->name != NULL; f++) {
		const char *value = case_get(c, f->name);

		if (value != NULL && strlen(value) > size)
			abort();
	}
	if (case_evidence(c) == NULL || case_timeline(c) == NULL)
		abort();
	cJSON_ArrayForEach(item, case_evidence(c)) {
		const char *file = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "file"));
		char *path;

		if (file == NULL)
			abort();
		path = case_path(c, file);
		free(path);
	}
	case_close(c);
	return 0;
}
