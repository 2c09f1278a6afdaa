/* Dates and times the Chinese way (date-zh.c): every shape of timestamp the case keeps,
 * each zone, and what is not a timestamp at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "dispute/date-zh.h"

static void
expect_zh(const char *stamp, const char *offset, const char *want)
{
	char buf[DATE_TIME_ZH_LEN];

	date_time_format_zh(stamp, offset, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void
test_local_times(void **state)
{
	(void)state;
	/* A camera's local time without a zone: as recorded, no zone. */
	expect_zh("2026-10-11T19:50:12", NULL, "2026年10月11日 19:50:12");
	expect_zh("2026-01-02T03:04:05", NULL, "2026年1月2日 03:04:05");
}

static void
test_zones(void **state)
{
	(void)state;
	/* The photo's own zone (EXIF OffsetTimeOriginal) wins over none. */
	expect_zh("2026-10-11T19:50:12", "+09:00", "2026年10月11日 19:50:12（UTC+09:00）");
	expect_zh("2026-10-11T19:50:12", "+08:00", "2026年10月11日 19:50:12（北京时间）");
	expect_zh("2026-10-11T19:50:12", "-05:30", "2026年10月11日 19:50:12（UTC-05:30）");
	/* A timestamp's own suffix, as add-evidence records the time added. */
	expect_zh("2026-11-18T11:06:40+00:00", NULL, "2026年11月18日 11:06:40（UTC）");
	expect_zh("2026-11-18T11:06:40+08:00", NULL, "2026年11月18日 11:06:40（北京时间）");
	expect_zh("2026-11-18T11:06:40Z", NULL, "2026年11月18日 11:06:40（UTC）");
	/* A malformed zone is left out rather than guessed. */
	expect_zh("2026-10-11T19:50:12", "+9", "2026年10月11日 19:50:12");
	expect_zh("2026-10-11T19:50:12+25:00", NULL, "2026年10月11日 19:50:12");
}

static void
test_not_a_timestamp(void **state)
{
	(void)state;
	expect_zh("2026-10-11", NULL, "2026-10-11");
	expect_zh("yesterday", NULL, "yesterday");
	expect_zh("2026-13-11T19:50:12", NULL, "2026-13-11T19:50:12");
	expect_zh("", NULL, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_times),
		cmocka_unit_test(test_zones),
		cmocka_unit_test(test_not_a_timestamp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
