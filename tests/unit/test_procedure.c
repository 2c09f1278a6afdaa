/*
 * Tests for procedure.c: the small-claims limit in force on a date decides small claims
 * (at or below it), small claims by agreement (up to the agreed limit) or the simplified
 * procedure; a province without a figure has none; an old figure is flagged; a buyer's
 * table replaces a province; the fee is halved for the simplified procedure and halved
 * again on mediation or withdrawal, each time to the nearest fen.
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

#include "dispute/procedure.h"
#include "dispute/report.h"
#include "dispute/rules.h"

struct fixture {
	struct rules rules;
	struct wage_table wages;
};

static int
setup(void **state)
{
	static struct fixture f;

	if (rules_load_default(&f.rules) != DISPUTE_OK ||
	    wages_load_default(&f.wages, NULL) != DISPUTE_OK)
		return -1;
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	rules_free(&f->rules);
	wages_free(&f->wages);
	return 0;
}

static enum procedure_kind
kind_of(struct fixture *f, const char *province, int64_t fen, const char *date)
{
	struct procedure p;

	assert_int_equal(procedure_assess(&f->wages, &f->rules, province, fen, date, &p),
	    DISPUTE_OK);
	return p.kind;
}

/* 江苏省 from 2026-01-04: 64,610 yuan, 258,440 by agreement. */
static void
test_threshold(void **state)
{
	struct fixture *f = *state;
	struct procedure p;

	assert_int_equal(kind_of(f, "江苏省", 6461000, "2026-11-18"), PROCEDURE_SMALL_CLAIMS);
	assert_int_equal(kind_of(f, "江苏省", 62450, "2026-11-18"), PROCEDURE_SMALL_CLAIMS);
	assert_int_equal(kind_of(f, "江苏省", 6461001, "2026-11-18"), PROCEDURE_BY_AGREEMENT);
	assert_int_equal(kind_of(f, "江苏省", 25844000, "2026-11-18"), PROCEDURE_BY_AGREEMENT);
	assert_int_equal(kind_of(f, "江苏省", 25844001, "2026-11-18"), PROCEDURE_SIMPLIFIED);
	/* Before the notice took effect there is no figure in the table for Jiangsu. */
	assert_int_equal(kind_of(f, "江苏省", 100, "2026-01-03"), PROCEDURE_NO_FIGURE);
	/* A province without a figure, and no province at all. */
	assert_int_equal(kind_of(f, "北京市", 100, "2026-11-18"), PROCEDURE_NO_FIGURE);
	assert_int_equal(kind_of(f, NULL, 100, "2026-11-18"), PROCEDURE_NO_FIGURE);

	assert_int_equal(procedure_assess(&f->wages, &f->rules, "江苏省", 100, "2026-11-18", &p),
	    DISPUTE_OK);
	assert_int_equal(p.limit_fen, 6461000);
	assert_int_equal(p.agreed_limit_fen, 25844000);
	assert_string_equal(p.limit_from, "2026-01-04");
	assert_int_equal(p.wage_year, 2024);
	assert_true(p.limit_confirmed);
	assert_false(p.limit_stale);
	/* 浙江省's figure dates from 2022: still applied, but flagged as possibly replaced. */
	assert_int_equal(procedure_assess(&f->wages, &f->rules, "浙江省", 5432300, "2026-11-18",
	    &p), DISPUTE_OK);
	assert_int_equal(p.kind, PROCEDURE_SMALL_CLAIMS);
	assert_true(p.limit_stale);
	assert_int_equal(kind_of(f, "浙江省", 5432301, "2026-11-18"), PROCEDURE_BY_AGREEMENT);
}

/* 诉讼费用交纳办法 第十三条, halved by 第十六条, halved again by 第十五条. */
static void
test_fee_halvings(void **state)
{
	static const struct { int64_t amount, fee, halved, mediation; } v[] = {
		{ 62450, 5000, 2500, 1250 },           /* up to 10,000: 50 per case */
		{ 1000100, 5003, 2502, 1251 },         /* 10,001: 50.03 → 25.02 (half up) → 12.51 */
		{ 1952000, 28800, 14400, 7200 },       /* 19,520 */
		{ 5000000, 105000, 52500, 26250 },     /* 50,000 */
		{ 25000000, 505000, 252500, 126250 },  /* 250,000: the 1.5% band */
	};
	struct fixture *f = *state;
	struct procedure p;
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		assert_int_equal(procedure_assess(&f->wages, &f->rules, "江苏省", v[i].amount,
		    "2026-11-18", &p), DISPUTE_OK);
		assert_int_equal(p.fee_fen, v[i].fee);
		assert_int_equal(p.fee_halved_fen, v[i].halved);
		assert_int_equal(p.fee_mediation_fen, v[i].mediation);
		/* Whether the two halvings combine is not confirmed. */
		assert_false(p.fee_confirmed);
	}
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A buyer's table replaces a province whole and adds others; a bad one is refused. */
static void
test_override(void **state)
{
	struct fixture *f = *state;
	struct wage_table t = { NULL };
	char dir[] = "/tmp/test-wages-XXXXXX", path[64];

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/wages.json", dir);
	write_file(path, "{\"schema\": \"dispute-wages/1\", \"provinces\": {\"北京市\": [{\"from\": "
	    "\"2026-01-01\", \"wage_year\": 2025, \"limit_fen\": 1000000, \"agreed_limit_fen\": "
	    "4000000, \"confirmed\": false, \"source\": \"buyer\"}]}}");
	assert_int_equal(wages_load_default(&t, dir), DISPUTE_OK);
	assert_int_equal(kind_of(f, "北京市", 100, "2026-11-18"), PROCEDURE_NO_FIGURE);
	{
		struct procedure p;

		assert_int_equal(procedure_assess(&t, &f->rules, "北京市", 1000000, "2026-11-18",
		    &p), DISPUTE_OK);
		assert_int_equal(p.kind, PROCEDURE_SMALL_CLAIMS);
		assert_false(p.limit_confirmed);
		assert_int_equal(procedure_assess(&t, &f->rules, "江苏省", 6461000, "2026-11-18",
		    &p), DISPUTE_OK);
		assert_int_equal(p.kind, PROCEDURE_SMALL_CLAIMS);
	}
	wages_free(&t);
	/* An agreed limit below the limit, and a fractional figure, are refused. */
	write_file(path, "{\"schema\": \"dispute-wages/1\", \"provinces\": {\"北京市\": [{\"from\": "
	    "\"2026-01-01\", \"limit_fen\": 1000000, \"agreed_limit_fen\": 10, \"confirmed\": "
	    "true, \"source\": \"s\"}]}}");
	assert_int_equal(wages_load_default(&t, dir), DISPUTE_FAILED);
	assert_null(t.provinces);
	write_file(path, "{\"schema\": \"dispute-wages/1\", \"provinces\": {\"北京市\": [{\"from\": "
	    "\"2026-01-01\", \"limit_fen\": 1000.5, \"agreed_limit_fen\": 4000, \"confirmed\": "
	    "true, \"source\": \"s\"}]}}");
	assert_int_equal(wages_load_default(&t, dir), DISPUTE_FAILED);
	write_file(path, "{\"schema\": \"dispute-holidays/1\"}");
	assert_int_equal(wages_load_default(&t, dir), DISPUTE_FAILED);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_fee_halvings),
		cmocka_unit_test(test_override),
	};

	dispute_set_quiet(1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
