/* When a photo was taken, from its EXIF metadata: a credibility mark for evidence. */
#ifndef DISPUTE_EXIF_H
#define DISPUTE_EXIF_H

#include <stddef.h>

#define EXIF_TIME_LEN 32 /* "YYYY-MM-DDTHH:MM:SS" and NUL, with room to spare */

/* The EXIF DateTimeOriginal of the image whose first LEN bytes are DATA, as
 * "YYYY-MM-DDTHH:MM:SS" (camera local time, as recorded). Returns 1 when found and
 * well-formed, 0 otherwise (no EXIF, no such tag, or a malformed value). */
int exif_capture_time(const unsigned char *data, size_t len, char out[EXIF_TIME_LEN]);

#endif
