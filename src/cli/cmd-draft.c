/* Drafts the letter for a rung of the ladder, or the evidence list, from the case. A
 * draft whose facts are missing is not written; the missing facts are listed instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/draft-view.h"
#include "dispute/drafts.h"
#include "dispute/evidence-book.h"
#include "dispute/evidence-list.h"
#include "dispute/exhibits.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/ladder.h"
#include "dispute/output.h"
#include "dispute/print.h"
#include "dispute/report.h"
#include "dispute/wording.h"

static const struct cmd_option draft_options[] = {
	{ "to", OPT_TO, 1, "RECIPIENT",
	  N_("complaint: platform, 12315, consumer-association, court or social") },
	{ "output", 'o', 1, "FILE", N_("write to FILE instead of stdout (\"-\": stdout; a pipe or "
	  "FIFO is written through)") },
	{ "csv", OPT_CSV, 0, NULL, N_("evidence-list: CSV instead of text") },
	{ "json", OPT_JSON, 0, NULL, N_("evidence-list: JSON (schema dispute-evidence-list/1)") },
	{ "pdf", OPT_PDF, 0, NULL, N_("an A4 PDF instead of text, to FILE given with -o, else to "
	  "the draft's dossier name (04-民事起诉状.pdf, ...) in the current folder") },
	{ "lang", OPT_LANG, 1, "LANG", N_("zh-CN or en (default: case.language, else zh-CN)") },
	{ "template", OPT_TEMPLATE, 1, "FILE", N_("render FILE instead of the shipped template") },
	{ "force", OPT_FORCE, 0, NULL,
	  N_("replace FILE given with -o if it exists; write a complaint the recipient would "
	     "refuse, with the reason inside it; for a resolved case's public post, an account "
	     "of the resolution") },
	{ NULL, 0, 0, NULL, NULL }
};

/* "identity-request, …", for messages. */
static const char *
letter_names(void)
{
	static char names[128];
	const struct draft_kind *k;
	size_t used = 0;

	names[0] = '\0';
	for (k = draft_letters; k->name != NULL && used < sizeof names; k++)
		used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
		    k == draft_letters ? "" : ", ", k->name);
	return names;
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
	} else if (strcmp(what, "evidence-list") == 0 || strcmp(what, "evidence-book") == 0) {
		/* The book needs what the list needs: it is the list with the evidence. */
		kind = draft_kind_find("evidence-list");
		if (strcmp(what, "evidence-book") == 0 && (args_has(ctx, OPT_CSV) ||
		    args_has(ctx, OPT_JSON) || args_has(ctx, OPT_TEMPLATE))) {
			kind = NULL;
			*status = cmd_usage_error(ctx, _("the evidence book is a PDF: not --csv, "
			    "--json or --template"));
		}
	}
	else if ((kind = draft_letter_find(what)) == NULL)
		*status = cmd_usage_error(ctx, _("draft what? \"complaint\", \"evidence-list\", "
		    "\"evidence-book\" or a letter: %s"), letter_names());
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
	if (kind != NULL && args_has(ctx, OPT_PDF) && (args_has(ctx, OPT_CSV) ||
	    args_has(ctx, OPT_JSON))) {
		kind = NULL;
		*status = cmd_usage_error(ctx, _("--pdf prints the text draft, not --csv or --json"));
	}
	if (kind != NULL && args_has(ctx, OPT_CSV) && args_has(ctx, OPT_TEMPLATE)) {
		kind = NULL;
		*status = cmd_usage_error(ctx, _("--csv is not rendered from a template"));
	}
	return kind;
}

/* The draft where -o says; as PDF, without -o, to its dossier name in the current
 * folder (a PDF on a terminal helps no one), renewed like pack's default name. */
static int
emit(struct cmd_ctx *ctx, const struct draft_kind *kind, const char *lang, const char *text)
{
	struct print_doc doc = { text, ctx->today, lang, NULL };
	char *name = NULL, *pdf = NULL;
	size_t len;
	int status = DISPUTE_FAILED;

	if (!args_has(ctx, OPT_PDF))
		return output_write_text(args_get(ctx, 'o'), case_dir(ctx->c),
		    args_has(ctx, OPT_FORCE), text, strlen(text));
	if ((name = draft_pdf_name(draft_document_name(kind, lang))) == NULL)
		goto out;
	doc.label = args_has(ctx, 'o') ? args_get(ctx, 'o') : name;
	if (print_pdf(&doc, &pdf, &len) != DISPUTE_OK)
		goto out;
	status = output_write_text(doc.label, case_dir(ctx->c),
	    args_has(ctx, OPT_FORCE) || !args_has(ctx, 'o'), pdf, len);
out:
	free(pdf);
	free(name);
	return status;
}

struct book_output {
	const struct dispute_case *c;
	const struct draft_view *view;
	const char *lang;
};

static int
fill_book(int fd, const char *name, void *ctx)
{
	const struct book_output *b = ctx;

	return evidence_book_print(b->c, b->view, b->lang, fd, name);
}

/* The evidence book where -o says; without -o, to evidence-book.pdf in the current
 * folder, renewed like the PDF drafts. */
static int
emit_book(struct cmd_ctx *ctx, const char *lang, const struct draft_view *view)
{
	struct book_output b = { ctx->c, view, lang };

	return output_write_with(args_has(ctx, 'o') ? args_get(ctx, 'o') : EVIDENCE_BOOK_NAME,
	    case_dir(ctx->c), args_has(ctx, OPT_FORCE) || !args_has(ctx, 'o'), fill_book, &b);
}

static int
cmd_draft_check(struct cmd_ctx *ctx)
{
	int status;

	chosen_kind(ctx, &status);
	return status;
}

/* A Chinese draft prints the buyer's words as written: say how many are English. */
static int
warn_english(const struct dispute_case *c)
{
	cJSON *list = cJSON_CreateArray();
	int status = list != NULL ? wording_english_texts(c, list) : DISPUTE_FAILED;

	if (list == NULL)
		dispute_error(_("out of memory"));
	else if (status == DISPUTE_OK && cJSON_GetArraySize(list) > 0)
		dispute_warning(ngettext("the Chinese draft prints %d text of the buyer's as "
		    "written, in English; `dispute status` lists it", "the Chinese draft prints %d "
		    "texts of the buyer's as written, in English; `dispute status` lists them",
		    (unsigned long)cJSON_GetArraySize(list)), cJSON_GetArraySize(list));
	cJSON_Delete(list);
	return status;
}

static int
cmd_draft_exec(struct cmd_ctx *ctx)
{
	const struct draft_kind *kind;
	struct draft_view *view = NULL;
	char *text = NULL, *reason = NULL;
	const char *lang;
	int status;

	kind = chosen_kind(ctx, &status);
	lang = args_has(ctx, OPT_LANG) ? args_get(ctx, OPT_LANG) : draft_language(ctx->c);
	if (strcmp(lang, "zh-CN") != 0 && strcmp(lang, "en") != 0)
		return cmd_usage_error(ctx, _("--lang: \"%s\" is not zh-CN or en"), lang);
	if (draft_require(kind, ctx->c) != DISPUTE_OK)
		return DISPUTE_FAILED;
	draft_check_tone(ctx->c);
	if (strcmp(lang, "zh-CN") == 0 && warn_english(ctx->c) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (strcmp(lang, "en") == 0 && strcmp(kind->name, "social") != 0)
		dispute_notice(_("this English draft is for reading: Chinese authorities and courts "
		    "take the Chinese one (`--lang zh-CN`), which the dossier always carries"));
	status = DISPUTE_FAILED;
	reason = ladder_obstacle(ctx->c, &ctx->rules, ctx->today, kind->name, !i18n_chinese());
	if (reason != NULL && !args_has(ctx, OPT_FORCE)) {
		dispute_error(_("case.json: %s; nothing was written (see --force)"), reason);
		goto out;
	}
	if (draft_view_build(ctx->c, &ctx->rules, ctx->today, &view) != DISPUTE_OK)
		goto out;
	/* A name read from the buyer's own note may be read wrong: say where it came from. */
	if (strcmp(kind->name, "consumer-association") == 0 &&
	    cJSON_IsTrue(cJSON_GetObjectItem(view->json, "association_derived")))
		dispute_notice(_("addressed to %s, as the logged contact names it; `dispute set "
		    "case.association NAME` addresses it otherwise"),
		    cJSON_GetStringValue(cJSON_GetObjectItem(view->json, "association")));
	/* Forced: the draft carries the reason in its own language, for whoever reads it. */
	if (reason != NULL) {
		char *inside = ladder_obstacle(ctx->c, &ctx->rules, ctx->today, kind->name,
		    strcmp(lang, "en") == 0);

		if (inside == NULL || cJSON_AddStringToObject(view->json, "warning", inside) == NULL) {
			free(inside);
			dispute_error(_("out of memory"));
			goto out;
		}
		free(inside);
		dispute_warning(_("%s; written anyway (--force)"), reason);
	}
	/* The list, alone or ending the court complaint, cites the pages of the book, laid
	 * out here as the book will be. */
	if ((strcmp(kind->name, "evidence-list") == 0 || strcmp(kind->name, "court") == 0) &&
	    evidence_book_number(ctx->c, view, lang) != DISPUTE_OK)
		goto out;
	if (strcmp(ctx->args.list[0], "evidence-book") == 0)
		status = emit_book(ctx, lang, view);
	else if (args_has(ctx, OPT_JSON))
		status = evidence_list_json(view, &text);
	else if (args_has(ctx, OPT_CSV))
		status = evidence_list_csv(view, strcmp(lang, "en") == 0, &text);
	else
		status = draft_render(kind, ctx->c, view, lang, args_get(ctx, OPT_TEMPLATE), &text);
	if (status == DISPUTE_OK && text != NULL)
		status = emit(ctx, kind, lang, text);
	/* The draft cites the exhibit numbers: from now on they stay. */
	if (status == DISPUTE_OK)
		exhibits_fix_or_warn(ctx->c, "draft");
out:
	free(reason);
	free(text);
	draft_view_free(view);
	return status;
}

const struct cmd_entry cmd_draft_entry = {
	.name = "draft",
	.usage = "complaint --to RECIPIENT [--pdf] [-o FILE] [--force] [--lang LANG] "
	    "[--template FILE] | evidence-list [--csv | --json | --pdf] [-o FILE [--force]] | "
	    "evidence-book [-o FILE [--force]] [--lang LANG] | "
	    "identity-request|settlement [--pdf] [-o FILE [--force]] [--lang LANG]",
	.summary = N_("draft a complaint for a rung of the ladder, the evidence list or the "
	    "evidence book"),
	.details = N_("Recipients: platform, 12315, consumer-association, court (民事起诉状 with the\n"
	    "evidence list appended), social (a public post without your phone, ID number,\n"
	    "address or full order number). Missing facts are listed with the `dispute set`\n"
	    "line that fills each. Templates can be overridden in the case's templates/.\n"
	    "Letters: identity-request (asks the platform for the seller's real name,\n"
	    "address and contact, which 12315 and a court need), settlement (an offer to\n"
	    "settle; once an agreement is logged, a 和解协议 draft of it).\n"
	    "evidence-book: the PDF to print or upload (证据材料): a cover, the evidence\n"
	    "list with each item's pages (页数, 页码), then every item from a page of its\n"
	    "own: photos at full resolution, a PDF's pages, a chat log's numbered lines.\n"),
	.options = draft_options,
	.min_args = 1,
	.max_args = 1,
	.needs = CMD_TODAY | CMD_CASE_WRITE | CMD_RULES,
	.check = cmd_draft_check,
	.exec = cmd_draft_exec,
};
