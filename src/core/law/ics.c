/* The deadlines as iCalendar (ics.h), through the calendar helper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "dispute/i18n.h"
#include "dispute/ics.h"
#include "dispute/report.h"
#include "helper.h"

/* The calendar is small; libical needs little. */
#define ICS_MEMORY ((uint64_t)256 * 1024 * 1024)
#define ICS_CPU 20

struct reply {
	char *text;
	size_t len;
};

static int
take_reply(size_t item, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	struct reply *r = ctx;

	(void)item;
	(void)header;
	free(r->text);
	r->text = malloc(len + 1);
	if (r->text == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	memcpy(r->text, payload, len);
	r->text[len] = '\0';
	r->len = len;
	return DISPUTE_OK;
}

static int
lost(size_t item, const char *why, void *ctx)
{
	(void)item;
	(void)ctx;
	dispute_error(_("dispute-calendar: %s"), why);
	return DISPUTE_FAILED;
}

static const char *
member(const cJSON *item, const char *name)
{
	const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));

	return value != NULL ? value : "";
}

/* The case's part of every UID: a digest of its order number, so that a calendar
 * synced to a provider does not carry the number itself, and two cases never share
 * events. */
static int
case_key(const struct dispute_case *c, char key[17])
{
	const char *order = case_get(c, "order.id");
	char hex[DIGEST_HEX_MAX];
	struct digest d;

	if (digest_init(&d, "sha256") != DISPUTE_OK)
		return DISPUTE_FAILED;
	digest_update(&d, "dispute-case:", 13);
	digest_update(&d, order != NULL ? order : case_dir(c), strlen(order != NULL ? order :
	    case_dir(c)));
	if (digest_final_hex(&d, hex) != DISPUTE_OK) {
		digest_free(&d);
		return DISPUTE_FAILED;
	}
	digest_free(&d);
	memcpy(key, hex, 16);
	key[16] = '\0';
	return DISPUTE_OK;
}

/* One event: the deadline's own words, and in the description its rule, article,
 * starting day, note and whether it was confirmed. */
static cJSON *
event_of(const cJSON *d, const char *key, int index)
{
	cJSON *e = cJSON_CreateObject();
	int passed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "passed"));
	char *summary = NULL, *description = NULL, uid[128];

	snprintf(uid, sizeof uid, "%s-%d.%s@dispute", member(d, "rule"), index, key);
	if (e == NULL || asprintf(&summary, "%s%s / %s", passed ? "[已过期 passed] " : "",
	    member(d, "zh"), member(d, "en")) < 0 ||
	    asprintf(&description, "%s%s (rule %s), counted from %s.%s%s%s%s", member(d, "law"),
	    member(d, "article"), member(d, "rule"), member(d, "counted_from"),
	    member(d, "note")[0] != '\0' ? " " : "", member(d, "note"),
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "confirmed")) ? "" :
	    " [check the current official text]", passed ? " This date has passed." : "") < 0) {
		free(summary);
		cJSON_Delete(e);
		return NULL;
	}
	cJSON_AddStringToObject(e, "uid", uid);
	cJSON_AddStringToObject(e, "date", member(d, "date"));
	cJSON_AddStringToObject(e, "summary", summary);
	cJSON_AddStringToObject(e, "description", description);
	cJSON_AddStringToObject(e, "rule", member(d, "rule"));
	cJSON_AddBoolToObject(e, "passed", passed);
	free(summary);
	free(description);
	return e;
}

int
ics_build(const struct dispute_case *c, const cJSON *ladder, const char *today, char **text,
    size_t *len)
{
	struct helper_limits limits = { ICS_MEMORY, ICS_CPU, 0 };
	struct reply reply = { NULL, 0 };
	cJSON *items = cJSON_CreateArray(), *item = cJSON_CreateObject(), *events;
	const cJSON *d, *other;
	char key[17];
	int status = DISPUTE_FAILED;

	*text = NULL;
	*len = 0;
	if (items == NULL || item == NULL || !cJSON_AddItemToArray(items, item)) {
		cJSON_Delete(item);
		goto oom;
	}
	if (case_key(c, key) != DISPUTE_OK)
		goto out;
	cJSON_AddStringToObject(item, "prodid", "-//dispute//deadlines//ZH");
	cJSON_AddStringToObject(item, "stamp", today);
	events = cJSON_AddArrayToObject(item, "events");
	if (events == NULL)
		goto oom;
	cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(ladder, "deadlines")) {
		int index = 0;
		cJSON *e;

		/* The Nth deadline of the same rule keeps its number from export to export. */
		cJSON_ArrayForEach(other, cJSON_GetObjectItemCaseSensitive(ladder, "deadlines")) {
			if (other == d)
				break;
			index += strcmp(member(other, "rule"), member(d, "rule")) == 0;
		}
		e = event_of(d, key, index);
		if (e == NULL || !cJSON_AddItemToArray(events, e)) {
			cJSON_Delete(e);
			goto oom;
		}
	}
	if (helper_batch("dispute-calendar", "ics", items, &limits, take_reply, lost, &reply) !=
	    DISPUTE_OK)
		goto out;
	if (reply.text == NULL) {
		dispute_error(_("dispute-calendar: no calendar came back"));
		goto out;
	}
	*text = reply.text;
	*len = reply.len;
	reply.text = NULL;
	status = DISPUTE_OK;
	goto out;
oom:
	dispute_error(_("out of memory"));
out:
	free(reply.text);
	cJSON_Delete(items);
	return status;
}
