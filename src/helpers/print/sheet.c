/* Pages, fonts and the cursor down the page of dispute-print (sheet.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "protocol.h"
#include "sheet.h"

/* The footer's baseline, inside the bottom margin; the running head's, in the top. */
#define FOOTER_BASELINE (PAGE_HEIGHT - 20 * MM)
#define RUNNING_SIZE 12
#define RUNNING_BASELINE (MARGIN_TOP - 8 * MM)

int
sheet_chinese_family(char *family, size_t size, int sans_first)
{
	static const char *const serif_first[] = { "serif", "sans-serif", NULL };
	static const char *const sans_before[] = { "sans-serif", "serif", NULL };
	const char *const *generic = sans_first ? sans_before : serif_first, *const *g;
	FcLangResult covers = FcLangDifferentLang;

	if (!FcInit())
		return protocol_fail("fontconfig does not start");
	for (g = generic; *g != NULL && covers != FcLangEqual; g++) {
		FcPattern *want = FcPatternCreate(), *match = NULL;
		FcLangSet *langs = NULL;
		FcChar8 *name = NULL;
		FcResult result;

		if (want == NULL)
			return protocol_fail("out of memory");
		FcPatternAddString(want, FC_FAMILY, (const FcChar8 *)*g);
		FcPatternAddString(want, FC_LANG, (const FcChar8 *)"zh-cn");
		FcConfigSubstitute(NULL, want, FcMatchPattern);
		FcDefaultSubstitute(want);
		match = FcFontMatch(NULL, want, &result);
		if (match != NULL && FcPatternGetLangSet(match, FC_LANG, 0, &langs) == FcResultMatch &&
		    FcPatternGetString(match, FC_FAMILY, 0, &name) == FcResultMatch) {
			covers = FcLangSetHasLang(langs, (const FcChar8 *)"zh-cn");
			if (covers == FcLangEqual)
				snprintf(family, size, "%s", (const char *)name);
		}
		if (match != NULL)
			FcPatternDestroy(match);
		FcPatternDestroy(want);
	}
	if (covers != FcLangEqual)
		return protocol_fail("no Chinese font found through fontconfig "
		    "(Debian: apt-get install fonts-noto-cjk)");
	return 0;
}

cairo_status_t
sheet_keep_bytes(void *closure, const unsigned char *data, unsigned int len)
{
	struct buffer *b = closure;

	if (b->len + len > b->size) {
		size_t size = b->size > 0 ? b->size : 64 * 1024;
		unsigned char *grown;

		while (size < b->len + len)
			size *= 2;
		grown = realloc(b->data, size);
		if (grown == NULL)
			return CAIRO_STATUS_NO_MEMORY;
		b->data = grown;
		b->size = size;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	return CAIRO_STATUS_SUCCESS;
}

cairo_status_t
sheet_stdout_bytes(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	return fwrite(data, 1, len, stdout) == len ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

PangoLayout *
sheet_layout(const struct sheet *s, double size, int bold, const char *text, double width,
    PangoAlignment align)
{
	PangoLayout *layout = pango_layout_new(s->context);
	PangoFontDescription *font = pango_font_description_new();

	pango_font_description_set_family(font, s->family);
	pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(layout, align);
	pango_layout_set_text(layout, text, -1);
	return layout;
}

void
sheet_start(struct sheet *s, cairo_t *cr, PangoContext *context, const char *family,
    const char *footer_format, int pages)
{
	memset(s, 0, sizeof *s);
	s->cr = cr;
	s->context = context;
	s->family = family;
	s->footer_format = footer_format;
	s->footer = sheet_layout(s, FOOTER_SIZE, 0, "", TEXT_WIDTH, PANGO_ALIGN_LEFT);
	s->page = 1;
	s->pages = pages;
	s->y = MARGIN_TOP;
}

void
sheet_done(struct sheet *s)
{
	if (s->footer != NULL)
		g_object_unref(s->footer);
	s->footer = NULL;
}

/* FORMAT with "{page}" and "{pages}" replaced, into OUT. */
static void
footer_text(const char *format, int page, int pages, char *out, size_t size)
{
	size_t used = 0;
	const char *p;

	out[0] = '\0';
	for (p = format; *p != '\0' && used + 1 < size; ) {
		int n;

		if (strncmp(p, "{pages}", 7) == 0) {
			n = snprintf(out + used, size - used, "%d", pages);
			p += 7;
		} else if (strncmp(p, "{page}", 6) == 0) {
			n = snprintf(out + used, size - used, "%d", page);
			p += 6;
		} else {
			out[used] = *p++;
			out[used + 1] = '\0';
			n = 1;
		}
		used += (size_t)n < size - used ? (size_t)n : size - used - 1;
	}
}

/* The first line of LAYOUT centred on BASELINE. */
static void
show_centred(cairo_t *cr, PangoLayout *layout, double baseline)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(layout, 0);
	PangoRectangle logical;

	if (line == NULL)
		return;
	pango_layout_line_get_extents(line, NULL, &logical);
	cairo_move_to(cr, MARGIN_LEFT + (TEXT_WIDTH - (double)logical.width / PANGO_SCALE) / 2,
	    baseline);
	pango_cairo_show_layout_line(cr, line);
}

static void
show_footer(struct sheet *s)
{
	char text[256];

	footer_text(s->footer_format, s->page, s->pages, text, sizeof text);
	pango_layout_set_text(s->footer, text, -1);
	show_centred(s->cr, s->footer, FOOTER_BASELINE);
}

void
sheet_new_page(struct sheet *s)
{
	if (s->cr != NULL) {
		show_footer(s);
		cairo_show_page(s->cr);
	}
	s->page++;
	s->y = MARGIN_TOP;
	if (s->cr != NULL && s->running != NULL) {
		PangoLayout *head = sheet_layout(s, RUNNING_SIZE, 0, s->running, TEXT_WIDTH,
		    PANGO_ALIGN_LEFT);

		show_centred(s->cr, head, RUNNING_BASELINE);
		g_object_unref(head);
	}
}

void
sheet_need(struct sheet *s, double height)
{
	if (s->y + height > TEXT_BOTTOM && s->y > MARGIN_TOP)
		sheet_new_page(s);
}

void
sheet_flow(struct sheet *s, PangoLayout *layout, double pitch, double x)
{
	PangoLayoutIter *iter = pango_layout_get_iter(layout);

	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
		PangoRectangle logical;
		int baseline = pango_layout_iter_get_baseline(iter);
		double height, step;

		pango_layout_iter_get_line_extents(iter, NULL, &logical);
		height = (double)logical.height / PANGO_SCALE;
		step = pitch > 0 ? pitch : height;
		sheet_need(s, step);
		if (s->cr != NULL) {
			/* The line's ascent inside its pitch, centred as a word processor
			 * would. */
			double above = (double)(baseline - logical.y) / PANGO_SCALE;

			cairo_move_to(s->cr, MARGIN_LEFT + x + (double)logical.x / PANGO_SCALE,
			    s->y + (step - height) / 2 + above);
			pango_cairo_show_layout_line(s->cr, line);
		}
		s->y += step;
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
}

void
sheet_finish(struct sheet *s)
{
	if (s->cr != NULL)
		show_footer(s);
}

/* "YYYY-MM-DD" as the ISO 8601 time Cairo's metadata takes; 0 when it is not one. */
static int
pdf_date(const char *date, char *out, size_t size)
{
	int y, m, d;
	char end;

	if (date == NULL || sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return 0;
	snprintf(out, size, "%04d-%02d-%02dT00:00:00Z", y, m, d);
	return 1;
}

cairo_surface_t *
sheet_pdf(cairo_write_func_t write, void *closure, const char *date, const char *title)
{
	cairo_surface_t *surface;
	char when[32];

	if (!pdf_date(date, when, sizeof when))
		return NULL;
	surface = cairo_pdf_surface_create_for_stream(write, closure, PAGE_WIDTH, PAGE_HEIGHT);
	/* Both dates from the caller: Cairo would otherwise stamp the time of the run. */
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, when);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, when);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "dispute");
	if (title != NULL && title[0] != '\0')
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	return surface;
}
