/* The evidence book (证据材料) of a case: a cover saying what the case is and how to
 * check the files, the evidence list with each item's pages, then every item from a
 * page of its own, headed with its number as every draft cites it (证据N). Laid out and
 * drawn by the print helper (book.h); its words come from the templates
 * evidence-book-cover.txt, evidence-book-item.txt and evidence-book-note.txt. */
#ifndef DISPUTE_EVIDENCE_BOOK_H
#define DISPUTE_EVIDENCE_BOOK_H

#include "dispute/case.h"
#include "dispute/draft-view.h"

/* The name of the book in the dossier and of `draft evidence-book`'s default file. */
#define EVIDENCE_BOOK_NAME "evidence-book.pdf"

/* Records in each item of VIEW's evidence the pages it takes in the book of case C in
 * LANG and where they are: what the evidence list cites as "page_count" (a number) and
 * "page_range" ("5" or "5-7"). */
int evidence_book_number(const struct dispute_case *c, struct draft_view *view,
    const char *lang);

/* The book of case C in LANG against VIEW, dated with VIEW's "today", written into FD
 * (LABEL names it in messages). */
int evidence_book_print(const struct dispute_case *c, const struct draft_view *view,
    const char *lang, int fd, const char *label);

#endif
