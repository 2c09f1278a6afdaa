/* A PDF's own pages in the evidence book (book-content.h), each scaled to the page
 * and drawn by Poppler onto Cairo as vectors and text, so that its words stay words;
 * framed, so that the reader sees where the original page ends. */
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "book-content.h"

/* A longer PDF is not evidence to print whole. */
#define PAGES_MAX 2000
#define GAP (3 * MM)

struct pages {
	struct content base;
	char *path;
	int count;
};

/* The document PATH, or NULL. Opened anew for each pass, so that a book of many PDFs
 * holds one at a time. */
static PopplerDocument *
open_document(const char *path)
{
	/* Poppler takes a URI, which takes an absolute path. */
	gchar *absolute = g_canonicalize_filename(path, NULL);
	gchar *uri = g_filename_to_uri(absolute, NULL, NULL);
	PopplerDocument *doc = uri != NULL ? poppler_document_new_from_file(uri, NULL, NULL) :
	    NULL;

	g_free(uri);
	g_free(absolute);
	return doc;
}

struct content *
pages_probe(const char *path)
{
	PopplerDocument *doc = open_document(path);
	struct pages *p = NULL;
	int count = doc != NULL ? poppler_document_get_n_pages(doc) : 0;

	if (doc != NULL)
		g_object_unref(doc);
	if (count < 1 || count > PAGES_MAX || (p = calloc(1, sizeof *p)) == NULL ||
	    (p->path = strdup(path)) == NULL) {
		free(p);
		return NULL;
	}
	p->base.kind = CONTENT_PAGES;
	p->count = count;
	return &p->base;
}

void
pages_free(struct content *c)
{
	struct pages *p = (struct pages *)c;

	free(p->path);
	free(p);
}

void
pages_show(struct sheet *s, struct content *c, const char *unshown)
{
	struct pages *p = (struct pages *)c;
	PopplerDocument *doc = open_document(p->path);
	int i;

	for (i = 0; i < p->count; i++) {
		PopplerPage *page = doc != NULL ? poppler_document_get_page(doc, i) : NULL;
		double w = 0, h = 0, scale, x;

		if (page != NULL)
			poppler_page_get_size(page, &w, &h);
		if (w < 1 || h < 1) {
			/* A page without a size: said, in the room of an A4 page. */
			w = PAGE_WIDTH;
			h = PAGE_HEIGHT;
		}
		scale = content_place(s, w, h);
		x = MARGIN_LEFT + (TEXT_WIDTH - w * scale) / 2;
		if (s->cr != NULL && page != NULL) {
			cairo_save(s->cr);
			cairo_translate(s->cr, x, s->y);
			cairo_scale(s->cr, scale, scale);
			cairo_rectangle(s->cr, 0, 0, w, h);
			cairo_clip(s->cr);
			poppler_page_render_for_printing(page, s->cr);
			cairo_restore(s->cr);
			cairo_rectangle(s->cr, x, s->y, w * scale, h * scale);
			cairo_set_line_width(s->cr, 0.5);
			cairo_stroke(s->cr);
		} else if (s->cr != NULL) {
			double top = s->y;

			content_say(s, unshown);
			s->y = top;
		}
		s->y += h * scale + GAP;
		if (page != NULL)
			g_object_unref(page);
	}
	if (doc != NULL)
		g_object_unref(doc);
}
