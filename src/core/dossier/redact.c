/* Finding the private data in a screenshot's text (redact.h). Each line is taken as
 * the run of its words' texts without spaces, so that a number the OCR cut into
 * several words ("138 1234 5678") is still one number, and every byte of that run
 * knows the word it came from, whose box is then covered. Words further apart than a
 * space are kept apart ("¥199.00   20000" is not one number). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "redact.h"

/* A box is widened by this on every side: a glyph's antialiased edge must not show. */
#define PAD 4
/* Fewer digits than this are prices, quantities, dates and times. */
#define DIGITS_MIN 7
/* Words with a digit read with less confidence than this are covered whatever they
 * read as. */
#define UNCLEAR_CONFIDENCE 60
/* Of a recorded address, the first bytes that mark a line as the buyer's address (six
 * Chinese characters: "四川省成都市"). */
#define ADDRESS_PREFIX 18
/* No screenshot is a million pixels on a side: box edges are held to 0 .. this, so that
 * an edited reading cannot overflow the arithmetic below, and a box past the picture
 * still covers to its edge. */
#define SIDE_MAX 1000000

static const char *const places[] = { "省", "市", "区", "县", "州", NULL };
static const char *const streets[] = {
	"路", "街", "道", "号", "村", "镇", "弄", "巷", "楼", "室", "单元", "小区", "大厦", NULL
};

/* A line as one string of its words' texts, and for each byte the word's index. */
struct run {
	char *text;
	int *word;
	size_t len;
	const cJSON **words;
	int count;
};

static void
run_free(struct run *r)
{
	free(r->text);
	free(r->word);
	free(r->words);
}

/* Edge K of BOX, held to 0 .. SIDE_MAX (0 for what is not a number). */
static int
edge(const cJSON *box, int k)
{
	const cJSON *v = cJSON_GetArrayItem(box, k);
	double d = cJSON_IsNumber(v) ? v->valuedouble : 0;

	return d <= 0 ? 0 : d >= SIDE_MAX ? SIDE_MAX : (int)d;
}

/* Whether the words A and B, one after the other, are further apart than a space: a
 * gap wider than 60 % of B's height. */
static int
apart(const cJSON *a, const cJSON *b)
{
	const cJSON *ba = cJSON_GetObjectItemCaseSensitive(a, "box");
	const cJSON *bb = cJSON_GetObjectItemCaseSensitive(b, "box");
	int gap, height;

	if (cJSON_GetArraySize(ba) != 4 || cJSON_GetArraySize(bb) != 4)
		return 1;
	gap = edge(bb, 0) - edge(ba, 2);
	height = edge(bb, 3) - edge(bb, 1);
	return gap * 10 > height * 6;
}

static int
run_of(const cJSON *line, struct run *r)
{
	const cJSON *words = cJSON_GetObjectItemCaseSensitive(line, "words"), *w;
	size_t room = 1;
	int i = 0;

	memset(r, 0, sizeof *r);
	cJSON_ArrayForEach(w, words) {
		const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "text"));

		room += (t != NULL ? strlen(t) : 0) + 1;
		r->count++;
	}
	r->text = malloc(room);
	r->word = malloc(room * sizeof *r->word);
	r->words = calloc((size_t)r->count + 1, sizeof *r->words);
	if (r->text == NULL || r->word == NULL || r->words == NULL)
		return 0;
	cJSON_ArrayForEach(w, words) {
		const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "text"));

		r->words[i] = w;
		if (i > 0 && r->len > 0 && apart(r->words[i - 1], w)) {
			r->text[r->len] = ' ';
			r->word[r->len++] = i - 1;
		}
		for (; t != NULL && *t != '\0'; t++)
			if (*t != ' ') {
				r->text[r->len] = *t;
				r->word[r->len++] = i;
			}
		i++;
	}
	r->text[r->len] = '\0';
	return 1;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Adds the box around the words of R from byte FROM to byte TO (exclusive). */
static int
add_box(cJSON *boxes, const struct run *r, size_t from, size_t to)
{
	int box[4] = { 1 << 30, 1 << 30, -1, -1 }, i, k;
	cJSON *b;

	for (i = r->word[from]; i <= r->word[to - 1]; i++) {
		const cJSON *wb = cJSON_GetObjectItemCaseSensitive(r->words[i], "box");

		for (k = 0; k < 4 && cJSON_GetArraySize(wb) == 4; k++) {
			int v = edge(wb, k);

			if (k < 2 ? v < box[k] : v > box[k])
				box[k] = v;
		}
	}
	if (box[2] < 0)
		return 1;
	box[0] -= PAD;
	box[1] -= PAD;
	box[2] += PAD;
	box[3] += PAD;
	b = cJSON_CreateIntArray(box, 4);
	return b != NULL && cJSON_AddItemToArray(boxes, b);
}

/* Whether the N bytes at S start with a date, "2026-09-28" or "2026/09/28": a date and
 * the time run into it once spaces are gone ("2026-09-2820:15") are not a number. */
static int
is_date(const char *s, size_t n)
{
	return n >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
	    strspn(s, "0123456789") == 4 && strspn(s + 5, "0123456789") == 2 &&
	    strspn(s + 8, "0123456789") >= 2;
}

/* The digits of the N bytes at S in OUT (at most LEN - 1 of them). */
static void
digits_of(const char *s, size_t n, char *out, size_t len)
{
	size_t i, k = 0;

	for (i = 0; i < n && k + 1 < len; i++)
		if (is_digit(s[i]) || s[i] == 'X' || s[i] == 'x')
			out[k++] = s[i];
	out[k] = '\0';
}

static unsigned
classify(const char *digits, const struct dispute_case *c)
{
	const char *order = case_get(c, "order.id"), *phone = case_get(c, "claimant.phone");
	size_t n = strlen(digits);

	if (order != NULL && strcmp(digits, order) == 0)
		return REDACT_ORDER_ID;
	if (phone != NULL && strcmp(digits, phone) == 0)
		return REDACT_BUYER_PHONE;
	if (n == 18 && strspn(digits, "0123456789") >= 17)
		return REDACT_ID_NUMBER;
	if (n == 11 && digits[0] == '1' && digits[1] >= '3')
		return REDACT_PHONE;
	return REDACT_NUMBER;
}

/* The long numbers of R: digits, with hyphens or an ID number's X among them. */
static int
cover_numbers(cJSON *boxes, const struct run *r, const struct dispute_case *c, unsigned *what)
{
	size_t i = 0, start, count;
	char digits[64];

	while (i < r->len) {
		if (is_date(r->text + i, r->len - i)) {
			i += 10;
			continue;
		}
		if (!is_digit(r->text[i])) {
			i++;
			continue;
		}
		start = i;
		for (count = 0; i < r->len && (is_digit(r->text[i]) || (r->text[i] == '-' &&
		    i + 1 < r->len && is_digit(r->text[i + 1])) ||
		    ((r->text[i] == 'X' || r->text[i] == 'x') && count == 17)); i++)
			count += r->text[i] != '-';
		if (count < DIGITS_MIN)
			continue;
		digits_of(r->text + start, i - start, digits, sizeof digits);
		*what |= classify(digits, c);
		if (!add_box(boxes, r, start, i))
			return 0;
	}
	return 1;
}

/* Whether R reads as an address: a place, then a street or a building. */
static int
is_address(const struct run *r, const struct dispute_case *c)
{
	const char *fields[] = { "claimant.address", "order.delivery_address" }, *at, *v;
	size_t i, k;

	for (i = 0; i < 2; i++) {
		v = case_get(c, fields[i]);
		if (v != NULL && strlen(v) >= ADDRESS_PREFIX) {
			char prefix[ADDRESS_PREFIX + 1];

			snprintf(prefix, sizeof prefix, "%s", v);
			if (strstr(r->text, prefix) != NULL)
				return 1;
		}
	}
	for (i = 0; places[i] != NULL; i++) {
		if ((at = strstr(r->text, places[i])) == NULL)
			continue;
		for (k = 0; streets[k] != NULL; k++)
			if (strstr(at + strlen(places[i]), streets[k]) != NULL)
				return 1;
	}
	return 0;
}

/* The buyer's recorded name wherever R shows it. */
static int
cover_name(cJSON *boxes, const struct run *r, const struct dispute_case *c, unsigned *what)
{
	const char *name = case_get(c, "claimant.name"), *at = r->text;
	size_t n = name != NULL ? strlen(name) : 0;

	while (n > 0 && (at = strstr(at, name)) != NULL) {
		*what |= REDACT_NAME;
		if (!add_box(boxes, r, (size_t)(at - r->text), (size_t)(at - r->text) + n))
			return 0;
		at += n;
	}
	return 1;
}

/* The words of R with a digit, read unclearly. */
static int
cover_unclear(cJSON *boxes, const struct run *r, unsigned *what)
{
	size_t at = 0, start;
	int i;

	for (i = 0; i < r->count; i++) {
		const cJSON *conf = cJSON_GetObjectItemCaseSensitive(r->words[i], "confidence");
		int digit = 0;

		while (at < r->len && r->word[at] < i)
			at++;
		for (start = at; at < r->len && r->word[at] == i && r->text[at] != ' '; at++)
			digit |= is_digit(r->text[at]);
		if (!digit || (cJSON_IsNumber(conf) && conf->valuedouble >= UNCLEAR_CONFIDENCE))
			continue;
		*what |= REDACT_UNCLEAR;
		if (!add_box(boxes, r, start, at))
			return 0;
	}
	return 1;
}

cJSON *
redact_boxes(const cJSON *reading, const struct dispute_case *c, unsigned *what)
{
	cJSON *boxes = cJSON_CreateArray();
	const cJSON *line;
	struct run r;
	int ok = boxes != NULL;

	*what = 0;
	cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(reading, "lines")) {
		if (!ok)
			break;
		ok = run_of(line, &r);
		if (ok && r.len > 0 && is_address(&r, c)) {
			*what |= REDACT_ADDRESS;
			ok = add_box(boxes, &r, 0, r.len);
		} else if (ok && r.len > 0)
			ok = cover_numbers(boxes, &r, c, what) && cover_name(boxes, &r, c, what) &&
			    cover_unclear(boxes, &r, what);
		run_free(&r);
	}
	if (!ok) {
		dispute_error(_("out of memory"));
		cJSON_Delete(boxes);
		return NULL;
	}
	return boxes;
}

void
redact_describe(unsigned what, char *buf, size_t len)
{
	static const struct {
		unsigned bit;
		const char *zh, *en;
	} names[] = {
		{ REDACT_ORDER_ID, "完整订单号", "full order number" },
		{ REDACT_BUYER_PHONE, "买家电话", "buyer's phone" },
		{ REDACT_ID_NUMBER, "身份证号", "ID number" },
		{ REDACT_PHONE, "他人电话", "other phone numbers" },
		{ REDACT_NUMBER, "其他长数字（运单号等）", "other long numbers (tracking ...)" },
		{ REDACT_ADDRESS, "地址", "address" },
		{ REDACT_NAME, "买家姓名", "buyer's name" },
		{ REDACT_UNCLEAR, "识别不清的数字", "digits read unclearly" },
	};
	char zh[256] = "", en[256] = "";
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(what & names[i].bit))
			continue;
		snprintf(zh + strlen(zh), sizeof zh - strlen(zh), "%s%s", zh[0] ? "、" : "",
		    names[i].zh);
		snprintf(en + strlen(en), sizeof en - strlen(en), "%s%s", en[0] ? ", " : "",
		    names[i].en);
	}
	if (what == 0)
		snprintf(buf, len, "无 / nothing");
	else
		snprintf(buf, len, "%s / %s", zh, en);
}
