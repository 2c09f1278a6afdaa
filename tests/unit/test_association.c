/*
 * Tests for association.c: the consumer association a logged contact names is read
 * from its text, case.association overrides it, and text naming no particular body
 * gives none.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dispute/association.h"

static void
named(const char *text, const char *expected)
{
	char *name = association_in_text(text);

	if (expected == NULL) {
		if (name != NULL)
			fail_msg("\"%s\" named \"%s\"", text, name);
		return;
	}
	if (name == NULL)
		fail_msg("\"%s\" named no association", text);
	assert_string_equal(name, expected);
	free(name);
}

static void
test_in_text(void **state)
{
	(void)state;
	named("向北京市朝阳区消费者协会投诉，附检验报告和聊天记录", "北京市朝阳区消费者协会");
	named("已向杭州市西湖区消费者权益保护委员会提交投诉", "杭州市西湖区消费者权益保护委员会");
	named("经西湖区消保委调解，商家同意退款", "西湖区消保委");
	named("致电成都市武侯区消协，登记投诉", "成都市武侯区消协");
	named("投诉编号：上海市消费者权益保护委员会", "上海市消费者权益保护委员会");
	named("complained to 广州市消费者委员会 (Guangzhou)", NULL);
	/* A bare word names no particular body. */
	named("向消协投诉", NULL);
	named("消费者协会组织调解，调解终止", NULL);
	named("商家拒绝退款", NULL);
	named("", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
