/* The chat quotes in the drafts' data (draft-quotes.h). */
#include <stdio.h>
#include <string.h>

#include "dispute/date.h"
#include "dispute/evidence.h"
#include "dispute/report.h"
#include "draft-quotes.h"
#include "ocr.h"

static const char *
string(const cJSON *object, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));
}

/* The date of a quote's time when it has one ("2026-10-05 14:32"), in DATE. */
static int
quote_date(const char *time, char date[DATE_LEN])
{
	struct date_ymd d;

	if (time == NULL || strlen(time) < 10)
		return 0;
	snprintf(date, DATE_LEN, "%.10s", time);
	return date_parse(date, &d);
}

static void
add_reply(cJSON *view, const cJSON *quote, const cJSON *entry)
{
	cJSON *reply = cJSON_AddObjectToObject(view, "merchant_reply");
	char date[DATE_LEN], zh[32];

	if (reply == NULL)
		return;
	cJSON_AddStringToObject(reply, "text", string(quote, "text"));
	if (string(quote, "time") != NULL)
		cJSON_AddStringToObject(reply, "time", string(quote, "time"));
	if (quote_date(string(quote, "time"), date)) {
		date_format_zh(date, zh);
		cJSON_AddStringToObject(reply, "date", date);
		cJSON_AddStringToObject(reply, "date_zh", zh);
	}
	cJSON_AddStringToObject(reply, "evidence_zh", string(entry, "label_zh"));
	cJSON_AddStringToObject(reply, "evidence_en", string(entry, "label_en"));
}

/* The quotes of the case's item ITEM in ENTRY, its evidence entry. */
static void
add_item_quotes(cJSON *view, cJSON *entry, const cJSON *item)
{
	const cJSON *quote, *conf;
	cJSON *list = NULL, *q;

	cJSON_ArrayForEach(quote, cJSON_GetObjectItemCaseSensitive(item, "quotes")) {
		const char *speaker = string(quote, "speaker"), *text = string(quote, "text");
		int refusal = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(quote, "refusal"));

		conf = cJSON_GetObjectItemCaseSensitive(quote, "confidence");
		if (speaker == NULL || text == NULL || !cJSON_IsNumber(conf) ||
		    conf->valuedouble < OCR_CONFIDENCE_MIN)
			continue;
		if (list == NULL && (list = cJSON_AddArrayToObject(entry, "quotes")) == NULL)
			return;
		q = cJSON_CreateObject();
		if (q == NULL || !cJSON_AddItemToArray(list, q)) {
			cJSON_Delete(q);
			return;
		}
		cJSON_AddStringToObject(q, "speaker", speaker);
		cJSON_AddStringToObject(q, "speaker_zh", strcmp(speaker, "merchant") == 0 ? "商家" :
		    "消费者");
		cJSON_AddStringToObject(q, "speaker_en", strcmp(speaker, "merchant") == 0 ?
		    "merchant" : "buyer");
		if (string(quote, "time") != NULL)
			cJSON_AddStringToObject(q, "time", string(quote, "time"));
		cJSON_AddStringToObject(q, "text", text);
		cJSON_AddBoolToObject(q, "refusal", refusal);
		if (refusal && strcmp(speaker, "merchant") == 0 &&
		    !cJSON_HasObjectItem(view, "merchant_reply"))
			add_reply(view, quote, entry);
	}
}

void
draft_quotes_add(cJSON *view, const struct dispute_case *c)
{
	cJSON *entry;

	cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(view, "evidence")) {
		const cJSON *item = evidence_find(c, string(entry, "id"));

		if (item != NULL)
			add_item_quotes(view, entry, item);
	}
}
