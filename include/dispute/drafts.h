/* The drafts a case can produce, the facts each one needs, and rendering one of them
 * from its template against the case's view (draft-view.h). */
#ifndef DISPUTE_DRAFTS_H
#define DISPUTE_DRAFTS_H

#include <cjson/cJSON.h>

#include "dispute/case.h"
#include "dispute/draft-view.h"

struct draft_kind {
	const char *name;          /* "court": the value of --to, or "evidence-list" */
	const char *template_name; /* "complaint-court.txt" */
	const char *document_zh;   /* its file name in the dossier's data/documents/ */
	const char *document_en;
	const char *const *required; /* facts that must be recorded, NULL-terminated */
	int needs_evidence;
};

/* The complaints in ladder order, then the evidence list; NULL-name terminated. */
extern const struct draft_kind draft_kinds[];

const struct draft_kind *draft_kind_find(const char *name);

/* Letters to the platform or the seller, drafted with `dispute draft NAME` and never
 * packed: the request to disclose who the seller is, and the settlement offer (a
 * 和解协议 draft once an agreement is logged); NULL-name terminated. */
extern const struct draft_kind draft_letters[];

const struct draft_kind *draft_letter_find(const char *name);

/* The names of the facts KIND needs that C lacks, as a new JSON array of strings, plus
 * "evidence" when it needs evidence and has none. */
cJSON *draft_missing(const struct draft_kind *kind, const struct dispute_case *c);

/* DISPUTE_OK when C has every fact KIND needs; otherwise DISPUTE_FAILED after one error
 * followed by a "FIELD  dispute set FIELD VALUE" line for each missing fact, or after
 * saying that memory ran out. */
int draft_require(const struct draft_kind *kind, const struct dispute_case *c);

/* The language of the case's drafts: case.language, else zh-CN. */
const char *draft_language(const struct dispute_case *c);

/* Renders KIND for case C against VIEW in LANG, from TEMPLATE_FILE when not NULL (its
 * partials fall back to the shipped ones). The public post is scrubbed of the
 * buyer's phone, ID number and address and of the full order number, with a warning for
 * each removal. */
int draft_render(const struct draft_kind *kind, const struct dispute_case *c,
    const struct draft_view *view, const char *lang, const char *template_file, char **text);

/* Room for every kind of draft. */
#define DRAFT_KIND_MAX 16

/* The drafts a dossier of case C holds, in ladder order, and how many: every kind
 * whose facts are complete, but not the public post of a settled case (it would say
 * it is not). */
size_t drafts_included(const struct dispute_case *c,
    const struct draft_kind *kinds[DRAFT_KIND_MAX]);

/* One document of the dossier: a draft in one language. */
struct draft_document {
	const struct draft_kind *kind;
	const char *lang;  /* "zh-CN" or "en" */
	const char *name;  /* its file name in data/documents/ */
	int translation;   /* an English companion of a Chinese filing, for reference */
};

#define DRAFT_DOCUMENT_MAX (2 * DRAFT_KIND_MAX)

/* The documents of KINDS for case C, and how many. Chinese authorities and courts read
 * Chinese: every complaint and the evidence list is in Chinese whatever case.language
 * says, and for an English case an English translation follows each. The public post
 * is in the case's language alone. */
size_t drafts_documents(const struct dispute_case *c, const struct draft_kind *const *kinds,
    size_t count, struct draft_document out[DRAFT_DOCUMENT_MAX]);

/* Renders the documents of KINDS for case C (drafts_documents()) against VIEW and hands
 * each to ADD with its description; a translation opens with a line saying so and
 * naming the Chinese original. ADD takes ownership of TEXT. */
int drafts_render(const struct dispute_case *c, const struct draft_view *view,
    const struct draft_kind *const *kinds, size_t count,
    int (*add)(const struct draft_document *doc, char *text, void *ctx), void *ctx);

/* The name of KIND's document in the dossier for a case drafted in LANG. */
const char *draft_document_name(const struct draft_kind *kind, const char *lang);

/* The name of the PDF beside the text document NAME: its ".txt" becomes ".pdf"
 * (malloc'd; NULL after reporting when memory runs out). */
char *draft_pdf_name(const char *name);

/* Warns (without refusing) about insults or threats in the buyer's own words, listed in
 * rules/tone-*.txt: objective wording is what authorities respond to. */
void draft_check_tone(const struct dispute_case *c);

#endif
