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
 * is the PDF.
 *
 * Commands "book" and "paginate", one item: the evidence book (book.h). */
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "protocol.h"
#include "sheet.h"

/* A document longer than this is a mistake, not a letter. */
#define TEXT_MAX (4 * 1024 * 1024)

/* The body paragraph by paragraph, each laid out on its own in one layout: Pango holds
 * a laid-out text's glyphs until its layout lets it go, and a draft listing 5,000
 * exhibits laid out whole took 6 MB more than one listing 100. The lines and where
 * they go are the same: Pango breaks a text into paragraphs at its newlines anyway. */
static void
flow_body(struct sheet *s, const char *body)
{
	PangoLayout *layout = sheet_layout(s, BODY_SIZE, 0, "", TEXT_WIDTH, PANGO_ALIGN_LEFT);
	const char *p = body, *end;

	for (;;) {
		end = strchr(p, '\n');
		pango_layout_set_text(layout, p, end != NULL ? (int)(end - p) : -1);
		sheet_flow(s, layout, BODY_PITCH, 0);
		if (end == NULL)
			break;
		p = end + 1;
	}
	g_object_unref(layout);
}

/* The whole document once: counting pages without CR, drawing them with it. */
static int
set_document(cairo_t *cr, PangoContext *context, const char *family, const char *title,
    const char *body, const char *footer, int pages)
{
	struct sheet s;
	PangoLayout *layout;

	sheet_start(&s, cr, context, family, footer, pages);
	if (title != NULL && title[0] != '\0') {
		layout = sheet_layout(&s, TITLE_SIZE, 1, title, TEXT_WIDTH, PANGO_ALIGN_CENTER);
		sheet_flow(&s, layout, TITLE_PITCH, 0);
		g_object_unref(layout);
		s.y += BODY_PITCH;
	}
	flow_body(&s, body);
	sheet_finish(&s);
	sheet_done(&s);
	return s.page;
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
	struct buffer pdf = { NULL, 0, 0 };
	cairo_surface_t *surface = NULL;
	PangoContext *context = NULL;
	cairo_t *cr = NULL;
	cJSON *header;
	int status = 1, pages;

	if (body == NULL || footer == NULL || strlen(body) > TEXT_MAX ||
	    (title != NULL && strlen(title) > 4096) || strlen(footer) > 128 ||
	    (surface = sheet_pdf(sheet_keep_bytes, &pdf, string_of(item, "date"), title)) == NULL)
		return protocol_fail("item %zu: needs a body, a footer and a date YYYY-MM-DD",
		    index);
	cr = cairo_create(surface);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		protocol_fail("item %zu: %s", index, cairo_status_to_string(cairo_status(cr)));
		goto out;
	}
	context = pango_cairo_create_context(cr);
	/* Two passes: the footer of page 1 already says how many pages there are. */
	pages = set_document(NULL, context, family, title, body, footer, 0);
	set_document(cr, context, family, title, body, footer, pages);
	cairo_destroy(cr);
	cr = NULL;
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		protocol_fail("item %zu: %s", index,
		    cairo_status_to_string(cairo_surface_status(surface)));
		goto out;
	}
	header = cJSON_CreateObject();
	if (header == NULL || cJSON_AddNumberToObject(header, "pages", pages) == NULL) {
		cJSON_Delete(header);
		protocol_fail("out of memory");
		goto out;
	}
	status = protocol_reply(index, header, pdf.data, pdf.len);
out:
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
	static const char *const commands[] = { "pdf", "book", "paginate", NULL };
	const cJSON *items, *item;
	const char *command;
	cJSON *request;
	char family[256];
	size_t index = 0;
	int status;

	status = protocol_read_request(commands, &request, &command, &items);
	/* Letters in a Song face, as court documents are. The book in a sans one (黑体):
	 * Cairo reads a CJK font whole to subset it, and Noto Sans CJK is a quarter
	 * smaller than Noto Serif CJK, which keeps a book of photos under 64 MiB. */
	if (status == 0)
		status = sheet_chinese_family(family, sizeof family, strcmp(command, "pdf") != 0);
	cJSON_ArrayForEach(item, items) {
		if (status != 0)
			break;
		if (strcmp(command, "pdf") == 0)
			status = one_item(index++, item, family);
		else
			status = book_item(index++, item, family, strcmp(command, "book") == 0);
	}
	cJSON_Delete(request);
	/* Pango's font map lives until exit; released here so that a leak checker sees
	 * less. Fontconfig's and Cairo's caches are not: Pango may still be reading the
	 * fonts in a thread of its own (it starts one to load fontconfig's list), and
	 * FcFini() or cairo_debug_reset_static_data() then abort on what it holds. */
	pango_cairo_font_map_set_default(NULL);
	return status;
}
