/* Thumbnails of photos for the dossier's page (data/thumbs/), made with GdkPixbuf: at
 * most THUMB_MAX pixels on the longer side, JPEG, every piece of metadata stripped (no
 * GPS position or camera serial leaves through a thumbnail), the same bytes every time
 * for the same photo so that a dossier stays reproducible. */
#ifndef DISPUTE_THUMBS_H
#define DISPUTE_THUMBS_H

#include <stddef.h>

#define THUMB_MAX 480
/* Larger pictures are not decoded at all: a decompression bomb is refused, not tried.
 * JPEG is decoded at a reduced scale; other formats are decoded whole, at 4 bytes a
 * pixel, so they have a lower bound (a 12-megapixel HEIF photo or a 4K screenshot fits). */
#define THUMB_SOURCE_MAX_PIXELS (250.0 * 1000 * 1000)
#define THUMB_WHOLE_MAX_PIXELS (16.0 * 1000 * 1000)

struct thumb {
	char *data;     /* JPEG bytes (malloc'd), or NULL when the picture was skipped */
	size_t len;
	int width, height;
};

/* Makes the thumbnail of the picture in the file PATH, whose type libmagic recorded as
 * MIME, into OUT. A file that is not a JPEG, PNG, WebP, GIF, HEIF or TIFF picture, or
 * that does not decode, is skipped with one warning naming LABEL: DISPUTE_OK with
 * OUT->data NULL. DISPUTE_FAILED (after one error) only when the image library cannot
 * be loaded or memory runs out. The library is loaded once per process, on first use;
 * this is not thread-safe. */
int thumb_make(const char *path, const char *label, const char *mime, struct thumb *out);

/* Frees OUT's data and zeroes it; harmless on a zeroed struct. */
void thumb_free(struct thumb *out);

#endif
