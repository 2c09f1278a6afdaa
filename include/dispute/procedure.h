/* Which procedure a claim of a given amount will go to, and the court fee under it:
 * small claims (小额诉讼, final at first instance) at or below the province's published
 * limit, the simplified procedure otherwise; the fee halved under either (诉讼费用交纳办法
 * 第十六条) and halved again when the case ends in mediation or is withdrawn (第十五条). */
#ifndef DISPUTE_PROCEDURE_H
#define DISPUTE_PROCEDURE_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "dispute/rules.h"

/* Provinces' small-claims limits (rules/wages-cn.json): "省" → list of versions. */
struct wage_table {
	cJSON *provinces;
};

/* Loads a wage table into T, which starts zeroed; a second call merges another file, its
 * provinces replacing the same provinces already loaded. */
int wages_load(struct wage_table *t, const char *path);
/* The shipped table, then $DISPUTE_WAGES if set (a missing file is an error), then
 * CASE_DIR/wages.json if it exists (CASE_DIR may be NULL). On failure T is emptied. */
int wages_load_default(struct wage_table *t, const char *case_dir);
void wages_free(struct wage_table *t);

enum procedure_kind {
	PROCEDURE_SMALL_CLAIMS,  /* at or below the limit */
	PROCEDURE_BY_AGREEMENT,  /* above it, up to twice it: small claims if both agree */
	PROCEDURE_SIMPLIFIED,    /* above twice the limit */
	PROCEDURE_NO_FIGURE      /* the province has no limit in force on the date */
};

struct procedure {
	enum procedure_kind kind;
	int64_t limit_fen, agreed_limit_fen;  /* when there is a figure */
	const char *limit_from;     /* the limit's first day, pointing into the table */
	int64_t wage_year;
	const char *limit_source;
	int limit_confirmed;
	int limit_stale;            /* took effect before the date's year: a later notice may
	                             * have replaced it */
	int64_t fee_fen;            /* 第十三条 */
	int64_t fee_halved_fen;     /* simplified procedure, small claims included: 第十六条 */
	int64_t fee_mediation_fen;  /* that, halved again on mediation or withdrawal: 第十五条 */
	int fee_confirmed;          /* the bands and both halvings were confirmed */
};

/* The procedure for a claim of AMOUNT_FEN in PROVINCE (NULL: not known) on DATE. */
int procedure_assess(const struct wage_table *w, const struct rules *r, const char *province,
    int64_t amount_fen, const char *date, struct procedure *out);

/* The same as JSON for --json and the drafts: "province", "kind" (small-claims,
 * small-claims-by-agreement, simplified, no-figure), "limit", "agreed_limit",
 * "limit_from", "wage_year", "limit_source", "limit_confirmed", "limit_stale", "fee",
 * "fee_halved", "fee_mediation", "fee_confirmed"; amounts as exact decimal text. */
cJSON *procedure_json(const struct procedure *p, const char *province);

#endif
