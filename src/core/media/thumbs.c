/* Thumbnails through the helper program dispute-image (thumbs.h): the requests and the
 * warnings are made here, the pictures are decoded there. */
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "helper.h"
#include "thumbs.h"

/* A few seconds of processor time per picture: ample for a 250-megapixel JPEG decoded
 * at 1/8 scale, not for a decoder caught in a loop. */
#define THUMB_CPU_PER_ITEM 5
/* Enough for a 16-megapixel picture decoded whole, and the decoder's own needs. */
#define THUMB_MEMORY ((uint64_t)768 * 1024 * 1024)
/* Pictures per run of the helper: the request for a run is held here as JSON, which
 * for the page of a case of 5,000 photos would be megabytes. */
#define THUMB_BATCH 256

/* A run of the helper, for the pictures from FIRST on. */
struct run {
	const struct thumb_source *sources;
	size_t first;
	thumb_fn on_thumb;
	void *ctx;
};

static void
warn_skipped(const char *label, const char *why)
{
	dispute_warning(_("%s: no thumbnail (%s); the page links the file instead"), label, why);
}

/* The reason the helper gave, said in the user's language. */
static const char *
reason(const char *code, const char *detail)
{
	if (strcmp(code, "unsupported") == 0)
		return _("not a JPEG, PNG, WebP, GIF, HEIF or TIFF picture");
	if (strcmp(code, "too-large") == 0)
		return _("more than 250 megapixels");
	if (strcmp(code, "whole-too-large") == 0)
		return _("more than 16 megapixels in a format that is decoded whole");
	return detail != NULL ? detail : _("the picture does not decode");
}

static int
take_reply(size_t index, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	const struct run *run = ctx;
	const struct thumb_source *source = &run->sources[run->first + index];
	const char *skipped = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header,
	    "skipped"));
	const char *damaged = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header,
	    "damaged"));
	const cJSON *width = cJSON_GetObjectItemCaseSensitive(header, "width");
	const cJSON *height = cJSON_GetObjectItemCaseSensitive(header, "height");
	struct thumb thumb = { NULL, 0, 0, 0 };

	if (skipped != NULL || len == 0 || !cJSON_IsNumber(width) || !cJSON_IsNumber(height)) {
		warn_skipped(source->label, reason(skipped != NULL ? skipped : "",
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header, "detail"))));
		return DISPUTE_OK;
	}
	if (damaged != NULL)
		dispute_warning(_("%s: the picture is damaged (%s); its thumbnail may be "
		    "incomplete"), source->label, damaged);
	thumb.data = malloc(len);
	if (thumb.data == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	memcpy(thumb.data, payload, len);
	thumb.len = len;
	thumb.width = (int)width->valuedouble;
	thumb.height = (int)height->valuedouble;
	return run->on_thumb(run->first + index, &thumb, run->ctx);
}

/* Picture INDEX as the helper's item. */
static cJSON *
item_of(size_t index, void *ctx)
{
	const struct run *run = ctx;
	const struct thumb_source *source = &run->sources[run->first + index];
	cJSON *item = cJSON_CreateObject();

	if (item == NULL || cJSON_AddStringToObject(item, "path", source->path) == NULL ||
	    cJSON_AddStringToObject(item, "mime", source->mime) == NULL ||
	    cJSON_AddNumberToObject(item, "max", THUMB_MAX) == NULL) {
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

static int
lost(size_t index, const char *why, void *ctx)
{
	const struct run *run = ctx;

	warn_skipped(run->sources[run->first + index].label, why);
	return DISPUTE_OK;
}

int
thumbs_make(const struct thumb_source *sources, size_t count, thumb_fn on_thumb, void *ctx)
{
	struct helper_limits limits = { THUMB_MEMORY, THUMB_CPU_PER_ITEM, 0 };
	struct run run = { sources, 0, on_thumb, ctx };
	size_t n;

	for (; run.first < count; run.first += n) {
		n = count - run.first < THUMB_BATCH ? count - run.first : THUMB_BATCH;
		if (helper_batch_made("dispute-image", "thumbnail", n, item_of, &limits,
		    take_reply, lost, &run) != DISPUTE_OK)
			return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static int
keep(size_t index, struct thumb *thumb, void *ctx)
{
	(void)index;
	*(struct thumb *)ctx = *thumb;
	return DISPUTE_OK;
}

int
thumb_make(const char *path, const char *label, const char *mime, struct thumb *out)
{
	struct thumb_source source = { path, mime, label };

	memset(out, 0, sizeof *out);
	return thumbs_make(&source, 1, keep, out);
}

void
thumb_free(struct thumb *out)
{
	free(out->data);
	memset(out, 0, sizeof *out);
}
