/* Splitting the unrecorded facts by the draft that needs them (see facts-needed.h). */
#include <string.h>

#include "dispute/drafts.h"
#include "dispute/facts-needed.h"
#include "dispute/fields.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

/* The court complaint's elements beyond the facts it cannot be drafted without: what
 * it writes as "（待填）" while they are not recorded. */
static const char *const court_elements[] = {
	"claimant.ethnicity", "claimant.occupation", "claimant.e_service", "case.mediate_first",
	"case.forum_clause", "merchant.credit_code", "order.quantity", NULL
};

static int
listed(const char *const *names, const char *name)
{
	for (; names != NULL && *names != NULL; names++)
		if (strcmp(*names, name) == 0)
			return 1;
	return 0;
}

static int
is(const struct dispute_case *c, const char *field, const char *value)
{
	const char *recorded = case_get(c, field);

	return recorded != NULL && strcmp(recorded, value) == 0;
}

/* Whether the court complaint of C needs FIELD, beyond what it cannot go without. */
static int
court_element(const struct dispute_case *c, const char *field)
{
	if (strcmp(field, "order.received") == 0)
		return !is(c, "problem.category", "not-delivered");
	/* The agreed quality is the heart of a claim that the goods differ from it. */
	if (strcmp(field, "order.promise") == 0)
		return is(c, "problem.category", "not-as-described") ||
		    is(c, "problem.category", "counterfeit") || is(c, "demand.compensation", "fraud");
	/* Goods that hurt the buyer: the court needs the cost of the harm. */
	if (strcmp(field, "problem.loss") == 0)
		return is(c, "problem.category", "harmful");
	/* An occupation or a work unit: either one answers the element. */
	if (strcmp(field, "claimant.occupation") == 0)
		return case_get(c, "claimant.employer") == NULL;
	return listed(court_elements, field);
}

/* Whether the platform makes FIELD a question to answer before any complaint: on JD
 * and Taobao (Tmall) the platform itself often sells (自营), and is then the seller
 * that 12315 and a court take the complaint against. */
static int
needed_now(const struct dispute_case *c, const char *field)
{
	return strcmp(field, "order.self_operated") == 0 &&
	    (is(c, "case.platform", "jd") || is(c, "case.platform", "taobao"));
}

int
facts_needed(const struct dispute_case *c, const char *route, cJSON *now, cJSON *court)
{
	const struct draft_kind *platform = draft_kind_find("platform");
	const struct draft_kind *authority = draft_kind_find(route);
	const struct draft_kind *lawsuit = draft_kind_find("court");
	const struct field *f;

	if (authority == NULL)
		authority = draft_kind_find("12315");
	for (f = field_table; f->name != NULL; f++) {
		cJSON *into = NULL;

		if (case_get(c, f->name) != NULL)
			continue;
		if (listed(platform->required, f->name) || listed(authority->required, f->name) ||
		    needed_now(c, f->name))
			into = now;
		else if (listed(lawsuit->required, f->name) || court_element(c, f->name))
			into = court;
		if (into != NULL && !cJSON_AddItemToArray(into, cJSON_CreateString(f->name))) {
			dispute_error(_("out of memory"));
			return DISPUTE_FAILED;
		}
	}
	return DISPUTE_OK;
}
