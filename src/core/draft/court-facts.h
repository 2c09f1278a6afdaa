/* The facts and law behind the court complaint's compensation claims (court-facts.c). */
#ifndef DISPUTE_COURT_FACTS_H
#define DISPUTE_COURT_FACTS_H

#include <cjson/cJSON.h>

#include "dispute/case.h"
#include "dispute/rules.h"

/* Adds "court_facts" to VIEW (which already holds the claim; ROWS are its evidence) when a
 * chosen claim is punitive damages for fraud (court_facts.fraud: law, promise and
 * delivered as sentences, promise_exhibits, delivered_exhibits and their _en) or for expired food (court_facts.expired_food:
 * prohibition_law, prohibition, confirmed, compensation_law). Fails after reporting when the rule table
 * lacks the prohibition. */
struct evidence_rows;

int court_facts_add(cJSON *view, const struct evidence_rows *rows, const struct dispute_case *c,
    const struct rules *rules);

#endif
