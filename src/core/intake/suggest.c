/* Facts suggested from the text read from the evidence (suggest.h). A value is taken
 * only after its label, on the same line, and only as far as its kind of value goes
 * (digits for an order number, a date, an amount, the characters of a credit code; the
 * rest of the line for names and addresses): nothing is guessed from where text sits
 * on the page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/fields.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/suggest.h"
#include "dispute/validate.h"
#include "ocr.h"

#define VALUE_MAX 256

enum value_kind { DIGITS, DATE, AMOUNT, CODE, TEXT };

struct rule {
	const char *field;
	const char *kind;          /* the evidence kind whose pictures carry it */
	enum value_kind value;
	const char *const *labels; /* longest first, so "实付款" is not taken for "实付" */
};

static const char *const order_id_labels[] = { "订单编号", "订单号码", "订单号", NULL };
static const char *const amount_labels[] = {
	"实付金额", "实付款", "实付", "付款金额", "实收款", NULL
};
static const char *const date_labels[] = {
	"下单时间", "创建时间", "成交时间", "付款时间", "下单日期", "订单时间", NULL
};
static const char *const shop_labels[] = { "店铺名称", "店铺", NULL };
static const char *const code_labels[] = { "统一社会信用代码", NULL };
static const char *const company_labels[] = { "企业名称", "公司名称", "名称", NULL };
static const char *const representative_labels[] = {
	"法定代表人", "负责人", "经营者", NULL
};
static const char *const address_labels[] = {
	"住所", "注册地址", "经营场所", "地址", NULL
};

static const struct rule rules[] = {
	{ "order.id", "order", DIGITS, order_id_labels },
	{ "order.amount", "order", AMOUNT, amount_labels },
	{ "order.date", "order", DATE, date_labels },
	{ "merchant.shop", "order", TEXT, shop_labels },
	{ "merchant.credit_code", "licence", CODE, code_labels },
	{ "merchant.company", "licence", TEXT, company_labels },
	{ "merchant.representative", "licence", TEXT, representative_labels },
	{ "merchant.address", "licence", TEXT, address_labels },
	{ NULL, NULL, TEXT, NULL }
};

/* Shop names as order pages show them, without a label. */
static const char *const shop_endings[] = {
	"旗舰店", "专营店", "专卖店", "企业店", "官方店", NULL
};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Past spaces and the colons, ASCII and full-width, that follow a label. */
static const char *
skip_separators(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == ':')
			s++;
		else if (strncmp(s, "：", 3) == 0)
			s += 3;
		else
			return s;
	}
}

/* The value of kind KIND at the start of S, in OUT. 0 when there is none. */
static int
take_value(enum value_kind kind, const char *s, char *out, size_t len)
{
	size_t n = 0;
	int y, m, d, used = 0;

	out[0] = '\0';
	switch (kind) {
	case DIGITS:
		while (is_digit(s[n]) && n + 1 < len) {
			out[n] = s[n];
			n++;
		}
		out[n] = '\0';
		return n >= 10 && !is_digit(s[n]);
	case DATE:
		if ((sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 ||
		    sscanf(s, "%4d/%2d/%2d%n", &y, &m, &d, &used) == 3 ||
		    sscanf(s, "%4d年%2d月%2d日%n", &y, &m, &d, &used) == 3) && used > 0 &&
		    y >= 1000 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99)
			return snprintf(out, len, "%04d-%02d-%02d", y, m, d) > 0;
		return 0;
	case AMOUNT:
		if (strncmp(s, "¥", 2) == 0)
			s += 2;
		else if (strncmp(s, "￥", 3) == 0)
			s += 3;
		s = skip_separators(s);
		while ((is_digit(s[n]) || s[n] == '.') && n + 1 < len) {
			out[n] = s[n];
			n++;
		}
		out[n] = '\0';
		return n > 0;
	case CODE:
		/* 18 letters and digits; OCR may put a space inside. */
		for (; *s != '\0' && n < 18 && n + 1 < len; s++) {
			if (*s == ' ')
				continue;
			if (!is_digit(*s) && !(*s >= 'A' && *s <= 'Z') && !(*s >= 'a' && *s <= 'z'))
				break;
			out[n++] = *s;
		}
		out[n] = '\0';
		return n > 0;
	case TEXT:
		n = strlen(s);
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (n == 0 || n >= len)
			return 0;
		memcpy(out, s, n);
		out[n] = '\0';
		return 1;
	}
	return 0;
}

/* Where TEXT's value follows one of LABELS at its start, or NULL. */
static const char *
after_label(const char *text, const char *const *labels)
{
	int i;

	text += strspn(text, " ");
	for (i = 0; labels[i] != NULL; i++)
		if (strncmp(text, labels[i], strlen(labels[i])) == 0)
			return skip_separators(text + strlen(labels[i]));
	return NULL;
}

static double
number(const cJSON *object, const char *name)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(object, name);

	return cJSON_IsNumber(n) ? n->valuedouble : 0;
}

/* The confidence of VALUE: the lowest of the words of LINE it is made of (the label's
 * are not), else the line's. */
static double
value_confidence(const cJSON *line, const char *value)
{
	const cJSON *word;
	double lowest = 101;

	cJSON_ArrayForEach(word, cJSON_GetObjectItemCaseSensitive(line, "words")) {
		const char *w = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(word,
		    "text"));

		if (w != NULL && w[0] != '\0' && (strstr(value, w) != NULL ||
		    strstr(w, value) != NULL) && number(word, "confidence") < lowest)
			lowest = number(word, "confidence");
	}
	return lowest <= 100 ? lowest : number(line, "confidence");
}

/* Adds the suggestion of FIELD = VALUE from LINE to LIST, checked as `dispute set`
 * would check it; nothing when it was read with too little confidence (counted in
 * *UNCLEAR) or FIELD has one already. */
static int
suggest(cJSON *list, const char *field_name, const char *value, const cJSON *line,
    const char *today, int *unclear)
{
	const struct field *field = field_find(field_name);
	double confidence = value_confidence(line, value);
	char reason[VALIDATE_REASON_MAX], *canonical = NULL;
	const cJSON *s;
	cJSON *o;
	int valid, ok;

	cJSON_ArrayForEach(s, list)
		if (strcmp(cJSON_GetObjectItemCaseSensitive(s, "field")->valuestring,
		    field_name) == 0)
			return DISPUTE_OK;
	if (confidence < OCR_CONFIDENCE_MIN) {
		(*unclear)++;
		return DISPUTE_OK;
	}
	valid = field_check(field, value, today, &canonical, reason, sizeof reason) ==
	    DISPUTE_OK;
	o = cJSON_CreateObject();
	ok = o != NULL && cJSON_AddStringToObject(o, "field", field_name) != NULL &&
	    cJSON_AddStringToObject(o, "value", valid ? canonical : value) != NULL &&
	    cJSON_AddStringToObject(o, "text", cJSON_GetObjectItemCaseSensitive(line,
	    "text")->valuestring) != NULL &&
	    cJSON_AddNumberToObject(o, "confidence", confidence) != NULL &&
	    cJSON_AddBoolToObject(o, "valid", valid) != NULL &&
	    (valid || cJSON_AddStringToObject(o, "reason", reason) != NULL) &&
	    cJSON_AddItemToArray(list, o);
	free(canonical);
	if (!ok) {
		cJSON_Delete(o);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

/* A shop name an order page shows without a label: a short line ending as shop
 * names end. */
static int
unlabelled_shop(const char *text, char *out, size_t len)
{
	size_t n = strlen(text), e;
	int i;

	if (n > 60 || strchr(text, ':') != NULL || strstr(text, "：") != NULL)
		return 0;
	for (i = 0; shop_endings[i] != NULL; i++) {
		e = strlen(shop_endings[i]);
		if (n > e && strcmp(text + n - e, shop_endings[i]) == 0)
			return take_value(TEXT, text + strspn(text, " "), out, len);
	}
	return 0;
}

/* The one line of an order page that shows an amount in yuan, when no label was read
 * (the English model may read "实付款" as Latin letters): with more than one, which is
 * the amount paid is not guessed. */
static const cJSON *
only_amount_line(const cJSON *lines)
{
	const cJSON *line, *found = NULL;

	cJSON_ArrayForEach(line, lines) {
		const char *text = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(line,
		    "text"));

		if (text == NULL || (strstr(text, "¥") == NULL && strstr(text, "￥") == NULL))
			continue;
		if (found != NULL)
			return NULL;
		found = line;
	}
	return found;
}

/* The first date anywhere in TEXT, in OUT. */
static int
find_date(const char *text, char *out, size_t len)
{
	for (; *text != '\0'; text++)
		if (is_digit(*text) && take_value(DATE, text, out, len))
			return 1;
	return 0;
}

/* Whether a tracking event says the goods were signed for (not that they await it). */
static int
is_signed_for(const char *text)
{
	return strstr(text, "签收") != NULL && strstr(text, "待签收") == NULL &&
	    strstr(text, "未签收") == NULL && strstr(text, "拒收") == NULL &&
	    strstr(text, "拒绝签收") == NULL;
}

/* order.received from a tracking page: the date of the newest event that says the
 * goods were signed for, on its line or the two below it (apps print the time under
 * the event) or the one above. */
static int
suggest_received(cJSON *list, const cJSON *lines, const char *today, int *unclear)
{
	const cJSON *line, *at;
	char value[VALUE_MAX];
	int i;

	cJSON_ArrayForEach(line, lines) {
		const char *text = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(line,
		    "text"));

		if (text == NULL || !is_signed_for(text))
			continue;
		for (at = line, i = 0; at != NULL && i < 3; at = at->next, i++) {
			text = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(at, "text"));
			if (text != NULL && find_date(text, value, sizeof value))
				return suggest(list, "order.received", value, at, today, unclear);
		}
		at = line->prev != NULL && line->prev->next == line ? line->prev : NULL;
		text = at != NULL ? cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(at,
		    "text")) : NULL;
		if (text != NULL && find_date(text, value, sizeof value))
			return suggest(list, "order.received", value, at, today, unclear);
	}
	return DISPUTE_OK;
}

/* The facts of one reading of an item of KIND. */
static int
suggest_from(cJSON *list, const char *kind, const cJSON *lines, const char *today,
    int *unclear)
{
	const cJSON *line;
	const struct rule *r;
	char value[VALUE_MAX];
	const char *text, *at;

	cJSON_ArrayForEach(line, lines) {
		text = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(line, "text"));
		for (r = rules; text != NULL && r->field != NULL; r++) {
			if (strcmp(r->kind, kind) != 0 || (at = after_label(text, r->labels)) == NULL ||
			    !take_value(r->value, at, value, sizeof value))
				continue;
			if (suggest(list, r->field, value, line, today, unclear) != DISPUTE_OK)
				return DISPUTE_FAILED;
		}
		if (text != NULL && strcmp(kind, "order") == 0 &&
		    unlabelled_shop(text, value, sizeof value) &&
		    suggest(list, "merchant.shop", value, line, today, unclear) != DISPUTE_OK)
			return DISPUTE_FAILED;
	}
	if (strcmp(kind, "logistics") == 0)
		return suggest_received(list, lines, today, unclear);
	if (strcmp(kind, "order") == 0 && (line = only_amount_line(lines)) != NULL) {
		text = cJSON_GetObjectItemCaseSensitive(line, "text")->valuestring;
		at = strstr(text, "¥") != NULL ? strstr(text, "¥") : strstr(text, "￥");
		if (take_value(AMOUNT, at, value, sizeof value) &&
		    suggest(list, "order.amount", value, line, today, unclear) != DISPUTE_OK)
			return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static const char *
string(const cJSON *object, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));
}

/* Marks the valid suggestions of a field for which the items give different values. */
static void
mark_conflicts(cJSON *readings)
{
	cJSON *r, *s, *r2, *s2;

	cJSON_ArrayForEach(r, readings)
		cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(r, "suggestions"))
			cJSON_ArrayForEach(r2, readings)
				cJSON_ArrayForEach(s2, cJSON_GetObjectItemCaseSensitive(r2,
				    "suggestions"))
					if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "valid")) &&
					    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s2, "valid")) &&
					    strcmp(string(s, "field"), string(s2, "field")) == 0 &&
					    strcmp(string(s, "value"), string(s2, "value")) != 0 &&
					    !cJSON_HasObjectItem(s, "conflict"))
						cJSON_AddTrueToObject(s, "conflict");
}

int
suggest_facts(cJSON *readings, const char *today)
{
	cJSON *r, *list;
	int unclear;

	cJSON_ArrayForEach(r, readings) {
		unclear = 0;
		list = cJSON_AddArrayToObject(r, "suggestions");
		if (list == NULL) {
			dispute_error(_("out of memory"));
			return DISPUTE_FAILED;
		}
		if (suggest_from(list, string(r, "kind"), cJSON_GetObjectItemCaseSensitive(r,
		    "lines"), today, &unclear) != DISPUTE_OK)
			return DISPUTE_FAILED;
		if (cJSON_AddNumberToObject(r, "unclear", unclear) == NULL) {
			dispute_error(_("out of memory"));
			return DISPUTE_FAILED;
		}
	}
	mark_conflicts(readings);
	return DISPUTE_OK;
}

/* Records suggestion S of item ID, or says why not. */
static int
apply_one(struct dispute_case *c, const char *id, const cJSON *s, int *applied)
{
	const char *field = string(s, "field"), *value = string(s, "value");
	const char *recorded = case_get(c, field);

	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "valid")))
		dispute_warning(_("%s: %s %s not recorded: %s"), id, field, value,
		    string(s, "reason"));
	else if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "conflict")))
		dispute_warning(_("%s: %s %s not recorded: other evidence reads another value"),
		    id, field, value);
	else if (recorded != NULL && strcmp(recorded, value) != 0)
		dispute_warning(_("%s: %s %s not recorded: the case holds %s"), id, field, value,
		    recorded);
	else if (recorded == NULL) {
		if (case_set(c, field, value) != DISPUTE_OK)
			return DISPUTE_FAILED;
		dispute_notice("%s = %s", field, value);
		(*applied)++;
	}
	return DISPUTE_OK;
}

int
suggest_apply(struct dispute_case *c, const cJSON *readings, int *applied)
{
	const cJSON *r, *s;

	*applied = 0;
	cJSON_ArrayForEach(r, readings)
		cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(r, "suggestions"))
			if (apply_one(c, string(r, "id"), s, applied) != DISPUTE_OK)
				return DISPUTE_FAILED;
	if (field_check_order_dates(c) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return DISPUTE_OK;
}
