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

/* JPEG: SOI, then segments FF xx LEN(2) … until SOS, after which the entropy-coded data
 * and everything up to EOI is copied as it is. */
static int
strip_jpeg(const char *name, const unsigned char *d, size_t len, struct out_buf *o)
{
	size_t pos = 2;

	append(o, d, 2);
	while (pos + 4 <= len) {
		unsigned char marker;
		size_t seg;

		if (d[pos] != 0xFF) {
			dispute_error(_("%s: damaged JPEG (no marker at byte %zu)"), name, pos);
			return DISPUTE_FAILED;
		}
		marker = d[pos + 1];
		if (marker == 0xFF) { /* fill byte */
			pos++;
			continue;
		}
		if (marker == 0xD9) /* EOI without image data */
			break;
		seg = (size_t)d[pos + 2] << 8 | d[pos + 3];
		if (seg < 2 || pos + 2 + seg > len) {
			dispute_error(_("%s: damaged JPEG (segment at byte %zu runs past the end)"), name,
			    pos);
			return DISPUTE_FAILED;
		}
		/* APP1..APP15 (EXIF, XMP, ICC, IPTC, maker notes) and COM may locate or
		 * identify; APP0 (JFIF) and everything that describes pixels stays. ICC colour
		 * profiles (APP2) go too: viewers fall back to sRGB, which phone photos use. */
		if (!((marker >= 0xE1 && marker <= 0xEF) || marker == 0xFE))
			append(o, d + pos, 2 + seg);
		pos += 2 + seg;
		if (marker == 0xDA) { /* start of scan: the rest is image data */
			append(o, d + pos, len - pos);
			return DISPUTE_OK;
		}
	}
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
