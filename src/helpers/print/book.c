/* The evidence book of dispute-print (book.h): laid out until its page numbers hold,
 * then drawn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "book-content.h"
#include "protocol.h"
#include "sheet.h"

#define COVER_TITLE_SIZE 26
#define COVER_SIZE 14
#define HEADING_SIZE 18
#define META_SIZE 12
#define TABLE_SIZE 10.5
#define CELL_PAD (1.5 * MM)
#define LIST_COLUMNS 6
#define ITEMS_MAX 10000
/* Widths of the list's columns in millimetres: 序号, 名称, 来源, 证明对象, 页数, 页码;
 * together the text width (156 mm). */
static const double column_mm[LIST_COLUMNS] = { 16, 38, 28, 42, 12, 20 };

struct entry {
	const cJSON *item;
	struct content *content;
	int why_not;
	int first, count;      /* the pages it takes, from the last layout */
	char pages[16], range[32];
};

struct book {
	const cJSON *root, *list;
	const char *footer, *unshown;
	struct entry *entries;
	size_t count;
};

static const char *
string_of(const cJSON *item, const char *name)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));

	return s != NULL ? s : "";
}

/* TEXT at SIZE, laid out across the text width, its lines at their own height. The
 * book is set in one face, without bold: each face's glyphs are subset from a CJK
 * font of some 20 MB that Cairo reads whole, and a second face would double the
 * memory the book takes. */
static void
say(struct sheet *s, const char *text, double size, PangoAlignment align)
{
	PangoLayout *layout;

	if (text[0] == '\0')
		return;
	layout = sheet_layout(s, size, 0, text, TEXT_WIDTH, align);
	sheet_flow(s, layout, 0, 0);
	g_object_unref(layout);
}

/* The cover: the title well down the page, the rest below it. */
static void
cover(struct sheet *s, const char *text)
{
	const char *end = strchr(text, '\n');
	char *title = strndup(text, end != NULL ? (size_t)(end - text) : strlen(text));

	s->y = MARGIN_TOP + 30 * MM;
	if (title != NULL)
		say(s, title, COVER_TITLE_SIZE, PANGO_ALIGN_CENTER);
	free(title);
	s->y += 15 * MM;
	if (end != NULL) {
		while (*end == '\n')
			end++;
		say(s, end, COVER_SIZE, PANGO_ALIGN_LEFT);
	}
}

/* One row of the list: its cells side by side, framed, on one page; on a new one
 * under HEAD (the column heads) again. */
static void
table_row(struct sheet *s, const char *const cells[LIST_COLUMNS], int heads,
    const char *const head[LIST_COLUMNS])
{
	PangoLayout *layouts[LIST_COLUMNS];
	double height = 0, x = 0;
	int i;

	for (i = 0; i < LIST_COLUMNS; i++) {
		PangoRectangle logical;

		layouts[i] = sheet_layout(s, TABLE_SIZE, 0, cells[i] != NULL ? cells[i] : "",
		    column_mm[i] * MM - 2 * CELL_PAD, i >= 4 || heads ? PANGO_ALIGN_CENTER :
		    PANGO_ALIGN_LEFT);
		pango_layout_get_extents(layouts[i], NULL, &logical);
		if ((double)logical.height / PANGO_SCALE > height)
			height = (double)logical.height / PANGO_SCALE;
	}
	height += 2 * CELL_PAD;
	if (s->y + height > TEXT_BOTTOM) {
		sheet_new_page(s);
		if (head != NULL)
			table_row(s, head, 1, NULL);
	}
	for (i = 0; i < LIST_COLUMNS; i++) {
		if (s->cr != NULL) {
			cairo_rectangle(s->cr, MARGIN_LEFT + x, s->y, column_mm[i] * MM, height);
			cairo_set_line_width(s->cr, 0.5);
			cairo_stroke(s->cr);
			cairo_move_to(s->cr, MARGIN_LEFT + x + CELL_PAD, s->y + CELL_PAD);
			pango_cairo_show_layout(s->cr, layouts[i]);
		}
		x += column_mm[i] * MM;
		g_object_unref(layouts[i]);
	}
	s->y += height;
}

static void
list(struct sheet *s, const struct book *b)
{
	const cJSON *columns = cJSON_GetObjectItemCaseSensitive(b->list, "columns");
	const cJSON *rows = cJSON_GetObjectItemCaseSensitive(b->list, "rows");
	const char *head[LIST_COLUMNS], *cells[LIST_COLUMNS];
	size_t r;
	int i;

	say(s, string_of(b->list, "title"), TITLE_SIZE, PANGO_ALIGN_CENTER);
	s->y += 4 * MM;
	for (i = 0; i < LIST_COLUMNS; i++)
		head[i] = cJSON_GetStringValue(cJSON_GetArrayItem(columns, i));
	table_row(s, head, 1, NULL);
	for (r = 0; r < b->count; r++) {
		const cJSON *row = cJSON_GetArrayItem(rows, (int)r);

		for (i = 0; i < 4; i++)
			cells[i] = cJSON_GetStringValue(cJSON_GetArrayItem(row, i));
		cells[4] = b->entries[r].pages;
		cells[5] = b->entries[r].range;
		table_row(s, cells, 0, head);
	}
	s->y += 4 * MM;
	say(s, string_of(b->list, "note"), META_SIZE, PANGO_ALIGN_LEFT);
}

static void
item(struct sheet *s, const struct book *b, struct entry *e)
{
	s->running = NULL;
	sheet_new_page(s);
	e->first = s->page;
	say(s, string_of(e->item, "heading"), HEADING_SIZE, PANGO_ALIGN_LEFT);
	s->y += 2 * MM;
	say(s, string_of(e->item, "meta"), META_SIZE, PANGO_ALIGN_LEFT);
	s->y += 4 * MM;
	s->running = string_of(e->item, "continued");
	if (e->content != NULL)
		content_show(s, e->content, b->unshown);
	else if (e->why_not)
		content_say(s, b->unshown);
	e->count = s->page - e->first + 1;
}

/* The whole book once; its pages. */
static int
lay_out(cairo_t *cr, PangoContext *context, const char *family, struct book *b, int pages)
{
	struct sheet s;
	size_t i;

	sheet_start(&s, cr, context, family, b->footer, pages);
	cover(&s, string_of(b->root, "cover"));
	sheet_new_page(&s);
	list(&s, b);
	for (i = 0; i < b->count; i++)
		item(&s, b, &b->entries[i]);
	sheet_finish(&s);
	sheet_done(&s);
	return s.page;
}

/* The list's page cells from the last layout; whether they changed. */
static int
number_entries(struct book *b)
{
	int changed = 0;
	size_t i;

	for (i = 0; i < b->count; i++) {
		struct entry *e = &b->entries[i];
		char pages[16], range[32];

		snprintf(pages, sizeof pages, "%d", e->count);
		if (e->count > 1)
			snprintf(range, sizeof range, "%d-%d", e->first, e->first + e->count - 1);
		else
			snprintf(range, sizeof range, "%d", e->first);
		changed |= strcmp(pages, e->pages) != 0 || strcmp(range, e->range) != 0;
		memcpy(e->pages, pages, sizeof pages);
		memcpy(e->range, range, sizeof range);
	}
	return changed;
}

/* Where a book that is only counted goes. */
static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

static int
paginated(size_t index, const struct book *b, int pages)
{
	cJSON *header = cJSON_CreateObject(), *list = cJSON_CreateArray();
	char *text = NULL;
	size_t i;
	int status;

	if (header == NULL || list == NULL || cJSON_AddNumberToObject(header, "pages", pages) ==
	    NULL)
		goto oom;
	for (i = 0; i < b->count; i++) {
		cJSON *e = cJSON_CreateObject();

		if (e == NULL || !cJSON_AddItemToArray(list, e) ||
		    cJSON_AddNumberToObject(e, "first", b->entries[i].first) == NULL ||
		    cJSON_AddNumberToObject(e, "count", b->entries[i].count) == NULL)
			goto oom;
	}
	if ((text = cJSON_PrintUnformatted(list)) == NULL)
		goto oom;
	cJSON_Delete(list);
	status = protocol_reply(index, header, text, strlen(text));
	cJSON_free(text);
	return status;
oom:
	cJSON_Delete(list);
	cJSON_Delete(header);
	return protocol_fail("out of memory");
}

int
book_item(size_t index, const cJSON *root, const char *family, int draw)
{
	const cJSON *items = cJSON_GetObjectItemCaseSensitive(root, "items"), *it;
	struct book b = { root, cJSON_GetObjectItemCaseSensitive(root, "list"),
	    string_of(root, "footer"), string_of(root, "unshown"), NULL, 0 };
	cairo_surface_t *surface = NULL;
	PangoContext *context = NULL;
	cairo_t *cr = NULL;
	int status = 1, pages = 0, round;
	size_t i;

	if (!cJSON_IsArray(items) || cJSON_GetArraySize(items) > ITEMS_MAX ||
	    !cJSON_IsObject(b.list) || cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
	    b.list, "columns")) != LIST_COLUMNS || strlen(b.footer) > 128 ||
	    (surface = sheet_pdf(draw ? sheet_stdout_bytes : discard, NULL, string_of(root, "date"),
	    NULL)) == NULL)
		return protocol_fail("item %zu: needs items, a list of %d columns, a footer and "
		    "a date YYYY-MM-DD", index, LIST_COLUMNS);
	b.entries = calloc((size_t)cJSON_GetArraySize(items) + 1, sizeof *b.entries);
	if (b.entries == NULL) {
		protocol_fail("out of memory");
		goto out;
	}
	cJSON_ArrayForEach(it, items) {
		struct entry *e = &b.entries[b.count++];

		e->item = it;
		e->content = content_probe(it, &e->why_not);
	}
	cr = cairo_create(surface);
	context = pango_cairo_create_context(cr);
	/* The list cites the pages the items take, and those follow the list: laid out
	 * again until the numbers it shows are the numbers that come out. */
	for (round = 0; round < 4; round++) {
		pages = lay_out(NULL, context, family, &b, 0);
		if (!number_entries(&b))
			break;
	}
	if (draw)
		lay_out(cr, context, family, &b, pages);
	cairo_destroy(cr);
	cr = NULL;
	cairo_surface_finish(surface);
	if (!draw)
		status = paginated(index, &b, pages);
	else if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
		protocol_fail("item %zu: %s", index,
		    cairo_status_to_string(cairo_surface_status(surface)));
	else if (fflush(stdout) != 0)
		protocol_fail("writing the book: %m");
	else
		status = 0;
out:
	for (i = 0; i < b.count; i++)
		content_free(b.entries[i].content);
	free(b.entries);
	if (context != NULL)
		g_object_unref(context);
	if (cr != NULL)
		cairo_destroy(cr);
	cairo_surface_destroy(surface);
	return status;
}
