/* Exhibit numbers (exhibits.c) on records made in a real case: case order until they
 * are fixed, groups claiming their number, withdrawn numbers never given again, and
 * renumbering in case order. The records are written here as case.json holds them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dispute/case.h"
#include "dispute/exhibits.h"
#include "dispute/report.h"
#include "support.h"

struct fixture {
	char tmp[64];
	char *dir;
	struct dispute_case *c;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL || setenv("SOURCE_DATE_EPOCH", "1795000000", 1) == -1)
		return -1;
	strcpy(f->tmp, "/tmp/dispute-exhibits-XXXXXX");
	if (mkdtemp(f->tmp) == NULL || asprintf(&f->dir, "%s/case", f->tmp) == -1 ||
	    case_create(f->dir, "2026-11-18T10:00:00+08:00") != DISPUTE_OK ||
	    case_open(f->dir, CASE_WRITE, &f->c) != DISPUTE_OK)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	int status;

	case_close(f->c);
	status = remove_tree(f->tmp);
	free(f->dir);
	free(f);
	return status;
}

/* Appends a record with ID (and GROUP when > 0) to the case's evidence. */
static cJSON *
add_item(struct dispute_case *c, const char *id, int group)
{
	cJSON *r = cJSON_CreateObject();

	assert_non_null(r);
	cJSON_AddStringToObject(r, "id", id);
	cJSON_AddStringToObject(r, "kind", "chat");
	cJSON_AddStringToObject(r, "original_name", "x.png");
	if (group > 0)
		cJSON_AddNumberToObject(r, "group", group);
	cJSON_AddItemToArray(case_evidence(c), r);
	return r;
}

/* The serials of every item in case order, joined with spaces. */
static void
expect_serials(const struct dispute_case *c, const char *want)
{
	struct exhibit_number *n = NULL;
	char got[256] = "", serial[24];
	size_t count, i;

	assert_int_equal(exhibits_number(c, &n, &count), DISPUTE_OK);
	for (i = 0; i < count; i++) {
		exhibits_serial(n[i], serial, sizeof serial);
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? " " : "", serial);
	}
	free(n);
	assert_string_equal(got, want);
}

static void
remove_item(struct dispute_case *c, const char *id)
{
	cJSON *item;
	int withdrawn;

	cJSON_ArrayForEach(item, case_evidence(c)) {
		if (strcmp(cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring, id) == 0) {
			assert_int_equal(exhibits_withdraw(c, item, &withdrawn), DISPUTE_OK);
			cJSON_Delete(cJSON_DetachItemViaPointer(case_evidence(c), item));
			return;
		}
	}
	fail_msg("no item %s", id);
}

static void
test_case_order_until_fixed(void **state)
{
	struct fixture *f = *state;

	expect_serials(f->c, "");
	add_item(f->c, "E01", 0);
	add_item(f->c, "E02", 0);
	add_item(f->c, "E03", 0);
	expect_serials(f->c, "1 2 3");
	assert_false(exhibits_fixed(f->c));
	/* Before anything cites them, a removal closes the gap. */
	remove_item(f->c, "E02");
	expect_serials(f->c, "1 2");
	assert_null(cJSON_GetObjectItemCaseSensitive(case_record(f->c), "withdrawn"));
}

static void
test_fixed_numbers_stay(void **state)
{
	struct fixture *f = *state;
	const cJSON *fixed;

	add_item(f->c, "E01", 0);
	add_item(f->c, "E02", 0);
	add_item(f->c, "E03", 0);
	assert_int_equal(exhibits_fix(f->c, "draft"), DISPUTE_OK);
	assert_true(exhibits_fixed(f->c));
	fixed = cJSON_GetObjectItemCaseSensitive(case_record(f->c), "exhibits_fixed");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(fixed, "by")->valuestring, "draft");
	remove_item(f->c, "E02");
	expect_serials(f->c, "1 3");
	/* A later item never takes the withdrawn number, nor does a second fix move any. */
	add_item(f->c, "E04", 0);
	expect_serials(f->c, "1 3 4");
	assert_int_equal(exhibits_fix(f->c, "pack"), DISPUTE_OK);
	fixed = cJSON_GetObjectItemCaseSensitive(case_record(f->c), "exhibits_fixed");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(fixed, "by")->valuestring, "draft");
	/* Removing an item added after the last fix leaves no withdrawn line... */
	add_item(f->c, "E05", 0);
	remove_item(f->c, "E05");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(case_record(f->c),
	    "withdrawn")), 1);
	expect_serials(f->c, "1 3 4");
}

static void
test_groups(void **state)
{
	struct fixture *f = *state;

	add_item(f->c, "E01", 0);
	add_item(f->c, "E02", 3);
	add_item(f->c, "E03", 0);
	add_item(f->c, "E04", 3);
	add_item(f->c, "E05", 0);
	/* The group claims 3; single items fill the numbers around it. */
	expect_serials(f->c, "1 3-1 2 3-2 4");
	assert_int_equal(exhibits_check_group(f->c, 3), DISPUTE_OK);
	assert_int_equal(exhibits_check_group(f->c, 2), DISPUTE_FAILED);
	assert_int_equal(exhibits_check_group(f->c, 0), DISPUTE_FAILED);
	assert_int_equal(exhibits_check_group(f->c, EXHIBIT_GROUP_MAX + 1), DISPUTE_FAILED);
	assert_int_equal(exhibits_fix(f->c, "draft"), DISPUTE_OK);
	/* A withdrawn part is not given again: the group's next part follows it. */
	remove_item(f->c, "E04");
	add_item(f->c, "E06", 3);
	expect_serials(f->c, "1 3-1 2 4 3-3");
	assert_int_equal(exhibits_check_group(f->c, 3), DISPUTE_OK);
}

static void
test_withdrawn_group_number_refused(void **state)
{
	struct fixture *f = *state;

	add_item(f->c, "E01", 0);
	add_item(f->c, "E02", 0);
	assert_int_equal(exhibits_fix(f->c, "pack"), DISPUTE_OK);
	remove_item(f->c, "E02");
	assert_int_equal(exhibits_check_group(f->c, 2), DISPUTE_FAILED);
	assert_int_equal(exhibits_check_group(f->c, 3), DISPUTE_OK);
}

static void
count_change(const char *was, const char *now, const char *id, void *ctx)
{
	(void)was;
	(void)now;
	(void)id;
	(*(int *)ctx)++;
}

static void
test_renumber(void **state)
{
	struct fixture *f = *state;
	int reported = 0;

	add_item(f->c, "E01", 0);
	add_item(f->c, "E02", 5);
	add_item(f->c, "E03", 0);
	add_item(f->c, "E04", 5);
	assert_int_equal(exhibits_fix(f->c, "draft"), DISPUTE_OK);
	remove_item(f->c, "E01");
	expect_serials(f->c, "5-1 2 5-2");
	/* E03 stays 证据2; the group moves from 5 to 1. */
	assert_int_equal(exhibits_renumber(f->c, count_change, &reported), 2);
	assert_int_equal(reported, 2);
	expect_serials(f->c, "1-1 2 1-2");
	assert_false(exhibits_fixed(f->c));
	assert_null(cJSON_GetObjectItemCaseSensitive(case_record(f->c), "withdrawn"));
	/* Dense already: nothing changes. */
	assert_int_equal(exhibits_renumber(f->c, NULL, NULL), 0);
}

static void
test_hand_edited_numbers_ignored(void **state)
{
	struct fixture *f = *state;
	cJSON *a = add_item(f->c, "E01", 0), *b = add_item(f->c, "E02", 0);

	/* Not whole numbers in range: read as if absent. */
	cJSON_AddStringToObject(a, "exhibit", "7");
	cJSON_AddNumberToObject(b, "exhibit", -3);
	expect_serials(f->c, "1 2");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_case_order_until_fixed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fixed_numbers_stay, setup, teardown),
		cmocka_unit_test_setup_teardown(test_groups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_withdrawn_group_number_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_renumber, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hand_edited_numbers_ignored, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
