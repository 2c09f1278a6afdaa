/* The verifier's report: the problems found in a bag, each with its kind, path and
 * detail. Also used for case folders, so that they are reported like bags. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "bag-internal.h"

int
bag_out_of_memory(void)
{
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

const char *
bag_problem_name(enum bag_problem_kind kind)
{
	switch (kind) {
	case BAG_ALTERED:
		return "altered";
	case BAG_MISSING:
		return "missing";
	case BAG_EXTRA:
		return "extra";
	case BAG_OXUM:
		return "oxum";
	case BAG_INCOMPLETE:
		return "incomplete";
	case BAG_MALFORMED:
		return "malformed";
	case BAG_UNSAFE:
		return "unsafe";
	}
	return "unknown";
}

int
bag_add_problem(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *fmt, ...)
{
	struct bag_problem *grown, *p;
	va_list ap;
	int n;

	/* The report has no capacity field: grow to 16, then whenever the count reaches a
	 * power of two, so that a bag with many problems does not cost a realloc each. */
	if (report->problem_count == 0 || (report->problem_count >= 16 &&
	    (report->problem_count & (report->problem_count - 1)) == 0)) {
		size_t cap = report->problem_count != 0 ? report->problem_count * 2 : 16;

		grown = realloc(report->problems, cap * sizeof(*grown));
		if (grown == NULL)
			return bag_out_of_memory();
		report->problems = grown;
	}
	p = &report->problems[report->problem_count];
	p->kind = kind;
	p->path = NULL;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	p->detail = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (p->detail == NULL)
		return bag_out_of_memory();
	va_start(ap, fmt);
	vsnprintf(p->detail, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (path != NULL && (p->path = strdup(path)) == NULL) {
		free(p->detail);
		return bag_out_of_memory();
	}
	report->problem_count++;
	return DISPUTE_OK;
}

void
bag_report_drop_problems(struct bag_report *report)
{
	for (size_t i = 0; i < report->problem_count; i++) {
		free(report->problems[i].path);
		free(report->problems[i].detail);
	}
	report->problem_count = 0;
}

int
bag_add_uncovered(struct bag_report *report, const char *path)
{
	char **grown = realloc(report->uncovered, (report->uncovered_count + 1) * sizeof(*grown));

	if (grown == NULL)
		return bag_out_of_memory();
	report->uncovered = grown;
	grown[report->uncovered_count] = strdup(path);
	if (grown[report->uncovered_count] == NULL)
		return bag_out_of_memory();
	report->uncovered_count++;
	return DISPUTE_OK;
}

void
bag_report_free(struct bag_report *report)
{
	if (report == NULL)
		return;
	bag_report_drop_problems(report);
	for (size_t i = 0; i < report->uncovered_count; i++)
		free(report->uncovered[i]);
	free(report->uncovered);
	free(report->problems);
	free(report->root);
	free(report->version);
	free(report->encoding);
	free(report->algorithms);
	memset(report, 0, sizeof(*report));
}
