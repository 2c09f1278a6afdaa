/* Reading the time a PNG states (png-meta.h), chunk by chunk (PNG specification,
 * ISO/IEC 15948: 4-byte big-endian length, 4-byte type, data, 4-byte CRC). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dispute/date.h"
#include "png-meta.h"

#define XMP_KEYWORD "XML:com.adobe.xmp"

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* tIME: year (2 bytes), month, day, hour, minute, second, in UTC. A day the month does
 * not have (31 February) is no time at all, and is not read. */
static void
read_time(const unsigned char *p, uint32_t n, char out[EXIF_TIME_LEN])
{
	char day[16];
	unsigned year;

	if (n != 7)
		return;
	year = (unsigned)p[0] << 8 | p[1];
	if (year < 1990 || year > 9999 || p[2] > 12 || p[3] > 31 || p[4] > 23 || p[5] > 59 ||
	    p[6] > 60)
		return;
	snprintf(day, sizeof day, "%04u-%02u-%02u", year, p[2], p[3]);
	if (!date_valid(day))
		return;
	snprintf(out, EXIF_TIME_LEN, "%sT%02u:%02u:%02u", day, p[4], p[5], p[6]);
}

/* The value of the XMP property NAME in TEXT (N bytes), as an element
 * (<NAME>value</NAME>) or an attribute (NAME="value"), into OUT. */
static int
xmp_property(const char *text, size_t n, const char *name, char *out, size_t len)
{
	size_t name_len = strlen(name), i, j;

	for (i = 0; i + name_len + 2 < n; i++) {
		char close;

		if (memcmp(text + i, name, name_len) != 0 || (i > 0 && text[i - 1] != '<' &&
		    text[i - 1] != ' ' && text[i - 1] != '\n' && text[i - 1] != '\t'))
			continue;
		j = i + name_len;
		if (text[j] == '>')
			close = '<';
		else if (text[j] == '=' && (text[j + 1] == '"' || text[j + 1] == '\''))
			close = text[++j];
		else
			continue;
		for (i = ++j; j < n && text[j] != close && j - i + 1 < len; j++)
			;
		if (j >= n || text[j] != close)
			return 0;
		snprintf(out, len, "%.*s", (int)(j - i), text + i);
		return 1;
	}
	return 0;
}

/* iTXt: keyword, NUL, compression flag, method, language, NUL, translated keyword,
 * NUL, text. Only an uncompressed XMP packet is read. */
static void
read_xmp(const unsigned char *p, uint32_t n, struct png_meta *out)
{
	static const char *const names[] = { "photoshop:DateCreated", "xmp:CreateDate" };
	const char *text = (const char *)p, *end = text + n;
	size_t k;
	int nul;

	if (n < sizeof XMP_KEYWORD + 2 || memcmp(p, XMP_KEYWORD, sizeof XMP_KEYWORD) != 0 ||
	    p[sizeof XMP_KEYWORD] != 0)
		return;
	text += sizeof XMP_KEYWORD + 2;
	for (nul = 0; text < end && nul < 2; text++)
		if (*text == '\0')
			nul++;
	for (k = 0; nul == 2 && k < sizeof names / sizeof names[0]; k++)
		if (xmp_property(text, (size_t)(end - text), names[k], out->xmp_created,
		    sizeof out->xmp_created))
			return;
}

int
png_meta_read(const unsigned char *data, size_t len, struct png_meta *out)
{
	static const unsigned char signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
	    '\n' };
	size_t at = 8;

	memset(out, 0, sizeof *out);
	if (len < 8 || memcmp(data, signature, 8) != 0)
		return 0;
	while (at + 12 <= len) {
		uint32_t n = be32(data + at);
		const unsigned char *type = data + at + 4, *body = data + at + 8;

		if (n > len - at - 12 || memcmp(type, "IEND", 4) == 0)
			break;
		if (memcmp(type, "tIME", 4) == 0)
			read_time(body, n, out->time);
		else if (memcmp(type, "eXIf", 4) == 0 && !out->has_exif)
			out->has_exif = exif_facts_tiff(body, n, &out->exif);
		else if (memcmp(type, "iTXt", 4) == 0 && out->xmp_created[0] == '\0')
			read_xmp(body, n, out);
		at += 12 + (size_t)n;
	}
	return 1;
}
