/* Summarises the case: which facts are recorded, the evidence by kind, the timeline. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/checklist.h"
#include "dispute/draft-view.h"
#include "dispute/evidence.h"
#include "dispute/i18n.h"
#include "dispute/ics.h"
#include "dispute/output.h"
#include "dispute/report.h"
#include "dispute/summary.h"
#include "json-output.h"
#include "procedure-output.h"
#include "print-line.h"

static const struct cmd_option status_options[] = {
	{ "json", OPT_JSON, 0, NULL, N_("print the summary as JSON") },
	{ "ics", OPT_ICS, 0, NULL,
	  N_("write the deadlines as an iCalendar file instead (reminders 1 and 3 days "
	     "before), to stdout or -o FILE") },
	{ "output", 'o', 1, "FILE", N_("with --ics: write the calendar to FILE") },
	{ "force", OPT_FORCE, 0, NULL, N_("with -o: replace FILE if it exists") },
	{ "checklist", OPT_CHECKLIST, 0, NULL,
	  N_("also list what to capture now (order page, product page, chat, delivery, "
	     "licence, live replay), ticked by the evidence already in the case") },
	{ NULL, 0, 0, NULL, NULL }
};


/* NULL-safe: "" for an absent member, so printing needs no checks. */
static const char *
member(const cJSON *item, const char *name)
{
	const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));

	return value != NULL ? value : "";
}

/* What ITEM's file states of its making, and how it was obtained, after its line:
 * "  taken 2026-10-11T19:50:12+08:00, 62.0 s long, by screen recording". */
static void
origin_line(const cJSON *item, char *out, size_t len)
{
	const cJSON *ms = cJSON_GetObjectItem(cJSON_GetObjectItem(item, "media"), "duration_ms");
	const char *method = member(cJSON_GetObjectItem(item, "capture"), "method");
	/* TRANSLATORS: between the parts of an item's time and origin in status. */
	const char *comma = _(", ");
	size_t n = 0;

	out[0] = '\0';
	if (member(item, "captured")[0] != '\0')
		n += (size_t)snprintf(out, len, _("  taken %s%s"), member(item, "captured"),
		    member(item, "captured_offset"));
	if (cJSON_IsNumber(ms) && n < len)
		n += (size_t)snprintf(out + n, len - n, _("%s%.1f s long"), n > 0 ? comma : "  ",
		    ms->valuedouble / 1000);
	if (method[0] != '\0' && n < len)
		snprintf(out + n, len - n, _("%sby %s"), n > 0 ? comma : "  ",
		    evidence_method_name(method));
}

static void
print_ladder(const cJSON *ladder)
{
	const cJSON *item, *next = cJSON_GetObjectItem(ladder, "next_step");
	const cJSON *seller = cJSON_GetObjectItem(ladder, "seller");
	int first = 1;

	fputs(_("ladder: "), stdout);
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(ladder, "rungs")) {
		printf("%s%s%s", first ? "" : " → ", member(item, "zh"),
		    strcmp(member(item, "name"), member(ladder, "reached")) == 0 ?
		    _(" [here]") : "");
		first = 0;
	}
	printf("\n%s",
	    cJSON_IsTrue(cJSON_GetObjectItem(ladder, "resolved")) ? _("resolved\n") : "");
	/* Who the seller is matters while the case is open. */
	if (!cJSON_IsTrue(cJSON_GetObjectItem(seller, "identified")) &&
	    !cJSON_IsTrue(cJSON_GetObjectItem(ladder, "resolved"))) {
		fputs(_("seller not identified: 12315 and the court are blocked until these are "
		    "recorded:"), stdout);
		cJSON_ArrayForEach(item, cJSON_GetObjectItem(seller, "missing"))
			printf(" %s", item->valuestring);
		printf("\n");
	}
	if (member(ladder, "route_note")[0] != '\0')
		printf(_("route: %s\n"), member(ladder, "route_note"));
	if (cJSON_GetObjectItem(ladder, "mediation_note") != NULL)
		printf(_("mediation: %s / %s\n"),
		    member(cJSON_GetObjectItem(ladder, "mediation_note"), "zh"),
		    member(cJSON_GetObjectItem(ladder, "mediation_note"), "en"));
	printf(_("next step: %s / %s\n"), member(next, "zh"), member(next, "en"));
	if (member(next, "command")[0] != '\0')
		printf("  %s\n", member(next, "command"));
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(ladder, "missing_for_next_step"))
		printf(_("  missing: %s / %s  (%s)\n"), member(item, "zh"), member(item, "en"),
		    member(item, "command"));
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(ladder, "deadlines")) {
		printf(_("deadline %s: %s / %s (from %s; %s%s)%s%s\n"), member(item, "date"),
		    member(item, "zh"), member(item, "en"), member(item, "counted_from"),
		    member(item, "law"), member(item, "article"),
		    cJSON_IsTrue(cJSON_GetObjectItem(item, "confirmed")) ? "" :
		    _("  [check the current official text]"),
		    cJSON_IsTrue(cJSON_GetObjectItem(item, "passed")) ? _("  [passed]") : "");
		if (member(item, "note")[0] != '\0')
			printf(_("  note: %s\n"), member(item, "note"));
	}
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(ladder, "holiday_years_missing"))
		printf(_("holidays: the table has no year %d, so deadlines in it skip weekends only; "
		    "add the year to rules/holidays-cn.json or the case's holidays.json when the "
		    "State Council publishes it\n"), (int)item->valuedouble);
	printf("\n");
}

/* The facts, the evidence and the timeline come from case.json, whose names and texts
 * came from the buyer's files or from whoever sent the case: each line is printed
 * through print_line(). */
static int
print_human(const cJSON *summary)
{
	const cJSON *item, *facts = cJSON_GetObjectItem(summary, "facts");
	const cJSON *evidence = cJSON_GetObjectItem(summary, "evidence");
	const cJSON *timeline = cJSON_GetObjectItem(summary, "timeline");
	const cJSON *missing = cJSON_GetObjectItem(summary, "missing_facts");
	int status = DISPUTE_OK;

	print_ladder(cJSON_GetObjectItem(summary, "ladder"));
	printf(_("facts: %d recorded, %d not yet\n"), cJSON_GetArraySize(facts),
	    cJSON_GetArraySize(missing));
	cJSON_ArrayForEach(item, facts)
		status |= print_line("  %-22s %s", item->string, item->valuestring);
	if (cJSON_GetArraySize(missing) > 0) {
		fputs(_("  not yet recorded:"), stdout);
		cJSON_ArrayForEach(item, missing)
			printf(" %s", item->valuestring);
		printf("\n");
	}
	printf(_("\nevidence: %d item(s)"), cJSON_GetArraySize(evidence));
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(summary, "evidence_by_kind"))
		if (item->valuedouble > 0)
			printf(", %s %d", item->string, (int)item->valuedouble);
	printf("\n");
	cJSON_ArrayForEach(item, evidence) {
		char *listed = NULL, taken[256];

		if (asprintf(&listed, _("  %-4s %-20s %-28s %12.0f bytes  %s  %s"),
		    member(item, "id"), member(item, "kind"), member(item, "file"),
		    cJSON_GetObjectItem(item, "size")->valuedouble, member(item, "mime"),
		    member(item, "original_name")) == -1) {
			dispute_error(_("out of memory"));
			return DISPUTE_FAILED;
		}
		origin_line(item, taken, sizeof taken);
		status |= print_line("%s%s", listed, taken);
		free(listed);
	}
	printf(_("\ntimeline: %d contact(s)\n"), cJSON_GetArraySize(timeline));
	cJSON_ArrayForEach(item, timeline)
		status |= print_line("  %s  %-20s %-11s %s%s%s%s", member(item, "date"),
		    member(item, "channel"), member(item, "outcome"), member(item, "text"),
		    member(item, "ref")[0] != '\0' ? " [" : "", member(item, "ref"),
		    member(item, "ref")[0] != '\0' ? "]" : "");
	if (cJSON_GetObjectItem(summary, "procedure") != NULL) {
		putchar('\n');
		procedure_print(cJSON_GetObjectItem(summary, "procedure"));
	}
	return status;
}

/* The procedure the claim would go to, added to SUMMARY once the claim can be computed. */
static int
add_procedure(struct cmd_ctx *ctx, cJSON *summary)
{
	cJSON *view = NULL, *procedure = NULL;
	const char *total;
	int status = DISPUTE_FAILED;

	if (case_get(ctx->c, "order.amount") == NULL || case_get(ctx->c, "order.date") == NULL)
		return DISPUTE_OK;
	if (draft_view_build(ctx->c, &ctx->rules, ctx->today, &view) != DISPUTE_OK)
		return DISPUTE_FAILED;
	total = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(view, "claim"),
	    "total"));
	if (total != NULL && procedure_for_case(ctx, total, &procedure) != DISPUTE_OK)
		goto out;
	if (procedure != NULL)
		cJSON_AddItemToObject(summary, "procedure", procedure);
	status = DISPUTE_OK;
out:
	cJSON_Delete(view);
	return status;
}

/* The capture checklist, after the summary. */
static void
print_checklist(const cJSON *list)
{
	const cJSON *item;

	printf(_("\ncapture now, before the shop or the platform changes it:\n"));
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(list, "items")) {
		int done = cJSON_IsTrue(cJSON_GetObjectItem(item, "done"));

		printf("  [%s] %s / %s", done ? "x" : " ", member(item, "zh"), member(item, "en"));
		if (!done)
			printf("  (%s)", member(item, "command"));
		printf("\n");
	}
	if (member(list, "licence_zh")[0] != '\0')
		printf(_("  the licence on this platform: %s / %s\n    source: %s\n"),
		    member(list, "licence_zh"), member(list, "licence_en"), member(list, "source"));
	else
		printf(_("  where this platform shows the licence: not known; look for 营业执照 or "
		    "店铺资质 on the shop page\n"));
	if (cJSON_IsNumber(cJSON_GetObjectItem(list, "escalation_window_days")))
		printf(_("  the platform's escalation window: %d days\n"),
		    (int)cJSON_GetObjectItem(list, "escalation_window_days")->valuedouble);
	else
		printf(_("  the platform's own escalation window: not known (no source confirmed "
		    "it); act early and keep the after-sales record\n"));
	printf("  %s\n  %s\n", member(list, "lookup_zh"), member(list, "lookup_en"));
}

static int
cmd_status_check(struct cmd_ctx *ctx)
{
	if (args_has(ctx, 'o') && !args_has(ctx, OPT_ICS))
		return cmd_usage_error(ctx, _("-o is for the calendar of --ics"));
	if (args_has(ctx, OPT_FORCE) && !args_has(ctx, 'o'))
		return cmd_usage_error(ctx, _("--force is for replacing the file of -o"));
	if (args_has(ctx, OPT_ICS) && (args_has(ctx, OPT_JSON) || args_has(ctx, OPT_CHECKLIST)))
		return cmd_usage_error(ctx, _("--ics writes the calendar alone, without --json "
		    "or --checklist"));
	return DISPUTE_OK;
}

/* The calendar of the deadlines, to stdout or to the file of -o (written whole or not
 * at all). */
static int
write_ics(struct cmd_ctx *ctx, const cJSON *summary)
{
	char *text = NULL;
	size_t len;
	int status;

	if (ics_build(ctx->c, cJSON_GetObjectItem(summary, "ladder"), ctx->today, &text, &len) !=
	    DISPUTE_OK)
		return DISPUTE_FAILED;
	status = output_write_text(args_get(ctx, 'o'), case_dir(ctx->c), args_has(ctx, OPT_FORCE),
	    text, len);
	free(text);
	return status;
}

static int
cmd_status_exec(struct cmd_ctx *ctx)
{
	cJSON *summary = NULL, *list = NULL;
	int status;

	if (summary_build(ctx->c, &ctx->rules, &ctx->holidays, ctx->today, &summary) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (add_procedure(ctx, summary) != DISPUTE_OK) {
		cJSON_Delete(summary);
		return DISPUTE_FAILED;
	}
	if (args_has(ctx, OPT_CHECKLIST)) {
		if (checklist_build(ctx->c, &list) != DISPUTE_OK) {
			cJSON_Delete(summary);
			return DISPUTE_FAILED;
		}
		if (!cJSON_AddItemToObject(summary, "checklist", list)) {
			cJSON_Delete(list);
			cJSON_Delete(summary);
			dispute_error(_("out of memory"));
			return DISPUTE_FAILED;
		}
	}
	if (args_has(ctx, OPT_ICS))
		status = write_ics(ctx, summary);
	else if (args_has(ctx, OPT_JSON))
		status = json_print(summary);
	else {
		status = print_human(summary);
		if (list != NULL)
			print_checklist(list);
	}
	cJSON_Delete(summary);
	return status;
}

const struct cmd_entry cmd_status_entry = {
	.name = "status",
	.usage = "[--json] [--checklist] | --ics [-o FILE [--force]]",
	.summary = N_("show where the case stands: the ladder, the next step and its deadline, "
	    "facts, evidence, timeline"),
	.options = status_options,
	.min_args = 0,
	.max_args = 0,
	.needs = CMD_TODAY | CMD_CASE_READ | CMD_RULES | CMD_HOLIDAYS | CMD_COURTS | CMD_WAGES,
	.check = cmd_status_check,
	.exec = cmd_status_exec,
};
