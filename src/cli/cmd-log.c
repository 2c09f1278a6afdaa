/* Appends a contact to the case timeline: who was contacted, when, and how it ended. */
#include "cmd.h"
#include "dispute/case.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/timeline.h"
#include "language.h"

static const struct cmd_option log_options[] = {
	{ "channel", 'c', 1, "CHANNEL",
	  N_("merchant, platform, 12315, consumer-association, court or social (required)") },
	{ "outcome", 'o', 1, "OUTCOME",
	  N_("pending (default), accepted, refused, no-response, "
	     "resolved, partial or agreement (a signed settlement or mediation agreement; give "
	     "its number with -r)") },
	{ "date", 'd', 1, "DATE",
	  N_("when it happened, YYYY-MM-DD, 2026/10/11 or 2026年10月11日 (default: today)") },
	{ "ref", 'r', 1, "REF", N_("a complaint or ticket number") },
	{ "demand", OPT_DEMAND, 0, NULL,
	  N_("the buyer demanded performance (refund, repair...) from the other side: this "
	     "restarts the limitation period") },
	{ NULL, 0, 0, NULL, NULL }
};

static int
cmd_log_check(struct cmd_ctx *ctx)
{
	if (!args_has(ctx, 'c'))
		return cmd_usage_error(ctx, _("say which channel was contacted with -c CHANNEL"));
	return DISPUTE_OK;
}

static int
cmd_log_exec(struct cmd_ctx *ctx)
{
	struct timeline_entry entry;
	char date[DATE_LEN];

	entry.channel = args_get(ctx, 'c');
	entry.outcome = args_has(ctx, 'o') ? args_get(ctx, 'o') : "pending";
	entry.date = args_has(ctx, 'd') ? args_get(ctx, 'd') : ctx->today;
	entry.ref = args_get(ctx, 'r');
	entry.text = ctx->args.list[0];
	entry.demand = args_has(ctx, OPT_DEMAND);
	timeline_normalize(&entry, date);
	if (timeline_add(ctx->c, &entry, ctx->today) != DISPUTE_OK || case_save(ctx->c) != DISPUTE_OK)
		return DISPUTE_FAILED;
	dispute_notice(_("logged %s %s (%s)"), entry.date, shown_word("channel", entry.channel),
	    shown_word("outcome", entry.outcome));
	return DISPUTE_OK;
}

const struct cmd_entry cmd_log_entry = {
	.name = "log",
	.usage = "-c CHANNEL [-o OUTCOME] [-d DATE] [-r REF] [--demand] TEXT",
	.summary = N_("record a contact with the merchant, platform or an authority, and its "
	    "outcome"),
	.options = log_options,
	.min_args = 1,
	.max_args = 1,
	.needs = CMD_TODAY | CMD_CASE_WRITE,
	.check = cmd_log_check,
	.exec = cmd_log_exec,
};
