/* A video in the evidence book (book-content.h): a contact sheet of its key frames,
 * FRAMES_SHOWN of them evenly spaced over it, three to a row, each with the time it
 * shows. The frames come as JPEG files that dispute-av made; the sheet has the same
 * rows whether or not they came, so that the book is laid out alike before they are
 * made (to number its pages) and after. */
#include <stdlib.h>
#include <string.h>

#include "book-content.h"

#define FRAMES_SHOWN 6
#define COLUMNS 3
#define GAP (4 * MM)
#define CAPTION_SIZE 10.5
#define CAPTION_HEIGHT (6 * MM)

struct frames {
	struct content base;
	struct content *pictures[FRAMES_SHOWN];
	const char *captions[FRAMES_SHOWN];
};

struct content *
frames_probe(const cJSON *frames)
{
	struct frames *f = calloc(1, sizeof *f);
	const cJSON *frame;
	int i = 0;

	if (f == NULL)
		return NULL;
	f->base.kind = CONTENT_FRAMES;
	cJSON_ArrayForEach(frame, frames) {
		const char *path = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(frame,
		    "path"));

		if (i == FRAMES_SHOWN)
			break;
		f->captions[i] = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(frame,
		    "caption"));
		f->pictures[i++] = path != NULL ? picture_probe(path, "image/jpeg") : NULL;
	}
	return &f->base;
}

void
frames_free(struct content *c)
{
	struct frames *f = (struct frames *)c;
	int i;

	for (i = 0; i < FRAMES_SHOWN; i++)
		if (f->pictures[i] != NULL)
			picture_free(f->pictures[i]);
	free(f);
}

void
frames_show(struct sheet *s, struct content *c, const char *unshown)
{
	struct frames *f = (struct frames *)c;
	double width = (TEXT_WIDTH - GAP * (COLUMNS - 1)) / COLUMNS, height = width * 3 / 4;
	int i, shown = 0;

	for (i = 0; i < FRAMES_SHOWN; i += COLUMNS) {
		int j;

		sheet_need(s, height + CAPTION_HEIGHT);
		for (j = i; j < i + COLUMNS && j < FRAMES_SHOWN; j++) {
			double x = MARGIN_LEFT + (j - i) * (width + GAP);

			if (s->cr == NULL || f->pictures[j] == NULL)
				continue;
			picture_show_in(s, f->pictures[j], x, s->y, width, height);
			shown++;
			if (f->captions[j] != NULL) {
				PangoLayout *caption = sheet_layout(s, CAPTION_SIZE, 0, f->captions[j],
				    width, PANGO_ALIGN_CENTER);

				cairo_move_to(s->cr, x, s->y + height + 1 * MM);
				pango_cairo_show_layout(s->cr, caption);
				g_object_unref(caption);
			}
		}
		s->y += height + CAPTION_HEIGHT + GAP / 2;
	}
	if (s->cr != NULL && shown == 0)
		content_say(s, unshown);
}
