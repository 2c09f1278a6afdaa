/*
 * Tests for date-input.c: the date forms a Chinese buyer types become YYYY-MM-DD, and
 * anything else is left alone for the validation to refuse.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dispute/date-input.h"

static void
read_as(const char *typed, const char *expected)
{
	char out[DATE_LEN] = "";

	if (!date_input_parse(typed, out))
		fail_msg("\"%s\" was not read as a date", typed);
	assert_string_equal(out, expected);
}

static void
not_read(const char *typed)
{
	char out[DATE_LEN] = "untouched";

	if (date_input_parse(typed, out))
		fail_msg("\"%s\" was read as %s", typed, out);
	assert_string_equal(out, "untouched");
}

static void
test_forms(void **state)
{
	(void)state;
	read_as("2026-10-11", "2026-10-11");
	read_as("2026/10/11", "2026-10-11");
	read_as("2026.10.11", "2026-10-11");
	read_as("2026年10月11日", "2026-10-11");
	read_as("2026 年 10 月 11 日", "2026-10-11");
	read_as("2026年3月5日", "2026-03-05");
	read_as("2026/3/5", "2026-03-05");
	read_as("2026-3-5", "2026-03-05");
	read_as("２０２６年１０月１１日", "2026-10-11"); /* full-width digits */
	/* The shape only: whether the day exists is validate_date's question. */
	read_as("2026/02/30", "2026-02-30");
}

static void
test_not_dates(void **state)
{
	(void)state;
	not_read("");
	not_read("2026/10-11");      /* mixed separators */
	not_read("2026年10月11");     /* 日 missing */
	not_read("26/10/11");        /* two-digit year */
	not_read("2026/100/11");
	not_read("2026/10/111");
	not_read("2026/10/11 ");
	not_read("10/11/2026");
	not_read("2026年10月11日x");
	not_read("yesterday");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_not_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
