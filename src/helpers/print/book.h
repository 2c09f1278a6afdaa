/* The evidence book (证据材料) of dispute-print: a cover, the evidence list with the
 * pages each item takes and where in the book it starts, then each item from a page
 * of its own under its heading ("证据N"), its content shown as it can be printed:
 * pictures at full resolution scaled to the page (a tall screenshot in strips at full
 * width), a PDF's own pages, a text's lines numbered, a video's key frames; every page
 * numbered through the book.
 *
 * The item of a "book" or "paginate" request:
 *   {"date": "YYYY-MM-DD", "footer": "第 {page} 页 共 {pages} 页",
 *    "cover": TEXT (its first line the title), "unshown": TEXT (said where a file
 *    cannot be shown), "list": {"title", "columns": [6 headings], "rows": [[4 cells]],
 *    "note"}, "items": [{"heading": "证据1", "continued": "证据1（续）", "meta": TEXT,
 *    "path", "mime", "frames": [{"path", "caption"}]}]}
 * The list's last two columns, pages and page range, are filled here. "book" writes
 * the PDF to stdout as Cairo makes it, nothing else (so that a book of photos never
 * has to fit in memory); "paginate" replies with the header {"pages": TOTAL} and the
 * payload [{"first": PAGE, "count": PAGES}], one for each item: a list of thousands of
 * items is longer than a header may be. */
#ifndef DISPUTE_PRINT_BOOK_H
#define DISPUTE_PRINT_BOOK_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* One book, laid out in FAMILY; drawn to stdout when DRAW. 0, or 1 after
 * protocol_fail(). */
int book_item(size_t index, const cJSON *item, const char *family, int draw);

#endif
