/* Reading the capture time and orientation of photos with libexif. Only the first block
 * of a file is looked at: EXIF lives in the JPEG's APP1 segment near its start. */
#include <stdio.h>
#include <string.h>

#include <libexif/exif-data.h>

#include "exif.h"

/* "2026:10:11 20:05:00" → "2026-10-11T20:05:00"; anything else is not trusted. */
static int
normalise(const char *raw, char out[EXIF_TIME_LEN])
{
	int year, month, day, hour, minute, second;
	char tail;

	if (sscanf(raw, "%4d:%2d:%2d %2d:%2d:%2d%c", &year, &month, &day, &hour, &minute,
	    &second, &tail) != 6)
		return 0;
	/* Cameras without a clock write zeros; those are no date at all. */
	if (year < 1990 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
	    hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
		return 0;
	snprintf(out, EXIF_TIME_LEN, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour,
	    minute, second);
	return 1;
}

/* The EXIF of a JPEG file, or NULL: libexif reads EXIF from JPEG files only. */
static ExifData *
jpeg_exif(const unsigned char *data, size_t len)
{
	if (len < 4 || data[0] != 0xFF || data[1] != 0xD8)
		return NULL;
	return exif_data_new_from_data(data, (unsigned int)(len > 0xFFFFFFFFu ? 0xFFFFFFFFu : len));
}

int
exif_capture_time(const unsigned char *data, size_t len, char out[EXIF_TIME_LEN])
{
	ExifData *ed = jpeg_exif(data, len);
	ExifEntry *entry;
	char raw[64];
	int found = 0;

	if (ed == NULL)
		return 0;
	entry = exif_content_get_entry(ed->ifd[EXIF_IFD_EXIF], EXIF_TAG_DATE_TIME_ORIGINAL);
	if (entry != NULL && exif_entry_get_value(entry, raw, sizeof raw) != NULL)
		found = normalise(raw, out);
	exif_data_unref(ed);
	return found;
}

int
exif_orientation(const unsigned char *data, size_t len)
{
	ExifData *ed = jpeg_exif(data, len);
	ExifEntry *entry;
	int orientation = 1;

	if (ed == NULL)
		return 1;
	entry = exif_content_get_entry(ed->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
	if (entry != NULL && entry->format == EXIF_FORMAT_SHORT && entry->components >= 1 &&
	    entry->size >= 2)
		orientation = exif_get_short(entry->data, exif_data_get_byte_order(ed));
	exif_data_unref(ed);
	return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

int
exif_capture_offset(const unsigned char *data, size_t len, char out[EXIF_OFFSET_LEN])
{
	ExifData *ed = jpeg_exif(data, len);
	ExifEntry *entry;
	char raw[32];
	int hours, minutes, found = 0;
	char sign, tail;

	if (ed == NULL)
		return 0;
	entry = exif_content_get_entry(ed->ifd[EXIF_IFD_EXIF], EXIF_TAG_OFFSET_TIME_ORIGINAL);
	/* "+09:00" exactly: anything else is not trusted. */
	if (entry != NULL && exif_entry_get_value(entry, raw, sizeof raw) != NULL &&
	    strlen(raw) == 6 && sscanf(raw, "%c%2d:%2d%c", &sign, &hours, &minutes, &tail) == 3 &&
	    (sign == '+' || sign == '-') && hours <= 14 && minutes <= 59) {
		snprintf(out, EXIF_OFFSET_LEN, "%s", raw);
		found = 1;
	}
	exif_data_unref(ed);
	return found;
}
