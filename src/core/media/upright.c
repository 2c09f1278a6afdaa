/* Photos turned upright through the helper program dispute-image (upright.h): the
 * requests and the messages are made here, the photos are decoded and encoded there. */
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "helper.h"
#include "upright.h"

/* Processor time per photo: ample to decode, turn and encode 64 megapixels, not for a
 * decoder caught in a loop. */
#define UPRIGHT_CPU_PER_ITEM 20

struct run {
	const char *const *paths;
	upright_fn on_upright;
	void *ctx;
};

static void
report_unturned(const char *path, const char *why)
{
	dispute_error(_("%s: cannot be turned upright for the public copy (%s)"), path, why);
}

/* The reason the helper gave, said in the user's language. */
static const char *
reason(const char *code, const char *detail)
{
	if (strcmp(code, "unsupported") == 0)
		return _("not a JPEG picture");
	if (strcmp(code, "too-large") == 0 || strcmp(code, "whole-too-large") == 0)
		return _("more than 64 megapixels");
	return detail != NULL ? detail : _("the picture does not decode");
}

static int
take_reply(size_t index, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	const struct run *run = ctx;
	const char *path = run->paths[index];
	const char *skipped = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header,
	    "skipped"));
	const char *damaged = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header,
	    "damaged"));

	if (skipped != NULL || len == 0) {
		report_unturned(path, reason(skipped != NULL ? skipped : "",
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header, "detail"))));
		return DISPUTE_FAILED;
	}
	if (damaged != NULL)
		dispute_warning(_("%s: the picture is damaged (%s); its upright copy may be "
		    "incomplete"), path, damaged);
	return run->on_upright(index, payload, len, run->ctx);
}

static int
lost(size_t index, const char *why, void *ctx)
{
	const struct run *run = ctx;

	report_unturned(run->paths[index], why);
	return DISPUTE_FAILED;
}

static cJSON *
item_of(size_t index, void *ctx)
{
	const struct run *run = ctx;
	cJSON *item = cJSON_CreateObject();

	if (item == NULL || cJSON_AddStringToObject(item, "path", run->paths[index]) == NULL ||
	    cJSON_AddStringToObject(item, "mime", "image/jpeg") == NULL) {
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

int
upright_make(const char *const *paths, size_t count, upright_fn on_upright, void *ctx)
{
	struct helper_limits limits = { HELPER_MEMORY_DEFAULT, UPRIGHT_CPU_PER_ITEM, 0 };
	struct run run = { paths, on_upright, ctx };

	return helper_batch_made("dispute-image", "upright", count, item_of, &limits, take_reply,
	    lost, &run);
}
