/* The summary `dispute status` prints: the ladder assessment (ladder.h), the facts
 * recorded and those not yet, the evidence counted by kind, the evidence records and
 * the timeline; as JSON (schema dispute-status/1, documented in the README). */
#ifndef DISPUTE_SUMMARY_H
#define DISPUTE_SUMMARY_H

#include <cjson/cJSON.h>

#include "dispute/calendar.h"
#include "dispute/case.h"
#include "dispute/rules.h"

/* Builds the summary of case C as of TODAY into *OUT. The evidence and timeline members
 * are references into C's record: free *OUT before closing C. */
int summary_build(const struct dispute_case *c, const struct rules *rules,
    const struct holiday_table *holidays, const char *today, cJSON **out);

#endif
