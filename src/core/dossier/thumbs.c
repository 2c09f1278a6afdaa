/* Thumbnails through GdkPixbuf, the image loader of the GNOME platform. A JPEG is
 * decoded at a reduced scale by libjpeg (a 12-megapixel photo at 1/8), so photos cost
 * little time and memory; the other formats are decoded whole, so their size is capped
 * lower. Evidence files come from anyone: a file is only handed to the loader that
 * matches the type libmagic recorded for it at intake (never to GdkPixbuf's rarer
 * loaders: icons, cursors, Targa ...), and huge pixel counts are refused from the header,
 * before decoding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "thumbs.h"
#include "imagelib.h"

/* JPEG quality of the thumbnails: sharp enough to recognise a defect on screen. */
#define THUMB_QUALITY "82"

/* The formats phones, cameras and screenshots produce: the MIME type libmagic gives,
 * GdkPixbuf's name for the format, and whether it is decoded whole (no scaled decode). */
static const struct photo_format {
	const char *mime, *loader;
	int decoded_whole;
} photo_formats[] = {
	{ "image/jpeg", "jpeg", 0 }, { "image/png", "png", 1 }, { "image/webp", "webp", 1 },
	{ "image/gif", "gif", 1 }, { "image/heic", "heif", 1 }, { "image/heif", "heif", 1 },
	{ "image/tiff", "tiff", 1 }, { NULL, NULL, 0 }
};

enum { NOT_STARTED, RUNNING, BROKEN };
static int state = NOT_STARTED;
/* What GdkPixbuf logged about the file being read, on one line. */
static char logged[256];

/* Loaders report recoverable trouble through GLib's log; the last message is kept and
 * said once, with the file's name. */
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

static int
start(void)
{
	if (state == RUNNING)
		return DISPUTE_OK;
	if (state == NOT_STARTED) {
		state = BROKEN;
		if (imagelib_load() != DISPUTE_OK)
			return DISPUTE_FAILED;
		imagelib.g_log_set_handler("GdkPixbuf", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE,
		    keep_log, NULL);
		state = RUNNING;
		return DISPUTE_OK;
	}
	dispute_error(_("the image library cannot be loaded; no thumbnails can be made"));
	return DISPUTE_FAILED;
}

static void
warn_skipped(const char *label, const char *why)
{
	dispute_warning(_("%s: no thumbnail (%s); the page links the file instead"), label, why);
}

static const struct photo_format *
format_of(const char *mime)
{
	const struct photo_format *f;

	for (f = photo_formats; mime != NULL && f->mime != NULL; f++)
		if (strcmp(mime, f->mime) == 0)
			return f;
	return NULL;
}

/* The header only: that the loader GdkPixbuf picks is the expected one, and the size,
 * to refuse bombs before decoding. */
static int
check_header(const char *path, const char *label, const struct photo_format *format,
    int *width, int *height)
{
	GdkPixbufFormat *found = imagelib.gdk_pixbuf_get_file_info(path, width, height);
	gchar *name = found != NULL ? imagelib.gdk_pixbuf_format_get_name(found) : NULL;
	double pixels = (double)*width * *height;
	int ok = 0;

	if (name == NULL || strcmp(name, format->loader) != 0 || *width <= 0 || *height <= 0)
		warn_skipped(label, _("the picture does not decode"));
	else if (pixels > THUMB_SOURCE_MAX_PIXELS)
		warn_skipped(label, _("more than 250 megapixels"));
	else if (format->decoded_whole && pixels > THUMB_WHOLE_MAX_PIXELS)
		warn_skipped(label, _("more than 16 megapixels in a format that is decoded whole"));
	else
		ok = 1;
	imagelib.g_free(name);
	return ok;
}

/* Shrinks (never enlarges), turns upright (EXIF orientation), puts transparent parts on
 * white and encodes. */
static int
encode_thumbnail(const char *path, const char *label, int width, int height,
    struct thumb *out)
{
	GdkPixbuf *loaded, *upright = NULL, *flat = NULL, *ready;
	GError *error = NULL;
	gchar *jpeg = NULL;
	gsize len = 0;
	int status = DISPUTE_OK;

	if (width <= THUMB_MAX && height <= THUMB_MAX)
		loaded = imagelib.gdk_pixbuf_new_from_file(path, &error);
	else
		loaded = imagelib.gdk_pixbuf_new_from_file_at_scale(path, THUMB_MAX, THUMB_MAX, TRUE,
		    &error);
	if (loaded == NULL)
		goto skipped;
	ready = upright = imagelib.gdk_pixbuf_apply_embedded_orientation(loaded);
	if (upright == NULL)
		goto skipped;
	if (imagelib.gdk_pixbuf_get_has_alpha(upright)) {
		ready = flat = imagelib.gdk_pixbuf_composite_color_simple(upright,
		    imagelib.gdk_pixbuf_get_width(upright), imagelib.gdk_pixbuf_get_height(upright),
		    GDK_INTERP_NEAREST, 255, 16, 0xFFFFFF, 0xFFFFFF);
		if (flat == NULL)
			goto skipped;
	}
	/* No EXIF, XMP or ICC profile is written, hence no GPS position or camera serial. */
	if (!imagelib.gdk_pixbuf_save_to_buffer(ready, &jpeg, &len, "jpeg", &error, "quality",
	    THUMB_QUALITY, NULL))
		goto skipped;
	out->data = malloc(len);
	if (out->data == NULL) {
		dispute_error(_("out of memory"));
		status = DISPUTE_FAILED;
		goto out;
	}
	memcpy(out->data, jpeg, len);
	out->len = len;
	out->width = imagelib.gdk_pixbuf_get_width(ready);
	out->height = imagelib.gdk_pixbuf_get_height(ready);
	goto out;
skipped:
	warn_skipped(label, error != NULL ? error->message : _("the picture does not decode"));
out:
	if (error != NULL)
		imagelib.g_error_free(error);
	imagelib.g_free(jpeg);
	if (flat != NULL)
		imagelib.g_object_unref(flat);
	if (upright != NULL)
		imagelib.g_object_unref(upright);
	if (loaded != NULL)
		imagelib.g_object_unref(loaded);
	return status;
}

int
thumb_make(const char *path, const char *label, const char *mime, struct thumb *out)
{
	const struct photo_format *format = format_of(mime);
	int width = 0, height = 0, status = DISPUTE_OK;

	memset(out, 0, sizeof *out);
	if (format == NULL) {
		warn_skipped(label, _("not a JPEG, PNG, WebP, GIF, HEIF or TIFF picture"));
		return DISPUTE_OK;
	}
	if (start() != DISPUTE_OK)
		return DISPUTE_FAILED;
	logged[0] = '\0';
	if (check_header(path, label, format, &width, &height))
		status = encode_thumbnail(path, label, width, height, out);
	if (out->data != NULL && logged[0] != '\0')
		dispute_warning(_("%s: the picture is damaged (%s); its thumbnail may be "
		    "incomplete"), label, logged);
	logged[0] = '\0';
	return status;
}

void
thumb_free(struct thumb *out)
{
	free(out->data);
	memset(out, 0, sizeof *out);
}
