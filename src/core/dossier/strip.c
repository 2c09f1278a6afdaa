/* Removing metadata from JPEG and PNG files without decoding them. This walks the
 * container (JPEG marker segments, PNG chunks) and copies the rest byte for byte:
 * re-encoding with an image library would also drop the metadata but would change the
 * pixels of a JPEG, and a public copy should show exactly what the evidence shows. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/report.h"
#include "strip.h"

struct out_buf {
	unsigned char *data;
	size_t len;
};

static void
append(struct out_buf *o, const unsigned char *p, size_t n)
{
	memcpy(o->data + o->len, p, n);
	o->len += n;
}

/* The marker segments that describe pixels, kept wherever they stand: frame headers,
 * Huffman and arithmetic-coding tables (C0-CF), start of scan, quantisation tables,
 * number of lines, restart interval, hierarchical progression (DA-DF). Everything
 * else that has a length goes: APP1-APP15 (EXIF, XMP, ICC, IPTC, maker notes, phones'
 * depth maps), COM, the extension markers F0-FD and reserved ones, none of which a
 * decoder needs for a phone photo. ICC colour profiles (APP2) go too: viewers fall back
 * to sRGB, which phone photos use. APP0 is handled apart (jfif_header). */
static int
jpeg_segment_kept(unsigned char marker)
{
	return (marker >= 0xC0 && marker <= 0xCF) || (marker >= 0xDA && marker <= 0xDF);
}

/* The markers that stand alone, without a length: TEM, RST0-RST7, SOI. Outside
 * entropy-coded data they carry nothing and are left out. */
static int
jpeg_marker_alone(unsigned char marker)
{
	return marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
}

/* An APP0 segment (SEG bytes from its marker) is kept only as the plain JFIF header
 * that viewers use for the pixel aspect: "JFIF\0", version, density units and
 * densities, with an embedded thumbnail cut off (an edited photo's thumbnail may still
 * show what was cropped away). JFXX (thumbnails again) and any other APP0 payload go. */
static void
jfif_header(const unsigned char *seg, size_t seg_len, struct out_buf *o)
{
	static const unsigned char no_thumbnail[2] = { 0, 0 };
	static const unsigned char marker_and_length[4] = { 0xFF, 0xE0, 0x00, 0x10 };

	if (seg_len < 2 + 16 || memcmp(seg + 4, "JFIF", 5) != 0)
		return;
	append(o, marker_and_length, 4);
	append(o, seg + 4, 12);
	append(o, no_thumbnail, 2);
}

/* The end of the entropy-coded data that starts at POS: the first marker other than a
 * stuffed FF00 or a restart marker (RST0-RST7), which are part of the data; fill bytes
 * (FF FF ...) before a marker belong to it. LEN when the file ends inside the data (a
 * truncated photo, copied as far as it goes). */
static size_t
entropy_end(const unsigned char *d, size_t len, size_t pos)
{
	while (pos + 1 < len) {
		unsigned char next = d[pos + 1];

		if (d[pos] != 0xFF || next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
			pos += d[pos] == 0xFF ? 2 : 1;
			continue;
		}
		return pos;
	}
	return len;
}

/* JPEG: SOI, marker segments FF xx LEN(2) ..., a scan (SOS and its entropy-coded data),
 * then for a progressive or multi-scan JPEG more tables and scans, and EOI. Only what
 * describes pixels and the scans themselves are copied, byte for byte, up to and
 * including EOI: whatever follows EOI (phones append motion-photo videos, depth maps
 * and vendor trailers there) is not part of the picture. */
static int
strip_jpeg(const char *name, const unsigned char *d, size_t len, struct out_buf *o)
{
	static const unsigned char eoi[2] = { 0xFF, 0xD9 };
	size_t pos = 2;
	int scanned = 0;

	append(o, d, 2);
	while (pos + 2 <= len) {
		unsigned char marker;
		size_t seg;

		if (d[pos] != 0xFF) {
			/* Between scans a decoder skips stray bytes up to the next marker; so
			 * does this copy, leaving them out. Before the first there is no
			 * excuse for them. */
			if (!scanned) {
				dispute_error(_("%s: damaged JPEG (no marker at byte %zu)"), name, pos);
				return DISPUTE_FAILED;
			}
			pos++;
			continue;
		}
		marker = d[pos + 1];
		if (marker == 0xFF) { /* fill byte */
			pos++;
			continue;
		}
		if (marker == 0xD9) {
			if (!scanned)
				break;
			append(o, eoi, 2);
			return DISPUTE_OK;
		}
		if (jpeg_marker_alone(marker)) {
			pos += 2;
			continue;
		}
		seg = pos + 4 <= len ? (size_t)d[pos + 2] << 8 | d[pos + 3] : 0;
		if (seg < 2 || pos + 2 + seg > len) {
			if (scanned) /* truncated between scans: the scans before are kept */
				return DISPUTE_OK;
			dispute_error(_("%s: damaged JPEG (segment at byte %zu runs past the end)"), name,
			    pos);
			return DISPUTE_FAILED;
		}
		if (marker == 0xE0 && !scanned)
			jfif_header(d + pos, 2 + seg, o);
		else if (jpeg_segment_kept(marker))
			append(o, d + pos, 2 + seg);
		pos += 2 + seg;
		if (marker == 0xDA) { /* start of scan: its entropy-coded data follows */
			size_t end = entropy_end(d, len, pos);

			append(o, d + pos, end - pos);
			pos = end;
			scanned = 1;
		}
	}
	/* A truncated photo ends inside its last scan: what there is of it is kept. */
	if (scanned)
		return DISPUTE_OK;
	dispute_error(_("%s: damaged JPEG (no image data)"), name);
	return DISPUTE_FAILED;
}

/* PNG chunks that describe how to show the pixels; everything else (tEXt, zTXt, iTXt,
 * eXIf, tIME, private chunks) is left out. */
static int
png_chunk_kept(const unsigned char *type)
{
	static const char *const kept[] = {
		"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD",
		"pHYs", "acTL", "fcTL", "fdAT", NULL
	};
	int i;

	for (i = 0; kept[i] != NULL; i++)
		if (memcmp(type, kept[i], 4) == 0)
			return 1;
	return 0;
}

static int
strip_png(const char *name, const unsigned char *d, size_t len, struct out_buf *o)
{
	size_t pos = 8;

	append(o, d, 8);
	while (pos + 12 <= len) {
		uint32_t n = (uint32_t)d[pos] << 24 | (uint32_t)d[pos + 1] << 16 |
		    (uint32_t)d[pos + 2] << 8 | d[pos + 3];
		size_t chunk = 12 + (size_t)n;

		if (n > len || pos + chunk > len) {
			dispute_error(_("%s: damaged PNG (chunk at byte %zu runs past the end)"), name, pos);
			return DISPUTE_FAILED;
		}
		if (png_chunk_kept(d + pos + 4))
			append(o, d + pos, chunk);
		if (memcmp(d + pos + 4, "IEND", 4) == 0)
			return DISPUTE_OK;
		pos += chunk;
	}
	dispute_error(_("%s: damaged PNG (no IEND chunk)"), name);
	return DISPUTE_FAILED;
}

int
strip_image_metadata(const char *name, const unsigned char *data, size_t len,
    unsigned char **out, size_t *out_len)
{
	static const unsigned char png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	struct out_buf o;
	int status;

	*out = NULL;
	*out_len = 0;
	/* The copy is never larger than the original. */
	o.data = malloc(len > 0 ? len : 1);
	o.len = 0;
	if (o.data == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (len >= 4 && data[0] == 0xFF && data[1] == 0xD8)
		status = strip_jpeg(name, data, len, &o);
	else if (len >= 8 && memcmp(data, png_signature, 8) == 0)
		status = strip_png(name, data, len, &o);
	else {
		dispute_error(_("%s: only JPEG and PNG photos can be copied without metadata"), name);
		status = DISPUTE_FAILED;
	}
	if (status != DISPUTE_OK) {
		free(o.data);
		return DISPUTE_FAILED;
	}
	*out = o.data;
	*out_len = o.len;
	return DISPUTE_OK;
}
