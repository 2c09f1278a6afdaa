/* Unit tests for the sizes written for people (format_size()), as the page and
 * bag-info.txt's Bag-Size show them, and for date_local_midnight(), which dates the
 * zip's entries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "dispute/date.h"
#include "text.h"

static void
expect_size(uint64_t bytes, int english, const char *want)
{
	char buf[32];

	format_size(bytes, english, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void
test_sizes(void **state)
{
	(void)state;
	expect_size(0, 1, "0 bytes");
	expect_size(1, 1, "1 byte");
	expect_size(432, 1, "432 bytes");
	expect_size(432, 0, "432 字节");
	expect_size(999, 1, "999 bytes");
	expect_size(1000, 1, "1.0 KB");
	expect_size(1500000, 0, "1.5 MB");
	expect_size(39424, 1, "39.4 KB");
	expect_size(4200000000ULL, 1, "4.2 GB");
	expect_size(12000000000000ULL, 1, "12.0 TB");
	/* Beyond terabytes the unit stays TB rather than running off the table. */
	expect_size(5000000000000000ULL, 1, "5000.0 TB");
}

static void
test_local_midnight(void **state)
{
	time_t t = date_local_midnight("2026-11-20");
	struct tm tm;

	(void)state;
	assert_true(t != (time_t)-1);
	assert_non_null(localtime_r(&t, &tm));
	assert_int_equal(tm.tm_year, 126);
	assert_int_equal(tm.tm_mon, 10);
	assert_int_equal(tm.tm_mday, 20);
	assert_int_equal(tm.tm_hour, 0);
	assert_int_equal(tm.tm_min, 0);
	assert_true(date_local_midnight("20261120") == (time_t)-1);
	assert_true(date_local_midnight("2026-02-30") == (time_t)-1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_local_midnight),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
