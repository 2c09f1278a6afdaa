/*
 * Tests for courts.c: the shipped court table loads and covers what it promises (every
 * district of Beijing, Hangzhou and Guangzhou, each provincial capital); an address is
 * placed by its city and the district named after it, the internet court of its city
 * found, and an address the table does not know left unplaced; a damaged table refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dispute/courts.h"
#include "dispute/report.h"

static int
setup(void **state)
{
	static struct court_table t;

	if (courts_load_default(&t) != DISPUTE_OK)
		return -1;
	*state = &t;
	return 0;
}

static int
teardown(void **state)
{
	courts_free(*state);
	return 0;
}

static void
expect_place(const struct court_table *t, const char *address, const char *city,
    const char *district, const char *court, const char *internet)
{
	struct court_place p;

	courts_lookup(t, address, &p);
	if (city == NULL)
		assert_null(p.city);
	else
		assert_string_equal(p.city, city);
	if (district == NULL) {
		assert_null(p.district);
		assert_null(p.court);
	} else {
		assert_string_equal(p.district, district);
		assert_string_equal(p.court, court);
	}
	if (internet == NULL)
		assert_null(p.internet_court);
	else
		assert_string_equal(p.internet_court, internet);
}

static void
test_lookup(void **state)
{
	const struct court_table *t = *state;

	expect_place(t, "浙江省杭州市西湖区古墩路588号", "杭州市", "西湖区", "杭州市西湖区人民法院",
	    "杭州互联网法院");
	expect_place(t, "北京市朝阳区建国路88号", "北京市", "朝阳区", "北京市朝阳区人民法院",
	    "北京互联网法院");
	/* 朝阳区 is also a district of 长春市: the city decides. */
	expect_place(t, "吉林省长春市朝阳区人民大街1号", "长春市", "朝阳区", "长春市朝阳区人民法院",
	    NULL);
	expect_place(t, "广东省广州市白云区太和镇", "广州市", "白云区", "广州市白云区人民法院",
	    "广州互联网法院");
	expect_place(t, "四川省成都市武侯区武侯祠大街266号", "成都市", "武侯区",
	    "成都市武侯区人民法院", NULL);
	expect_place(t, "山东省临沂市兰山区金雀山街道", "临沂市", "兰山区", "临沂市兰山区人民法院",
	    NULL);
	/* A county keeps its own name for its court; the city may be written without 市. */
	expect_place(t, "浙江省杭州桐庐县城南街道", "杭州市", "桐庐县", "桐庐县人民法院",
	    "杭州互联网法院");
	/* The city named first decides, whatever a street is called. */
	expect_place(t, "浙江省杭州市上城区南京路1号", "杭州市", "上城区", "杭州市上城区人民法院",
	    "杭州互联网法院");
	/* A known city with an unknown district: the internet court only. */
	expect_place(t, "北京市经济技术开发区1号", "北京市", NULL, NULL, "北京互联网法院");
	/* A city the table does not hold. */
	expect_place(t, "广东省佛山市顺德区龙江镇", NULL, NULL, NULL, NULL);
	expect_place(t, "", NULL, NULL, NULL, NULL);
}

/* The table holds every district the data file's note promises. */
static void
test_coverage(void **state)
{
	static const char *const beijing[] = { "东城区", "西城区", "朝阳区", "海淀区", "丰台区",
		"石景山区", "门头沟区", "房山区", "通州区", "顺义区", "昌平区", "大兴区", "怀柔区",
		"平谷区", "密云区", "延庆区", NULL };
	static const char *const hangzhou[] = { "上城区", "拱墅区", "西湖区", "滨江区", "萧山区",
		"余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市", NULL };
	static const char *const guangzhou[] = { "越秀区", "海珠区", "荔湾区", "天河区", "白云区",
		"黄埔区", "番禺区", "花都区", "南沙区", "从化区", "增城区", NULL };
	static const char *const capitals[] = { "上海市", "天津市", "重庆市", "石家庄市", "太原市",
		"呼和浩特市", "沈阳市", "长春市", "哈尔滨市", "南京市", "合肥市", "福州市", "南昌市",
		"济南市", "郑州市", "武汉市", "长沙市", "南宁市", "海口市", "成都市", "贵阳市",
		"昆明市", "拉萨市", "西安市", "兰州市", "西宁市", "银川市", "乌鲁木齐市", NULL };
	const struct court_table *t = *state;
	struct court_place p;
	char address[128];
	int i;

	for (i = 0; beijing[i] != NULL; i++) {
		snprintf(address, sizeof address, "北京市%s某路1号", beijing[i]);
		courts_lookup(t, address, &p);
		assert_non_null(p.court);
	}
	for (i = 0; hangzhou[i] != NULL; i++) {
		snprintf(address, sizeof address, "浙江省杭州市%s某路1号", hangzhou[i]);
		courts_lookup(t, address, &p);
		assert_non_null(p.court);
	}
	for (i = 0; guangzhou[i] != NULL; i++) {
		snprintf(address, sizeof address, "广东省广州市%s某路1号", guangzhou[i]);
		courts_lookup(t, address, &p);
		assert_non_null(p.court);
	}
	for (i = 0; capitals[i] != NULL; i++) {
		snprintf(address, sizeof address, "%s某路1号", capitals[i]);
		courts_lookup(t, address, &p);
		assert_non_null(p.city);
		assert_string_equal(p.city, capitals[i]);
	}
}

static void
test_damaged(void **state)
{
	static const char *const tables[] = {
		"{\"schema\": \"dispute-courts/2\"}",
		"{\"schema\": \"dispute-courts/1\", \"source\": \"s\", \"date\": \"d\", "
		    "\"confirmed\": false, \"courts\": [{\"city\": \"北京市\"}], "
		    "\"internet_courts\": []}",
		"{\"schema\": \"dispute-courts/1\", \"date\": \"d\", \"confirmed\": false, "
		    "\"courts\": [], \"internet_courts\": []}",
		"{\"schema\": \"dispute-courts/1\", \"source\": \"s\", \"date\": \"d\", "
		    "\"confirmed\": false, \"courts\": {}, \"internet_courts\": []}",
	};
	char path[] = "/tmp/test-courts-XXXXXX";
	struct court_table t;
	size_t i;
	FILE *f;
	int fd;

	(void)state;
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		strcpy(path, "/tmp/test-courts-XXXXXX");
		fd = mkstemp(path);
		assert_true(fd >= 0);
		f = fdopen(fd, "w");
		assert_non_null(f);
		fputs(tables[i], f);
		fclose(f);
		assert_int_equal(courts_load(path, &t), DISPUTE_FAILED);
		assert_null(t.root);
		unlink(path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_coverage),
		cmocka_unit_test(test_damaged),
	};

	dispute_set_quiet(1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
