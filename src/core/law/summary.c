/* The case summary of `dispute status`, built once as JSON: the human form is printed
 * from the same data. */
#include "dispute/evidence.h"
#include "dispute/fields.h"
#include "dispute/i18n.h"
#include "dispute/ladder.h"
#include "dispute/report.h"
#include "dispute/summary.h"

int
summary_build(const struct dispute_case *c, const struct rules *rules,
    const struct holiday_table *holidays, const char *today, cJSON **out)
{
	cJSON *summary = NULL, *ladder = NULL, *facts, *missing, *kinds;
	const struct evidence_kind *k;
	const struct field *f;
	const cJSON *item;

	*out = NULL;
	if (ladder_assess(c, rules, holidays, today, &ladder) != DISPUTE_OK)
		return DISPUTE_FAILED;
	summary = cJSON_CreateObject();
	if (summary == NULL || cJSON_AddStringToObject(summary, "schema", "dispute-status/1") ==
	    NULL || !cJSON_AddItemToObject(summary, "ladder", ladder))
		goto oom;
	ladder = NULL;
	facts = cJSON_AddObjectToObject(summary, "facts");
	missing = cJSON_AddArrayToObject(summary, "missing_facts");
	kinds = cJSON_AddObjectToObject(summary, "evidence_by_kind");
	if (facts == NULL || missing == NULL || kinds == NULL)
		goto oom;
	for (f = field_table; f->name != NULL; f++) {
		const char *value = case_get(c, f->name);

		if (value != NULL)
			cJSON_AddStringToObject(facts, f->name, value);
		else
			cJSON_AddItemToArray(missing, cJSON_CreateString(f->name));
	}
	/* One pass over the evidence, however many kinds: cases hold thousands of items. */
	for (k = evidence_kinds; k->name != NULL; k++)
		cJSON_AddNumberToObject(kinds, k->name, 0);
	cJSON_ArrayForEach(item, case_evidence(c)) {
		cJSON *count = cJSON_GetObjectItemCaseSensitive(kinds,
		    cJSON_GetObjectItemCaseSensitive(item, "kind")->valuestring);

		if (count != NULL)
			cJSON_SetNumberValue(count, count->valuedouble + 1);
	}
	if (!cJSON_AddItemReferenceToObject(summary, "evidence", case_evidence(c)) ||
	    !cJSON_AddItemReferenceToObject(summary, "timeline", case_timeline(c)))
		goto oom;
	*out = summary;
	return DISPUTE_OK;
oom:
	cJSON_Delete(ladder);
	cJSON_Delete(summary);
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}
