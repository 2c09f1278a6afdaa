/* What the buyer may demand, computed from the problem and the price under the rules
 * in force (rules.h). Every amount is exact, in fen. */
#ifndef DISPUTE_CLAIM_H
#define DISPUTE_CLAIM_H

#include <stddef.h>
#include <stdint.h>

#include "dispute/rules.h"

struct claim_input {
	const char *category;   /* problem.category */
	int food;               /* problem.food: the goods are food */
	int64_t price_fen;      /* order.amount */
	int64_t loss_fen;       /* problem.loss (e.g. medical costs); -1 when not recorded */
	const char *date;       /* the date that selects the rules: order.date */
	const char *chosen;     /* demand.compensation: "none", "fraud", "food"; NULL = none */
	const char *loss_kind;  /* problem.loss_kind: "injury", "property", "expense"; NULL:
	                         * injury for harmful goods, else expense */
	const char *loss_label; /* problem.loss_label: the buyer's name for the loss, or NULL */
};

struct claim_line {
	const char *basis;      /* "refund", "loss", "fraud", "food" (fixed strings) */
	char *label_zh;         /* "退还货款", "三倍赔偿" ... */
	char *label_en;
	int64_t amount_fen;
	char *calculation_zh;   /* "129.00 元 × 3 = 387.00 元，不足 500 元的按 500 元计" */
	char *calculation_en;
	char *law;              /* law and article, e.g. "《中华人民共和国消费者权益保护法》第五十五条第一款" */
	char *condition_zh;     /* NULL when the line is due without a further legal finding */
	char *condition_en;
	int confirmed;          /* the rule's text was confirmed */
	int chosen;             /* included in the total: the refund, and the compensation chosen */
};

struct claim {
	struct claim_line *lines;
	size_t count;
	int64_t total_fen;                 /* sum of the chosen lines */
	int64_t filing_fee_fen;            /* court acceptance fee on the total */
	int64_t filing_fee_simplified_fen; /* halved under the simplified procedure */
	char *filing_fee_law;
	int filing_fee_confirmed;
};

/* Fills CLAIM: the refund always; the recorded loss when there is one; the fraud basis (3x, minimum) as a possible line for
 * counterfeit and not-as-described goods; the food basis (10x the price or 3x the loss,
 * minimum) for food that is expired or harmful; the filing fee on the chosen total.
 * Prices and losses are 0 to 100,000,000 yuan. A compensation chosen that the category
 * gives no basis for is reported and refused rather than dropped. On failure CLAIM is
 * empty (claim_free is harmless on it). */
int claim_compute(const struct rules *r, const struct claim_input *in, struct claim *out);
void claim_free(struct claim *c);

/* The court acceptance fee for a property claim of AMOUNT_FEN under the fee bands in
 * force on DATE, rounded once, half up, to the fen; HALVED for the simplified procedure:
 * that fee divided by the rule's divisor, again half up to the fen. */
int claim_filing_fee(const struct rules *r, int64_t amount_fen, const char *date,
    int64_t *fee_fen, int64_t *halved_fen);

#endif
