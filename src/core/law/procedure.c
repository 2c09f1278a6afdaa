/*
 * The procedure a claim goes to and its fee. Small claims (民事诉讼法 第一百六十五条)
 * cover simple money claims up to half the province's previous-year average wage, as
 * each province's high court publishes it yearly; up to twice that the parties may
 * agree to it. The published figures are data (rules/wages-cn.json, overridable by the
 * buyer like the holidays), and a province without one is said to have none rather
 * than given another's.
 */
#include <stdlib.h>
#include <string.h>

#include "dispute/calendar.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/procedure.h"
#include "dispute/report.h"
#include "dispute/validate.h"
#include "overlay.h"
#include "claim.h"

#define WAGES_SCHEMA "dispute-wages/1"
#define WAGES_FILE_MAX (1024u * 1024)
/* Limits above 100,000,000 yuan are not a small claim anywhere: a typo. */
#define LIMIT_MAX_FEN 10000000000.0

static int
check_version(const char *path, const char *province, const cJSON *v)
{
	const cJSON *limit = cJSON_GetObjectItemCaseSensitive(v, "limit_fen");
	const cJSON *agreed = cJSON_GetObjectItemCaseSensitive(v, "agreed_limit_fen");
	const char *from = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v, "from"));

	if (!date_valid(from) || !cJSON_IsNumber(limit) || !cJSON_IsNumber(agreed) ||
	    limit->valuedouble < 0 || limit->valuedouble > LIMIT_MAX_FEN ||
	    agreed->valuedouble < limit->valuedouble || agreed->valuedouble > LIMIT_MAX_FEN ||
	    (double)(int64_t)limit->valuedouble != limit->valuedouble ||
	    (double)(int64_t)agreed->valuedouble != agreed->valuedouble ||
	    !cJSON_IsBool(cJSON_GetObjectItemCaseSensitive(v, "confirmed")) ||
	    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v, "source")) == NULL) {
		dispute_error(_("%s: %s: each version needs \"from\" (YYYY-MM-DD), whole "
		    "\"limit_fen\" and \"agreed_limit_fen\" (not below it), \"confirmed\" and "
		    "\"source\""), path, province);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

int
wages_load(struct wage_table *t, const char *path)
{
	cJSON *root = NULL, *provinces, *entry, *v;
	const char *schema;
	int status = DISPUTE_FAILED;

	if (json_read_file(path, WAGES_FILE_MAX, &root) != DISPUTE_OK)
		return DISPUTE_FAILED;
	schema = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "schema"));
	if (schema == NULL || strcmp(schema, WAGES_SCHEMA) != 0) {
		dispute_error(_("%s: not a wage table (\"schema\" must be \"%s\")"), path,
		    WAGES_SCHEMA);
		goto out;
	}
	provinces = cJSON_GetObjectItemCaseSensitive(root, "provinces");
	if (!cJSON_IsObject(provinces)) {
		dispute_error(_("%s: \"provinces\" must be an object keyed by province"), path);
		goto out;
	}
	cJSON_ArrayForEach(entry, provinces) {
		if (!cJSON_IsArray(entry)) {
			dispute_error(_("%s: %s must be a list of versions"), path, entry->string);
			goto out;
		}
		cJSON_ArrayForEach(v, entry)
			if (check_version(path, entry->string, v) != DISPUTE_OK)
				goto out;
	}
	/* Merged only once the whole file is checked; a later file's province replaces it. */
	status = overlay_merge(&t->provinces, provinces);
out:
	cJSON_Delete(root);
	return status;
}

static int
load_wages(void *table, const char *path)
{
	return wages_load(table, path);
}

int
wages_load_default(struct wage_table *t, const char *case_dir)
{
	int status = overlay_load(t, load_wages, "wages-cn.json", "DISPUTE_WAGES", case_dir,
	    "wages.json");

	if (status != DISPUTE_OK)
		wages_free(t);
	return status;
}

void
wages_free(struct wage_table *t)
{
	if (t == NULL)
		return;
	cJSON_Delete(t->provinces);
	t->provinces = NULL;
}

/* The version of PROVINCE's limit in force on DATE: the latest that began by then. */
static const cJSON *
limit_in_force(const struct wage_table *w, const char *province, const char *date)
{
	const cJSON *v, *best = NULL;
	const char *from;

	if (province == NULL || w == NULL)
		return NULL;
	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(w->provinces, province)) {
		from = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v, "from"));
		if (strcmp(from, date) <= 0 && (best == NULL || strcmp(from,
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(best, "from"))) > 0))
			best = v;
	}
	return best;
}

int
procedure_assess(const struct wage_table *w, const struct rules *r, const char *province,
    int64_t amount_fen, const char *date, struct procedure *out)
{
	const cJSON *v = limit_in_force(w, province, date);
	struct rule fee, simplified, mediation;
	int64_t divisor;

	memset(out, 0, sizeof *out);
	if (claim_filing_fee(r, amount_fen, date, &out->fee_fen, &out->fee_halved_fen) !=
	    DISPUTE_OK || rules_find(r, "filing-fee", date, &fee) != DISPUTE_OK ||
	    rules_find(r, "filing-fee-simplified", date, &simplified) != DISPUTE_OK ||
	    rules_find(r, "filing-fee-mediation", date, &mediation) != DISPUTE_OK ||
	    rule_integer(&mediation, "divisor", &divisor) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* Halved again, to the nearest fen, ties upward, as claim.c rounds the first half. */
	out->fee_mediation_fen = (2 * out->fee_halved_fen + divisor) / (2 * divisor);
	out->fee_confirmed = fee.confirmed && simplified.confirmed && mediation.confirmed;
	if (v == NULL) {
		out->kind = PROCEDURE_NO_FIGURE;
		return DISPUTE_OK;
	}
	out->limit_fen = (int64_t)cJSON_GetObjectItemCaseSensitive(v, "limit_fen")->valuedouble;
	out->agreed_limit_fen =
	    (int64_t)cJSON_GetObjectItemCaseSensitive(v, "agreed_limit_fen")->valuedouble;
	out->limit_from = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v, "from"));
	out->wage_year = (int64_t)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(v,
	    "wage_year"));
	out->limit_source = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v, "source"));
	out->limit_confirmed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v, "confirmed"));
	/* Limits are published every year; one from an earlier year may be superseded. */
	out->limit_stale = strncmp(out->limit_from, date, 4) < 0;
	out->kind = amount_fen <= out->limit_fen ? PROCEDURE_SMALL_CLAIMS :
	    amount_fen <= out->agreed_limit_fen ? PROCEDURE_BY_AGREEMENT : PROCEDURE_SIMPLIFIED;
	return DISPUTE_OK;
}

static void
add_amount(cJSON *object, const char *name, int64_t fen)
{
	char text[AMOUNT_TEXT_MAX];

	amount_format(fen, text);
	cJSON_AddStringToObject(object, name, text);
}

cJSON *
procedure_json(const struct procedure *p, const char *province)
{
	static const char *const kinds[] = {
		"small-claims", "small-claims-by-agreement", "simplified", "no-figure"
	};
	cJSON *o = cJSON_CreateObject();

	if (o == NULL) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	if (province != NULL)
		cJSON_AddStringToObject(o, "province", province);
	cJSON_AddStringToObject(o, "kind", kinds[p->kind]);
	if (p->kind != PROCEDURE_NO_FIGURE) {
		add_amount(o, "limit", p->limit_fen);
		add_amount(o, "agreed_limit", p->agreed_limit_fen);
		cJSON_AddStringToObject(o, "limit_from", p->limit_from);
		cJSON_AddNumberToObject(o, "wage_year", (double)p->wage_year);
		cJSON_AddStringToObject(o, "limit_source", p->limit_source);
		cJSON_AddBoolToObject(o, "limit_confirmed", p->limit_confirmed);
		cJSON_AddBoolToObject(o, "limit_stale", p->limit_stale);
	}
	add_amount(o, "fee", p->fee_fen);
	add_amount(o, "fee_halved", p->fee_halved_fen);
	add_amount(o, "fee_mediation", p->fee_mediation_fen);
	cJSON_AddBoolToObject(o, "fee_confirmed", p->fee_confirmed);
	return o;
}
