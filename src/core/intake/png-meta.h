/* What a PNG file (a phone's screenshot) says of when it was made: its tIME chunk
 * (the time the image was last written, in UTC, as the phone or editor saved it), its
 * eXIf chunk (EXIF, as in a photo) and its XMP packet (an iTXt chunk
 * "XML:com.adobe.xmp" with photoshop:DateCreated or xmp:CreateDate). Only the chunks
 * within the bytes given are read: phones write them before the image data. */
#ifndef DISPUTE_PNG_META_H
#define DISPUTE_PNG_META_H

#include <stddef.h>

#include "exif.h"

struct png_meta {
	char time[EXIF_TIME_LEN];    /* tIME as "YYYY-MM-DDTHH:MM:SS" (UTC), or "" */
	int has_exif;                /* EXIF holds the eXIf chunk's facts */
	struct exif_facts exif;
	char xmp_created[40];        /* the XMP creation time as written, or "" */
};

/* Reads the chunks of the PNG whose first LEN bytes are DATA into OUT (zeroed first).
 * 1 when DATA is a PNG, 0 otherwise. A damaged chunk ends the reading, keeping what
 * came before it. */
int png_meta_read(const unsigned char *data, size_t len, struct png_meta *out);

#endif
