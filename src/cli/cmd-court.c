/* Lists the courts that may hear the case, each with its legal basis, so that the buyer
 * files where the case will be accepted. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/courts.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "json-output.h"
#include "language.h"

static const struct cmd_option court_options[] = {
	{ "json", OPT_JSON, 0, NULL, N_("print the courts as JSON") },
	{ NULL, 0, 0, NULL, NULL }
};

static const char *
text(const cJSON *object, const char *name)
{
	const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));

	return value != NULL ? value : "";
}

static const char *
ground_label(const char *ground)
{
	if (strcmp(ground, "receipt") == 0)
		return _("place of receipt (收货地)");
	if (strcmp(ground, "platform") == 0)
		return _("the platform company's domicile (被告二住所地)");
	return _("the defendant's domicile (被告住所地)");
}

static void
print_human(const cJSON *list, const char *chosen)
{
	const cJSON *court, *ground, *item, *clause = cJSON_GetObjectItem(list, "clause");
	const cJSON *table = cJSON_GetObjectItem(list, "table");
	int n = 0;

	if (cJSON_GetArraySize(cJSON_GetObjectItem(list, "courts")) == 0)
		fputs(_("No court found: no recorded address lies in a place of the court table.\n"),
		    stdout);
	else
		fputs(_("Courts with jurisdiction:\n"), stdout);
	cJSON_ArrayForEach(court, cJSON_GetObjectItem(list, "courts")) {
		printf("%d. %s%s\n", ++n, text(court, "court"), chosen != NULL &&
		    strcmp(chosen, text(court, "court")) == 0 ? _(" (case.court)") : "");
		cJSON_ArrayForEach(ground, cJSON_GetObjectItem(court, "grounds"))
			printf(_("   %s: %s, from %s (%s)\n"), ground_label(text(ground, "ground")),
			    text(ground, "place"), text(ground, "field"), text(ground, "address"));
		printf(_("   basis: %s%s\n"), text(court, "law"),
		    cJSON_IsTrue(cJSON_GetObjectItem(court, "confirmed")) ? "" :
		    _(" (check the current official text)"));
		if (cJSON_GetObjectItem(court, "replaces") != NULL)
			printf(_("   the internet court hears these cases instead of %s\n"),
			    text(court, "replaces"));
	}
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(list, "unlisted")) {
		if (cJSON_GetObjectItem(item, "city") != NULL)
			printf(_("Not in the court table: %s \"%s\" is in %s, but no district of the "
			    "table is named; find its basic court yourself.\n"), text(item, "field"),
			    text(item, "address"), text(item, "city"));
		else
			printf(_("Not in the court table: %s \"%s\" names no city of the table; find "
			    "the basic court of that place yourself.\n"), text(item, "field"),
			    text(item, "address"));
	}
	printf(_("\nA jurisdiction clause in the platform's or the shop's standard terms may bind "
	    "you if it was brought to your attention; one that was not can be declared void at "
	    "your request (《%s》%s%s). Check the terms you accepted, then record what you find "
	    "with `dispute set case.forum_clause`.\n"), text(clause, "law"),
	    text(clause, "article"), cJSON_IsTrue(cJSON_GetObjectItem(clause, "confirmed")) ? "" :
	    _(", check the current official text"));
	printf(_("Court names: %s (%s)%s.\n"), shown_member(table, "source", "source_en"),
	    text(table, "date"),
	    cJSON_IsTrue(cJSON_GetObjectItem(table, "confirmed")) ? "" :
	    _("; not checked against each court: confirm the name before filing"));
	if (n > 0 && chosen == NULL)
		fputs(_("Record the court with `dispute set case.court NAME`.\n"), stdout);
}

static int
cmd_court_exec(struct cmd_ctx *ctx)
{
	cJSON *list = NULL, *out = NULL;
	int status = DISPUTE_FAILED;

	if (courts_for_case(&ctx->courts, &ctx->rules, ctx->c, ctx->today, &list) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (!args_has(ctx, OPT_JSON)) {
		print_human(list, case_get(ctx->c, "case.court"));
		status = DISPUTE_OK;
		goto out;
	}
	/* The schema name first, as in every --json output. */
	out = cJSON_CreateObject();
	if (out == NULL || cJSON_AddStringToObject(out, "schema", "dispute-court/1") == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	cJSON_AddItemReferenceToObject(out, "courts", cJSON_GetObjectItem(list, "courts"));
	cJSON_AddItemReferenceToObject(out, "unlisted", cJSON_GetObjectItem(list, "unlisted"));
	cJSON_AddItemReferenceToObject(out, "clause", cJSON_GetObjectItem(list, "clause"));
	cJSON_AddItemReferenceToObject(out, "table", cJSON_GetObjectItem(list, "table"));
	status = json_print(out);
out:
	cJSON_Delete(out);
	cJSON_Delete(list);
	return status;
}

const struct cmd_entry cmd_court_entry = {
	.name = "court",
	.usage = "[--json]",
	.summary = N_("list the courts that may hear the case, with the law behind each"),
	.details = N_(
	    "From the place of receipt (order.delivery_address, else claimant.address) and the\n"
	    "defendants' addresses (merchant.address, platform.address): the basic court of\n"
	    "each place, or the Beijing, Hangzhou or Guangzhou internet court for a platform\n"
	    "order there. Addresses the court table does not place are said to be unlisted.\n"),
	.options = court_options,
	.min_args = 0,
	.max_args = 0,
	.needs = CMD_TODAY | CMD_CASE_READ | CMD_RULES | CMD_COURTS,
	.exec = cmd_court_exec,
};
