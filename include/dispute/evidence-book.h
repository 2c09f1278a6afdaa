/* The evidence book (证据材料) of a case: a cover saying what the case is and how to
 * check the files, the evidence list with each item's pages, then every item from a
 * page of its own, headed with its number as every draft cites it (证据N). Laid out and
 * drawn by the print helper (book.h); its words come from the templates
 * evidence-book-cover.txt, evidence-book-item.txt and evidence-book-note.txt. */
#ifndef DISPUTE_EVIDENCE_BOOK_H
#define DISPUTE_EVIDENCE_BOOK_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

/* The name of the book in the dossier and of `draft evidence-book`'s default file. */
#define EVIDENCE_BOOK_NAME "evidence-book.pdf"

/* Adds to each item of VIEW's "evidence" the pages it takes in the book of case C in
 * LANG ("page_count", a number) and where they are ("page_range": "5" or "5-7"):
 * what the evidence list cites. */
int evidence_book_number(const struct dispute_case *c, cJSON *view, const char *lang);

/* The book of case C in LANG against VIEW, dated with VIEW's "today", written into FD
 * (LABEL names it in messages). */
int evidence_book_print(const struct dispute_case *c, const cJSON *view, const char *lang,
    int fd, const char *label);

#endif
