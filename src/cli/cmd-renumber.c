/* Closes the gaps that withdrawn exhibits leave, numbering every item afresh: the one
 * step that may change an exhibit number a document already cites, so it is refused
 * without --force once the numbers are fixed. */
#include <stdio.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/exhibits.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

static const struct cmd_option renumber_options[] = {
	{ "force", OPT_FORCE, 0, NULL, N_("renumber although drafts or dossiers already cite the "
	  "numbers") },
	{ NULL, 0, 0, NULL, NULL }
};

/* One line per changed item on stdout: ID, old and new exhibit. */
static void
print_change(const char *old_serial, const char *new_serial, const char *id, void *ctx)
{
	(void)ctx;
	printf("%s\t证据%s\t证据%s\n", id, old_serial, new_serial);
}

static int
cmd_renumber_exec(struct cmd_ctx *ctx)
{
	const cJSON *fixed = cJSON_GetObjectItemCaseSensitive(case_record(ctx->c),
	    "exhibits_fixed");
	const char *since = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(fixed, "date"));
	int was_fixed = exhibits_fixed(ctx->c), changed;

	if (was_fixed && !args_has(ctx, OPT_FORCE)) {
		dispute_error(_("the exhibit numbers are fixed since %s: documents already drafted "
		    "or packed cite them, and renumbering would make those point at other "
		    "exhibits; nothing was changed (see --force)"), since != NULL ? since : "?");
		return DISPUTE_FAILED;
	}
	changed = exhibits_renumber(ctx->c, print_change, NULL);
	if (changed < 0 || case_save(ctx->c) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (was_fixed)
		dispute_warning(_("renumbered: documents drafted or packed before now cite the old "
		    "numbers; draft and pack them again and send the new ones"));
	dispute_notice(_("%d exhibit number(s) changed"), changed);
	return DISPUTE_OK;
}

const struct cmd_entry cmd_renumber_entry = {
	.name = "renumber",
	.usage = "[--force]",
	.summary = N_("number the exhibits (证据N) afresh, closing the gaps of withdrawn ones"),
	.details = N_("Exhibit numbers are fixed once a draft or a pack cites them; a removed item\n"
	    "then stays in the evidence list as withdrawn (已撤回). Renumbering numbers every\n"
	    "item again in the order it was added; documents drafted before then cite the\n"
	    "old numbers, so it needs --force once the numbers are fixed.\n"),
	.options = renumber_options,
	.min_args = 0,
	.max_args = 0,
	.needs = CMD_CASE_WRITE,
	.exec = cmd_renumber_exec,
};
