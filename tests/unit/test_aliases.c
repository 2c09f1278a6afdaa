/*
 * Tests for aliases.c: the shipped table of Chinese input aliases loads, maps only to
 * values the fields and the timeline accept, and names each value; malformed tables
 * are refused with a message naming the file and the problem.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dispute/aliases.h"
#include "dispute/fields.h"
#include "dispute/report.h"
#include "dispute/timeline.h"
#include "support.h"

#define SHIPPED TEST_DATA_DIR "/../../rules/input-aliases.json"

static int
is_one_of(const char *value, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strcmp(*words, value) == 0)
			return 1;
	return 0;
}

/* The words LIST of the table stands for: a choice field's, or the timeline's. */
static const char *const *
words_of(const char *list)
{
	static const char *const yes_no[] = { "yes", "no", NULL };
	const struct field *f = field_find(list);

	if (strcmp(list, "channel") == 0)
		return timeline_channels;
	if (strcmp(list, "outcome") == 0)
		return timeline_outcomes;
	if (strcmp(list, "yes-no") == 0)
		return yes_no;
	return f != NULL && f->type == FIELD_CHOICE ? f->choices : NULL;
}

static void
test_shipped_table(void **state)
{
	struct input_aliases a;
	const cJSON *list, *value;

	(void)state;
	assert_int_equal(aliases_load(SHIPPED, &a), DISPUTE_OK);
	cJSON_ArrayForEach(list, cJSON_GetObjectItem(a.root, "choices")) {
		const char *const *words = words_of(list->string);

		if (words == NULL)
			fail_msg("list \"%s\" is neither a choice field nor the timeline's",
			    list->string);
		cJSON_ArrayForEach(value, list)
			if (!is_one_of(value->string, words))
				fail_msg("%s: \"%s\" is not a value it accepts", list->string,
				    value->string);
	}
	/* Every choice of every field and of the timeline has its Chinese name. */
	for (const struct field *f = field_table; f->name != NULL; f++)
		for (size_t i = 0; f->type == FIELD_CHOICE && f->choices[i] != NULL; i++)
			if (aliases_name_zh(&a, field_alias_list(f), f->choices[i]) == NULL)
				fail_msg("%s %s has no Chinese name", f->name, f->choices[i]);
	for (size_t i = 0; timeline_channels[i] != NULL; i++)
		assert_non_null(aliases_name_zh(&a, "channel", timeline_channels[i]));
	for (size_t i = 0; timeline_outcomes[i] != NULL; i++)
		assert_non_null(aliases_name_zh(&a, "outcome", timeline_outcomes[i]));
	aliases_free(&a);
	aliases_free(&a);
}

static void
test_lookups(void **state)
{
	struct input_aliases a;

	(void)state;
	assert_int_equal(aliases_load(SHIPPED, &a), DISPUTE_OK);
	assert_string_equal(aliases_canonical(&a, "case.platform", "抖音"), "douyin");
	assert_string_equal(aliases_canonical(&a, "case.platform", "淘宝"), "taobao");
	assert_string_equal(aliases_canonical(&a, "case.platform", "京东"), "jd");
	assert_string_equal(aliases_canonical(&a, "case.platform", "拼多多"), "pinduoduo");
	assert_string_equal(aliases_canonical(&a, "case.platform", "快手"), "kuaishou");
	assert_string_equal(aliases_canonical(&a, "problem.category", "质量问题"), "quality");
	assert_string_equal(aliases_canonical(&a, "channel", "商家"), "merchant");
	assert_string_equal(aliases_canonical(&a, "channel", "平台"), "platform");
	assert_string_equal(aliases_canonical(&a, "channel", "消协"), "consumer-association");
	assert_string_equal(aliases_canonical(&a, "channel", "消费者协会"),
	    "consumer-association");
	assert_string_equal(aliases_canonical(&a, "channel", "法院"), "court");
	assert_string_equal(aliases_canonical(&a, "outcome", "拒绝"), "refused");
	assert_string_equal(aliases_canonical(&a, "outcome", "已解决"), "resolved");
	assert_string_equal(aliases_canonical(&a, "outcome", "处理中"), "pending");
	assert_string_equal(aliases_canonical(&a, "yes-no", "是"), "yes");
	/* Only whole aliases, in their own list. */
	assert_null(aliases_canonical(&a, "case.platform", "京"));
	assert_null(aliases_canonical(&a, "case.platform", "jd"));
	assert_null(aliases_canonical(&a, "channel", "京东"));
	assert_null(aliases_canonical(&a, "no-such-list", "京东"));
	assert_string_equal(aliases_name_zh(&a, "case.platform", "jd"), "京东");
	assert_string_equal(aliases_name_zh(&a, "outcome", "refused"), "拒绝");
	assert_null(aliases_name_zh(&a, "case.platform", "tmall"));
	aliases_free(&a);
	/* An empty table answers nothing rather than crashing. */
	assert_null(aliases_canonical(NULL, "channel", "商家"));
	assert_null(aliases_name_zh(&a, "channel", "merchant"));
}

/* Writes TEXT to a scratch file and loads it: it must be refused with MESSAGE. */
static void
refused(const char *text, const char *message)
{
	char path[] = "/tmp/aliases-XXXXXX";
	int fd = mkstemp(path);
	struct input_aliases a;
	struct capture cap;
	char *said;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	capture_start(&cap);
	assert_int_equal(aliases_load(path, &a), DISPUTE_FAILED);
	said = capture_end(&cap);
	unlink(path);
	assert_null(a.root);
	assert_contains(said, path);
	assert_contains(said, message);
	free(said);
}

static void
test_malformed(void **state)
{
	(void)state;
	refused("{\"schema\": \"dispute-rules/1\", \"choices\": {}}",
	    "not a table of input aliases");
	refused("{\"schema\": \"dispute-input-aliases/1\", \"choices\": {}, \"x\": 1}",
	    "unknown member \"x\"");
	refused("{\"schema\": \"dispute-input-aliases/1\", \"choices\": []}",
	    "\"choices\" must be an object");
	refused("{\"schema\": \"dispute-input-aliases/1\", \"choices\": {\"channel\": 3}}",
	    "choices \"channel\" must be an object");
	refused("{\"schema\": \"dispute-input-aliases/1\", \"choices\": {\"channel\": "
	    "{\"court\": []}}}", "channel \"court\" needs a non-empty array of aliases");
	refused("{\"schema\": \"dispute-input-aliases/1\", \"choices\": {\"channel\": "
	    "{\"court\": [\"法院\", 7]}}}", "every alias must be a non-empty string");
	refused("{\"schema\": \"dispute-input-aliases/1\", \"choices\": {\"channel\": "
	    "{\"court\": [\"法院\"], \"platform\": [\"平台\", \"法院\"]}}}",
	    "the alias \"法院\" names both \"court\" and \"platform\"");
	refused("{\"schema\": \"dispute-input-aliases/1\", \"choices\": {\"channel\": "
	    "{\"court\": [\"法院\", \"法院\"]}}}",
	    "the alias \"法院\" names both \"court\" and \"court\"");
	refused("{\"schema\": ", "not valid JSON");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_table),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
