/* The evidence of the template view (draft-view.h): "evidence" (the items in exhibit
 * number order), "withdrawn" (numbers whose item was removed after a draft or pack
 * cited it), "evidence_list" (both, in number order) and their counts. The three are
 * lists made a row at a time (row-list.h): the view holds one small row record per
 * item, and a row's members only while a template or a caller looks at it. */
#ifndef DISPUTE_EVIDENCE_VIEW_H
#define DISPUTE_EVIDENCE_VIEW_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "dispute/case.h"
#include "dispute/evidence.h"
#include "dispute/exhibits.h"
#include "dispute/row-list.h"

/* One exhibit number: an item of the case, or a withdrawn number. */
struct evidence_row {
	struct exhibit_number n;
	const cJSON *item;        /* the case's item, or the record's withdrawn line */
	const struct evidence_kind *kind;
	int withdrawn;
	int page_first, page_count;  /* where it is in the evidence book, once numbered */
};

enum { EVIDENCE_ITEMS, EVIDENCE_WITHDRAWN, EVIDENCE_LIST, EVIDENCE_LISTS };

struct evidence_rows {
	struct evidence_row *rows;       /* the items in number order, then the withdrawn */
	size_t items, withdrawn;
	struct evidence_row **in_order;  /* both in number order, for "evidence_list" */
	struct row_list lists[EVIDENCE_LISTS];
};

/* "证据3-1", or with EN "Exhibit 3-1". */
#define EXHIBIT_LABEL_LEN 48
void exhibit_label(struct exhibit_number n, int en, char label[EXHIBIT_LABEL_LEN]);

/* Adds the three lists' stand-ins and the counts to VIEW, and the rows of C's evidence
 * to *ROWS (evidence_rows_free()). The rows point into C's record: they must not
 * outlive C, nor see its evidence change. */
int evidence_rows_add(cJSON *view, const struct dispute_case *c, struct evidence_rows **rows);

void evidence_rows_free(struct evidence_rows *rows);

/* The members of ROW that every template sees (templates/README.md), as a new object in
 * *OUT. DISPUTE_FAILED after reporting that memory ran out. */
int evidence_row_view(const struct evidence_row *row, cJSON **out);

#endif
