/* Legal figures as data: deadlines, multipliers, minimums and fee bands live in
 * rules/zh-CN.json, each with its law, article, effective date and whether its text
 * was confirmed. The program picks the version in force on the relevant date, so a
 * change in the law is a data change, never a code change. */
#ifndef DISPUTE_RULES_H
#define DISPUTE_RULES_H

#include <stdint.h>

#include <cjson/cJSON.h>

struct rules {
	char *path;
	cJSON *root;
};

/* One version of a rule. Strings point into the loaded table. */
struct rule {
	const char *id;         /* "fraud-compensation" */
	const char *law;        /* "中华人民共和国消费者权益保护法" */
	const char *article;    /* "第五十五条第一款" */
	const char *effective;  /* YYYY-MM-DD, first day in force */
	const char *until;      /* YYYY-MM-DD, last day in force, or NULL */
	const char *summary;    /* one line in Chinese: what the rule says */
	int confirmed;          /* 0: show "check the current official text" beside it */
	const cJSON *json;      /* the rule object, for its figures */
	const char *path;       /* the table it came from, for messages */
};

/* Loads and checks a rule table; a malformed table is reported with its file. Every
 * number in a rule must be a whole, non-negative figure; multipliers and divisors are
 * 1-1000 and amounts at most 10^13 fen, so that sums and products of figures with any
 * amount up to 100,000,000 yuan stay far inside int64_t. */
int rules_load(const char *path, struct rules *out);
/* Loads rules/zh-CN.json from the data folder (datadir.h). */
int rules_load_default(struct rules *out);
void rules_free(struct rules *r);

/* The version of rule ID in force on DATE (YYYY-MM-DD). Reports and fails when the table
 * has no such rule or none in force on that date. */
int rules_find(const struct rules *r, const char *id, const char *date, struct rule *out);

/* An integer figure of RULE, e.g. "multiplier", "minimum_fen", "working_days", "years".
 * Reports and fails when absent or not a whole number. A rule whose figure is unknown
 * (an unconfirmed new text) omits it; test with cJSON_GetObjectItemCaseSensitive(rule->json,
 * NAME) first where absence is expected. */
int rule_integer(const struct rule *rule, const char *name, int64_t *value);

#endif
