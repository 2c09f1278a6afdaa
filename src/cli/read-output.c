/* What `dispute read` and `add-evidence --read` print (read-output.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "dispute/terminal.h"
#include "print-line.h"
#include "read-output.h"

static const char *
string(const cJSON *object, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));
}

/* VALUE as one shell word: in single quotes unless it is plain. */
static void
print_shell_word(const char *value)
{
	const char *p;

	if (value[0] != '\0' && strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._:-") == strlen(value)) {
		fputs(value, stdout);
		return;
	}
	putchar('\'');
	for (p = value; *p != '\0'; p++)
		if (*p == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*p);
	putchar('\'');
}

/* Whether VALUE shows on a terminal as it is (text_for_terminal() leaves it alone), or
 * is 0 when out of memory: a newline in a quoted word would end the comment that a
 * refused suggestion is printed in, and a direction mark would reorder the line. */
static int
shows_as_is(const char *value, int *plain)
{
	char *shown = text_for_terminal(value, 0);

	if (shown == NULL) {
		dispute_error(_("out of memory"));
		return 0;
	}
	*plain = strcmp(shown, value) == 0;
	free(shown);
	return 1;
}

/* What each item gave: its derived file, on stderr. */
void
read_tell(const cJSON *readings)
{
	const cJSON *r;

	cJSON_ArrayForEach(r, readings) {
		const cJSON *reading = cJSON_GetObjectItemCaseSensitive(r, "reading");
		const cJSON *conf = cJSON_GetObjectItemCaseSensitive(reading, "confidence");
		const cJSON *unclear = cJSON_GetObjectItemCaseSensitive(r, "unclear");

		if (cJSON_IsNumber(conf))
			dispute_notice(_("%s: %s/%s, %d lines read, confidence %.0f"), string(r, "id"),
			    READING_DIR, string(reading, "file"),
			    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "lines")),
			    conf->valuedouble);
		else
			dispute_notice(_("%s: %s/%s, converted from %s"), string(r, "id"), READING_DIR,
			    string(reading, "file"), string(reading, "encoding"));
		if (cJSON_IsNumber(unclear) && unclear->valueint > 0)
			dispute_warning(_("%s: values read too unclearly to be suggested: %d; "
			    "check the picture"), string(r, "id"), unclear->valueint);
	}
}

/* Whether a suggestion before S in READINGS says the same. */
static int
said_before(const cJSON *readings, const cJSON *s)
{
	const cJSON *r2, *s2;

	cJSON_ArrayForEach(r2, readings)
		cJSON_ArrayForEach(s2, cJSON_GetObjectItemCaseSensitive(r2, "suggestions")) {
			if (s2 == s)
				return 0;
			if (strcmp(string(s2, "field"), string(s, "field")) == 0 &&
			    strcmp(string(s2, "value"), string(s, "value")) == 0)
				return 1;
		}
	return 0;
}

/* The suggestions as `dispute set` lines, each once; those that may not be recorded as
 * comments, with the reason. The comment quotes a line read off a screenshot, escaped:
 * a newline in it would start a command of its own in `dispute read > facts.sh`. */
int
read_print_suggestions(const cJSON *readings)
{
	const cJSON *r, *s;

	cJSON_ArrayForEach(r, readings)
		cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(r, "suggestions")) {
			int valid = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "valid"));
			int conflict = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "conflict"));
			const char *why = !valid ? string(s, "reason") :
			    conflict ? _("other evidence reads another value") : NULL;
			int plain;

			if (said_before(readings, s))
				continue;
			if (!shows_as_is(string(s, "value"), &plain))
				return DISPUTE_FAILED;
			/* Read text holds no control or direction characters; a value that does
			 * is not given to the shell at all, only shown, escaped, in the comment. */
			if (!plain)
				why = _("the value holds control or direction characters");
			else {
				printf("%sdispute set %s ", why == NULL ? "" : "# ", string(s, "field"));
				print_shell_word(string(s, "value"));
				putchar('\t');
			}
			if (print_line("# %s %.0f: %s%s%s%s", string(r, "id"),
			    cJSON_GetObjectItemCaseSensitive(s, "confidence")->valuedouble,
			    string(s, "text"), why != NULL ? " (" : "", why != NULL ? why : "",
			    why != NULL ? ")" : "") != DISPUTE_OK)
				return DISPUTE_FAILED;
		}
	return DISPUTE_OK;
}
