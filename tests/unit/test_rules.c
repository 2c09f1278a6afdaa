/*
 * Tests for rules.c: the shipped table loads and holds every rule the program uses;
 * malformed tables (tests/data/rules/) are refused with a message naming the file;
 * missing rules, dates with no version in force and missing figures are reported.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dispute/report.h"
#include "dispute/rules.h"

#define SHIPPED TEST_DATA_DIR "/../../rules/zh-CN.json"
#define DATA TEST_DATA_DIR "/rules/"

/* Runs rules_load on PATH with stderr captured into MESSAGE. */
static int
load_capturing(const char *path, struct rules *r, char *message, size_t len)
{
	FILE *capture = tmpfile();
	int saved, status;
	size_t n;

	assert_non_null(capture);
	fflush(stderr);
	saved = dup(fileno(stderr));
	assert_true(saved >= 0);
	assert_true(dup2(fileno(capture), fileno(stderr)) >= 0);
	status = rules_load(path, r);
	fflush(stderr);
	dup2(saved, fileno(stderr));
	close(saved);
	rewind(capture);
	n = fread(message, 1, len - 1, capture);
	message[n] = '\0';
	fclose(capture);
	return status;
}

static void
test_shipped_table(void **state)
{
	static const char *const ids[] = {
		"refund", "fraud-compensation", "food-compensation", "filing-fee",
		"filing-fee-simplified", "12315-acceptance", "12315-mediation",
		"administrative-reply", "limitation-period", "return-without-reason",
		"return-quality", "refund-after-return", "small-claims",
	};
	struct rules r;
	struct rule rule;
	int64_t v;
	size_t i;

	(void)state;
	assert_int_equal(rules_load(SHIPPED, &r), DISPUTE_OK);
	assert_non_null(r.path);
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++)
		assert_int_equal(rules_find(&r, ids[i], "2026-03-01", &rule), DISPUTE_OK);

	assert_int_equal(rules_find(&r, "fraud-compensation", "2026-03-01", &rule), DISPUTE_OK);
	assert_string_equal(rule.id, "fraud-compensation");
	assert_string_equal(rule.law, "中华人民共和国消费者权益保护法");
	assert_string_equal(rule.article, "第五十五条第一款");
	assert_string_equal(rule.effective, "2014-03-15");
	assert_null(rule.until);
	assert_true(rule.confirmed);
	assert_non_null(rule.summary);
	assert_string_equal(rule.path, r.path);
	assert_int_equal(rule_integer(&rule, "multiplier", &v), DISPUTE_OK);
	assert_int_equal(v, 3);
	assert_int_equal(rule_integer(&rule, "minimum_fen", &v), DISPUTE_OK);
	assert_int_equal(v, 50000);

	assert_int_equal(rules_find(&r, "food-compensation", "2026-03-01", &rule), DISPUTE_OK);
	assert_int_equal(rule_integer(&rule, "price_multiplier", &v), DISPUTE_OK);
	assert_int_equal(v, 10);
	assert_int_equal(rule_integer(&rule, "loss_multiplier", &v), DISPUTE_OK);
	assert_int_equal(v, 3);
	assert_int_equal(rule_integer(&rule, "minimum_fen", &v), DISPUTE_OK);
	assert_int_equal(v, 100000);
	assert_string_equal(rule.effective, "2015-10-01");

	assert_int_equal(rules_find(&r, "limitation-period", "2026-03-01", &rule), DISPUTE_OK);
	assert_int_equal(rule_integer(&rule, "years", &v), DISPUTE_OK);
	assert_int_equal(v, 3);
	assert_int_equal(rules_find(&r, "administrative-reply", "2026-03-01", &rule), DISPUTE_OK);
	assert_int_equal(rule_integer(&rule, "working_days", &v), DISPUTE_OK);
	assert_int_equal(v, 7);
	assert_int_equal(rules_find(&r, "return-without-reason", "2026-03-01", &rule), DISPUTE_OK);
	assert_int_equal(rule_integer(&rule, "days", &v), DISPUTE_OK);
	assert_int_equal(v, 7);
	assert_int_equal(rules_find(&r, "filing-fee-simplified", "2026-03-01", &rule), DISPUTE_OK);
	assert_int_equal(rule_integer(&rule, "divisor", &v), DISPUTE_OK);
	assert_int_equal(v, 2);
	/* Small claims carry no amount: the ceiling depends on the province and year. */
	assert_int_equal(rules_find(&r, "small-claims", "2026-03-01", &rule), DISPUTE_OK);
	assert_int_equal(rule_integer(&rule, "minimum_fen", &v), DISPUTE_FAILED);

	/* The Order 20 versions end the day before Order 121 takes effect. */
	assert_int_equal(rules_find(&r, "12315-acceptance", "2020-01-01", &rule), DISPUTE_OK);
	assert_string_equal(rule.until, "2026-04-14");
	assert_int_equal(rules_find(&r, "12315-acceptance", "2030-01-01", &rule), DISPUTE_OK);
	assert_string_equal(rule.effective, "2026-04-15");
	assert_null(rule.until);
	rules_free(&r);
	rules_free(&r);
}

static void
test_load_default(void **state)
{
	struct rules r;
	struct rule rule;

	(void)state;
	/* The source tree's table, not whatever an earlier install left behind. */
	setenv("DISPUTE_DATADIR", TEST_DATA_DIR "/../..", 1);
	assert_int_equal(rules_load_default(&r), DISPUTE_OK);
	assert_non_null(strstr(r.path, "/rules/zh-CN.json"));
	assert_int_equal(rules_find(&r, "refund", "2026-03-01", &rule), DISPUTE_OK);
	rules_free(&r);
}

static void
test_malformed_tables(void **state)
{
	static const struct {
		const char *file;
		const char *says;
	} bad[] = {
		{ "not-json.json", "not valid JSON" },
		{ "wrong-schema.json", "not a rule table" },
		{ "rules-not-array.json", "\"rules\" must be an array" },
		{ "missing-law.json", "has no \"law\"" },
		{ "missing-confirmed.json", "has no \"confirmed\"" },
		{ "confirmed-string.json", "\"confirmed\" must be true or false" },
		{ "bad-date.json", "must be dates written YYYY-MM-DD" },
		{ "until-before-effective.json", "before it took effect" },
		{ "misspelt-until.json", "unknown member \"untill\"" },
		{ "fractional-figure.json", "\"multiplier\" must be a whole number" },
		{ "negative-figure.json", "\"minimum_fen\" must be a whole number" },
		{ "huge-multiplier.json", "\"multiplier\" must be a whole number from 1 to 1000" },
		{ "overlap.json", "overlap" },
		{ "open-overlap.json", "overlap" },
		{ "bad-id.json", "needs an \"id\"" },
		{ "bands-descending.json", "above the previous band's" },
		{ "bands-closed.json", "last band must be open-ended" },
		{ "bands-both.json", "exactly one of" },
		{ "bands-rate-too-high.json", "\"rate_basis_points\" must be a whole number" },
		{ "no-such-file.json", "cannot open" },
	};
	char path[512], message[1024];
	struct rules r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(path, sizeof path, "%s%s", DATA, bad[i].file);
		r.path = (char *)"stale";
		assert_int_equal(load_capturing(path, &r, message, sizeof message), DISPUTE_FAILED);
		/* One message, naming the file and the problem. */
		if (strstr(message, path) == NULL || strstr(message, bad[i].says) == NULL)
			fail_msg("%s: unexpected message: %s", bad[i].file, message);
		assert_non_null(strchr(message, '\n'));
		assert_string_equal(strchr(message, '\n'), "\n");
		assert_null(r.path);
		assert_null(r.root);
	}
}

static void
test_find_errors(void **state)
{
	struct rules r;
	struct rule rule;
	int64_t v;

	(void)state;
	assert_int_equal(rules_load(DATA "versions.json", &r), DISPUTE_OK);
	/* A rule the table does not have. */
	assert_int_equal(rules_find(&r, "refund", "2026-03-01", &rule), DISPUTE_FAILED);
	/* Before the first version and after the last. */
	assert_int_equal(rules_find(&r, "fraud-compensation", "2014-03-14", &rule),
	    DISPUTE_FAILED);
	assert_int_equal(rules_find(&r, "fraud-compensation", "2031-01-01", &rule),
	    DISPUTE_FAILED);
	/* The versions meet: the last day of one, the first of the next. */
	assert_int_equal(rules_find(&r, "fraud-compensation", "2026-04-14", &rule), DISPUTE_OK);
	assert_true(rule.confirmed);
	assert_int_equal(rule_integer(&rule, "multiplier", &v), DISPUTE_OK);
	assert_int_equal(v, 3);
	assert_int_equal(rules_find(&r, "fraud-compensation", "2026-04-15", &rule), DISPUTE_OK);
	assert_false(rule.confirmed);
	assert_int_equal(rule_integer(&rule, "minimum_fen", &v), DISPUTE_OK);
	assert_int_equal(v, 60000);
	/* The later version has no multiplier: absent figures are reported, not zero. */
	v = -1;
	assert_int_equal(rule_integer(&rule, "multiplier", &v), DISPUTE_FAILED);
	assert_int_equal(v, -1);
	/* A string is not a figure. */
	assert_int_equal(rule_integer(&rule, "law", &v), DISPUTE_FAILED);
	assert_int_equal(rules_find(&r, "fraud-compensation", "2030-12-31", &rule), DISPUTE_OK);
	assert_int_equal(rules_find(&r, "fraud-compensation", "2026-4-15", &rule), DISPUTE_FAILED);
	assert_int_equal(rules_find(&r, "fraud-compensation", NULL, &rule), DISPUTE_FAILED);
	rules_free(&r);

	/* In the shipped table, no version of any rule before its law took effect. */
	assert_int_equal(rules_load(SHIPPED, &r), DISPUTE_OK);
	assert_int_equal(rules_find(&r, "fraud-compensation", "2010-01-01", &rule), DISPUTE_FAILED);
	assert_int_equal(rules_find(&r, "limitation-period", "2020-12-31", &rule), DISPUTE_FAILED);
	assert_int_equal(rules_find(&r, "no-such-rule", "2026-03-01", &rule), DISPUTE_FAILED);
	rules_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_table),
		cmocka_unit_test(test_load_default),
		cmocka_unit_test(test_malformed_tables),
		cmocka_unit_test(test_find_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
