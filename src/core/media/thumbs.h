/* Thumbnails of photos for the dossier's page (data/thumbs/), made by the helper
 * program dispute-image (GdkPixbuf, src/helpers/image): at most THUMB_MAX pixels on the
 * longer side, JPEG, upright, every piece of metadata stripped (no GPS position or
 * camera serial leaves through a thumbnail), the same bytes every time for the same
 * photo so that a dossier stays reproducible. JPEG is decoded at a reduced scale;
 * pictures over 250 megapixels, or over 16 in a format decoded whole, are refused from
 * their header. */
#ifndef DISPUTE_THUMBS_H
#define DISPUTE_THUMBS_H

#include <stddef.h>

#define THUMB_MAX 480

struct thumb {
	char *data;     /* JPEG bytes (malloc'd), or NULL when the picture was skipped */
	size_t len;
	int width, height;
};

/* One picture to make a thumbnail of: the file PATH, whose type libmagic recorded as
 * MIME; LABEL names it in warnings. */
struct thumb_source {
	const char *path, *mime, *label;
};

/* Hands the thumbnail of SOURCES[INDEX] to its caller, which takes THUMB's data. */
typedef int (*thumb_fn)(size_t index, struct thumb *thumb, void *ctx);

/* Makes the thumbnails of the COUNT SOURCES, in runs of the helper of a few hundred
 * each, and hands each to ON_THUMB in order. A file that is not a JPEG, PNG, WebP,
 * GIF, HEIF or TIFF picture, that does not decode, or on which the decoder crashes or
 * runs out of its limits, is skipped with one warning naming its label; a damaged
 * picture's thumbnail comes with a warning. DISPUTE_FAILED (after one error) only when
 * the helper cannot be run, memory runs out or ON_THUMB fails. */
int thumbs_make(const struct thumb_source *sources, size_t count, thumb_fn on_thumb,
    void *ctx);

/* The same for one picture into OUT: DISPUTE_OK with OUT->data NULL when skipped. */
int thumb_make(const char *path, const char *label, const char *mime, struct thumb *out);

/* Frees OUT's data and zeroes it; harmless on a zeroed struct. */
void thumb_free(struct thumb *out);

#endif
