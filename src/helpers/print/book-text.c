/* A text (a chat log) in the evidence book (book-content.h): its lines in order, each
 * numbered, wrapped under itself. Text that is not UTF-8 is read as GB18030 (what
 * Chinese Windows programs save), and failing that with its bad bytes replaced. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-content.h"

/* 小四 (12 pt) text, its numbers smaller, in a column of their own. */
#define LINE_SIZE 12
#define NUMBER_SIZE 9
#define NUMBER_WIDTH (14 * MM)
#define TEXT_MAX (32L * 1024 * 1024)
#define LINE_PIECE 8192

struct text {
	struct content base;
	char *path;
};

/* The text of PATH as UTF-8 (g_free it), or NULL. Read anew for each pass, so that
 * a book of many long logs holds one at a time. */
static gchar *
read_utf8(const char *path)
{
	gchar *raw = NULL, *utf8 = NULL;
	gsize len = 0;

	if (!g_file_get_contents(path, &raw, &len, NULL) || len > TEXT_MAX) {
		g_free(raw);
		return NULL;
	}
	if (g_utf8_validate(raw, (gssize)len, NULL))
		utf8 = g_strndup(raw, len);
	else if ((utf8 = g_convert(raw, (gssize)len, "UTF-8", "GB18030", NULL, NULL,
	    NULL)) == NULL)
		utf8 = g_utf8_make_valid(raw, (gssize)len);
	g_free(raw);
	return utf8;
}

struct content *
text_probe(const char *path)
{
	gchar *utf8 = read_utf8(path);
	struct text *t = utf8 != NULL ? calloc(1, sizeof *t) : NULL;

	g_free(utf8);
	if (t == NULL || (t->path = strdup(path)) == NULL) {
		free(t);
		return NULL;
	}
	t->base.kind = CONTENT_TEXT;
	return &t->base;
}

void
text_free(struct content *c)
{
	struct text *t = (struct text *)c;

	free(t->path);
	free(t);
}

void
text_show(struct sheet *s, struct content *c, const char *unshown)
{
	struct text *t = (struct text *)c;
	PangoLayout *line = sheet_layout(s, LINE_SIZE, 0, "", TEXT_WIDTH - NUMBER_WIDTH,
	    PANGO_ALIGN_LEFT);
	PangoLayout *number = sheet_layout(s, NUMBER_SIZE, 0, "", NUMBER_WIDTH - 2 * MM,
	    PANGO_ALIGN_RIGHT);
	gchar *utf8 = read_utf8(t->path);
	const char *p = utf8 != NULL ? utf8 : "";
	unsigned long n = 0;
	int cut, continued = 0;

	if (utf8 == NULL && s->cr != NULL)
		content_say(s, unshown);
	while (*p != '\0') {
		const char *end = strchr(p, '\n');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		const char *next = end != NULL ? end + 1 : p + len;
		PangoRectangle logical;
		char digits[24];

		if (len > 0 && p[len - 1] == '\r')
			len--;
		/* A line of a log is short; one of megabytes (a file without line breaks)
		 * goes in pieces, each laid out alone, the number beside the first. */
		cut = len > LINE_PIECE;
		if (cut) {
			len = (size_t)(g_utf8_find_prev_char(p, p + LINE_PIECE + 1) - p);
			if (len == 0)
				len = LINE_PIECE;
			next = p + len;
		}
		pango_layout_set_text(line, p, (int)len);
		pango_layout_line_get_extents(pango_layout_get_line_readonly(line, 0), NULL,
		    &logical);
		/* The number beside the line's first row, on the same baseline. */
		sheet_need(s, (double)logical.height / PANGO_SCALE);
		if (!continued)
			snprintf(digits, sizeof digits, "%lu", ++n);
		if (s->cr != NULL && !continued) {
			pango_layout_set_text(number, digits, -1);
			cairo_move_to(s->cr, MARGIN_LEFT, s->y + (double)(pango_layout_get_baseline(
			    line) - pango_layout_get_baseline(number)) / PANGO_SCALE);
			pango_cairo_show_layout(s->cr, number);
		}
		sheet_flow(s, line, 0, NUMBER_WIDTH);
		continued = cut;
		p = next;
	}
	g_object_unref(number);
	g_object_unref(line);
	g_free(utf8);
}
