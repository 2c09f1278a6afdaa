/* The procedure a claim goes to, shared by `dispute claim` and `dispute status`. */
#include <stdio.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/validate.h"
#include "procedure-output.h"

int
procedure_for_case(const struct cmd_ctx *ctx, const char *total, cJSON **out)
{
	const char *province = courts_province(&ctx->courts, ctx->c);
	char reason[VALIDATE_REASON_MAX];
	struct procedure p;
	int64_t fen;

	*out = NULL;
	if (amount_parse(total, &fen, reason, sizeof reason) != DISPUTE_OK) {
		dispute_error(_("claim total \"%s\": %s"), total, reason);
		return DISPUTE_FAILED;
	}
	if (procedure_assess(&ctx->wages, &ctx->rules, province, fen, ctx->today, &p) !=
	    DISPUTE_OK)
		return DISPUTE_FAILED;
	*out = procedure_json(&p, province);
	return *out != NULL ? DISPUTE_OK : DISPUTE_FAILED;
}

static const char *
text(const cJSON *object, const char *name)
{
	const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));

	return value != NULL ? value : "";
}

void
procedure_print(const cJSON *p)
{
	const char *kind = text(p, "kind");

	if (strcmp(kind, "no-figure") == 0) {
		if (cJSON_GetObjectItem(p, "province") != NULL)
			printf(_("procedure: no small-claims limit of %s is in the table; ask the "
			    "court, or add the figure to the case's wages.json\n"), text(p, "province"));
		else
			printf(_("procedure: the province is not known (dispute court places the "
			    "court); the small-claims limit cannot be checked\n"));
	} else {
		if (strcmp(kind, "small-claims") == 0)
			printf(_("procedure: small claims (小额诉讼): at or below %s yuan in %s, "
			    "final at first instance with no appeal, unless an appraisal or a "
			    "counterclaim is needed\n"), text(p, "limit"), text(p, "province"));
		else if (strcmp(kind, "small-claims-by-agreement") == 0)
			printf(_("procedure: simplified (简易程序): above the small-claims limit of "
			    "%s yuan in %s; up to %s yuan both parties may agree to small claims\n"),
			    text(p, "limit"), text(p, "province"), text(p, "agreed_limit"));
		else
			printf(_("procedure: simplified (简易程序), or ordinary if the court so "
			    "decides: above %s yuan in %s\n"), text(p, "agreed_limit"),
			    text(p, "province"));
		printf(_("   limit in force from %s (%.0f wages): %s%s%s\n"), text(p, "limit_from"),
		    cJSON_GetNumberValue(cJSON_GetObjectItem(p, "wage_year")),
		    text(p, "limit_source"), cJSON_IsTrue(cJSON_GetObjectItem(p,
		    "limit_confirmed")) ? "" : _(" (check the current official text)"),
		    cJSON_IsTrue(cJSON_GetObjectItem(p, "limit_stale")) ? _("; a later notice may "
		    "have raised it: check the high court's current figure") : "");
	}
	printf(_("   court fee %s yuan; halved under the simplified procedure or small claims: %s "
	    "yuan; halved again if the case ends in mediation or is withdrawn: %s yuan%s\n"),
	    text(p, "fee"), text(p, "fee_halved"), text(p, "fee_mediation"),
	    cJSON_IsTrue(cJSON_GetObjectItem(p, "fee_confirmed")) ? "" :
	    _(" (whether the two halvings combine is not confirmed: check with the court)"));
}
