/* A Mustache renderer (https://mustache.github.io/mustache.5.html, spec v1.x):
 * variables, escaped and unescaped output, sections, inverted sections, comments,
 * partials, set delimiters, dotted names, the implicit iterator and the standalone-line
 * whitespace rules. Lambdas are not supported. Data is a cJSON tree. */
#ifndef DISPUTE_MUSTACHE_H
#define DISPUTE_MUSTACHE_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "dispute/row-list.h"

/* Returns the text of partial NAME as a malloc'd NUL-terminated string, or NULL when
 * there is no such partial (it then renders as empty, as the spec says). May set *LABEL
 * to a malloc'd name for error messages (the partial's file path); it stays NULL
 * otherwise, and NAME is used. */
typedef char *(*mustache_partial_fn)(const char *name, void *ctx, char **label);

/* Takes the next N bytes of the output; DISPUTE_FAILED (after reporting) stops the
 * render. */
typedef int (*mustache_write_fn)(const char *bytes, size_t n, void *ctx);

struct mustache_options {
	int escape_html;              /* {{name}} HTML-escapes when non-zero */
	mustache_partial_fn partial;  /* NULL: every partial renders empty */
	void *partial_ctx;
	/* Non-NULL: the output goes here as it renders, in order and without the final
	 * NUL, and *OUT stays NULL; so a page of thousands of items is never held whole. */
	mustache_write_fn write;
	void *write_ctx;
	/* Lists made a row at a time (row-list.h): a section over one of their stand-ins
	 * renders once for each of its rows, an inverted one when it has none. */
	const struct row_list *lists;
	size_t list_count;
};

/* Renders TEMPLATE (LEN bytes) against DATA. On success returns DISPUTE_OK and a
 * malloc'd NUL-terminated result in *OUT (free it). When the template cannot be parsed
 * (unclosed tag, unbalanced section, bad delimiter change) prints one error
 * "NAME:LINE:COLUMN: problem" to stderr, returns DISPUTE_FAILED and sets *OUT to NULL.
 * NAME is the template's file name as the user knows it; an error inside a partial
 * names the partial instead. OPTIONS may be NULL: no escaping, no partials.
 * Interpolation prints strings as they are, whole numbers without a fraction ("85"),
 * others with just enough digits to read back the same ("1.21"), booleans as
 * "true" and "false", and nothing for null, lists and objects. Sections skip false,
 * null, a missing name and the empty list; any other value (even "" or 0) renders
 * the section once.
 * Partials may nest 64 deep and sections 100 deep; beyond that is an error, and so
 * is rendering more than MUSTACHE_MAX_STEPS tags in all, which only partials that
 * include each other repeatedly reach (their work grows exponentially). */
#define MUSTACHE_MAX_STEPS 2000000
int mustache_render(const char *name, const char *template_text, size_t len, const cJSON *data,
    const struct mustache_options *options, char **out);

#endif
