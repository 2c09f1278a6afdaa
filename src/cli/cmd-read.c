/* Reads the text of order, chat, licence and logistics screenshots offline, and turns
 * exported chat logs in GB18030 into UTF-8: derived files beside the evidence, the
 * originals untouched. From what it read it suggests facts as the `dispute set` lines
 * that would record them, on stdout, so that `dispute read > facts.sh` is a script to
 * check and run; --apply records the valid ones itself. */
#include "cmd.h"
#include "dispute/i18n.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "dispute/suggest.h"
#include "json-output.h"
#include "read-output.h"

static const struct cmd_option read_options[] = {
	{ "apply", OPT_APPLY, 0, NULL,
	  N_("record the valid suggestions for facts not yet set, and name the others") },
	{ "json", OPT_JSON, 0, NULL, N_("print what was read and suggested as JSON") },
	{ NULL, 0, 0, NULL, NULL }
};

/* {"schema": "dispute-read/1", "items": READINGS}, as every --json output names its
 * schema first. */
static int
print_json(cJSON *readings)
{
	cJSON *out = cJSON_CreateObject();
	int status = DISPUTE_FAILED;

	if (out == NULL || cJSON_AddStringToObject(out, "schema", "dispute-read/1") == NULL ||
	    !cJSON_AddItemReferenceToObject(out, "items", readings))
		dispute_error(_("out of memory"));
	else
		status = json_print(out);
	cJSON_Delete(out);
	return status;
}

static int
cmd_read_exec(struct cmd_ctx *ctx)
{
	cJSON *readings = NULL;
	int status = DISPUTE_FAILED, applied;

	if (reading_read(ctx->c, ctx->args.list, ctx->args.count, &readings) != DISPUTE_OK ||
	    suggest_facts(readings, ctx->today) != DISPUTE_OK)
		goto out;
	read_tell(readings);
	if (cJSON_GetArraySize(readings) == 0)
		dispute_notice(_("nothing was read: the case has no order, chat, licence or "
		    "logistics picture, nor a chat log to convert"));
	if (args_has(ctx, OPT_APPLY)) {
		if (suggest_apply(ctx->c, readings, &applied) != DISPUTE_OK ||
		    (applied > 0 && case_save(ctx->c) != DISPUTE_OK))
			goto out;
		if (applied == 0)
			dispute_notice(_("no fact recorded"));
	}
	if (args_has(ctx, OPT_JSON))
		status = print_json(readings);
	else
		status = args_has(ctx, OPT_APPLY) ? DISPUTE_OK : read_print_suggestions(readings);
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
	    "stays as it was. The facts read (order number, amount, date and shop; the date\n"
	    "signed for; the licence's company, credit code, address and legal\n"
	    "representative) are printed as the `dispute set` lines that would record them,\n"
	    "each with the text it came from and its confidence; a value that fails its check\n"
	    "is printed as a comment, and none is taken from text read with low confidence.\n"),
	.options = read_options,
	.min_args = 0,
	.max_args = -1,
	.needs = CMD_TODAY | CMD_CASE_WRITE,
	.exec = cmd_read_exec,
};
