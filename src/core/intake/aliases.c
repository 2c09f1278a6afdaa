/* Loading the table of Chinese input aliases for choice values and looking values up in
 * it. The table is data (rules/input-aliases.json), so that a missing alias is added
 * without touching the code. */
#include <stdlib.h>
#include <string.h>

#include "dispute/aliases.h"
#include "dispute/datadir.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/report.h"

#define ALIASES_SCHEMA "dispute-input-aliases/1"
#define ALIASES_FILE_MAX (1024 * 1024)

/* The first alias in LIST that reads TEXT, and in *VALUE the value it belongs to. */
static const cJSON *
first_alias(const cJSON *list, const char *text, const cJSON **value)
{
	const cJSON *holder, *alias;

	cJSON_ArrayForEach(holder, list)
		cJSON_ArrayForEach(alias, holder)
			if (cJSON_IsString(alias) && strcmp(alias->valuestring, text) == 0) {
				*value = holder;
				return alias;
			}
	return NULL;
}

/* Every value's aliases are strings, and within LIST no alias is used twice. */
static int
check_list(const char *path, const cJSON *list)
{
	const cJSON *value, *alias, *holder = NULL;

	if (!cJSON_IsObject(list)) {
		dispute_error(_("%s: choices \"%s\" must be an object"), path, list->string);
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(value, list) {
		if (!cJSON_IsArray(value) || cJSON_GetArraySize(value) == 0) {
			dispute_error(_("%s: %s \"%s\" needs a non-empty array of aliases"), path,
			    list->string, value->string);
			return DISPUTE_FAILED;
		}
		cJSON_ArrayForEach(alias, value) {
			if (!cJSON_IsString(alias) || alias->valuestring[0] == '\0') {
				dispute_error(_("%s: %s \"%s\": every alias must be a non-empty "
				    "string"), path, list->string, value->string);
				return DISPUTE_FAILED;
			}
			if (first_alias(list, alias->valuestring, &holder) != alias) {
				dispute_error(_("%s: %s: the alias \"%s\" names both \"%s\" and "
				    "\"%s\""), path, list->string, alias->valuestring, holder->string,
				    value->string);
				return DISPUTE_FAILED;
			}
		}
	}
	return DISPUTE_OK;
}

int
aliases_load(const char *path, struct input_aliases *out)
{
	cJSON *root = NULL, *item;
	const cJSON *choices, *list;
	const char *schema;

	out->root = NULL;
	if (json_read_file(path, ALIASES_FILE_MAX, &root) != DISPUTE_OK)
		return DISPUTE_FAILED;
	schema = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "schema"));
	if (schema == NULL || strcmp(schema, ALIASES_SCHEMA) != 0) {
		dispute_error(_("%s: not a table of input aliases (\"schema\" must be \"%s\")"),
		    path, ALIASES_SCHEMA);
		goto fail;
	}
	cJSON_ArrayForEach(item, root)
		if (strcmp(item->string, "schema") != 0 && strcmp(item->string, "note") != 0 &&
		    strcmp(item->string, "choices") != 0) {
			dispute_error(_("%s: unknown member \"%s\""), path, item->string);
			goto fail;
		}
	choices = cJSON_GetObjectItemCaseSensitive(root, "choices");
	if (!cJSON_IsObject(choices)) {
		dispute_error(_("%s: \"choices\" must be an object"), path);
		goto fail;
	}
	cJSON_ArrayForEach(list, choices)
		if (check_list(path, list) != DISPUTE_OK)
			goto fail;
	out->root = root;
	return DISPUTE_OK;
fail:
	cJSON_Delete(root);
	return DISPUTE_FAILED;
}

void
aliases_free(struct input_aliases *a)
{
	if (a == NULL)
		return;
	cJSON_Delete(a->root);
	a->root = NULL;
}

static const cJSON *
list_of(const struct input_aliases *a, const char *list)
{
	if (a == NULL || a->root == NULL)
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(a->root,
	    "choices"), list);
}

const char *
aliases_canonical(const struct input_aliases *a, const char *list, const char *typed)
{
	const cJSON *value;

	return first_alias(list_of(a, list), typed, &value) != NULL ? value->string : NULL;
}

const char *
aliases_name_zh(const struct input_aliases *a, const char *list, const char *value)
{
	const cJSON *aliases = cJSON_GetObjectItemCaseSensitive(list_of(a, list), value);

	return cJSON_GetStringValue(cJSON_GetArrayItem(aliases, 0));
}

/* Loaded once per process and kept until it ends: the commands that use it run once. */
const struct input_aliases *
aliases_default(void)
{
	static struct input_aliases table;
	static int tried;
	char *path;

	if (!tried) {
		tried = 1;
		path = datadir_find("rules/input-aliases.json");
		if (path != NULL && aliases_load(path, &table) != DISPUTE_OK)
			table.root = NULL;
		free(path);
	}
	return table.root != NULL ? &table : NULL;
}
