/* The picture formats the helpers decode through GdkPixbuf: those phones, cameras and
 * screenshots produce, each only by the loader that matches the type libmagic
 * recorded at intake (never by GdkPixbuf's rarer loaders: icons, cursors, Targa ...). */
#ifndef DISPUTE_HELPER_PHOTO_FORMAT_H
#define DISPUTE_HELPER_PHOTO_FORMAT_H

struct photo_format {
	const char *mime, *loader; /* "image/heic", GdkPixbuf's "heif" */
	int decoded_whole;         /* no scaled decode: only JPEG has one */
};

/* The format of MIME, or NULL. */
const struct photo_format *photo_format_of(const char *mime);

/* Whether NAME, GdkPixbuf's name of the loader it picked for a file, is FORMAT's:
 * "heif", or "heif/avif" as newer HEIF loaders call themselves. */
int photo_format_loader_is(const struct photo_format *format, const char *name);

#endif
