/* Building the template view of a case. Amounts are passed to templates as the exact
 * decimal text produced by amount_format(), never as JSON numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/association.h"
#include "dispute/calendar.h"
#include "dispute/courts.h"
#include "dispute/draft-view.h"
#include "dispute/fields.h"
#include "dispute/i18n.h"
#include "dispute/ladder.h"
#include "dispute/report.h"
#include "dispute/timeline.h"
#include "dispute/validate.h"
#include "court-facts.h"
#include "claim.h"
#include "draft-quotes.h"
#include "evidence-view.h"

static const char *const platform_names[][3] = {
	{ "douyin", "抖音", "Douyin" },
	{ "taobao", "淘宝", "Taobao" },
	{ "jd", "京东", "JD.com" },
	{ "pinduoduo", "拼多多", "Pinduoduo" },
	{ "kuaishou", "快手", "Kuaishou" },
	{ "other", "购物平台", "the shopping platform" },
};

static const char *const category_names[][3] = {
	{ "quality", "商品存在质量问题", "the goods are defective" },
	{ "not-as-described", "商品与描述不符", "the goods differ from their description" },
	{ "expired", "商品已过保质期", "the goods are past their expiry date" },
	{ "harmful", "商品对人身健康造成损害", "the goods caused harm to health" },
	{ "counterfeit", "商品系假冒产品", "the goods are counterfeit" },
	{ "not-delivered", "商品未送达", "the goods were not delivered" },
	{ "other", "商品存在问题", "there is a problem with the goods" },
};

static const char *
lookup(const char *const table[][3], size_t rows, const char *code, int column)
{
	size_t i;

	for (i = 0; code != NULL && i < rows; i++)
		if (strcmp(table[i][0], code) == 0)
			return table[i][column];
	return NULL;
}

char *
mask_order_id(const char *id)
{
	size_t len = strlen(id), keep = len > 8 ? 4 : len > 4 ? 2 : 0;
	char *masked = NULL;

	if (asprintf(&masked, "%.*s****%s", (int)keep, id, id + len - keep) == -1) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	return masked;
}

/* Adds every fact of SECTION as a string member of a new object in VIEW. */
static cJSON *
add_section(cJSON *view, const struct dispute_case *c, const char *section)
{
	cJSON *object = cJSON_AddObjectToObject(view, section);
	const struct field *f;
	size_t n = strlen(section);

	for (f = field_table; object != NULL && f->name != NULL; f++) {
		const char *value = case_get(c, f->name);

		if (value != NULL && strncmp(f->name, section, n) == 0 && f->name[n] == '.')
			cJSON_AddStringToObject(object, f->name + n + 1, value);
	}
	return object;
}

static void
add_date(cJSON *object, const char *name, const char *date)
{
	char zh[32], key[64];

	if (date == NULL)
		return;
	date_format_zh(date, zh);
	snprintf(key, sizeof key, "%s_zh", name);
	cJSON_AddStringToObject(object, key, zh);
}

static void
add_order(cJSON *view, const struct dispute_case *c)
{
	cJSON *order = add_section(view, c, "order");
	const char *id = case_get(c, "order.id");
	char *masked = id != NULL ? mask_order_id(id) : NULL;

	if (masked != NULL)
		cJSON_AddStringToObject(order, "id_masked", masked);
	free(masked);
	add_date(order, "date", case_get(c, "order.date"));
	add_date(order, "received", case_get(c, "order.received"));
}

static void
add_platform(cJSON *view, const struct dispute_case *c)
{
	const char *code = case_get(c, "case.platform");
	cJSON *platform = add_section(view, c, "platform");
	size_t rows = sizeof platform_names / sizeof platform_names[0];

	if (code == NULL)
		return;
	cJSON_AddStringToObject(platform, "code", code);
	cJSON_AddStringToObject(platform, "name_zh", lookup(platform_names, rows, code, 1));
	cJSON_AddStringToObject(platform, "name_en", lookup(platform_names, rows, code, 2));
}

/* The plaintiff's particulars (民事诉讼法 第一百二十四条): gender and birth date as
 * recorded or as the ID number gives them, so that the complaint never lacks them
 * when the number is known. */
static void
add_claimant(cJSON *view, const struct dispute_case *c)
{
	cJSON *claimant = add_section(view, c, "claimant");
	const char *gender;
	char birth[11];
	const char *occupation = case_get(c, "claimant.occupation");
	const char *employer = case_get(c, "claimant.employer");
	char *work = NULL;
	int derived;

	field_claimant_particulars(c, &gender, birth, &derived);
	cJSON_AddBoolToObject(claimant, "particulars_derived", derived);
	/* 职业或工作单位: one clause with whichever is known. */
	if ((occupation != NULL || employer != NULL) && asprintf(&work, "%s%s%s",
	    occupation != NULL ? occupation : "", occupation != NULL && employer != NULL ?
	    "，" : "", employer != NULL ? employer : "") != -1) {
		cJSON_AddStringToObject(claimant, "work", work);
		free(work);
	}
	if (gender != NULL) {
		cJSON_DeleteItemFromObjectCaseSensitive(claimant, "gender");
		cJSON_AddStringToObject(claimant, "gender", gender);
		cJSON_AddStringToObject(claimant, "gender_zh", strcmp(gender, "male") == 0 ?
		    "男" : "女");
	}
	if (birth[0] != '\0') {
		cJSON_DeleteItemFromObjectCaseSensitive(claimant, "birth_date");
		cJSON_AddStringToObject(claimant, "birth_date", birth);
		add_date(claimant, "birth_date", birth);
	}
}

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

static void
add_agent(cJSON *view, const struct dispute_case *c)
{
	cJSON *agent = add_section(view, c, "agent");
	const char *kind = case_get(c, "agent.kind");

	cJSON_AddBoolToObject(agent, "is_lawyer", kind != NULL && strcmp(kind, "lawyer") == 0);
	cJSON_AddBoolToObject(agent, "is_citizen", kind != NULL && strcmp(kind, "citizen") == 0);
}

static const char *const numerals_zh[] = { "一", "二" };

/* One defendant: the facts of SECTION (merchant or platform) under their label. */
static cJSON *
defendant_view(cJSON *view, const char *section, const char *role, int number, int count)
{
	cJSON *d = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(view, section), 1);
	char label[32];

	if (d == NULL)
		return NULL;
	snprintf(label, sizeof label, "被告%s", count > 1 ? numerals_zh[number - 1] : "");
	cJSON_AddStringToObject(d, "label_zh", label);
	if (count > 1)
		snprintf(label, sizeof label, "Defendant %d", number);
	else
		snprintf(label, sizeof label, "Defendant");
	cJSON_AddStringToObject(d, "label_en", label);
	cJSON_AddStringToObject(d, "role", role);
	cJSON_AddBoolToObject(d, "is_platform", strcmp(section, "platform") == 0);
	return d;
}

/* The defendants' names in one line for the evidence list (对方当事人); absent when no
 * company is recorded. */
static void
add_opposing_parties(cJSON *view, const cJSON *defendants)
{
	char zh[1024] = "", en[1024] = "";
	const cJSON *d;
	const char *name;
	size_t zh_len = 0, en_len = 0;

	/* A name too long for the line leaves the line out rather than cut it. */
	cJSON_ArrayForEach(d, defendants) {
		if ((name = member(d, "company")) == NULL || zh_len >= sizeof zh ||
		    en_len >= sizeof en)
			continue;
		zh_len += (size_t)snprintf(zh + zh_len, sizeof zh - zh_len, "%s%s",
		    zh_len > 0 ? "、" : "", name);
		en_len += (size_t)snprintf(en + en_len, sizeof en - en_len, "%s%s",
		    en_len > 0 ? "; " : "", name);
	}
	if (zh_len > 0 && zh_len < sizeof zh && en_len < sizeof en) {
		cJSON_AddStringToObject(view, "opposing_parties_zh", zh);
		cJSON_AddStringToObject(view, "opposing_parties_en", en);
	}
}

/*
 * Who is sued: the shop's company; beside it the platform's company when recorded
 * (消费者权益保护法 第四十四条: liable when it cannot name the seller); for a self-operated
 * (自营) order the platform alone, being the seller. The complaint needs one copy
 * (副本) per defendant.
 */
static void
add_defendants(cJSON *view, const struct dispute_case *c)
{
	const char *self = case_get(c, "order.self_operated");
	const int self_operated = self != NULL && strcmp(self, "yes") == 0;
	const int has_platform = case_get(c, "platform.company") != NULL;
	cJSON *list = cJSON_AddArrayToObject(view, "defendants");
	int count = self_operated ? 1 : has_platform ? 2 : 1;

	if (self_operated)
		cJSON_AddItemToArray(list, defendant_view(view, has_platform ? "platform" :
		    "merchant", "self-operated", 1, count));
	else
		cJSON_AddItemToArray(list, defendant_view(view, "merchant", "seller", 1, count));
	if (!self_operated && has_platform)
		cJSON_AddItemToArray(list, defendant_view(view, "platform", "platform", 2, count));
	add_opposing_parties(view, list);
	cJSON_AddNumberToObject(view, "defendant_count", count);
	cJSON_AddStringToObject(view, "copies_zh", numerals_zh[count - 1]);
	cJSON_AddBoolToObject(view, "self_operated", self_operated);
	cJSON_AddBoolToObject(view, "platform_sued", !self_operated && has_platform);
}

/* problem.food defaults to yes for expired goods: expiry dates are a food matter first. */
static int
is_food(const struct dispute_case *c)
{
	const char *food = case_get(c, "problem.food");
	const char *category = case_get(c, "problem.category");

	if (food != NULL)
		return strcmp(food, "yes") == 0;
	return category != NULL && strcmp(category, "expired") == 0;
}

static void
add_problem(cJSON *view, const struct dispute_case *c)
{
	cJSON *problem = add_section(view, c, "problem");
	const char *category = case_get(c, "problem.category");
	size_t rows = sizeof category_names / sizeof category_names[0];

	cJSON_AddBoolToObject(problem, "is_food", is_food(c));
	if (category == NULL)
		return;
	cJSON_AddStringToObject(problem, "category_zh", lookup(category_names, rows, category, 1));
	cJSON_AddStringToObject(problem, "category_en", lookup(category_names, rows, category, 2));
}


/* The timeline with labels, and the contacts grouped by who was contacted. */
static void
add_timeline(cJSON *view, const struct dispute_case *c)
{
	cJSON *list = cJSON_AddArrayToObject(view, "timeline");
	cJSON *negotiation = cJSON_AddArrayToObject(view, "negotiation");
	cJSON *contacts = cJSON_AddObjectToObject(view, "contacts");
	const cJSON *item, *agreement = NULL;

	cJSON_ArrayForEach(item, case_timeline(c)) {
		const char *channel = member(item, "channel"), *outcome = member(item, "outcome");
		cJSON *e = cJSON_CreateObject(), *group;
		char zh[32];

		if (e == NULL)
			continue;
		date_format_zh(member(item, "date"), zh);
		cJSON_AddStringToObject(e, "date", member(item, "date"));
		cJSON_AddStringToObject(e, "date_zh", zh);
		cJSON_AddStringToObject(e, "channel", channel);
		cJSON_AddStringToObject(e, "channel_zh", timeline_label_zh(channel));
		cJSON_AddStringToObject(e, "outcome", outcome);
		cJSON_AddStringToObject(e, "outcome_zh", timeline_label_zh(outcome));
		if (member(item, "ref") != NULL)
			cJSON_AddStringToObject(e, "ref", member(item, "ref"));
		cJSON_AddStringToObject(e, "text", member(item, "text"));
		group = cJSON_GetObjectItemCaseSensitive(contacts, channel);
		if (group == NULL)
			group = cJSON_AddArrayToObject(contacts, channel);
		cJSON_AddItemToArray(group, cJSON_Duplicate(e, 1));
		/* The court complaint's account of the talks: a lawsuit is no part of them. */
		if (strcmp(channel, "court") != 0)
			cJSON_AddItemToArray(negotiation, cJSON_Duplicate(e, 1));
		cJSON_AddItemToArray(list, e);
	}
	/* The latest signed agreement: the settlement letter becomes its 和解协议. */
	cJSON_ArrayForEach(item, list)
		if (strcmp(member(item, "outcome"), "agreement") == 0)
			agreement = item;
	if (agreement != NULL)
		cJSON_AddItemToObject(view, "agreement", cJSON_Duplicate(agreement, 1));
	/* A settled case: the public post tells how it was resolved, not that it is not. */
	if (timeline_resolved(c))
		cJSON_AddItemToObject(view, "resolution",
		    cJSON_Duplicate(cJSON_GetArrayItem(list, cJSON_GetArraySize(list) - 1), 1));
}

static void
add_amount(cJSON *object, const char *name, int64_t fen)
{
	char text[AMOUNT_TEXT_MAX];

	amount_format(fen, text);
	cJSON_AddStringToObject(object, name, text);
}

static cJSON *
claim_line_view(const struct claim_line *l)
{
	cJSON *line = cJSON_CreateObject();

	if (line == NULL)
		return NULL;
	cJSON_AddStringToObject(line, "basis", l->basis);
	cJSON_AddStringToObject(line, "label_zh", l->label_zh);
	cJSON_AddStringToObject(line, "label_en", l->label_en);
	add_amount(line, "amount", l->amount_fen);
	cJSON_AddStringToObject(line, "calculation_zh", l->calculation_zh);
	cJSON_AddStringToObject(line, "calculation_en", l->calculation_en);
	cJSON_AddStringToObject(line, "law", l->law);
	if (l->condition_zh != NULL) {
		cJSON_AddStringToObject(line, "condition_zh", l->condition_zh);
		cJSON_AddStringToObject(line, "condition_en", l->condition_en);
	}
	cJSON_AddBoolToObject(line, "confirmed", l->confirmed);
	cJSON_AddBoolToObject(line, "chosen", l->chosen);
	return line;
}

/* The claim needs a price; without one the view simply has no "claim". */
static int
add_claim(cJSON *view, const struct dispute_case *c, const struct rules *rules)
{
	struct claim_input in;
	struct claim claim;
	cJSON *object, *lines, *chosen;
	char reason[VALIDATE_REASON_MAX];
	const char *amount = case_get(c, "order.amount"), *loss = case_get(c, "problem.loss");
	size_t i;

	if (amount == NULL || case_get(c, "order.date") == NULL || rules == NULL)
		return DISPUTE_OK;
	memset(&in, 0, sizeof in);
	in.category = case_get(c, "problem.category");
	in.food = is_food(c);
	in.date = case_get(c, "order.date");
	in.chosen = case_get(c, "demand.compensation");
	in.loss_kind = case_get(c, "problem.loss_kind");
	in.loss_label = case_get(c, "problem.loss_label");
	in.loss_fen = -1;
	if (amount_parse(amount, &in.price_fen, reason, sizeof reason) != DISPUTE_OK ||
	    (loss != NULL && amount_parse(loss, &in.loss_fen, reason, sizeof reason) != DISPUTE_OK)) {
		dispute_error(_("%s: an amount is damaged: %s"), case_file(c), reason);
		return DISPUTE_FAILED;
	}
	if (claim_compute(rules, &in, &claim) != DISPUTE_OK)
		return DISPUTE_FAILED;
	object = cJSON_AddObjectToObject(view, "claim");
	lines = cJSON_AddArrayToObject(object, "lines");
	chosen = cJSON_AddArrayToObject(object, "chosen_lines");
	for (i = 0; i < claim.count; i++) {
		cJSON_AddItemToArray(lines, claim_line_view(&claim.lines[i]));
		if (claim.lines[i].chosen)
			cJSON_AddItemToArray(chosen, claim_line_view(&claim.lines[i]));
	}
	add_amount(object, "total", claim.total_fen);
	add_amount(object, "filing_fee", claim.filing_fee_fen);
	add_amount(object, "filing_fee_simplified", claim.filing_fee_simplified_fen);
	cJSON_AddStringToObject(object, "filing_fee_law", claim.filing_fee_law);
	cJSON_AddBoolToObject(object, "filing_fee_confirmed", claim.filing_fee_confirmed);
	claim_free(&claim);
	return DISPUTE_OK;
}

static int
is_yes(const struct dispute_case *c, const char *name)
{
	const char *value = case_get(c, name);

	return value != NULL && strcmp(value, "yes") == 0;
}

/* 产品责任纠纷 when harmful goods injured the buyer, else the contract dispute; a
 * recorded case.cause wins. */
static void
add_cause(cJSON *view, const struct dispute_case *c)
{
	const char *cause = case_get(c, "case.cause");
	const char *category = case_get(c, "problem.category");
	const char *kind = case_get(c, "problem.loss_kind");
	const int harmful = category != NULL && strcmp(category, "harmful") == 0;
	const int injury = kind != NULL ? strcmp(kind, "injury") == 0 :
	    harmful && case_get(c, "problem.loss") != NULL;

	if (cause != NULL) {
		cJSON_AddStringToObject(view, "cause_zh", cause);
		cJSON_AddStringToObject(view, "cause_en", cause);
	} else if (harmful && injury) {
		cJSON_AddStringToObject(view, "cause_zh", "产品责任纠纷");
		cJSON_AddStringToObject(view, "cause_en", "product liability dispute");
	} else {
		cJSON_AddStringToObject(view, "cause_zh", "网络购物合同纠纷");
		cJSON_AddStringToObject(view, "cause_en",
		    "dispute over an online shopping contract");
	}
}

/* One numbered claim of the court complaint. */
static void
add_court_claim(cJSON *list, char *zh, char *en, const cJSON *line)
{
	cJSON *item = cJSON_CreateObject();

	if (item != NULL && zh != NULL && en != NULL) {
		cJSON_AddNumberToObject(item, "number", cJSON_GetArraySize(list) + 1);
		cJSON_AddStringToObject(item, "text_zh", zh);
		cJSON_AddStringToObject(item, "text_en", en);
		if (line != NULL) {
			cJSON_AddItemToObject(item, "amount", cJSON_Duplicate(
			    cJSON_GetObjectItemCaseSensitive(line, "amount"), 1));
			cJSON_AddItemToObject(item, "calculation_zh", cJSON_Duplicate(
			    cJSON_GetObjectItemCaseSensitive(line, "calculation_zh"), 1));
			cJSON_AddItemToObject(item, "calculation_en", cJSON_Duplicate(
			    cJSON_GetObjectItemCaseSensitive(line, "calculation_en"), 1));
			cJSON_AddItemToObject(item, "law", cJSON_Duplicate(
			    cJSON_GetObjectItemCaseSensitive(line, "law"), 1));
		}
		cJSON_AddItemToArray(list, item);
	} else {
		cJSON_Delete(item);
	}
	free(zh);
	free(en);
}

/*
 * The element-style complaint's claims, each on its own numbered line: terminating the
 * contract (demand.terminate), every chosen money line with its computation, the
 * platform's liability when it is sued, and the costs.
 */
static void
add_court_claims(cJSON *view, const struct dispute_case *c)
{
	const cJSON *claim = cJSON_GetObjectItemCaseSensitive(view, "claim"), *line;
	const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(view,
	    "defendants"), 0);
	const char *who_zh = member(first, "label_zh"), *who_en = member(first, "label_en");
	cJSON *list = cJSON_AddArrayToObject(view, "court_claims");
	int money_first = 0, money_last = 0;

	if (is_yes(c, "demand.terminate"))
		add_court_claim(list, dispute_asprintf("判令解除原告与%s之间的网络购物合同，原告将所购商品"
		    "退还%s，退货运费由%s承担", who_zh, who_zh, who_zh),
		    dispute_asprintf("terminate the online shopping contract between the plaintiff and "
		    "%s, the plaintiff returning the goods to %s at %s's cost", who_en, who_en,
		    who_en), NULL);
	cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(claim, "chosen_lines")) {
		const int refund = strcmp(member(line, "basis"), "refund") == 0;

		add_court_claim(list, dispute_asprintf("判令%s向原告%s%s人民币%s元", who_zh, refund ? "" :
		    "支付", member(line, "label_zh"), member(line, "amount")),
		    dispute_asprintf("order %s to pay the plaintiff CNY %s as %s", who_en,
		    member(line, "amount"), member(line, "label_en")), line);
		money_last = cJSON_GetArraySize(list);
		if (money_first == 0)
			money_first = money_last;
	}
	if (money_first > 0 && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(view,
	    "platform_sued")))
		add_court_claim(list, money_first == money_last ?
		    dispute_asprintf("判令被告二对上述第%d项款项承担赔偿责任", money_first) :
		    dispute_asprintf("判令被告二对上述第%d项至第%d项款项承担赔偿责任", money_first, money_last),
		    money_first == money_last ?
		    dispute_asprintf("order Defendant 2 to answer for the sum in claim %d", money_first) :
		    dispute_asprintf("order Defendant 2 to answer for the sums in claims %d to %d",
		    money_first, money_last), NULL);
	add_court_claim(list, dispute_asprintf("判令本案诉讼费用由被告承担"),
	    dispute_asprintf("order the defendant%s to bear the costs of this case",
	    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(view, "defendants")) > 1 ?
	    "s" : ""), NULL);
}

/* The element-style complaint's procedural answers, each "待填" when not recorded. */
static void
add_court_answers(cJSON *view, const struct dispute_case *c)
{
	const char *service = case_get(c, "claimant.service_address");
	const char *e_service = case_get(c, "claimant.e_service");
	const char *mediate = case_get(c, "case.mediate_first");
	cJSON *court = cJSON_AddObjectToObject(view, "court");

	cJSON_AddStringToObject(court, "service_address", service != NULL ? service :
	    case_get(c, "claimant.address") != NULL ? case_get(c, "claimant.address") : "");
	if (e_service != NULL)
		cJSON_AddBoolToObject(court, "e_service", strcmp(e_service, "yes") == 0);
	if (mediate != NULL)
		cJSON_AddBoolToObject(court, "mediate_first", strcmp(mediate, "yes") == 0);
	cJSON_AddBoolToObject(court, "preservation", is_yes(c, "case.preservation"));
	cJSON_AddBoolToObject(court, "terminate", is_yes(c, "demand.terminate"));
}

/* The one sentence on why the chosen court has jurisdiction: present when case.court is
 * one of the courts the case's addresses give. */
static int
add_jurisdiction(cJSON *view, const struct dispute_case *c, const struct rules *rules,
    const char *today)
{
	const char *chosen = case_get(c, "case.court");
	struct court_table table;
	const cJSON *court;
	cJSON *list = NULL, *jurisdiction;
	int status = DISPUTE_FAILED;

	if (chosen == NULL || rules == NULL)
		return DISPUTE_OK;
	if (courts_load_default(&table) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (courts_for_case(&table, rules, c, today, &list) != DISPUTE_OK)
		goto out;
	cJSON_ArrayForEach(court, cJSON_GetObjectItemCaseSensitive(list, "courts"))
		if (strcmp(member(court, "court"), chosen) == 0) {
			jurisdiction = cJSON_AddObjectToObject(view, "jurisdiction");
			cJSON_AddStringToObject(jurisdiction, "reason_zh", member(court, "reason_zh"));
			cJSON_AddStringToObject(jurisdiction, "reason_en", member(court, "reason_en"));
			cJSON_AddBoolToObject(jurisdiction, "confirmed", cJSON_IsTrue(
			    cJSON_GetObjectItemCaseSensitive(court, "confirmed")));
			break;
		}
	status = DISPUTE_OK;
out:
	cJSON_Delete(list);
	courts_free(&table);
	return status;
}

/* What is not known of who the seller is, in words, for the request to the platform:
 * seller.missing_zh "企业名称、统一社会信用代码", seller.missing_en. */
static void
add_seller(cJSON *view, const struct dispute_case *c)
{
	static const char *const words[][3] = {
		{ "merchant.company", "名称", "legal name" },
		{ "merchant.credit_code", "统一社会信用代码", "unified social credit code" },
		{ "merchant.address", "地址", "address" },
	};
	cJSON *missing = cJSON_CreateArray(), *seller = cJSON_AddObjectToObject(view, "seller");
	const cJSON *item;
	char zh[128] = "", en[128] = "";
	size_t i;

	if (missing != NULL && seller != NULL && ladder_seller_missing(c, missing) > 0) {
		cJSON_ArrayForEach(item, missing)
			for (i = 0; i < sizeof words / sizeof words[0]; i++)
				if (strcmp(item->valuestring, words[i][0]) == 0) {
					snprintf(zh + strlen(zh), sizeof zh - strlen(zh), "%s%s",
					    zh[0] != '\0' ? "、" : "", words[i][1]);
					snprintf(en + strlen(en), sizeof en - strlen(en), "%s%s",
					    en[0] != '\0' ? ", " : "", words[i][2]);
				}
		cJSON_AddStringToObject(seller, "missing_zh", zh);
		cJSON_AddStringToObject(seller, "missing_en", en);
	}
	cJSON_Delete(missing);
}

/* Which regulator takes a 12315 complaint, under the rule in force on TODAY, the day
 * the draft is written for filing. */
static int
add_regulator(cJSON *view, const struct rules *rules, const char *today)
{
	const char *summary_en;
	cJSON *regulator;
	struct rule rule;

	if (rules_find(rules, "12315-jurisdiction", today, &rule) != DISPUTE_OK)
		return DISPUTE_FAILED;
	regulator = cJSON_AddObjectToObject(view, "regulator");
	cJSON_AddStringToObject(regulator, "summary", rule.summary);
	summary_en = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(rule.json, "summary_en"));
	if (summary_en != NULL)
		cJSON_AddStringToObject(regulator, "summary_en", summary_en);
	cJSON_AddStringToObject(regulator, "law", rule.law);
	cJSON_AddStringToObject(regulator, "article", rule.article);
	cJSON_AddBoolToObject(regulator, "confirmed", rule.confirmed);
	return DISPUTE_OK;
}

/* The consumer association by name, for the letter's salutation. */
static void
add_association(cJSON *view, const struct dispute_case *c)
{
	int derived;
	char *name = association_name(c, &derived);

	if (name == NULL)
		return;
	cJSON_AddStringToObject(view, "association", name);
	cJSON_AddBoolToObject(view, "association_derived", derived);
	free(name);
}

/* The merchant's first refusal quoted from the chats, in exhibit order. */
static int
add_merchant_reply(cJSON *view, const struct evidence_rows *rows)
{
	char zh[EXHIBIT_LABEL_LEN], en[EXHIBIT_LABEL_LEN];
	size_t i;
	int added = 0;

	for (i = 0; i < rows->items && added == 0; i++) {
		exhibit_label(rows->rows[i].n, 0, zh);
		exhibit_label(rows->rows[i].n, 1, en);
		added = draft_quotes_reply(view, rows->rows[i].item, zh, en);
	}
	if (added >= 0)
		return DISPUTE_OK;
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

void
draft_view_free(struct draft_view *view)
{
	if (view == NULL)
		return;
	cJSON_Delete(view->json);
	evidence_rows_free(view->evidence);
	free(view);
}

int
draft_view_build(const struct dispute_case *c, const struct rules *rules, const char *today,
    struct draft_view **out)
{
	struct draft_view *v = calloc(1, sizeof *v);
	cJSON *view;
	char zh[32];

	*out = NULL;
	if (v == NULL || (v->json = view = cJSON_CreateObject()) == NULL) {
		free(v);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	date_format_zh(today, zh);
	cJSON_AddStringToObject(view, "today", today);
	cJSON_AddStringToObject(view, "today_zh", zh);
	add_section(view, c, "case");
	add_claimant(view, c);
	add_section(view, c, "merchant");
	add_section(view, c, "demand");
	add_agent(view, c);
	add_platform(view, c);
	add_defendants(view, c);
	add_order(view, c);
	add_problem(view, c);
	add_timeline(view, c);
	add_seller(view, c);
	add_association(view, c);
	if (evidence_rows_add(view, c, &v->evidence) != DISPUTE_OK ||
	    add_merchant_reply(view, v->evidence) != DISPUTE_OK ||
	    add_regulator(view, rules, today) != DISPUTE_OK ||
	    add_claim(view, c, rules) != DISPUTE_OK ||
	    court_facts_add(view, v->evidence, c, rules) != DISPUTE_OK ||
	    add_jurisdiction(view, c, rules, today) != DISPUTE_OK) {
		draft_view_free(v);
		return DISPUTE_FAILED;
	}
	add_cause(view, c);
	add_court_claims(view, c);
	add_court_answers(view, c);
	v->data = (struct template_data){ view, v->evidence->lists, EVIDENCE_LISTS };
	*out = v;
	return DISPUTE_OK;
}
