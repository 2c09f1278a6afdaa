/* Prints what bag_verify() says of one bag, in the form of tests/data/bags/NAME.expected:
 * the report's fields one per line, then one line per problem, then one per warning,
 * in the order found.
 *
 *   root valid-sha256          (the zip's top folder; "-" for none)
 *   version 1.0
 *   encoding UTF-8
 *   algorithms sha256
 *   payload 3 files, 133 bytes
 *   uncovered index.html       (a tag file no tag manifest covers)
 *   problem altered data/receipt.txt: sha256 checksum differs (manifest-sha256.txt)
 *   warning duplicate manifest-md5.txt:3: lists data/a.txt again, ...  (FILE:LINE)
 *
 * A bag that cannot be read at all prints the single line "unreadable" (the error
 * itself goes to stderr). check.sh compares the output with the expected file. */
#include <inttypes.h>
#include <stdio.h>

#include "dispute/bag.h"
#include "dispute/report.h"

static const char *
or_dash(const char *text)
{
	return text != NULL ? text : "-";
}

int
main(int argc, char **argv)
{
	struct bag_report report;

	if (argc != 2) {
		fprintf(stderr, "usage: bag-print BAG\n");
		return DISPUTE_USAGE;
	}
	if (bag_verify(argv[1], &report) != DISPUTE_OK) {
		printf("unreadable\n");
		return DISPUTE_OK;
	}
	printf("root %s\nversion %s\nencoding %s\nalgorithms %s\n", or_dash(report.root),
	    or_dash(report.version), or_dash(report.encoding), or_dash(report.algorithms));
	printf("payload %zu files, %" PRIu64 " bytes\n", report.payload_files,
	    report.payload_bytes);
	for (size_t i = 0; i < report.uncovered_count; i++)
		printf("uncovered %s\n", report.uncovered[i]);
	for (size_t i = 0; i < report.problem_count; i++)
		printf("problem %s %s: %s\n", bag_problem_name(report.problems[i].kind),
		    or_dash(report.problems[i].path), report.problems[i].detail);
	for (size_t i = 0; i < report.warning_count; i++)
		printf("warning %s %s:%u: %s\n", bag_warning_name(report.warnings[i].kind),
		    or_dash(report.warnings[i].path), report.warnings[i].line,
		    report.warnings[i].detail);
	bag_report_free(&report);
	return fflush(stdout) == 0 ? DISPUTE_OK : DISPUTE_FAILED;
}
