/* Unit tests for the sizes written for people (format_size()), as the page and
 * bag-info.txt's Bag-Size show them, for date_local_midnight(), which dates the
 * zip's entries, and for text_for_terminal(), which every human output line and
 * message goes through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "dispute/date.h"
#include "dispute/terminal.h"
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

static void
expect_shown(const char *s, int keep_lines, const char *want)
{
	char *got = text_for_terminal(s, keep_lines);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_for_terminal(void **state)
{
	(void)state;
	/* Text, Chinese included, passes untouched. */
	expect_shown("证据 E01-defect.jpg (a\\b)", 0, "证据 E01-defect.jpg (a\\b)");
	expect_shown("", 0, "");
	/* C0 controls and DEL: a screen clear, a window title, a forged line. */
	expect_shown("\033[2J\033]0;TITLE\007x", 0, "\\x1B[2J\\x1B]0;TITLE\\x07x");
	expect_shown("a\r\nb\tc\177", 0, "a\\x0D\\x0Ab\\x09c\\x7F");
	/* Kept lines keep newlines and tabs only. */
	expect_shown("a\nb\tc\rd\033", 1, "a\nb\tc\\x0Dd\\x1B");
	/* C1 controls (U+009B is CSI to some terminals) and the bidirectional controls. */
	expect_shown("\xC2\x9B" "2J\xC2\x80\xC2\x9F\xC2\xA0", 0,
	    "\\u{009B}2J\\u{0080}\\u{009F}\xC2\xA0");
	expect_shown("photo\xE2\x80\xAEgpj.exe", 0, "photo\\u{202E}gpj.exe");
	expect_shown("\xE2\x80\xAA\xE2\x80\xAD\xE2\x81\xA6\xE2\x81\xA9\xE2\x80\x8E\xE2\x80\x8F"
	    "\xD8\x9C", 0, "\\u{202A}\\u{202D}\\u{2066}\\u{2069}\\u{200E}\\u{200F}\\u{061C}");
	/* Neighbours of those ranges are ordinary characters. */
	expect_shown("\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5\xE2\x81\xAA\xE2\x80\x8D", 0,
	    "\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5\xE2\x81\xAA\xE2\x80\x8D");
	/* Bytes that are not UTF-8: a Latin-1 name, a lone continuation, an overlong
	 * slash, a cut sequence. */
	expect_shown("caf\xE9", 0, "caf\\xE9");
	expect_shown("\x80x\xC0\xAFy\xE4\xB8", 0, "\\x80x\\xC0\\xAFy\\xE4\\xB8");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_local_midnight),
		cmocka_unit_test(test_for_terminal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
