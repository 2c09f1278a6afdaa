/* Unit tests for exif_capture_time(): real JPEGs with and without EXIF, other formats,
 * and damaged input. */
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_camera_photo),
		cmocka_unit_test(test_no_exif),
		cmocka_unit_test(test_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
