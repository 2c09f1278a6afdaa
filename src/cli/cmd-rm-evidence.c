/* Removes one evidence item and its copy; its number is never given out again, and once
 * a draft or pack cited it, its exhibit number stays in the list as withdrawn. */
#include "cmd.h"
#include "dispute/case.h"
#include "dispute/evidence.h"
#include "dispute/exhibits.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

static int
cmd_rm_evidence_exec(struct cmd_ctx *ctx)
{
	const cJSON *item = evidence_find(ctx->c, ctx->args.list[0]);
	struct exhibit_number n = { 0, 0 };
	char serial[24];
	int cited = item != NULL && exhibits_stored(item, &n);

	if (evidence_remove(ctx->c, ctx->args.list[0]) != DISPUTE_OK)
		return DISPUTE_FAILED;
	dispute_notice(_("removed evidence %s"), ctx->args.list[0]);
	if (cited) {
		exhibits_serial(n, serial, sizeof serial);
		dispute_notice(_("证据%s stays in the evidence list as withdrawn (已撤回), since "
		    "documents already drafted or packed cite it; `dispute renumber` closes the "
		    "gap"), serial);
	}
	return DISPUTE_OK;
}

const struct cmd_entry cmd_rm_evidence_entry = {
	.name = "rm-evidence",
	.usage = "ID",
	.summary = N_("remove an evidence item (e.g. E03) and its copy from the case"),
	.details = N_("Once a draft or a pack has cited the exhibit numbers (证据N), a removed\n"
	    "item keeps its number as a withdrawn (已撤回) line of the evidence list, so that\n"
	    "no document already sent comes to point at another exhibit.\n"),
	.min_args = 1,
	.max_args = 1,
	.needs = CMD_CASE_WRITE,
	.exec = cmd_rm_evidence_exec,
};
