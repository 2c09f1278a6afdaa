/* Unit tests for strip_image_metadata(): the EXIF/GPS of a real camera JPEG is gone,
 * the image data is kept byte for byte, nothing after EOI, no APP0 but a plain JFIF
 * header, no metadata between the scans of a progressive JPEG; PNG text chunks go,
 * damaged input is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"

#include "dispute/report.h"
#include "exif.h"
#include "strip.h"

static int
contains(const unsigned char *data, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(data + i, needle, n) == 0)
			return 1;
	return 0;
}

/* Offset of the start-of-scan marker: from there on the image data must be identical. */
static size_t
scan_offset(const unsigned char *data, size_t len)
{
	size_t i;

	for (i = 2; i + 1 < len; i++)
		if (data[i] == 0xFF && data[i + 1] == 0xDA)
			return i;
	fail_msg("no SOS marker");
	return 0;
}

static void
test_jpeg_loses_exif_keeps_pixels(void **state)
{
	size_t len, out_len, a, b;
	unsigned char *data = load_evidence("camera-photo.jpg", &len), *out;
	char when[EXIF_TIME_LEN];

	(void)state;
	assert_true(contains(data, len, "Exif"));
	assert_true(contains(data, len, "Redmi"));
	assert_int_equal(strip_image_metadata("camera-photo.jpg", data, len, &out, &out_len),
	    DISPUTE_OK);
	assert_true(out_len < len);
	assert_false(contains(out, out_len, "Exif"));
	assert_false(contains(out, out_len, "Redmi"));
	assert_int_equal(exif_capture_time(out, out_len, when), 0);
	assert_int_equal(out[0], 0xFF);
	assert_int_equal(out[1], 0xD8);
	a = scan_offset(data, len);
	b = scan_offset(out, out_len);
	assert_int_equal(len - a, out_len - b);
	assert_memory_equal(data + a, out + b, len - a);
	free(out);
	free(data);
}

/* What the review hid in its photos: a position and a phone number. */
#define SECRET "GPS 31.2304N 121.4737E owner 13912345678"

/* A copy of defect-photo.jpg (SOI, a plain 16-byte JFIF APP0 without thumbnail, tables,
 * one scan, EOI) with BEFORE inserted after the JFIF header and AFTER appended. */
static unsigned char *
defect_photo_with(const unsigned char *before, size_t before_len, const unsigned char *after,
    size_t after_len, size_t *len, unsigned char **original, size_t *original_len)
{
	unsigned char *data;

	*original = load_evidence("defect-photo.jpg", original_len);
	assert_int_equal((*original)[3], 0xE0); /* the JFIF header is bytes 2..19 */
	*len = *original_len + before_len + after_len;
	data = malloc(*len);
	assert_non_null(data);
	memcpy(data, *original, 20);
	if (before_len > 0) /* BEFORE may be NULL then, which memcpy does not allow */
		memcpy(data + 20, before, before_len);
	memcpy(data + 20 + before_len, *original + 20, *original_len - 20);
	if (after_len > 0)
		memcpy(data + *original_len + before_len, after, after_len);
	return data;
}

/* Strips DATA and checks the copy is exactly EXPECTED and holds no SECRET. */
static void
assert_stripped_to(const unsigned char *data, size_t len, const unsigned char *expected,
    size_t expected_len)
{
	unsigned char *out;
	size_t out_len;

	assert_true(contains(data, len, SECRET));
	assert_int_equal(strip_image_metadata("photo.jpg", data, len, &out, &out_len), DISPUTE_OK);
	assert_false(contains(out, out_len, SECRET));
	assert_false(contains(out, out_len, "13912345678"));
	assert_int_equal(out_len, expected_len);
	assert_memory_equal(out, expected, expected_len);
	free(out);
}

/* A motion-photo style trailer after EOI: the copy ends at EOI, and is then exactly the
 * photo without the trailer, so it decodes as the original does. */
static void
test_jpeg_trailer_after_eoi_goes(void **state)
{
	static const char trailer[] = "\0\0\0\x18" "ftypmp42" SECRET;
	unsigned char *original, *data;
	size_t original_len, len;

	(void)state;
	data = defect_photo_with(NULL, 0, (const unsigned char *)trailer, sizeof trailer - 1, &len,
	    &original, &original_len);
	assert_stripped_to(data, len, original, original_len);
	free(data);
	free(original);
}

/* A JFXX APP0 (an extension "thumbnail" carrying the secret) and a JFIF APP0 whose
 * thumbnail pixels carry it: the first goes, the second is cut to the plain header. */
static void
test_jpeg_app0_only_plain_jfif(void **state)
{
	unsigned char segments[128], *original, *data;
	size_t original_len, len, n, body = 5 + 1 + sizeof SECRET - 1;

	(void)state;
	/* JFXX: FF E0 LEN "JFXX\0" extension code 0x10 (JPEG thumbnail), then its data. */
	memcpy(segments, "\xFF\xE0", 2);
	segments[2] = (unsigned char)((2 + body) >> 8);
	segments[3] = (unsigned char)(2 + body);
	memcpy(segments + 4, "JFXX\0\x10", 6);
	memcpy(segments + 10, SECRET, sizeof SECRET - 1);
	n = 4 + body;
	/* Another JFIF header, with a thumbnail of 1 x N pixels whose RGB bytes are the
	 * secret (padded to whole pixels). */
	memcpy(segments + n, "\xFF\xE0", 2);
	segments[n + 2] = 0;
	segments[n + 3] = (unsigned char)(16 + 42);
	memcpy(segments + n + 4, "JFIF\0\x01\x01\x00\x00\x01\x00\x01\x01\x0E", 14);
	memcpy(segments + n + 18, SECRET "\0\0", 42);
	n += 2 + 16 + 42;
	data = defect_photo_with(segments, n, NULL, 0, &len, &original, &original_len);
	{
		/* The copy: the original's header, the second JFIF without its thumbnail,
		 * then the rest of the original. */
		unsigned char *expected = malloc(original_len + 18);

		assert_non_null(expected);
		memcpy(expected, original, 20);
		memcpy(expected + 20, "\xFF\xE0\x00\x10JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
		memcpy(expected + 38, original + 20, original_len - 20);
		assert_stripped_to(data, len, expected, original_len + 18);
		free(expected);
	}
	free(data);
	free(original);
}

/* A progressive JPEG by hand: tables and scans, with a comment and an APP1 between the
 * scans and a trailer after EOI. The entropy-coded data, with its stuffed FF00 bytes,
 * restart markers and the fill bytes before a marker, is kept byte for byte; the tables
 * and the second scan between the scans too; the comment, the APP1 and the trailer go. */
static void
test_jpeg_between_scans(void **state)
{
#define HEAD "\xFF\xD8" "\xFF\xE0\x00\x10JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00" \
	"\xFF\xDB\x00\x04\x00\x01" "\xFF\xC2\x00\x0B\x08\x00\x10\x00\x10\x01\x01\x11\x00"
#define SCAN1 "\xFF\xDA\x00\x08\x01\x01\x00\x00\x00\x00" "\x12\xFF\x00\x34\xFF\xD0\x56\xFF\xD1\x78"
#define DHT "\xFF\xC4\x00\x05\x10\x00\x00"
#define SCAN2 "\xFF\xDA\x00\x08\x01\x01\x00\x01\x01\x00" "\x9A\xFF\x00\xBC"
#define COM "\xFF\xFE\x00\x2A" SECRET
#define APP1 "\xFF\xE1\x00\x30" "Exif\0\0" SECRET
	static const char hostile[] = HEAD SCAN1 "\xFF\xFF" COM DHT APP1 SCAN2 "\xFF\xD9" SECRET;
	static const char expected[] = HEAD SCAN1 DHT SCAN2 "\xFF\xD9";

	(void)state;
	assert_stripped_to((const unsigned char *)hostile, sizeof hostile - 1,
	    (const unsigned char *)expected, sizeof expected - 1);
#undef HEAD
#undef SCAN1
#undef DHT
#undef SCAN2
#undef COM
#undef APP1
}

/* A photo cut short inside its scan is copied as far as it goes (test_refusals has one
 * cut short before any scan). */
static void
test_jpeg_truncated(void **state)
{
	size_t len, out_len;
	unsigned char *data = load_evidence("defect-photo.jpg", &len), *out;

	(void)state;
	assert_int_equal(strip_image_metadata("cut.jpg", data, len - 10, &out, &out_len),
	    DISPUTE_OK);
	assert_int_equal(out_len, len - 10);
	assert_memory_equal(out, data, len - 10);
	free(out);
	free(data);
}

static void
test_png_text_chunks_go(void **state)
{
	static const unsigned char text_chunk[] = {
		0, 0, 0, 9, 't', 'E', 'X', 't', 'A', 'u', 't', 'h', 'o', 'r', 0, 'm', 'e',
		0x12, 0x34, 0x56, 0x78
	};
	size_t len, out_len;
	unsigned char *data = load_evidence("order-screenshot.png", &len), *with_text, *out;

	(void)state;
	/* Insert a tEXt chunk right after IHDR (8 + 25 bytes). */
	with_text = malloc(len + sizeof text_chunk);
	assert_non_null(with_text);
	memcpy(with_text, data, 33);
	memcpy(with_text + 33, text_chunk, sizeof text_chunk);
	memcpy(with_text + 33 + sizeof text_chunk, data + 33, len - 33);
	assert_int_equal(strip_image_metadata("shot.png", with_text, len + sizeof text_chunk, &out,
	    &out_len), DISPUTE_OK);
	assert_false(contains(out, out_len, "tEXt"));
	assert_true(contains(out, out_len, "IDAT"));
	assert_true(contains(out, out_len, "IEND"));
	free(out);
	free(with_text);
	free(data);
}

static void
test_refusals(void **state)
{
	size_t len, out_len;
	unsigned char *data = load_evidence("camera-photo.jpg", &len), *out;

	(void)state;
	assert_int_equal(strip_image_metadata("half.jpg", data, 40, &out, &out_len),
	    DISPUTE_FAILED);
	assert_null(out);
	assert_int_equal(strip_image_metadata("x.pdf", (const unsigned char *)"%PDF-1.4", 8, &out,
	    &out_len), DISPUTE_FAILED);
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jpeg_loses_exif_keeps_pixels),
		cmocka_unit_test(test_jpeg_trailer_after_eoi_goes),
		cmocka_unit_test(test_jpeg_app0_only_plain_jfif),
		cmocka_unit_test(test_jpeg_between_scans),
		cmocka_unit_test(test_jpeg_truncated),
		cmocka_unit_test(test_png_text_chunks_go),
		cmocka_unit_test(test_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
