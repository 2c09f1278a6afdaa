/* Renders any template against a JSON file or the case, so that a user can preview a
 * template of their own before a draft uses it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/datadir.h"
#include "dispute/draft-view.h"
#include "dispute/drafts.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/report.h"
#include "dispute/template.h"

/* Data files for templates are small; anything larger is not what the user meant. */
#define RENDER_DATA_MAX (16u * 1024 * 1024)

static const struct cmd_option render_options[] = {
	{ "escape", OPT_ESCAPE, 1, "html|none",
	  N_("HTML-escape {{name}} or not (default: only for *.html.mustache)") },
	{ NULL, 0, 0, NULL, NULL }
};

static int
parse_escape(const struct cmd_ctx *ctx, enum template_escape *escape)
{
	const char *arg = args_get(ctx, OPT_ESCAPE);

	*escape = TEMPLATE_ESCAPE_BY_NAME;
	if (arg == NULL)
		return DISPUTE_OK;
	if (strcmp(arg, "html") == 0)
		*escape = TEMPLATE_ESCAPE_HTML;
	else if (strcmp(arg, "none") == 0)
		*escape = TEMPLATE_ESCAPE_NONE;
	else
		return cmd_usage_error(ctx, _("--escape takes html or none"));
	return DISPUTE_OK;
}

/* With a data file, the case is not needed: a template can be previewed anywhere. */
static int
cmd_render_check(struct cmd_ctx *ctx)
{
	enum template_escape escape;

	if (ctx->args.count == 2)
		ctx->needs = 0;
	return parse_escape(ctx, &escape);
}

/* The case's view when no data file is given; also tells which language's partials
 * back up the template's own folder. */
static int
case_view(const struct cmd_ctx *ctx, struct draft_view **view, char **fallback)
{
	char rel[64];

	snprintf(rel, sizeof rel, "templates/%s", draft_language(ctx->c));
	*fallback = datadir_find(rel);
	if (*fallback == NULL)
		return DISPUTE_FAILED;
	return draft_view_build(ctx->c, &ctx->rules, ctx->today, view);
}

static int
cmd_render_exec(struct cmd_ctx *ctx)
{
	enum template_escape escape;
	struct template_data data = { NULL, NULL, 0 };
	struct draft_view *view = NULL;
	cJSON *json = NULL;
	char *fallback = NULL, *text = NULL;
	int status;

	parse_escape(ctx, &escape);
	if (ctx->args.count == 2) {
		status = json_read_file(ctx->args.list[1], RENDER_DATA_MAX, &json);
		data.json = json;
	} else if ((status = case_view(ctx, &view, &fallback)) == DISPUTE_OK) {
		data = view->data;
	}
	if (status == DISPUTE_OK)
		status = template_render_file(ctx->args.list[0], fallback, &data, escape, &text);
	if (status == DISPUTE_OK)
		fputs(text, stdout);
	free(text);
	free(fallback);
	cJSON_Delete(json);
	draft_view_free(view);
	return status;
}

const struct cmd_entry cmd_render_entry = {
	.name = "render",
	.usage = "[--escape html|none] TEMPLATE [DATA.json]",
	.summary = N_("render a Mustache template against a JSON file, or the case, to stdout"),
	.details = N_(
	    "Partials {{> name}} are read from name.mustache next to TEMPLATE. A template\n"
	    "that does not parse is reported with file, line and column; nothing is printed.\n"),
	.options = render_options,
	.min_args = 1,
	.max_args = 2,
	.needs = CMD_TODAY | CMD_CASE_READ | CMD_RULES,
	.check = cmd_render_check,
	.exec = cmd_render_exec,
};
