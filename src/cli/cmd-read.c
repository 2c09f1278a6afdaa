/* Reads the text of order, chat, licence and logistics screenshots offline, and turns
 * exported chat logs in GB18030 into UTF-8: derived files beside the evidence, the
 * originals untouched. From what it read it suggests facts as the `dispute set` lines
 * that would record them, on stdout, so that `dispute read > facts.sh` is a script to
 * check and run; --apply records the valid ones itself. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "dispute/i18n.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "dispute/suggest.h"
#include "json-output.h"

static const struct cmd_option read_options[] = {
	{ "apply", OPT_APPLY, 0, NULL,
	  N_("record the valid suggestions for facts not yet set, and name the others") },
	{ "json", OPT_JSON, 0, NULL, N_("print what was read and suggested as JSON") },
	{ NULL, 0, 0, NULL, NULL }
};

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

/* What each item gave: its derived file, on stderr. */
static void
tell_readings(const cJSON *readings)
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
 * comments, with the reason. */
static void
print_suggestions(const cJSON *readings)
{
	const cJSON *r, *s;

	cJSON_ArrayForEach(r, readings)
		cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(r, "suggestions")) {
			int valid = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "valid"));
			int conflict = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "conflict"));

			if (said_before(readings, s))
				continue;

			printf("%sdispute set %s ", valid && !conflict ? "" : "# ", string(s, "field"));
			print_shell_word(string(s, "value"));
			printf("\t# %s %.0f: %s", string(r, "id"),
			    cJSON_GetObjectItemCaseSensitive(s, "confidence")->valuedouble,
			    string(s, "text"));
			if (!valid)
				printf(" (%s)", string(s, "reason"));
			else if (conflict)
				printf(" (%s)", _("other evidence reads another value"));
			putchar('\n');
		}
}

static int
cmd_read_exec(struct cmd_ctx *ctx)
{
	cJSON *readings = NULL;
	int status = DISPUTE_FAILED, applied;

	if (reading_read(ctx->c, ctx->args.list, ctx->args.count, &readings) != DISPUTE_OK ||
	    suggest_facts(readings, ctx->today) != DISPUTE_OK)
		goto out;
	tell_readings(readings);
	if (args_has(ctx, OPT_APPLY)) {
		if (suggest_apply(ctx->c, readings, &applied) != DISPUTE_OK ||
		    (applied > 0 && case_save(ctx->c) != DISPUTE_OK))
			goto out;
		if (applied == 0)
			dispute_notice(_("no fact recorded"));
	}
	if (args_has(ctx, OPT_JSON))
		status = json_print(readings);
	else {
		if (!args_has(ctx, OPT_APPLY))
			print_suggestions(readings);
		status = DISPUTE_OK;
	}
out:
	cJSON_Delete(readings);
	return status;
}

const struct cmd_entry cmd_read_entry = {
	.name = "read",
	.usage = "[--apply] [--json] [ID...]",
	.summary = N_("read the text of screenshots offline, and chat logs exported in GB18030"),
	.details = N_("Reads the order, chat, licence and logistics evidence (all of it, or the\n"
	    "items named) on this computer: nothing is uploaded. The text of a picture is kept\n"
	    "in derived/ID-KIND.ocr.json, an exported chat log in GB18030 or GBK is copied into\n"
	    "UTF-8 as derived/ID-KIND.utf8.txt; each is bound to its original's SHA-256, which\n"
	    "stays as it was. The facts read (order number, amount, date, shop; the licence's\n"
	    "company, credit code, address and legal representative) are printed as the\n"
	    "`dispute set` lines that would record them, each with the text it came from and\n"
	    "its confidence; a value that fails its check is printed as a comment, and none is\n"
	    "taken from text read with low confidence.\n"),
	.options = read_options,
	.min_args = 0,
	.max_args = -1,
	.needs = CMD_TODAY | CMD_CASE_WRITE,
	.exec = cmd_read_exec,
};
