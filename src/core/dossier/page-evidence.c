/* The page's evidence list, made a row at a time (page-evidence.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/json-put.h"
#include "dispute/report.h"
#include "evidence-view.h"
#include "page-evidence.h"
#include "page-link.h"
#include "page-media.h"
#include "page-text.h"
#include "text.h"
#include "thumbs.h"

/* What the page made for one item beforehand. */
struct page_row {
	int thumb_width, thumb_height;  /* its thumbnail's, 0 when it has none */
	cJSON *own;     /* the members of its poster, playable copy or text pages, or NULL */
};

struct page_evidence {
	const struct dispute_case *c;
	const struct evidence_rows *rows;
	int en;
	struct page_row *made;          /* one for each of ROWS' items */
	cJSON *one_page;    /* [{k: 1, m: 1, ...}]: the pages of every item of one page */
	struct row_list list;
	page_add_fn add;
	void *ctx;
};

/* The photos of the page, whose thumbnails are made together once every item is
 * listed: a run of the image helper for every few hundred of them (thumbs.h). */
struct pictures {
	struct thumb_source *sources;  /* path (owned), mime, label (the path) */
	size_t *items;                 /* the item of each */
	size_t count, cap;
	struct page_evidence *pe;
};

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

static int
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A chat log or other text, but not a saved web page: that is linked, not shown as
 * its source. */
static int
is_text(const char *mime)
{
	return starts_with(mime, "text/") && strcmp(mime, "text/html") != 0;
}

/* data/thumbs/E01-defect.jpg for the evidence file E01-defect.heic (malloc'd). */
static char *
thumb_name(const char *file)
{
	const char *dot = strrchr(file, '.');
	int stem = dot != NULL ? (int)(dot - file) : (int)strlen(file);

	return dispute_asprintf("data/thumbs/%.*s.jpg", stem, file);
}

static int
want_thumbnail(struct pictures *p, char *path, const char *mime, size_t item)
{
	if (p->count == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 16;
		struct thumb_source *sources = realloc(p->sources, cap * sizeof *sources);
		size_t *items;

		if (sources == NULL)
			return dispute_oom();
		p->sources = sources;
		items = realloc(p->items, cap * sizeof *items);
		if (items == NULL)
			return dispute_oom();
		p->items = items;
		p->cap = cap;
	}
	p->sources[p->count].path = path;
	p->sources[p->count].mime = mime;
	p->sources[p->count].label = path;
	p->items[p->count++] = item;
	return DISPUTE_OK;
}

/* A thumbnail made: into the bag, and its size remembered for the row. */
static int
add_thumbnail(size_t index, struct thumb *thumb, void *ctx)
{
	struct pictures *p = ctx;
	size_t item = p->items[index];
	char *name = thumb_name(member(p->pe->rows->rows[item].item, "file"));
	int status;

	if (name == NULL) {
		thumb_free(thumb);
		return DISPUTE_FAILED;
	}
	p->pe->made[item].thumb_width = thumb->width;
	p->pe->made[item].thumb_height = thumb->height;
	status = p->pe->add(name, thumb->data, thumb->len, "image/jpeg", p->pe->ctx);
	free(name);
	return status;
}

static void
pictures_free(struct pictures *p)
{
	size_t i;

	for (i = 0; i < p->count; i++)
		free((char *)p->sources[i].path);
	free(p->sources);
	free(p->items);
}

/* What item I needs made beforehand: its photo wanted for a thumbnail, its poster or
 * playable copy, or its text pages. */
static int
prepare_item(struct page_evidence *pe, size_t i, struct pictures *pictures, int *av)
{
	const cJSON *item = pe->rows->rows[i].item;
	const char *mime = member(item, "mime");
	char *rel = dispute_asprintf("%s/%s", CASE_EVIDENCE_DIR, member(item, "file"));
	char *path = rel != NULL ? case_path(pe->c, rel) : NULL;
	int status = DISPUTE_FAILED;

	free(rel);
	if (path == NULL)
		return DISPUTE_FAILED;
	if (starts_with(mime, "image/")) {
		status = want_thumbnail(pictures, path, mime, i);
		if (status == DISPUTE_OK)
			return DISPUTE_OK; /* the path is the picture's now */
	} else if (page_media_wanted(mime) || is_text(mime)) {
		if ((pe->made[i].own = cJSON_CreateObject()) == NULL)
			status = dispute_oom();
		else if (is_text(mime))
			status = page_text_pages(path, pe->made[i].own);
		else
			status = page_media_add(item, path, pe->made[i].own, av, pe->add, pe->ctx);
	} else {
		status = DISPUTE_OK;
	}
	free(path);
	return status;
}

/* Numbers PAGES ({k, m, first, last}): M of them. */
static int
number_list(cJSON *pages)
{
	cJSON *page;
	int k = 0, m = cJSON_GetArraySize(pages);

	cJSON_ArrayForEach(page, pages) {
		k++;
		json_put_number(page, "k", k);
		json_put_number(page, "m", m);
		json_put_bool(page, "first", k == 1);
		json_put_bool(page, "last", k == m);
	}
	return m;
}

/* Makes what the rows need; the printed pages of them all in *PRINTED. Every item gets
 * at least one page; text logs may get several. */
static int
prepare(struct page_evidence *pe, int *printed)
{
	struct pictures pictures = { NULL, NULL, 0, 0, pe };
	cJSON *pages;
	size_t i;
	int av = -1, status = DISPUTE_FAILED;

	for (i = 0; i < pe->rows->items; i++)
		if (prepare_item(pe, i, &pictures, &av) != DISPUTE_OK)
			goto out;
	if (thumbs_make(pictures.sources, pictures.count, add_thumbnail, &pictures) != DISPUTE_OK)
		goto out;
	pe->one_page = cJSON_CreateArray();
	if (pe->one_page == NULL || !cJSON_AddItemToArray(pe->one_page, cJSON_CreateObject())) {
		dispute_oom();
		goto out;
	}
	number_list(pe->one_page);
	*printed = 0;
	for (i = 0; i < pe->rows->items; i++) {
		pages = cJSON_GetObjectItemCaseSensitive(pe->made[i].own, "pages");
		*printed += pages != NULL ? number_list(pages) : 1;
	}
	status = DISPUTE_OK;
out:
	pictures_free(&pictures);
	return status;
}

/* A member of OWN in ROW, pointed to rather than copied: the row lives for one pass of
 * the template. */
static int
refer(cJSON *row, const cJSON *m)
{
	cJSON *ref;

	if (cJSON_IsString(m))
		ref = cJSON_CreateStringReference(m->valuestring);
	else if (cJSON_IsArray(m))
		ref = cJSON_CreateArrayReference(m->child);
	else if (cJSON_IsObject(m))
		ref = cJSON_CreateObjectReference(m->child);
	else
		ref = cJSON_Duplicate(m, 0);
	return json_put(row, m->string, ref);
}

/* How the page shows item FILE of type MIME, as flags for the template. */
static int
add_shown_as(cJSON *row, const char *file, const char *mime, const struct page_row *made)
{
	char *name, href[1024];
	int status;

	if (!starts_with(mime, "image/"))
		return json_put_bool(row, starts_with(mime, "video/") ? "is_video" :
		    starts_with(mime, "audio/") ? "is_audio" : is_text(mime) ? "is_text" :
		    strcmp(mime, "application/pdf") == 0 ? "is_pdf" : "is_link", 1) ? DISPUTE_OK :
		    dispute_oom();
	/* A photo without a thumbnail is linked instead of shown. */
	json_put_bool(row, "is_image", made->thumb_width > 0);
	json_put_bool(row, "is_link", made->thumb_width == 0);
	if (made->thumb_width == 0)
		return DISPUTE_OK;
	if ((name = thumb_name(file)) == NULL)
		return DISPUTE_FAILED;
	status = page_href("thumbs", name + strlen("data/thumbs/"), href, sizeof href);
	free(name);
	if (status != DISPUTE_OK)
		return status;
	json_put_string(row, "thumb", href);
	json_put_number(row, "thumb_width", made->thumb_width);
	json_put_number(row, "thumb_height", made->thumb_height);
	return DISPUTE_OK;
}

static int
make_row(const struct row_list *list, size_t index, cJSON **out)
{
	const struct page_evidence *pe = list->ctx;
	const struct page_row *made = &pe->made[index];
	const cJSON *item = pe->rows->rows[index].item, *m;
	const cJSON *size_item = cJSON_GetObjectItemCaseSensitive(item, "size");
	const char *file = member(item, "file"), *mime = member(item, "mime");
	uint64_t bytes = cJSON_IsNumber(size_item) && size_item->valuedouble >= 0 ?
	    (uint64_t)size_item->valuedouble : 0;
	char size[32], href[1024];
	cJSON *row;

	*out = NULL;
	if (evidence_row_view(&pe->rows->rows[index], &row) != DISPUTE_OK)
		return DISPUTE_FAILED;
	format_size(bytes, pe->en, size, sizeof size);
	if (page_href("evidence", file, href, sizeof href) != DISPUTE_OK ||
	    add_shown_as(row, file, mime, made) != DISPUTE_OK)
		goto fail;
	json_put_number(row, "size", (double)bytes);
	json_put_string(row, "size_human", size);
	json_put_string(row, "href", href);
	cJSON_ArrayForEach(m, made->own)
		if (!refer(row, m)) {
			dispute_oom();
			goto fail;
		}
	/* An item of one page refers to the single numbered page all such items share. */
	if (!cJSON_HasObjectItem(made->own, "pages") &&
	    !json_put(row, "pages", cJSON_CreateArrayReference(pe->one_page->child))) {
		dispute_oom();
		goto fail;
	}
	*out = row;
	return DISPUTE_OK;
fail:
	cJSON_Delete(row);
	return DISPUTE_FAILED;
}

void
page_evidence_free(struct page_evidence *pe)
{
	size_t i;

	if (pe == NULL)
		return;
	for (i = 0; pe->made != NULL && i < pe->rows->items; i++)
		cJSON_Delete(pe->made[i].own);
	free(pe->made);
	cJSON_Delete(pe->one_page);
	free(pe);
}

const struct row_list *
page_evidence_list(const struct page_evidence *pe)
{
	return &pe->list;
}

int
page_evidence_add(const struct dispute_case *c, const struct draft_view *view,
    cJSON *page, int en, page_add_fn add, void *ctx, struct page_evidence **out)
{
	struct page_evidence *pe = calloc(1, sizeof *pe);
	cJSON *stand_in;
	int printed = 0;

	*out = NULL;
	if (pe == NULL)
		return dispute_oom();
	pe->c = c;
	pe->rows = view->evidence;
	pe->en = en;
	pe->add = add;
	pe->ctx = ctx;
	if ((pe->made = calloc(pe->rows->items + 1, sizeof *pe->made)) == NULL) {
		dispute_oom();
		goto fail;
	}
	if (prepare(pe, &printed) != DISPUTE_OK)
		goto fail;
	if ((stand_in = cJSON_AddArrayToObject(page, "evidence")) == NULL ||
	    cJSON_AddNumberToObject(page, "exhibit_pages", printed) == NULL ||
	    cJSON_AddBoolToObject(page, "has_evidence", pe->rows->items > 0) == NULL) {
		dispute_oom();
		goto fail;
	}
	pe->list = (struct row_list){ stand_in, pe->rows->items, make_row, pe };
	*out = pe;
	return DISPUTE_OK;
fail:
	page_evidence_free(pe);
	return DISPUTE_FAILED;
}
