/* The words and texts of the case in the language of the interface (see language.h). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

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

/* The columns TEXT takes on a terminal: two for a wide (CJK) character; a byte that is
 * no character of the locale counts as one. */
static int
columns_of(const char *text)
{
	mbstate_t state;
	size_t left = strlen(text);
	int columns = 0;

	memset(&state, 0, sizeof state);
	while (left > 0) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, text, left, &state);
		int w;

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&state, 0, sizeof state);
			n = 1;
			w = 1;
		} else
			w = wcwidth(wc) < 0 ? 1 : wcwidth(wc);
		columns += w;
		text += n;
		left -= n;
	}
	return columns;
}

const char *
shown_padded(const char *text, int columns, char *buf, size_t len)
{
	int pad = columns - columns_of(text);

	snprintf(buf, len, "%s%*s", text, pad > 0 ? pad : 0, "");
	return buf;
}
