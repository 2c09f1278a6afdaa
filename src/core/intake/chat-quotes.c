/* Quotable lines of a chat screenshot (chat-quotes.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "chat-quotes.h"

/* A time line is short: "2026年10月5日 14:32" is 22 bytes. */
#define TIME_LINE_MAX 32
/* Words read with less confidence than this at either end of a line are an avatar or
 * an icon taken for text: they are left out of its quote and its box. */
#define JUNK_CONFIDENCE 30
/* A line read with less is not quoted at all. */
#define QUOTE_CONFIDENCE_MIN 50
/* No screenshot is a million pixels on a side: a box or a side beyond that is not one,
 * and within it the arithmetic on positions below stays far inside an int. */
#define SIDE_MAX 1000000

/* Words with which a merchant turns a request down. */
static const char *const refusals[] = {
	"不支持", "不予", "不能", "无法", "拒绝", "不退", "不换", "不同意", "不接受", "不负责",
	NULL
};

struct line {
	char *text;        /* its words from the first to the last good one (malloc'd) */
	double confidence;
	int x0, y0, x1, y1;
};

/* A position or a side in pixels, 0 to SIDE_MAX; -1 for anything else. */
static int
pixels(const cJSON *n)
{
	return cJSON_IsNumber(n) && n->valuedouble >= 0 && n->valuedouble <= SIDE_MAX ?
	    (int)n->valuedouble : -1;
}

static int
number_at(const cJSON *array, int i)
{
	return pixels(cJSON_GetArrayItem(array, i));
}

static double
confidence_of(const cJSON *element)
{
	const cJSON *conf = cJSON_GetObjectItemCaseSensitive(element, "confidence");

	return cJSON_IsNumber(conf) ? conf->valuedouble : 0;
}

/* Where WORD's text ends in the line's text, searched from FROM (FROM when it is not
 * there). */
static const char *
past_word(const char *from, const cJSON *word)
{
	const char *w = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(word, "text"));
	const char *at = w != NULL ? strstr(from, w) : NULL;

	return at != NULL ? at + strlen(w) : from;
}

/* LINE as OUT, without the junk words at its ends: 1, 0 when nothing good is left, -1
 * when memory ran out. */
static int
line_of(const cJSON *line, struct line *out)
{
	const cJSON *words = cJSON_GetObjectItemCaseSensitive(line, "words"), *word;
	const cJSON *first = NULL, *last = NULL, *box;
	const char *text = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(line, "text"));
	const char *start, *end;

	if (text == NULL || confidence_of(line) < QUOTE_CONFIDENCE_MIN)
		return 0;
	cJSON_ArrayForEach(word, words)
		if (confidence_of(word) >= JUNK_CONFIDENCE) {
			first = first != NULL ? first : word;
			last = word;
		}
	if (first == NULL)
		return 0;
	start = text;
	for (word = words->child; word != first; word = word->next)
		start = past_word(start, word);
	start += strspn(start, " ");
	end = start;
	for (word = first; word != last->next; word = word->next)
		end = past_word(end, word);
	/* The height of the first good word: a Chinese word's box is often drawn taller
	 * than its line, and the line's takes in the avatar beside it. */
	box = cJSON_GetObjectItemCaseSensitive(first, "box");
	out->x0 = number_at(box, 0);
	out->y0 = number_at(box, 1);
	out->y1 = number_at(box, 3);
	out->x1 = number_at(cJSON_GetObjectItemCaseSensitive(last, "box"), 2);
	out->confidence = confidence_of(line);
	if (end <= start || out->x0 < 0 || out->y0 < 0 || out->x1 <= out->x0 ||
	    out->y1 <= out->y0)
		return 0;
	out->text = strndup(start, (size_t)(end - start));
	return out->text != NULL ? 1 : -1;
}

static int
compare_lines(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	if (x->y0 != y->y0)
		return (x->y0 > y->y0) - (x->y0 < y->y0);
	return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* Whether TEXT is a time as chat apps print it ("14:32", "昨天 14:32", "10月5日 14:32",
 * "2026-10-05 14:32"); the full-date forms go to NORMAL as "2026-10-05 14:32". */
static int
parse_time(const char *text, char *normal, size_t len)
{
	size_t n = strlen(text);
	int y, mo, d, h, mi, used = 0;

	normal[0] = '\0';
	if (n > TIME_LINE_MAX || n < 4)
		return 0;
	if ((sscanf(text, "%4d-%2d-%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &used) == 5 ||
	    sscanf(text, "%4d年%2d月%2d日 %2d:%2d%n", &y, &mo, &d, &h, &mi, &used) == 5 ||
	    sscanf(text, "%4d/%2d/%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &used) == 5) &&
	    text[used] == '\0') {
		if (y < 2000 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 ||
		    h > 23 || mi < 0 || mi > 59)
			return 0;
		snprintf(normal, len, "%04d-%02d-%02d %02d:%02d", y, mo, d, h, mi);
		return 1;
	}
	/* Otherwise it ends in H:MM after at most a word of day. */
	return text[n - 3] == ':' && strspn(text + n - 2, "0123456789") == 2 &&
	    text[n - 4] >= '0' && text[n - 4] <= '9';
}

static int
is_refusal(const char *text)
{
	int i;

	for (i = 0; refusals[i] != NULL; i++)
		if (strstr(text, refusals[i]) != NULL)
			return 1;
	return 0;
}

/* A new quote of SPEAKER at WHEN ("" when no time was shown) from line L. */
static cJSON *
new_quote(cJSON *quotes, const char *speaker, const char *when, const struct line *l)
{
	cJSON *q = cJSON_CreateObject();

	if (q == NULL || !cJSON_AddItemToArray(quotes, q)) {
		cJSON_Delete(q);
		return NULL;
	}
	if (cJSON_AddStringToObject(q, "speaker", speaker) == NULL ||
	    (when[0] != '\0' && cJSON_AddStringToObject(q, "time", when) == NULL) ||
	    cJSON_AddStringToObject(q, "text", l->text) == NULL ||
	    cJSON_AddNumberToObject(q, "confidence", l->confidence) == NULL)
		return NULL;
	return q;
}

/* Appends L to the quote Q: the lines of one bubble, in Chinese without a space. */
static int
extend_quote(cJSON *q, const struct line *l)
{
	cJSON *text = cJSON_GetObjectItemCaseSensitive(q, "text");
	cJSON *conf = cJSON_GetObjectItemCaseSensitive(q, "confidence");
	char *joined = dispute_asprintf("%s%s", text->valuestring, l->text);
	int ok = joined != NULL && cJSON_SetValuestring(text, joined) != NULL;

	free(joined);
	if (ok && l->confidence < conf->valuedouble)
		cJSON_SetNumberValue(conf, l->confidence);
	return ok;
}

static int
mark_refusals(cJSON *quotes)
{
	cJSON *q;

	cJSON_ArrayForEach(q, quotes) {
		const char *speaker = cJSON_GetObjectItemCaseSensitive(q, "speaker")->valuestring;
		const char *text = cJSON_GetObjectItemCaseSensitive(q, "text")->valuestring;

		if (strcmp(speaker, "merchant") == 0 && is_refusal(text) &&
		    cJSON_AddTrueToObject(q, "refusal") == NULL)
			return 0;
	}
	return 1;
}

/* Whether L is a time between the messages: centred, and reading as one. */
static int
is_time_line(const struct line *l, int width, char *normal, size_t len)
{
	return l->x0 > width / 6 && width - l->x1 > width / 6 &&
	    parse_time(l->text, normal, len);
}

/* The messages' left edge (the other side's text starts there) and right edge (the
 * phone owner's text ends there). */
static void
edges(const struct line *lines, size_t n, int width, int height, int *left, int *right)
{
	char normal[TIME_LINE_MAX + 1];
	size_t i;

	*left = width;
	*right = 0;
	for (i = 0; i < n; i++) {
		if (lines[i].y1 < height * 7 / 100 || lines[i].y0 > height * 93 / 100 ||
		    is_time_line(&lines[i], width, normal, sizeof normal))
			continue;
		if (lines[i].x0 < *left)
			*left = lines[i].x0;
		if (lines[i].x1 > *right)
			*right = lines[i].x1;
	}
}

static int
build(cJSON *quotes, const struct line *lines, size_t n, int width, int height)
{
	char when[TIME_LINE_MAX + 1] = "", normal[TIME_LINE_MAX + 1];
	const struct line *previous = NULL;
	cJSON *last = NULL;
	int left, right;
	size_t i;

	edges(lines, n, width, height, &left, &right);
	for (i = 0; i < n; i++) {
		const struct line *l = &lines[i];
		int h = l->y1 - l->y0;

		if (l->y1 < height * 7 / 100 || l->y0 > height * 93 / 100)
			continue;
		if (is_time_line(l, width, normal, sizeof normal)) {
			snprintf(when, sizeof when, "%s", normal[0] != '\0' ? normal : l->text);
			last = NULL;
			continue;
		}
		/* The next line of one bubble: just below, starting or ending where the line
		 * above did. */
		if (last != NULL && l->y0 - previous->y1 < h * 5 / 4 &&
		    (abs(l->x0 - previous->x0) < h || abs(l->x1 - previous->x1) < h)) {
			if (!extend_quote(last, l))
				return 0;
		} else if ((last = new_quote(quotes, l->x0 - left <= right - l->x1 ? "merchant" :
		    "buyer", when, l)) == NULL)
			return 0;
		previous = l;
	}
	return mark_refusals(quotes);
}

cJSON *
chat_quotes(const cJSON *reading)
{
	const cJSON *width = cJSON_GetObjectItemCaseSensitive(reading, "width");
	const cJSON *height = cJSON_GetObjectItemCaseSensitive(reading, "height");
	const cJSON *all = cJSON_GetObjectItemCaseSensitive(reading, "lines"), *line;
	cJSON *quotes = cJSON_CreateArray();
	struct line *lines = calloc((size_t)cJSON_GetArraySize(all) + 1, sizeof *lines);
	size_t n = 0, i;
	int got, ok = quotes != NULL && lines != NULL;

	cJSON_ArrayForEach(line, all) {
		if (!ok || (got = line_of(line, &lines[n])) < 0) {
			ok = 0;
			break;
		}
		n += (size_t)got;
	}
	if (ok) {
		qsort(lines, n, sizeof *lines, compare_lines);
		ok = build(quotes, lines, n, pixels(width) > 0 ? pixels(width) : 0,
		    pixels(height) > 0 ? pixels(height) : 0);
	}
	for (i = 0; lines != NULL && i < n; i++)
		free(lines[i].text);
	free(lines);
	if (!ok) {
		dispute_error(_("out of memory"));
		cJSON_Delete(quotes);
		return NULL;
	}
	return quotes;
}
