/* Trusted time for the evidence: sends the requests add-evidence wrote to a timestamp
 * authority, or takes a reply obtained by other means. The only command that uses the
 * network, and only `send` does. */
#include <string.h>

#include "cmd.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/stamps.h"

static int
is_web_url(const char *url)
{
	return strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0;
}

static int
cmd_timestamp_check(struct cmd_ctx *ctx)
{
	const char *sub = ctx->args.list[0];

	if (strcmp(sub, "send") == 0) {
		if (!is_web_url(ctx->args.list[1]))
			return cmd_usage_error(ctx, _("%s: the authority's address must start with "
			    "http:// or https://"), ctx->args.list[1]);
		return DISPUTE_OK;
	}
	if (strcmp(sub, "attach") == 0)
		return DISPUTE_OK;
	return cmd_usage_error(ctx, _("unknown subcommand \"%s\" (send or attach)"), sub);
}

static int
cmd_timestamp_exec(struct cmd_ctx *ctx)
{
	if (strcmp(ctx->args.list[0], "send") == 0)
		return stamps_send(ctx->c, ctx->args.list[1]);
	return stamps_attach(ctx->c, ctx->args.list[1]);
}

const struct cmd_entry cmd_timestamp_entry = {
	.name = "timestamp",
	.usage = "send URL | attach REPLY.tsr",
	.summary = N_("get trusted times for the evidence from a timestamp authority (RFC 3161)"),
	.details = N_("Each add-evidence writes a request over the files it added, in\n"
	    "timestamps/NNN.tsq beside the list it covers (NNN.txt).\n"
	    "  send URL           posts every request still without a reply to the timestamp\n"
	    "                     authority at URL and keeps each reply that matches, as\n"
	    "                     timestamps/NNN.tsr; the only command that uses the network\n"
	    "  attach REPLY.tsr   takes a reply obtained by other means, matched to its request\n"
	    "                     by the imprint it vouches for\n"
	    "`dispute verify` then reports each item's earliest proven time.\n"),
	.min_args = 2,
	.max_args = 2,
	.needs = CMD_CASE_WRITE,
	.check = cmd_timestamp_check,
	.exec = cmd_timestamp_exec,
};
