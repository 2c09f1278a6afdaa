/* Records one fact of the case after checking it; unknown field names are refused so
 * that a typo is never stored. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/clock.h"
#include "dispute/courts.h"
#include "dispute/fields.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "language.h"

static const struct cmd_option set_options[] = {
	{ "unset", OPT_UNSET, 0, NULL, N_("clear FIELD instead of setting it") },
	{ NULL, 0, 0, NULL, NULL }
};

/* The choices of F, each followed by its Chinese name when the interface speaks
 * Chinese ("douyin 抖音, taobao 淘宝"), so that the names a buyer may type are shown. */
static void
print_choices(const struct field *f, FILE *out)
{
	fputs(" (", out);
	for (size_t i = 0; f->choices[i] != NULL; i++) {
		const char *name = shown_value(f->name, f->choices[i]);

		fprintf(out, "%s%s", i > 0 ? ", " : "", f->choices[i]);
		if (strcmp(name, f->choices[i]) != 0)
			fprintf(out, " %s", name);
	}
	fputc(')', out);
}

static void
print_fields(FILE *out)
{
	const struct field *f;

	fputs(_("fields:\n"), out);
	for (f = field_table; f->name != NULL; f++) {
		fprintf(out, "  %-22s %s", f->name, _(f->help));
		if (f->type == FIELD_CHOICE)
			print_choices(f, out);
		fputc('\n', out);
	}
}

/* The complaint states the gender and birth date the ID number carries unless the
 * buyer records them: say what they will read, so that a mistyped number shows. */
static void
show_derived(const struct dispute_case *c)
{
	const char *gender;
	char birth[11];
	int derived;

	field_claimant_particulars(c, &gender, birth, &derived);
	if (derived)
		dispute_notice(_("the ID number gives %s, born %s: check them (`dispute set "
		    "claimant.gender` and `claimant.birth_date` record them)"),
		    strcmp(gender, "male") == 0 ? _("male") : _("female"), birth);
}

/* Any court name is accepted, since the table cannot know every court, but one that is
 * not among the courts the case's addresses give is flagged: a complaint filed where the
 * court has no jurisdiction is turned away. */
static int
check_court(struct cmd_ctx *ctx, const char *name)
{
	const cJSON *court;
	cJSON *list;

	if (courts_for_case(&ctx->courts, &ctx->rules, ctx->c, ctx->today, &list) != DISPUTE_OK)
		return DISPUTE_FAILED;
	cJSON_ArrayForEach(court, cJSON_GetObjectItem(list, "courts"))
		if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(court, "court")), name) == 0)
			break;
	if (court == NULL)
		dispute_warning(_("%s is not among the courts `dispute court` lists for this case: "
		    "check that it has jurisdiction"), name);
	cJSON_Delete(list);
	return DISPUTE_OK;
}

static int
cmd_set_check(struct cmd_ctx *ctx)
{
	const int unset = args_has(ctx, OPT_UNSET);

	if (ctx->args.count != (unset ? 1 : 2))
		return cmd_usage_error(ctx, unset ? _("--unset takes one FIELD") :
		    _("expected FIELD VALUE"));
	if (field_find(ctx->args.list[0]) == NULL)
		return cmd_usage_error(ctx, _("unknown field \"%s\" (`dispute help set` lists "
		    "them)"), ctx->args.list[0]);
	if (!unset && strcmp(ctx->args.list[0], "case.court") == 0)
		ctx->needs |= CMD_RULES | CMD_COURTS;
	return DISPUTE_OK;
}

static int
cmd_set_exec(struct cmd_ctx *ctx)
{
	const int unset = args_has(ctx, OPT_UNSET);
	const struct field *field = field_find(ctx->args.list[0]);
	struct dispute_case *c = ctx->c;
	char *value = NULL;
	int status = DISPUTE_FAILED;

	if (!unset && field_normalize(field, ctx->args.list[1], ctx->today, &value) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (unset)
		case_unset(c, field->name);
	else if (case_set(c, field->name, value) != DISPUTE_OK)
		goto out;
	if (!unset && strcmp(field->name, "case.court") == 0 && check_court(ctx, value) != DISPUTE_OK)
		goto out;
	if (field_check_order_dates(c) != DISPUTE_OK || field_check_identity(c) != DISPUTE_OK ||
	    case_save(c) != DISPUTE_OK)
		goto out;
	if (unset)
		dispute_notice(_("%s cleared"), field->name);
	else if (strcmp(shown_value(field->name, value), value) != 0)
		dispute_notice(_("%s = %s (%s)"), field->name, value, shown_value(field->name, value));
	else
		dispute_notice("%s = %s", field->name, value);
	if (!unset && strcmp(field->name, "claimant.id_number") == 0)
		show_derived(c);
	status = DISPUTE_OK;
out:
	free(value);
	return status;
}

const struct cmd_entry cmd_set_entry = {
	.name = "set",
	.usage = "FIELD VALUE | --unset FIELD",
	.summary = N_("record a fact of the case (order, merchant, buyer, problem, demand)"),
	.details = N_(
	    "Dates are YYYY-MM-DD (2026/10/11 and 2026年10月11日 are read too) and not in the\n"
	    "future; amounts are yuan with at most two decimals; ID numbers and credit codes\n"
	    "are checked against their check digit. A choice may be typed by its Chinese\n"
	    "name (京东, 质量问题, 是 ...); the word is stored.\n"),
	.print_details = print_fields,
	.options = set_options,
	.min_args = 1,
	.max_args = 2,
	.needs = CMD_TODAY | CMD_CASE_WRITE,
	.check = cmd_set_check,
	.exec = cmd_set_exec,
};
