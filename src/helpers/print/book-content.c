/* What an evidence item shows (book-content.h): the kind chosen by the file's type,
 * and what the kinds share. */
#include <string.h>

#include "book-content.h"
#include "photo-format.h"

/* A block placed on what is left of a page keeps at least this share of the scale it
 * would have on a page of its own; smaller, it goes to the next page. */
#define PLACE_KEEP 0.7

struct content *
content_probe(const cJSON *item, int *why_not)
{
	const char *path = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "path"));
	const char *mime = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "mime"));
	struct content *c = NULL;

	*why_not = 0;
	/* A video shows its key frames, made beforehand by dispute-av. */
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "sheet")))
		return frames_probe(cJSON_GetObjectItemCaseSensitive(item, "frames"));
	if (path == NULL || mime == NULL)
		return NULL;
	if (photo_format_of(mime) != NULL)
		c = picture_probe(path, mime);
	else if (strcmp(mime, "application/pdf") == 0)
		c = pages_probe(path);
	else if (strncmp(mime, "text/", 5) == 0)
		c = text_probe(path);
	else
		return NULL;
	*why_not = c == NULL;
	return c;
}

void
content_show(struct sheet *s, struct content *c, const char *unshown)
{
	switch (c->kind) {
	case CONTENT_PICTURE:
		picture_show(s, c, unshown);
		break;
	case CONTENT_PAGES:
		pages_show(s, c, unshown);
		break;
	case CONTENT_TEXT:
		text_show(s, c, unshown);
		break;
	case CONTENT_FRAMES:
		frames_show(s, c, unshown);
		break;
	}
}

void
content_free(struct content *c)
{
	if (c == NULL)
		return;
	switch (c->kind) {
	case CONTENT_PICTURE:
		picture_free(c);
		break;
	case CONTENT_PAGES:
		pages_free(c);
		break;
	case CONTENT_TEXT:
		text_free(c);
		break;
	case CONTENT_FRAMES:
		frames_free(c);
		break;
	}
}

void
content_say(struct sheet *s, const char *text)
{
	PangoLayout *layout = sheet_layout(s, BODY_SIZE, 0, text, TEXT_WIDTH, PANGO_ALIGN_LEFT);

	sheet_flow(s, layout, BODY_PITCH, 0);
	g_object_unref(layout);
}

double
content_place(struct sheet *s, double w, double h)
{
	double page = TEXT_BOTTOM - MARGIN_TOP, left = TEXT_BOTTOM - s->y;
	double full = TEXT_WIDTH / w < page / h ? TEXT_WIDTH / w : page / h;
	double here = TEXT_WIDTH / w < left / h ? TEXT_WIDTH / w : left / h;

	if (s->y > MARGIN_TOP && here < PLACE_KEEP * full) {
		sheet_new_page(s);
		here = full;
	}
	return here;
}
