/* The dossier's front page, data/index.html: one self-contained HTML file (inline CSS,
 * no scripts, nothing fetched from the network, links relative to data/) rendered from
 * templates/LANG/index.html.mustache with HTML escaping on, plus JPEG thumbnails of the
 * photos in data/thumbs/. The template sees the drafts' view (draft-view.h) and a
 * "page" object documented in templates/README.md. */
#ifndef DISPUTE_PAGE_H
#define DISPUTE_PAGE_H

#include <stddef.h>

#include "dispute/case.h"
#include "dispute/dossier.h"

/* Hands one file of the page to the bag: NAME is its path inside the bag
 * ("data/index.html", "data/thumbs/E01-defect.jpg"), DATA its LEN bytes (ownership
 * passes, also on failure), MIME its type ("text/html", "image/jpeg"). */
typedef int (*page_add_fn)(const char *name, char *data, size_t len, const char *mime,
    void *ctx);

/* Takes the next LEN bytes of data/index.html. */
typedef int (*page_write_fn)(const char *bytes, size_t len, void *ctx);

/* Builds the page of case C from the pack's inputs IN (its view, date, rules, drafts
 * and bag name) in the case's language and hands the thumbnails to ADD, then
 * data/index.html, as it renders, to WRITE (not at all when rendering fails before
 * the first byte). The same case and date give the same bytes. A photo that does not
 * decode is linked instead of shown, with a warning; any other problem fails. */
int page_add_to_bag(const struct dispute_case *c, const struct dossier_inputs *in,
    page_add_fn add, page_write_fn write, void *ctx);

#endif
