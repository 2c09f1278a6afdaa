/* Unit tests for exif_capture_time() and exif_orientation(): real JPEGs with and without
 * EXIF, other formats, and damaged input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"

#include "exif.h"


static void
test_camera_photo(void **state)
{
	char when[EXIF_TIME_LEN];
	size_t len;
	unsigned char *data = load_evidence("camera-photo.jpg", &len);

	(void)state;
	assert_int_equal(exif_capture_time(data, len, when), 1);
	assert_string_equal(when, "2026-10-11T20:05:00");
	free(data);
}

static void
test_no_exif(void **state)
{
	static const char *const names[] = {
		"defect-photo.jpg", "order-screenshot.png", "no-power.mp4", "invoice.pdf",
		"chat-merchant.txt"
	};
	char when[EXIF_TIME_LEN];
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		unsigned char *data = load_evidence(names[i], &len);

		assert_int_equal(exif_capture_time(data, len, when), 0);
		free(data);
	}
}

/* Every truncation of a real EXIF JPEG either finds the same time or none, and never
 * reads past the bytes it is given (ASan and valgrind watch). */
static void
test_truncated(void **state)
{
	char when[EXIF_TIME_LEN];
	size_t len, cut;
	unsigned char *data = load_evidence("camera-photo.jpg", &len);

	(void)state;
	for (cut = 0; cut < len; cut++) {
		unsigned char *part = malloc(cut + 1);

		assert_non_null(part);
		memcpy(part, data, cut);
		if (exif_capture_time(part, cut, when))
			assert_string_equal(when, "2026-10-11T20:05:00");
		free(part);
	}
	free(data);
}

/* Every orientation a phone writes, in either byte order; values out of range, a photo
 * without the tag, without EXIF, and other formats are "as stored". */
static void
test_orientation(void **state)
{
	static const char *const unturned[] = {
		"camera-photo.jpg", "defect-photo.jpg", "order-screenshot.png", "invoice.pdf"
	};
	size_t len, with_len, i;
	unsigned char *data = load_evidence("defect-photo.jpg", &len), *with;
	int value, big_endian;

	(void)state;
	for (value = 0; value <= 9; value++)
		for (big_endian = 0; big_endian <= 1; big_endian++) {
			with = jpeg_with_orientation(data, len, value, big_endian, &with_len);
			assert_int_equal(exif_orientation(with, with_len),
			    value >= 1 && value <= 8 ? value : 1);
			free(with);
		}
	free(data);
	for (i = 0; i < sizeof unturned / sizeof unturned[0]; i++) {
		data = load_evidence(unturned[i], &len);
		assert_int_equal(exif_orientation(data, len), 1);
		free(data);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_camera_photo),
		cmocka_unit_test(test_no_exif),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_orientation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
