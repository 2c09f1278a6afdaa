/* Finding the buyer's texts that the Chinese documents would print in English (see
 * wording.h). */
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/wording.h"

/* Whether the UTF-8 sequence at P is a CJK unified ideograph, U+3400-U+9FFF (lead
 * bytes E3 with 0x90-0xBF, and E4-E9). */
static int
is_han(const unsigned char *p)
{
	return (p[0] >= 0xE4 && p[0] <= 0xE9) || (p[0] == 0xE3 && p[1] >= 0x90);
}

static int
is_latin(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

int
wording_is_english(const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	int word = 0, english = 0;

	for (; p != NULL && *p != '\0'; p++) {
		if (is_han(p))
			return 0;
		word = is_latin(*p) ? word + 1 : 0;
		english |= word >= 3;
	}
	return english;
}

/* Adds {where, KEY: VALUE, text} to OUT when TEXT is English. */
static int
check(cJSON *out, const char *where, const char *key, const char *value, const char *text)
{
	cJSON *item;

	if (text == NULL || !wording_is_english(text))
		return DISPUTE_OK;
	item = cJSON_CreateObject();
	if (item == NULL || !cJSON_AddItemToArray(out, item) ||
	    cJSON_AddStringToObject(item, "where", where) == NULL ||
	    (key != NULL && cJSON_AddStringToObject(item, key, value) == NULL) ||
	    cJSON_AddStringToObject(item, "text", text) == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

int
wording_english_texts(const struct dispute_case *c, cJSON *out)
{
	static const char *const facts[] = {
		"problem.description", "demand.text", "order.promise", "problem.loss_label", NULL
	};
	const cJSON *item;
	int status = DISPUTE_OK;

	for (size_t i = 0; facts[i] != NULL; i++)
		status |= check(out, facts[i], NULL, NULL, case_get(c, facts[i]));
	cJSON_ArrayForEach(item, case_timeline(c))
		status |= check(out, "timeline", "date", member(item, "date"), member(item, "text"));
	cJSON_ArrayForEach(item, case_evidence(c)) {
		status |= check(out, "evidence", "id", member(item, "id"), member(item, "proves"));
		status |= check(out, "evidence", "id", member(item, "id"), member(item, "note"));
	}
	return status;
}
