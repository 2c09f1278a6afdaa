/* The evidence of the template view: each item under its exhibit number (exhibits.h),
 * with the evidence list's fields (名称, 来源, 证明对象, 份数, 原件/复印件/电子数据), the
 * withdrawn numbers, and the list of both in number order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/date-zh.h"
#include "dispute/evidence.h"
#include "dispute/exhibits.h"
#include "dispute/i18n.h"
#include "dispute/json-put.h"
#include "dispute/report.h"
#include "evidence-origin.h"
#include "evidence-view.h"

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

/* An item's member names are this file's literals, and the labels of the kind and
 * form tables and the strings of the case's record are pointed to, not copied
 * (json-put.h): a view may hold 5,000 items. */

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

/* Number, serial ("3" or "3-1") and labels (证据3-1, Exhibit 3-1). */
static void
add_number(cJSON *e, struct exhibit_number n)
{
	char serial[24], label[48];

	exhibits_serial(n, serial, sizeof serial);
	json_put_number(e, "number", n.number);
	if (n.part > 0)
		json_put_number(e, "part", n.part);
	json_put_string(e, "serial", serial);
	snprintf(label, sizeof label, "证据%s", serial);
	json_put_string(e, "label_zh", label);
	snprintf(label, sizeof label, "Exhibit %s", serial);
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

static cJSON *
item_view(const cJSON *item, const struct evidence_kind *kind, struct exhibit_number n)
{
	const char *proves = member(item, "proves");
	static const char *const copied[] = {
		"file", "original_name", "sha256", "mime", "added", "captured", "captured_offset",
		NULL
	};
	cJSON *e = cJSON_CreateObject();
	int i;

	if (e == NULL)
		return NULL;
	add_number(e, n);
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
	if (!evidence_origin_view(e, item)) {
		cJSON_Delete(e);
		return NULL;
	}
	/* The origin view writes the original's modification time as recorded. */
	add_time_zh(e, e, "original_modified", "original_modified_zh", NULL);
	return e;
}

/* A withdrawn number's line: what it was, and that it is withdrawn (已撤回). */
static cJSON *
withdrawn_view(const cJSON *line, const struct evidence_kind *kind, struct exhibit_number n)
{
	cJSON *e = cJSON_CreateObject();

	if (e == NULL)
		return NULL;
	add_number(e, n);
	add_names(e, kind, line);
	json_put_bool(e, "withdrawn", 1);
	if (member(line, "withdrawn") != NULL)
		json_put_reference(e, "withdrawn_date", member(line, "withdrawn"));
	add_time_zh(e, line, "withdrawn", "withdrawn_zh", NULL);
	return e;
}

struct numbered {
	struct exhibit_number n;
	cJSON *view;
	int placed;         /* VIEW belongs to the view's "evidence" or "withdrawn" now */
};

static int
compare_numbered(const void *a, const void *b)
{
	const struct numbered *x = a, *y = b;

	if (x->n.number != y->n.number)
		return x->n.number < y->n.number ? -1 : 1;
	return (x->n.part > y->n.part) - (x->n.part < y->n.part);
}

/* Moves the views of ROWS into a new array NAME of VIEW. */
static int
place_rows(cJSON *view, const char *name, struct numbered *rows, size_t count)
{
	cJSON *list = cJSON_AddArrayToObject(view, name);
	size_t i;

	for (i = 0; list != NULL && i < count; i++) {
		if (!cJSON_AddItemToArray(list, rows[i].view))
			return DISPUTE_FAILED;
		rows[i].placed = 1;
	}
	return list != NULL ? DISPUTE_OK : DISPUTE_FAILED;
}

/* The list NAME of VIEW whose rows are the views of ROWS themselves, not copies: a
 * case of 5,000 items would hold every item twice. A row's members are its item's, so
 * what is added to an item later (its pages in the evidence book) is in its row too. */
static int
refer_rows(cJSON *view, const char *name, const struct numbered *rows, size_t count)
{
	cJSON *list = cJSON_AddArrayToObject(view, name);
	size_t i;

	for (i = 0; list != NULL && i < count; i++) {
		cJSON *row = cJSON_CreateObjectReference(rows[i].view->child);

		if (row == NULL || !cJSON_AddItemToArray(list, row)) {
			cJSON_Delete(row);
			return DISPUTE_FAILED;
		}
	}
	return list != NULL ? DISPUTE_OK : DISPUTE_FAILED;
}

/* The items (KIND known) and the withdrawn lines of C, numbered, into ROWS. */
static int
collect(const struct dispute_case *c, struct numbered *rows, size_t *items, size_t *withdrawn)
{
	struct exhibit_number *numbers = NULL, n;
	const cJSON *item;
	size_t count, i = 0;
	const struct evidence_kind *kind;

	*items = *withdrawn = 0;
	if (exhibits_number(c, &numbers, &count) != DISPUTE_OK)
		return DISPUTE_FAILED;
	cJSON_ArrayForEach(item, case_evidence(c)) {
		if ((kind = evidence_kind_find(member(item, "kind"))) != NULL) {
			rows[*items].n = numbers[i];
			if ((rows[*items].view = item_view(item, kind, numbers[i])) == NULL)
				goto oom;
			(*items)++;
		}
		i++;
	}
	free(numbers);
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(case_record(c), "withdrawn")) {
		kind = evidence_kind_find(member(item, "kind"));
		if (kind == NULL || !exhibits_stored(item, &n))
			continue;
		rows[*items + *withdrawn].n = n;
		if ((rows[*items + *withdrawn].view = withdrawn_view(item, kind, n)) == NULL)
			return DISPUTE_FAILED;
		(*withdrawn)++;
	}
	return DISPUTE_OK;
oom:
	free(numbers);
	return DISPUTE_FAILED;
}

int
evidence_view_add(cJSON *view, const struct dispute_case *c)
{
	size_t cap = (size_t)cJSON_GetArraySize(case_evidence(c)) +
	    (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(case_record(c),
	    "withdrawn")) + 1;
	struct numbered *rows = calloc(cap, sizeof *rows);
	size_t items = 0, withdrawn = 0, i;
	int status = DISPUTE_FAILED;

	if (rows == NULL || collect(c, rows, &items, &withdrawn) != DISPUTE_OK)
		goto out;
	qsort(rows, items, sizeof *rows, compare_numbered);
	qsort(rows + items, withdrawn, sizeof *rows, compare_numbered);
	if (place_rows(view, "evidence", rows, items) != DISPUTE_OK ||
	    place_rows(view, "withdrawn", rows + items, withdrawn) != DISPUTE_OK)
		goto out;
	/* The list: every number in order, whether its item is there or withdrawn. */
	qsort(rows, items + withdrawn, sizeof *rows, compare_numbered);
	if (refer_rows(view, "evidence_list", rows, items + withdrawn) != DISPUTE_OK)
		goto out;
	cJSON_AddNumberToObject(view, "evidence_count", (double)items);
	cJSON_AddNumberToObject(view, "withdrawn_count", (double)withdrawn);
	cJSON_AddBoolToObject(view, "has_withdrawn", withdrawn > 0);
	status = DISPUTE_OK;
out:
	for (i = 0; rows != NULL && i < cap; i++)
		if (!rows[i].placed)
			cJSON_Delete(rows[i].view);
	free(rows);
	if (status != DISPUTE_OK)
		dispute_error(_("out of memory"));
	return status;
}
