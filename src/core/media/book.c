/* The evidence book through the helper program dispute-print (book.h): the request is
 * made by the caller, the pages are laid out and drawn there, and the PDF goes from
 * the helper straight into its file. */
#include <stdlib.h>
#include <string.h>

#include "dispute/book.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "helper.h"

/* Pango and fontconfig open a CJK font collection of some 20 MB that Cairo reads
 * whole to subset it, and a photo may be decoded whole: a generous limit. */
#define BOOK_MEMORY ((uint64_t)1024 * 1024 * 1024)
/* Processor time: the layout, and a few seconds for each item to decode. */
#define BOOK_CPU_BASE 30
#define BOOK_CPU_PER_ITEM 5

static unsigned
cpu_budget(const cJSON *request)
{
	return BOOK_CPU_BASE + BOOK_CPU_PER_ITEM *
	    (unsigned)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(request, "items"));
}

/* The pages of the items, the reply's payload: [{"first", "count"}]. */
static int
take_pages(size_t index, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	cJSON **items = ctx;

	(void)index;
	(void)header;
	*items = payload != NULL ? cJSON_ParseWithLength(payload, len) : NULL;
	if (!cJSON_IsArray(*items)) {
		cJSON_Delete(*items);
		*items = NULL;
		dispute_error(_("dispute-print: an answer out of order or malformed"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static int
lost(size_t index, const char *why, void *ctx)
{
	(void)index;
	(void)ctx;
	dispute_error(_("the evidence book: dispute-print %s"), why);
	return DISPUTE_FAILED;
}

int
book_paginate(const cJSON *request, cJSON **items)
{
	struct helper_limits limits = { BOOK_MEMORY, cpu_budget(request), 0 };
	cJSON *batch = cJSON_CreateArray();
	int status = DISPUTE_FAILED;

	*items = NULL;
	if (batch == NULL || !cJSON_AddItemReferenceToArray(batch, (cJSON *)request)) {
		dispute_error(_("out of memory"));
		goto out;
	}
	status = helper_batch("dispute-print", "paginate", batch, &limits, take_pages, lost,
	    items);
	if (status == DISPUTE_OK && *items == NULL) {
		dispute_error(_("dispute-print answered 0 of 1 items"));
		status = DISPUTE_FAILED;
	}
out:
	cJSON_Delete(batch);
	if (status != DISPUTE_OK) {
		cJSON_Delete(*items);
		*items = NULL;
	}
	return status;
}

int
book_print(const cJSON *request, int fd, const char *label)
{
	struct helper_call call;
	cJSON *root = cJSON_CreateObject(), *batch;
	char *text = NULL, why[HELPER_WHY_MAX];
	int status = DISPUTE_FAILED;

	if (root == NULL || cJSON_AddStringToObject(root, "command", "book") == NULL ||
	    (batch = cJSON_AddArrayToObject(root, "items")) == NULL ||
	    !cJSON_AddItemReferenceToArray(batch, (cJSON *)request) ||
	    (text = cJSON_PrintUnformatted(root)) == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	memset(&call, 0, sizeof call);
	call.name = "dispute-print";
	call.input = text;
	call.input_len = strlen(text);
	call.output_fd = fd;
	call.limits.memory_bytes = BOOK_MEMORY;
	call.limits.cpu_seconds = cpu_budget(request);
	status = helper_run(&call, why, sizeof why);
	if (status != DISPUTE_OK && why[0] != '\0')
		dispute_error(_("%s: no evidence book: %s"), label, why);
out:
	cJSON_free(text);
	cJSON_Delete(root);
	return status;
}
