/*
 * What the buyer may demand: the refund, the statutory compensation that fits the
 * problem, and the court acceptance fee on the total, each with its law and article.
 *
 * Money is integer fen throughout and rates are integer basis points (1/10000), so no
 * amount ever passes through a double. Products are formed exactly and rounded once,
 * half up to the fen (0.005 yuan and above rounds up), which is how a court clerk
 * rounds a fee by hand. With prices and losses capped at 100,000,000 yuan
 * (10^10 fen) and the table's factors capped at 1000 (rules.c), every product and sum
 * here stays below 10^18, inside int64_t.
 *
 * The figures come from the rule in force on the order date (rules.h); the code only
 * knows the shape of each calculation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/calendar.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/validate.h"
#include "claim.h"

/* The largest price or loss the program accepts (validate.h: 100,000,000 yuan). */
#define INPUT_MAX_FEN 10000000000LL
/* The largest amount a fee is computed on: the chosen total of the largest inputs
 * under the largest factors the rule table admits, with room to spare. */
#define FEE_AMOUNT_MAX_FEN 100000000000000LL
#define BASIS 10000

#define MAX_LINES 4

static int
is_one_of(const char *value, const char *a, const char *b)
{
	return value != NULL && (strcmp(value, a) == 0 || strcmp(value, b) == 0);
}

static char *
law_text(const struct rule *rule)
{
	return dispute_asprintf("《%s》%s", rule->law, rule->article);
}

/*
 * The fee under the bands of FEE, and the same halved under HALF. *CONFIRMED is cleared
 * when either rule, or any band the amount reaches, is not confirmed.
 */
static int
fee_from_rules(const struct rule *fee, const struct rule *half, int64_t amount,
    int64_t *fee_fen, int64_t *halved_fen, int *confirmed)
{
	const cJSON *bands = cJSON_GetObjectItemCaseSensitive(fee->json, "bands"), *band;
	const cJSON *bound, *fixed_item;
	int64_t lower = 0, upper, fixed = 0, scaled = 0, rate, divisor, total;
	int reached;

	if (bands == NULL) {
		dispute_error(_("%s: rule \"%s\" in force from %s has no \"bands\""),
		    fee->path != NULL ? fee->path : "rules", fee->id, fee->effective);
		return DISPUTE_FAILED;
	}
	if (rule_integer(half, "divisor", &divisor) != DISPUTE_OK)
		return DISPUTE_FAILED;
	*confirmed = fee->confirmed && half->confirmed;
	/* rules.c checked the bands: ascending bounds, the last open, a fixed fee only first. */
	cJSON_ArrayForEach(band, bands) {
		bound = cJSON_GetObjectItemCaseSensitive(band, "up_to_fen");
		upper = bound != NULL ? (int64_t)bound->valuedouble : amount;
		fixed_item = cJSON_GetObjectItemCaseSensitive(band, "fixed_fen");
		/* A fixed fee is "per case": due on any amount, however small. */
		reached = fixed_item != NULL || amount > lower;
		if (fixed_item != NULL) {
			fixed = (int64_t)fixed_item->valuedouble;
		} else if (reached) {
			rate = (int64_t)cJSON_GetObjectItemCaseSensitive(band,
			    "rate_basis_points")->valuedouble;
			/* In fen × basis points: exact, rounded once below. */
			scaled += ((amount < upper ? amount : upper) - lower) * rate;
		}
		if (reached && cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(band, "confirmed")))
			*confirmed = 0;
		if (bound == NULL || amount <= upper)
			break;
		lower = upper;
	}
	total = fixed + (scaled + BASIS / 2) / BASIS;
	*fee_fen = total;
	/* The fee over the divisor, to the nearest fen, ties upward. */
	*halved_fen = (2 * total + divisor) / (2 * divisor);
	return DISPUTE_OK;
}

static int
check_fee_amount(int64_t amount_fen)
{
	char text[AMOUNT_TEXT_MAX];

	if (amount_fen >= 0 && amount_fen <= FEE_AMOUNT_MAX_FEN)
		return DISPUTE_OK;
	amount_format(amount_fen, text);
	dispute_error(_("filing fee: %s yuan is not an amount a fee can be computed on"), text);
	return DISPUTE_FAILED;
}

int
claim_filing_fee(const struct rules *r, int64_t amount_fen, const char *date,
    int64_t *fee_fen, int64_t *halved_fen)
{
	struct rule fee, half;
	int confirmed;

	if (check_fee_amount(amount_fen) != DISPUTE_OK ||
	    rules_find(r, "filing-fee", date, &fee) != DISPUTE_OK ||
	    rules_find(r, "filing-fee-simplified", date, &half) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return fee_from_rules(&fee, &half, amount_fen, fee_fen, halved_fen, &confirmed);
}

/* ", below the statutory minimum …" clauses, empty when the amount reaches it. */
static int
minimum_clauses(int64_t amount, int64_t minimum, char **zh, char **en)
{
	char min_text[AMOUNT_TEXT_MAX];

	amount_format(minimum, min_text);
	if (amount >= minimum) {
		*zh = dispute_asprintf("%s", "");
		*en = dispute_asprintf("%s", "");
	} else {
		*zh = dispute_asprintf("，低于法定最低 %s 元，按 %s 元计", min_text, min_text);
		*en = dispute_asprintf(", below the statutory minimum of %s yuan, so %s yuan", min_text,
		    min_text);
	}
	return *zh != NULL && *en != NULL ? DISPUTE_OK : DISPUTE_FAILED;
}

/* Fills LINE from RULE, taking ownership of the four texts; fails when any of them (or
 * the law text) could not be made. A line counted before it is filled is freed by
 * claim_free() either way. */
static int
fill_line(struct claim_line *line, const struct rule *rule, const char *basis,
    int64_t amount_fen, int chosen, char *label_zh, char *label_en, char *calculation_zh,
    char *calculation_en)
{
	line->basis = basis;
	line->amount_fen = amount_fen;
	line->confirmed = rule->confirmed;
	line->chosen = chosen;
	line->label_zh = label_zh;
	line->label_en = label_en;
	line->calculation_zh = calculation_zh;
	line->calculation_en = calculation_en;
	line->law = law_text(rule);
	return label_zh != NULL && label_en != NULL && calculation_zh != NULL &&
	    calculation_en != NULL && line->law != NULL ? DISPUTE_OK : DISPUTE_FAILED;
}

static int
refund_line(const struct rules *r, const struct claim_input *in, struct claim_line *line)
{
	struct rule rule;
	char price[AMOUNT_TEXT_MAX];

	if (rules_find(r, "refund", in->date, &rule) != DISPUTE_OK)
		return DISPUTE_FAILED;
	amount_format(in->price_fen, price);
	return fill_line(line, &rule, "refund", in->price_fen, 1, dispute_asprintf("退还货款"),
	    dispute_asprintf("refund of the price paid"), dispute_asprintf("退还实付货款 %s 元", price),
	    dispute_asprintf("the %s yuan paid, returned", price));
}

static const char *
loss_kind_of(const struct claim_input *in)
{
	if (in->loss_kind != NULL)
		return in->loss_kind;
	return in->category != NULL && strcmp(in->category, "harmful") == 0 ? "injury" :
	    "expense";
}

/*
 * The loss the buyer recorded is claimed as it is; the punitive lines come on top of it.
 * Its basis follows its kind: CPL art 49 covers personal injury only; damage to property
 * and costs such as an inspection fee are the losses a breach causes (the rules
 * "loss-property" and "breach-damages").
 */
static int
loss_line(const struct rules *r, const struct claim_input *in, struct claim_line *line)
{
	static const char *const kinds[][3] = {
		{ "injury", "人身损害赔偿", "compensation for personal injury" },
		{ "property", "财产损失赔偿", "compensation for damage to property" },
		{ "expense", "合理费用赔偿", "reimbursement of reasonable costs" },
	};
	const char *kind = loss_kind_of(in);
	struct rule first, second;
	char loss[AMOUNT_TEXT_MAX];
	size_t k;

	for (k = 0; k < 2 && strcmp(kinds[k][0], kind) != 0; k++)
		;
	if (rules_find(r, k == 0 ? "loss-compensation" : "breach-damages", in->date,
	    &first) != DISPUTE_OK)
		return DISPUTE_FAILED;
	amount_format(in->loss_fen, loss);
	if (fill_line(line, &first, "loss", in->loss_fen, 1, dispute_asprintf("%s",
	    in->loss_label != NULL ? in->loss_label : kinds[k][1]),
	    dispute_asprintf("%s", in->loss_label != NULL ? in->loss_label : kinds[k][2]),
	    dispute_asprintf("%s %s 元", in->loss_label != NULL ? in->loss_label : "已支出的费用", loss),
	    dispute_asprintf("%s of %s yuan", in->loss_label != NULL ? in->loss_label : "costs paid",
	    loss)) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (k != 1)
		return DISPUTE_OK;
	/* Property: the consumer law's article on damaged property beside the contract's. */
	if (rules_find(r, "loss-property", in->date, &second) != DISPUTE_OK)
		return DISPUTE_FAILED;
	free(line->law);
	line->law = dispute_asprintf("《%s》%s；《%s》%s", second.law, second.article, first.law,
	    first.article);
	line->confirmed = first.confirmed && second.confirmed;
	return line->law != NULL ? DISPUTE_OK : DISPUTE_FAILED;
}

/* CPL art 55(1): the price times the multiplier, at least the minimum. */
static int
fraud_line(const struct rules *r, const struct claim_input *in, struct claim_line *line)
{
	struct rule rule;
	int64_t multiplier, minimum, product;
	char price[AMOUNT_TEXT_MAX], result[AMOUNT_TEXT_MAX];
	char *below_zh = NULL, *below_en = NULL;
	int status = DISPUTE_FAILED;

	if (rules_find(r, "fraud-compensation", in->date, &rule) != DISPUTE_OK ||
	    rule_integer(&rule, "multiplier", &multiplier) != DISPUTE_OK ||
	    rule_integer(&rule, "minimum_fen", &minimum) != DISPUTE_OK)
		return DISPUTE_FAILED;
	product = in->price_fen * multiplier;
	amount_format(in->price_fen, price);
	amount_format(product, result);
	if (minimum_clauses(product, minimum, &below_zh, &below_en) != DISPUTE_OK)
		goto out;
	line->condition_zh = dispute_asprintf("经认定商家存在欺诈行为");
	line->condition_en = dispute_asprintf("if the seller is found to have acted fraudulently");
	if (fill_line(line, &rule, "fraud", product > minimum ? product : minimum,
	    in->chosen != NULL && strcmp(in->chosen, "fraud") == 0, dispute_asprintf("欺诈惩罚性赔偿"),
	    dispute_asprintf("punitive damages for fraud"),
	    dispute_asprintf("%s 元 × %lld = %s 元%s", price, (long long)multiplier, result, below_zh),
	    dispute_asprintf("%s yuan × %lld = %s yuan%s", price, (long long)multiplier, result,
	    below_en)) != DISPUTE_OK || line->condition_zh == NULL || line->condition_en == NULL)
		goto out;
	status = DISPUTE_OK;
out:
	free(below_zh);
	free(below_en);
	return status;
}

/*
 * A seller owes the food compensation only when it knew (明知) the food did not meet the
 * standards; for goods past their marked shelf life the judicial interpretation (rule
 * "food-expired-knowledge") treats the sale as knowing, which the condition then says.
 */
static int
food_conditions(const struct rules *r, const struct claim_input *in, struct claim_line *line)
{
	struct rule expired;
	char *law = NULL;

	if (in->category == NULL || strcmp(in->category, "expired") != 0) {
		line->condition_zh = dispute_asprintf("所购食品不符合食品安全标准，且被告作为经营者明知"
		    "（不影响食品安全且不会对消费者造成误导的标签、说明书瑕疵除外）");
		line->condition_en = dispute_asprintf("if the food is found not to meet food safety "
		    "standards and the defendant, as seller, knew it (flaws in labels or leaflets "
		    "that neither affect safety nor mislead excepted)");
		return line->condition_zh != NULL && line->condition_en != NULL ? DISPUTE_OK :
		    DISPUTE_FAILED;
	}
	if (rules_find(r, "food-expired-knowledge", in->date, &expired) != DISPUTE_OK ||
	    (law = law_text(&expired)) == NULL)
		return DISPUTE_FAILED;
	line->condition_zh = dispute_asprintf("所购食品不符合食品安全标准，且被告作为经营者明知；所售"
	    "食品已超过标注的保质期，依%s视为明知%s", law, expired.confirmed ? "" :
	    "（条号待核实）");
	line->condition_en = dispute_asprintf("if the food is found not to meet food safety standards "
	    "and the defendant, as seller, knew it; selling food past its marked shelf life is "
	    "treated as knowing under %s%s", law, expired.confirmed ? "" :
	    " (article number to be checked)");
	free(law);
	return line->condition_zh != NULL && line->condition_en != NULL ? DISPUTE_OK :
	    DISPUTE_FAILED;
}

/* Food Safety Law art 148(2): the larger of the price times one multiplier and the loss
 * times another (the buyer may pick either, so the larger is the claim), at least the
 * minimum. */
static int
food_line(const struct rules *r, const struct claim_input *in, struct claim_line *line)
{
	struct rule rule;
	int64_t price_mul, loss_mul, minimum, by_price, by_loss = -1, best;
	char price[AMOUNT_TEXT_MAX], price_result[AMOUNT_TEXT_MAX];
	char loss[AMOUNT_TEXT_MAX], loss_result[AMOUNT_TEXT_MAX], best_text[AMOUNT_TEXT_MAX];
	char *loss_zh = NULL, *loss_en = NULL, *below_zh = NULL, *below_en = NULL;
	int status = DISPUTE_FAILED;

	if (rules_find(r, "food-compensation", in->date, &rule) != DISPUTE_OK ||
	    rule_integer(&rule, "price_multiplier", &price_mul) != DISPUTE_OK ||
	    rule_integer(&rule, "loss_multiplier", &loss_mul) != DISPUTE_OK ||
	    rule_integer(&rule, "minimum_fen", &minimum) != DISPUTE_OK)
		return DISPUTE_FAILED;
	by_price = in->price_fen * price_mul;
	best = by_price;
	amount_format(in->price_fen, price);
	amount_format(by_price, price_result);
	if (in->loss_fen >= 0) {
		by_loss = in->loss_fen * loss_mul;
		if (by_loss > best)
			best = by_loss;
		amount_format(in->loss_fen, loss);
		amount_format(by_loss, loss_result);
		amount_format(best, best_text);
		loss_zh = dispute_asprintf("；损失 %s 元 × %lld = %s 元；取较高者 %s 元", loss,
		    (long long)loss_mul, loss_result, best_text);
		loss_en = dispute_asprintf("; loss %s yuan × %lld = %s yuan; the higher is %s yuan", loss,
		    (long long)loss_mul, loss_result, best_text);
	} else {
		loss_zh = dispute_asprintf("%s", "");
		loss_en = dispute_asprintf("%s", "");
	}
	if (loss_zh == NULL || loss_en == NULL ||
	    minimum_clauses(best, minimum, &below_zh, &below_en) != DISPUTE_OK)
		goto out;
	if (food_conditions(r, in, line) != DISPUTE_OK)
		goto out;
	if (fill_line(line, &rule, "food", best > minimum ? best : minimum,
	    in->chosen != NULL && strcmp(in->chosen, "food") == 0, dispute_asprintf("食品安全惩罚性赔偿"),
	    dispute_asprintf("punitive damages for unsafe food"),
	    dispute_asprintf("价款 %s 元 × %lld = %s 元%s%s", price, (long long)price_mul, price_result,
	    loss_zh, below_zh),
	    dispute_asprintf("price %s yuan × %lld = %s yuan%s%s", price, (long long)price_mul,
	    price_result, loss_en, below_en)) != DISPUTE_OK || line->condition_zh == NULL ||
	    line->condition_en == NULL)
		goto out;
	status = DISPUTE_OK;
out:
	free(loss_zh);
	free(loss_en);
	free(below_zh);
	free(below_en);
	return status;
}

static int
check_input(const struct claim_input *in)
{
	if (in->price_fen < 0 || in->price_fen > INPUT_MAX_FEN) {
		dispute_error(_("order.amount: the price must be 0 to 100000000.00 yuan"));
		return DISPUTE_FAILED;
	}
	if (in->loss_fen < -1 || in->loss_fen > INPUT_MAX_FEN) {
		dispute_error(_("problem.loss: the loss must be 0 to 100000000.00 yuan"));
		return DISPUTE_FAILED;
	}
	if (!date_valid(in->date)) {
		dispute_error(_("order.date: \"%s\" is not a date written YYYY-MM-DD (the rules in "
		    "force on it decide the claim)"), in->date != NULL ? in->date : _("(not set)"));
		return DISPUTE_FAILED;
	}
	if (in->chosen != NULL && strcmp(in->chosen, "none") != 0 &&
	    strcmp(in->chosen, "fraud") != 0 && strcmp(in->chosen, "food") != 0) {
		dispute_error(_("demand.compensation: \"%s\" is not one of: none, fraud, food"),
		    in->chosen);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

/* A compensation the buyer chose but the problem gives no basis for is refused, not
 * dropped: a complaint silently missing the demand the buyer asked for is worse. */
static int
check_choice(const struct claim_input *in, int fraud, int food)
{
	if (in->chosen == NULL)
		return DISPUTE_OK;
	if (strcmp(in->chosen, "fraud") == 0 && !fraud) {
		dispute_error(_("demand.compensation: \"fraud\" needs problem.category counterfeit "
		    "or not-as-described (it is \"%s\")"),
		    in->category != NULL ? in->category : _("unset"));
		return DISPUTE_FAILED;
	}
	if (strcmp(in->chosen, "food") == 0 && !food) {
		dispute_error(_("demand.compensation: \"food\" needs food goods (problem.food) "
		    "with problem.category expired or harmful (it is \"%s\"%s)"),
		    in->category != NULL ? in->category : _("unset"),
		    in->food ? "" : _(", not food"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static int
fee_lines(const struct rules *r, const char *date, struct claim *out)
{
	struct rule fee, half;

	if (rules_find(r, "filing-fee", date, &fee) != DISPUTE_OK ||
	    rules_find(r, "filing-fee-simplified", date, &half) != DISPUTE_OK ||
	    check_fee_amount(out->total_fen) != DISPUTE_OK ||
	    fee_from_rules(&fee, &half, out->total_fen, &out->filing_fee_fen,
	    &out->filing_fee_simplified_fen, &out->filing_fee_confirmed) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (strcmp(fee.law, half.law) == 0)
		out->filing_fee_law = dispute_asprintf("《%s》%s、%s", fee.law, fee.article, half.article);
	else
		out->filing_fee_law = dispute_asprintf("《%s》%s；《%s》%s", fee.law, fee.article, half.law,
		    half.article);
	return out->filing_fee_law != NULL ? DISPUTE_OK : DISPUTE_FAILED;
}

int
claim_compute(const struct rules *r, const struct claim_input *in, struct claim *out)
{
	int fraud, food, status = DISPUTE_FAILED;
	size_t i;

	memset(out, 0, sizeof *out);
	if (check_input(in) != DISPUTE_OK)
		return DISPUTE_FAILED;
	fraud = is_one_of(in->category, "counterfeit", "not-as-described");
	food = in->food && is_one_of(in->category, "expired", "harmful");
	if (check_choice(in, fraud, food) != DISPUTE_OK)
		return DISPUTE_FAILED;
	out->lines = calloc(MAX_LINES, sizeof *out->lines);
	if (out->lines == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	/* Count each line before filling it, so that claim_free releases a half-built one. */
	out->count = 1;
	if (refund_line(r, in, &out->lines[0]) != DISPUTE_OK)
		goto out;
	if (in->loss_fen > 0 && loss_line(r, in, &out->lines[out->count++]) != DISPUTE_OK)
		goto out;
	if (fraud && fraud_line(r, in, &out->lines[out->count++]) != DISPUTE_OK)
		goto out;
	if (food && food_line(r, in, &out->lines[out->count++]) != DISPUTE_OK)
		goto out;
	for (i = 0; i < out->count; i++)
		if (out->lines[i].chosen)
			out->total_fen += out->lines[i].amount_fen;
	if (fee_lines(r, in->date, out) != DISPUTE_OK)
		goto out;
	status = DISPUTE_OK;
out:
	if (status != DISPUTE_OK)
		claim_free(out);
	return status;
}

void
claim_free(struct claim *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->count; i++) {
		free(c->lines[i].label_zh);
		free(c->lines[i].label_en);
		free(c->lines[i].calculation_zh);
		free(c->lines[i].calculation_en);
		free(c->lines[i].law);
		free(c->lines[i].condition_zh);
		free(c->lines[i].condition_en);
	}
	free(c->lines);
	free(c->filing_fee_law);
	memset(c, 0, sizeof *c);
}
