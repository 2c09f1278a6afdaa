/* Runs the official Mustache spec (tests/data/mustache-spec, github.com/mustache/spec)
 * against mustache_render(). Every case of the required modules must pass; the
 * optional modules (files starting with "~": lambdas, inheritance, dynamic names)
 * are features the renderer does not have, so they are skipped and named. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "dispute/report.h"
#include "mustache.h"

#define SPEC_DIR TEST_DATA_DIR "/mustache-spec"

struct tally {
	int passed, failed, files;
	char skipped[512];
};

static char *
read_text(const char *path)
{
	FILE *f = NULL;
	char *text = NULL, *result = NULL;
	long size;

	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0)
		goto done;
	if ((text = malloc((size_t)size + 1)) == NULL || fread(text, 1, (size_t)size, f) != (size_t)size)
		goto done;
	text[size] = '\0';
	result = text;
	text = NULL;
done:
	if (f != NULL)
		fclose(f);
	free(text);
	return result;
}

/* The case's "partials" object is the whole partial library. */
static char *
spec_partial(const char *name, void *ctx, char **label)
{
	(void)label;
	const cJSON *text = cJSON_GetObjectItemCaseSensitive((const cJSON *)ctx, name);

	return cJSON_IsString(text) ? strdup(text->valuestring) : NULL;
}

static void
run_case(const char *file, const cJSON *test, struct tally *tally)
{
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(test, "name");
	const cJSON *template = cJSON_GetObjectItemCaseSensitive(test, "template");
	const cJSON *expected = cJSON_GetObjectItemCaseSensitive(test, "expected");
	struct mustache_options options = { 0 };
	char *out = NULL;
	int status;

	assert_true(cJSON_IsString(name) && cJSON_IsString(template) && cJSON_IsString(expected));
	options.escape_html = 1;
	options.partial = spec_partial;
	options.partial_ctx = cJSON_GetObjectItemCaseSensitive(test, "partials");
	status = mustache_render(name->valuestring, template->valuestring,
	    strlen(template->valuestring), cJSON_GetObjectItemCaseSensitive(test, "data"),
	    &options, &out);
	if (status == DISPUTE_OK && strcmp(out, expected->valuestring) == 0)
		tally->passed++;
	else {
		tally->failed++;
		printf("FAILED %s: %s\n", file, name->valuestring);
		printf("  template: %s\n  expected: %s\n  got:      %s\n", template->valuestring,
		    expected->valuestring, out != NULL ? out : "(error)");
	}
	free(out);
}

static void
run_file(const char *file, struct tally *tally)
{
	char path[4096];
	char *text;
	cJSON *spec;
	const cJSON *test;

	snprintf(path, sizeof path, "%s/%s", SPEC_DIR, file);
	text = read_text(path);
	assert_non_null(text);
	spec = cJSON_Parse(text);
	free(text);
	assert_non_null(spec);
	cJSON_ArrayForEach(test, cJSON_GetObjectItemCaseSensitive(spec, "tests"))
		run_case(file, test, tally);
	cJSON_Delete(spec);
	tally->files++;
}

static int
is_spec_file(const struct dirent *entry)
{
	size_t len = strlen(entry->d_name);

	return len > 5 && strcmp(entry->d_name + len - 5, ".json") == 0;
}

static void
test_spec(void **state)
{
	struct tally tally = { 0 };
	struct dirent **entries;
	int n, i;

	(void)state;
	n = scandir(SPEC_DIR, &entries, is_spec_file, alphasort);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		if (entries[i]->d_name[0] == '~') {
			if (tally.skipped[0] != '\0')
				strncat(tally.skipped, ", ", sizeof tally.skipped - strlen(tally.skipped) - 1);
			strncat(tally.skipped, entries[i]->d_name,
			    sizeof tally.skipped - strlen(tally.skipped) - 1);
		} else
			run_file(entries[i]->d_name, &tally);
		free(entries[i]);
	}
	free(entries);
	printf("mustache spec: %d passed, %d failed (optional ~ files skipped: %s)\n", tally.passed,
	    tally.failed, tally.skipped[0] != '\0' ? tally.skipped : "none");
	/* comments, delimiters, interpolation, inverted, partials, sections */
	assert_int_equal(tally.files, 6);
	assert_int_equal(tally.failed, 0);
	assert_true(tally.passed > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
