/* Copies of photos for the public: the same pixels, without the metadata that can
 * locate or identify the buyer (EXIF with GPS, XMP, IPTC, comments, text chunks). */
#ifndef DISPUTE_STRIP_H
#define DISPUTE_STRIP_H

#include <stddef.h>

/* Writes to *OUT (malloc'd, *OUT_LEN bytes) a copy of the JPEG or PNG image in DATA
 * without metadata: a JPEG keeps only the segments that describe pixels, wherever they
 * stand (between the scans of a progressive JPEG too), a plain JFIF header without its
 * thumbnail, and its scans byte for byte up to and including EOI, nothing after it;
 * a PNG keeps only the chunks that describe pixels, up to IEND.
 * Fails with a message naming NAME when the image is not a JPEG or PNG or is damaged. */
int strip_image_metadata(const char *name, const unsigned char *data, size_t len,
    unsigned char **out, size_t *out_len);

#endif
