/* Reading pictures of text through the helper program dispute-ocr (ocr.h): the requests
 * and the messages are made here, the pictures are read there. */
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "helper.h"
#include "ocr.h"

/* Tesseract reads a screenshot in about a second on one core; a page scanned at 600
 * dpi in ten. More is a picture built to keep it busy. */
#define OCR_CPU_PER_ITEM 30
/* The two language models, a 40-megapixel picture and Tesseract's copies of it. */
#define OCR_MEMORY ((uint64_t)1536 * 1024 * 1024)
/* The recognised text of one picture, with its boxes, is a few hundred kilobytes. */
#define OCR_REPLY_MAX (16 * 1024 * 1024)

struct run {
	const char *const *paths;
	const int *orientations;
	ocr_fn on_reading;
	void *ctx;
};

/* The reason the helper gave, said in the user's language. */
static const char *
reason(const char *code)
{
	if (strcmp(code, "too-large") == 0)
		return _("more than 40 megapixels");
	return _("the picture does not decode");
}

static int
take_reply(size_t index, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	const struct run *run = ctx;
	const char *skipped = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header,
	    "skipped"));
	const cJSON *width = cJSON_GetObjectItemCaseSensitive(header, "width");
	const cJSON *height = cJSON_GetObjectItemCaseSensitive(header, "height");
	cJSON *reading = NULL;

	if (skipped != NULL || len == 0 || len > OCR_REPLY_MAX)
		return run->on_reading(index, NULL, reason(skipped != NULL ? skipped : ""),
		    run->ctx);
	reading = cJSON_ParseWithLength(payload, len);
	if (!cJSON_IsObject(reading) ||
	    !cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(reading, "lines")) ||
	    !cJSON_IsNumber(width) || !cJSON_IsNumber(height)) {
		cJSON_Delete(reading);
		return run->on_reading(index, NULL, _("the reader's answer is malformed"),
		    run->ctx);
	}
	if (cJSON_AddNumberToObject(reading, "width", width->valuedouble) == NULL ||
	    cJSON_AddNumberToObject(reading, "height", height->valuedouble) == NULL) {
		cJSON_Delete(reading);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return run->on_reading(index, reading, NULL, run->ctx);
}

static int
lost(size_t index, const char *why, void *ctx)
{
	const struct run *run = ctx;

	return run->on_reading(index, NULL, why, run->ctx);
}

/* {"path", and "orientation" when the picture is stored turned or mirrored}. */
static cJSON *
item_of(size_t index, void *ctx)
{
	const struct run *run = ctx;
	int orientation = run->orientations != NULL ? run->orientations[index] : 1;
	cJSON *item = cJSON_CreateObject();

	if (item == NULL || cJSON_AddStringToObject(item, "path", run->paths[index]) == NULL ||
	    (orientation != 1 && cJSON_AddNumberToObject(item, "orientation", orientation) ==
	    NULL)) {
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

int
ocr_read(const char *const *paths, const int *orientations, size_t count,
    ocr_fn on_reading, void *ctx)
{
	struct helper_limits limits = { OCR_MEMORY, OCR_CPU_PER_ITEM, 0 };
	struct run run = { paths, orientations, on_reading, ctx };

	return helper_batch_made("dispute-ocr", "read", count, item_of, &limits, take_reply, lost,
	    &run);
}
