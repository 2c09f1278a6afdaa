/* Private interface between the Mustache parser (mustache-parse.c) and the renderer
 * (mustache.c): the node tree, and the calls that build, free and report on it. */
#ifndef DISPUTE_MUSTACHE_INTERNAL_H
#define DISPUTE_MUSTACHE_INTERNAL_H

#include <stddef.h>

/* The renderer recurses once per section level and once per partial; these bound
 * its stack use, and stop a partial that includes itself unconditionally. */
#define MUSTACHE_MAX_SECTION_DEPTH 100
#define MUSTACHE_MAX_PARTIAL_DEPTH 64

enum mustache_node_type {
	MUSTACHE_TEXT,
	MUSTACHE_VARIABLE, /* {{name}}: HTML-escaped when the options ask for it */
	MUSTACHE_RAW,      /* {{{name}}} and {{&name}} */
	MUSTACHE_SECTION,  /* {{#name}}...{{/name}} */
	MUSTACHE_INVERTED, /* {{^name}}...{{/name}} */
	MUSTACHE_PARTIAL   /* {{>name}} */
};

struct mustache_node {
	enum mustache_node_type type;
	/* TEXT: bytes that point into the template source or into the indentation
	 * string given to mustache_parse(), so both must outlive the tree. */
	const char *text;
	size_t len;
	char *name;     /* every other type: the trimmed tag name */
	char *indent;   /* PARTIAL from a standalone tag: prefix for each of its lines */
	size_t offset;  /* where the tag starts in the source, for error messages */
	struct mustache_node *children; /* SECTION, INVERTED */
	struct mustache_node *next;
};

struct mustache_template {
	const char *name;   /* as the user knows it: file name, or the partial's name */
	const char *source; /* not owned */
	size_t len;
	struct mustache_node *nodes;
};

/* Parses SOURCE (LEN bytes, need not be NUL-terminated) into T. INDENT, when not
 * NULL, is put in front of every line the template outputs: the spec's rule for a
 * partial whose tag stands alone on its line. On a syntax error prints one
 * "NAME:LINE:COLUMN: problem" message and returns DISPUTE_FAILED with T empty. */
int mustache_parse(struct mustache_template *t, const char *name, const char *source,
    size_t len, const char *indent);
void mustache_template_free(struct mustache_template *t);

/* Prints "NAME:LINE:COLUMN: MESSAGE" for the byte at OFFSET in T's source. Lines
 * and columns count from 1; a column counts UTF-8 characters, not bytes, so that it
 * matches what an editor shows for non-ASCII text. */
void mustache_report(const struct mustache_template *t, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
