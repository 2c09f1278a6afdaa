/* Shows the overview or one command's help, generated from the command table. */
#include <stdio.h>

#include "cmd.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

static int
cmd_help_exec(struct cmd_ctx *ctx)
{
	const struct cmd_entry *entry;

	if (ctx->args.count == 0) {
		cmd_print_overview(stdout);
		return DISPUTE_OK;
	}
	entry = cmd_find(ctx->args.list[0]);
	if (entry == NULL)
		return cmd_usage_error(ctx, _("unknown command: %s"), ctx->args.list[0]);
	cmd_print_help(entry, stdout);
	return DISPUTE_OK;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "[COMMAND]",
	.summary = N_("show the commands, or one command's usage and options"),
	.min_args = 0,
	.max_args = 1,
	.exec = cmd_help_exec,
};
