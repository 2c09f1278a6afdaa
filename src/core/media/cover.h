/* Copies of screenshots for the public, with the boxes that hold private data filled
 * solid black, by the helper program dispute-image (GdkPixbuf, src/helpers/image): the
 * picture decoded whole, turned upright, covered (where dispute-ocr found the text in the
 * upright picture) and encoded again as a PNG without any metadata. Pictures over 64
 * megapixels are refused from their header. */
#ifndef DISPUTE_COVER_H
#define DISPUTE_COVER_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* One picture: the file PATH of type MIME, and the BOXES to cover ([[x0, y0, x1, y1],
 * ...], x1 and y1 exclusive). */
struct cover_source {
	const char *path, *mime;
	const cJSON *boxes;
};

/* Hands the covered PNG of SOURCES[INDEX], LEN bytes that the caller copies if it keeps
 * them. */
typedef int (*cover_fn)(size_t index, const char *png, size_t len, void *ctx);

/* Covers the COUNT SOURCES in one run of the helper and hands each to ON_COVERED, in
 * order. DISPUTE_FAILED after one error naming the picture when one cannot be covered
 * (it does not decode, is too large, or the decoder crashed or ran out of its limits):
 * a screenshot is never published uncovered. Also when the helper cannot be run, memory
 * runs out or ON_COVERED fails. */
int cover_make(const struct cover_source *sources, size_t count, cover_fn on_covered,
    void *ctx);

#endif
