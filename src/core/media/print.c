/* Documents as PDF through the helper program dispute-print (print.h): the request is
 * made here, the pages are laid out and drawn there. */
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/print.h"
#include "dispute/report.h"
#include "helper.h"

/* Pango and fontconfig open a CJK font collection of some 20 MB, and a long complaint
 * takes well under a second: a generous memory limit, a few seconds a document. */
#define PRINT_MEMORY ((uint64_t)768 * 1024 * 1024)
#define PRINT_CPU_PER_ITEM 20

struct run {
	const struct print_doc *docs;
	print_fn on_pdf;
	void *ctx;
};

static int
take_reply(size_t index, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	const struct run *run = ctx;

	(void)header;
	if (len == 0) {
		dispute_error(_("%s: dispute-print returned no PDF"), run->docs[index].label);
		return DISPUTE_FAILED;
	}
	return run->on_pdf(index, payload, len, run->ctx);
}

static int
lost(size_t index, const char *why, void *ctx)
{
	const struct run *run = ctx;

	dispute_error(_("%s: no PDF: dispute-print %s"), run->docs[index].label, why);
	return DISPUTE_FAILED;
}

/* Document INDEX as the helper's item: the first line is the title, the rest the body. */
static cJSON *
item_of(size_t index, void *ctx)
{
	const struct print_doc *doc = &((const struct run *)ctx)->docs[index];
	const char *end = strchr(doc->text, '\n');
	size_t title_len = end != NULL ? (size_t)(end - doc->text) : strlen(doc->text);
	const char *body = end != NULL ? end + 1 : "";
	cJSON *item = cJSON_CreateObject();
	char *title = strndup(doc->text, title_len);

	/* The helper leaves a line after the title: the draft's own blank lines go. */
	while (*body == '\n')
		body++;
	/* The body is pointed to, not copied: the documents outlive the helper's run. */
	if (item == NULL || title == NULL ||
	    cJSON_AddStringToObject(item, "title", title) == NULL ||
	    !cJSON_AddItemToObject(item, "body", cJSON_CreateStringReference(body)) ||
	    cJSON_AddStringToObject(item, "date", doc->date) == NULL ||
	    cJSON_AddStringToObject(item, "footer", strcmp(doc->lang, "en") == 0 ?
	    "Page {page} of {pages}" : "第 {page} 页 共 {pages} 页") == NULL) {
		cJSON_Delete(item);
		item = NULL;
	}
	free(title);
	return item;
}

int
print_pdfs(const struct print_doc *docs, size_t count, print_fn on_pdf, void *ctx)
{
	struct helper_limits limits = { PRINT_MEMORY, PRINT_CPU_PER_ITEM, 0 };
	struct run run = { docs, on_pdf, ctx };

	return helper_batch_made("dispute-print", "pdf", count, item_of, &limits, take_reply,
	    lost, &run);
}

struct one {
	char *pdf;
	size_t len;
};

static int
keep(size_t index, const char *pdf, size_t len, void *ctx)
{
	struct one *one = ctx;

	(void)index;
	if ((one->pdf = malloc(len)) == NULL)
		return dispute_oom();
	memcpy(one->pdf, pdf, len);
	one->len = len;
	return DISPUTE_OK;
}

int
print_pdf(const struct print_doc *doc, char **pdf, size_t *len)
{
	struct one one = { NULL, 0 };
	int status = print_pdfs(doc, 1, keep, &one);

	*pdf = one.pdf;
	*len = one.len;
	return status;
}
