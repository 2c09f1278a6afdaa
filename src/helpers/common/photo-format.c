/* The picture formats of the helpers (photo-format.h). */
#include <string.h>

#include "photo-format.h"

static const struct photo_format photo_formats[] = {
	{ "image/jpeg", "jpeg", 0 }, { "image/png", "png", 1 }, { "image/webp", "webp", 1 },
	{ "image/gif", "gif", 1 }, { "image/heic", "heif", 1 }, { "image/heif", "heif", 1 },
	{ "image/tiff", "tiff", 1 }, { NULL, NULL, 0 }
};

const struct photo_format *
photo_format_of(const char *mime)
{
	const struct photo_format *f;

	for (f = photo_formats; mime != NULL && f->mime != NULL; f++)
		if (strcmp(mime, f->mime) == 0)
			return f;
	return NULL;
}

int
photo_format_loader_is(const struct photo_format *format, const char *name)
{
	size_t len = strlen(format->loader);

	return name != NULL && strncmp(name, format->loader, len) == 0 &&
	    (name[len] == '\0' || name[len] == '/');
}
