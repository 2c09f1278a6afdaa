/* Unit tests for the helper runner (src/core/util/helper.c, helper-batch.c) against
 * tests/helpers/dispute-fake.c: replies are cut out of the stream whole, a helper that
 * crashes, exceeds its memory or its processor time costs only the item it was on and
 * is started again on the rest, and a helper that fails, answers too little or is not
 * installed is an error that names it. */
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
#include "helper.h"

struct seen {
	char replies[16][64];
	int lost[16];
	char why[16][HELPER_WHY_MAX];
	size_t count;
};

static int
on_reply(size_t item, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	struct seen *s = ctx;

	assert_true(item < 16);
	assert_non_null(cJSON_GetObjectItem(header, "payload"));
	snprintf(s->replies[item], sizeof s->replies[item], "%.*s", (int)len, payload);
	s->count++;
	return DISPUTE_OK;
}

static int
on_lost(size_t item, const char *why, void *ctx)
{
	struct seen *s = ctx;

	assert_true(item < 16);
	s->lost[item] = 1;
	snprintf(s->why[item], sizeof s->why[item], "%s", why);
	return DISPUTE_OK;
}

/* Runs the fake helper on items "text:do" (do may be empty). */
static int
run(const char *const *specs, size_t n, struct seen *s, const struct helper_limits *limits)
{
	cJSON *items = cJSON_CreateArray();
	struct helper_limits none = { 0, 0, 0 };
	size_t i;
	int status;

	memset(s, 0, sizeof *s);
	for (i = 0; i < n; i++) {
		cJSON *item = cJSON_CreateObject();
		const char *colon = strchr(specs[i], ':');
		char text[64];

		snprintf(text, sizeof text, "%.*s", (int)(colon - specs[i]), specs[i]);
		cJSON_AddStringToObject(item, "text", text);
		if (colon[1] != '\0')
			cJSON_AddStringToObject(item, "do", colon + 1);
		cJSON_AddItemToArray(items, item);
	}
	status = helper_batch("dispute-fake", "echo", items, limits != NULL ? limits : &none,
	    on_reply, on_lost, s);
	cJSON_Delete(items);
	return status;
}

static void
test_replies_in_order(void **state)
{
	/* A payload larger than one read of the stream, and an empty one. */
	static char big[60];
	const char *specs[] = { "一:", "two:", ":", big };
	struct seen s;

	(void)state;
	memset(big, 'x', sizeof big - 2);
	big[sizeof big - 2] = ':';
	assert_int_equal(run(specs, 4, &s, NULL), DISPUTE_OK);
	assert_int_equal(s.count, 4);
	assert_string_equal(s.replies[0], "一");
	assert_string_equal(s.replies[1], "two");
	assert_string_equal(s.replies[2], "");
	assert_int_equal(strlen(s.replies[3]), sizeof big - 2);
}

static void
test_a_crash_costs_one_item(void **state)
{
	const char *specs[] = { "a:", "b:crash", "c:", "d:crash", "e:" };
	struct seen s;

	(void)state;
	assert_int_equal(run(specs, 5, &s, NULL), DISPUTE_OK);
	assert_int_equal(s.count, 3);
	assert_string_equal(s.replies[0], "a");
	assert_string_equal(s.replies[2], "c");
	assert_string_equal(s.replies[4], "e");
	assert_true(s.lost[1] && s.lost[3] && !s.lost[0] && !s.lost[2] && !s.lost[4]);
	assert_non_null(strstr(s.why[1], "dispute-fake stopped"));
}

static void
test_limits_stop_a_runaway(void **state)
{
	const char *specs[] = { "a:hog", "b:", "c:spin", "d:" };
	struct helper_limits limits = { 64 * 1024 * 1024, 1, 0 };
	struct seen s;

	(void)state;
	assert_int_equal(run(specs, 4, &s, &limits), DISPUTE_OK);
	assert_true(s.lost[0] && s.lost[2]);
	assert_string_equal(s.replies[1], "b");
	assert_string_equal(s.replies[3], "d");
	assert_non_null(strstr(s.why[2], "processor time"));
}

static void
expect_failure(const char *const *specs, size_t n, const char *message)
{
	struct capture cap;
	struct seen s;
	char *err;

	capture_start(&cap);
	assert_int_equal(run(specs, n, &s, NULL), DISPUTE_FAILED);
	err = capture_end(&cap);
	assert_contains(err, message);
	free(err);
}

static void
test_failures_are_errors(void **state)
{
	const char *failing[] = { "a:", "b:fail" };
	const char *silent[] = { "a:", "b:silent", "c:" };

	(void)state;
	expect_failure(failing, 2, "dispute-fake failed (exit status 3)");
	expect_failure(silent, 3, "dispute-fake answered 1 of 3 items");
}

static void
test_a_missing_helper(void **state)
{
	struct helper_call call;
	struct capture cap;
	char *err;

	(void)state;
	memset(&call, 0, sizeof call);
	call.name = "dispute-nosuch";
	call.output_fd = -1;
	capture_start(&cap);
	assert_int_equal(helper_run(&call, NULL, 0), DISPUTE_FAILED);
	err = capture_end(&cap);
	assert_contains(err, "dispute-nosuch: the helper program is not installed");
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replies_in_order),
		cmocka_unit_test(test_a_crash_costs_one_item),
		cmocka_unit_test(test_limits_stop_a_runaway),
		cmocka_unit_test(test_failures_are_errors),
		cmocka_unit_test(test_a_missing_helper),
	};

	setenv("DISPUTE_HELPERDIR", FAKE_HELPER_DIR, 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
