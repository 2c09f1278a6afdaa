/* Reading the capture time and orientation of photos with libexif. Only the first block
 * of a file is looked at: EXIF lives in the JPEG's APP1 segment near its start. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
exif_file_orientation(const char *path)
{
	unsigned char *head = malloc(EXIF_HEAD_MAX);
	ssize_t n = -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC), orientation = 1;

	if (head != NULL && fd != -1)
		n = read(fd, head, EXIF_HEAD_MAX);
	if (n > 0)
		orientation = exif_orientation(head, (size_t)n);
	if (fd != -1)
		close(fd);
	free(head);
	return orientation;
}
