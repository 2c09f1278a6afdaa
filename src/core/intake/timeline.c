/* Recording contacts on the timeline, in date order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/aliases.h"
#include "dispute/clock.h"
#include "dispute/date-input.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/timeline.h"
#include "dispute/validate.h"
#include "text.h"

const char *const timeline_channels[] = {
	"merchant", "platform", "12315", "consumer-association", "court", "social", NULL
};
const char *const timeline_outcomes[] = {
	"pending", "accepted", "refused", "no-response", "resolved", "partial", "agreement", NULL
};

static const char *const labels_zh[][2] = {
	{ "merchant", "商家" },
	{ "platform", "平台" },
	{ "12315", "12315" },
	{ "consumer-association", "消费者协会" },
	{ "court", "法院" },
	{ "social", "公开发布" },
	{ "pending", "处理中" },
	{ "accepted", "已受理" },
	{ "refused", "拒绝" },
	{ "no-response", "未答复" },
	{ "resolved", "已解决" },
	{ "partial", "部分解决" },
	{ "agreement", "达成协议" },
};

const char *
timeline_label_zh(const char *word)
{
	size_t i;

	for (i = 0; i < sizeof labels_zh / sizeof labels_zh[0]; i++)
		if (strcmp(labels_zh[i][0], word) == 0)
			return labels_zh[i][1];
	return word;
}

static const char *
member(const cJSON *item, const char *name)
{
	const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));

	return value != NULL ? value : "";
}

char *
timeline_text(const struct dispute_case *c)
{
	const char *order = case_get(c, "order.id");
	const cJSON *item;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (out == NULL) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	fprintf(out, "维权时间线（订单号 %s）\n\n", order != NULL ? order : "未填写");
	fprintf(out, "日期\t渠道\t结果\t编号\t经过\n");
	cJSON_ArrayForEach(item, case_timeline(c))
		fprintf(out, "%s\t%s\t%s\t%s\t%s\n", member(item, "date"),
		    timeline_label_zh(member(item, "channel")), timeline_label_zh(member(item, "outcome")),
		    member(item, "ref")[0] != '\0' ? member(item, "ref") : "-", member(item, "text"));
	if (ferror(out)) {
		fclose(out);
		free(text);
		dispute_error(_("out of memory"));
		return NULL;
	}
	fclose(out);
	return text;
}

int
timeline_resolved(const struct dispute_case *c)
{
	const cJSON *last = NULL, *item;

	cJSON_ArrayForEach(item, case_timeline(c))
		last = item;
	return last != NULL && strcmp(member(last, "outcome"), "resolved") == 0;
}

static int
check_word(const char *what, const char *value, const char *const *words)
{
	char list[256];
	size_t used = 0;
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], value) == 0)
			return DISPUTE_OK;
	list[0] = '\0';
	for (i = 0; words[i] != NULL && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", words[i]);
	dispute_error(_("%s \"%s\" is not one of: %s"), what, value, list);
	return DISPUTE_FAILED;
}

/* WORD, or the canonical word of LIST (one of WORDS) it is an alias of; the table of
 * aliases is read only for what is not a word itself. */
static const char *
canonical_word(const char *list, const char *const *words, const char *word)
{
	const char *canonical;

	for (size_t i = 0; word != NULL && words[i] != NULL; i++)
		if (strcmp(words[i], word) == 0)
			return word;
	canonical = word != NULL ? aliases_canonical(aliases_default(), list, word) : NULL;
	return canonical != NULL ? canonical : word;
}

void
timeline_normalize(struct timeline_entry *entry, char date[DATE_LEN])
{
	entry->channel = canonical_word("channel", timeline_channels, entry->channel);
	entry->outcome = canonical_word("outcome", timeline_outcomes, entry->outcome);
	if (entry->date != NULL && date_input_parse(entry->date, date))
		entry->date = date;
}

static int
add_string(cJSON *object, const char *name, const char *value)
{
	if (value == NULL)
		return DISPUTE_OK;
	return cJSON_AddStringToObject(object, name, value) != NULL ? DISPUTE_OK : DISPUTE_FAILED;
}

int
timeline_add(struct dispute_case *c, const struct timeline_entry *entry, const char *today)
{
	char reason[VALIDATE_REASON_MAX], stamp[CLOCK_TIMESTAMP_LEN], date[DATE_LEN];
	cJSON *record, *item, *later, *timeline = case_timeline(c);
	int position = 0;

	if (date_input_read(entry->date, today, date, reason, sizeof reason) != DISPUTE_OK) {
		dispute_error("date: %s", reason);
		return DISPUTE_FAILED;
	}
	if (check_word("channel", entry->channel, timeline_channels) != DISPUTE_OK ||
	    check_word("outcome", entry->outcome, timeline_outcomes) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (text_check(entry->text, reason, sizeof reason) != DISPUTE_OK) {
		dispute_error("text: %s", reason);
		return DISPUTE_FAILED;
	}
	if (entry->ref != NULL && text_check(entry->ref, reason, sizeof reason) != DISPUTE_OK) {
		dispute_error("ref: %s", reason);
		return DISPUTE_FAILED;
	}
	if (clock_timestamp(stamp) != DISPUTE_OK)
		return DISPUTE_FAILED;
	record = cJSON_CreateObject();
	if (record == NULL || add_string(record, "date", date) != DISPUTE_OK ||
	    add_string(record, "channel", entry->channel) != DISPUTE_OK ||
	    add_string(record, "outcome", entry->outcome) != DISPUTE_OK ||
	    add_string(record, "ref", entry->ref) != DISPUTE_OK ||
	    add_string(record, "text", entry->text) != DISPUTE_OK ||
	    add_string(record, "recorded", stamp) != DISPUTE_OK ||
	    (entry->demand && cJSON_AddTrueToObject(record, "demand") == NULL)) {
		cJSON_Delete(record);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	/* Insert after the last entry on or before this date: contacts logged late still
	 * land in their place on the ladder. The later entries are detached and appended
	 * again, because Debian's cJSON 1.7.15 refuses cJSON_InsertItemInArray() past the
	 * first position. */
	cJSON_ArrayForEach(item, timeline) {
		if (strcmp(cJSON_GetObjectItemCaseSensitive(item, "date")->valuestring, date) > 0)
			break;
		position++;
	}
	later = cJSON_CreateArray();
	if (later == NULL) {
		cJSON_Delete(record);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	while (cJSON_GetArraySize(timeline) > position)
		cJSON_AddItemToArray(later, cJSON_DetachItemFromArray(timeline, position));
	cJSON_AddItemToArray(timeline, record);
	while (cJSON_GetArraySize(later) > 0)
		cJSON_AddItemToArray(timeline, cJSON_DetachItemFromArray(later, 0));
	cJSON_Delete(later);
	return DISPUTE_OK;
}
