/* Which drafts exist, what each needs, and rendering them with privacy rules applied. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/datadir.h"
#include "dispute/drafts.h"
#include "dispute/fields.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/rules.h"
#include "dispute/template.h"
#include "dispute/timeline.h"
#include "scrub.h"

static const char *const needs_platform[] = {
	"case.platform", "order.id", "order.product", "order.amount", "order.date",
	"merchant.shop", "problem.category", "problem.description", "demand.text", NULL
};
/* Order 20 art 9: complainant's name, phone and address, the respondent's name and
 * address, the demand and the facts. */
static const char *const needs_12315[] = {
	"claimant.name", "claimant.phone", "claimant.address", "merchant.company",
	"merchant.address", "order.id", "order.product", "order.amount", "order.date",
	"problem.category", "problem.description", "demand.text", NULL
};
static const char *const needs_association[] = {
	"claimant.name", "claimant.phone", "claimant.address", "merchant.shop", "order.id",
	"order.product", "order.amount", "order.date", "problem.category", "problem.description",
	"demand.text", NULL
};
/* Civil Procedure Law art 124: the parties (a company with its address and legal
 * representative), the claims, the facts and reasons, the court. */
static const char *const needs_court[] = {
	"claimant.name", "claimant.id_number", "claimant.address", "claimant.phone",
	"merchant.company", "merchant.address", "merchant.representative", "case.court",
	"case.platform", "order.id", "order.product", "order.amount", "order.date",
	"problem.category", "problem.description", "demand.text", NULL
};
static const char *const needs_social[] = {
	"case.platform", "merchant.shop", "order.id", "order.product", "order.date",
	"problem.category", "problem.description", "demand.text", NULL
};
static const char *const needs_evidence_list[] = { "claimant.name", NULL };

const struct draft_kind draft_kinds[] = {
	{ "platform", "complaint-platform.txt", "01-平台投诉.txt", "01-platform-complaint.txt",
	  needs_platform, 1 },
	{ "12315", "complaint-12315.txt", "02-12315投诉.txt", "02-12315-complaint.txt",
	  needs_12315, 1 },
	{ "consumer-association", "complaint-consumer-association.txt", "03-消费者协会投诉.txt",
	  "03-consumer-association-complaint.txt", needs_association, 1 },
	{ "court", "complaint-court.txt", "04-民事起诉状.txt", "04-civil-complaint.txt",
	  needs_court, 1 },
	{ "social", "complaint-social.txt", "05-公开说明.txt", "05-public-post.txt",
	  needs_social, 1 },
	{ "evidence-list", "evidence-list.txt", "00-证据清单.txt", "00-evidence-list.txt",
	  needs_evidence_list, 1 },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

/* Letters to the other side rather than filings: drafted on demand, not packed. */
static const char *const needs_identity_request[] = {
	"case.platform", "merchant.shop", "order.id", "order.product", "order.date",
	"claimant.name", NULL
};

static const char *const needs_settlement[] = {
	"claimant.name", "merchant.shop", "order.id", "order.product", "order.amount",
	"order.date", "problem.description", "demand.text", NULL
};

const struct draft_kind draft_letters[] = {
	{ "identity-request", "identity-request.txt", "商家身份信息披露申请.txt",
	  "seller-identity-request.txt", needs_identity_request, 0 },
	{ "settlement", "settlement.txt", "和解方案.txt", "settlement.txt", needs_settlement, 0 },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

static const struct draft_kind *
find_in(const struct draft_kind *kinds, const char *name)
{
	const struct draft_kind *k;

	for (k = kinds; k->name != NULL; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

const struct draft_kind *
draft_kind_find(const char *name)
{
	return find_in(draft_kinds, name);
}

const struct draft_kind *
draft_letter_find(const char *name)
{
	return find_in(draft_letters, name);
}

cJSON *
draft_missing(const struct draft_kind *kind, const struct dispute_case *c)
{
	cJSON *missing = cJSON_CreateArray();
	int i;

	if (missing == NULL)
		return NULL;
	for (i = 0; kind->required[i] != NULL; i++)
		if (case_get(c, kind->required[i]) == NULL)
			cJSON_AddItemToArray(missing, cJSON_CreateString(kind->required[i]));
	if (kind->needs_evidence && cJSON_GetArraySize(case_evidence(c)) == 0)
		cJSON_AddItemToArray(missing, cJSON_CreateString("evidence"));
	return missing;
}

/* The error, then a line per missing fact saying how to record it. */
static void
report_missing(const struct draft_kind *kind, const cJSON *missing)
{
	const cJSON *item;

	dispute_error(_("the %s draft needs %d more fact(s); nothing was written:"), kind->name,
	    cJSON_GetArraySize(missing));
	cJSON_ArrayForEach(item, missing) {
		const struct field *f = field_find(item->valuestring);

		if (f != NULL)
			fprintf(stderr, "  %-24s dispute set %s VALUE   (%s)\n", f->name, f->name,
			    _(f->help));
		else
			fprintf(stderr, "  %-24s dispute add-evidence -k KIND FILE...\n", item->valuestring);
	}
}

/* Whether C has every fact KIND needs; draft_missing() names those it lacks. */
static int
draft_complete(const struct draft_kind *kind, const struct dispute_case *c)
{
	int i;

	for (i = 0; kind->required[i] != NULL; i++)
		if (case_get(c, kind->required[i]) == NULL)
			return 0;
	return !kind->needs_evidence || cJSON_GetArraySize(case_evidence(c)) > 0;
}

int
draft_require(const struct draft_kind *kind, const struct dispute_case *c)
{
	cJSON *missing;

	if (draft_complete(kind, c))
		return DISPUTE_OK;
	missing = draft_missing(kind, c);
	if (missing == NULL)
		dispute_error(_("out of memory"));
	else
		report_missing(kind, missing);
	cJSON_Delete(missing);
	return DISPUTE_FAILED;
}

const char *
draft_language(const struct dispute_case *c)
{
	const char *lang = case_get(c, "case.language");

	return lang != NULL ? lang : "zh-CN";
}

static void load_list(const char *rel, char **list, size_t *len);

/* The buyer's private facts that the public post must not show (scrub.h). */
static int
scrub(const struct dispute_case *c, char **text)
{
	const struct private_facts facts = {
		case_get(c, "claimant.phone"), case_get(c, "claimant.id_number"),
		case_get(c, "claimant.address"), case_get(c, "order.id")
	};

	return scrub_public_post(&facts, text);
}

/* Replaces every FROM in *TEXT by TO. DISPUTE_FAILED only when memory runs out. */
static int
replace_all(char **text, const char *from, const char *to)
{
	size_t from_len = strlen(from), len = 0;
	const char *at, *p;
	char *out = NULL;
	FILE *f;

	if (strstr(*text, from) == NULL)
		return DISPUTE_OK;
	f = open_memstream(&out, &len);
	if (f == NULL)
		return DISPUTE_FAILED;
	for (p = *text; (at = strstr(p, from)) != NULL; p = at + from_len) {
		fwrite(p, 1, (size_t)(at - p), f);
		fputs(to, f);
	}
	fputs(p, f);
	if (ferror(f) | fclose(f)) {
		free(out);
		return DISPUTE_FAILED;
	}
	free(*text);
	*text = out;
	return DISPUTE_OK;
}

/* Proof texts are often written for court ("被告收取货款后……"): the post speaks as the
 * buyer about the shop, never as a party to a lawsuit. */
static int
public_wording(char **text)
{
	static const char *const words[][2] = {
		{ "原告", "本人" }, { "被告", "商家" }, { NULL, NULL }
	};
	int i;

	for (i = 0; words[i][0] != NULL; i++)
		if (replace_all(text, words[i][0], words[i][1]) != DISPUTE_OK) {
			dispute_error(_("out of memory"));
			return DISPUTE_FAILED;
		}
	return DISPUTE_OK;
}

/* Words that state a legal conclusion, from rules/public-terms-*.txt. */
static void
check_conclusions(const char *text)
{
	static const char *const lists[] = {
		"rules/public-terms-zh.txt", "rules/public-terms-en.txt", NULL
	};
	const char *word;
	char *list;
	size_t len;
	int i;

	for (i = 0; lists[i] != NULL; i++) {
		load_list(lists[i], &list, &len);
		for (word = list; list != NULL && word < list + len; word += strlen(word) + 1)
			if (word[0] != '#' && word[0] != '\0' && strcasestr(text, word) != NULL)
				dispute_warning(_("the public post says \"%s\": that is a legal "
				    "conclusion; unless an authority or a court has found it, state "
				    "the facts instead, or name who found it (经……认定)"), word);
		free(list);
	}
}

/* Numbers of twelve or more letters and digits, ten of them digits: tracking and
 * account numbers, which belong to the courier or to other people. The buyer's own
 * are masked by then. */
static void
check_numbers(const char *text)
{
	const char *p = text;

	while (*p != '\0') {
		size_t run = 0, digits = 0;

		while ((p[run] >= '0' && p[run] <= '9') || (p[run] >= 'A' && p[run] <= 'Z') ||
		    (p[run] >= 'a' && p[run] <= 'z')) {
			digits += p[run] >= '0' && p[run] <= '9';
			run++;
		}
		if (run >= 12 && digits >= 10)
			dispute_warning(_("the public post shows the number %.*s: if it is a "
			    "tracking or someone else's number, remove it before posting"),
			    (int)run, p);
		p += run > 0 ? run : 1;
	}
}

/* A role word followed by a name: 客服“小王”, 快递员小李, 主播叫…… */
static void
check_names(const char *text)
{
	static const char *const roles[] = {
		"客服", "快递员", "快递小哥", "配送员", "骑手", "店员", "店长", "主播", "师傅", NULL
	};
	static const char *const before_name[] = {
		"“", "\"", "「", "『", "小", "叫", "名叫", "工号", NULL
	};
	int i, j;

	for (i = 0; roles[i] != NULL; i++) {
		const char *at;

		for (at = strstr(text, roles[i]); at != NULL; at = strstr(at + 1, roles[i])) {
			const char *after = at + strlen(roles[i]);

			for (j = 0; before_name[j] != NULL; j++)
				if (strncmp(after, before_name[j], strlen(before_name[j])) == 0)
					break;
			if (before_name[j] != NULL) {
				dispute_warning(_("the public post names someone after \"%s\": "
				    "leave out the names of staff, couriers and other people"),
				    roles[i]);
				break;
			}
		}
	}
}

int
draft_render(const struct draft_kind *kind, const struct dispute_case *c,
    const struct draft_view *view, const char *lang, const char *template_file, char **text)
{
	char *path = NULL, *shipped_dir = NULL;
	int status = DISPUTE_FAILED;

	*text = NULL;
	if (template_find(case_dir(c), lang, kind->template_name, &path, &shipped_dir) != DISPUTE_OK)
		goto out;
	if (template_render_file(template_file != NULL ? template_file : path, shipped_dir,
	    &view->data, TEMPLATE_ESCAPE_BY_NAME, text) != DISPUTE_OK)
		goto out;
	if (strcmp(kind->name, "social") == 0) {
		if (scrub(c, text) != DISPUTE_OK || public_wording(text) != DISPUTE_OK)
			goto out;
		check_conclusions(*text);
		check_numbers(*text);
		check_names(*text);
	}
	status = DISPUTE_OK;
out:
	if (status != DISPUTE_OK) {
		free(*text);
		*text = NULL;
	}
	free(shipped_dir);
	free(path);
	return status;
}

size_t
drafts_included(const struct dispute_case *c, const struct draft_kind *kinds[DRAFT_KIND_MAX])
{
	const struct draft_kind *kind;
	int settled = timeline_resolved(c);
	size_t count = 0;

	for (kind = draft_kinds; kind->name != NULL && count < DRAFT_KIND_MAX; kind++)
		if (draft_complete(kind, c) && !(settled && strcmp(kind->name, "social") == 0))
			kinds[count++] = kind;
	return count;
}

const char *
draft_document_name(const struct draft_kind *kind, const char *lang)
{
	return strcmp(lang, "en") == 0 ? kind->document_en : kind->document_zh;
}

char *
draft_pdf_name(const char *name)
{
	size_t len = strlen(name);
	char *pdf;

	if (len >= 4 && strcmp(name + len - 4, ".txt") == 0)
		len -= 4;
	if (asprintf(&pdf, "%.*s.pdf", (int)len, name) == -1) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	return pdf;
}

size_t
drafts_documents(const struct dispute_case *c, const struct draft_kind *const *kinds,
    size_t count, struct draft_document out[DRAFT_DOCUMENT_MAX])
{
	int en = strcmp(draft_language(c), "en") == 0;
	size_t n = 0, i;

	for (i = 0; i < count && n + 2 <= DRAFT_DOCUMENT_MAX; i++) {
		int post = strcmp(kinds[i]->name, "social") == 0;

		out[n++] = (struct draft_document){ kinds[i], post && en ? "en" : "zh-CN",
		    post && en ? kinds[i]->document_en : kinds[i]->document_zh, 0 };
		if (en && !post)
			out[n++] = (struct draft_document){ kinds[i], "en", kinds[i]->document_en,
			    1 };
	}
	return n;
}

/* TEXT opened by the line that marks it as the translation of ORIGINAL (malloc'd; TEXT
 * is freed either way). */
static char *
marked_translation(char *text, const char *original)
{
	char *marked = dispute_asprintf("English translation, for reference only. The document "
	    "to file with Chinese authorities and courts is the Chinese original, %s.\n\n%s",
	    original, text);

	free(text);
	return marked;
}

int
drafts_render(const struct dispute_case *c, const struct draft_view *view,
    const struct draft_kind *const *kinds, size_t count,
    int (*add)(const struct draft_document *doc, char *text, void *ctx), void *ctx)
{
	struct draft_document docs[DRAFT_DOCUMENT_MAX];
	size_t n = drafts_documents(c, kinds, count, docs), i;
	char *text;

	for (i = 0; i < n; i++) {
		if (draft_render(docs[i].kind, c, view, docs[i].lang, NULL, &text) != DISPUTE_OK)
			return DISPUTE_FAILED;
		if (docs[i].translation &&
		    (text = marked_translation(text, docs[i].kind->document_zh)) == NULL)
			return DISPUTE_FAILED;
		if (add(&docs[i], text, ctx) != DISPUTE_OK)
			return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

/* A word list from rules/ (one entry a line, # comments), as NUL-separated lines in
 * *LIST of *LEN bytes; an absent list is empty. */
static void
load_list(const char *rel, char **list, size_t *len)
{
	char *path = datadir_find(rel);
	size_t i;

	*list = NULL;
	*len = 0;
	if (path == NULL || fs_read_file(path, 1024 * 1024, list, len) != DISPUTE_OK) {
		free(path);
		*list = NULL;
		*len = 0;
		return;
	}
	free(path);
	for (i = 0; i < *len; i++)
		if ((*list)[i] == '\n')
			(*list)[i] = '\0';
}

/* Each entry of LIST that TEXT holds, warned about as found in WHERE. */
static void
check_words(const char *list, size_t len, const char *where, const char *text)
{
	const char *word;

	if (text == NULL)
		return;
	for (word = list; word < list + len; word += strlen(word) + 1)
		if (word[0] != '#' && word[0] != '\0' && strcasestr(text, word) != NULL)
			dispute_warning(_("%s contains \"%s\": authorities and courts respond to "
			    "objective wording; consider rephrasing"), where, word);
}

/* The buyer writes in their own language whatever the draft's language, so every list
 * is checked, against everything the buyer wrote that a draft prints: the description,
 * the demand, every timeline text and every evidence purpose. */
void
draft_check_tone(const struct dispute_case *c)
{
	static const char *const lists[] = { "rules/tone-zh.txt", "rules/tone-en.txt", NULL };
	const cJSON *item;
	char *list, where[64];
	size_t len;
	int i;

	for (i = 0; lists[i] != NULL; i++) {
		load_list(lists[i], &list, &len);
		check_words(list, len, "problem.description", case_get(c, "problem.description"));
		check_words(list, len, "demand.text", case_get(c, "demand.text"));
		cJSON_ArrayForEach(item, case_timeline(c)) {
			snprintf(where, sizeof where, "the timeline entry of %s",
			    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "date")));
			check_words(list, len, where,
			    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "text")));
		}
		cJSON_ArrayForEach(item, case_evidence(c)) {
			snprintf(where, sizeof where, "what %s proves",
			    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "id")));
			check_words(list, len, where,
			    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "proves")));
		}
		free(list);
	}
}
