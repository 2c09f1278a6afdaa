/* What a photo's EXIF metadata says: when it was taken, a credibility mark for evidence,
 * and which way up it is to be shown. */
#ifndef DISPUTE_EXIF_H
#define DISPUTE_EXIF_H

#include <stddef.h>

#define EXIF_TIME_LEN 32 /* "YYYY-MM-DDTHH:MM:SS" and NUL, with room to spare */

/* The EXIF DateTimeOriginal of the image whose first LEN bytes are DATA, as
 * "YYYY-MM-DDTHH:MM:SS" (camera local time, as recorded). Returns 1 when found and
 * well-formed, 0 otherwise (no EXIF, no such tag, or a malformed value). */
int exif_capture_time(const unsigned char *data, size_t len, char out[EXIF_TIME_LEN]);

/* What EXIF says of where and when a picture was made. Empty strings when absent. */
struct exif_facts {
	char captured[EXIF_TIME_LEN];  /* DateTimeOriginal, as exif_capture_time() */
	char offset[8];                /* OffsetTimeOriginal: "+08:00", the zone CAPTURED is in */
	char make[64], model[64];      /* the camera or phone: "Apple", "iPhone 15" */
};

/* The facts of the JPEG whose first LEN bytes are DATA (exif_capture_time's rules).
 * Returns 1 when the picture has EXIF, 0 otherwise (OUT all empty). */
int exif_facts_jpeg(const unsigned char *data, size_t len, struct exif_facts *out);

/* The same for a bare TIFF-structured EXIF block ("II*\0" or "MM\0*"...), as a PNG's
 * eXIf chunk holds it. */
int exif_facts_tiff(const unsigned char *data, size_t len, struct exif_facts *out);

/* The EXIF Orientation (TIFF tag 274) of the JPEG image whose first LEN bytes are DATA:
 * 1 (as stored) to 8; 2 to 8 say the stored pixels are mirrored or turned (6: a phone
 * held upright, whose picture is to be turned 90 degrees clockwise). 1 when there is no
 * EXIF, no such tag or a value out of range. */
int exif_orientation(const unsigned char *data, size_t len);

/* The EXIF APP1 segment sits at a JPEG's start and holds at most 64 KiB. */
#define EXIF_HEAD_MAX (128 * 1024)

/* The same for the file at PATH, from its first EXIF_HEAD_MAX bytes; 1 when it cannot be
 * read (its reader says so when it opens it). */
int exif_file_orientation(const char *path);

#endif
