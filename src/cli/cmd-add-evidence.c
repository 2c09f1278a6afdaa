/* Adds evidence files of one kind: checked by content, copied read-only, fingerprinted;
 * with --read, read at once as `dispute read` reads them. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/evidence.h"
#include "dispute/exhibits.h"
#include "dispute/i18n.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "dispute/suggest.h"
#include "read-output.h"

static const struct cmd_option add_options[] = {
	{ "kind", 'k', 1, "KIND", N_("what the files show (required; see below)") },
	{ "note", 'n', 1, "NOTE", N_("a note kept with each file") },
	{ "proves", OPT_PROVES, 1, "TEXT", N_("what the files prove, for the evidence list") },
	{ "method", OPT_METHOD, 1, "HOW", N_("how the files were obtained: photo, screenshot, "
	    "screen-recording, export or scan") },
	{ "device", OPT_DEVICE, 1, "TEXT", N_("the phone or computer they were made on") },
	{ "app", OPT_APP, 1, "TEXT", N_("the app they were made in or exported from") },
	{ "source", OPT_SOURCE, 1, "TEXT", N_("where the files come from (证据来源), for the evidence "
	  "list (default: from the kind)") },
	{ "copies", OPT_COPIES, 1, "N", N_("copies of each submitted (份数, default 1)") },
	{ "form", OPT_FORM, 1, "FORM", N_("what is submitted: original, copy or electronic "
	  "(原件, 复印件, 电子数据; default: from the kind)") },
	{ "group", OPT_GROUP, 1, "N", N_("file the items under exhibit N as its parts "
	  "(证据N-1, N-2 ...)") },
	{ "read", OPT_READ, 0, NULL,
	  N_("read the files' text at once and print the facts found, as `dispute read` does") },
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

/* The whole numbers of --copies and --group into *COPIES and *GROUP (0 when not given). */
static int
number_options(struct cmd_ctx *ctx, int *copies, int *group)
{
	if (cmd_whole_number(ctx, "--copies", args_get(ctx, OPT_COPIES), EVIDENCE_COPIES_MAX,
	    copies) != DISPUTE_OK ||
	    cmd_whole_number(ctx, "--group", args_get(ctx, OPT_GROUP), EXHIBIT_GROUP_MAX,
	    group) != DISPUTE_OK)
		return DISPUTE_USAGE;
	return DISPUTE_OK;
}

static int
cmd_add_evidence_check(struct cmd_ctx *ctx)
{
	int copies, group;

	if (number_options(ctx, &copies, &group) != DISPUTE_OK)
		return DISPUTE_USAGE;
	if (args_has(ctx, OPT_FORM) && evidence_form_find(args_get(ctx, OPT_FORM)) == NULL)
		return cmd_usage_error(ctx, _("--form: \"%s\" is not original, copy or electronic"),
		    args_get(ctx, OPT_FORM));
	if (!args_has(ctx, 'k'))
		return cmd_usage_error(ctx, _("say what the files show with -k KIND"));
	if (evidence_kind_find(args_get(ctx, 'k')) == NULL)
		return cmd_usage_error(ctx, _("unknown kind \"%s\" (`dispute help add-evidence` "
		    "lists them)"), args_get(ctx, 'k'));
	if (args_has(ctx, OPT_METHOD) && !evidence_method_valid(args_get(ctx, OPT_METHOD)))
		return cmd_usage_error(ctx, _("unknown method \"%s\" (photo, screenshot, "
		    "screen-recording, export or scan)"), args_get(ctx, OPT_METHOD));
	if (args_has(ctx, OPT_READ) && !reading_kind(args_get(ctx, 'k')))
		return cmd_usage_error(ctx, _("--read reads order, chat, licence and logistics "
		    "evidence, not %s"), args_get(ctx, 'k'));
	return DISPUTE_OK;
}

/* Reads the COUNT items just added (FIRST is the first's record) and prints the facts
 * found. The files stay added when reading fails. */
static int
read_added(struct cmd_ctx *ctx, const cJSON *first, int count)
{
	char **ids = calloc((size_t)count + 1, sizeof *ids);
	cJSON *readings = NULL;
	int i = 0, status = DISPUTE_FAILED;

	if (ids == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	for (; first != NULL && i < count; first = first->next)
		ids[i++] = cJSON_GetObjectItemCaseSensitive(first, "id")->valuestring;
	if (reading_read(ctx->c, ids, count, &readings) == DISPUTE_OK &&
	    suggest_facts(readings, ctx->today) == DISPUTE_OK) {
		read_tell(readings);
		status = read_print_suggestions(readings);
	}
	if (status != DISPUTE_OK)
		dispute_warning(_("the files were added, but not read; `dispute read` reads them"));
	cJSON_Delete(readings);
	free(ids);
	return status;
}

static int
cmd_add_evidence_exec(struct cmd_ctx *ctx)
{
	struct evidence_request req;
	const cJSON *evidence, *item, *first = NULL;
	int skip;

	req.kind = evidence_kind_find(args_get(ctx, 'k'));
	req.note = args_get(ctx, 'n');
	req.proves = args_get(ctx, OPT_PROVES);
	req.method = args_get(ctx, OPT_METHOD);
	req.device = args_get(ctx, OPT_DEVICE);
	req.app = args_get(ctx, OPT_APP);
	req.source = args_get(ctx, OPT_SOURCE);
	req.form = args_get(ctx, OPT_FORM);
	if (number_options(ctx, &req.copies, &req.group) != DISPUTE_OK)
		return DISPUTE_USAGE;
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
		if (first == NULL)
			first = item;
		printf("%s\t%s\t%s\n", cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring,
		    cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring,
		    cJSON_GetObjectItemCaseSensitive(item, "sha256")->valuestring);
	}
	if (args_has(ctx, OPT_READ)) {
		fflush(stdout);
		return read_added(ctx, first, req.file_count);
	}
	return DISPUTE_OK;
}

const struct cmd_entry cmd_add_evidence_entry = {
	.name = "add-evidence",
	.usage = "-k KIND [-n NOTE] [--proves TEXT] [--method HOW] [--device TEXT] [--app TEXT] "
	    "[--source TEXT] [--copies N] [--form FORM] [--group N] [--read] FILE...",
	.summary = N_("copy evidence files into the case, checked by content and fingerprinted"),
	.print_details = print_kinds,
	.options = add_options,
	.min_args = 1,
	.max_args = -1,
	.needs = CMD_TODAY | CMD_CASE_WRITE,
	.check = cmd_add_evidence_check,
	.exec = cmd_add_evidence_exec,
};
