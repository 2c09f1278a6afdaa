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
#include "procedure-output.h"

static const struct cmd_option claim_options[] = {
	{ "json", OPT_JSON, 0, NULL, N_("print the claim as JSON") },
	{ NULL, 0, 0, NULL, NULL }
};

#define UNCONFIRMED N_("（请核对现行官方文本 / check the current official text）")

static const char *
text(const cJSON *object, const char *name)
{
	const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));

	return value != NULL ? value : "";
}

static void
print_human(const cJSON *claim)
{
	const cJSON *line;
	int n = 0;

	cJSON_ArrayForEach(line, cJSON_GetObjectItem(claim, "lines")) {
		int chosen = cJSON_IsTrue(cJSON_GetObjectItem(line, "chosen"));

		printf("%d. %s %s 元%s\n", ++n, text(line, "label_zh"), text(line, "amount"),
		    chosen ? "" : _("（可主张，未选择 / possible, not chosen）"));
		printf("   计算：%s\n", text(line, "calculation_zh"));
		printf("   依据：%s%s\n", text(line, "law"),
		    cJSON_IsTrue(cJSON_GetObjectItem(line, "confirmed")) ? "" : _(UNCONFIRMED));
		if (cJSON_GetObjectItem(line, "condition_zh") != NULL)
			printf("   条件：%s\n", text(line, "condition_zh"));
	}
	printf(_("\n主张合计 / total demanded: %s 元\n"), text(claim, "total"));
	printf(_("案件受理费 / court fee: %s 元（简易程序减半 / simplified procedure: %s 元）\n"),
	    text(claim, "filing_fee"), text(claim, "filing_fee_simplified"));
	printf("   依据：%s%s\n", text(claim, "filing_fee_law"),
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
	cJSON *view = NULL, *claim, *procedure;
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
	claim = cJSON_GetObjectItem(view, "claim");
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
	cJSON_Delete(view);
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
