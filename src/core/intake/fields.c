/* The table of case facts and the validation that keeps mistyped facts out of the case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/aliases.h"
#include "dispute/case.h"
#include "dispute/date-input.h"
#include "dispute/fields.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/validate.h"
#include "text.h"

static const char *const platforms[] = {
	"douyin", "taobao", "jd", "pinduoduo", "kuaishou", "other", NULL
};
static const char *const yes_no[] = { "yes", "no", NULL };
static const char *const compensations[] = { "none", "fraud", "food", NULL };
static const char *const languages[] = { "zh-CN", "en", NULL };
static const char *const loss_kinds[] = { "injury", "property", "expense", NULL };
static const char *const agent_kinds[] = { "lawyer", "citizen", NULL };
static const char *const genders[] = { "male", "female", NULL };
static const char *const categories[] = {
	"quality", "not-as-described", "expired", "harmful", "counterfeit", "not-delivered",
	"other", NULL
};

const struct field field_table[] = {
	{ "case.platform", FIELD_CHOICE, platforms, N_("where the order was placed") },
	{ "case.language", FIELD_CHOICE, languages, N_("language of the drafts (default zh-CN)") },
	{ "case.association", FIELD_TEXT, NULL,
	  N_("the consumer association complained to, e.g. 杭州市西湖区消费者权益保护委员会 "
	     "(default: the one a logged contact names)") },
	{ "case.court", FIELD_TEXT, NULL,
	  N_("the court a lawsuit goes to (`dispute court` lists those with jurisdiction)") },
	/* The element-style (要素式) court complaint's own questions. */
	{ "case.cause", FIELD_TEXT, NULL,
	  N_("the cause of action (案由), when not the one the case suggests") },
	{ "case.forum_clause", FIELD_TEXT, NULL,
	  N_("any clause choosing a court or arbitration in the platform's or shop's terms") },
	{ "case.preservation", FIELD_CHOICE, yes_no,
	  N_("whether preservation (诉前保全) was applied for (default: no)") },
	{ "case.mediate_first", FIELD_CHOICE, yes_no,
	  N_("whether the buyer is willing to try mediation before the trial") },
	{ "claimant.name", FIELD_TEXT, NULL, N_("the buyer's legal name") },
	{ "claimant.phone", FIELD_PHONE, NULL, N_("the buyer's phone number") },
	{ "claimant.id_number", FIELD_ID_NUMBER, NULL, N_("the buyer's 18-character ID number") },
	{ "claimant.address", FIELD_TEXT, NULL, N_("the buyer's address") },
	/* The plaintiff's particulars that 民事诉讼法 第一百二十四条 asks of a complaint. */
	{ "claimant.gender", FIELD_CHOICE, genders,
	  N_("the buyer's gender (default: from the ID number)") },
	{ "claimant.birth_date", FIELD_DATE, NULL,
	  N_("the buyer's birth date (default: from the ID number)") },
	{ "claimant.ethnicity", FIELD_ETHNICITY, NULL,
	  N_("the buyer's ethnic group as on the ID card, e.g. 汉族") },
	{ "claimant.occupation", FIELD_TEXT, NULL, N_("the buyer's occupation") },
	{ "claimant.employer", FIELD_TEXT, NULL, N_("the buyer's employer (工作单位)") },
	{ "claimant.service_address", FIELD_TEXT, NULL,
	  N_("where court papers go (送达地址; default: claimant.address)") },
	{ "claimant.e_service", FIELD_CHOICE, yes_no,
	  N_("whether the buyer consents to electronic service of court papers") },
	{ "merchant.shop", FIELD_TEXT, NULL, N_("the shop's name on the platform") },
	{ "merchant.company", FIELD_TEXT, NULL, N_("the company on the shop's business licence") },
	{ "merchant.credit_code", FIELD_CREDIT_CODE, NULL,
	  N_("the company's 18-character unified social credit code") },
	{ "merchant.address", FIELD_TEXT, NULL, N_("the company's registered address") },
	{ "merchant.phone", FIELD_PHONE, NULL, N_("the merchant's phone number") },
	{ "merchant.representative", FIELD_TEXT, NULL,
	  N_("the company's legal representative (法定代表人), for a lawsuit") },
	/* The platform as a second defendant (消费者权益保护法 第四十四条), and the
	 * plaintiff's agent in a lawsuit. */
	{ "platform.company", FIELD_TEXT, NULL,
	  N_("the company that runs the platform, to sue it beside the shop") },
	{ "platform.credit_code", FIELD_CREDIT_CODE, NULL,
	  N_("the platform company's unified social credit code") },
	{ "platform.address", FIELD_TEXT, NULL, N_("the platform company's registered address") },
	{ "platform.representative", FIELD_TEXT, NULL,
	  N_("the platform company's legal representative (法定代表人)") },
	{ "agent.name", FIELD_TEXT, NULL, N_("the plaintiff's agent in a lawsuit (委托诉讼代理人)") },
	{ "agent.kind", FIELD_CHOICE, agent_kinds, N_("whether the agent is a lawyer or a citizen") },
	{ "agent.firm", FIELD_TEXT, NULL, N_("the agent's law firm") },
	{ "agent.phone", FIELD_PHONE, NULL, N_("the agent's phone number") },
	{ "order.self_operated", FIELD_CHOICE, yes_no,
	  N_("whether the platform itself sold the goods (自营): it is then the seller") },
	{ "order.id", FIELD_TEXT, NULL, N_("the order number shown by the platform") },
	{ "order.product", FIELD_TEXT, NULL, N_("the product as named in the order") },
	{ "order.spec", FIELD_TEXT, NULL, N_("the variant ordered (colour, size, model)") },
	{ "order.amount", FIELD_AMOUNT, NULL, N_("the amount paid, in yuan (e.g. 1299.00)") },
	{ "order.quantity", FIELD_COUNT, NULL, N_("how many were bought") },
	{ "order.date", FIELD_DATE, NULL, N_("the order date (YYYY-MM-DD)") },
	{ "order.received", FIELD_DATE, NULL, N_("the date the goods were received (YYYY-MM-DD)") },
	/* A return's refund falls due seven days after the merchant has the goods back. */
	{ "order.returned", FIELD_DATE, NULL,
	  N_("the date the merchant received the goods sent back (YYYY-MM-DD)") },
	{ "order.delivery_address", FIELD_TEXT, NULL,
	  N_("where the goods were delivered (default: claimant.address); decides the court") },
	{ "order.promise", FIELD_TEXT, NULL,
	  N_("what the listing or the seller promised about the goods' quality") },
	{ "problem.category", FIELD_CHOICE, categories, N_("what is wrong") },
	{ "problem.description", FIELD_TEXT, NULL, N_("what happened, in plain factual words") },
	{ "problem.food", FIELD_CHOICE, yes_no,
	  N_("whether the goods are food (default: yes when expired)") },
	{ "problem.loss", FIELD_AMOUNT, NULL, N_("other losses in yuan, e.g. medical costs") },
	{ "problem.loss_kind", FIELD_CHOICE, loss_kinds,
	  N_("what the loss is (default: injury for harmful goods, else expense)") },
	{ "problem.loss_label", FIELD_TEXT, NULL,
	  N_("the loss in the buyer's words, e.g. 检验费") },
	{ "demand.text", FIELD_TEXT, NULL, N_("what the buyer asks for, in their own words") },
	{ "demand.compensation", FIELD_CHOICE, compensations,
	  N_("which compensation to demand besides the refund (see `dispute claim`)") },
	{ "demand.terminate", FIELD_CHOICE, yes_no,
	  N_("whether to ask the court to terminate the contract, the goods going back") },
	/* When the buyer learned of the harm: the limitation period and the 12315 window
	 * run from it. */
	{ "problem.found", FIELD_DATE, NULL,
	  N_("the date the buyer found the problem (default: order.received, else order.date)") },
	{ NULL, FIELD_TEXT, NULL, NULL }
};

const struct field *
field_find(const char *name)
{
	const struct field *f;

	for (f = field_table; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

void
field_choices_text(const struct field *field, char *buf, size_t len)
{
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; field->choices != NULL && field->choices[i] != NULL && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i > 0 ? ", " : "",
		    field->choices[i]);
}

const char *
field_alias_list(const struct field *field)
{
	return field->choices == yes_no ? "yes-no" : field->name;
}

/* The choice of FIELD that WORD is, or NULL. */
static const char *
choice_named(const struct field *field, const char *word)
{
	int i;

	for (i = 0; word != NULL && field->choices[i] != NULL; i++)
		if (strcmp(field->choices[i], word) == 0)
			return field->choices[i];
	return NULL;
}

/* The choice of FIELD that S is, or that S is an alias of ("京东" for jd), or NULL. The
 * table of aliases is read only for what is not a choice itself. */
static const char *
choice_of(const struct field *field, const char *s)
{
	const char *choice = choice_named(field, s);

	return choice != NULL ? choice : choice_named(field,
	    aliases_canonical(aliases_default(), field_alias_list(field), s));
}

/* S as its choice of FIELD, into CANON. */
static int
check_choice(const struct field *field, const char *s, char *canon, size_t canon_len,
    char *reason, size_t reason_len)
{
	const char *value = choice_of(field, s);
	char list[256];

	if (value == NULL) {
		field_choices_text(field, list, sizeof list);
		snprintf(reason, reason_len, _("\"%s\" is not one of: %s"), s, list);
		return DISPUTE_FAILED;
	}
	snprintf(canon, canon_len, "%s", value);
	return DISPUTE_OK;
}

static int
check_count(const char *s, char *reason, size_t reason_len)
{
	size_t n = strspn(s, "0123456789");

	if (n == 0 || s[n] != '\0' || s[0] == '0' || n > 6) {
		snprintf(reason, reason_len, _("\"%s\" is not a whole number from 1 to 999999"), s);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

int
field_check(const struct field *field, const char *value, const char *today, char **canonical,
    char *reason, size_t reason_len)
{
	char canon[64]; /* holds any canonical choice, date, amount, phone, ID or credit code */
	int64_t fen;
	int status;

	*canonical = NULL;
	reason[0] = '\0';
	if (value[0] == '\0')
		snprintf(reason, reason_len, _("empty value (use `dispute set --unset %s` to "
		    "clear it)"), field->name);
	status = value[0] == '\0' ? DISPUTE_FAILED : text_check(value, reason, reason_len);
	if (status != DISPUTE_OK)
		return DISPUTE_FAILED;
	switch (field->type) {
	case FIELD_TEXT:
		break;
	case FIELD_CHOICE:
		status = check_choice(field, value, canon, sizeof canon, reason, reason_len);
		break;
	case FIELD_DATE:
		status = date_input_read(value, today, canon, reason, reason_len);
		break;
	case FIELD_AMOUNT:
		status = amount_parse(value, &fen, reason, reason_len);
		if (status == DISPUTE_OK)
			amount_format(fen, canon);
		break;
	case FIELD_COUNT:
		status = check_count(value, reason, reason_len);
		break;
	case FIELD_PHONE:
		status = validate_phone(value, canon, sizeof canon, reason, reason_len);
		break;
	case FIELD_ID_NUMBER:
		status = validate_id_number(value, today, canon, reason, reason_len);
		break;
	case FIELD_CREDIT_CODE:
		status = validate_credit_code(value, canon, reason, reason_len);
		break;
	case FIELD_ETHNICITY:
		status = validate_ethnicity(value, reason, reason_len);
		break;
	}
	if (status != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* Free text keeps every byte the user typed; typed values keep their canonical form. */
	*canonical = strdup(field->type == FIELD_TEXT || field->type == FIELD_COUNT ||
	    field->type == FIELD_ETHNICITY ? value : canon);
	if (*canonical == NULL) {
		snprintf(reason, reason_len, "%s", _("out of memory"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

int
field_normalize(const struct field *field, const char *value, const char *today,
    char **canonical)
{
	char reason[VALIDATE_REASON_MAX];

	if (field_check(field, value, today, canonical, reason, sizeof reason) != DISPUTE_OK) {
		dispute_error("%s: %s", field->name, reason);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

int
field_check_order_dates(const struct dispute_case *c)
{
	const char *ordered = case_get(c, "order.date");
	const char *received = case_get(c, "order.received");
	const char *returned = case_get(c, "order.returned");

	if (ordered != NULL && received != NULL && strcmp(received, ordered) < 0) {
		dispute_error(_("order.received %s is before order.date %s"), received, ordered);
		return DISPUTE_FAILED;
	}
	if (returned != NULL && (received != NULL || ordered != NULL) &&
	    strcmp(returned, received != NULL ? received : ordered) < 0) {
		dispute_error(_("order.returned %s is before %s %s"), returned,
		    received != NULL ? "order.received" : "order.date",
		    received != NULL ? received : ordered);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

/* The ID number as stored, when it is one validate_id_number() accepts: a hand-edited
 * case.json may hold anything. */
static const char *
valid_id_number(const struct dispute_case *c)
{
	const char *id = case_get(c, "claimant.id_number");
	char canon[32];

	if (id == NULL || validate_id_number(id, "9999-12-31", canon, NULL, 0) != DISPUTE_OK)
		return NULL;
	return id;
}

void
field_claimant_particulars(const struct dispute_case *c, const char **gender,
    char *birth_date, int *derived)
{
	const char *id = valid_id_number(c), *id_gender = NULL;
	const char *recorded_gender = case_get(c, "claimant.gender");
	const char *recorded_birth = case_get(c, "claimant.birth_date");
	char id_birth[11] = "";

	if (id != NULL)
		id_number_particulars(id, &id_gender, id_birth);
	*derived = (recorded_gender == NULL && id_gender != NULL) ||
	    (recorded_birth == NULL && id_birth[0] != '\0');
	*gender = recorded_gender != NULL ? recorded_gender : id_gender;
	snprintf(birth_date, 11, "%s", recorded_birth != NULL ? recorded_birth : id_birth);
}

int
field_check_identity(const struct dispute_case *c)
{
	const char *id = valid_id_number(c), *id_gender, *gender, *birth;
	char id_birth[11];

	if (id == NULL)
		return DISPUTE_OK;
	id_number_particulars(id, &id_gender, id_birth);
	gender = case_get(c, "claimant.gender");
	birth = case_get(c, "claimant.birth_date");
	if (gender != NULL && strcmp(gender, id_gender) != 0) {
		dispute_error(_("claimant.gender %s contradicts claimant.id_number %s, which gives "
		    "%s"), gender, id, id_gender);
		return DISPUTE_FAILED;
	}
	if (birth != NULL && strcmp(birth, id_birth) != 0) {
		dispute_error(_("claimant.birth_date %s contradicts claimant.id_number %s, which "
		    "gives %s"), birth, id, id_birth);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}
