/* Creates a case folder: case.json and evidence/, readable by the owner only. */
#include "cmd.h"
#include "dispute/case.h"
#include "dispute/clock.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

static int
cmd_init_exec(struct cmd_ctx *ctx)
{
	const char *dir = ctx->args.count > 0 ? ctx->args.list[0] : ctx->case_dir;
	char stamp[CLOCK_TIMESTAMP_LEN];

	if (clock_timestamp(stamp) != DISPUTE_OK || case_create(dir, stamp) != DISPUTE_OK)
		return DISPUTE_FAILED;
	dispute_notice(_("created a case in %s; next: `dispute set order.id ...` and "
	    "`dispute add-evidence`"), dir);
	return DISPUTE_OK;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.usage = "[DIR]",
	.summary = N_("create a case folder (DIR, or the -C folder, or the current one)"),
	.details = N_("Refuses to touch a folder that already holds a case.json.\n"),
	.min_args = 0,
	.max_args = 1,
	.exec = cmd_init_exec,
};
