/* Pictures in the evidence book (book-content.h): at full resolution, scaled to the
 * page. A JPEG photo goes into the PDF as its own compressed data (no decoding and
 * encoding again, no loss), turned as its EXIF orientation says, with its metadata
 * segments (EXIF with a GPS position, XMP, comments) left out; the file is decoded
 * once at a small scale, to know that it decodes and how it is turned. Other formats
 * are decoded whole: screenshots stored without loss, HEIF photos as JPEG at quality
 * 92. A picture that, shown whole, would be narrower than TALL_KEEP of the text width
 * (a long phone screenshot) is cut into strips across pages at full width instead. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "book-content.h"
#include "photo-format.h"

/* Pictures larger than these are not decoded at all: a decompression bomb is refused,
 * not tried. A JPEG is only decoded at a small scale; other formats whole, at 4 bytes
 * a pixel twice (GdkPixbuf's and Cairo's copies). */
#define JPEG_MAX_PIXELS (250.0 * 1000 * 1000)
#define WHOLE_MAX_PIXELS (50.0 * 1000 * 1000)
#define JPEG_MAX_BYTES (256L * 1024 * 1024)
#define PROBE_SIZE 256
#define TALL_KEEP 0.6
/* Strips shorter than this start on the next page. */
#define STRIP_MIN (40 * MM)
#define GAP (3 * MM)

struct picture {
	struct content base;
	char *path;
	const struct photo_format *format;
	int width, height;         /* as stored */
	int orientation;           /* EXIF's 1-8 */
	int tall;                  /* in strips */
};

/* Whether EXIF orientation O turns the picture a quarter. */
static int
sideways(int o)
{
	return o >= 5 && o <= 8;
}

struct content *
picture_probe(const char *path, const char *mime)
{
	const struct photo_format *format = photo_format_of(mime);
	GdkPixbufFormat *found;
	struct picture *p = NULL;
	int width = 0, height = 0, orientation = 1;
	gchar *name = NULL;
	double pixels, w, h, full;

	found = gdk_pixbuf_get_file_info(path, &width, &height);
	name = found != NULL ? gdk_pixbuf_format_get_name(found) : NULL;
	pixels = (double)width * height;
	if (!photo_format_loader_is(format, name) || width <= 0 || height <= 0 ||
	    pixels > (format->decoded_whole ? WHOLE_MAX_PIXELS : JPEG_MAX_PIXELS))
		goto out;
	if (!format->decoded_whole) {
		GdkPixbuf *small = gdk_pixbuf_new_from_file_at_scale(path, PROBE_SIZE, PROBE_SIZE,
		    TRUE, NULL);
		const gchar *o = small != NULL ? gdk_pixbuf_get_option(small, "orientation") : NULL;

		if (small == NULL)
			goto out;
		if (o != NULL && o[0] >= '1' && o[0] <= '8' && o[1] == '\0')
			orientation = o[0] - '0';
		g_object_unref(small);
	}
	p = calloc(1, sizeof *p);
	if (p == NULL || (p->path = strdup(path)) == NULL) {
		free(p);
		p = NULL;
		goto out;
	}
	p->base.kind = CONTENT_PICTURE;
	p->format = format;
	p->width = width;
	p->height = height;
	p->orientation = orientation;
	w = sideways(orientation) ? height : width;
	h = sideways(orientation) ? width : height;
	full = TEXT_WIDTH / w < (TEXT_BOTTOM - MARGIN_TOP) / h ? TEXT_WIDTH / w :
	    (TEXT_BOTTOM - MARGIN_TOP) / h;
	/* Strips need the picture decoded whole: not for a JPEG too large for that. */
	p->tall = full * w < TALL_KEEP * TEXT_WIDTH && pixels <= WHOLE_MAX_PIXELS;
out:
	g_free(name);
	return p != NULL ? &p->base : NULL;
}

void
picture_free(struct content *c)
{
	struct picture *p = (struct picture *)c;

	free(p->path);
	free(p);
}

/* The JPEG file PATH without its APP1-APP13, APP15 and COM segments (EXIF, XMP,
 * Photoshop's, comments); JFIF's APP0 and Adobe's APP14, which say how to read the
 * colours, stay. NULL when it is not a JPEG as expected. */
static unsigned char *
jpeg_without_metadata(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *in = NULL, *out = NULL;
	long size;
	size_t i = 2, o = 2;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 4 ||
	    size > JPEG_MAX_BYTES || fseek(f, 0, SEEK_SET) != 0 ||
	    (in = malloc((size_t)size)) == NULL || (out = malloc((size_t)size)) == NULL ||
	    fread(in, 1, (size_t)size, f) != (size_t)size || in[0] != 0xFF || in[1] != 0xD8)
		goto fail;
	memcpy(out, in, 2);
	while (i + 4 <= (size_t)size && in[i] == 0xFF) {
		unsigned marker;
		size_t seg;

		/* A marker may be preceded by fill bytes (0xFF). */
		if (in[i + 1] == 0xFF) {
			i++;
			continue;
		}
		marker = in[i + 1];
		seg = 2 + ((size_t)in[i + 2] << 8 | in[i + 3]);

		if (marker == 0xDA) /* start of scan: the rest is the picture */
			break;
		if (seg < 4 || i + seg > (size_t)size)
			goto fail;
		if (!((marker >= 0xE1 && marker <= 0xED) || marker == 0xEF || marker == 0xFE)) {
			memcpy(out + o, in + i, seg);
			o += seg;
		}
		i += seg;
	}
	if (i + 4 > (size_t)size || in[i] != 0xFF || in[i + 1] != 0xDA)
		goto fail;
	memcpy(out + o, in + i, (size_t)size - i);
	*len = o + (size_t)size - i;
	free(in);
	fclose(f);
	return out;
fail:
	free(in);
	free(out);
	if (f != NULL)
		fclose(f);
	return NULL;
}

/* The matrix that draws a picture of W x H stored pixels, turned as EXIF orientation
 * O says, into the box (X, Y) of the turned size times SCALE. */
static void
orient(cairo_t *cr, int o, double w, double h, double x, double y, double scale)
{
	cairo_translate(cr, x, y);
	cairo_scale(cr, scale, scale);
	switch (o) {
	case 2: cairo_translate(cr, w, 0); cairo_scale(cr, -1, 1); break;
	case 3: cairo_translate(cr, w, h); cairo_rotate(cr, G_PI); break;
	case 4: cairo_translate(cr, 0, h); cairo_scale(cr, 1, -1); break;
	case 5: cairo_rotate(cr, G_PI / 2); cairo_scale(cr, 1, -1); break;
	case 6: cairo_translate(cr, h, 0); cairo_rotate(cr, G_PI / 2); break;
	case 7: cairo_translate(cr, h, w); cairo_rotate(cr, -G_PI / 2); cairo_scale(cr, -1, 1);
		break;
	case 8: cairo_translate(cr, 0, w); cairo_rotate(cr, -G_PI / 2); break;
	default: break;
	}
}

static void
release(void *data)
{
	free(data);
}

/* A JPEG as its own data: Cairo writes the bytes given as the image, of the size
 * they say, and never reads the surface's pixels. The surface is 1 x 1: an image
 * fills the unit square in PDF, and the caller scales it to the photo's size, so that
 * the pixels of a large photo are never held in memory (Cairo copies a surface it
 * still refers to when it is released). */
static cairo_surface_t *
jpeg_surface(const struct picture *p)
{
	size_t len = 0;
	unsigned char *jpeg = jpeg_without_metadata(p->path, &len);
	cairo_surface_t *surface;

	if (jpeg == NULL)
		return NULL;
	surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, jpeg, len, release,
	    jpeg) != CAIRO_STATUS_SUCCESS) {
		free(jpeg);
		cairo_surface_destroy(surface);
		return NULL;
	}
	return surface;
}

/* The picture decoded whole and upright, on white; NULL when it does not decode. A
 * HEIF photo carries its JPEG at quality 92 for the PDF. */
static cairo_surface_t *
decoded_surface(const struct picture *p)
{
	GdkPixbuf *loaded = gdk_pixbuf_new_from_file(p->path, NULL), *up = NULL;
	cairo_surface_t *surface = NULL;
	const guchar *pixels;
	unsigned char *data;
	int w, h, n, stride, x, y;

	if (loaded == NULL || (up = gdk_pixbuf_apply_embedded_orientation(loaded)) == NULL ||
	    gdk_pixbuf_get_bits_per_sample(up) != 8)
		goto out;
	w = gdk_pixbuf_get_width(up);
	h = gdk_pixbuf_get_height(up);
	n = gdk_pixbuf_get_n_channels(up);
	surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
		goto out;
	cairo_surface_flush(surface);
	data = cairo_image_surface_get_data(surface);
	stride = cairo_image_surface_get_stride(surface);
	pixels = gdk_pixbuf_read_pixels(up);
	for (y = 0; y < h; y++) {
		const guchar *src = pixels + (size_t)y * (size_t)gdk_pixbuf_get_rowstride(up);
		uint32_t *dst = (uint32_t *)(void *)(data + (size_t)y * (size_t)stride);

		for (x = 0; x < w; x++, src += n) {
			unsigned a = n == 4 ? src[3] : 255, rgb[3], i;

			for (i = 0; i < 3; i++)
				rgb[i] = (src[i] * a + 255 * (255 - a) + 127) / 255;
			dst[x] = rgb[0] << 16 | rgb[1] << 8 | rgb[2];
		}
	}
	cairo_surface_mark_dirty(surface);
	if (strcmp(p->format->loader, "heif") == 0) {
		gchar *jpeg = NULL;
		gsize len = 0;

		if (gdk_pixbuf_save_to_buffer(up, &jpeg, &len, "jpeg", NULL, "quality", "92",
		    NULL))
			cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG,
			    (unsigned char *)jpeg, len, g_free, jpeg);
	}
out:
	if (up != NULL)
		g_object_unref(up);
	if (loaded != NULL)
		g_object_unref(loaded);
	return surface;
}

/* SURFACE (W x H points at 1 a pixel) at SCALE into the box at the cursor, the
 * box's width centred. */
static void
paint(struct sheet *s, cairo_surface_t *surface, const struct picture *p, double w,
    double scale, int turn)
{
	double x = MARGIN_LEFT + (TEXT_WIDTH - w * scale) / 2;

	cairo_save(s->cr);
	if (turn)
		orient(s->cr, p->orientation, p->width, p->height, x, s->y, scale);
	else {
		cairo_translate(s->cr, x, s->y);
		cairo_scale(s->cr, scale, scale);
	}
	if (turn) /* a JPEG's unit surface */
		cairo_scale(s->cr, p->width, p->height);
	cairo_set_source_surface(s->cr, surface, 0, 0);
	/* Pixels as they are when printed large: no smoothing across them. */
	cairo_pattern_set_filter(cairo_get_source(s->cr), CAIRO_FILTER_GOOD);
	cairo_paint(s->cr);
	cairo_restore(s->cr);
}

/* A tall picture in strips at full width, each as much of the page as is left. */
static void
strips(struct sheet *s, const struct picture *p, int w, int h, cairo_surface_t *surface,
    const char *unshown)
{
	double scale = TEXT_WIDTH / w;
	int row = 0;

	while (row < h) {
		int rows;

		if (TEXT_BOTTOM - s->y < STRIP_MIN)
			sheet_new_page(s);
		rows = (int)((TEXT_BOTTOM - s->y) / scale);
		if (rows > h - row)
			rows = h - row;
		if (s->cr != NULL && surface != NULL) {
			unsigned char *data = cairo_image_surface_get_data(surface);
			int stride = cairo_image_surface_get_stride(surface);
			cairo_surface_t *strip = cairo_image_surface_create_for_data(
			    data + (size_t)row * (size_t)stride, CAIRO_FORMAT_RGB24, w, rows,
			    stride);

			paint(s, strip, p, w, scale, 0);
			cairo_surface_destroy(strip);
		} else if (s->cr != NULL && row == 0)
			content_say(s, unshown);
		s->y += rows * scale;
		row += rows;
	}
	s->y += GAP;
}

void
picture_show(struct sheet *s, struct content *c, const char *unshown)
{
	struct picture *p = (struct picture *)c;
	int turned = sideways(p->orientation);
	double w = turned ? p->height : p->width, h = turned ? p->width : p->height;
	int whole = p->format->decoded_whole || p->tall;
	cairo_surface_t *surface = NULL;
	double scale, top;

	if (s->cr != NULL)
		surface = whole ? decoded_surface(p) : jpeg_surface(p);
	if (p->tall) {
		/* Strips cut as counted: a picture that decodes to another size than its
		 * header said is not shown. */
		if (surface != NULL && (cairo_image_surface_get_width(surface) != (int)w ||
		    cairo_image_surface_get_height(surface) != (int)h)) {
			cairo_surface_destroy(surface);
			surface = NULL;
		}
		strips(s, p, (int)w, (int)h, surface, unshown);
		cairo_surface_destroy(surface);
		return;
	}
	scale = content_place(s, w, h);
	top = s->y;
	if (surface != NULL && whole) {
		/* Decoded upright, maybe at another size: fitted into the box counted. */
		double dw = cairo_image_surface_get_width(surface);
		double dh = cairo_image_surface_get_height(surface);
		double fit = w * scale / dw < h * scale / dh ? w * scale / dw : h * scale / dh;

		paint(s, surface, p, dw, fit, 0);
	} else if (surface != NULL)
		paint(s, surface, p, w, scale, 1);
	else if (s->cr != NULL)
		content_say(s, unshown);
	cairo_surface_destroy(surface);
	s->y = top + h * scale + GAP;
}

void
picture_show_in(struct sheet *s, struct content *c, double x, double y, double w, double h)
{
	struct picture *p = (struct picture *)c;
	int turned = sideways(p->orientation);
	double pw = turned ? p->height : p->width, ph = turned ? p->width : p->height;
	double scale = w / pw < h / ph ? w / pw : h / ph;
	cairo_surface_t *surface = p->format->decoded_whole ? decoded_surface(p) :
	    jpeg_surface(p);
	double top = s->y;

	if (surface == NULL)
		return;
	/* paint() centres across the text width; the box is its own. */
	s->y = y + (h - ph * scale) / 2;
	cairo_save(s->cr);
	cairo_translate(s->cr, x + (w - pw * scale) / 2 - (MARGIN_LEFT + (TEXT_WIDTH -
	    pw * scale) / 2), 0);
	paint(s, surface, p, pw, scale, !p->format->decoded_whole);
	cairo_restore(s->cr);
	cairo_surface_destroy(surface);
	s->y = top;
}
