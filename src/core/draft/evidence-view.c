/* The evidence of the template view: each item under its exhibit number (exhibits.h),
 * with the evidence list's fields (名称, 来源, 证明对象, 份数, 原件/复印件/电子数据), the
 * withdrawn numbers, and the list of both in number order; a row's members are made
 * when it is looked at (evidence-view.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/date-zh.h"
#include "dispute/evidence.h"
#include "dispute/exhibits.h"
#include "dispute/i18n.h"
#include "dispute/json-put.h"
#include "dispute/report.h"
#include "draft-quotes.h"
#include "evidence-origin.h"
#include "evidence-view.h"

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

/* A row's member names are this file's literals, and the labels of the kind and form
 * tables and the strings of the case's record are pointed to, not copied (json-put.h):
 * a page of 5,000 items makes as many rows. */

/* A time member NAME of ITEM written the Chinese way as ZH_NAME. */
static void
add_time_zh(cJSON *e, const cJSON *item, const char *name, const char *zh_name,
    const char *offset)
{
	char zh[DATE_TIME_ZH_LEN];

	if (member(item, name) == NULL)
		return;
	date_time_format_zh(member(item, name), offset, zh, sizeof zh);
	json_put_string(e, zh_name, zh);
}

void
exhibit_label(struct exhibit_number n, int en, char label[EXHIBIT_LABEL_LEN])
{
	char serial[24];

	exhibits_serial(n, serial, sizeof serial);
	snprintf(label, EXHIBIT_LABEL_LEN, "%s%s", en ? "Exhibit " : "证据", serial);
}

/* Number, serial ("3" or "3-1") and labels (证据3-1, Exhibit 3-1). */
static void
add_number(cJSON *e, struct exhibit_number n)
{
	char serial[24], label[EXHIBIT_LABEL_LEN];

	exhibits_serial(n, serial, sizeof serial);
	json_put_number(e, "number", n.number);
	if (n.part > 0)
		json_put_number(e, "part", n.part);
	json_put_string(e, "serial", serial);
	exhibit_label(n, 0, label);
	json_put_string(e, "label_zh", label);
	exhibit_label(n, 1, label);
	json_put_string(e, "label_en", label);
}

/* Kind and name (名称): the kind's label with the note, else the original file name. */
static void
add_names(cJSON *e, const struct evidence_kind *kind, const cJSON *item)
{
	const char *what = member(item, "note") != NULL ? member(item, "note") :
	    member(item, "original_name");
	char name[512];

	json_put_reference(e, "id", member(item, "id"));
	json_put_reference(e, "kind", kind->name);
	json_put_reference(e, "kind_zh", kind->label_zh);
	json_put_reference(e, "kind_en", kind->label_en);
	snprintf(name, sizeof name, "%s（%s）", kind->label_zh, what != NULL ? what : "");
	json_put_string(e, "name_zh", name);
	snprintf(name, sizeof name, "%s (%s)", kind->label_en, what != NULL ? what : "");
	json_put_string(e, "name_en", name);
}

/* 来源, 份数 and the form (原件/复印件/电子数据): as recorded, else from the kind. */
static void
add_list_fields(cJSON *e, const struct evidence_kind *kind, const cJSON *item)
{
	const char *source = member(item, "source");
	const cJSON *copies = cJSON_GetObjectItemCaseSensitive(item, "copies");
	const struct evidence_form *form = evidence_form_find(member(item, "form"));

	if (form == NULL)
		form = evidence_form_find(kind->form);
	json_put_reference(e, "source_zh", source != NULL ? source : kind->source_zh);
	json_put_reference(e, "source_en", source != NULL ? source : kind->source_en);
	json_put_number(e, "copies", cJSON_IsNumber(copies) && copies->valuedouble >= 1 &&
	    copies->valuedouble <= EVIDENCE_COPIES_MAX ? (int)copies->valuedouble : 1);
	json_put_reference(e, "form", form->name);
	json_put_reference(e, "form_zh", form->label_zh);
	json_put_reference(e, "form_en", form->label_en);
	json_put_bool(e, "electronic", strcmp(form->name, "electronic") == 0);
}

/* The pages of a numbered row in the evidence book: 页数 and 页码 ("3" or "3-5"). */
static void
add_book_pages(cJSON *e, const struct evidence_row *row)
{
	char range[32];

	if (row->page_count <= 0)
		return;
	if (row->page_count > 1)
		snprintf(range, sizeof range, "%d-%d", row->page_first,
		    row->page_first + row->page_count - 1);
	else
		snprintf(range, sizeof range, "%d", row->page_first);
	json_put_number(e, "page_count", row->page_count);
	json_put_string(e, "page_range", range);
}

static cJSON *
item_view(const struct evidence_row *row)
{
	const cJSON *item = row->item;
	const struct evidence_kind *kind = row->kind;
	const char *proves = member(item, "proves");
	static const char *const copied[] = {
		"file", "original_name", "sha256", "mime", "added", "captured", "captured_offset",
		NULL
	};
	cJSON *e = cJSON_CreateObject();
	int i;

	if (e == NULL)
		return NULL;
	add_number(e, row->n);
	add_names(e, kind, item);
	/* Said outright: a template asking inside an item must not find the view's list. */
	json_put_bool(e, "withdrawn", 0);
	add_list_fields(e, kind, item);
	json_put_reference(e, "proves_zh", proves != NULL ? proves : kind->proves_zh);
	json_put_reference(e, "proves_en", proves != NULL ? proves : kind->proves_en);
	for (i = 0; copied[i] != NULL; i++)
		if (member(item, copied[i]) != NULL)
			json_put_reference(e, copied[i], member(item, copied[i]));
	add_time_zh(e, item, "added", "added_zh", NULL);
	add_time_zh(e, item, "captured", "captured_zh", member(item, "captured_offset"));
	if (!evidence_origin_view(e, item) || !draft_quotes_item(e, item)) {
		cJSON_Delete(e);
		return NULL;
	}
	/* The origin view writes the original's modification time as recorded. */
	add_time_zh(e, e, "original_modified", "original_modified_zh", NULL);
	add_book_pages(e, row);
	return e;
}

/* A withdrawn number's line: what it was, and that it is withdrawn (已撤回). */
static cJSON *
withdrawn_view(const struct evidence_row *row)
{
	const cJSON *line = row->item;
	cJSON *e = cJSON_CreateObject();

	if (e == NULL)
		return NULL;
	add_number(e, row->n);
	add_names(e, row->kind, line);
	json_put_bool(e, "withdrawn", 1);
	if (member(line, "withdrawn") != NULL)
		json_put_reference(e, "withdrawn_date", member(line, "withdrawn"));
	add_time_zh(e, line, "withdrawn", "withdrawn_zh", NULL);
	return e;
}

int
evidence_row_view(const struct evidence_row *row, cJSON **out)
{
	*out = row->withdrawn ? withdrawn_view(row) : item_view(row);
	if (*out != NULL)
		return DISPUTE_OK;
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

static int
compare_rows(const void *a, const void *b)
{
	const struct evidence_row *x = a, *y = b;

	if (x->n.number != y->n.number)
		return x->n.number < y->n.number ? -1 : 1;
	return (x->n.part > y->n.part) - (x->n.part < y->n.part);
}

static int
compare_row_pointers(const void *a, const void *b)
{
	return compare_rows(*(const struct evidence_row *const *)a,
	    *(const struct evidence_row *const *)b);
}

/* The items (KIND known) and the withdrawn lines of C, numbered, into R's rows. */
static int
collect(const struct dispute_case *c, struct evidence_rows *r)
{
	struct exhibit_number *numbers = NULL, n;
	const cJSON *item;
	size_t count, i = 0;
	const struct evidence_kind *kind;

	if (exhibits_number(c, &numbers, &count) != DISPUTE_OK)
		return DISPUTE_FAILED;
	cJSON_ArrayForEach(item, case_evidence(c)) {
		if ((kind = evidence_kind_find(member(item, "kind"))) != NULL)
			r->rows[r->items++] = (struct evidence_row){ numbers[i], item, kind, 0, 0, 0 };
		i++;
	}
	free(numbers);
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(case_record(c), "withdrawn")) {
		kind = evidence_kind_find(member(item, "kind"));
		if (kind == NULL || !exhibits_stored(item, &n))
			continue;
		r->rows[r->items + r->withdrawn++] = (struct evidence_row){ n, item, kind, 1, 0, 0 };
	}
	return DISPUTE_OK;
}

static int
make_item(const struct row_list *list, size_t index, cJSON **row)
{
	const struct evidence_rows *r = list->ctx;

	return evidence_row_view(&r->rows[index], row);
}

static int
make_withdrawn(const struct row_list *list, size_t index, cJSON **row)
{
	const struct evidence_rows *r = list->ctx;

	return evidence_row_view(&r->rows[r->items + index], row);
}

static int
make_in_order(const struct row_list *list, size_t index, cJSON **row)
{
	const struct evidence_rows *r = list->ctx;

	return evidence_row_view(r->in_order[index], row);
}

/* The list NAME of VIEW, standing in for R's rows made by MAKE. */
static int
add_list(cJSON *view, const char *name, struct evidence_rows *r, int which, size_t count,
    row_make_fn make)
{
	cJSON *stand_in = cJSON_AddArrayToObject(view, name);

	r->lists[which] = (struct row_list){ stand_in, count, make, r };
	return stand_in != NULL ? DISPUTE_OK : DISPUTE_FAILED;
}

void
evidence_rows_free(struct evidence_rows *r)
{
	if (r == NULL)
		return;
	free(r->rows);
	free(r->in_order);
	free(r);
}

int
evidence_rows_add(cJSON *view, const struct dispute_case *c, struct evidence_rows **out)
{
	size_t cap = (size_t)cJSON_GetArraySize(case_evidence(c)) +
	    (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(case_record(c),
	    "withdrawn")) + 1;
	struct evidence_rows *r = calloc(1, sizeof *r);
	size_t i;
	int status = DISPUTE_FAILED;

	*out = NULL;
	if (r == NULL || (r->rows = calloc(cap, sizeof *r->rows)) == NULL ||
	    (r->in_order = calloc(cap, sizeof *r->in_order)) == NULL)
		goto oom;
	if (collect(c, r) != DISPUTE_OK)
		goto out;
	qsort(r->rows, r->items, sizeof *r->rows, compare_rows);
	qsort(r->rows + r->items, r->withdrawn, sizeof *r->rows, compare_rows);
	/* The list: every number in order, whether its item is there or withdrawn. */
	for (i = 0; i < r->items + r->withdrawn; i++)
		r->in_order[i] = &r->rows[i];
	qsort(r->in_order, r->items + r->withdrawn, sizeof *r->in_order, compare_row_pointers);
	if (add_list(view, "evidence", r, EVIDENCE_ITEMS, r->items, make_item) != DISPUTE_OK ||
	    add_list(view, "withdrawn", r, EVIDENCE_WITHDRAWN, r->withdrawn, make_withdrawn) !=
	    DISPUTE_OK || add_list(view, "evidence_list", r, EVIDENCE_LIST,
	    r->items + r->withdrawn, make_in_order) != DISPUTE_OK ||
	    cJSON_AddNumberToObject(view, "evidence_count", (double)r->items) == NULL ||
	    cJSON_AddNumberToObject(view, "withdrawn_count", (double)r->withdrawn) == NULL ||
	    cJSON_AddBoolToObject(view, "has_withdrawn", r->withdrawn > 0) == NULL)
		goto oom;
	*out = r;
	return DISPUTE_OK;
oom:
	dispute_error(_("out of memory"));
out:
	evidence_rows_free(r);
	return status;
}
