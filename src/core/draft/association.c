/* Naming the consumer association a complaint is addressed to (see association.h). */
#include <stdlib.h>
#include <string.h>

#include "dispute/association.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

/* What Chinese calls the body, longest first so that 消费者协会 in a longer name is not
 * taken for the end of it. */
static const char *const suffixes[] = {
	"消费者权益保护委员会", "消费者协会", "消保委", "消协", NULL
};

/* Words that lead up to the name in a note of what the buyer did, never part of it. */
static const char *const leading[] = {
	"已向", "向", "到", "在", "通过", "致电", "经", "由", NULL
};

/* Characters that end the text before a name: ASCII punctuation and spaces, and the
 * full-width punctuation and brackets of Chinese text (each 3 bytes in UTF-8). */
static size_t
boundary_before(const char *text, size_t end)
{
	static const char *const marks[] = {
		"，", "。", "；", "：", "、", "（", "）", "“", "”", "《", "》", "！", "？", "　", NULL
	};
	size_t start = 0, i;

	for (i = 0; i < end; i++) {
		size_t k;

		if (strchr(" \t\n,.;:()\"'[]", text[i]) != NULL) {
			start = i + 1;
			continue;
		}
		for (k = 0; marks[k] != NULL; k++)
			if (i + strlen(marks[k]) <= end &&
			    strncmp(text + i, marks[k], strlen(marks[k])) == 0) {
				start = i + strlen(marks[k]);
				break;
			}
	}
	return start;
}

char *
association_in_text(const char *text)
{
	const char *found = NULL, *suffix = NULL;
	size_t start, end, i;
	char *name;

	for (i = 0; suffixes[i] != NULL && found == NULL; i++)
		if ((found = strstr(text, suffixes[i])) != NULL)
			suffix = suffixes[i];
	if (found == NULL)
		return NULL;
	end = (size_t)(found - text) + strlen(suffix);
	start = boundary_before(text, (size_t)(found - text));
	for (i = 0; leading[i] != NULL; i++)
		if (strncmp(text + start, leading[i], strlen(leading[i])) == 0) {
			start += strlen(leading[i]);
			break;
		}
	/* A bare "消协" or "消费者协会" names no particular body. */
	if (text + start == found)
		return NULL;
	name = strndup(text + start, end - start);
	if (name == NULL)
		dispute_error(_("out of memory"));
	return name;
}

char *
association_name(const struct dispute_case *c, int *derived)
{
	const char *recorded = case_get(c, "case.association");
	const cJSON *item;
	char *name;

	*derived = 0;
	if (recorded != NULL) {
		name = strdup(recorded);
		if (name == NULL)
			dispute_error(_("out of memory"));
		return name;
	}
	cJSON_ArrayForEach(item, case_timeline(c)) {
		const char *channel = cJSON_GetStringValue(cJSON_GetObjectItem(item, "channel"));
		const char *fields[] = { "text", "ref" };

		if (channel == NULL || strcmp(channel, "consumer-association") != 0)
			continue;
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
			const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(item, fields[i]));

			if (text != NULL && (name = association_in_text(text)) != NULL) {
				*derived = 1;
				return name;
			}
		}
	}
	return NULL;
}
