/* Shows what the buyer may demand and why: each basis with its amount, arithmetic,
 * article, and the condition a possible claim depends on; then the court fee. */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/draft-view.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "json-output.h"
#include "language.h"
#include "procedure-output.h"

static const struct cmd_option claim_options[] = {
	{ "json", OPT_JSON, 0, NULL, N_("print the claim as JSON") },
	{ NULL, 0, 0, NULL, NULL }
};

#define UNCONFIRMED N_(" (check the current official text)")

static const char *
text(const cJSON *object, const char *name)
{
	const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));

	return value != NULL ? value : "";
}

/* Each line and the total in the language of the interface; the laws are cited by
 * their Chinese names in both, as a court reads them. */
static void
print_human(const cJSON *claim)
{
	const cJSON *line;
	int n = 0;

	cJSON_ArrayForEach(line, cJSON_GetObjectItem(claim, "lines")) {
		int chosen = cJSON_IsTrue(cJSON_GetObjectItem(line, "chosen"));

		printf(_("%d. %s %s yuan%s\n"), ++n, shown_member(line, "label_zh", "label_en"),
		    text(line, "amount"), chosen ? "" : _(" (possible, not chosen)"));
		printf(_("   calculation: %s\n"),
		    shown_member(line, "calculation_zh", "calculation_en"));
		printf(_("   basis: %s%s\n"), text(line, "law"),
		    cJSON_IsTrue(cJSON_GetObjectItem(line, "confirmed")) ? "" : _(UNCONFIRMED));
		if (cJSON_GetObjectItem(line, "condition_zh") != NULL)
			printf(_("   condition: %s\n"),
			    shown_member(line, "condition_zh", "condition_en"));
	}
	printf(_("\ntotal demanded: %s yuan\n"), text(claim, "total"));
	printf(_("court fee: %s yuan (halved under the simplified procedure: %s yuan)\n"),
	    text(claim, "filing_fee"), text(claim, "filing_fee_simplified"));
	printf(_("   basis: %s%s\n"), text(claim, "filing_fee_law"),
	    cJSON_IsTrue(cJSON_GetObjectItem(claim, "filing_fee_confirmed")) ? "" :
	    _(UNCONFIRMED));
	if (cJSON_GetArraySize(cJSON_GetObjectItem(claim, "lines")) >
	    cJSON_GetArraySize(cJSON_GetObjectItem(claim, "chosen_lines")))
		fputs(_("\nChoose the compensation to demand with `dispute set demand.compensation "
		    "none|fraud|food`.\n"), stdout);
}

/* The claim with its schema name first, as in every --json output. */
static int
print_json(const cJSON *claim)
{
	cJSON *out = cJSON_CreateObject();
	const cJSON *item;
	int status = DISPUTE_FAILED;

	if (out == NULL || cJSON_AddStringToObject(out, "schema", "dispute-claim/1") == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	cJSON_ArrayForEach(item, claim)
		cJSON_AddItemReferenceToObject(out, item->string, (cJSON *)item);
	status = json_print(out);
out:
	cJSON_Delete(out);
	return status;
}

static int
cmd_claim_exec(struct cmd_ctx *ctx)
{
	struct draft_view *view = NULL;
	cJSON *claim, *procedure;
	int status = DISPUTE_FAILED;

	if (case_get(ctx->c, "order.amount") == NULL || case_get(ctx->c, "order.date") == NULL) {
		/* Written here, not through dispute_error(), which would escape the line
		 * breaks that set the commands apart. */
		fprintf(stderr, "dispute: %s\n", _("a claim needs the price and the order date:\n"
		    "  dispute set order.amount YUAN\n  dispute set order.date YYYY-MM-DD"));
		return DISPUTE_FAILED;
	}
	if (draft_view_build(ctx->c, &ctx->rules, ctx->today, &view) != DISPUTE_OK)
		return DISPUTE_FAILED;
	claim = cJSON_GetObjectItem(view->json, "claim");
	if (procedure_for_case(ctx, cJSON_GetStringValue(cJSON_GetObjectItem(claim, "total")),
	    &procedure) != DISPUTE_OK)
		goto out;
	cJSON_AddItemToObject(claim, "procedure", procedure);
	if (args_has(ctx, OPT_JSON))
		status = print_json(claim);
	else {
		print_human(claim);
		putchar('\n');
		procedure_print(procedure);
		status = DISPUTE_OK;
	}
out:
	draft_view_free(view);
	return status;
}

const struct cmd_entry cmd_claim_entry = {
	.name = "claim",
	.usage = "[--json]",
	.summary = N_("compute what the buyer may demand, with the article behind each amount"),
	.options = claim_options,
	.min_args = 0,
	.max_args = 0,
	.needs = CMD_TODAY | CMD_CASE_READ | CMD_RULES | CMD_COURTS | CMD_WAGES,
	.exec = cmd_claim_exec,
};
