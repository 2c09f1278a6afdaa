/* Chat logs as text on the page, cut into printed pages (page-text.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/json-put.h"
#include "dispute/report.h"
#include "page-text.h"
#include "text.h"

/* A chat log is shown as text up to this many lines; the rest is one click away. */
#define TEXT_LINES_MAX 200
#define TEXT_READ_MAX (256 * 1024)
#define TEXT_LINE_BYTES_MAX 1000
/* Printed text pages (A4, 9pt monospace): a row holds 80 half-width columns, a CJK
 * character takes two. The first page of an item also carries its description. The
 * figures are conservative so that a chunk never spills onto an extra sheet. */
#define TEXT_COLUMNS 80
#define TEXT_ROWS_FIRST 30
#define TEXT_ROWS 56

struct text_pages {
	cJSON *pages;       /* [{ "text": ... }] */
	char *page;         /* the page being filled */
	size_t page_len;
	FILE *out;
	int rows;           /* rows used on the page being filled */
	char line[TEXT_LINE_BYTES_MAX + 8];
	size_t line_len;
	int line_units;     /* half-width columns of the line so far */
	int line_cut;
	int lines;          /* lines emitted */
	int truncated;
};

static int
open_text_page(struct text_pages *t)
{
	t->page = NULL;
	t->page_len = 0;
	t->rows = 0;
	t->out = open_memstream(&t->page, &t->page_len);
	return t->out != NULL ? DISPUTE_OK : dispute_oom();
}

static int
close_text_page(struct text_pages *t)
{
	cJSON *page;

	if (fclose(t->out) != 0 || t->page == NULL) {
		t->out = NULL;
		return dispute_oom();
	}
	t->out = NULL;
	page = cJSON_CreateObject();
	if (page == NULL || cJSON_AddStringToObject(page, "text", t->page) == NULL ||
	    !cJSON_AddItemToArray(t->pages, page)) {
		cJSON_Delete(page);
		free(t->page);
		t->page = NULL;
		return dispute_oom();
	}
	free(t->page);
	t->page = NULL;
	return DISPUTE_OK;
}

/* Puts the line gathered so far on the current page, opening a new page when it would
 * not fit. */
static int
flush_line(struct text_pages *t)
{
	int rows = t->line_units == 0 ? 1 : (t->line_units + TEXT_COLUMNS - 1) / TEXT_COLUMNS;
	int capacity = cJSON_GetArraySize(t->pages) == 0 ? TEXT_ROWS_FIRST : TEXT_ROWS;

	if (t->rows > 0 && t->rows + rows > capacity &&
	    (close_text_page(t) != DISPUTE_OK || open_text_page(t) != DISPUTE_OK))
		return DISPUTE_FAILED;
	if (t->rows > 0)
		fputc('\n', t->out);
	fwrite(t->line, 1, t->line_len, t->out);
	if (t->line_cut)
		fputs("…", t->out);
	t->rows += rows;
	t->lines++;
	t->line_len = 0;
	t->line_units = 0;
	t->line_cut = 0;
	return DISPUTE_OK;
}

static void
append(struct text_pages *t, const char *bytes, size_t n, int units)
{
	if (t->line_len + n > TEXT_LINE_BYTES_MAX) {
		t->line_cut = 1;
		t->truncated = 1;
		return;
	}
	memcpy(t->line + t->line_len, bytes, n);
	t->line_len += n;
	t->line_units += units;
}

/* Splits DATA (LEN bytes, the first part of a file when MORE) into printed pages of
 * well-formed UTF-8 with no control characters but tabs, at most TEXT_LINES_MAX lines. */
static int
paginate_text(const unsigned char *data, size_t len, int more, struct text_pages *t)
{
	static const char replacement[] = "\xEF\xBF\xBD";
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (open_text_page(t) != DISPUTE_OK)
		return DISPUTE_FAILED;
	while (i < len) {
		unsigned char ch = data[i];
		size_t n;

		if (t->lines == TEXT_LINES_MAX) {
			t->truncated = 1;
			break;
		}
		if (ch == '\n' || ch == '\r') {
			i += ch == '\r' && i + 1 < len && data[i + 1] == '\n' ? 2 : 1;
			if (flush_line(t) != DISPUTE_OK)
				return DISPUTE_FAILED;
			continue;
		}
		if (ch == '\t') {
			append(t, "\t", 1, 4);
			i++;
		} else if (ch < 0x20 || ch == 0x7f) {
			append(t, replacement, 3, 2);
			i++;
		} else if (ch < 0x80) {
			append(t, (const char *)&ch, 1, 1);
			i++;
		} else if ((n = utf8_sequence_length(data + i, len - i)) > 0) {
			append(t, (const char *)data + i, n, 2);
			i += n;
		} else if (more && len - i < 4) {
			break; /* a character cut by the read limit, not a bad one */
		} else {
			append(t, replacement, 3, 2);
			i++;
		}
	}
	if (more)
		t->truncated = 1;
	if ((t->line_len > 0 || t->line_cut || t->lines == 0) && t->lines < TEXT_LINES_MAX &&
	    flush_line(t) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return close_text_page(t);
}

/* Reads at most TEXT_READ_MAX bytes of PATH; *MORE says whether the file goes on. */
static int
read_prefix(const char *path, unsigned char **data, size_t *len, int *more)
{
	unsigned char *buf = malloc(TEXT_READ_MAX + 1);
	size_t got;
	ssize_t n;
	int fd = -1, status = DISPUTE_FAILED;

	*data = NULL;
	if (buf == NULL)
		return dispute_oom();
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		dispute_error(_("%s: cannot open: %s"), path, strerror(errno));
		goto out;
	}
	/* One byte past the limit tells whether there is more. */
	n = fs_read_block(fd, buf, TEXT_READ_MAX + 1, path);
	if (n < 0)
		goto out;
	got = (size_t)n;
	*more = got > TEXT_READ_MAX;
	*len = *more ? TEXT_READ_MAX : got;
	*data = buf;
	buf = NULL;
	status = DISPUTE_OK;
out:
	if (fd != -1)
		close(fd);
	free(buf);
	return status;
}

int
page_text_pages(const char *path, cJSON *item)
{
	struct text_pages t;
	unsigned char *data = NULL;
	size_t len = 0;
	int more = 0, status = DISPUTE_FAILED;

	memset(&t, 0, sizeof t);
	t.pages = cJSON_CreateArray();
	if (t.pages == NULL)
		return dispute_oom();
	if (read_prefix(path, &data, &len, &more) != DISPUTE_OK ||
	    paginate_text(data, len, more, &t) != DISPUTE_OK)
		goto out;
	json_put_bool(item, "text_truncated", t.truncated);
	json_put_number(item, "text_lines_shown", t.lines);
	json_put_number(item, "text_lines_max", TEXT_LINES_MAX);
	json_put(item, "pages", t.pages);
	t.pages = NULL;
	status = DISPUTE_OK;
out:
	if (t.out != NULL)
		fclose(t.out);
	free(t.page);
	cJSON_Delete(t.pages);
	free(data);
	return status;
}
