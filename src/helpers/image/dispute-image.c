/* dispute-image: pictures through GdkPixbuf, in a process of its own (helper.h), so
 * that the commands that show no picture never load GdkPixbuf and GLib, and a hostile
 * picture that crashes or exhausts a decoder costs only its own thumbnail.
 *
 * Command "thumbnail", items {"path", "mime", "max"}: a JPEG of at most MAX pixels on
 * the longer side, upright (EXIF orientation), transparent parts on white, without any
 * metadata (no EXIF, XMP or ICC profile: no GPS position or camera serial leaves
 * through a thumbnail), the same bytes every time for the same picture. The header says
 * "width" and "height", and "damaged" with GdkPixbuf's message when the loader had to
 * make up part of the picture; or "skipped" (unsupported, undecodable, too-large,
 * whole-too-large) with "detail", and no payload.
 *
 * Command "upright", items {"path", "mime"}: a JPEG photo decoded whole, turned as its
 * EXIF orientation says and encoded again as JPEG at quality 92, without any metadata,
 * for the public copy of a dossier, whose metadata-free photos would otherwise show a
 * portrait photo on its side. The same header; "unsupported" for anything but a JPEG,
 * "whole-too-large" over 64 megapixels.
 *
 * Command "cover", items {"path", "mime", "boxes": [[x0, y0, x1, y1], ...]}: the picture
 * decoded whole, turned as its EXIF orientation says, each box (in the upright picture,
 * x1 and y1 exclusive, as dispute-ocr gives them) filled solid black, and encoded again
 * as PNG without any metadata, for the public copy of a screenshot. Solid, not
 * blurred: a blur can be undone, and digits of a known font read through it. The same
 * header; "whole-too-large" over 64 megapixels.
 *
 * For a thumbnail a JPEG is decoded at a reduced scale by libjpeg (a 12-megapixel photo
 * at 1/8); the other formats are decoded whole, so their size is capped lower. A file is only handed
 * to the loader that matches the type libmagic recorded at intake (never to GdkPixbuf's
 * rarer loaders: icons, cursors, Targa ...), and huge pixel counts are refused from the
 * header, before decoding. */
#include <stdio.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "photo-format.h"
#include "protocol.h"

/* JPEG quality of the thumbnails: sharp enough to recognise a defect on screen. */
#define THUMB_QUALITY "82"
/* JPEG quality of a photo turned upright: the defect must stay as visible as in the
 * original, whose pixels are no longer copied as they are. */
#define UPRIGHT_QUALITY "92"
/* Larger pictures are not decoded at all: a decompression bomb is refused, not tried.
 * Formats decoded whole take 4 bytes a pixel, so they have a lower bound (a
 * 12-megapixel HEIF photo or a 4K screenshot fits). */
#define SOURCE_MAX_PIXELS (250.0 * 1000 * 1000)
#define WHOLE_MAX_PIXELS (16.0 * 1000 * 1000)
/* A photo turned upright is decoded whole at 3 bytes a pixel, and turned into a second
 * copy: the 48- and 50-megapixel photos of current phones fit. */
#define UPRIGHT_MAX_PIXELS (64.0 * 1000 * 1000)

/* What GdkPixbuf logged about the file being read, on one line. */
static char logged[256];

/* Loaders report recoverable trouble through GLib's log; the last message is kept and
 * goes with the file's reply. */
static void
keep_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
	size_t i;

	(void)domain;
	(void)level;
	(void)data;
	if (message == NULL)
		return;
	snprintf(logged, sizeof logged, "%s", message);
	for (i = 0; logged[i] != '\0'; i++)
		if (logged[i] == '\n')
			logged[i] = ' ';
}

/* The header only: that the loader GdkPixbuf picks is the expected one, and the size,
 * to refuse bombs before decoding (MOST: the most pixels this decode may take). NULL
 * when the picture may be decoded. */
static const char *
check_header(const char *path, const struct photo_format *format, double most, int *width,
    int *height)
{
	GdkPixbufFormat *found = gdk_pixbuf_get_file_info(path, width, height);
	gchar *name = found != NULL ? gdk_pixbuf_format_get_name(found) : NULL;
	double pixels = (double)*width * *height;
	const char *why = NULL;

	if (!photo_format_loader_is(format, name) || *width <= 0 || *height <= 0)
		why = "undecodable";
	else if (pixels > SOURCE_MAX_PIXELS)
		why = "too-large";
	else if (pixels > most)
		why = "whole-too-large";
	g_free(name);
	return why;
}

/* Fills each box of BOXES (may be NULL) in P solid black; 0, or -1 for a malformed box. */
static int
cover(GdkPixbuf *p, const cJSON *boxes)
{
	const int w = gdk_pixbuf_get_width(p), h = gdk_pixbuf_get_height(p);
	const cJSON *box;

	cJSON_ArrayForEach(box, boxes) {
		int v[4], i;
		GdkPixbuf *area;

		if (cJSON_GetArraySize(box) != 4)
			return -1;
		for (i = 0; i < 4; i++) {
			const cJSON *n = cJSON_GetArrayItem(box, i);

			if (!cJSON_IsNumber(n))
				return -1;
			v[i] = n->valuedouble < 0 ? 0 : n->valuedouble > (i % 2 ? h : w) ?
			    (i % 2 ? h : w) : (int)n->valuedouble;
		}
		if (v[2] <= v[0] || v[3] <= v[1])
			continue;
		area = gdk_pixbuf_new_subpixbuf(p, v[0], v[1], v[2] - v[0], v[3] - v[1]);
		if (area == NULL)
			return -1;
		gdk_pixbuf_fill(area, 0x000000FF);
		g_object_unref(area);
	}
	return 0;
}

/* Shrinks to at most MAX pixels a side (never enlarges; 0: keeps the size), turns
 * upright, covers BOXES (when not NULL), puts transparent parts on white, encodes as a
 * JPEG at QUALITY, or as a PNG when QUALITY is NULL. */
static int
encode(size_t item, const char *path, int width, int height, int max, const char *quality,
    const cJSON *boxes)
{
	GdkPixbuf *loaded, *upright = NULL, *flat = NULL, *ready;
	GError *error = NULL;
	gchar *jpeg = NULL;
	gsize len = 0;
	cJSON *header;
	int status;

	if (max == 0 || (width <= max && height <= max))
		loaded = gdk_pixbuf_new_from_file(path, &error);
	else
		loaded = gdk_pixbuf_new_from_file_at_scale(path, max, max, TRUE, &error);
	/* A loader may hand back a picture and an error together (a GIF whose later
	 * frames fail): the picture is used, the error only said. */
	if (loaded != NULL && error != NULL) {
		snprintf(logged, sizeof logged, "%s", error->message);
		g_clear_error(&error);
	}
	if (loaded == NULL)
		goto undecodable;
	ready = upright = gdk_pixbuf_apply_embedded_orientation(loaded);
	if (upright == NULL)
		goto undecodable;
	if (boxes != NULL && cover(upright, boxes) != 0) {
		status = protocol_fail("item %zu: a box is not four numbers", item);
		goto out;
	}
	if (gdk_pixbuf_get_has_alpha(upright)) {
		ready = flat = gdk_pixbuf_composite_color_simple(upright,
		    gdk_pixbuf_get_width(upright), gdk_pixbuf_get_height(upright),
		    GDK_INTERP_NEAREST, 255, 16, 0xFFFFFF, 0xFFFFFF);
		if (flat == NULL)
			goto undecodable;
	}
	if (quality == NULL ? !gdk_pixbuf_save_to_buffer(ready, &jpeg, &len, "png", &error, NULL) :
	    !gdk_pixbuf_save_to_buffer(ready, &jpeg, &len, "jpeg", &error, "quality", quality,
	    NULL))
		goto undecodable;
	header = cJSON_CreateObject();
	if (header == NULL ||
	    cJSON_AddNumberToObject(header, "width", gdk_pixbuf_get_width(ready)) == NULL ||
	    cJSON_AddNumberToObject(header, "height", gdk_pixbuf_get_height(ready)) == NULL ||
	    (logged[0] != '\0' && cJSON_AddStringToObject(header, "damaged", logged) == NULL)) {
		cJSON_Delete(header);
		status = protocol_fail("out of memory");
		goto out;
	}
	status = protocol_reply(item, header, jpeg, len);
	goto out;
undecodable:
	status = protocol_skipped(item, "undecodable", error != NULL ? error->message : NULL);
out:
	g_clear_error(&error);
	g_free(jpeg);
	if (flat != NULL)
		g_object_unref(flat);
	if (upright != NULL)
		g_object_unref(upright);
	if (loaded != NULL)
		g_object_unref(loaded);
	return status;
}

enum job { THUMBNAIL, UPRIGHT, COVER };

/* One item of a request for JOB. */
static int
one_item(size_t index, const cJSON *item, enum job job)
{
	const char *path = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "path"));
	const char *mime = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "mime"));
	const cJSON *max = cJSON_GetObjectItemCaseSensitive(item, "max");
	const cJSON *boxes = cJSON_GetObjectItemCaseSensitive(item, "boxes");
	const struct photo_format *format = photo_format_of(mime);
	const char *why;
	int width = 0, height = 0;

	if (path == NULL || (job == THUMBNAIL && (!cJSON_IsNumber(max) ||
	    max->valuedouble < 16 || max->valuedouble > 8192)))
		return protocol_fail("item %zu: needs a path and a size from 16 to 8192", index);
	if (job == COVER && !cJSON_IsArray(boxes))
		return protocol_fail("item %zu: needs a list of boxes", index);
	/* EXIF orientation is a JPEG matter: the public copy turns nothing else. */
	if (format == NULL || (job == UPRIGHT && strcmp(format->loader, "jpeg") != 0))
		return protocol_skipped(index, "unsupported", mime);
	logged[0] = '\0';
	why = check_header(path, format, job != THUMBNAIL ? UPRIGHT_MAX_PIXELS :
	    format->decoded_whole ? WHOLE_MAX_PIXELS : SOURCE_MAX_PIXELS, &width, &height);
	if (why != NULL)
		return protocol_skipped(index, why, NULL);
	if (job == UPRIGHT)
		return encode(index, path, width, height, 0, UPRIGHT_QUALITY, NULL);
	if (job == COVER)
		return encode(index, path, width, height, 0, NULL, boxes);
	return encode(index, path, width, height, (int)max->valuedouble, THUMB_QUALITY, NULL);
}

int
main(void)
{
	static const char *const commands[] = { "thumbnail", "upright", "cover", NULL };
	const cJSON *items, *item;
	const char *command;
	cJSON *request;
	size_t index = 0;
	int status;

	g_log_set_handler("GdkPixbuf", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, keep_log, NULL);
	status = protocol_read_request(commands, &request, &command, &items);
	cJSON_ArrayForEach(item, items) {
		if (status != 0)
			break;
		status = one_item(index++, item, strcmp(command, "upright") == 0 ? UPRIGHT :
		    strcmp(command, "cover") == 0 ? COVER : THUMBNAIL);
	}
	cJSON_Delete(request);
	return status;
}
