/* Thumbnails through libvips, a well-kept image library that shrinks while it decodes
 * (a 50-megapixel JPEG is read at 1/8 scale), so that photos of any size cost little
 * memory. Evidence files come from anyone: only the common photo formats are decoded,
 * libvips' "untrusted" loaders (ImageMagick, MATLAB, FITS ...) are blocked, and huge
 * pixel counts are refused before decoding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/thumbs.h"
#include "imagelib.h"

/* JPEG quality of the thumbnails: sharp enough to recognise a defect on screen. */
#define THUMB_QUALITY 82

enum { NOT_STARTED, RUNNING, BROKEN, SHUT_DOWN };
static int state = NOT_STARTED;
/* What libvips logged about the file being read: its last message (the details come
 * after a "read gave N warnings" summary), on one line. */
static char logged[256];

/* The loaders (by GObject type name, as vips_foreign_find_load_source() gives them)
 * of the formats phones, cameras and screenshots produce. */
static const char *const photo_loaders[] = {
	"VipsForeignLoadJpegSource", "VipsForeignLoadPngSource", "VipsForeignLoadWebpSource",
	"VipsForeignLoadNsgifSource", "VipsForeignLoadHeifSource", "VipsForeignLoadTiffSource",
	NULL
};

/* libvips reports recoverable decoding trouble ("premature end of JPEG file") through
 * GLib's log, several lines per file; one is kept and said once, with the file's name. */
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
	while (i > 0 && logged[i - 1] == ' ')
		logged[--i] = '\0';
}

/* Settings made once, right after libvips starts. */
static void
configure(void)
{
	/* No operation cache: a cached result could be handed back for a file that was
	 * replaced under the same name, and the cache would only hold memory here. */
	imagelib.vips_cache_set_max(0);
	imagelib.vips_block_untrusted_set(TRUE);
	/* The plain C pixel loops, not ORC's code generated at run time for the processor
	 * at hand: the same bytes on every machine (a dossier must be reproducible
	 * anywhere), and memory checkers can follow them (valgrind cannot follow ORC). */
	imagelib.vips_vector_set_enabled(FALSE);
	/* Joining libvips' worker threads at exit leaves leak checkers nothing to report
	 * (their thread-local blocks would otherwise count as "possibly lost"). */
	atexit(thumbs_shutdown);
	imagelib.g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, keep_log,
	    NULL);
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
		if (imagelib.vips_init("dispute") == 0) {
			state = RUNNING;
			configure();
			return DISPUTE_OK;
		}
		imagelib.vips_error_clear();
	}
	dispute_error(_("the image library (libvips) cannot start; no thumbnails can be made"));
	return DISPUTE_FAILED;
}

/* g_object_unref() for any of libvips' objects that was made, then forgotten. */
#define unref(object)                                         \
	do {                                                  \
		if ((object) != NULL)                         \
			imagelib.g_object_unref(object);      \
		(object) = NULL;                              \
	} while (0)

/* libvips' own message, on one line, for a warning. */
static void
warn_skipped(const char *label, const char *why)
{
	char *message = NULL;
	const char *buffer = imagelib.vips_error_buffer();

	if (why == NULL && buffer != NULL && buffer[0] != '\0') {
		size_t n;

		message = strdup(buffer);
		if (message != NULL) {
			for (n = strlen(message); n > 0 && message[n - 1] == '\n'; n--)
				message[n - 1] = '\0';
			for (n = 0; message[n] != '\0'; n++)
				if (message[n] == '\n')
					message[n] = ' ';
		}
	}
	dispute_warning(_("%s: no thumbnail (%s); the page links the file instead"), label,
	    why != NULL ? why : message != NULL ? message : _("the picture does not decode"));
	free(message);
	imagelib.vips_error_clear();
}

static int
is_photo_loader(const char *loader)
{
	int i;

	for (i = 0; loader != NULL && photo_loaders[i] != NULL; i++)
		if (strcmp(loader, photo_loaders[i]) == 0)
			return 1;
	return 0;
}

/* Reads the header only: the format, and the size to refuse bombs before decoding. */
static int
read_header(const char *path, const char *label)
{
	VipsSource *source = imagelib.vips_source_new_from_file(path);
	VipsImage *image = NULL;
	const char *loader;
	int ok = 0;

	if (source == NULL) {
		warn_skipped(label, NULL);
		return 0;
	}
	loader = imagelib.vips_foreign_find_load_source(source);
	if (!is_photo_loader(loader))
		warn_skipped(label, _("not a JPEG, PNG, WebP, GIF, HEIF or TIFF picture"));
	else if ((image = imagelib.vips_image_new_from_source(source, "", "access",
	    VIPS_ACCESS_SEQUENTIAL, NULL)) == NULL)
		warn_skipped(label, NULL);
	else if ((double)imagelib.vips_image_get_width(image) * imagelib.vips_image_get_height(image) >
	    THUMB_SOURCE_MAX_PIXELS)
		warn_skipped(label, _("more than 250 megapixels"));
	else
		ok = 1;
	unref(image);
	unref(source);
	imagelib.vips_error_clear();
	return ok;
}

/* Shrinks, turns upright (EXIF orientation), converts to 8-bit sRGB on white and
 * encodes; NULL after a warning when the picture does not decode. */
static int
encode_thumbnail(const char *path, const char *label, struct thumb *out)
{
	VipsSource *source = imagelib.vips_source_new_from_file(path);
	VipsImage *thumb = NULL, *srgb = NULL, *flat = NULL, *ready;
	VipsArrayDouble *white = NULL;
	void *jpeg = NULL;
	size_t len = 0;
	int status = DISPUTE_FAILED;

	if (source == NULL ||
	    imagelib.vips_thumbnail_source(source, &thumb, THUMB_MAX, "height", THUMB_MAX,
	    "size", VIPS_SIZE_DOWN, NULL) != 0 ||
	    imagelib.vips_colourspace(thumb, &srgb, VIPS_INTERPRETATION_sRGB, NULL) != 0)
		goto skipped;
	ready = srgb;
	if (imagelib.vips_image_hasalpha(srgb)) {
		white = imagelib.vips_array_double_newv(1, 255.0);
		if (imagelib.vips_flatten(srgb, &flat, "background", white, NULL) != 0)
			goto skipped;
		ready = flat;
	}
	/* strip: no EXIF, XMP, IPTC or ICC profile, hence no GPS position; the other
	 * options fixed so that the bytes depend on the picture alone. */
	if (imagelib.vips_jpegsave_buffer(ready, &jpeg, &len, "Q", THUMB_QUALITY, "strip", TRUE,
	    "optimize_coding", TRUE, "interlace", FALSE, "subsample_mode",
	    VIPS_FOREIGN_SUBSAMPLE_AUTO, NULL) != 0)
		goto skipped;
	out->data = malloc(len);
	if (out->data == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	memcpy(out->data, jpeg, len);
	out->len = len;
	out->width = imagelib.vips_image_get_width(ready);
	out->height = imagelib.vips_image_get_height(ready);
	status = DISPUTE_OK;
	goto out;
skipped:
	warn_skipped(label, NULL);
	status = DISPUTE_OK;
out:
	imagelib.g_free(jpeg);
	if (white != NULL)
		imagelib.vips_area_unref(VIPS_AREA(white));
	unref(flat);
	unref(srgb);
	unref(thumb);
	unref(source);
	return status;
}

int
thumb_make(const char *path, const char *label, struct thumb *out)
{
	int status;

	memset(out, 0, sizeof *out);
	if (start() != DISPUTE_OK)
		return DISPUTE_FAILED;
	logged[0] = '\0';
	status = DISPUTE_OK;
	if (read_header(path, label))
		status = encode_thumbnail(path, label, out);
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

void
thumbs_shutdown(void)
{
	if (state == RUNNING)
		imagelib.vips_shutdown();
	if (state != NOT_STARTED)
		state = SHUT_DOWN;
}
