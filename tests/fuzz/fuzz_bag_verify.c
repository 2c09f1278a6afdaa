/* libFuzzer harness for bag_verify(): the input is written to dossier.zip in a scratch
 * folder (made on the first input, reused, removed at exit) and judged as a BagIt bag.
 * Every reported problem is walked (kind name, path, detail) so that a dangling or
 * unterminated string in the report shows up under AddressSanitizer, then the report
 * is freed. The core's error lines are silenced unless FUZZ_VERBOSE is set. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispute/bag.h"
#include "dispute/report.h"

#include "fuzz.h"

static char *bag_dir;
static char *bag_file;

static void
remove_bag_dir(void)
{
	unlink(bag_file);
	rmdir(bag_dir);
}

/* Where the walk's total goes, so that it cannot be optimised away. */
static volatile size_t sink;

static size_t
string_len(const char *s)
{
	return s == NULL ? 0 : strlen(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bag_report report;
	size_t total = 0;

	fuzz_quiet_stderr();
	if (bag_dir == NULL) {
		bag_dir = fuzz_make_temp_dir("bag");
		bag_file = fuzz_path(bag_dir, "dossier.zip");
		atexit(remove_bag_dir);
	}
	fuzz_write_file(bag_file, data, size);
	memset(&report, 0xA5, sizeof report); /* bag_verify must set every member */
	if (bag_verify(bag_file, &report) == DISPUTE_OK) {
		total += string_len(report.root) + string_len(report.version) +
		    string_len(report.encoding) + string_len(report.algorithms);
		if (report.problem_count > 0 && report.problems == NULL)
			abort();
		for (size_t i = 0; i < report.problem_count; i++) {
			const struct bag_problem *p = &report.problems[i];

			if (bag_problem_name(p->kind) == NULL || p->detail == NULL)
				abort();
			total += string_len(p->path) + strlen(p->detail);
		}
		for (size_t i = 0; i < report.uncovered_count; i++)
			total += strlen(report.uncovered[i]);
		if (report.warning_count > 0 && report.warnings == NULL)
			abort();
		for (size_t i = 0; i < report.warning_count; i++) {
			const struct bag_warning *w = &report.warnings[i];

			if (bag_warning_name(w->kind) == NULL || w->detail == NULL ||
			    w->path == NULL)
				abort();
			total += strlen(w->path) + strlen(w->detail) + w->line;
		}
	} else if (report.problem_count != 0 || report.problems != NULL ||
	    report.warning_count != 0 || report.warnings != NULL) {
		abort(); /* a failed verify leaves an empty report */
	}
	bag_report_free(&report);
	sink = total;
	return 0;
}
