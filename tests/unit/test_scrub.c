/* Unit tests for scrub_public_post(): the buyer's phone, ID number, address and full
 * order number are masked however they were typed (full-width digits, spaced digit by
 * digit, any separators, either case of x, only the end of the address), other mobile
 * and ID numbers too, and the result is valid UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"

#include "dispute/report.h"
#include "scrub.h"
#include "text.h"

#define PHONE "13912345678"
#define ID_NUMBER "11010519491231002X"
#define ADDRESS "四川省成都市武侯区人民南路四段1号"
#define ORDER "6920451873301942"

static const struct private_facts recorded = { PHONE, ID_NUMBER, ADDRESS, ORDER };
static const struct private_facts none = { NULL, NULL, NULL, NULL };

/* Scrubs INPUT with FACTS and checks the result is EXPECTED, valid UTF-8, and that the
 * warnings mention WARNED (NULL: that there are none). */
static void
assert_scrubbed(const struct private_facts *facts, const char *input, const char *expected,
    const char *warned)
{
	char *text = strdup(input), *err;
	struct capture cap;

	assert_non_null(text);
	capture_start(&cap);
	assert_int_equal(scrub_public_post(facts, &text), DISPUTE_OK);
	err = capture_end(&cap);
	assert_string_equal(text, expected);
	assert_true(utf8_valid(text, strlen(text)));
	if (warned != NULL)
		assert_contains(err, warned);
	else
		assert_string_equal(err, "");
	free(err);
	free(text);
}

static void
test_phone_however_typed(void **state)
{
	(void)state;
	assert_scrubbed(&recorded, "请回电13912345678。", "请回电***。", "phone number");
	assert_scrubbed(&recorded, "请回电１３９１２３４５６７８。", "请回电***。", "phone number");
	assert_scrubbed(&recorded, "电话：1 3 9 1 2 3 4 5 6 7 8，谢谢", "电话：***，谢谢",
	    "phone number");
	assert_scrubbed(&recorded, "电话139－1234－5678", "电话***", "phone number");
	assert_scrubbed(&recorded, "电话139　1234　5678", "电话***", "phone number");
	assert_scrubbed(&recorded, "电话139—1234—5678", "电话***", "phone number");
}

/* Mobile numbers that are not the recorded one: one * a character, as typed. */
static void
test_other_mobile_numbers(void **state)
{
	(void)state;
	assert_scrubbed(&none, "商家电话１３８１２３４５６７８", "商家电话***********",
	    "mobile number");
	assert_scrubbed(&none, "商家电话1 3 8 1 2 3 4 5 6 7 8！", "商家电话*********************！",
	    "mobile number");
	assert_scrubbed(&none, "共付款199元，2026年10月11日", "共付款199元，2026年10月11日", NULL);
}

/* The order number keeps its masked form whatever separators the buyer typed. */
static void
test_order_number_however_typed(void **state)
{
	(void)state;
	assert_scrubbed(&recorded, "订单号6920451873301942已签收", "订单号6920****1942已签收",
	    "full order number");
	assert_scrubbed(&recorded, "订单号6920-4518-7330-1942已签收", "订单号6920****1942已签收",
	    "full order number");
	assert_scrubbed(&recorded, "订单号692045187330 1942已签收", "订单号6920****1942已签收",
	    "full order number");
	assert_scrubbed(&recorded, "订单号６９２０－４５１８－７３３０－１９４２",
	    "订单号6920****1942", "full order number");
}

/* ID numbers with either case of x, recorded or not, are masked whole. */
static void
test_id_numbers(void **state)
{
	(void)state;
	assert_scrubbed(&recorded, "身份证号11010519491231002X", "身份证号***", "ID number");
	assert_scrubbed(&recorded, "身份证号11010519491231002x", "身份证号***", "ID number");
	assert_scrubbed(&recorded, "身份证号１１０１０５１９４９１２３１００２ｘ", "身份证号***",
	    "ID number");
	assert_scrubbed(&none, "身份证号11010519491231002x。", "身份证号******************。",
	    "ID-number-like");
	assert_scrubbed(&none, "身份证 110105 19491231 002X", "身份证 ********************",
	    "ID-number-like");
}

/* The address, whole or without its province and city, is masked; its house number
 * alone is not (too short to be an address). */
static void
test_address_in_part(void **state)
{
	(void)state;
	assert_scrubbed(&recorded, "寄到" ADDRESS "。", "寄到***。", "address");
	assert_scrubbed(&recorded, "住成都市武侯区人民南路四段1号，请上门取件",
	    "住***，请上门取件", "address");
	assert_scrubbed(&recorded, "住武侯区人民南路四段1号", "住***", "address");
	assert_scrubbed(&recorded, "住人民南路四段１号", "住***", "address");
	assert_scrubbed(&recorded, "住成都市 武侯区 人民南路四段1号", "住***", "address");
	assert_scrubbed(&recorded, "我在四川省成都市，1号收到货", "我在四川省成都市，1号收到货",
	    NULL);
}

/* Facts too short to identify anyone are left alone, and the text stays as it was. */
static void
test_short_facts_ignored(void **state)
{
	static const struct private_facts short_facts = { "12345", NULL, "1号", NULL };

	(void)state;
	assert_scrubbed(&short_facts, "12345号楼1号", "12345号楼1号", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phone_however_typed),
		cmocka_unit_test(test_other_mobile_numbers),
		cmocka_unit_test(test_order_number_however_typed),
		cmocka_unit_test(test_id_numbers),
		cmocka_unit_test(test_address_in_part),
		cmocka_unit_test(test_short_facts_ignored),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
