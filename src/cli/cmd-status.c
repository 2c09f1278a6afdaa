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
#include "dispute/facts-needed.h"
#include "dispute/i18n.h"
#include "dispute/ics.h"
#include "dispute/output.h"
#include "dispute/report.h"
#include "dispute/summary.h"
#include "dispute/wording.h"
#include "json-output.h"
#include "language.h"
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
 * "  taken 2026-10-11T19:50:12+08:00, 62.0 s long, by screen recording", its parts
 * separated by COMMA. */
static void
origin_line(const cJSON *item, const char *comma, char *out, size_t len)
{
	const cJSON *ms = cJSON_GetObjectItem(cJSON_GetObjectItem(item, "media"), "duration_ms");
	const char *method = member(cJSON_GetObjectItem(item, "capture"), "method");
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
		printf("%s%s%s", first ? "" : " → ", shown_member(item, "zh", "en"),
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
		printf(_("route: %s\n"), shown_member(ladder, "route_note", "route_note_en"));
	if (cJSON_GetObjectItem(ladder, "mediation_note") != NULL)
		printf(_("mediation: %s\n"),
		    shown_member(cJSON_GetObjectItem(ladder, "mediation_note"), "zh", "en"));
	printf(_("next step: %s\n"), shown_member(next, "zh", "en"));
	if (member(next, "command")[0] != '\0')
		printf("  %s\n", member(next, "command"));
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(ladder, "missing_for_next_step"))
		printf(_("  missing: %s  (%s)\n"), shown_member(item, "zh", "en"),
		    member(item, "command"));
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(ladder, "deadlines")) {
		printf(_("deadline %s: %s (from %s; %s%s)%s%s\n"), member(item, "date"),
		    shown_member(item, "zh", "en"), member(item, "counted_from"),
		    member(item, "law"), member(item, "article"),
		    cJSON_IsTrue(cJSON_GetObjectItem(item, "confirmed")) ? "" :
		    _("  [check the current official text]"),
		    cJSON_IsTrue(cJSON_GetObjectItem(item, "passed")) ? _("  [passed]") : "");
		if (member(item, "note")[0] != '\0')
			printf(_("  note: %s\n"), shown_member(item, "note_zh", "note"));
	}
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(ladder, "holiday_years_missing"))
		printf(_("holidays: the table has no year %d, so deadlines in it skip weekends only; "
		    "add the year to rules/holidays-cn.json or the case's holidays.json when the "
		    "State Council publishes it\n"), (int)item->valuedouble);
	printf("\n");
}

/* LABEL and the field names of NAMES on one line, when there are any. */
static void
print_names(const char *label, const cJSON *names)
{
	const cJSON *item;

	if (cJSON_GetArraySize(names) == 0)
		return;
	fputs(label, stdout);
	cJSON_ArrayForEach(item, names)
		printf(" %s", item->valuestring);
	printf("\n");
}

/* Chinese authorities and courts get the Chinese documents, which print the buyer's
 * words as written: an English text there needs a Chinese wording first. */
static int
print_english_texts(const cJSON *list)
{
	const cJSON *item;
	int status = DISPUTE_OK;

	if (cJSON_GetArraySize(list) == 0)
		return DISPUTE_OK;
	printf(_("\nwarning: the Chinese complaints and court papers print these words as "
	    "written, in English; give them a Chinese wording before filing:\n"));
	cJSON_ArrayForEach(item, list) {
		const char *where = member(item, "where");

		if (strcmp(where, "timeline") == 0)
			status |= print_line(_("  the timeline entry of %s: %s"), member(item, "date"),
			    member(item, "text"));
		else if (strcmp(where, "evidence") == 0)
			status |= print_line(_("  evidence %s: %s"), member(item, "id"),
			    member(item, "text"));
		else
			status |= print_line("  %s: %s", where, member(item, "text"));
	}
	return status;
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
	const cJSON *now = cJSON_GetObjectItem(summary, "facts_needed_now");
	const cJSON *court = cJSON_GetObjectItem(summary, "facts_needed_for_court");
	const char *comma, *last_kind = NULL;
	char channel[128], outcome[128], kind[128];
	int status = DISPUTE_OK, optional;

	print_ladder(cJSON_GetObjectItem(summary, "ladder"));
	printf(_("facts: %d recorded; needed now: %d, for a lawsuit: %d\n"),
	    cJSON_GetArraySize(facts), cJSON_GetArraySize(now), cJSON_GetArraySize(court));
	cJSON_ArrayForEach(item, facts)
		status |= print_line("  %-22s %s", item->string,
		    shown_value(item->string, item->valuestring));
	print_names(_("  needed now:"), now);
	print_names(_("  needed for a lawsuit:"), court);
	optional = cJSON_GetArraySize(missing) - cJSON_GetArraySize(now) -
	    cJSON_GetArraySize(court);
	if (optional > 0)
		printf(_("  %d other facts, to record where they apply (`dispute show` lists "
		    "them)\n"), optional);
	printf(_("\nevidence: %d item(s)"), cJSON_GetArraySize(evidence));
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(summary, "evidence_by_kind"))
		if (item->valuedouble > 0)
			printf(_(", %s %d"), shown_kind(item->string), (int)item->valuedouble);
	printf("\n");
	/* TRANSLATORS: between the parts of an item's time and origin in status. */
	comma = _(", ");
	/* The separator is translated once, and the kind padded once for each run of items
	 * of one kind, rather than for each of a case's thousands of items. */
	cJSON_ArrayForEach(item, evidence) {
		char taken[256];

		if (last_kind == NULL || strcmp(member(item, "kind"), last_kind) != 0) {
			last_kind = member(item, "kind");
			shown_padded(shown_kind(last_kind), 20, kind, sizeof kind);
		}
		origin_line(item, comma, taken, sizeof taken);
		/* TRANSLATORS: an evidence item in status: number, kind, file, size, type,
		 * original name, and what its file states of its making. */
		status |= print_line(_("  %-4s %s %-28s %12.0f bytes  %s  %s%s"), member(item, "id"),
		    kind, member(item, "file"), cJSON_GetObjectItem(item, "size")->valuedouble,
		    member(item, "mime"), member(item, "original_name"), taken);
	}
	printf(_("\ntimeline: %d contact(s)\n"), cJSON_GetArraySize(timeline));
	cJSON_ArrayForEach(item, timeline)
		status |= print_line("  %s  %s %s %s%s%s%s", member(item, "date"),
		    shown_padded(shown_word("channel", member(item, "channel")), 20, channel,
		    sizeof channel),
		    shown_padded(shown_word("outcome", member(item, "outcome")), 11, outcome,
		    sizeof outcome), member(item, "text"),
		    member(item, "ref")[0] != '\0' ? " [" : "", member(item, "ref"),
		    member(item, "ref")[0] != '\0' ? "]" : "");
	status |= print_english_texts(cJSON_GetObjectItem(summary, "english_texts"));
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
	struct draft_view *view = NULL;
	cJSON *procedure = NULL;
	const char *total;
	int status = DISPUTE_FAILED;

	if (case_get(ctx->c, "order.amount") == NULL || case_get(ctx->c, "order.date") == NULL)
		return DISPUTE_OK;
	if (draft_view_build(ctx->c, &ctx->rules, ctx->today, &view) != DISPUTE_OK)
		return DISPUTE_FAILED;
	total = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(view->json, "claim"),
	    "total"));
	if (total != NULL && procedure_for_case(ctx, total, &procedure) != DISPUTE_OK)
		goto out;
	if (procedure != NULL)
		cJSON_AddItemToObject(summary, "procedure", procedure);
	status = DISPUTE_OK;
out:
	draft_view_free(view);
	return status;
}

/* The unrecorded facts the case needs, before a lawsuit and for it, on the route the
 * ladder has taken (12315 unless the consumer association was chosen). */
static int
add_facts_needed(const struct cmd_ctx *ctx, cJSON *summary)
{
	const char *route = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(summary,
	    "ladder"), "authority_route"));
	cJSON *now = cJSON_AddArrayToObject(summary, "facts_needed_now");
	cJSON *court = cJSON_AddArrayToObject(summary, "facts_needed_for_court");

	if (now == NULL || court == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return facts_needed(ctx->c, route != NULL ? route : "12315", now, court);
}

/* The buyer's texts that the Chinese documents would print in English. */
static int
add_english_texts(const struct cmd_ctx *ctx, cJSON *summary)
{
	cJSON *list = cJSON_AddArrayToObject(summary, "english_texts");

	if (list == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return wording_english_texts(ctx->c, list);
}

/* The capture checklist, after the summary. */
static void
print_checklist(const cJSON *list)
{
	const cJSON *item;

	printf(_("\ncapture now, before the shop or the platform changes it:\n"));
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(list, "items")) {
		int done = cJSON_IsTrue(cJSON_GetObjectItem(item, "done"));

		printf("  [%s] %s", done ? "x" : " ", shown_member(item, "zh", "en"));
		if (!done)
			printf("  (%s)", member(item, "command"));
		printf("\n");
	}
	if (member(list, "licence_zh")[0] != '\0')
		printf(_("  the licence on this platform: %s\n    source: %s\n"),
		    shown_member(list, "licence_zh", "licence_en"), member(list, "source"));
	else
		printf(_("  where this platform shows the licence: not known; look for 营业执照 or "
		    "店铺资质 on the shop page\n"));
	if (cJSON_IsNumber(cJSON_GetObjectItem(list, "escalation_window_days")))
		printf(_("  the platform's escalation window: %d days\n"),
		    (int)cJSON_GetObjectItem(list, "escalation_window_days")->valuedouble);
	else
		printf(_("  the platform's own escalation window: not known (no source confirmed "
		    "it); act early and keep the after-sales record\n"));
	printf("  %s\n", shown_member(list, "lookup_zh", "lookup_en"));
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
	if (add_facts_needed(ctx, summary) != DISPUTE_OK ||
	    add_english_texts(ctx, summary) != DISPUTE_OK ||
	    add_procedure(ctx, summary) != DISPUTE_OK) {
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
