/*
 * Tests for calendar.c: date arithmetic, and working days under the shipped holiday
 * table (rules/holidays-cn.json) and user tables merged over it. Expected dates were
 * worked out by hand from the State Council notices and a printed calendar, not from
 * the code under test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dispute/calendar.h"
#include "dispute/report.h"

#define SHIPPED TEST_DATA_DIR "/../../rules/holidays-cn.json"
#define HOLIDAYS TEST_DATA_DIR "/holidays/"

static int
setup_shipped(void **state)
{
	struct holiday_table *t = calloc(1, sizeof *t);

	if (t == NULL || holidays_load(t, SHIPPED) != DISPUTE_OK) {
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int
teardown_table(void **state)
{
	holidays_free(*state);
	free(*state);
	return 0;
}

/* The date N working days after FROM under T, checked against WANT. */
static void
expect_workdays(const struct holiday_table *t, const char *from, int n, const char *want,
    int want_uncovered)
{
	char out[DATE_LEN];
	int uncovered = -1;

	assert_int_equal(workdays_add(t, from, n, out, &uncovered), DISPUTE_OK);
	assert_string_equal(out, want);
	assert_int_equal(uncovered, want_uncovered);
}

static void
test_date_valid(void **state)
{
	(void)state;
	assert_true(date_valid("2026-02-28"));
	assert_true(date_valid("2024-02-29"));
	assert_true(date_valid("2000-02-29"));
	assert_false(date_valid("1900-02-29"));
	assert_false(date_valid("2026-02-29"));
	assert_false(date_valid("2026-13-01"));
	assert_false(date_valid("2026-00-10"));
	assert_false(date_valid("2026-04-31"));
	assert_false(date_valid("2026-4-1"));
	assert_false(date_valid("2026/04/01"));
	assert_false(date_valid(" 2026-04-01"));
	assert_false(date_valid("2026-04-01 "));
	assert_false(date_valid("0000-01-01"));
	assert_false(date_valid(""));
	assert_false(date_valid(NULL));
}

static void
test_date_add_days(void **state)
{
	char out[DATE_LEN];
	int days;

	(void)state;
	assert_int_equal(date_add_days("2026-02-28", 1, out), DISPUTE_OK);
	assert_string_equal(out, "2026-03-01");
	assert_int_equal(date_add_days("2024-02-28", 1, out), DISPUTE_OK);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(date_add_days("2025-12-31", 1, out), DISPUTE_OK);
	assert_string_equal(out, "2026-01-01");
	assert_int_equal(date_add_days("2026-01-01", -1, out), DISPUTE_OK);
	assert_string_equal(out, "2025-12-31");
	assert_int_equal(date_add_days("2026-03-10", 7, out), DISPUTE_OK);
	assert_string_equal(out, "2026-03-17");
	/* 1970-01-01 (day 0 of the algorithm) and a date before it. */
	assert_int_equal(date_add_days("1969-12-31", 1, out), DISPUTE_OK);
	assert_string_equal(out, "1970-01-01");
	assert_int_equal(date_add_days("2000-03-01", -1, out), DISPUTE_OK);
	assert_string_equal(out, "2000-02-29");
	assert_int_equal(date_add_days("9999-12-31", 1, out), DISPUTE_FAILED);
	assert_int_equal(date_add_days("2026-02-30", 1, out), DISPUTE_FAILED);

	assert_int_equal(date_diff_days("2026-01-01", "2027-01-01", &days), DISPUTE_OK);
	assert_int_equal(days, 365);
	assert_int_equal(date_diff_days("2024-01-01", "2025-01-01", &days), DISPUTE_OK);
	assert_int_equal(days, 366);
	assert_int_equal(date_diff_days("2026-04-15", "2026-04-14", &days), DISPUTE_OK);
	assert_int_equal(days, -1);
	assert_int_equal(date_diff_days("1970-01-01", "2000-01-01", &days), DISPUTE_OK);
	assert_int_equal(days, 10957);
	assert_int_equal(date_diff_days("2026-01-01", "bad", &days), DISPUTE_FAILED);
}

static void
test_date_add_years(void **state)
{
	char out[DATE_LEN];

	(void)state;
	assert_int_equal(date_add_years("2024-02-29", 3, out), DISPUTE_OK);
	assert_string_equal(out, "2027-02-28");
	assert_int_equal(date_add_years("2024-02-29", 4, out), DISPUTE_OK);
	assert_string_equal(out, "2028-02-29");
	assert_int_equal(date_add_years("2026-03-10", 3, out), DISPUTE_OK);
	assert_string_equal(out, "2029-03-10");
	assert_int_equal(date_add_years("2026-03-10", -1, out), DISPUTE_OK);
	assert_string_equal(out, "2025-03-10");
	assert_int_equal(date_add_years("9999-01-01", 1, out), DISPUTE_FAILED);
}

static void
test_weekday_and_format(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(date_weekday("1970-01-01"), 4);
	assert_int_equal(date_weekday("2026-01-01"), 4);
	assert_int_equal(date_weekday("2026-02-14"), 6);
	assert_int_equal(date_weekday("2025-09-28"), 0);
	assert_int_equal(date_weekday("2000-02-29"), 2);
	assert_int_equal(date_weekday("1949-10-01"), 6);
	assert_int_equal(date_weekday("2026-02-30"), -1);
	date_format_zh("2026-11-05", buf);
	assert_string_equal(buf, "2026年11月5日");
	date_format_zh("2026-01-25", buf);
	assert_string_equal(buf, "2026年1月25日");
}

static void
test_working_day(void **state)
{
	const struct holiday_table *t = *state;

	assert_true(is_working_day(t, "2026-03-10"));    /* a Tuesday */
	assert_false(is_working_day(t, "2026-03-14"));   /* a Saturday */
	assert_false(is_working_day(t, "2026-10-01"));   /* National Day */
	assert_false(is_working_day(t, "2026-10-05"));   /* a Monday inside the holiday */
	assert_true(is_working_day(t, "2026-02-14"));    /* a swapped Saturday */
	assert_true(is_working_day(t, "2025-09-28"));    /* a swapped Sunday */
	assert_false(is_working_day(t, "2025-10-08"));   /* a Wednesday inside the holiday */
	assert_false(is_working_day(t, "2024-06-10"));   /* Dragon Boat, a Monday */
	assert_false(is_working_day(t, "2026-02-30"));
	/* No table: weekends only. */
	assert_true(is_working_day(NULL, "2026-10-01"));
	assert_false(is_working_day(NULL, "2026-02-14"));
}

static void
test_workdays_across_holidays(void **state)
{
	const struct holiday_table *t = *state;
	char out[DATE_LEN];

	/* Wednesday before National Day: the holiday runs to 10-07. */
	expect_workdays(t, "2026-09-30", 1, "2026-10-08", 0);
	/* Friday before the Spring Festival: the next day is a swapped working Saturday. */
	expect_workdays(t, "2026-02-13", 1, "2026-02-14", 0);
	/* Friday, with Sunday 09-28 swapped into a working day. */
	expect_workdays(t, "2025-09-26", 1, "2025-09-28", 0);
	/* 7 working days over the 2025 National Day and Mid-Autumn week: 09-30, 10-09,
	 * 10-10, 10-11 (swapped Saturday), 10-13, 10-14, 10-15. */
	expect_workdays(t, "2025-09-29", 7, "2025-10-15", 0);
	/* Order 20's 45 working days from a complaint accepted on 2025-09-01: 22 in
	 * September (with Sunday 09-28), 18 in October (with Saturday 10-11), 5 in November. */
	expect_workdays(t, "2025-09-01", 45, "2025-11-07", 0);
	/* Receipt on a holiday: 10-08, 10-09, 10-10 (swapped Saturday), 10-12 ... 10-15. */
	expect_workdays(t, "2026-10-03", 7, "2026-10-15", 0);
	/* Zero working days is the date itself. */
	expect_workdays(t, "2026-10-03", 0, "2026-10-03", 0);
	/* Over New Year: 12-31 (2025 table), then 01-01 to 01-03 off and Sunday 01-04
	 * swapped into a working day (2026 table). */
	expect_workdays(t, "2025-12-30", 2, "2026-01-04", 0);
	assert_int_equal(workdays_add(t, "2026-09-30", -1, out, NULL), DISPUTE_FAILED);
	assert_int_equal(workdays_add(t, "2026-09-31", 1, out, NULL), DISPUTE_FAILED);
}

static void
test_uncovered_year(void **state)
{
	const struct holiday_table *t = *state;

	assert_true(holidays_cover_year(t, 2024));
	assert_true(holidays_cover_year(t, 2025));
	assert_true(holidays_cover_year(t, 2026));
	assert_false(holidays_cover_year(t, 2031));
	assert_true(holidays_year_confirmed(t, 2025));
	/* 2031 is outside the table: only the weekend is skipped, and the caller is told. */
	expect_workdays(t, "2031-09-30", 1, "2031-10-01", 1);
	/* A span that starts in a covered year and ends in an uncovered one. */
	expect_workdays(t, "2026-12-30", 3, "2027-01-04", 1);
	/* A covered span clears a stale flag. */
	expect_workdays(t, "2026-03-02", 1, "2026-03-03", 0);
}

static void
test_user_table_overrides(void **state)
{
	struct holiday_table *t = *state;

	expect_workdays(t, "2026-09-30", 1, "2026-10-08", 0);
	/* The shipped 2026 was checked day by day against the notice. */
	assert_true(holidays_year_confirmed(t, 2026));
	assert_int_equal(holidays_load(t, HOLIDAYS "user-2026.json"), DISPUTE_OK);
	/* The user's 2026 has 10-08 off too, and replaces the shipped 2026 whole: the
	 * shipped swapped Saturday 10-10 is gone with it. */
	expect_workdays(t, "2026-09-30", 1, "2026-10-09", 0);
	assert_false(is_working_day(t, "2026-10-10"));
	assert_true(holidays_year_confirmed(t, 2026));
	/* Other years are untouched, and the user's 2030 is now covered. */
	expect_workdays(t, "2025-09-26", 1, "2025-09-28", 0);
	assert_true(holidays_cover_year(t, 2030));
	expect_workdays(t, "2030-10-01", 1, "2030-10-02", 0);
}

static void
test_load_default(void **state)
{
	struct holiday_table t = { NULL };

	(void)state;
	/* The source tree's table, not whatever an earlier install left behind. */
	setenv("DISPUTE_DATADIR", TEST_DATA_DIR "/../..", 1);
	unsetenv("DISPUTE_HOLIDAYS");
	assert_int_equal(holidays_load_default(&t, NULL), DISPUTE_OK);
	expect_workdays(&t, "2026-09-30", 1, "2026-10-08", 0);
	holidays_free(&t);

	setenv("DISPUTE_HOLIDAYS", HOLIDAYS "user-2026.json", 1);
	assert_int_equal(holidays_load_default(&t, NULL), DISPUTE_OK);
	expect_workdays(&t, "2026-09-30", 1, "2026-10-09", 0);
	holidays_free(&t);

	/* The case folder's table comes last and wins. */
	assert_int_equal(holidays_load_default(&t, HOLIDAYS "case"), DISPUTE_OK);
	expect_workdays(&t, "2026-09-30", 1, "2026-10-12", 0);
	holidays_free(&t);

	/* A case folder without a table is fine; a named table that is missing is not. */
	unsetenv("DISPUTE_HOLIDAYS");
	assert_int_equal(holidays_load_default(&t, TEST_DATA_DIR "/rules"), DISPUTE_OK);
	holidays_free(&t);
	setenv("DISPUTE_HOLIDAYS", HOLIDAYS "no-such-file.json", 1);
	assert_int_equal(holidays_load_default(&t, NULL), DISPUTE_FAILED);
	assert_null(t.years);
	unsetenv("DISPUTE_HOLIDAYS");
}

static void
test_malformed_tables(void **state)
{
	struct holiday_table *t = *state;
	static const char *const bad[] = {
		"weekday-workday.json", "wrong-year.json", "not-json.json", "both-lists.json",
		"no-such-file.json",
	};
	char path[512];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(path, sizeof path, "%s%s", HOLIDAYS, bad[i]);
		assert_int_equal(holidays_load(t, path), DISPUTE_FAILED);
	}
	/* A refused file leaves the loaded table as it was. */
	expect_workdays(t, "2026-09-30", 1, "2026-10-08", 0);
	/* The rule table is not a holiday table. */
	assert_int_equal(holidays_load(t, TEST_DATA_DIR "/../../rules/zh-CN.json"),
	    DISPUTE_FAILED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test(test_date_add_days),
		cmocka_unit_test(test_date_add_years),
		cmocka_unit_test(test_weekday_and_format),
		cmocka_unit_test_setup_teardown(test_working_day, setup_shipped, teardown_table),
		cmocka_unit_test_setup_teardown(test_workdays_across_holidays, setup_shipped,
		    teardown_table),
		cmocka_unit_test_setup_teardown(test_uncovered_year, setup_shipped, teardown_table),
		cmocka_unit_test_setup_teardown(test_user_table_overrides, setup_shipped,
		    teardown_table),
		cmocka_unit_test(test_load_default),
		cmocka_unit_test_setup_teardown(test_malformed_tables, setup_shipped,
		    teardown_table),
	};

	dispute_set_quiet(1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
