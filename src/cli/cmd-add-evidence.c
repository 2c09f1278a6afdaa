/* Adds evidence files of one kind: checked by content, copied read-only, fingerprinted. */
#include <inttypes.h>
#include <stdio.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/evidence.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

static const struct cmd_option add_options[] = {
	{ "kind", 'k', 1, "KIND", N_("what the files show (required; see below)") },
	{ "note", 'n', 1, "NOTE", N_("a note kept with each file") },
	{ "proves", OPT_PROVES, 1, "TEXT", N_("what the files prove, for the evidence list") },
	{ "method", OPT_METHOD, 1, "HOW", N_("how the files were obtained: photo, screenshot, "
	    "screen-recording, export or scan") },
	{ "device", OPT_DEVICE, 1, "TEXT", N_("the phone or computer they were made on") },
	{ "app", OPT_APP, 1, "TEXT", N_("the app they were made in or exported from") },
	{ NULL, 0, 0, NULL, NULL }
};

static void
print_kinds(FILE *out)
{
	const struct evidence_kind *k;

	fputs(_("kinds (the file's content, not its name, decides its type):\n"), out);
	for (k = evidence_kinds; k->name != NULL; k++)
		fprintf(out, "  %-20s %s\n", k->name, _(k->allowed_text));
	fputs(_("\nSeveral files are added all together or not at all.\n"), out);
}

static int
cmd_add_evidence_check(struct cmd_ctx *ctx)
{
	if (!args_has(ctx, 'k'))
		return cmd_usage_error(ctx, _("say what the files show with -k KIND"));
	if (evidence_kind_find(args_get(ctx, 'k')) == NULL)
		return cmd_usage_error(ctx, _("unknown kind \"%s\" (`dispute help add-evidence` "
		    "lists them)"), args_get(ctx, 'k'));
	if (args_has(ctx, OPT_METHOD) && !evidence_method_valid(args_get(ctx, OPT_METHOD)))
		return cmd_usage_error(ctx, _("unknown method \"%s\" (photo, screenshot, "
		    "screen-recording, export or scan)"), args_get(ctx, OPT_METHOD));
	return DISPUTE_OK;
}

static int
cmd_add_evidence_exec(struct cmd_ctx *ctx)
{
	struct evidence_request req;
	const cJSON *evidence, *item;
	int skip;

	req.kind = evidence_kind_find(args_get(ctx, 'k'));
	req.note = args_get(ctx, 'n');
	req.proves = args_get(ctx, OPT_PROVES);
	req.method = args_get(ctx, OPT_METHOD);
	req.device = args_get(ctx, OPT_DEVICE);
	req.app = args_get(ctx, OPT_APP);
	req.files = ctx->args.list;
	req.file_count = ctx->args.count;
	if (evidence_add(ctx->c, &req) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* One line per new item on stdout, so that scripts can pick up the IDs. */
	evidence = case_evidence(ctx->c);
	skip = cJSON_GetArraySize(evidence) - req.file_count;
	cJSON_ArrayForEach(item, evidence) {
		if (skip-- > 0)
			continue;
		printf("%s\t%s\t%s\n", cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring,
		    cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring,
		    cJSON_GetObjectItemCaseSensitive(item, "sha256")->valuestring);
	}
	return DISPUTE_OK;
}

const struct cmd_entry cmd_add_evidence_entry = {
	.name = "add-evidence",
	.usage = "-k KIND [-n NOTE] [--proves TEXT] [--method HOW] [--device TEXT] [--app TEXT] "
	    "FILE...",
	.summary = N_("copy evidence files into the case, checked by content and fingerprinted"),
	.print_details = print_kinds,
	.options = add_options,
	.min_args = 1,
	.max_args = -1,
	.needs = CMD_CASE_WRITE,
	.check = cmd_add_evidence_check,
	.exec = cmd_add_evidence_exec,
};
