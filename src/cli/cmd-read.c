/* Reads the text of order, chat, licence and logistics screenshots offline, and turns
 * exported chat logs in GB18030 into UTF-8: derived files beside the evidence, the
 * originals untouched. */
#include <stdio.h>

#include "cmd.h"
#include "dispute/i18n.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "json-output.h"

static const struct cmd_option read_options[] = {
	{ "json", OPT_JSON, 0, NULL, N_("print what was read as JSON") },
	{ NULL, 0, 0, NULL, NULL }
};

/* One line per item read: its ID, its derived file and how it was made. */
static void
print_readings(const cJSON *readings)
{
	const cJSON *r;

	cJSON_ArrayForEach(r, readings) {
		const cJSON *reading = cJSON_GetObjectItemCaseSensitive(r, "reading");
		const cJSON *conf = cJSON_GetObjectItemCaseSensitive(reading, "confidence");

		printf("%s\t%s/%s\t", cJSON_GetObjectItemCaseSensitive(r, "id")->valuestring,
		    READING_DIR, cJSON_GetObjectItemCaseSensitive(reading, "file")->valuestring);
		if (cJSON_IsNumber(conf))
			printf(_("%d lines, confidence %.0f\n"),
			    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "lines")),
			    conf->valuedouble);
		else
			printf(_("converted from %s\n"), cJSON_GetObjectItemCaseSensitive(reading,
			    "encoding")->valuestring);
	}
}

static int
cmd_read_exec(struct cmd_ctx *ctx)
{
	cJSON *readings = NULL;
	int status = DISPUTE_FAILED;

	if (reading_read(ctx->c, ctx->args.list, ctx->args.count, &readings) != DISPUTE_OK)
		goto out;
	if (args_has(ctx, OPT_JSON))
		status = json_print(readings);
	else {
		print_readings(readings);
		status = DISPUTE_OK;
	}
out:
	cJSON_Delete(readings);
	return status;
}

const struct cmd_entry cmd_read_entry = {
	.name = "read",
	.usage = "[--json] [ID...]",
	.summary = N_("read the text of screenshots offline, and chat logs exported in GB18030"),
	.details = N_("Reads the order, chat, licence and logistics evidence (all of it, or the\n"
	    "items named) on this computer: nothing is uploaded. The text of a picture is kept\n"
	    "in derived/ID-KIND.ocr.json, an exported chat log in GB18030 or GBK is copied into\n"
	    "UTF-8 as derived/ID-KIND.utf8.txt; each is bound to its original's SHA-256, which\n"
	    "stays as it was.\n"),
	.options = read_options,
	.min_args = 0,
	.max_args = -1,
	.needs = CMD_TODAY | CMD_CASE_WRITE,
	.exec = cmd_read_exec,
};
