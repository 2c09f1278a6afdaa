/* Batches for helper programs (helper_batch in helper.h): the replies are cut out of
 * the helper's output as it streams, and a helper that dies on one item is started
 * again on the items after it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "helper.h"

/* A reply's header is a short JSON line; its payload a picture or a page. */
#define HEADER_MAX (64 * 1024)
#define PAYLOAD_MAX ((size_t)512 * 1024 * 1024)

struct batch {
	const char *name;
	size_t first;            /* index in the whole batch of the request's item 0 */
	size_t count;            /* items in the request */
	size_t answered;         /* replies taken, in order */
	char header[HEADER_MAX];
	size_t header_len;
	cJSON *reply;            /* the parsed header while its payload comes */
	char *payload;
	size_t payload_len, payload_got;
	helper_reply_fn on_reply;
	void *ctx;
};

static int
deliver(struct batch *b)
{
	int status = b->on_reply(b->first + b->answered, b->reply, b->payload, b->payload_len,
	    b->ctx);

	b->answered++;
	cJSON_Delete(b->reply);
	free(b->payload);
	b->reply = NULL;
	b->payload = NULL;
	b->payload_len = b->payload_got = 0;
	return status;
}

/* The header line just read: it must answer the next item, in order. */
static int
take_header(struct batch *b)
{
	const cJSON *item, *payload;

	b->header[b->header_len] = '\0';
	b->header_len = 0;
	b->reply = cJSON_Parse(b->header);
	item = cJSON_GetObjectItemCaseSensitive(b->reply, "item");
	payload = cJSON_GetObjectItemCaseSensitive(b->reply, "payload");
	if (!cJSON_IsNumber(item) || item->valuedouble != (double)b->answered ||
	    b->answered >= b->count || (payload != NULL && (!cJSON_IsNumber(payload) ||
	    payload->valuedouble < 0 || payload->valuedouble > (double)PAYLOAD_MAX))) {
		dispute_error(_("%s: an answer out of order or malformed"), b->name);
		return DISPUTE_FAILED;
	}
	b->payload_len = payload != NULL ? (size_t)payload->valuedouble : 0;
	if (b->payload_len == 0)
		return deliver(b);
	b->payload = malloc(b->payload_len);
	if (b->payload == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static int
take_output(const char *data, size_t len, void *ctx)
{
	struct batch *b = ctx;

	while (len > 0) {
		if (b->payload != NULL) {
			size_t n = b->payload_len - b->payload_got;

			n = n < len ? n : len;
			memcpy(b->payload + b->payload_got, data, n);
			b->payload_got += n;
			data += n;
			len -= n;
			if (b->payload_got == b->payload_len && deliver(b) != DISPUTE_OK)
				return DISPUTE_FAILED;
			continue;
		}
		if (*data == '\n') {
			data++;
			len--;
			if (take_header(b) != DISPUTE_OK)
				return DISPUTE_FAILED;
			continue;
		}
		if (b->header_len + 1 >= HEADER_MAX) {
			dispute_error(_("%s: an answer out of order or malformed"), b->name);
			return DISPUTE_FAILED;
		}
		b->header[b->header_len++] = *data++;
		len--;
	}
	return DISPUTE_OK;
}

/* The request for the items from FIRST on. */
static char *
request(const char *command, const cJSON *items, size_t first)
{
	cJSON *root = cJSON_CreateObject(), *list;
	const cJSON *item;
	char *text = NULL;
	size_t i = 0;

	if (root == NULL || cJSON_AddStringToObject(root, "command", command) == NULL ||
	    (list = cJSON_AddArrayToObject(root, "items")) == NULL)
		goto out;
	cJSON_ArrayForEach(item, items)
		if (i++ >= first && !cJSON_AddItemReferenceToArray(list, (cJSON *)item))
			goto out;
	text = cJSON_PrintUnformatted(root);
out:
	cJSON_Delete(root);
	if (text == NULL)
		dispute_error(_("out of memory"));
	return text;
}

int
helper_batch(const char *name, const char *command, const cJSON *items,
    const struct helper_limits *limits, helper_reply_fn on_reply, helper_lost_fn on_lost,
    void *ctx)
{
	size_t total = (size_t)cJSON_GetArraySize(items), first = 0;
	struct helper_call call;
	struct batch *b = calloc(1, sizeof *b);
	char why[HELPER_WHY_MAX], *text = NULL;
	int status = DISPUTE_FAILED, run;

	if (b == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	b->name = name;
	b->on_reply = on_reply;
	b->ctx = ctx;
	while (first < total) {
		memset(&call, 0, sizeof call);
		text = request(command, items, first);
		if (text == NULL)
			goto out;
		b->first = first;
		b->count = total - first;
		b->answered = 0;
		call.name = name;
		call.input = text;
		call.input_len = strlen(text);
		call.output_fd = -1;
		call.on_output = take_output;
		call.ctx = b;
		call.limits = *limits;
		call.limits.cpu_seconds = limits->cpu_seconds * (unsigned)b->count;
		run = helper_run(&call, why, sizeof why);
		free(text);
		text = NULL;
		cJSON_Delete(b->reply);
		free(b->payload);
		b->reply = NULL;
		b->payload = NULL;
		b->header_len = b->payload_got = 0;
		if (run != DISPUTE_OK && why[0] == '\0')
			goto out;
		if (run == DISPUTE_OK && b->answered < b->count) {
			dispute_error(_("%s answered %zu of %zu items"), name, b->answered, b->count);
			goto out;
		}
		first += b->answered;
		if (run != DISPUTE_OK) {
			/* The item it was working on when it died. */
			if (on_lost(first, why, ctx) != DISPUTE_OK)
				goto out;
			first++;
		}
	}
	status = DISPUTE_OK;
out:
	free(text);
	free(b);
	return status;
}

int
helper_batch_made(const char *name, const char *command, size_t count,
    helper_item_fn make_item, const struct helper_limits *limits, helper_reply_fn on_reply,
    helper_lost_fn on_lost, void *ctx)
{
	cJSON *items;
	size_t i;
	int status;

	if (count == 0)
		return DISPUTE_OK;
	items = cJSON_CreateArray();
	for (i = 0; items != NULL && i < count; i++) {
		cJSON *item = make_item(i, ctx);

		if (item == NULL || !cJSON_AddItemToArray(items, item)) {
			cJSON_Delete(item);
			cJSON_Delete(items);
			items = NULL;
		}
	}
	if (items == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	status = helper_batch(name, command, items, limits, on_reply, on_lost, ctx);
	cJSON_Delete(items);
	return status;
}
