/* Rendering template files: where templates are found (the case's own templates/ folder
 * first, then the shipped templates/LANG/), partials next to the template, and HTML
 * escaping decided by the file name. */
#ifndef DISPUTE_TEMPLATE_H
#define DISPUTE_TEMPLATE_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "dispute/row-list.h"

enum template_escape {
	TEMPLATE_ESCAPE_BY_NAME = -1, /* on for *.html.mustache, off otherwise */
	TEMPLATE_ESCAPE_NONE = 0,
	TEMPLATE_ESCAPE_HTML = 1
};

/* Renders the template file PATH against DATA. Partials {{> name}} are read from
 * name.mustache next to PATH, then from FALLBACK_DIR (may be NULL). */
int template_render_file(const char *path, const char *fallback_dir,
    const struct template_data *data, enum template_escape escape, char **out);

/* The same, handing the output to WRITE as it renders instead of holding it whole. */
int template_render_file_to(const char *path, const char *fallback_dir,
    const struct template_data *data, enum template_escape escape,
    int (*write)(const char *bytes, size_t n, void *ctx), void *ctx);

/* The path of template NAME ("complaint-court.txt") for a case: CASE_DIR/templates/
 * NAME.mustache when the case overrides it, else the shipped templates/LANG/NAME.mustache.
 * *SHIPPED_DIR receives the shipped folder (for partials). Both malloc'd. */
int template_find(const char *case_dir, const char *lang, const char *name, char **path,
    char **shipped_dir);

#endif
