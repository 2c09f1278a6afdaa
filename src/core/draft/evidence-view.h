/* The evidence members of the template view (draft-view.h): "evidence" (the items in
 * exhibit-number order), "withdrawn" (numbers whose item was removed after a draft or
 * pack cited it), "evidence_list" (both, in number order), and their counts. */
#ifndef DISPUTE_EVIDENCE_VIEW_H
#define DISPUTE_EVIDENCE_VIEW_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

int evidence_view_add(cJSON *view, const struct dispute_case *c);

#endif
