/* The evidence of the template view (evidence-view.h): its rows are made when they are
 * looked at, so that building the view of a case of thousands of items allocates no
 * more than building that of a few; each row made on demand says what the row of that
 * item and number must say; and a withdrawn number keeps its row in the list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <cjson/cJSON.h>

#include "support.h"
#include "dispute/case.h"
#include "dispute/draft-view.h"
#include "dispute/evidence.h"
#include "dispute/exhibits.h"
#include "dispute/report.h"
#include "dispute/rules.h"
#include "evidence-view.h"

#define DATE "2026-11-20"
#define SCREENSHOT TEST_DATA_DIR "/evidence/order-screenshot.png"

static const char *
text(const cJSON *row, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, name));
}

/* cJSON's allocations while the hooks count them. */
static size_t cjson_allocations;

static void *
counting_malloc(size_t size)
{
	cjson_allocations++;
	return malloc(size);
}

static void
use_counting_hooks(int on)
{
	cJSON_Hooks hooks = { on ? counting_malloc : malloc, free };

	cJSON_InitHooks(&hooks);
}

/* Adds COUNT screenshots to S's case: the first bytes of a real PNG and a line of their own,
 * which libmagic reads as PNG, each one different. */
static void
add_screenshots(struct scratch_case *s, int from, int count)
{
	size_t len;
	unsigned char *png = (unsigned char *)slurp(SCREENSHOT, &len);
	struct evidence_request req;
	struct capture cap;
	char **files = calloc((size_t)count, sizeof *files);
	int i;

	assert_non_null(png);
	assert_non_null(files);
	for (i = 0; i < count; i++) {
		FILE *out;

		assert_true(asprintf(&files[i], "%s/Screenshot_%d.png", s->tmp, from + i) > 0);
		assert_non_null(out = fopen(files[i], "wb"));
		assert_int_equal(fwrite(png, 1, 33, out), 33);
		fprintf(out, "screenshot %06d\n", from + i);
		assert_int_equal(fclose(out), 0);
	}
	memset(&req, 0, sizeof req);
	req.kind = evidence_kind_find("chat");
	req.files = files;
	req.file_count = (size_t)count;
	/* Its note of the timestamp request goes to the captured stderr. */
	capture_start(&cap);
	i = evidence_add(s->c, &req);
	free(capture_end(&cap));
	assert_int_equal(i, DISPUTE_OK);
	for (i = 0; i < count; i++)
		free(files[i]);
	free(files);
	free(png);
}

/* The cJSON allocations of building S's view. */
static size_t
view_allocations(struct scratch_case *s, const struct rules *rules)
{
	struct draft_view *view = NULL;
	size_t counted;

	cjson_allocations = 0;
	use_counting_hooks(1);
	assert_int_equal(draft_view_build(s->c, rules, DATE, &view), DISPUTE_OK);
	counted = cjson_allocations;
	use_counting_hooks(0);
	draft_view_free(view);
	return counted;
}

static int
setup(void **state)
{
	return scratch_case_setup(state, "draft-view", "2026-11-18T10:00:00+08:00");
}

/* Three items or three hundred: the view is the same size. */
static void
test_view_does_not_grow(void **state)
{
	struct scratch_case *s = *state;
	struct rules rules = { NULL, NULL };
	size_t few, many;

	assert_int_equal(rules_load_default(&rules), DISPUTE_OK);
	assert_int_equal(case_set(s->c, "order.id", "6920451873301942"), DISPUTE_OK);
	add_screenshots(s, 1, 3);
	few = view_allocations(s, &rules);
	add_screenshots(s, 4, 297);
	many = view_allocations(s, &rules);
	assert_int_equal(cJSON_GetArraySize(case_evidence(s->c)), 300);
	assert_true(few > 0);
	assert_int_equal(many, few);
	rules_free(&rules);
}

/* The list made on demand: row I of each list is the item or withdrawn number it
 * stands for, made afresh each time it is asked for. */
static void
test_rows_made_on_demand(void **state)
{
	struct scratch_case *s = *state;
	struct rules rules = { NULL, NULL };
	struct draft_view *view = NULL;
	const struct row_list *items, *withdrawn, *list;
	cJSON *row, *again;

	assert_int_equal(rules_load_default(&rules), DISPUTE_OK);
	add_screenshots(s, 1, 3);
	/* Numbers fixed, as a pack fixes them; then the second item withdrawn. */
	assert_int_equal(exhibits_fix(s->c, "pack"), DISPUTE_OK);
	assert_int_equal(evidence_remove(s->c, text(cJSON_GetArrayItem(case_evidence(s->c), 1),
	    "id")), DISPUTE_OK);
	assert_int_equal(draft_view_build(s->c, &rules, DATE, &view), DISPUTE_OK);
	items = &view->data.lists[EVIDENCE_ITEMS];
	withdrawn = &view->data.lists[EVIDENCE_WITHDRAWN];
	list = &view->data.lists[EVIDENCE_LIST];
	/* The stand-ins are the view's empty arrays, where a template finds the lists. */
	assert_ptr_equal(items->stand_in, cJSON_GetObjectItemCaseSensitive(view->json,
	    "evidence"));
	assert_null(items->stand_in->child);
	assert_int_equal(items->count, 2);
	assert_int_equal(withdrawn->count, 1);
	assert_int_equal(list->count, 3);
	assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(view->json,
	    "evidence_count")), 2);

	assert_int_equal(items->make(items, 1, &row), DISPUTE_OK);
	assert_string_equal(text(row, "label_zh"), "证据3");
	assert_string_equal(text(row, "label_en"), "Exhibit 3");
	assert_false(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(row, "withdrawn")));
	assert_string_equal(text(row, "sha256"), text(cJSON_GetArrayItem(case_evidence(s->c),
	    1), "sha256"));
	assert_string_equal(text(row, "kind"), "chat");
	assert_int_equal(items->make(items, 1, &again), DISPUTE_OK);
	assert_ptr_not_equal(again, row);
	assert_true(cJSON_Compare(again, row, 1));
	cJSON_Delete(again);
	cJSON_Delete(row);

	assert_int_equal(withdrawn->make(withdrawn, 0, &row), DISPUTE_OK);
	assert_string_equal(text(row, "label_zh"), "证据2");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(row, "withdrawn")));
	cJSON_Delete(row);
	/* The list: 1, 2 (withdrawn), 3. */
	assert_int_equal(list->make(list, 1, &row), DISPUTE_OK);
	assert_string_equal(text(row, "serial"), "2");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(row, "withdrawn")));
	cJSON_Delete(row);
	assert_int_equal(list->make(list, 2, &row), DISPUTE_OK);
	assert_string_equal(text(row, "serial"), "3");
	cJSON_Delete(row);

	/* Pages recorded for the book show in the row made next. */
	view->evidence->rows[0].page_first = 4;
	view->evidence->rows[0].page_count = 3;
	assert_int_equal(items->make(items, 0, &row), DISPUTE_OK);
	assert_string_equal(text(row, "page_range"), "4-6");
	assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(row,
	    "page_count")), 3);
	cJSON_Delete(row);
	draft_view_free(view);
	rules_free(&rules);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_view_does_not_grow, setup,
		    scratch_case_teardown),
		cmocka_unit_test_setup_teardown(test_rows_made_on_demand, setup,
		    scratch_case_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
