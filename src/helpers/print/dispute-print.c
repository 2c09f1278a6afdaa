/* dispute-print: documents as PDF through Pango and Cairo, in a process of its own
 * (helper.h), so that only the commands that print load Pango, Cairo and fontconfig.
 *
 * Command "pdf", items {"title", "body", "date", "footer"}: an A4 PDF with the margins
 * of a Chinese court document (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the
 * title centred in 22 pt, the body in 16 pt on a fixed line pitch, and on every page
 * the footer, FOOTER with "{page}" and "{pages}" replaced ("第 {page} 页 共 {pages} 页").
 * The text is real text (Cairo writes a ToUnicode map, so `pdftotext` and a court's OCR
 * read it back) in a Chinese face found through fontconfig, a Song (serif) face when
 * one is installed, else a sans one; Cairo embeds only the glyphs used. DATE
 * (YYYY-MM-DD) is the document's creation and modification date, so that the same
 * document and date give the same bytes. The reply's header says "pages"; its payload
 * is the PDF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "protocol.h"

/* Points per millimetre: PDF measures in points of 1/72 inch. */
#define MM (72.0 / 25.4)
#define PAGE_WIDTH (210 * MM)
#define PAGE_HEIGHT (297 * MM)
#define MARGIN_TOP (37 * MM)
#define MARGIN_BOTTOM (35 * MM)
#define MARGIN_LEFT (28 * MM)
#define MARGIN_RIGHT (26 * MM)
#define TEXT_WIDTH (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
/* 三号 (16 pt) body, 二号 (22 pt) title, 四号 (14 pt) page numbers. */
#define BODY_SIZE 16
#define TITLE_SIZE 22
#define FOOTER_SIZE 14
/* The body on a fixed pitch, about 22 lines a page as in court and government papers,
 * so that a page holds the same number of lines whatever the glyphs. */
#define BODY_PITCH 28.8
#define TITLE_PITCH (TITLE_SIZE * 1.6)
/* The footer's baseline, inside the bottom margin. */
#define FOOTER_BASELINE (PAGE_HEIGHT - 20 * MM)
/* A document longer than this is a mistake, not a letter. */
#define TEXT_MAX (4 * 1024 * 1024)

/* The Chinese family to set the document in: the first of these generic families
 * whose best match covers Chinese, so that a machine with a Song face uses it and one
 * with only a sans face still prints. */
static int
chinese_family(char *family, size_t size)
{
	static const char *const generic[] = { "serif", "sans-serif", NULL };
	const char *const *g;
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

/* The PDF as Cairo writes it, kept whole for the reply. */
struct buffer {
	unsigned char *data;
	size_t len, size;
};

static cairo_status_t
keep_bytes(void *closure, const unsigned char *data, unsigned int len)
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

struct document {
	PangoLayout *title, *body, *footer;
	const char *footer_format;
	int pages;
};

/* A layout of TEXT the width of the text block, in FAMILY at SIZE points. */
static PangoLayout *
layout_of(PangoContext *context, const char *family, int size, int bold, const char *text,
    PangoAlignment align)
{
	PangoLayout *layout = pango_layout_new(context);
	PangoFontDescription *font = pango_font_description_new();

	pango_font_description_set_family(font, family);
	pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	pango_layout_set_width(layout, (int)(TEXT_WIDTH * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(layout, align);
	pango_layout_set_text(layout, text, -1);
	return layout;
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

static void
show_footer(cairo_t *cr, struct document *d, int page)
{
	char text[256];
	PangoLayoutLine *line;
	PangoRectangle logical;

	footer_text(d->footer_format, page, d->pages, text, sizeof text);
	pango_layout_set_text(d->footer, text, -1);
	line = pango_layout_get_line_readonly(d->footer, 0);
	if (line == NULL)
		return;
	pango_layout_line_get_extents(line, NULL, &logical);
	cairo_move_to(cr, MARGIN_LEFT + (TEXT_WIDTH - (double)logical.width / PANGO_SCALE) / 2,
	    FOOTER_BASELINE);
	pango_cairo_show_layout_line(cr, line);
}

/* Sets the lines of LAYOUT from *Y on, PITCH apart, starting a page whenever the next
 * line would run into the bottom margin. Without CR it only counts the pages, the
 * first pass; with it, it draws, and the footer goes on each page as it is left. */
static void
flow(cairo_t *cr, struct document *d, PangoLayout *layout, double pitch, double *y, int *page)
{
	PangoLayoutIter *iter = pango_layout_get_iter(layout);

	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
		PangoRectangle logical;
		int baseline = pango_layout_iter_get_baseline(iter);
		int top;

		pango_layout_iter_get_line_extents(iter, NULL, &logical);
		top = logical.y;
		if (*y + pitch > PAGE_HEIGHT - MARGIN_BOTTOM) {
			if (cr != NULL) {
				show_footer(cr, d, *page);
				cairo_show_page(cr);
			}
			(*page)++;
			*y = MARGIN_TOP;
		}
		if (cr != NULL) {
			/* The line's ascent inside its pitch, centred as a word processor
			 * would. */
			double above = (double)(baseline - top) / PANGO_SCALE;
			double height = (double)logical.height / PANGO_SCALE;

			cairo_move_to(cr, MARGIN_LEFT + (double)logical.x / PANGO_SCALE,
			    *y + (pitch - height) / 2 + above);
			pango_cairo_show_layout_line(cr, line);
		}
		*y += pitch;
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
}

/* The whole document once: counting pages without CR, drawing them with it. */
static int
set_document(cairo_t *cr, struct document *d)
{
	double y = MARGIN_TOP;
	int page = 1;

	if (d->title != NULL) {
		flow(cr, d, d->title, TITLE_PITCH, &y, &page);
		y += BODY_PITCH;
	}
	flow(cr, d, d->body, BODY_PITCH, &y, &page);
	if (cr != NULL)
		show_footer(cr, d, page);
	return page;
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

static const char *
string_of(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

static int
one_item(size_t index, const cJSON *item, const char *family)
{
	const char *title = string_of(item, "title"), *body = string_of(item, "body");
	const char *footer = string_of(item, "footer");
	struct document d = { NULL, NULL, NULL, footer, 0 };
	struct buffer pdf = { NULL, 0, 0 };
	cairo_surface_t *surface = NULL;
	PangoContext *context = NULL;
	cairo_t *cr = NULL;
	cJSON *header;
	char date[32];
	int status = 1;

	if (body == NULL || footer == NULL || !pdf_date(string_of(item, "date"), date,
	    sizeof date) || strlen(body) > TEXT_MAX || (title != NULL && strlen(title) > 4096) ||
	    strlen(footer) > 128)
		return protocol_fail("item %zu: needs a body, a footer and a date YYYY-MM-DD",
		    index);
	surface = cairo_pdf_surface_create_for_stream(keep_bytes, &pdf, PAGE_WIDTH, PAGE_HEIGHT);
	cr = cairo_create(surface);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		protocol_fail("item %zu: %s", index, cairo_status_to_string(cairo_status(cr)));
		goto out;
	}
	/* Both dates from the caller: Cairo would otherwise stamp the time of the run. */
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "dispute");
	if (title != NULL && title[0] != '\0')
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	context = pango_cairo_create_context(cr);
	if (title != NULL && title[0] != '\0')
		d.title = layout_of(context, family, TITLE_SIZE, 1, title, PANGO_ALIGN_CENTER);
	d.body = layout_of(context, family, BODY_SIZE, 0, body, PANGO_ALIGN_LEFT);
	d.footer = layout_of(context, family, FOOTER_SIZE, 0, "", PANGO_ALIGN_LEFT);
	/* Two passes: the footer of page 1 already says how many pages there are. */
	d.pages = set_document(NULL, &d);
	set_document(cr, &d);
	cairo_destroy(cr);
	cr = NULL;
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		protocol_fail("item %zu: %s", index,
		    cairo_status_to_string(cairo_surface_status(surface)));
		goto out;
	}
	header = cJSON_CreateObject();
	if (header == NULL || cJSON_AddNumberToObject(header, "pages", d.pages) == NULL) {
		cJSON_Delete(header);
		protocol_fail("out of memory");
		goto out;
	}
	status = protocol_reply(index, header, pdf.data, pdf.len);
out:
	if (d.title != NULL)
		g_object_unref(d.title);
	if (d.body != NULL)
		g_object_unref(d.body);
	if (d.footer != NULL)
		g_object_unref(d.footer);
	if (context != NULL)
		g_object_unref(context);
	if (cr != NULL)
		cairo_destroy(cr);
	cairo_surface_destroy(surface);
	free(pdf.data);
	return status;
}

int
main(void)
{
	static const char *const commands[] = { "pdf", NULL };
	const cJSON *items, *item;
	const char *command;
	cJSON *request;
	char family[256];
	size_t index = 0;
	int status;

	status = protocol_read_request(commands, &request, &command, &items);
	if (status == 0)
		status = chinese_family(family, sizeof family);
	cJSON_ArrayForEach(item, items) {
		if (status != 0)
			break;
		status = one_item(index++, item, family);
	}
	cJSON_Delete(request);
	/* Pango's font map, Cairo's font caches and fontconfig's configuration live until
	 * exit; released here so that a leak checker sees a clean exit and any real leak
	 * stands out. */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
	return status;
}
