/* libFuzzer harness for what is made of a reading, the JSON that dispute-ocr answers
 * (media/ocr.h) and that derived/ID-KIND.ocr.json keeps: the input, parsed as JSON, goes
 * through chat_quotes() and, as an order page and as a licence, suggest_facts(); the
 * raw input also goes through transcode_gb18030(). Beyond "no memory error" it checks
 * that every quote and every suggested value is well-formed UTF-8 when the input is,
 * and that a GB18030 conversion gives well-formed UTF-8 of the length it says. A broken
 * check calls abort(). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "dispute/report.h"
#include "dispute/suggest.h"
#include "chat-quotes.h"
#include "text.h"
#include "transcode.h"

#include "fuzz.h"

static void
check(int ok, const char *what)
{
	if (ok)
		return;
	fprintf(stdout, "fuzz_reading: %s\n", what);
	fflush(stdout);
	abort();
}

static void
check_strings(const cJSON *list, const char *member, int input_valid)
{
	const cJSON *o;

	cJSON_ArrayForEach(o, list) {
		const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, member));

		check(s != NULL, "a quote or suggestion without its text");
		check(!input_valid || utf8_valid(s, strlen(s)), "malformed UTF-8 out of valid input");
	}
}

static void
suggest_as(const cJSON *reading, const char *kind, int input_valid)
{
	cJSON *readings = cJSON_CreateArray(), *item = cJSON_CreateObject(), *r;

	if (readings == NULL || item == NULL || !cJSON_AddItemToArray(readings, item)) {
		cJSON_Delete(item);
		cJSON_Delete(readings);
		return;
	}
	cJSON_AddStringToObject(item, "id", "E01");
	cJSON_AddStringToObject(item, "kind", kind);
	cJSON_AddItemReferenceToObject(item, "lines",
	    cJSON_GetObjectItemCaseSensitive(reading, "lines"));
	if (suggest_facts(readings, "2026-11-18") == DISPUTE_OK)
		cJSON_ArrayForEach(r, readings)
			check_strings(cJSON_GetObjectItemCaseSensitive(r, "suggestions"), "value",
			    input_valid);
	cJSON_Delete(readings);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cJSON *reading, *quotes;
	char *utf8;
	size_t len;
	int valid = utf8_valid((const char *)data, size);

	fuzz_quiet_stderr();
	if (transcode_gb18030((const char *)data, size, &utf8, &len) == DISPUTE_OK && utf8 != NULL) {
		check(strlen(utf8) == len && utf8_valid(utf8, len), "GB18030 gave malformed UTF-8");
		free(utf8);
	}
	reading = cJSON_ParseWithLength((const char *)data, size);
	if (reading == NULL)
		return 0;
	quotes = chat_quotes(reading);
	check_strings(quotes, "text", valid);
	cJSON_Delete(quotes);
	suggest_as(reading, "order", valid);
	suggest_as(reading, "licence", valid);
	cJSON_Delete(reading);
	return 0;
}
