/* The evidence book of a case (evidence-book.h): its request to the print helper,
 * from the view every draft is rendered from and the book's templates. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <unistd.h>

#include "av.h"
#include "dispute/book.h"
#include "dispute/evidence-book.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/template.h"
#include "evidence-view.h"

/* A video's contact sheet: six frames, at most 640 pixels a side. */
#define BOOK_FRAMES 6
#define BOOK_FRAME_SIZE 640

/* The words of the book that are not the case's, in the two languages of drafts. */
struct book_words {
	const char *footer, *list_title, *columns[6], *continued,
	    *unshown, *label, *name, *source, *proves;
};

static const struct book_words words_zh = {
	"第 {page} 页 共 {pages} 页", "证据清单",
	{ "序号", "证据名称", "证据来源", "证明对象", "页数", "页码" }, "（续）",
	"此文件的内容无法在此显示，请查阅证据材料包中的原始文件（见上方文件名）。",
	"label_zh", "name_zh", "source_zh", "proves_zh"
};

static const struct book_words words_en = {
	"Page {page} of {pages}", "Exhibit List",
	{ "No.", "Exhibit", "Source", "Purpose", "Pages", "Page no." }, " (continued)",
	"The content of this file cannot be shown here; see the original file in the "
	"evidence package (file name above).",
	"label_en", "name_en", "source_en", "proves_en"
};

static const char *
member(const cJSON *item, const char *name)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));

	return s != NULL ? s : "";
}

/* Template NAME of case C in LANG rendered against DATA, into *OUT. */
static int
render(const struct dispute_case *c, const char *lang, const char *name,
    const struct template_data *data, char **out)
{
	char *path = NULL, *shipped = NULL;
	int status;

	*out = NULL;
	status = template_find(case_dir(c), lang, name, &path, &shipped);
	if (status == DISPUTE_OK)
		status = template_render_file(path, shipped, data, TEMPLATE_ESCAPE_NONE, out);
	free(path);
	free(shipped);
	return status;
}

/* Adds template NAME rendered against DATA to OBJECT as member KEY. */
static int
add_rendered(cJSON *object, const char *key, const struct dispute_case *c, const char *lang,
    const char *name, const struct template_data *data)
{
	char *text = NULL;
	int status = render(c, lang, name, data, &text);

	if (status == DISPUTE_OK && cJSON_AddStringToObject(object, key, text) == NULL) {
		dispute_error(_("out of memory"));
		status = DISPUTE_FAILED;
	}
	free(text);
	return status;
}

/* A time of a recording to the tenth of a second, "01:05.3" or "1:02:05.3": the frames
 * of a short clip are fractions of a second apart. */
static void
format_offset(int64_t ms, char *out, size_t size)
{
	long s = (long)(ms / 1000), tenth = (long)(ms % 1000 / 100);

	if (s >= 3600)
		snprintf(out, size, "%ld:%02ld:%02ld.%ld", s / 3600, s / 60 % 60, s % 60, tenth);
	else
		snprintf(out, size, "%02ld:%02ld.%ld", s / 60, s % 60, tenth);
}

/* A video's key frames for its contact sheet, made by dispute-av into DIR: ITEM
 * gets "frames", [{"path", "caption"}], as many as decoded. */
static int
add_frames(cJSON *item, const char *path, const char *label, const char *dir,
    const char *prefix)
{
	struct av_frame_file *files = NULL;
	size_t count = 0, i;
	cJSON *frames = cJSON_AddArrayToObject(item, "frames");
	int status = frames != NULL ? DISPUTE_OK : DISPUTE_FAILED;

	if (status == DISPUTE_OK)
		status = av_frames(path, label, BOOK_FRAMES, BOOK_FRAME_SIZE, AV_JPEG, dir, prefix,
		    &files, &count);
	for (i = 0; status == DISPUTE_OK && i < count; i++) {
		cJSON *frame = cJSON_CreateObject();
		char caption[32];

		format_offset(files[i].at_ms, caption, sizeof caption);
		if (frame == NULL || !cJSON_AddItemToArray(frames, frame) ||
		    cJSON_AddStringToObject(frame, "path", files[i].path) == NULL ||
		    cJSON_AddStringToObject(frame, "caption", caption) == NULL) {
			dispute_error(_("out of memory"));
			status = DISPUTE_FAILED;
		}
	}
	av_frame_files_free(files, count);
	return status;
}

/* The lines under item E's heading; a recording says its duration, or that it is
 * not known ("recording" tells the template which items are recordings). */
static int
add_meta(cJSON *item, const struct dispute_case *c, const char *lang, cJSON *e)
{
	const char *mime = member(e, "mime");
	struct template_data data = { e, NULL, 0 };

	if (cJSON_AddBoolToObject(e, "recording", strncmp(mime, "audio/", 6) == 0 ||
	    strncmp(mime, "video/", 6) == 0) == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return add_rendered(item, "meta", c, lang, "evidence-book-item.txt", &data);
}

/* Row E of the list: its number, name, source and purpose. */
static int
add_list_row(cJSON *rows, const cJSON *e, const struct book_words *w)
{
	const char *cells[4] = { member(e, w->label), member(e, w->name),
	    member(e, w->source), member(e, w->proves) };

	return cJSON_AddItemToArray(rows, cJSON_CreateStringArray(cells, 4)) ? DISPUTE_OK :
	    DISPUTE_FAILED;
}

/* The book's item for row E, whose file is in DIR. */
static int
add_item(cJSON *items, const struct dispute_case *c, const char *dir, cJSON *e,
    const char *lang, const struct book_words *w, const char *frames_dir)
{
	cJSON *item = cJSON_CreateObject();
	char *path = NULL, continued[96];
	int status = DISPUTE_FAILED;

	snprintf(continued, sizeof continued, "%s%s", member(e, w->label), w->continued);
	if (item == NULL || !cJSON_AddItemToArray(items, item)) {
		cJSON_Delete(item);
		goto oom;
	}
	if ((path = path_join(dir, member(e, "file"))) == NULL ||
	    cJSON_AddStringToObject(item, "heading", member(e, w->label)) == NULL ||
	    cJSON_AddStringToObject(item, "continued", continued) == NULL ||
	    cJSON_AddStringToObject(item, "path", path) == NULL ||
	    cJSON_AddStringToObject(item, "mime", member(e, "mime")) == NULL)
		goto oom;
	/* A video is a contact sheet, laid out alike with its frames or without. */
	if (strncmp(member(e, "mime"), "video/", 6) == 0 &&
	    (cJSON_AddTrueToObject(item, "sheet") == NULL || (frames_dir != NULL &&
	    add_frames(item, path, member(e, "file"), frames_dir, member(e, "id")) !=
	    DISPUTE_OK)))
		goto out;
	status = add_meta(item, c, lang, e);
	goto out;
oom:
	dispute_error(_("out of memory"));
out:
	free(path);
	return status;
}

/* The evidence list and the items of the book: one row of VIEW made for both. */
static int
add_evidence(cJSON *request, const struct dispute_case *c, const struct draft_view *view,
    const char *lang, const struct book_words *w, const char *frames_dir)
{
	const struct evidence_rows *r = view->evidence;
	cJSON *list = cJSON_AddObjectToObject(request, "list"), *rows = NULL, *items = NULL, *e;
	char *dir = case_path(c, CASE_EVIDENCE_DIR);
	size_t i;
	int status = DISPUTE_FAILED;

	if (list == NULL || dir == NULL ||
	    cJSON_AddStringToObject(list, "title", w->list_title) == NULL ||
	    !cJSON_AddItemToObject(list, "columns", cJSON_CreateStringArray(w->columns, 6)) ||
	    (rows = cJSON_AddArrayToObject(list, "rows")) == NULL ||
	    (items = cJSON_AddArrayToObject(request, "items")) == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	for (i = 0; i < r->items; i++) {
		if (evidence_row_view(&r->rows[i], &e) != DISPUTE_OK)
			goto out;
		if (add_list_row(rows, e, w) != DISPUTE_OK) {
			cJSON_Delete(e);
			dispute_error(_("out of memory"));
			goto out;
		}
		status = add_item(items, c, dir, e, lang, w, frames_dir);
		cJSON_Delete(e);
		if (status != DISPUTE_OK)
			goto out;
	}
	status = add_rendered(list, "note", c, lang, "evidence-book-note.txt", &view->data);
out:
	free(dir);
	return status;
}

/* The helper's request for the book of C in LANG against VIEW; with FRAMES_DIR, the
 * videos' frames are made there. */
static cJSON *
request_of(const struct dispute_case *c, const struct draft_view *view, const char *lang,
    const char *frames_dir)
{
	const struct book_words *w = strcmp(lang, "en") == 0 ? &words_en : &words_zh;
	cJSON *request = cJSON_CreateObject();

	if (request == NULL || cJSON_AddStringToObject(request, "date", member(view->json,
	    "today")) == NULL || cJSON_AddStringToObject(request, "footer", w->footer) == NULL ||
	    cJSON_AddStringToObject(request, "unshown", w->unshown) == NULL) {
		dispute_error(_("out of memory"));
		goto fail;
	}
	if (add_rendered(request, "cover", c, lang, "evidence-book-cover.txt", &view->data) !=
	    DISPUTE_OK || add_evidence(request, c, view, lang, w, frames_dir) != DISPUTE_OK)
		goto fail;
	return request;
fail:
	cJSON_Delete(request);
	return NULL;
}

int
evidence_book_number(const struct dispute_case *c, struct draft_view *view, const char *lang)
{
	struct evidence_rows *r = view->evidence;
	cJSON *request = request_of(c, view, lang, NULL), *pages = NULL;
	size_t i;
	int status = DISPUTE_FAILED;

	if (request == NULL || book_paginate(request, &pages) != DISPUTE_OK)
		goto out;
	if ((size_t)cJSON_GetArraySize(pages) != r->items) {
		dispute_error(_("dispute-print: an answer out of order or malformed"));
		goto out;
	}
	for (i = 0; i < r->items; i++) {
		const cJSON *p = cJSON_GetArrayItem(pages, (int)i);

		r->rows[i].page_first = (int)cJSON_GetNumberValue(
		    cJSON_GetObjectItemCaseSensitive(p, "first"));
		r->rows[i].page_count = (int)cJSON_GetNumberValue(
		    cJSON_GetObjectItemCaseSensitive(p, "count"));
	}
	status = DISPUTE_OK;
out:
	cJSON_Delete(pages);
	cJSON_Delete(request);
	return status;
}

/* Removes the frames made into DIR, and DIR. */
static void
remove_frames(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	while (d != NULL && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			unlinkat(dirfd(d), de->d_name, 0);
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

int
evidence_book_print(const struct dispute_case *c, const struct draft_view *view,
    const char *lang, int fd, const char *label)
{
	const char *tmp = getenv("TMPDIR") != NULL && *getenv("TMPDIR") != '\0' ?
	    getenv("TMPDIR") : "/tmp";
	char *dir = dispute_asprintf("%s/dispute-frames.XXXXXX", tmp);
	cJSON *request = NULL;
	int status = DISPUTE_FAILED;

	if (dir == NULL)
		return DISPUTE_FAILED;
	if (mkdtemp(dir) == NULL) {
		dispute_error(_("%s: cannot create: %s"), dir, strerror(errno));
		free(dir);
		return DISPUTE_FAILED;
	}
	request = request_of(c, view, lang, dir);
	if (request != NULL)
		status = book_print(request, fd, label);
	remove_frames(dir);
	cJSON_Delete(request);
	free(dir);
	return status;
}
