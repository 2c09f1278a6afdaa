/* Unit tests for what is made of the text the OCR read (media/ocr.h), on readings
 * written out by hand so that each rule is tested on its own: chat quotes (speaker by
 * side, bubbles joined, junk at a line's ends dropped, times, refusals), the boxes a
 * public screenshot covers (long numbers however the OCR cut them, not dates, ID
 * numbers with X, addresses, the buyer's name, digits read unclearly), the facts suggested (labels, check
 * characters, low confidence, an ambiguous amount), and GB18030 text into UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"

#include "dispute/case.h"
#include "dispute/report.h"
#include "dispute/suggest.h"
#include "chat-quotes.h"
#include "redact.h"
#include "transcode.h"

/* A word or line: {"text", "confidence", "box"}. */
#define W(t, c, x0, y0, x1, y1) \
	"{\"text\":\"" t "\",\"confidence\":" #c ",\"box\":[" #x0 "," #y0 "," #x1 "," #y1 "]}"
/* A line of words, its box their union as the caller gives it. */
#define L(t, c, x0, y0, x1, y1, words) \
	"{\"text\":\"" t "\",\"confidence\":" #c ",\"box\":[" #x0 "," #y0 "," #x1 "," #y1 \
	"],\"words\":[" words "]}"
#define READING(conf, lines) \
	"{\"confidence\":" #conf ",\"width\":1080,\"height\":2400,\"lines\":[" lines "]}"

static cJSON *
parse(const char *text)
{
	cJSON *json = cJSON_Parse(text);

	assert_non_null(json);
	return json;
}

static const char *
str(const cJSON *o, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, name));
}

static void
test_chat_quotes(void **state)
{
	cJSON *reading = parse(READING(90,
	    L("店铺客服", 93, 330, 77, 725, 119, W("店铺客服", 93, 330, 77, 725, 119)) ","
	    L("2026-10-05 14:30", 91, 421, 278, 657, 300,
	      W("2026-10-05", 91, 421, 278, 580, 300) "," W("14:30", 91, 590, 278, 657, 300)) ","
	    L("收到的充电宝无法充电， 国", 85, 482, 340, 1041, 436,
	      W("收到的充电宝无法充电，", 90, 482, 385, 874, 421) "," W("国", 11, 950, 340, 1041, 431))
	    ","
	    L("我要退货退款", 89, 664, 455, 890, 491, W("我要退货退款", 89, 664, 455, 890, 491)) ","
	    L("i 亲，请提供订单号", 76, 40, 580, 673, 676,
	      W("i", 0, 40, 580, 131, 671) "," W("亲，请提供订单号", 90, 182, 618, 673, 654)) ","
	    L("14:32", 89, 500, 958, 580, 980, W("14:32", 89, 500, 958, 580, 980)) ","
	    L("该商品已拆封使用，不支持退货退款", 91, 181, 1068, 787, 1105,
	      W("该商品已拆封使用，不支持退货退款", 91, 181, 1068, 787, 1105)) ","
	    L("加 面", 16, 40, 1030, 131, 1291, W("加", 18, 40, 1030, 80, 1291) ","
	      W("面", 15, 90, 1030, 131, 1291)) ","
	    L("请输入消息", 96, 62, 2316, 228, 2348, W("请输入消息", 96, 62, 2316, 228, 2348))));
	cJSON *quotes = chat_quotes(reading), *q;

	(void)state;
	assert_non_null(quotes);
	assert_int_equal(cJSON_GetArraySize(quotes), 3);
	q = cJSON_GetArrayItem(quotes, 0);
	assert_string_equal(str(q, "speaker"), "buyer");
	assert_string_equal(str(q, "time"), "2026-10-05 14:30");
	assert_string_equal(str(q, "text"), "收到的充电宝无法充电，我要退货退款");
	assert_false(cJSON_HasObjectItem(q, "refusal"));
	q = cJSON_GetArrayItem(quotes, 1);
	assert_string_equal(str(q, "speaker"), "merchant");
	assert_string_equal(str(q, "text"), "亲，请提供订单号");
	q = cJSON_GetArrayItem(quotes, 2);
	assert_string_equal(str(q, "speaker"), "merchant");
	/* A time without a date is kept as shown. */
	assert_string_equal(str(q, "time"), "14:32");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(q, "refusal")));
	cJSON_Delete(quotes);
	cJSON_Delete(reading);
}

/* A box or a side that no screenshot has (past a million pixels, up to INT_MAX as an
 * edited reading may say) is no position at all: the lines with such a box are not
 * quoted, the others are, and nothing overflows (the sanitized build would say). */
static void
test_chat_quotes_out_of_range(void **state)
{
	cJSON *reading = parse("{\"confidence\":90,\"width\":1080,\"height\":2400,\"lines\":["
	    L("我要退货退款", 89, 664, 455, 890, 491, W("我要退货退款", 89, 664, 455, 890, 491)) ","
	    L("不支持退货", 91, 181, 2147482496, 787, 2147483647,
	      W("不支持退货", 91, 181, 2147482496, 787, 2147483647)) ","
	    L("不予退款", 91, 181, 1000001, 787, 1000040, W("不予退款", 91, 181, 1000001, 787, 1000040))
	    "]}");
	cJSON *huge = parse("{\"confidence\":90,\"width\":1e300,\"height\":2147483647,"
	    "\"lines\":[" L("我要退货退款", 89, 664, 455, 890, 491,
	    W("我要退货退款", 89, 664, 455, 890, 491)) "]}");
	cJSON *quotes = chat_quotes(reading);

	(void)state;
	assert_non_null(quotes);
	assert_int_equal(cJSON_GetArraySize(quotes), 1);
	assert_string_equal(str(cJSON_GetArrayItem(quotes, 0), "text"), "我要退货退款");
	cJSON_Delete(quotes);
	/* A picture of no known size: its lines are read as from one of none. */
	assert_non_null(quotes = chat_quotes(huge));
	cJSON_Delete(quotes);
	cJSON_Delete(huge);
	cJSON_Delete(reading);
}

/* Each test has a case of its own (support.h). */
static int
setup(void **state)
{
	return scratch_case_setup(state, "reading", "2026-11-18T00:00:00Z");
}

static int
teardown(void **state)
{
	return scratch_case_teardown(state);
}

/* Whether BOXES holds one that contains [X0, Y0, X1, Y1]. */
static int
covers(const cJSON *boxes, int x0, int y0, int x1, int y1)
{
	const cJSON *b;

	cJSON_ArrayForEach(b, boxes)
		if (cJSON_GetArrayItem(b, 0)->valueint <= x0 && cJSON_GetArrayItem(b, 1)->valueint <= y0 &&
		    cJSON_GetArrayItem(b, 2)->valueint >= x1 && cJSON_GetArrayItem(b, 3)->valueint >= y1)
			return 1;
	return 0;
}

static void
test_redact(void **state)
{
	struct scratch_case *f = *state;
	cJSON *reading, *boxes;
	unsigned what;

	assert_int_equal(case_set(f->c, "order.id", "6938472910384756102"), DISPUTE_OK);
	assert_int_equal(case_set(f->c, "claimant.phone", "13812345678"), DISPUTE_OK);
	assert_int_equal(case_set(f->c, "claimant.name", "张三"), DISPUTE_OK);
	reading = parse(READING(90,
	    L("订单编号 : 6938472910384756102", 92, 70, 1360, 600, 1393,
	      W("订单编号", 95, 70, 1360, 200, 1393) "," W(":", 90, 205, 1360, 212, 1393) ","
	      W("6938472910384756102", 92, 224, 1362, 600, 1390)) ","
	    L("下单时间 : 2026-09-28 20:15:33", 92, 70, 1440, 560, 1473,
	      W("下单时间", 95, 70, 1440, 200, 1473) "," W("2026-09-28", 92, 224, 1441, 400, 1470)
	      "," W("20:15:33", 92, 410, 1441, 560, 1470)) ","
	    L("收货人 : 张三 138 1234 5678", 90, 70, 460, 560, 504,
	      W("收货人", 90, 70, 460, 160, 504) "," W("张三", 90, 190, 460, 250, 504) ","
	      W("138", 90, 270, 465, 320, 500) "," W("1234", 90, 330, 465, 400, 500) ","
	      W("5678", 90, 410, 465, 480, 500)) ","
	    L("身份证 11010519491231002X", 90, 70, 600, 600, 640,
	      W("身份证", 90, 70, 600, 160, 640) "," W("11010519491231002X", 90, 200, 600, 600, 640))
	    ","
	    L("北京市朝阳区建国路88号", 90, 70, 700, 700, 740,
	      W("北京市", 90, 70, 700, 200, 740) "," W("朝阳区建国路88号", 90, 210, 700, 700, 740))
	    ","
	    L("实付款 ¥199.00 数量 20000", 90, 70, 800, 600, 840,
	      W("实付款", 90, 70, 800, 160, 840) "," W("¥199.00", 90, 200, 800, 400, 840) ","
	      W("20000", 90, 500, 800, 600, 840)) ","
	    L("联系 1381234S678 好", 70, 70, 900, 600, 940, W("联系", 90, 70, 900, 160, 940) ","
	      W("1381234S678", 45, 200, 900, 500, 940) "," W("好", 40, 520, 900, 600, 940))));
	boxes = redact_boxes(reading, f->c, &what);
	(void)state;
	assert_non_null(boxes);
	assert_true(covers(boxes, 224, 1362, 600, 1390));     /* the order number */
	assert_false(covers(boxes, 224, 1441, 400, 1470));    /* not the date */
	assert_false(covers(boxes, 410, 1441, 560, 1470));    /* nor the time */
	assert_true(covers(boxes, 270, 465, 480, 500));       /* a phone cut in three */
	assert_true(covers(boxes, 190, 460, 250, 504));       /* the buyer's name */
	assert_false(covers(boxes, 70, 460, 160, 504));       /* not the label */
	assert_true(covers(boxes, 200, 600, 600, 640));       /* the ID number, X and all */
	assert_true(covers(boxes, 70, 700, 700, 740));        /* the whole address line */
	assert_false(covers(boxes, 200, 800, 400, 840));      /* not the amount */
	assert_false(covers(boxes, 500, 800, 600, 840));      /* nor a five-digit quantity */
	assert_true(covers(boxes, 200, 900, 500, 940));       /* a misread phone, unclear */
	assert_false(covers(boxes, 520, 900, 600, 940));      /* not an unclear word of no digit */
	assert_int_equal(what, REDACT_ORDER_ID | REDACT_BUYER_PHONE | REDACT_ID_NUMBER |
	    REDACT_NUMBER | REDACT_ADDRESS | REDACT_NAME | REDACT_UNCLEAR);
	cJSON_Delete(boxes);
	cJSON_Delete(reading);
}

/* A phone number whose box an edited reading puts at INT_MAX or below zero is still
 * covered, to the edge of any picture, and nothing overflows (the sanitized build
 * would say). */
static void
test_redact_out_of_range(void **state)
{
	struct scratch_case *f = *state;
	cJSON *reading, *boxes;
	unsigned what;

	reading = parse(READING(90,
	    L("电话 138 1234 5678", 90, 70, 465, 2147483647, 500,
	      W("电话", 90, -2147483647, 465, 160, 500) "," W("138", 90, 270, 465, 320, 500) ","
	      W("1234", 90, 330, 465, 400, 500) ","
	      W("5678", 90, 410, -5, 1e300, 2147483647))));
	boxes = redact_boxes(reading, f->c, &what);
	assert_non_null(boxes);
	assert_true(covers(boxes, 270, 465, 1000000, 500));
	assert_true(what != 0);
	cJSON_Delete(boxes);
	cJSON_Delete(reading);
}

/* The suggestion for FIELD in READINGS' item INDEX, or NULL. */
static const cJSON *
suggestion(const cJSON *readings, int index, const char *field)
{
	const cJSON *s;

	cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(readings,
	    index), "suggestions"))
		if (strcmp(str(s, "field"), field) == 0)
			return s;
	return NULL;
}

static cJSON *
item(const char *id, const char *kind, const char *reading)
{
	cJSON *r = parse(reading), *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", id);
	cJSON_AddStringToObject(o, "kind", kind);
	cJSON_AddItemToObject(o, "lines", cJSON_DetachItemFromObject(r, "lines"));
	cJSON_Delete(r);
	return o;
}

static void
test_suggest(void **state)
{
	cJSON *readings = cJSON_CreateArray();
	const cJSON *s;

	(void)state;
	cJSON_AddItemToArray(readings, item("E01", "order", READING(90,
	    L("优品数码旗舰店", 90, 70, 800, 330, 834, W("优品数码旗舰店", 90, 70, 800, 330, 834)) ","
	    L("订单编号：6938472910384756102 复制", 92, 70, 1360, 700, 1393,
	      W("订单编号：6938472910384756102", 92, 70, 1360, 600, 1393) ","
	      W("复制", 92, 620, 1360, 700, 1393)) ","
	    L("下单时间 2026年9月28日", 92, 70, 1440, 560, 1473,
	      W("下单时间", 95, 70, 1440, 200, 1473) "," W("2026年9月28日", 92, 224, 1441, 560, 1470))
	    ","
	    L("商品总价 ¥219.00", 92, 70, 1100, 560, 1130, W("商品总价", 92, 70, 1100, 200, 1130) ","
	      W("¥219.00", 92, 224, 1100, 560, 1130)) ","
	    L("优惠 ¥20.00", 92, 70, 1150, 560, 1180, W("优惠", 92, 70, 1150, 200, 1180) ","
	      W("¥20.00", 92, 224, 1150, 560, 1180)))));
	cJSON_AddItemToArray(readings, item("E02", "licence", READING(90,
	    L("统一社会信用代码 91440300MA5F XK3T24", 95, 80, 450, 715, 483,
	      W("统一社会信用代码", 95, 80, 450, 300, 483) "," W("91440300MA5F", 95, 310, 450, 600, 483)
	      "," W("XK3T24", 95, 610, 450, 715, 483)) ","
	    L("名称 深圳市优品电子科技有限公司", 94, 80, 550, 600, 583,
	      W("名称", 95, 80, 550, 140, 583) "," W("深圳市优品电子科技有限公司", 94, 150, 550, 600, 583))
	    ","
	    L("法定代表人 李建国", 60, 80, 750, 360, 783, W("法定代表人", 95, 80, 750, 250, 783) ","
	      W("李建国", 55, 260, 750, 360, 783)) ","
	    L("住所 深圳市南山区科技园南路18号", 94, 80, 1050, 600, 1083,
	      W("住所", 95, 80, 1050, 140, 1083) "," W("深圳市南山区科技园南路18号", 94, 150, 1050, 600, 1083)))));
	assert_int_equal(suggest_facts(readings, "2026-11-18"), DISPUTE_OK);
	s = suggestion(readings, 0, "order.id");
	assert_non_null(s);
	assert_string_equal(str(s, "value"), "6938472910384756102");
	assert_string_equal(str(s, "text"), "订单编号：6938472910384756102 复制");
	s = suggestion(readings, 0, "order.date");
	assert_non_null(s);
	assert_string_equal(str(s, "value"), "2026-09-28");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "valid")));
	s = suggestion(readings, 0, "merchant.shop");
	assert_non_null(s);
	assert_string_equal(str(s, "value"), "优品数码旗舰店");
	/* Two amounts and no label for the one paid: none is guessed. */
	assert_null(suggestion(readings, 0, "order.amount"));
	/* The code the OCR cut in two is one code; its check character fails. */
	s = suggestion(readings, 1, "merchant.credit_code");
	assert_non_null(s);
	assert_string_equal(str(s, "value"), "91440300MA5FXK3T24");
	assert_false(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "valid")));
	assert_contains(str(s, "reason"), "check character should be 3, not 4");
	assert_string_equal(str(suggestion(readings, 1, "merchant.company"), "value"),
	    "深圳市优品电子科技有限公司");
	assert_string_equal(str(suggestion(readings, 1, "merchant.address"), "value"),
	    "深圳市南山区科技园南路18号");
	/* The name was read at 55: not suggested, counted. */
	assert_null(suggestion(readings, 1, "merchant.representative"));
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(readings, 1),
	    "unclear")->valueint, 1);
	cJSON_Delete(readings);
}

static void
test_transcode(void **state)
{
	/* "退款" in GB18030 (and GBK), then an ASCII line. */
	static const char gb[] = "\xcd\xcb\xbf\xee\nok\n";
	char *out;
	size_t len;

	(void)state;
	assert_int_equal(transcode_gb18030(gb, sizeof gb - 1, &out, &len), DISPUTE_OK);
	assert_non_null(out);
	assert_string_equal(out, "退款\nok\n");
	assert_int_equal(len, strlen("退款\nok\n"));
	free(out);
	/* Cut short in a character, a byte no GB18030 sequence takes, binary: not GB18030. */
	assert_int_equal(transcode_gb18030("\xcd\xcb\xbf", 3, &out, &len), DISPUTE_OK);
	assert_null(out);
	assert_int_equal(transcode_gb18030("\xff\xff", 2, &out, &len), DISPUTE_OK);
	assert_null(out);
	assert_int_equal(transcode_gb18030("a\0b", 3, &out, &len), DISPUTE_OK);
	assert_null(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chat_quotes),
		cmocka_unit_test(test_chat_quotes_out_of_range),
		cmocka_unit_test_setup_teardown(test_redact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_redact_out_of_range, setup, teardown),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_transcode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
