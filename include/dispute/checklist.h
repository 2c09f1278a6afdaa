/* The "capture now" checklist: what to save before the shop or the platform changes or
 * deletes it (order page, product page, chat, delivery record, business licence,
 * live-stream replay), each ticked by the kinds of evidence already in the case, with
 * where the case's platform shows the licence and whether its own escalation window is
 * known. The items and the platforms' facts are data: rules/capture-checklist.json. */
#ifndef DISPUTE_CHECKLIST_H
#define DISPUTE_CHECKLIST_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

/* Builds the checklist of case C as JSON (documented in the README under
 * `dispute status --checklist`). */
int checklist_build(const struct dispute_case *c, cJSON **out);

#endif
