/* Where a case stands on the escalation ladder (evidence → platform → 12315 / consumer
 * association → court → public post), taken from its timeline: the rung reached, the
 * evidence still missing for the next rung, and the next step with its deadline and the
 * rule the deadline comes from. */
#ifndef DISPUTE_LADDER_H
#define DISPUTE_LADDER_H

#include <cjson/cJSON.h>

#include "dispute/calendar.h"
#include "dispute/case.h"
#include "dispute/rules.h"

/* Builds the assessment as JSON (documented in the README under `dispute status`). */
int ladder_assess(const struct dispute_case *c, const struct rules *rules,
    const struct holiday_table *holidays, const char *today, cJSON **out);

/* When the buyer learned of the harm: problem.found, else order.received, else
 * order.date; NULL when none is recorded. */
const char *ladder_harm_known(const struct dispute_case *c);

/* Adds to MISSING the names of the facts that identify the seller and are not on
 * record (merchant.company, a valid merchant.credit_code, merchant.address); returns
 * how many. 12315 and a court need all three. */
int ladder_seller_missing(const struct dispute_case *c, cJSON *missing);

/* Why a draft to RECIPIENT would go to a body that will not take it, in English (EN)
 * or Chinese, citing the rule in force on TODAY; malloc'd, or NULL when nothing stands
 * in the way: a 12315 complaint after a consumer-association or court contact, or a
 * public post about a case already resolved. */
char *ladder_obstacle(const struct dispute_case *c, const struct rules *rules, const char *today,
    const char *recipient, int en);

#endif
