/* Unit tests for strip_image_metadata(): the EXIF/GPS of a real camera JPEG is gone,
 * the image data is kept byte for byte, PNG text chunks go, damaged input is refused. */
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
		cmocka_unit_test(test_png_text_chunks_go),
		cmocka_unit_test(test_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
