/* The data every template sees: the case's facts plus what is derived from them
 * (Chinese labels and dates, the masked order number, numbered evidence, the claim
 * amounts and the rules they come from). templates/README.md documents each name. */
#ifndef DISPUTE_DRAFT_VIEW_H
#define DISPUTE_DRAFT_VIEW_H

#include <cjson/cJSON.h>

#include "dispute/case.h"
#include "dispute/row-list.h"
#include "dispute/rules.h"

struct evidence_rows;

/* The view: the document, and the evidence lists standing in it (evidence-view.h),
 * both as DATA for rendering. */
struct draft_view {
	cJSON *json;
	struct evidence_rows *evidence;
	struct template_data data;
};

/* Builds the view of case C as of TODAY (YYYY-MM-DD) into *VIEW (draft_view_free()).
 * Its evidence points to strings of C's record: it must not outlive C, nor see C's
 * evidence items changed. */
int draft_view_build(const struct dispute_case *c, const struct rules *rules, const char *today,
    struct draft_view **view);

void draft_view_free(struct draft_view *view);

/* "6920****1942": enough to recognise an order, not enough to look it up. Malloc'd. */
char *mask_order_id(const char *id);

#endif
