/* The words and texts of the case in the language of the interface (see language.h). */
#include <stddef.h>

#include "dispute/aliases.h"
#include "dispute/evidence.h"
#include "dispute/fields.h"
#include "dispute/i18n.h"
#include "language.h"

/* The Chinese name of VALUE in LIST, or VALUE when the table has none. */
static const char *
name_zh(const char *list, const char *value)
{
	const char *name = aliases_name_zh(aliases_default(), list, value);

	return name != NULL ? name : value;
}

const char *
shown_value(const char *field, const char *value)
{
	const struct field *f = field_find(field);

	if (f == NULL || f->type != FIELD_CHOICE || !i18n_chinese())
		return value;
	return name_zh(field_alias_list(f), value);
}

const char *
shown_word(const char *list, const char *word)
{
	return i18n_chinese() ? name_zh(list, word) : word;
}

const char *
shown_kind(const char *kind)
{
	const struct evidence_kind *k = evidence_kind_find(kind);

	return k == NULL ? kind : i18n_pick(k->label_zh, kind);
}

const char *
shown_member(const cJSON *item, const char *zh_name, const char *en_name)
{
	const char *zh = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, zh_name));
	const char *en = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, en_name));
	const char *chosen = i18n_pick(zh, en);

	if (chosen == NULL)
		chosen = zh != NULL ? zh : en;
	return chosen != NULL ? chosen : "";
}
