/* Prints the recorded facts: all of them, one field's value, or the whole record as JSON. */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/fields.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "json-output.h"
#include "language.h"
#include "print-line.h"

static const struct cmd_option show_options[] = {
	{ "json", OPT_JSON, 0, NULL,
	  N_("print JSON: the whole case record, or the field's value") },
	{ NULL, 0, 0, NULL, NULL }
};

static int
show_field(const struct cmd_ctx *ctx, const struct dispute_case *c, const struct field *field)
{
	const char *value = case_get(c, field->name);
	cJSON *json;
	int status;

	if (args_has(ctx, OPT_JSON)) {
		json = value != NULL ? cJSON_CreateString(value) : cJSON_CreateNull();
		status = json != NULL ? json_print(json) : DISPUTE_FAILED;
		cJSON_Delete(json);
		return status;
	}
	if (value == NULL) {
		dispute_error(_("%s: not set"), field->name);
		return DISPUTE_FAILED;
	}
	/* Alone on the output, a multi-line fact keeps its lines. */
	return print_escaped(value, 1);
}

static int
cmd_show_check(struct cmd_ctx *ctx)
{
	if (ctx->args.count == 1 && field_find(ctx->args.list[0]) == NULL)
		return cmd_usage_error(ctx, _("unknown field \"%s\" (`dispute help set` "
		    "lists them)"), ctx->args.list[0]);
	return DISPUTE_OK;
}

static int
cmd_show_exec(struct cmd_ctx *ctx)
{
	const struct field *f;

	if (ctx->args.count == 1)
		return show_field(ctx, ctx->c, field_find(ctx->args.list[0]));
	if (args_has(ctx, OPT_JSON))
		return json_print(case_record(ctx->c));
	/* One line per field: a case.json from someone else may hold anything. A choice
	 * is shown by its name in the interface's language; `show FIELD` and --json give
	 * the stored word. */
	for (f = field_table; f->name != NULL; f++) {
		const char *value = case_get(ctx->c, f->name);

		if (print_line("%-22s %s", f->name, value != NULL ? shown_value(f->name, value) :
		    _("(not set)")) !=
		    DISPUTE_OK)
			return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "[--json] [FIELD]",
	.summary = N_("print the recorded facts, or one field's value"),
	.options = show_options,
	.min_args = 0,
	.max_args = 1,
	.needs = CMD_CASE_READ,
	.check = cmd_show_check,
	.exec = cmd_show_exec,
};
