/* Unit tests for the time and origin of evidence files (src/core/intake/origin.c,
 * png-meta.c): ISO times split into wall-clock time and zone, instants compared across
 * zones, and the times a PNG screenshot states in its tIME, eXIf and XMP chunks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"

#include "dispute/evidence.h"
#include "dispute/report.h"
#include "origin.h"
#include "png-meta.h"

static void
splits_times_and_zones(void **state)
{
	char local[EXIF_TIME_LEN], offset[8];

	(void)state;
	assert_true(origin_split_time("2026-10-11T19:50:12+08:00", local, offset));
	assert_string_equal(local, "2026-10-11T19:50:12");
	assert_string_equal(offset, "+08:00");
	assert_true(origin_split_time("2026-10-11T11:50:12.000000Z", local, offset));
	assert_string_equal(local, "2026-10-11T11:50:12");
	assert_string_equal(offset, "+00:00");
	assert_true(origin_split_time("2026-10-11T19:50:12", local, offset));
	assert_string_equal(offset, "");
	assert_false(origin_split_time("2026-10-11", local, offset));
	assert_false(origin_split_time("19:50 on Sunday", local, offset));
	assert_false(origin_split_time(NULL, local, offset));
}

static void
compares_instants_across_zones(void **state)
{
	long long a, b;

	(void)state;
	assert_true(origin_instant("2026-10-11T19:50:12", "+08:00", &a));
	assert_true(origin_instant("2026-10-11T11:50:12", "+00:00", &b));
	assert_int_equal(a, b);
	assert_true(origin_instant("2026-10-11T06:50:12", "-05:00", &b));
	assert_int_equal(a, b);
	assert_true(origin_instant("1970-01-01T00:00:10", "", &a));
	assert_int_equal(a, 10);
	assert_false(origin_instant("2026-02-30T00:00:00", "", &a));
	assert_false(origin_instant("2026-10-11 19:50:12", "", &a));
}

/* Appends the chunk TYPE with N bytes of BODY to the PNG at OUT (*LEN so far). The
 * CRC is left zero: the reader trusts the lengths, never the CRC. */
static void
chunk(unsigned char *out, size_t *len, const char *type, const void *body, size_t n)
{
	unsigned char *p = out + *len;

	p[0] = (unsigned char)(n >> 24);
	p[1] = (unsigned char)(n >> 16);
	p[2] = (unsigned char)(n >> 8);
	p[3] = (unsigned char)n;
	memcpy(p + 4, type, 4);
	memcpy(p + 8, body, n);
	memset(p + 8 + n, 0, 4);
	*len += 12 + n;
}

static size_t
png_start(unsigned char *out)
{
	static const unsigned char head[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	static const unsigned char ihdr[13] = { 0, 0, 4, 0x38, 0, 0, 9, 0x60, 8, 2, 0, 0, 0 };
	size_t len = 8;

	memcpy(out, head, 8);
	chunk(out, &len, "IHDR", ihdr, sizeof ihdr);
	return len;
}

static void
reads_a_screenshots_png_time(void **state)
{
	/* 2026-10-11 11:50:12 UTC */
	static const unsigned char time[7] = { 0x07, 0xea, 10, 11, 11, 50, 12 };
	static const unsigned char february_31[7] = { 0x07, 0xea, 2, 31, 8, 0, 0 };
	static const unsigned char leap_day[7] = { 0x07, 0xec, 2, 29, 8, 0, 0 };
	static const char xmp[] = "XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><rdf:Description "
	    "xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\">"
	    "<photoshop:DateCreated>2026-10-11T19:49:58+08:00</photoshop:DateCreated>"
	    "</rdf:Description></x:xmpmeta>";
	unsigned char png[1024];
	struct png_meta meta;
	struct origin o;
	size_t len = png_start(png);

	(void)state;
	chunk(png, &len, "tIME", time, sizeof time);
	chunk(png, &len, "IDAT", "\0\0\0\0", 4);
	assert_true(png_meta_read(png, len, &meta));
	assert_string_equal(meta.time, "2026-10-11T11:50:12");
	origin_from_head(png, len, "image/png", &o);
	assert_string_equal(o.captured, "2026-10-11T11:50:12");
	assert_string_equal(o.offset, "+00:00");
	assert_string_equal(o.source, "png-time");

	/* XMP's creation time is the screenshot's own, before tIME's last write. */
	chunk(png, &len, "iTXt", xmp, sizeof xmp - 1);
	assert_true(png_meta_read(png, len, &meta));
	assert_string_equal(meta.xmp_created, "2026-10-11T19:49:58+08:00");
	origin_from_head(png, len, "image/png", &o);
	assert_string_equal(o.captured, "2026-10-11T19:49:58");
	assert_string_equal(o.offset, "+08:00");
	assert_string_equal(o.source, "xmp");

	/* A chunk longer than the bytes there ends the reading, keeping what came before. */
	len = png_start(png);
	chunk(png, &len, "tIME", time, sizeof time);
	chunk(png, &len, "iTXt", xmp, sizeof xmp - 1);
	assert_true(png_meta_read(png, len - 20, &meta));
	assert_string_equal(meta.time, "2026-10-11T11:50:12");
	assert_string_equal(meta.xmp_created, "");
	assert_false(png_meta_read((const unsigned char *)"GIF89a", 6, &meta));

	/* 31 February is no time: the picture has none rather than a wrong one. */
	len = png_start(png);
	chunk(png, &len, "tIME", february_31, sizeof february_31);
	chunk(png, &len, "IDAT", "\0\0\0\0", 4);
	assert_true(png_meta_read(png, len, &meta));
	assert_string_equal(meta.time, "");
	/* 29 February of a leap year is. */
	len = png_start(png);
	chunk(png, &len, "tIME", leap_day, sizeof leap_day);
	chunk(png, &len, "IDAT", "\0\0\0\0", 4);
	assert_true(png_meta_read(png, len, &meta));
	assert_string_equal(meta.time, "2028-02-29T08:00:00");
}

/* An eXIf chunk: a little-endian TIFF block with IFD0 holding Make and an EXIF IFD
 * holding DateTimeOriginal and OffsetTimeOriginal, as a phone writes one. */
static void
reads_a_pngs_exif(void **state)
{
	static const unsigned char tiff[] = {
		'I', 'I', 42, 0, 8, 0, 0, 0,
		/* IFD0 at 8: 2 entries */
		2, 0,
		0x0f, 0x01, 2, 0, 6, 0, 0, 0, 38, 0, 0, 0,          /* Make, ASCII 6 at 38 */
		0x69, 0x87, 4, 0, 1, 0, 0, 0, 44, 0, 0, 0,          /* ExifIFD at 44 */
		0, 0, 0, 0,
		'A', 'p', 'p', 'l', 'e', 0,
		/* EXIF IFD at 44: 2 entries */
		2, 0,
		0x03, 0x90, 2, 0, 20, 0, 0, 0, 74, 0, 0, 0,         /* DateTimeOriginal at 74 */
		0x11, 0x90, 2, 0, 7, 0, 0, 0, 94, 0, 0, 0,          /* OffsetTimeOriginal at 94 */
		0, 0, 0, 0,
		'2', '0', '2', '6', ':', '1', '0', ':', '1', '1', ' ',
		'1', '9', ':', '5', '0', ':', '1', '2', 0,
		'+', '0', '8', ':', '0', '0', 0,
	};
	unsigned char png[1024];
	struct origin o;
	size_t len = png_start(png);

	(void)state;
	chunk(png, &len, "eXIf", tiff, sizeof tiff);
	origin_from_head(png, len, "image/png", &o);
	assert_string_equal(o.captured, "2026-10-11T19:50:12");
	assert_string_equal(o.offset, "+08:00");
	assert_string_equal(o.source, "png-exif");
	assert_string_equal(o.make, "Apple");
}

static void
methods_are_a_closed_list(void **state)
{
	(void)state;
	assert_true(evidence_method_valid("photo"));
	assert_true(evidence_method_valid("screen-recording"));
	assert_true(evidence_method_valid("scan"));
	assert_false(evidence_method_valid("Photo"));
	assert_false(evidence_method_valid("video"));
	assert_false(evidence_method_valid(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(splits_times_and_zones),
		cmocka_unit_test(compares_instants_across_zones),
		cmocka_unit_test(reads_a_screenshots_png_time),
		cmocka_unit_test(reads_a_pngs_exif),
		cmocka_unit_test(methods_are_a_closed_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
