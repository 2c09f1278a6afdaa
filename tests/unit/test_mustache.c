/* mustache_render() beyond the official spec (test_mustache_spec.c): output without
 * HTML escaping, syntax errors and where they are reported, UTF-8 text, numbers
 * and booleans, the guard against partials that include themselves forever, and lists
 * made a row at a time (row-list.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "dispute/report.h"
#include "mustache.h"

/* What one render produced: its status, its output and whatever went to stderr. */
struct result {
	int status;
	char *out;
	char err[4096];
};

/* PARTIALS is a JSON object of partial name to text, or NULL for none. */
static char *
json_partial(const char *name, void *ctx, char **label)
{
	(void)label;
	const cJSON *text = cJSON_GetObjectItemCaseSensitive((const cJSON *)ctx, name);

	return cJSON_IsString(text) ? strdup(text->valuestring) : NULL;
}

/* Renders TEMPLATE against DATA with stderr sent to a temporary file, so that error
 * messages can be checked and do not clutter the test log. */
static void
render_captured(const char *template, const cJSON *data,
    const struct mustache_options *options, struct result *result)
{
	FILE *err;
	size_t n;
	int saved;

	assert_non_null(err = tmpfile());
	fflush(stderr);
	assert_true((saved = dup(STDERR_FILENO)) >= 0);
	assert_true(dup2(fileno(err), STDERR_FILENO) >= 0);
	result->status = mustache_render("t.mustache", template, strlen(template), data, options,
	    &result->out);
	fflush(stderr);
	assert_true(dup2(saved, STDERR_FILENO) >= 0);
	close(saved);
	rewind(err);
	n = fread(result->err, 1, sizeof result->err - 1, err);
	result->err[n] = '\0';
	fclose(err);
}

static void
render(const char *template, const char *data_json, const char *partials_json, int escape,
    struct result *result)
{
	struct mustache_options options = { 0 };
	cJSON *data = NULL, *partials = NULL;

	if (data_json != NULL)
		assert_non_null(data = cJSON_Parse(data_json));
	if (partials_json != NULL) {
		assert_non_null(partials = cJSON_Parse(partials_json));
		options.partial = json_partial;
		options.partial_ctx = partials;
	}
	options.escape_html = escape;
	render_captured(template, data, &options, result);
	cJSON_Delete(data);
	cJSON_Delete(partials);
}

static void
assert_renders(const char *template, const char *data_json, int escape, const char *expected)
{
	struct result r;

	render(template, data_json, NULL, escape, &r);
	assert_int_equal(r.status, DISPUTE_OK);
	assert_string_equal(r.err, "");
	assert_non_null(r.out);
	assert_string_equal(r.out, expected);
	free(r.out);
}

/* The template fails with exactly one error line that contains WANT. */
static void
assert_error(const char *template, const char *partials_json, const char *want)
{
	struct result r;

	render(template, "{\"a\": true, \"sec\": true}", partials_json, 1, &r);
	assert_int_equal(r.status, DISPUTE_FAILED);
	assert_null(r.out);
	if (strstr(r.err, want) == NULL)
		fail_msg("stderr \"%s\" lacks \"%s\"", r.err, want);
	assert_true(strncmp(r.err, "dispute: ", 9) == 0);
	assert_ptr_equal(strchr(r.err, '\n'), r.err + strlen(r.err) - 1);
}

static void
test_escape_off(void **state)
{
	(void)state;
	assert_renders("{{x}}|{{{x}}}|{{&x}}", "{\"x\": \"<&>\\\"'\"}", 0, "<&>\"'|<&>\"'|<&>\"'");
	assert_renders("{{x}}|{{{x}}}", "{\"x\": \"<&>\\\"'\"}", 1, "&lt;&amp;&gt;&quot;'|<&>\"'");
}

static void
test_unclosed_tag(void **state)
{
	(void)state;
	assert_error("Dear {{name", NULL, "t.mustache:1:6: unclosed tag");
	assert_error("{{{name}}", NULL, "t.mustache:1:1: unclosed tag");
	assert_error("<%x%>{{=<% %>=}}\n<%name", NULL, "t.mustache:2:1: unclosed tag");
}

static void
test_unclosed_section(void **state)
{
	(void)state;
	assert_error("{{#a}}never closed", NULL, "t.mustache:1:1: unclosed section \"a\"");
	assert_error("line1\n  {{#sec}}", NULL, "t.mustache:2:3: unclosed section \"sec\"");
}

static void
test_wrong_close(void **state)
{
	(void)state;
	assert_error("{{#a}}{{/b}}", NULL, "t.mustache:1:7: closing tag \"b\" does not match open section \"a\"");
	assert_error("x\n{{/a}}", NULL, "t.mustache:2:1: closing tag \"a\" without an open section");
	assert_error("{{#a}}{{#b}}{{/a}}{{/b}}", NULL, "t.mustache:1:13:");
}

static void
test_bad_delimiters(void **state)
{
	(void)state;
	assert_error("{{=<%=}}", NULL, "t.mustache:1:1: invalid delimiter tag");
	assert_error("{{=<% %> x=}}", NULL, "t.mustache:1:1: invalid delimiter tag");
	assert_error("{{=a= b=}}", NULL, "t.mustache:1:1: invalid delimiter tag");
	assert_error("{{= =}}", NULL, "t.mustache:1:1: invalid delimiter tag");
	assert_error("{{=<% %>}}", NULL, "t.mustache:1:1: invalid delimiter tag");
	assert_error("{{}}", NULL, "t.mustache:1:1: tag has no name");
}

/* Columns count characters, so an error after Chinese text points where an editor would. */
static void
test_utf8(void **state)
{
	(void)state;
	assert_renders("尊敬的{{name}}：\n您的订单 {{order}} 已退款 ¥{{amount}}。",
	    "{\"name\": \"张三\", \"order\": \"订单号<42>\", \"amount\": 99.5}", 1,
	    "尊敬的张三：\n您的订单 订单号&lt;42&gt; 已退款 ¥99.5。");
	assert_renders("{{#商品}}{{名称}}、{{/商品}}", "{\"商品\": [{\"名称\": \"耳机\"}, {\"名称\": \"充电器\"}]}",
	    0, "耳机、充电器、");
	assert_error("退款申请\n尊敬的{{#a}}", NULL, "t.mustache:2:4: unclosed section");
}

static void
test_values(void **state)
{
	(void)state;
	assert_renders("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}}",
	    "{\"a\": 85, \"b\": 1.21, \"c\": -3, \"d\": 0.1, \"e\": 1e20, \"f\": -0.0}", 1,
	    "85 1.21 -3 0.1 1e+20 0");
	assert_renders("{{t}} {{f}} [{{n}}] [{{list}}] [{{obj}}] [{{missing}}]",
	    "{\"t\": true, \"f\": false, \"n\": null, \"list\": [1], \"obj\": {}}", 1,
	    "true false [] [] [] []");
	/* Only false, null, a miss and the empty list are falsey; "" and 0 are not. */
	assert_renders("{{#s}}s{{/s}}{{#z}}z{{/z}}{{^e}}e{{/e}}", "{\"s\": \"\", \"z\": 0, \"e\": []}", 1,
	    "sze");
	assert_renders("", "{}", 1, "");
	assert_renders("plain {{x}}", NULL, 1, "plain ");
}

static void
test_no_partial_callback(void **state)
{
	(void)state;
	assert_renders("[{{>missing}}]", "{}", 1, "[]");
}

static void
test_partial_recursion(void **state)
{
	struct result r;

	(void)state;
	assert_error("{{>loop}}", "{\"loop\": \"again {{>loop}}\"}", "loop:1:7: partial nesting too deep");
	assert_error("{{>a}}", "{\"a\": \"{{>b}}\", \"b\": \"{{#sec}}\\n{{>a}}\\n{{/sec}}\"}",
	    "partial nesting too deep");

	/* A syntax error in a partial is reported against the partial's name. */
	assert_error("ok {{>p}}", "{\"p\": \"x\\n {{#open}}\"}", "p:2:2: unclosed section \"open\"");

	/* Recursion bounded by the data is fine. */
	render("{{>node}}", "{\"n\": 1, \"kids\": [{\"n\": 2, \"kids\": [{\"n\": 3, \"kids\": []}]}]}",
	    "{\"node\": \"{{n}}({{#kids}}{{>node}}{{/kids}})\"}", 1, &r);
	assert_int_equal(r.status, DISPUTE_OK);
	assert_string_equal(r.out, "1(2(3()))");
	free(r.out);
}

/* An indented standalone partial indents every line it outputs, but not blank lines. */
static void
test_partial_indent(void **state)
{
	struct result r;

	(void)state;
	render("<ul>\n  {{>items}}\n</ul>\n", "{\"items\": [\"a\", \"b\"]}",
	    "{\"items\": \"{{#items}}\\n<li>{{.}}</li>\\n\\n{{/items}}\\n\"}", 1, &r);
	assert_int_equal(r.status, DISPUTE_OK);
	assert_string_equal(r.out, "<ul>\n  <li>a</li>\n\n  <li>b</li>\n\n</ul>\n");
	free(r.out);
}

/* Fetches "line", counting the calls. */
static char *
counted_partial(const char *name, void *ctx, char **label)
{
	(void)label;
	++*(int *)ctx;
	return strcmp(name, "line") == 0 ? strdup("- {{.}}\n") : NULL;
}

/* A partial used again and again is fetched and parsed once per indentation. */
static void
test_partial_fetched_once(void **state)
{
	struct mustache_options options = { 0, counted_partial, NULL, NULL, NULL, NULL, 0 };
	cJSON *data = cJSON_Parse("[\"a\", \"b\", \"c\"]");
	char *out = NULL;
	int calls = 0;
	const char *template = "{{#.}}\n{{>line}}\n{{/.}}\n{{#.}}\n  {{>line}}\n{{/.}}\n";

	(void)state;
	options.partial_ctx = &calls;
	assert_non_null(data);
	assert_int_equal(mustache_render("t", template, strlen(template), data, &options, &out),
	    DISPUTE_OK);
	assert_string_equal(out, "- a\n- b\n- c\n  - a\n  - b\n  - c\n");
	assert_int_equal(calls, 2);
	free(out);
	cJSON_Delete(data);
}

static void
test_section_depth(void **state)
{
	char template[101 * 6 + 1] = "";
	int i;

	(void)state;
	for (i = 0; i < 101; i++)
		strcat(template, "{{#a}}");
	assert_error(template, NULL, "t.mustache:1:601: sections nested more than 100 deep");
}

/* ---- lists made a row at a time ----------------------------------------------------- */

/* Rows {"n": I, "name": "row I"}; making row FAIL_AT fails. Counts the rows made (the
 * renderer deletes each: the sanitized and valgrind runs see a leak otherwise). */
struct counted_rows {
	size_t fail_at;
	size_t made;
};

static int
make_counted(const struct row_list *list, size_t index, cJSON **row)
{
	struct counted_rows *c = (struct counted_rows *)list->ctx;
	char name[32];

	*row = NULL;
	if (index == c->fail_at) {
		fprintf(stderr, "dispute: row %zu cannot be made\n", index);
		return DISPUTE_FAILED;
	}
	snprintf(name, sizeof name, "row %zu", index);
	assert_non_null(*row = cJSON_CreateObject());
	assert_non_null(cJSON_AddNumberToObject(*row, "n", (double)index));
	assert_non_null(cJSON_AddStringToObject(*row, "name", name));
	c->made++;
	return DISPUTE_OK;
}

/* Renders TEMPLATE against DATA_JSON, in which "rows" (at the top, or inside "page")
 * stands for COUNT rows made by make_counted(). */
static void
render_rows(const char *template, const char *data_json, const char *where, size_t count,
    struct counted_rows *c, struct result *result)
{
	struct mustache_options options = { 0 };
	cJSON *data, *inside;
	struct row_list list;

	assert_non_null(data = cJSON_Parse(data_json));
	inside = where != NULL ? cJSON_GetObjectItemCaseSensitive(data, where) : data;
	assert_non_null(inside);
	list = (struct row_list){ cJSON_AddArrayToObject(inside, "rows"), count, make_counted, c };
	assert_non_null(list.stand_in);
	options.lists = &list;
	options.list_count = 1;
	render_captured(template, data, &options, result);
	cJSON_Delete(data);
}

/* Each row is made when the section reaches it, in order, and sees the data around it. */
static void
test_rows_rendered_in_order(void **state)
{
	struct counted_rows c = { (size_t)-1, 0 };
	struct result r;

	(void)state;
	render_rows("{{#rows}}{{n}}={{name}} of {{title}};{{/rows}}{{^rows}}none{{/rows}}",
	    "{\"title\": \"证据\"}", NULL, 3, &c, &r);
	assert_int_equal(r.status, DISPUTE_OK);
	assert_string_equal(r.out, "0=row 0 of 证据;1=row 1 of 证据;2=row 2 of 证据;");
	assert_int_equal(c.made, 3);
	free(r.out);
	/* Twice over, twice made: nothing is kept between passes. */
	c.made = 0;
	render_rows("{{#rows}}{{n}}{{/rows}}|{{#rows}}{{n}}{{/rows}}", "{}", NULL, 2, &c, &r);
	assert_string_equal(r.out, "01|01");
	assert_int_equal(c.made, 4);
	free(r.out);
}

/* An empty list is false, as an empty array is; a dotted name reaches a list too. */
static void
test_rows_empty_and_dotted(void **state)
{
	struct counted_rows c = { (size_t)-1, 0 };
	struct result r;

	(void)state;
	render_rows("{{#rows}}x{{/rows}}{{^rows}}none{{/rows}}", "{}", NULL, 0, &c, &r);
	assert_int_equal(r.status, DISPUTE_OK);
	assert_string_equal(r.out, "none");
	assert_int_equal(c.made, 0);
	free(r.out);
	render_rows("{{#page.rows}}[{{name}}]{{/page.rows}}{{^page.rows}}none{{/page.rows}}",
	    "{\"page\": {}}", "page", 2, &c, &r);
	assert_string_equal(r.out, "[row 0][row 1]");
	free(r.out);
	/* The stand-in itself, printed as a value, is an empty list: nothing. */
	render_rows("<{{rows}}>", "{}", NULL, 2, &c, &r);
	assert_string_equal(r.out, "<>");
	free(r.out);
}

/* A row that cannot be made stops the render with its error, and no output. */
static void
test_rows_failure(void **state)
{
	struct counted_rows c = { 1, 0 };
	struct result r;

	(void)state;
	render_rows("{{#rows}}{{n}}{{/rows}}", "{}", NULL, 3, &c, &r);
	assert_int_equal(r.status, DISPUTE_FAILED);
	assert_null(r.out);
	assert_string_equal(r.err, "dispute: row 1 cannot be made\n");
	assert_int_equal(c.made, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_off),
		cmocka_unit_test(test_unclosed_tag),
		cmocka_unit_test(test_unclosed_section),
		cmocka_unit_test(test_wrong_close),
		cmocka_unit_test(test_bad_delimiters),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_no_partial_callback),
		cmocka_unit_test(test_partial_recursion),
		cmocka_unit_test(test_partial_indent),
		cmocka_unit_test(test_partial_fetched_once),
		cmocka_unit_test(test_section_depth),
		cmocka_unit_test(test_rows_rendered_in_order),
		cmocka_unit_test(test_rows_empty_and_dotted),
		cmocka_unit_test(test_rows_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
