/* Removes one evidence item and its copy; its number is never given out again. */
#include "cmd.h"
#include "dispute/case.h"
#include "dispute/evidence.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

static int
cmd_rm_evidence_exec(struct cmd_ctx *ctx)
{
	if (evidence_remove(ctx->c, ctx->args.list[0]) != DISPUTE_OK)
		return DISPUTE_FAILED;
	dispute_notice(_("removed evidence %s"), ctx->args.list[0]);
	return DISPUTE_OK;
}

const struct cmd_entry cmd_rm_evidence_entry = {
	.name = "rm-evidence",
	.usage = "ID",
	.summary = N_("remove an evidence item (e.g. E03) and its copy from the case"),
	.min_args = 1,
	.max_args = 1,
	.needs = CMD_CASE_WRITE,
	.exec = cmd_rm_evidence_exec,
};
