/* Documents as PDF, made by the helper program dispute-print (Pango and Cairo,
 * src/helpers/print): A4 with the margins and type sizes of a Chinese court document,
 * the text's first line as its centred title, "第 k 页 共 m 页" (or "Page k of m") at
 * the foot of every page, a real text layer in a Chinese face found through
 * fontconfig, the fonts embedded as subsets, and the same bytes for the same text and
 * date. */
#ifndef DISPUTE_PRINT_H
#define DISPUTE_PRINT_H

#include <stddef.h>

/* One document: its TEXT (UTF-8; the first line is the title), dated DATE
 * (YYYY-MM-DD, the PDF's creation date), page numbers in LANG (zh-CN or en); LABEL
 * names it in messages. */
struct print_doc {
	const char *text, *date, *lang, *label;
};

/* Hands the PDF of DOCS[INDEX], LEN bytes, to its caller for the time of the call:
 * the helper's reply itself, not a copy (a list of 5,000 exhibits is a 5 MB PDF). */
typedef int (*print_fn)(size_t index, const char *pdf, size_t len, void *ctx);

/* Prints the COUNT DOCS in one run of the helper and hands each PDF to ON_PDF.
 * DISPUTE_FAILED after one error when the helper is not installed, finds no Chinese
 * font, dies on a document (naming its label), memory runs out or ON_PDF fails. */
int print_pdfs(const struct print_doc *docs, size_t count, print_fn on_pdf, void *ctx);

/* The same for one document into *PDF and *LEN. */
int print_pdf(const struct print_doc *doc, char **pdf, size_t *len);

#endif
