/* Which courts may hear the buyer's case, from the table of basic and internet courts
 * (rules/courts-cn.json) and the jurisdiction rules in rules/zh-CN.json. */
#ifndef DISPUTE_COURTS_H
#define DISPUTE_COURTS_H

#include <cjson/cJSON.h>

#include "dispute/case.h"
#include "dispute/rules.h"

struct court_table {
	char *path;
	cJSON *root;
};

/* Loads and checks a court table; a malformed one is reported with its file. */
int courts_load(const char *path, struct court_table *out);
/* Loads rules/courts-cn.json from the data folder (datadir.h). */
int courts_load_default(struct court_table *out);
void courts_free(struct court_table *t);

/* Where ADDRESS lies in the table. */
struct court_place {
	const char *city;           /* "杭州市", or NULL when no city of the table is named */
	const char *district;       /* "西湖区", or NULL when the city's district is not */
	const char *court;          /* the district's basic court, or NULL */
	const char *internet_court; /* the city's internet court, or NULL */
};
void courts_lookup(const struct court_table *t, const char *address, struct court_place *out);

/*
 * The courts with jurisdiction over case C under the rules in force on DATE, as JSON:
 * "courts" (each "court", "kind" basic|internet, "grounds" [{"ground" receipt|defendant|
 * platform, "field", "address", "place"}], "replaces" (the basic court an internet
 * court takes the case from), "law", "confirmed", "reason_zh", "reason_en"), "unlisted"
 * (addresses the table does not place: "field", "address", "city"), "clause" (the
 * standard-form jurisdiction clause warning: "law", "confirmed") and "table" ("source",
 * "date", "confirmed"). Addresses not recorded are left out.
 */
/* The province whose figures apply to the case: that of case.court when the table
 * holds it, else that of the place of receipt; NULL when neither is known. */
const char *courts_province(const struct court_table *t, const struct dispute_case *c);

int courts_for_case(const struct court_table *t, const struct rules *r,
    const struct dispute_case *c, const char *date, cJSON **out);

#endif
