/* libFuzzer harness for mustache_render(). The first input byte picks the options:
 * bit 0 turns HTML escaping on, bit 1 drops the partial callback, bit 2 passes no
 * options at all. The rest is cut at its first NUL into the template and a JSON view
 * (parsed with cJSON; an empty object when it does not parse, or when there is no NUL).
 * Partials: "a" and "b" are small fixed templates ("b" includes "a" from a section),
 * and "self" is the template itself, so that a template can recurse into itself up
 * to the nesting limit. The result must be consistent: DISPUTE_OK with an output, or
 * DISPUTE_FAILED with *OUT set to NULL; anything else calls abort(). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "dispute/report.h"
#include "mustache.h"

#include "fuzz.h"

#define PARTIAL_A "<{{x}}>{{{x}}}\n"
#define PARTIAL_B "{{#list}}\n  {{>a}}\n{{/list}}\n{{^list}}[{{.}}]{{/list}}"

struct source {
	const char *text;
	size_t len;
};

static char *
partial(const char *name, void *ctx, char **label)
{
	(void)label;
	const struct source *self = ctx;

	if (strcmp(name, "a") == 0)
		return strdup(PARTIAL_A);
	if (strcmp(name, "b") == 0)
		return strdup(PARTIAL_B);
	if (strcmp(name, "self") == 0)
		return strndup(self->text, self->len);
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source self;
	struct mustache_options options = { 0 };
	const char *text, *nul;
	cJSON *view = NULL;
	char *out = (char *)"unset"; /* must be replaced either way */
	unsigned mode;
	int status;

	fuzz_quiet_stderr();
	if (size == 0)
		return 0;
	mode = data[0];
	text = (const char *)data + 1;
	size--;
	nul = memchr(text, '\0', size);
	self.text = text;
	self.len = nul != NULL ? (size_t)(nul - text) : size;
	if (nul != NULL)
		view = cJSON_ParseWithLength(nul + 1, size - self.len - 1);
	if (view == NULL)
		view = cJSON_CreateObject();
	if (view == NULL)
		return 0;
	options.escape_html = mode & 1;
	if (!(mode & 2)) {
		options.partial = partial;
		options.partial_ctx = &self;
	}
	status = mustache_render("fuzz.mustache", self.text, self.len, view,
	    mode & 4 ? NULL : &options, &out);
	if (status == DISPUTE_OK) {
		if (out == NULL)
			abort();
		(void)strlen(out); /* NUL-terminated, inside its block */
	} else if (status != DISPUTE_FAILED || out != NULL) {
		abort();
	}
	free(out);
	cJSON_Delete(view);
	return 0;
}
