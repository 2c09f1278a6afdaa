/* The chat quotes in the drafts' data (draft-quotes.h). */
#include <stdio.h>
#include <string.h>

#include "dispute/date.h"
#include "dispute/evidence.h"
#include "dispute/i18n.h"
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

static int
add_reply(cJSON *view, const cJSON *quote, const char *label_zh, const char *label_en)
{
	cJSON *reply = cJSON_AddObjectToObject(view, "merchant_reply");
	char date[DATE_LEN], zh[32];
	int dated = quote_date(string(quote, "time"), date);

	if (dated)
		date_format_zh(date, zh);
	return reply != NULL &&
	    cJSON_AddStringToObject(reply, "text", string(quote, "text")) != NULL &&
	    (string(quote, "time") == NULL ||
	    cJSON_AddStringToObject(reply, "time", string(quote, "time")) != NULL) &&
	    (!dated || (cJSON_AddStringToObject(reply, "date", date) != NULL &&
	    cJSON_AddStringToObject(reply, "date_zh", zh) != NULL)) &&
	    cJSON_AddStringToObject(reply, "evidence_zh", label_zh) != NULL &&
	    cJSON_AddStringToObject(reply, "evidence_en", label_en) != NULL;
}

/* QUOTE as read with enough confidence to be quoted. */
static int
quotable(const cJSON *quote)
{
	const cJSON *conf = cJSON_GetObjectItemCaseSensitive(quote, "confidence");

	return string(quote, "speaker") != NULL && string(quote, "text") != NULL &&
	    cJSON_IsNumber(conf) && conf->valuedouble >= OCR_CONFIDENCE_MIN;
}

static int
is_merchant_refusal(const cJSON *quote)
{
	return quotable(quote) && strcmp(string(quote, "speaker"), "merchant") == 0 &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(quote, "refusal"));
}

int
draft_quotes_item(cJSON *entry, const cJSON *item)
{
	const cJSON *quote;
	cJSON *list = NULL, *q;

	cJSON_ArrayForEach(quote, cJSON_GetObjectItemCaseSensitive(item, "quotes")) {
		const char *speaker = string(quote, "speaker"), *text = string(quote, "text");

		if (!quotable(quote))
			continue;
		if (list == NULL && (list = cJSON_AddArrayToObject(entry, "quotes")) == NULL)
			return 0;
		q = cJSON_CreateObject();
		if (q == NULL || !cJSON_AddItemToArray(list, q)) {
			cJSON_Delete(q);
			return 0;
		}
		if (cJSON_AddStringToObject(q, "speaker", speaker) == NULL ||
		    cJSON_AddStringToObject(q, "speaker_zh", strcmp(speaker, "merchant") == 0 ?
		    "商家" : "消费者") == NULL ||
		    cJSON_AddStringToObject(q, "speaker_en", strcmp(speaker, "merchant") == 0 ?
		    "merchant" : "buyer") == NULL ||
		    (string(quote, "time") != NULL &&
		    cJSON_AddStringToObject(q, "time", string(quote, "time")) == NULL) ||
		    cJSON_AddStringToObject(q, "text", text) == NULL ||
		    cJSON_AddBoolToObject(q, "refusal",
		    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(quote, "refusal"))) == NULL)
			return 0;
	}
	return 1;
}

int
draft_quotes_reply(cJSON *view, const cJSON *item, const char *label_zh, const char *label_en)
{
	const cJSON *quote;

	cJSON_ArrayForEach(quote, cJSON_GetObjectItemCaseSensitive(item, "quotes"))
		if (is_merchant_refusal(quote))
			return add_reply(view, quote, label_zh, label_en) ? 1 : -1;
	return 0;
}
