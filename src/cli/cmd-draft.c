/* Drafts the letter for a rung of the ladder, or the evidence list, from the case. A
 * draft whose facts are missing is not written; the missing facts are listed instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/clock.h"
#include "dispute/draft-view.h"
#include "dispute/drafts.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/rules.h"

static const struct cmd_option draft_options[] = {
	{ "to", OPT_TO, 1, "RECIPIENT",
	  N_("complaint: platform, 12315, consumer-association, court or social") },
	{ "output", 'o', 1, "FILE", N_("write to FILE instead of stdout") },
	{ "csv", OPT_CSV, 0, NULL, N_("evidence-list: CSV instead of text") },
	{ "json", OPT_JSON, 0, NULL, N_("evidence-list: JSON (schema dispute-evidence-list/1)") },
	{ "lang", OPT_LANG, 1, "LANG", N_("zh-CN or en (default: case.language, else zh-CN)") },
	{ "template", OPT_TEMPLATE, 1, "FILE", N_("render FILE instead of the shipped template") },
	{ NULL, 0, 0, NULL, NULL }
};

/* One CSV field (RFC 4180): quoted, with quotes doubled. */
static void
csv_field(FILE *out, const char *value, const char *end)
{
	fputc('"', out);
	for (; value != NULL && *value != '\0'; value++) {
		if (*value == '"')
			fputc('"', out);
		fputc(*value, out);
	}
	fprintf(out, "\"%s", end);
}

/* The evidence list as CSV, in the same numbering as every draft. */
static char *
evidence_csv(const cJSON *view, int english)
{
	const cJSON *item;
	char *text = NULL, number[16];
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (out == NULL)
		return NULL;
	fputs(english ? "No.,Evidence,Source,Purpose,File,SHA-256\r\n" :
	    "序号,证据名称,证据来源,证明目的,文件名,SHA-256\r\n", out);
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(view, "evidence")) {
		snprintf(number, sizeof number, "%d",
		    (int)cJSON_GetObjectItem(item, "number")->valuedouble);
		csv_field(out, number, ",");
		csv_field(out, cJSON_GetStringValue(cJSON_GetObjectItem(item, english ? "name_en" :
		    "name_zh")), ",");
		csv_field(out, cJSON_GetStringValue(cJSON_GetObjectItem(item, english ? "source_en" :
		    "source_zh")), ",");
		csv_field(out, cJSON_GetStringValue(cJSON_GetObjectItem(item, english ? "proves_en" :
		    "proves_zh")), ",");
		csv_field(out, cJSON_GetStringValue(cJSON_GetObjectItem(item, "file")), ",");
		csv_field(out, cJSON_GetStringValue(cJSON_GetObjectItem(item, "sha256")), "\r\n");
	}
	if (fclose(out) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* The evidence list as scripts want it: the same items and numbers as the drafts. */
static char *
evidence_json(const cJSON *view)
{
	cJSON *root = cJSON_CreateObject();
	char *text = NULL, *with_newline = NULL;

	if (root == NULL || cJSON_AddStringToObject(root, "schema", "dispute-evidence-list/1") ==
	    NULL)
		goto out;
	cJSON_AddItemReferenceToObject(root, "evidence", cJSON_GetObjectItem(view, "evidence"));
	text = cJSON_Print(root);
	if (text != NULL && asprintf(&with_newline, "%s\n", text) == -1)
		with_newline = NULL;
out:
	cJSON_free(text);
	cJSON_Delete(root);
	return with_newline;
}

static const struct draft_kind *
chosen_kind(struct cmd_ctx *ctx, int *status)
{
	const char *what = ctx->args.list[0];
	const struct draft_kind *kind = NULL;

	*status = DISPUTE_OK;
	if (strcmp(what, "complaint") == 0) {
		if (!args_has(ctx, OPT_TO))
			*status = cmd_usage_error(ctx, _("say who the complaint is to with --to"));
		else if ((kind = draft_kind_find(args_get(ctx, OPT_TO))) == NULL ||
		    strcmp(kind->name, "evidence-list") == 0) {
			kind = NULL;
			*status = cmd_usage_error(ctx, _("unknown recipient \"%s\""),
			    args_get(ctx, OPT_TO));
		}
	} else if (strcmp(what, "evidence-list") == 0)
		kind = draft_kind_find("evidence-list");
	else
		*status = cmd_usage_error(ctx, _("draft what? \"complaint\" or \"evidence-list\""));
	if (kind != NULL && args_has(ctx, OPT_CSV) && strcmp(kind->name, "evidence-list") != 0) {
		kind = NULL;
		*status = cmd_usage_error(ctx, _("--csv is for the evidence list"));
	}
	if (kind != NULL && args_has(ctx, OPT_JSON) &&
	    (strcmp(kind->name, "evidence-list") != 0 || args_has(ctx, OPT_CSV))) {
		kind = NULL;
		*status = cmd_usage_error(ctx,
		    _("--json is for the evidence list, instead of --csv"));
	}
	if (kind != NULL && args_has(ctx, OPT_CSV) && args_has(ctx, OPT_TEMPLATE)) {
		kind = NULL;
		*status = cmd_usage_error(ctx, _("--csv is not rendered from a template"));
	}
	return kind;
}

static int
emit(const char *output, const char *text)
{
	if (output == NULL) {
		fputs(text, stdout);
		return DISPUTE_OK;
	}
	if (fs_write_atomic(output, text, strlen(text), 0600, FS_REPLACE) != DISPUTE_OK)
		return DISPUTE_FAILED;
	dispute_notice(_("wrote %s"), output);
	return DISPUTE_OK;
}

static int
cmd_draft_exec(struct cmd_ctx *ctx)
{
	const struct draft_kind *kind;
	struct dispute_case *c = NULL;
	struct rules rules = { NULL, NULL };
	cJSON *view = NULL;
	char today[CLOCK_DATE_LEN], *text = NULL;
	const char *lang;
	int status;

	kind = chosen_kind(ctx, &status);
	if (kind == NULL)
		return status;
	status = DISPUTE_FAILED;
	if (clock_today(today) != DISPUTE_OK || case_open(ctx->case_dir, CASE_READ, &c) != DISPUTE_OK)
		goto out;
	lang = args_has(ctx, OPT_LANG) ? args_get(ctx, OPT_LANG) : draft_language(c);
	if (strcmp(lang, "zh-CN") != 0 && strcmp(lang, "en") != 0) {
		status = cmd_usage_error(ctx, _("--lang: \"%s\" is not zh-CN or en"), lang);
		goto out;
	}
	if (draft_require(kind, c) != DISPUTE_OK)
		goto out;
	draft_check_tone(c);
	if (rules_load_default(&rules) != DISPUTE_OK ||
	    draft_view_build(c, &rules, today, &view) != DISPUTE_OK)
		goto out;
	if (args_has(ctx, OPT_JSON)) {
		text = evidence_json(view);
		if (text == NULL) {
			dispute_error(_("out of memory"));
			goto out;
		}
	} else if (args_has(ctx, OPT_CSV)) {
		text = evidence_csv(view, strcmp(lang, "en") == 0);
		if (text == NULL) {
			dispute_error(_("out of memory"));
			goto out;
		}
	} else if (draft_render(kind, c, view, lang, args_get(ctx, OPT_TEMPLATE), &text) !=
	    DISPUTE_OK)
		goto out;
	status = emit(args_get(ctx, 'o'), text);
out:
	free(text);
	cJSON_Delete(view);
	rules_free(&rules);
	case_close(c);
	return status;
}

const struct cmd_entry cmd_draft_entry = {
	.name = "draft",
	.usage = "complaint --to RECIPIENT [-o FILE] [--lang LANG] [--template FILE] | "
	    "evidence-list [--csv | --json] [-o FILE]",
	.summary = N_("draft a complaint for a rung of the ladder, or the evidence list"),
	.details = N_("Recipients: platform, 12315, consumer-association, court (民事起诉状 with the\n"
	    "evidence list appended), social (a public post without your phone, ID number,\n"
	    "address or full order number). Missing facts are listed with the `dispute set`\n"
	    "line that fills each. Templates can be overridden in the case's templates/.\n"),
	.options = draft_options,
	.min_args = 1,
	.max_args = 1,
	.exec = cmd_draft_exec,
};
