/* The page's evidence, "page.evidence": every item of the view's evidence with what the
 * page shows of it (its size and link, its photo's thumbnail, its video's poster frame,
 * its chat log as text, the printed pages it takes), made a row at a time like the
 * view's own lists (evidence-view.h). What cannot be made again cheaply is made once
 * beforehand: the thumbnails, posters and playable copies, which go into the bag, and
 * the text pages. */
#ifndef DISPUTE_PAGE_EVIDENCE_H
#define DISPUTE_PAGE_EVIDENCE_H

#include <cjson/cJSON.h>

#include "dispute/case.h"
#include "dispute/draft-view.h"
#include "dispute/row-list.h"
#include "page.h"

struct page_evidence;

/* Adds to PAGE (the page object in VIEW) the stand-in "evidence", "exhibit_pages" (the
 * printed pages of them all) and "has_evidence", handing the derived files to ADD, CTX;
 * in English when EN. *OUT (page_evidence_free()) makes the rows, as LIST. */
int page_evidence_add(const struct dispute_case *c, const struct draft_view *view,
    cJSON *page, int en, page_add_fn add, void *ctx, struct page_evidence **out);

const struct row_list *page_evidence_list(const struct page_evidence *pe);

void page_evidence_free(struct page_evidence *pe);

#endif
