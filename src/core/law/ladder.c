/* Assessing the case's place on the ladder. The deadlines come from the rule table and
 * the holiday table; nothing here knows a legal number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/date.h"
#include "dispute/i18n.h"
#include "dispute/ladder.h"
#include "dispute/report.h"
#include "dispute/timeline.h"
#include "dispute/validate.h"

enum rung { RUNG_EVIDENCE, RUNG_PLATFORM, RUNG_AUTHORITY, RUNG_COURT, RUNG_SOCIAL, RUNG_COUNT };

static const char *const rung_names[RUNG_COUNT][3] = {
	{ "evidence", "保留证据、与商家协商", "keep evidence, ask the merchant" },
	{ "platform", "向平台投诉", "complain to the platform" },
	{ "authority", "12315 / 消费者协会", "12315 / consumer association" },
	{ "court", "起诉", "lawsuit" },
	{ "social", "公开发布", "public post" },
};

static enum rung
rung_of_channel(const char *channel)
{
	if (strcmp(channel, "platform") == 0)
		return RUNG_PLATFORM;
	if (strcmp(channel, "12315") == 0 || strcmp(channel, "consumer-association") == 0)
		return RUNG_AUTHORITY;
	if (strcmp(channel, "court") == 0)
		return RUNG_COURT;
	if (strcmp(channel, "social") == 0)
		return RUNG_SOCIAL;
	return RUNG_EVIDENCE;
}

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

static int
has_kind(const struct dispute_case *c, const char *kind)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, case_evidence(c))
		if (strcmp(member(item, "kind"), kind) == 0)
			return 1;
	return 0;
}

/* The latest contact on CHANNEL (NULL for any), or NULL. */
static const cJSON *
last_contact(const struct dispute_case *c, const char *channel)
{
	const cJSON *item, *last = NULL;

	cJSON_ArrayForEach(item, case_timeline(c))
		if (channel == NULL || strcmp(member(item, "channel"), channel) == 0)
			last = item;
	return last;
}

/* The first contact on CHANNEL, or NULL. */
static const cJSON *
first_contact(const struct dispute_case *c, const char *channel)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, case_timeline(c))
		if (strcmp(member(item, "channel"), channel) == 0)
			return item;
	return NULL;
}

/* The latest contact that ended with OUTCOME, or NULL. */
static const cJSON *
last_outcome(const struct dispute_case *c, const char *outcome)
{
	const cJSON *item, *last = NULL;

	cJSON_ArrayForEach(item, case_timeline(c))
		if (strcmp(member(item, "outcome"), outcome) == 0)
			last = item;
	return last;
}

/* 12315 and the consumer association are alternatives for one dispute: 12315 does not
 * accept a dispute that the association (or a court) has handled. The first of the two
 * contacted is the buyer's route; NULL while neither has been. */
static const char *
authority_route(const struct dispute_case *c)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, case_timeline(c)) {
		const char *channel = member(item, "channel");

		if (strcmp(channel, "12315") == 0 || strcmp(channel, "consumer-association") == 0)
			return channel;
	}
	return NULL;
}

const char *
ladder_harm_known(const struct dispute_case *c)
{
	const char *from = case_get(c, "problem.found");

	if (from == NULL)
		from = case_get(c, "order.received");
	return from != NULL ? from : case_get(c, "order.date");
}

/* DATE as a Chinese document writes it, in BUF (at least 32 bytes). */
static const char *
zh_day(const char *date, char *buf)
{
	date_format_zh(date, buf);
	return buf;
}

/* A public post must not call a resolved case unresolved; 12315 does not take what a
 * court or the consumer association has had, citing its grounds for not accepting a
 * complaint (rule 12315-not-accepted) in force on TODAY. */
char *
ladder_obstacle(const struct dispute_case *c, const struct rules *rules, const char *today,
    const char *recipient, int en)
{
	const cJSON *other;
	struct rule rule;
	const char *check;
	char *reason = NULL, zh[32];
	int n = -1;

	if (strcmp(recipient, "social") == 0) {
		const cJSON *last = cJSON_GetArrayItem(case_timeline(c),
		    cJSON_GetArraySize(case_timeline(c)) - 1);

		if (!timeline_resolved(c))
			return NULL;
		n = en ? asprintf(&reason, "the case was resolved on %s: a post saying it is not "
		    "would be false (--force writes an account of how it was resolved instead)",
		    member(last, "date")) : asprintf(&reason, "本案已于%s解决，再称“未能解决”与事实"
		    "不符（--force 改为如实说明解决经过）", zh_day(member(last, "date"), zh));
		return n < 0 ? NULL : reason;
	}
	if (strcmp(recipient, "12315") != 0)
		return NULL;
	/* Counted from the day the other body first had the dispute. */
	other = first_contact(c, "court");
	if (other == NULL)
		other = first_contact(c, "consumer-association");
	if (other == NULL || rules_find(rules, "12315-not-accepted", today, &rule) != DISPUTE_OK)
		return NULL;
	check = rule.confirmed ? "" : en ? "; check the current official text" : "，请核对现行官方文本";
	if (strcmp(member(other, "channel"), "court") == 0)
		n = en ? asprintf(&reason, "this dispute went to court on %s; the market regulator "
		    "does not accept a complaint about a dispute that a court has taken or decided "
		    "(%s %s%s)", member(other, "date"), rule.law, rule.article, check) :
		    asprintf(&reason, "本争议已于%s向法院起诉；法院已受理或处理的争议，市场监督管理部门"
		    "不予受理投诉（%s%s%s）", zh_day(member(other, "date"), zh), rule.law, rule.article,
		    check);
	else
		n = en ? asprintf(&reason, "this dispute went to the consumer association on %s; the "
		    "market regulator does not accept a complaint about a dispute that the consumer "
		    "association or another body has handled, so choose one of the two (%s %s%s)",
		    member(other, "date"), rule.law, rule.article, check) :
		    asprintf(&reason, "本争议已于%s向消费者协会投诉；消费者协会等机构已处理的同一争议，"
		    "市场监督管理部门不予受理投诉，两者只能择一（%s%s%s）",
		    zh_day(member(other, "date"), zh), rule.law, rule.article, check);
	return n < 0 ? NULL : reason;
}

int
ladder_seller_missing(const struct dispute_case *c, cJSON *missing)
{
	const char *code = case_get(c, "merchant.credit_code");
	char canon[19], reason[VALIDATE_REASON_MAX];
	int count = 0;

	if (case_get(c, "merchant.company") == NULL && ++count)
		cJSON_AddItemToArray(missing, cJSON_CreateString("merchant.company"));
	/* A case.json edited by hand may hold a code that fails its check character. */
	if ((code == NULL || validate_credit_code(code, canon, reason, sizeof reason) !=
	    DISPUTE_OK) && ++count)
		cJSON_AddItemToArray(missing, cJSON_CreateString("merchant.credit_code"));
	if (case_get(c, "merchant.address") == NULL && ++count)
		cJSON_AddItemToArray(missing, cJSON_CreateString("merchant.address"));
	return count;
}

static void
need(cJSON *missing, const char *what_zh, const char *what_en, const char *command)
{
	cJSON *item = cJSON_CreateObject();

	if (item == NULL)
		return;
	cJSON_AddStringToObject(item, "zh", what_zh);
	cJSON_AddStringToObject(item, "en", what_en);
	cJSON_AddStringToObject(item, "command", command);
	cJSON_AddItemToArray(missing, item);
}

/* What the next rung expects to be on file, cumulatively. */
static void
missing_for(const struct dispute_case *c, enum rung next, cJSON *missing)
{
	const char *category = case_get(c, "problem.category");
	int not_delivered = category != NULL && strcmp(category, "not-delivered") == 0;

	if (!has_kind(c, "order") && !has_kind(c, "receipt"))
		need(missing, "订单截图或付款凭证", "an order screenshot or payment record",
		    "dispute add-evidence -k order FILE");
	if (!not_delivered && !has_kind(c, "defect"))
		need(missing, "商品问题的照片或视频", "a photo or video of the defect",
		    "dispute add-evidence -k defect FILE");
	if (not_delivered && !has_kind(c, "logistics"))
		need(missing, "物流记录", "the delivery tracking record",
		    "dispute add-evidence -k logistics FILE");
	if (last_contact(c, "merchant") == NULL && !has_kind(c, "chat"))
		need(missing, "与商家联系的记录", "a record of contacting the merchant",
		    "dispute log -c merchant -o OUTCOME TEXT");
	if (next >= RUNG_AUTHORITY && last_contact(c, "platform") == NULL)
		need(missing, "向平台投诉的记录", "a record of the complaint to the platform",
		    "dispute log -c platform -o OUTCOME TEXT");
	if (next >= RUNG_COURT && category != NULL && strcmp(category, "harmful") == 0 &&
	    !has_kind(c, "medical"))
		need(missing, "医疗诊断材料", "the medical diagnosis",
		    "dispute add-evidence -k medical FILE");
}

/* Why a deadline is less than certain, in both languages of the drafts and the page. */
struct deadline_note {
	const char *zh, *en;
};

static const struct deadline_note
	note_no_holidays_span = {
		"此期间部分年份没有节假日表：只跳过了周末",
		"no holiday table for part of this span: only weekends were skipped there" },
	note_holidays_unconfirmed = {
		"此期间的节假日表未与官方通知核对",
		"the holiday table for this span is not confirmed against the official notice" },
	note_restarted_by_complaint = {
		"因向 12315 或消费者协会投诉而重新起算：最高人民法院诉讼时效规定（第十一条）未经官方文本核对",
		"restarted by the complaint to 12315 or the consumer association: the SPC's "
		"limitation rules (art. 11) were not read from the official text" },
	note_no_holidays_year = {
		"该年份没有节假日表：如该日为法定节假日，期间顺延至其后第一个工作日（民法典第二百零三条）",
		"no holiday table for that year: if the day turns out to be a public holiday, the "
		"period runs to the next working day (Civil Code art. 203)" },
	note_day_off = {
		"期间最后一日为休息日，顺延至其后第一个工作日（民法典第二百零三条）",
		"the last day falls on a day off, so the period runs to the next working day "
		"(Civil Code art. 203)" },
	note_return_exclusions = {
		"不适用于法定例外：定制商品、鲜活易腐商品、在线下载或已拆封的音像制品和计算机软件等"
		"数字化商品、已交付的报纸期刊；其他根据性质不宜退货的商品，须购买时经消费者确认方可"
		"不适用。退回的商品应当完好（消费者权益保护法第二十五条）",
		"does not apply to the statutory exceptions: made-to-order goods, fresh or perishable "
		"goods, downloaded or unsealed audio-visual products and software, delivered newspapers "
		"and periodicals; other goods unsuited to it by nature only when the buyer confirmed "
		"that at purchase. The goods must go back intact (CRPL art. 25)" },
	note_refund_quality = {
		"此七日针对无理由退货；因质量问题退货的，经营者同样应退还价款并负担运费"
		"（消费者权益保护法第二十四条），但法律没有另定天数",
		"these seven days are for a return without reason; for goods returned because they "
		"fail their quality the seller must refund too and bear the shipping (CRPL art. 24), "
		"but the law sets no number of days" },
	note_product_defect = {
		"这一两年期间在民法典之外是否仍然适用存在争议：稳妥起见请在此日前起诉",
		"whether this two-year period still applies beside the Civil Code is disputed: sue "
		"before this date to be safe" };

/* Adds {what, date, rule, article, summary, confirmed, note} to DEADLINES. */
static void
add_deadline(cJSON *deadlines, const char *what_zh, const char *what_en, const char *date,
    const struct rule *rule, const char *counted_from, const struct deadline_note *note,
    int doubt)
{
	cJSON *d = cJSON_CreateObject();

	if (d == NULL)
		return;
	cJSON_AddStringToObject(d, "zh", what_zh);
	cJSON_AddStringToObject(d, "en", what_en);
	cJSON_AddStringToObject(d, "date", date);
	cJSON_AddStringToObject(d, "counted_from", counted_from);
	cJSON_AddStringToObject(d, "rule", rule->id);
	cJSON_AddStringToObject(d, "law", rule->law);
	cJSON_AddStringToObject(d, "article", rule->article);
	if (rule->summary != NULL)
		cJSON_AddStringToObject(d, "summary", rule->summary);
	cJSON_AddBoolToObject(d, "confirmed", rule->confirmed && !doubt);
	if (note != NULL) {
		cJSON_AddStringToObject(d, "note", note->en);
		cJSON_AddStringToObject(d, "note_zh", note->zh);
	}
	cJSON_AddItemToArray(deadlines, d);
}

/* Why a working-day deadline from FROM to DUE is less than certain, or NULL: a year the
 * holiday table lacks, or one not checked against the official notice. */
static const struct deadline_note *
holiday_note(const struct holiday_table *holidays, const char *from, const char *due,
    int uncovered)
{
	int first = atoi(from), last = atoi(due), year;

	if (uncovered)
		return &note_no_holidays_span;
	for (year = first; year <= last; year++)
		if (!holidays_year_confirmed(holidays, year))
			return &note_holidays_unconfirmed;
	return NULL;
}

/* 12315 decides whether to accept within N working days of receiving the complaint. */
static int
acceptance_deadline(const struct rules *rules, const struct holiday_table *holidays,
    const cJSON *filed, cJSON *deadlines)
{
	struct rule rule;
	int64_t days;
	char due[DATE_LEN];
	int uncovered = 0;
	const char *date = member(filed, "date");
	const struct deadline_note *note;

	if (rules_find(rules, "12315-acceptance", date, &rule) != DISPUTE_OK ||
	    rule_integer(&rule, "working_days", &days) != DISPUTE_OK ||
	    workdays_add(holidays, date, (int)days, due, &uncovered) != DISPUTE_OK)
		return DISPUTE_FAILED;
	note = holiday_note(holidays, date, due, uncovered);
	add_deadline(deadlines, "12315 决定是否受理", "12315 decides whether to accept the "
	    "complaint", due, &rule, date, note, note != NULL);
	if (rule.confirmed)
		return DISPUTE_OK;
	/* Where the regulator's own period is not read from its text, the statute's holds
	 * all the same: an administrative body handles a consumer's complaint, and tells
	 * the buyer, within its working days (CRPL art. 46). */
	if (rules_find(rules, "administrative-reply", date, &rule) != DISPUTE_OK ||
	    rule_integer(&rule, "working_days", &days) != DISPUTE_OK ||
	    workdays_add(holidays, date, (int)days, due, &uncovered) != DISPUTE_OK)
		return DISPUTE_FAILED;
	note = holiday_note(holidays, date, due, uncovered);
	add_deadline(deadlines, "市场监管部门处理投诉并告知你（法定期限）", "the regulator "
	    "handles the complaint and tells you (the statutory period)", due, &rule, date,
	    note, note != NULL);
	return DISPUTE_OK;
}

/* Once 12315 has accepted the complaint, its mediation runs for the rule's working days
 * from the acceptance; where the rule in force gives no period (the measures of 2026
 * were not read), the buyer is told to check it instead of being given a date. */
static int
mediation_deadline(const struct rules *rules, const struct holiday_table *holidays,
    const cJSON *accepted, cJSON *ladder, cJSON *deadlines)
{
	struct rule rule;
	int64_t days;
	char due[DATE_LEN];
	int uncovered = 0;
	const char *date = member(accepted, "date");
	const struct deadline_note *note;
	cJSON *notice;

	if (rules_find(rules, "12315-mediation", date, &rule) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (cJSON_GetObjectItemCaseSensitive(rule.json, "working_days") == NULL) {
		notice = cJSON_AddObjectToObject(ladder, "mediation_note");
		if (notice == NULL)
			return DISPUTE_FAILED;
		cJSON_AddStringToObject(notice, "zh", "12315 已受理：调解期限以现行《市场监督管理投诉"
		    "举报处理办法》为准，程序未核实其天数，请核对现行官方文本；期满未达成调解协议的，"
		    "调解终止，可以起诉");
		cJSON_AddStringToObject(notice, "en", "12315 has accepted the complaint: the "
		    "mediation period is the one the measures in force set, which were not checked "
		    "here, so check the current official text; if no agreement is reached by then, "
		    "mediation ends and you may sue");
		return DISPUTE_OK;
	}
	if (rule_integer(&rule, "working_days", &days) != DISPUTE_OK ||
	    workdays_add(holidays, date, (int)days, due, &uncovered) != DISPUTE_OK)
		return DISPUTE_FAILED;
	note = holiday_note(holidays, date, due, uncovered);
	add_deadline(deadlines, "12315 调解期限届满（未达成协议即终止调解）", "12315's mediation "
	    "ends (without an agreement by then, it stops)", due, &rule, date, note,
	    note != NULL);
	return DISPUTE_OK;
}

/* After a return the merchant owes the refund within the rule's days of receiving the
 * goods back (order.returned), shown until the case is resolved. */
static int
refund_deadline(const struct dispute_case *c, const struct rules *rules, int quality,
    cJSON *deadlines)
{
	const char *returned = case_get(c, "order.returned");
	struct rule rule;
	int64_t days;
	char due[DATE_LEN];

	if (returned == NULL)
		return DISPUTE_OK;
	if (rules_find(rules, "refund-after-return", returned, &rule) != DISPUTE_OK ||
	    rule_integer(&rule, "days", &days) != DISPUTE_OK ||
	    date_add_days(returned, (int)days, due) != DISPUTE_OK)
		return DISPUTE_FAILED;
	add_deadline(deadlines, "退货后商家应退款期限", "the merchant must refund after the "
	    "return by", due, &rule, returned, quality ? &note_refund_quality : NULL, 0);
	return DISPUTE_OK;
}

/* 12315 takes a complaint only within N years of when the buyer learned of the harm:
 * shown while 12315 is still open to the buyer, under the rule in force today. */
static int
window_deadline(const struct dispute_case *c, const struct rules *rules, const char *today,
    cJSON *deadlines)
{
	const char *from = ladder_harm_known(c);
	struct rule rule;
	int64_t years;
	char due[DATE_LEN];

	if (from == NULL)
		return DISPUTE_OK;
	if (rules_find(rules, "12315-not-accepted", today, &rule) != DISPUTE_OK ||
	    rule_integer(&rule, "years", &years) != DISPUTE_OK ||
	    date_add_years(from, (int)years, due) != DISPUTE_OK)
		return DISPUTE_FAILED;
	add_deadline(deadlines, "12315 受理窗口（自知道权益受损之日起）", "12315 accepts the "
	    "complaint until (counted from learning of the harm)", due, &rule, from, NULL, 0);
	return DISPUTE_OK;
}

/* What restarts the limitation period (Civil Code art. 195): a demand the buyer made
 * (logged with --demand), the other side's agreement to perform, or a complaint to
 * 12315 or the consumer association, counted from the day it was filed (its pending
 * entry, else its first one). A merchant's own message or a refusal does not. */
static const cJSON *
last_interruption(const struct dispute_case *c, int *by_complaint)
{
	const cJSON *item, *latest = NULL;
	int filed_12315 = 0, filed_association = 0;

	*by_complaint = 0;
	cJSON_ArrayForEach(item, case_timeline(c)) {
		const char *channel = member(item, "channel"), *outcome = member(item, "outcome");
		int is_12315 = strcmp(channel, "12315") == 0;
		int is_association = strcmp(channel, "consumer-association") == 0;
		int pending = strcmp(outcome, "pending") == 0;
		int by_party = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "demand")) ||
		    strcmp(outcome, "agreement") == 0;
		/* The first entry of a complaint, or its pending one, is its filing. */
		int filing = (is_12315 && (!filed_12315 || pending)) ||
		    (is_association && (!filed_association || pending));

		filed_12315 |= is_12315;
		filed_association |= is_association;
		if (by_party || filing) {
			latest = item;
			*by_complaint = !by_party;
		}
	}
	return latest;
}

/* Civil Code art. 203: a period whose last day is a statutory day off ends on the next
 * working day. Marks *UNCOVERED when the table lacks the year. */
static int
next_working_day(const struct holiday_table *holidays, char date[DATE_LEN], int *uncovered)
{
	int i;

	*uncovered = !holidays_cover_year(holidays, atoi(date));
	for (i = 0; i < 60 && !is_working_day(holidays, date); i++)
		if (date_add_days(date, 1, date) != DISPUTE_OK)
			return DISPUTE_FAILED;
	return DISPUTE_OK;
}

/* Civil Code art. 188: three years from when the buyer knew of the harm (problem.found,
 * else delivery, else the order; never later than the first contact about it),
 * restarted by the last interruption; the product-defect caution for harmful goods. */
static int
limitation_deadline(const struct dispute_case *c, const struct rules *rules,
    const struct holiday_table *holidays, cJSON *deadlines)
{
	const cJSON *first = cJSON_GetArrayItem(case_timeline(c), 0), *restart;
	const char *from = ladder_harm_known(c), *category = case_get(c, "problem.category");
	const struct deadline_note *note = NULL;
	struct rule rule;
	int64_t years;
	char due[DATE_LEN], end[DATE_LEN];
	int uncovered, by_complaint, doubt;

	if (first != NULL && (from == NULL || strcmp(member(first, "date"), from) < 0))
		from = member(first, "date");
	restart = last_interruption(c, &by_complaint);
	if (restart != NULL && (from == NULL || strcmp(member(restart, "date"), from) > 0)) {
		from = member(restart, "date");
		if (by_complaint)
			note = &note_restarted_by_complaint;
	} else
		by_complaint = 0;
	if (from == NULL)
		return DISPUTE_OK;
	if (rules_find(rules, "limitation-period", from, &rule) != DISPUTE_OK ||
	    rule_integer(&rule, "years", &years) != DISPUTE_OK ||
	    date_add_years(from, (int)years, due) != DISPUTE_OK)
		return DISPUTE_FAILED;
	memcpy(end, due, DATE_LEN);
	if (next_working_day(holidays, end, &uncovered) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* Only the complaint's restart and an unknown holiday year leave the date in doubt. */
	doubt = by_complaint || uncovered || !holidays_year_confirmed(holidays, atoi(end));
	if (uncovered)
		note = &note_no_holidays_year;
	else if (strcmp(end, due) != 0)
		note = &note_day_off;
	add_deadline(deadlines, "诉讼时效最迟届满", "the limitation period for a lawsuit ends at "
	    "the latest", end, &rule, from, note, doubt);
	if (category == NULL || strcmp(category, "harmful") != 0)
		return DISPUTE_OK;
	if (rules_find(rules, "product-defect-limitation", from, &rule) != DISPUTE_OK ||
	    rule_integer(&rule, "years", &years) != DISPUTE_OK ||
	    date_add_years(from, (int)years, due) != DISPUTE_OK ||
	    next_working_day(holidays, due, &uncovered) != DISPUTE_OK)
		return DISPUTE_FAILED;
	add_deadline(deadlines, "产品缺陷损害赔偿：稳妥起见按两年计", "damage caused by a product "
	    "defect: to be safe, count two years", due, &rule, from, &note_product_defect, 1);
	return DISPUTE_OK;
}

/* A period of the rule's "days" from delivery, shown until it has run out: the
 * seven-day return without reason, and for goods that fail their quality the
 * seven-day return of CRPL art. 24 (both counted from the day after delivery). */
static int
return_deadline(const struct dispute_case *c, const struct rules *rules, const char *today,
    const char *id, const char *what_zh, const char *what_en,
    const struct deadline_note *note, cJSON *deadlines)
{
	const char *received = case_get(c, "order.received");
	struct rule rule;
	int64_t days;
	char due[DATE_LEN];

	if (received == NULL)
		return DISPUTE_OK;
	if (rules_find(rules, id, received, &rule) != DISPUTE_OK ||
	    rule_integer(&rule, "days", &days) != DISPUTE_OK ||
	    date_add_days(received, (int)days, due) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (strcmp(due, today) >= 0)
		add_deadline(deadlines, what_zh, what_en, due, &rule, received, note, 0);
	return DISPUTE_OK;
}

/* Whether the goods fail their quality, so that CRPL art. 24's return applies. */
static int
quality_problem(const struct dispute_case *c)
{
	static const char *const categories[] = {
		"quality", "not-as-described", "expired", "harmful", "counterfeit", NULL
	};
	const char *category = case_get(c, "problem.category");
	int i;

	for (i = 0; category != NULL && categories[i] != NULL; i++)
		if (strcmp(category, categories[i]) == 0)
			return 1;
	return 0;
}

static void
set_next(cJSON *out, const char *zh, const char *en, const char *command)
{
	cJSON *next = cJSON_AddObjectToObject(out, "next_step");

	if (next == NULL)
		return;
	cJSON_AddStringToObject(next, "zh", zh);
	cJSON_AddStringToObject(next, "en", en);
	if (command != NULL)
		cJSON_AddStringToObject(next, "command", command);
}

/* The next step follows from the highest rung reached and how its last contact ended. */
static enum rung
choose_next(cJSON *out, enum rung reached, const cJSON *last, int resolved,
    const cJSON *agreement)
{
	const char *outcome = last != NULL ? member(last, "outcome") : NULL;
	/* A complaint 12315 has accepted is still being handled: its mediation runs. */
	int waiting = outcome != NULL && (strcmp(outcome, "pending") == 0 ||
	    strcmp(outcome, "accepted") == 0);

	if (resolved) {
		set_next(out, "已解决：保留案卷和证据，直至款项到账", "resolved: keep the dossier and "
		    "the evidence until the money has arrived", "dispute pack");
		return reached;
	}
	/* A signed agreement replaces the original claim: what is left is having it
	 * performed, and suing on the agreement if it is not. */
	if (agreement != NULL) {
		set_next(out, "已签订协议：督促对方按协议履行；对方不履行的，凭协议要求履行，"
		    "必要时就协议起诉，而不是就原来的争议重新起诉", "an agreement is signed: "
		    "ask the other side to perform it; if they do not, claim performance of the "
		    "agreement (in court if need be) rather than suing on the original dispute",
		    "dispute log -c CHANNEL -o resolved TEXT");
		return reached;
	}
	if (last == NULL) {
		set_next(out, "通过平台申请售后，联系商家并记录结果", "ask the merchant for a "
		    "refund through the platform's after-sales service and log the answer",
		    "dispute log -c merchant -o OUTCOME TEXT");
		return RUNG_EVIDENCE;
	}
	if (waiting && strcmp(outcome, "accepted") == 0) {
		set_next(out, "已受理，等待调解：达成调解协议的记录为 agreement，调解不成或终止的"
		    "记录为 refused", "accepted: wait for the mediation; log agreement if one is "
		    "signed, refused if mediation fails or ends", "dispute log -c CHANNEL -o OUTCOME "
		    "TEXT");
		return reached;
	}
	if (waiting) {
		set_next(out, "等待答复；到期未答复请记录为未答复", "wait for the answer; log "
		    "no-response if the deadline passes", "dispute log -c CHANNEL -o OUTCOME TEXT");
		return reached;
	}
	switch (reached) {
	case RUNG_EVIDENCE:
		set_next(out, "再次向平台投诉，说明与商家的沟通经过", "complain to the platform "
		    "again, with the history with the merchant", "dispute draft complaint --to platform");
		return RUNG_PLATFORM;
	case RUNG_PLATFORM:
		set_next(out, "向 12315 或消费者协会投诉（二者择一，不要先后投诉同一争议）",
		    "file with 12315 or the consumer association (one of the two, not both in "
		    "turn for the same dispute)", "dispute draft complaint --to 12315");
		return RUNG_AUTHORITY;
	case RUNG_AUTHORITY:
		set_next(out, "咨询律师，准备民事起诉状和证据清单", "consult a lawyer and prepare "
		    "the civil complaint and evidence list", "dispute draft complaint --to court");
		return RUNG_COURT;
	default:
		set_next(out, "如实、合法地公开发布经过", "post the facts publicly, lawfully",
		    "dispute draft complaint --to social");
		return RUNG_SOCIAL;
	}
}

/* The authority rung names the route once one is taken; it and the court are blocked
 * while the seller is not identified. */
static void
add_rungs(cJSON *out, enum rung reached, const char *route, int identified)
{
	cJSON *rungs = cJSON_AddArrayToObject(out, "rungs");
	int i;

	for (i = 0; rungs != NULL && i < RUNG_COUNT; i++) {
		cJSON *r = cJSON_CreateObject();

		if (r == NULL)
			return;
		int chosen = i == RUNG_AUTHORITY && route != NULL;
		int association = chosen && strcmp(route, "consumer-association") == 0;

		cJSON_AddStringToObject(r, "name", rung_names[i][0]);
		cJSON_AddStringToObject(r, "zh", !chosen ? rung_names[i][1] : association ?
		    "消费者协会" : "12315");
		cJSON_AddStringToObject(r, "en", !chosen ? rung_names[i][2] : association ?
		    "consumer association" : "12315");
		cJSON_AddBoolToObject(r, "reached", i <= (int)reached);
		if (!identified && (i == RUNG_AUTHORITY || i == RUNG_COURT))
			cJSON_AddBoolToObject(r, "blocked", 1);
		cJSON_AddItemToArray(rungs, r);
	}
}

int
ladder_assess(const struct dispute_case *c, const struct rules *rules,
    const struct holiday_table *holidays, const char *today, cJSON **out)
{
	const cJSON *item, *last = NULL, *filed = last_contact(c, "12315");
	const cJSON *agreement = last_outcome(c, "agreement");
	const char *route = authority_route(c);
	enum rung reached = RUNG_EVIDENCE, next;
	cJSON *ladder = cJSON_CreateObject(), *deadlines, *missing, *d, *seller, *seller_missing;
	cJSON *uncovered;
	int identified;
	int resolved = timeline_resolved(c), quality = quality_problem(c);
	/* 12315's window matters while 12315 is still the buyer's to choose. */
	int window = !resolved && agreement == NULL && route == NULL &&
	    last_contact(c, "court") == NULL;
	char *route_note;

	*out = NULL;
	if (ladder == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	/* The next step follows from the highest rung reached and how the latest contact
	 * on that rung ended: a later word from the merchant does not undo a complaint
	 * still pending with 12315. */
	cJSON_ArrayForEach(item, case_timeline(c)) {
		enum rung r = rung_of_channel(member(item, "channel"));

		if (r >= reached) {
			reached = r;
			last = item;
		}
	}
	cJSON_AddStringToObject(ladder, "reached", rung_names[reached][0]);
	cJSON_AddBoolToObject(ladder, "resolved", resolved);
	if (route != NULL)
		cJSON_AddStringToObject(ladder, "authority_route", route);
	if (agreement != NULL) {
		cJSON *a = cJSON_AddObjectToObject(ladder, "agreement");

		if (a != NULL) {
			cJSON_AddStringToObject(a, "date", member(agreement, "date"));
			cJSON_AddStringToObject(a, "channel", member(agreement, "channel"));
			if (member(agreement, "ref") != NULL)
				cJSON_AddStringToObject(a, "ref", member(agreement, "ref"));
		}
	}
	/* Said once the route is taken, so the buyer does not try the other one. */
	route_note = resolved ? NULL : ladder_obstacle(c, rules, today, "12315", 0);
	if (route_note != NULL) {
		cJSON_AddStringToObject(ladder, "route_note", route_note);
		free(route_note);
		route_note = ladder_obstacle(c, rules, today, "12315", 1);
		if (route_note != NULL)
			cJSON_AddStringToObject(ladder, "route_note_en", route_note);
		free(route_note);
	} else if (route != NULL && !resolved) {
		cJSON_AddStringToObject(ladder, "route_note", "已向 12315 投诉：12315 与消费者协会"
		    "二者择一，不要再就同一争议向消费者协会投诉");
		cJSON_AddStringToObject(ladder, "route_note_en", "filed with 12315: 12315 and the "
		    "consumer association are alternatives, so do not complain to the association "
		    "about the same dispute as well");
	}
	seller = cJSON_AddObjectToObject(ladder, "seller");
	seller_missing = cJSON_AddArrayToObject(seller, "missing");
	identified = seller_missing != NULL && ladder_seller_missing(c, seller_missing) == 0;
	cJSON_AddBoolToObject(seller, "identified", identified);
	add_rungs(ladder, reached, route, identified);
	next = choose_next(ladder, reached, last, resolved, agreement);
	/* 12315 needs a registered entity and a court an address to serve: without
	 * them the next step is asking the platform who the seller is. */
	if (!identified && !resolved && agreement == NULL && next > reached &&
	    (next == RUNG_AUTHORITY || next == RUNG_COURT)) {
		cJSON_DeleteItemFromObject(ladder, "next_step");
		set_next(ladder, "商家身份未查明：先请平台披露经营者的真实名称、地址和有效联系方式，"
		    "查明之前 12315 和法院都无法立案", "the seller is not identified: first ask "
		    "the platform for the seller's real name, address and valid contact; until "
		    "then neither 12315 nor a court can take the case",
		    "dispute draft identity-request");
		cJSON_AddBoolToObject(seller, "blocks_next_step", 1);
	}
	missing = cJSON_AddArrayToObject(ladder, "missing_for_next_step");
	if (!resolved)
		missing_for(c, next, missing);
	deadlines = cJSON_AddArrayToObject(ladder, "deadlines");
	if ((filed != NULL && strcmp(member(filed, "outcome"), "pending") == 0 &&
	    acceptance_deadline(rules, holidays, filed, deadlines) != DISPUTE_OK) ||
	    (filed != NULL && strcmp(member(filed, "outcome"), "accepted") == 0 && !resolved &&
	    agreement == NULL &&
	    mediation_deadline(rules, holidays, filed, ladder, deadlines) != DISPUTE_OK) ||
	    (window && window_deadline(c, rules, today, deadlines) != DISPUTE_OK) ||
	    return_deadline(c, rules, today, "return-without-reason", "七日无理由退货期限",
	    "the 7-day return without reason ends", &note_return_exclusions,
	    deadlines) != DISPUTE_OK ||
	    (quality && return_deadline(c, rules, today, "return-quality",
	    "质量问题七日内退货期限", "the 7-day return for goods that fail their quality ends",
	    NULL, deadlines) != DISPUTE_OK) ||
	    (!resolved && refund_deadline(c, rules, quality, deadlines) != DISPUTE_OK) ||
	    limitation_deadline(c, rules, holidays, deadlines) != DISPUTE_OK) {
		cJSON_Delete(ladder);
		return DISPUTE_FAILED;
	}
	/* A date gone by is said to be gone, in the summary and in every export of it. */
	cJSON_ArrayForEach(d, deadlines)
		cJSON_AddBoolToObject(d, "passed", strcmp(member(d, "date"), today) < 0);
	/* The years whose holidays nobody has entered yet: said once, with where to add
	 * them, since every deadline there skips weekends only. */
	uncovered = cJSON_AddArrayToObject(ladder, "holiday_years_missing");
	cJSON_ArrayForEach(d, deadlines) {
		int year = atoi(member(d, "date")), listed = 0;
		const cJSON *y;

		cJSON_ArrayForEach(y, uncovered)
			listed |= (int)y->valuedouble == year;
		if (!listed && !holidays_cover_year(holidays, year))
			cJSON_AddItemToArray(uncovered, cJSON_CreateNumber(year));
	}
	*out = ladder;
	return DISPUTE_OK;
}
