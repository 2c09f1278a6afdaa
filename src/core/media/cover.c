/* Covered copies of screenshots through the helper program dispute-image (cover.h). */
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "cover.h"
#include "helper.h"

/* Processor time per picture: ample to decode, cover and encode 64 megapixels. */
#define COVER_CPU_PER_ITEM 20

struct run {
	const struct cover_source *sources;
	cover_fn on_covered;
	void *ctx;
};

static void
report_uncovered(const char *path, const char *why)
{
	dispute_error(_("%s: cannot be covered for the public copy (%s)"), path, why);
}

static int
take_reply(size_t index, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	const struct run *run = ctx;
	const char *skipped = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header,
	    "skipped"));
	const char *detail = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header,
	    "detail"));

	if (skipped != NULL || len == 0) {
		report_uncovered(run->sources[index].path, skipped == NULL ? _("no picture") :
		    strcmp(skipped, "unsupported") == 0 ? _("not a JPEG, PNG, WebP, GIF, HEIF or "
		    "TIFF picture") : strcmp(skipped, "undecodable") != 0 ?
		    _("more than 64 megapixels") : detail != NULL ? detail :
		    _("the picture does not decode"));
		return DISPUTE_FAILED;
	}
	return run->on_covered(index, payload, len, run->ctx);
}

static int
lost(size_t index, const char *why, void *ctx)
{
	const struct run *run = ctx;

	report_uncovered(run->sources[index].path, why);
	return DISPUTE_FAILED;
}

static cJSON *
item_of(size_t index, void *ctx)
{
	const struct cover_source *source = &((const struct run *)ctx)->sources[index];
	cJSON *item = cJSON_CreateObject(), *boxes = cJSON_Duplicate(source->boxes, 1);

	if (item == NULL || boxes == NULL ||
	    cJSON_AddStringToObject(item, "path", source->path) == NULL ||
	    cJSON_AddStringToObject(item, "mime", source->mime) == NULL ||
	    !cJSON_AddItemToObject(item, "boxes", boxes)) {
		/* The copy is the item's once added, and ours to free until then. */
		if (cJSON_GetObjectItemCaseSensitive(item, "boxes") != boxes)
			cJSON_Delete(boxes);
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

int
cover_make(const struct cover_source *sources, size_t count, cover_fn on_covered, void *ctx)
{
	struct helper_limits limits = { HELPER_MEMORY_DEFAULT, COVER_CPU_PER_ITEM, 0 };
	struct run run = { sources, on_covered, ctx };

	return helper_batch_made("dispute-image", "cover", count, item_of, &limits, take_reply,
	    lost, &run);
}
