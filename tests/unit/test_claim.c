/*
 * Tests for claim.c against the shipped rule table (rules/zh-CN.json): amounts at and
 * around each statutory minimum, the fee bands of 诉讼费用交纳办法 art 13 and their
 * halving, and the rule version picked by date. Expected amounts are worked out by
 * hand from the statutes and written as literals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dispute/report.h"
#include "dispute/rules.h"
#include "claim.h"

#define SHIPPED TEST_DATA_DIR "/../../rules/zh-CN.json"

static int
setup_rules(void **state)
{
	struct rules *r = calloc(1, sizeof *r);

	if (r == NULL || rules_load(SHIPPED, r) != DISPUTE_OK) {
		free(r);
		return -1;
	}
	*state = r;
	return 0;
}

static int
teardown_rules(void **state)
{
	rules_free(*state);
	free(*state);
	return 0;
}

static const struct claim_line *
line_of(const struct claim *c, const char *basis)
{
	size_t i;

	for (i = 0; i < c->count; i++)
		if (strcmp(c->lines[i].basis, basis) == 0)
			return &c->lines[i];
	return NULL;
}

/* The compensation line BASIS for goods of CATEGORY at PRICE, checked against WANT. */
static void
expect_line(const struct rules *r, const char *category, int food, int64_t price,
    int64_t loss, const char *basis, int64_t want)
{
	struct claim_input in = { category, food, price, loss, "2026-03-01", basis, NULL, NULL };
	struct claim c;
	const struct claim_line *line;

	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	line = line_of(&c, basis);
	assert_non_null(line);
	assert_int_equal(line->amount_fen, want);
	assert_true(line->chosen);
	/* A recorded loss is claimed as it is, on top of the punitive line. */
	if (loss > 0) {
		assert_non_null(line_of(&c, "loss"));
		assert_int_equal(line_of(&c, "loss")->amount_fen, loss);
		assert_true(line_of(&c, "loss")->chosen);
	} else
		assert_null(line_of(&c, "loss"));
	assert_int_equal(c.total_fen, price + (loss > 0 ? loss : 0) + want);
	claim_free(&c);
}

static void
test_refund_only(void **state)
{
	const struct rules *r = *state;
	struct claim_input in = { "quality", 0, 12900, -1, "2026-03-01", NULL, NULL, NULL };
	struct claim c;

	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	assert_int_equal(c.count, 1);
	assert_string_equal(c.lines[0].basis, "refund");
	assert_int_equal(c.lines[0].amount_fen, 12900);
	assert_true(c.lines[0].chosen);
	assert_true(c.lines[0].confirmed);
	assert_null(c.lines[0].condition_zh);
	assert_string_equal(c.lines[0].law, "《中华人民共和国消费者权益保护法》第二十四条");
	assert_string_equal(c.lines[0].calculation_zh, "退还实付货款 129.00 元");
	assert_int_equal(c.total_fen, 12900);
	assert_int_equal(c.filing_fee_fen, 5000);
	assert_int_equal(c.filing_fee_simplified_fen, 2500);
	assert_true(c.filing_fee_confirmed);
	assert_string_equal(c.filing_fee_law, "《诉讼费用交纳办法》第十三条、第十六条");
	claim_free(&c);
}

static void
test_fraud_minimum(void **state)
{
	const struct rules *r = *state;

	/* 166.66 × 3 = 499.98, below 500; 166.67 × 3 = 500.01, above it. */
	expect_line(r, "counterfeit", 0, 16666, -1, "fraud", 50000);
	expect_line(r, "counterfeit", 0, 16667, -1, "fraud", 50001);
	expect_line(r, "not-as-described", 0, 20000, -1, "fraud", 60000);
	expect_line(r, "counterfeit", 0, 1, -1, "fraud", 50000);
	/* The largest price accepted: 100,000,000 yuan, exact. */
	expect_line(r, "counterfeit", 0, 10000000000LL, -1, "fraud", 30000000000LL);
}

static void
test_fraud_line_text(void **state)
{
	const struct rules *r = *state;
	struct claim_input in = { "counterfeit", 0, 12900, -1, "2026-03-01", "fraud", NULL, NULL };
	struct claim c;
	const struct claim_line *line;

	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	assert_int_equal(c.count, 2);
	line = line_of(&c, "fraud");
	assert_non_null(line);
	assert_string_equal(line->calculation_zh,
	    "129.00 元 × 3 = 387.00 元，低于法定最低 500.00 元，按 500.00 元计");
	assert_string_equal(line->calculation_en,
	    "129.00 yuan × 3 = 387.00 yuan, below the statutory minimum of 500.00 yuan, "
	    "so 500.00 yuan");
	assert_string_equal(line->law, "《中华人民共和国消费者权益保护法》第五十五条第一款");
	assert_string_equal(line->condition_zh, "经认定商家存在欺诈行为");
	assert_non_null(line->condition_en);
	assert_true(line->confirmed);
	assert_int_equal(c.total_fen, 12900 + 50000);
	claim_free(&c);

	/* Not chosen: the line is offered but left out of the total. */
	in.chosen = "none";
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	line = line_of(&c, "fraud");
	assert_non_null(line);
	assert_false(line->chosen);
	assert_int_equal(c.total_fen, 12900);
	claim_free(&c);

	/* At or above the minimum, no minimum clause. */
	in.price_fen = 20000;
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	assert_string_equal(line_of(&c, "fraud")->calculation_zh, "200.00 元 × 3 = 600.00 元");
	claim_free(&c);
}

static void
test_food_minimum(void **state)
{
	const struct rules *r = *state;

	/* 99.99 × 10 = 999.90, below 1000; 100.00 × 10 is exactly 1000; 100.01 × 10 above. */
	expect_line(r, "expired", 1, 9999, -1, "food", 100000);
	expect_line(r, "expired", 1, 10000, -1, "food", 100000);
	expect_line(r, "harmful", 1, 10001, -1, "food", 100010);
	/* Loss 400 × 3 = 1200 beats price 10 × 10 = 100 and the minimum. */
	expect_line(r, "harmful", 1, 1000, 40000, "food", 120000);
	/* Price 200 × 10 = 2000 beats loss 100 × 3 = 300. */
	expect_line(r, "harmful", 1, 20000, 10000, "food", 200000);
	/* Loss 300 × 3 = 900 and price 50 × 10 = 500 are both below the minimum. */
	expect_line(r, "harmful", 1, 5000, 30000, "food", 100000);
	/* A loss recorded as zero counts as known and loses to the price. */
	expect_line(r, "expired", 1, 20000, 0, "food", 200000);
}

static void
test_food_line_text(void **state)
{
	const struct rules *r = *state;
	struct claim_input in = { "harmful", 1, 1000, 40000, "2026-03-01", "food", NULL, NULL };
	struct claim c;
	const struct claim_line *line;

	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	line = line_of(&c, "food");
	assert_non_null(line);
	assert_null(line_of(&c, "fraud"));
	assert_string_equal(line->calculation_zh,
	    "价款 10.00 元 × 10 = 100.00 元；损失 400.00 元 × 3 = 1200.00 元；取较高者 1200.00 元");
	assert_string_equal(line->law, "《中华人民共和国食品安全法》第一百四十八条第二款");
	assert_string_equal(line->condition_zh, "所购食品不符合食品安全标准，且被告作为经营者明知"
	    "（不影响食品安全且不会对消费者造成误导的标签、说明书瑕疵除外）");
	/* The article number after the 2025 amendment is unconfirmed in the domain notes. */
	assert_false(line->confirmed);
	claim_free(&c);

	in.price_fen = 9999;
	in.loss_fen = -1;
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	assert_string_equal(line_of(&c, "food")->calculation_zh,
	    "价款 99.99 元 × 10 = 999.90 元，低于法定最低 1000.00 元，按 1000.00 元计");
	claim_free(&c);
}

static void
test_which_lines(void **state)
{
	const struct rules *r = *state;
	struct claim_input in = { "expired", 0, 5000, -1, "2026-03-01", NULL, NULL, NULL };
	struct claim c;

	/* Expired goods that are not food: refund only. */
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	assert_int_equal(c.count, 1);
	claim_free(&c);
	/* Food that is counterfeit: the fraud basis, not the food one. */
	in.category = "counterfeit";
	in.food = 1;
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	assert_int_equal(c.count, 2);
	assert_non_null(line_of(&c, "fraud"));
	claim_free(&c);
	/* No category recorded yet: refund only. */
	in.category = NULL;
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	assert_int_equal(c.count, 1);
	claim_free(&c);
}

static void
test_refused_inputs(void **state)
{
	const struct rules *r = *state;
	struct claim_input in = { "quality", 0, 12900, -1, "2026-03-01", "fraud", NULL, NULL };
	struct claim c;

	/* A chosen compensation the problem gives no basis for. */
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_FAILED);
	assert_null(c.lines);
	in.category = "counterfeit";
	in.chosen = "food";
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_FAILED);
	in.chosen = "triple";
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_FAILED);
	in.chosen = NULL;
	in.price_fen = -1;
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_FAILED);
	in.price_fen = 10000000001LL;
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_FAILED);
	in.price_fen = 100;
	in.loss_fen = -2;
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_FAILED);
	in.loss_fen = -1;
	in.date = "2026-02-30";
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_FAILED);
	in.date = NULL;
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_FAILED);
	/* Before the 2013 revision took effect the table has no refund rule in force. */
	in.date = "2014-03-14";
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_FAILED);
	assert_int_equal(c.count, 0);
	in.date = "2014-03-15";
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	claim_free(&c);
}

static void
expect_fee(const struct rules *r, int64_t amount, int64_t want, int64_t want_halved)
{
	int64_t fee = -1, halved = -1;

	assert_int_equal(claim_filing_fee(r, amount, "2026-03-01", &fee, &halved), DISPUTE_OK);
	assert_int_equal(fee, want);
	assert_int_equal(halved, want_halved);
}

static void
test_filing_fee(void **state)
{
	const struct rules *r = *state;
	int64_t fee, halved;

	expect_fee(r, 1, 5000, 2500);
	expect_fee(r, 1000000, 5000, 2500);             /* 10,000.00: 50 per case */
	expect_fee(r, 1000001, 5000, 2500);             /* 2.5% of 0.01 is 0.00025 → 0.00 */
	expect_fee(r, 1000019, 5000, 2500);             /* 2.5% of 0.19 is 0.00475 → 0.00 */
	expect_fee(r, 1000020, 5001, 2501);             /* 0.005 → 0.01; half 25.005 → 25.01 */
	expect_fee(r, 1000100, 5003, 2502);             /* 2.5% of 1.00 = 0.025 → 0.03 */
	expect_fee(r, 2000000, 30000, 15000);           /* 20,000.00: 50 + 250 */
	expect_fee(r, 10000000, 230000, 115000);        /* 100,000.00: 50 + 2,250 */
	expect_fee(r, 20000000, 430000, 215000);        /* 200,000.00: + 2% of 100,000 */
	expect_fee(r, 50000000, 880000, 440000);        /* 500,000.00: + 1.5% of 300,000 */
	expect_fee(r, 100000000, 1380000, 690000);      /* 1,000,000.00: + 1% of 500,000 */
	/* 100,000,000 yuan: 13,800 + 9,000 + 24,000 + 35,000 + 60,000 + 0.5% of 80,000,000. */
	expect_fee(r, 10000000000LL, 54180000, 27090000);
	assert_int_equal(claim_filing_fee(r, -1, "2026-03-01", &fee, &halved), DISPUTE_FAILED);
	assert_int_equal(claim_filing_fee(r, 100, "2007-03-31", &fee, &halved), DISPUTE_FAILED);
}

static void
test_filing_fee_on_total(void **state)
{
	const struct rules *r = *state;
	struct claim_input in = { "counterfeit", 0, 1000000, -1, "2026-03-01", "fraud", NULL, NULL };
	struct claim c;

	/* 10,000 refund + 30,000 compensation = 40,000: 50 + 2.5% of 30,000 = 800. */
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	assert_int_equal(c.total_fen, 4000000);
	assert_int_equal(c.filing_fee_fen, 80000);
	assert_int_equal(c.filing_fee_simplified_fen, 40000);
	assert_true(c.filing_fee_confirmed);
	claim_free(&c);
	/* 100,000 + 300,000 reaches the 1.5% band, confirmed since the legal review (A16). */
	in.price_fen = 10000000;
	assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
	assert_int_equal(c.total_fen, 40000000);
	assert_int_equal(c.filing_fee_fen, 730000);
	assert_true(c.filing_fee_confirmed);
	claim_free(&c);
}

static void
test_rule_by_date(void **state)
{
	const struct rules *r = *state;
	struct rule rule;
	int64_t days;

	assert_int_equal(rules_find(r, "12315-acceptance", "2026-04-14", &rule), DISPUTE_OK);
	assert_string_equal(rule.law, "市场监督管理投诉举报处理暂行办法");
	assert_string_equal(rule.article, "第十四条");
	assert_true(rule.confirmed);
	assert_int_equal(rule_integer(&rule, "working_days", &days), DISPUTE_OK);
	assert_int_equal(days, 7);

	assert_int_equal(rules_find(r, "12315-acceptance", "2026-04-15", &rule), DISPUTE_OK);
	assert_string_equal(rule.law, "市场监督管理投诉举报处理办法");
	assert_false(rule.confirmed);

	assert_int_equal(rules_find(r, "12315-mediation", "2026-04-14", &rule), DISPUTE_OK);
	assert_int_equal(rule_integer(&rule, "working_days", &days), DISPUTE_OK);
	assert_int_equal(days, 45);
	assert_true(rule.confirmed);
	assert_int_equal(rules_find(r, "12315-mediation", "2026-04-15", &rule), DISPUTE_OK);
	assert_false(rule.confirmed);
	/* Order 121's mediation period is not known, so the table gives no figure. */
	assert_int_equal(rule_integer(&rule, "working_days", &days), DISPUTE_FAILED);
	assert_null(cJSON_GetObjectItemCaseSensitive(rule.json, "working_days"));

	assert_int_equal(rules_find(r, "12315-acceptance", "2019-12-31", &rule), DISPUTE_FAILED);
}

/* The loss's basis follows its kind: 第四十九条 for injury only; property and expenses the
 * contract articles (and 第五十二条 for property); never "（如医疗费）". Unset, harmful goods
 * mean injury and anything else an expense. The buyer's label names the line. */
static void
test_loss_kinds(void **state)
{
	static const struct {
		const char *category, *kind, *label, *want_label, *want_law, *not_law;
	} v[] = {
		{ "harmful", NULL, NULL, "人身损害赔偿", "第四十九条", "第五百七十七条" },
		{ "quality", "injury", "医疗费", "医疗费", "第四十九条", "第五十二条" },
		{ "quality", NULL, "检验费", "检验费", "第五百七十七条、第五百八十四条", "第四十九条" },
		{ "quality", "expense", NULL, "合理费用赔偿", "第五百八十四条", "第四十九条" },
		{ "quality", "property", NULL, "财产损失赔偿", "第五十二条", "第四十九条" },
	};
	const struct rules *r = *state;
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		struct claim_input in = { v[i].category, 0, 12900, 80000, "2026-03-01", NULL,
		    v[i].kind, v[i].label };
		struct claim c;
		const struct claim_line *line;

		assert_int_equal(claim_compute(r, &in, &c), DISPUTE_OK);
		line = line_of(&c, "loss");
		assert_non_null(line);
		assert_string_equal(line->label_zh, v[i].want_label);
		assert_non_null(strstr(line->law, v[i].want_law));
		assert_null(strstr(line->law, v[i].not_law));
		assert_null(strstr(line->calculation_zh, "如医疗费"));
		assert_non_null(strstr(line->calculation_zh, "800.00 元"));
		assert_int_equal(line->amount_fen, 80000);
		if (strcmp(v[i].want_law, "第四十九条") != 0)
			assert_false(line->confirmed);
		claim_free(&c);
	}
}

/* Food compensation states the seller's knowledge, and for expired goods the
 * interpretation that treats selling them as knowing, marked for checking. */
static void
test_food_knowledge(void **state)
{
	const struct rules *r = *state;
	struct claim_input harmful = { "harmful", 1, 5990, -1, "2026-03-01", "food", NULL, NULL };
	struct claim_input expired = { "expired", 1, 5990, -1, "2026-03-01", "food", NULL, NULL };
	struct claim c;
	const struct claim_line *line;

	assert_int_equal(claim_compute(r, &harmful, &c), DISPUTE_OK);
	line = line_of(&c, "food");
	assert_non_null(strstr(line->condition_zh, "被告作为经营者明知"));
	assert_null(strstr(line->condition_zh, "保质期"));
	assert_non_null(strstr(line->condition_en, "knew it"));
	claim_free(&c);
	assert_int_equal(claim_compute(r, &expired, &c), DISPUTE_OK);
	line = line_of(&c, "food");
	assert_non_null(strstr(line->condition_zh, "明知"));
	assert_non_null(strstr(line->condition_zh, "超过标注的保质期"));
	assert_non_null(strstr(line->condition_zh, "食品安全民事纠纷案件适用法律若干问题的解释（一）》第六条视为明知（条号待核实）"));
	assert_non_null(strstr(line->condition_en, "treated as knowing"));
	claim_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refund_only),
		cmocka_unit_test(test_fraud_minimum),
		cmocka_unit_test(test_fraud_line_text),
		cmocka_unit_test(test_food_minimum),
		cmocka_unit_test(test_food_line_text),
		cmocka_unit_test(test_which_lines),
		cmocka_unit_test(test_refused_inputs),
		cmocka_unit_test(test_filing_fee),
		cmocka_unit_test(test_filing_fee_on_total),
		cmocka_unit_test(test_rule_by_date),
		cmocka_unit_test(test_loss_kinds),
		cmocka_unit_test(test_food_knowledge),
	};

	dispute_set_quiet(1);
	return cmocka_run_group_tests(tests, setup_rules, teardown_rules);
}
