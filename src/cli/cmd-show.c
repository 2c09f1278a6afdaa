/* Prints the recorded facts: all of them, one field's value, or the whole record as JSON. */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/fields.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/report.h"

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
	printf("%s\n", value);
	return DISPUTE_OK;
}

static int
cmd_show_exec(struct cmd_ctx *ctx)
{
	struct dispute_case *c = NULL;
	const struct field *field = NULL, *f;
	int status = DISPUTE_FAILED;

	if (ctx->args.count == 1) {
		field = field_find(ctx->args.list[0]);
		if (field == NULL)
			return cmd_usage_error(ctx, _("unknown field \"%s\" (`dispute help set` "
			    "lists them)"), ctx->args.list[0]);
	}
	if (case_open(ctx->case_dir, CASE_READ, &c) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (field != NULL)
		status = show_field(ctx, c, field);
	else if (args_has(ctx, OPT_JSON))
		status = json_print(case_record(c));
	else {
		for (f = field_table; f->name != NULL; f++) {
			const char *value = case_get(c, f->name);

			printf("%-22s %s\n", f->name, value != NULL ? value : _("(not set)"));
		}
		status = DISPUTE_OK;
	}
	case_close(c);
	return status;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "[--json] [FIELD]",
	.summary = N_("print the recorded facts, or one field's value"),
	.options = show_options,
	.min_args = 0,
	.max_args = 1,
	.exec = cmd_show_exec,
};
