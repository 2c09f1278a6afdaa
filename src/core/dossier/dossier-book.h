/* The evidence book in the dossier: data/documents/evidence-book.pdf beside the
 * drafts, when the dossier holds the evidence list (whose facts the book needs). */
#ifndef DISPUTE_DOSSIER_BOOK_H
#define DISPUTE_DOSSIER_BOOK_H

#include "dispute/case.h"
#include "dispute/dossier.h"
#include "dossier-bag.h"

/* Adds the book of case C as of IN to B, made by the print helper into a temporary
 * file that the zip reads like an evidence file. */
int dossier_add_book(struct dossier_bag *b, const struct dispute_case *c,
    const struct dossier_inputs *in);

#endif
