/* Reading the capture time, camera and orientation of photos with libexif. Only the first block
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

/* ENTRY's value as text into OUT; "" when absent. Control characters become spaces,
 * trailing spaces go (cameras pad Make and Model). */
static void
entry_text(ExifContent *ifd, ExifTag tag, char *out, size_t len)
{
	ExifEntry *entry = ifd != NULL ? exif_content_get_entry(ifd, tag) : NULL;
	size_t i, n;

	out[0] = '\0';
	if (entry == NULL || exif_entry_get_value(entry, out, (unsigned int)len) == NULL) {
		out[0] = '\0';
		return;
	}
	for (i = 0; out[i] != '\0'; i++)
		if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
			out[i] = ' ';
	for (n = strlen(out); n > 0 && out[n - 1] == ' '; n--)
		out[n - 1] = '\0';
}

/* "+08:00" as EXIF 2.31 writes OffsetTimeOriginal; anything else is not trusted. */
static int
offset_ok(const char *s)
{
	return strlen(s) == 6 && (s[0] == '+' || s[0] == '-') && s[1] >= '0' && s[1] <= '1' &&
	    s[2] >= '0' && s[2] <= '9' && s[3] == ':' && s[4] >= '0' && s[4] <= '5' &&
	    s[5] >= '0' && s[5] <= '9';
}

/* Fills OUT from ED (which may be NULL) and releases it. */
static int
facts_of(ExifData *ed, struct exif_facts *out)
{
	char raw[64];

	memset(out, 0, sizeof *out);
	if (ed == NULL)
		return 0;
	entry_text(ed->ifd[EXIF_IFD_EXIF], EXIF_TAG_DATE_TIME_ORIGINAL, raw, sizeof raw);
	if (!normalise(raw, out->captured))
		out->captured[0] = '\0';
	entry_text(ed->ifd[EXIF_IFD_EXIF], EXIF_TAG_OFFSET_TIME_ORIGINAL, out->offset,
	    sizeof out->offset);
	if (out->captured[0] == '\0' || !offset_ok(out->offset))
		out->offset[0] = '\0';
	entry_text(ed->ifd[EXIF_IFD_0], EXIF_TAG_MAKE, out->make, sizeof out->make);
	entry_text(ed->ifd[EXIF_IFD_0], EXIF_TAG_MODEL, out->model, sizeof out->model);
	exif_data_unref(ed);
	return 1;
}

int
exif_facts_jpeg(const unsigned char *data, size_t len, struct exif_facts *out)
{
	return facts_of(jpeg_exif(data, len), out);
}

int
exif_facts_tiff(const unsigned char *data, size_t len, struct exif_facts *out)
{
	static const unsigned char header[6] = { 'E', 'x', 'i', 'f', 0, 0 };
	unsigned char *block;
	ExifData *ed = NULL;

	/* libexif finds a block by the header a JPEG's APP1 segment gives it. */
	if (len >= 8 && len < 0xFFFF0000u && (block = malloc(len + sizeof header)) != NULL) {
		memcpy(block, header, sizeof header);
		memcpy(block + sizeof header, data, len);
		ed = exif_data_new_from_data(block, (unsigned int)(len + sizeof header));
		free(block);
	}
	return facts_of(ed, out);
}

int
exif_capture_time(const unsigned char *data, size_t len, char out[EXIF_TIME_LEN])
{
	struct exif_facts facts;

	exif_facts_jpeg(data, len, &facts);
	memcpy(out, facts.captured, EXIF_TIME_LEN);
	return out[0] != '\0';
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
