/* The verifier's report: the problems found in a bag, each with its kind, path and
 * detail, and the warnings, which also name a line. Also used for case folders, so that they are reported like bags. */
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

/* The names are marked for translation: the human report shows _(name), while --json
 * and the tests of bags keep the name itself. */
const char *
bag_problem_name(enum bag_problem_kind kind)
{
	switch (kind) {
	case BAG_ALTERED:
		return N_("altered");
	case BAG_MISSING:
		return N_("missing");
	case BAG_EXTRA:
		return N_("extra");
	case BAG_OXUM:
		return N_("oxum");
	case BAG_INCOMPLETE:
		return N_("incomplete");
	case BAG_MALFORMED:
		return N_("malformed");
	case BAG_UNSAFE:
		return N_("unsafe");
	}
	return "unknown";
}

const char *
bag_warning_name(enum bag_warning_kind kind)
{
	switch (kind) {
	case BAG_WARN_DUPLICATE:
		return N_("duplicate");
	case BAG_WARN_NORMALIZATION:
		return N_("normalization");
	}
	return "unknown";
}

/* The report has no capacity fields: an array of COUNT elements of SIZE bytes grows
 * to 16, then whenever the count reaches a power of two, so that a bag with many
 * problems does not cost a realloc each. */
static int
grow(void **array, size_t count, size_t size)
{
	void *grown;

	if (count != 0 && (count < 16 || (count & (count - 1)) != 0))
		return DISPUTE_OK;
	grown = realloc(*array, (count != 0 ? count * 2 : 16) * size);
	if (grown == NULL)
		return bag_out_of_memory();
	*array = grown;
	return DISPUTE_OK;
}

/* FMT formatted with AP (malloc'd), or NULL. */
static char *
format_va(const char *fmt, va_list ap)
{
	va_list again;
	char *text;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	text = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (text != NULL)
		vsnprintf(text, (size_t)n + 1, fmt, again);
	va_end(again);
	return text;
}

/* The detail in English (for --json and the tests of bags) and in the language of the
 * interface (FMT is marked for xgettext by the keywords bag_add_problem,
 * bag_add_problem_at and bag_add_warning), and a copy of PATH (may be NULL), for a new
 * problem or warning. */
static int format_entry(char **detail, char **shown, char **path_copy, const char *path,
    const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

static int
format_entry(char **detail, char **shown, char **path_copy, const char *path, const char *fmt,
    va_list ap)
{
	va_list again;

	va_copy(again, ap);
	*detail = format_va(fmt, ap);
	*shown = *detail != NULL ? format_va(gettext(fmt), again) : NULL;
	va_end(again);
	*path_copy = NULL;
	if (*detail == NULL || *shown == NULL ||
	    (path != NULL && (*path_copy = strdup(path)) == NULL)) {
		free(*detail);
		free(*shown);
		return bag_out_of_memory();
	}
	return DISPUTE_OK;
}

static int add_problem(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *file, unsigned line, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

static int
add_problem(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *file, unsigned line, const char *fmt, va_list ap)
{
	struct bag_problem *p;

	if (grow((void **)&report->problems, report->problem_count,
	    sizeof(*report->problems)) != DISPUTE_OK)
		return DISPUTE_FAILED;
	p = &report->problems[report->problem_count];
	p->kind = kind;
	p->line = line;
	p->file = file != NULL ? strdup(file) : NULL;
	if (file != NULL && p->file == NULL)
		return bag_out_of_memory();
	if (format_entry(&p->detail, &p->shown, &p->path, path, fmt, ap) != DISPUTE_OK) {
		free(p->file);
		return DISPUTE_FAILED;
	}
	report->problem_count++;
	return DISPUTE_OK;
}

int
bag_add_problem(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *fmt, ...)
{
	va_list ap;
	int status;

	va_start(ap, fmt);
	status = add_problem(report, kind, path, NULL, 0, fmt, ap);
	va_end(ap);
	return status;
}

int
bag_add_problem_at(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *file, unsigned line, const char *fmt, ...)
{
	va_list ap;
	int status;

	va_start(ap, fmt);
	status = add_problem(report, kind, path, file, line, fmt, ap);
	va_end(ap);
	return status;
}

int
bag_add_problem_texts(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *detail, const char *shown)
{
	struct bag_problem *p;

	if (grow((void **)&report->problems, report->problem_count,
	    sizeof(*report->problems)) != DISPUTE_OK)
		return DISPUTE_FAILED;
	p = &report->problems[report->problem_count];
	p->kind = kind;
	p->file = NULL;
	p->line = 0;
	p->detail = strdup(detail);
	p->shown = strdup(shown);
	p->path = path != NULL ? strdup(path) : NULL;
	if (p->detail == NULL || p->shown == NULL || (path != NULL && p->path == NULL)) {
		free(p->detail);
		free(p->shown);
		free(p->path);
		return bag_out_of_memory();
	}
	report->problem_count++;
	return DISPUTE_OK;
}

int
bag_add_warning(struct bag_report *report, enum bag_warning_kind kind, const char *path,
    unsigned line, const char *fmt, ...)
{
	struct bag_warning *w;
	va_list ap;
	int status;

	if (grow((void **)&report->warnings, report->warning_count,
	    sizeof(*report->warnings)) != DISPUTE_OK)
		return DISPUTE_FAILED;
	w = &report->warnings[report->warning_count];
	w->kind = kind;
	w->line = line;
	va_start(ap, fmt);
	status = format_entry(&w->detail, &w->shown, &w->path, path, fmt, ap);
	va_end(ap);
	if (status == DISPUTE_OK)
		report->warning_count++;
	return status;
}

void
bag_report_drop_problems(struct bag_report *report)
{
	for (size_t i = 0; i < report->problem_count; i++) {
		free(report->problems[i].path);
		free(report->problems[i].detail);
		free(report->problems[i].shown);
		free(report->problems[i].file);
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
	for (size_t i = 0; i < report->warning_count; i++) {
		free(report->warnings[i].path);
		free(report->warnings[i].detail);
		free(report->warnings[i].shown);
	}
	free(report->warnings);
	free(report->uncovered);
	free(report->problems);
	free(report->root);
	free(report->version);
	free(report->encoding);
	free(report->algorithms);
	memset(report, 0, sizeof(*report));
}
