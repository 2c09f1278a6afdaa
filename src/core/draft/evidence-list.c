/* The evidence list as CSV and JSON, from the same view every draft is rendered from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/evidence-list.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "evidence-view.h"

/* One CSV field (RFC 4180): quoted, with quotes doubled. A spreadsheet evaluates a cell
 * that starts with = + - @ (or a tab or carriage return before one) as a formula even
 * when it is quoted, so such a cell gets a leading apostrophe, which Excel and
 * LibreOffice take as "this is text". */
static void
csv_field(FILE *out, const char *value, const char *end)
{
	fputc('"', out);
	if (value != NULL && value[0] != '\0' && strchr("=+-@\t\r", value[0]) != NULL)
		fputc('\'', out);
	for (; value != NULL && *value != '\0'; value++) {
		if (*value == '"')
			fputc('"', out);
		fputc(*value, out);
	}
	fprintf(out, "\"%s", end);
}

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

/* The columns after SHA-256, which issue 15's list adds (份数, 证据形式, 备注), for ITEM:
 * a withdrawn number's row says only that it is withdrawn. */
static void
csv_list_fields(FILE *csv, const cJSON *item, int english)
{
	char copies[16];
	int withdrawn = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "withdrawn"));
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(item, "copies");

	snprintf(copies, sizeof copies, "%d", cJSON_IsNumber(n) ? (int)n->valuedouble : 0);
	csv_field(csv, withdrawn ? "" : copies, ",");
	csv_field(csv, member(item, english ? "form_en" : "form_zh"), ",");
	csv_field(csv, withdrawn ? (english ? "withdrawn" : "已撤回") : "", ",");
}

/* The time and origin columns of ITEM (evidence-origin.h), Chinese dates in Chinese. */
static void
csv_origin_fields(FILE *csv, const cJSON *item, int english)
{
	csv_field(csv, member(item, english ? "captured_at" : "captured_zh"), ",");
	csv_field(csv, member(item, english ? "captured_label_en" : "captured_label_zh"), ",");
	csv_field(csv, member(item, english ? "duration_en" : "duration_zh"), ",");
	csv_field(csv, member(item, english ? "method_en" : "method_zh"), ",");
	csv_field(csv, member(item, "device"), ",");
	csv_field(csv, member(item, "app"), ",");
	csv_field(csv, member(item, "original_name"), ",");
	csv_field(csv, member(item, "original_size"), ",");
	csv_field(csv, member(item, english ? "original_modified" : "original_modified_zh"), ",");
	csv_field(csv, member(item, english ? "added" : "added_zh"), ",");
}

/* The last columns, where an item is in the evidence book (evidence-book.h): its
 * pages and their range, empty when the view was not numbered. */
static const char *
book_heads(int english)
{
	return english ? ",Pages,Page no.\r\n" : ",页数,页码\r\n";
}

static void
book_cells(FILE *csv, const cJSON *item)
{
	const cJSON *count = cJSON_GetObjectItemCaseSensitive(item, "page_count");
	char pages[16] = "";

	if (cJSON_IsNumber(count))
		snprintf(pages, sizeof pages, "%d", (int)count->valuedouble);
	csv_field(csv, pages, ",");
	csv_field(csv, member(item, "page_range"), "\r\n");
}

/* One row of the list as CSV. */
static int
csv_row(FILE *csv, const struct evidence_row *row, int english)
{
	cJSON *item;

	if (evidence_row_view(row, &item) != DISPUTE_OK)
		return DISPUTE_FAILED;
	csv_field(csv, member(item, "serial"), ",");
	csv_field(csv, member(item, english ? "name_en" : "name_zh"), ",");
	csv_field(csv, member(item, english ? "source_en" : "source_zh"), ",");
	csv_field(csv, member(item, english ? "proves_en" : "proves_zh"), ",");
	csv_field(csv, member(item, "file"), ",");
	csv_field(csv, member(item, "sha256"), ",");
	csv_list_fields(csv, item, english);
	csv_origin_fields(csv, item, english);
	book_cells(csv, item);
	cJSON_Delete(item);
	return DISPUTE_OK;
}

int
evidence_list_csv(const struct draft_view *view, int english, char **out)
{
	const struct evidence_rows *rows = view->evidence;
	char *text = NULL;
	size_t i;
	size_t len = 0;
	FILE *csv = open_memstream(&text, &len);

	*out = NULL;
	if (csv == NULL)
		goto oom;
	/* The byte order mark tells Excel the file is UTF-8: without it, Excel on a
	 * Chinese Windows reads a CSV as GBK and every Chinese cell comes out garbled. */
	fputs("\xEF\xBB\xBF", csv);
	/* After the first six columns come the list's own (份数, 证据形式, 备注), then the
	 * time and origin of each file (证据规定 第九十三条), then where it is in the
	 * evidence book, so that readers of the first six keep working. */
	fprintf(csv, english ? "No.,Evidence,Source,Purpose,File,SHA-256,Copies,Form,Note,Made,"
	    "Time recorded by,Duration,Obtained by,Device,App,Original file,Original size,"
	    "Original modified,Added%s" :
	    "序号,证据名称,证据来源,证明目的,文件名,SHA-256,份数,证据形式,备注,形成时间,"
	    "时间记载来源,时长,取得方式,形成设备,应用程序,原始文件名,原始文件大小（字节）,"
	    "原始文件修改时间,登记时间%s", book_heads(english));
	for (i = 0; i < rows->items + rows->withdrawn; i++)
		if (csv_row(csv, rows->in_order[i], english) != DISPUTE_OK) {
			fclose(csv);
			free(text);
			return DISPUTE_FAILED;
		}
	if (fclose(csv) != 0)
		goto oom;
	*out = text;
	return DISPUTE_OK;
oom:
	free(text);
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

/* The array NAME of ROOT with the rows FROM .. FROM + COUNT of ROWS made whole: the
 * list is printed whole anyway. */
static int
add_rows(cJSON *root, const char *name, const struct evidence_rows *rows, size_t from,
    size_t count)
{
	cJSON *list = cJSON_AddArrayToObject(root, name), *row;
	size_t i;

	for (i = 0; list != NULL && i < count; i++) {
		if (evidence_row_view(&rows->rows[from + i], &row) != DISPUTE_OK)
			return DISPUTE_FAILED;
		if (!cJSON_AddItemToArray(list, row)) {
			cJSON_Delete(row);
			list = NULL;
		}
	}
	if (list != NULL)
		return DISPUTE_OK;
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

int
evidence_list_json(const struct draft_view *view, char **out)
{
	const struct evidence_rows *rows = view->evidence;
	cJSON *root = cJSON_CreateObject();
	char *text = NULL;
	int status = DISPUTE_FAILED;

	*out = NULL;
	if (root == NULL || cJSON_AddStringToObject(root, "schema", "dispute-evidence-list/1") ==
	    NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	if (add_rows(root, "evidence", rows, 0, rows->items) != DISPUTE_OK ||
	    add_rows(root, "withdrawn", rows, rows->items, rows->withdrawn) != DISPUTE_OK)
		goto out;
	text = cJSON_Print(root);
	if (text == NULL || asprintf(out, "%s\n", text) == -1) {
		*out = NULL;
		dispute_error(_("out of memory"));
		goto out;
	}
	status = DISPUTE_OK;
out:
	cJSON_free(text);
	cJSON_Delete(root);
	return status;
}
