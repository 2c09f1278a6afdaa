/* The capture checklist (checklist.h), from rules/capture-checklist.json. */
#include <stdlib.h>
#include <string.h>

#include "dispute/checklist.h"
#include "dispute/datadir.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/report.h"

#define CHECKLIST_FILE "rules/capture-checklist.json"
#define CHECKLIST_SCHEMA "dispute-checklist/1"

static int
has_any_kind(const struct dispute_case *c, const cJSON *kinds)
{
	const cJSON *item, *kind;

	cJSON_ArrayForEach(item, case_evidence(c))
		cJSON_ArrayForEach(kind, kinds)
			if (cJSON_IsString(kind) && strcmp(kind->valuestring, cJSON_GetStringValue(
			    cJSON_GetObjectItemCaseSensitive(item, "kind"))) == 0)
				return 1;
	return 0;
}

/* Copies the string member NAME of FROM to TO, or null when it is not a string. */
static void
copy_string(cJSON *to, const cJSON *from, const char *name)
{
	const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(from, name));

	if (value != NULL)
		cJSON_AddStringToObject(to, name, value);
	else
		cJSON_AddNullToObject(to, name);
}

int
checklist_build(const struct dispute_case *c, cJSON **out)
{
	char *path = datadir_find(CHECKLIST_FILE);
	const char *platform = case_get(c, "case.platform"), *schema;
	cJSON *table = NULL, *list = NULL, *items;
	const cJSON *item, *facts, *window;
	int status = DISPUTE_FAILED;

	*out = NULL;
	if (path == NULL) {
		dispute_error(_("%s: not found in the data folder"), CHECKLIST_FILE);
		return DISPUTE_FAILED;
	}
	if (json_read_file(path, 1024 * 1024, &table) != DISPUTE_OK)
		goto out;
	schema = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(table, "schema"));
	if (schema == NULL || strcmp(schema, CHECKLIST_SCHEMA) != 0 ||
	    !cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(table, "items"))) {
		dispute_error(_("%s: not a capture checklist (\"schema\" must be \"%s\", with "
		    "\"items\")"), path, CHECKLIST_SCHEMA);
		goto out;
	}
	list = cJSON_CreateObject();
	items = cJSON_AddArrayToObject(list, "items");
	if (list == NULL || items == NULL)
		goto oom;
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(table, "items")) {
		cJSON *entry = cJSON_CreateObject();

		if (entry == NULL || !cJSON_AddItemToArray(items, entry))
			goto oom;
		copy_string(entry, item, "id");
		copy_string(entry, item, "zh");
		copy_string(entry, item, "en");
		copy_string(entry, item, "command");
		cJSON_AddBoolToObject(entry, "done",
		    has_any_kind(c, cJSON_GetObjectItemCaseSensitive(item, "kinds")));
	}
	/* Where this platform shows the licence, and its escalation window only when a
	 * source confirmed it. */
	facts = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(table,
	    "platforms"), platform != NULL ? platform : "other");
	if (platform != NULL)
		cJSON_AddStringToObject(list, "platform", platform);
	else
		cJSON_AddNullToObject(list, "platform");
	copy_string(list, facts, "licence_zh");
	copy_string(list, facts, "licence_en");
	copy_string(list, facts, "source");
	window = cJSON_GetObjectItemCaseSensitive(facts, "escalation_window");
	if (cJSON_IsNumber(window))
		cJSON_AddNumberToObject(list, "escalation_window_days", window->valuedouble);
	else
		cJSON_AddNullToObject(list, "escalation_window_days");
	copy_string(list, table, "lookup_zh");
	copy_string(list, table, "lookup_en");
	copy_string(list, table, "lookup_source");
	*out = list;
	list = NULL;
	status = DISPUTE_OK;
	goto out;
oom:
	dispute_error(_("out of memory"));
out:
	cJSON_Delete(list);
	cJSON_Delete(table);
	free(path);
	return status;
}
