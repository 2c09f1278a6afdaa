/*
 * The rule table: legal figures with their law, article and the dates their text was
 * in force (rules/zh-CN.json, schema "dispute-rules/1").
 *
 * The whole table is checked when loaded, not when a rule is first used, so that a
 * typo in a data file ("untill", a multiplier of 2.5, two versions in force on the
 * same day) is refused at once with the file named, instead of surfacing months later
 * as a wrong deadline in a letter. Member names outside the schema are refused for the
 * same reason: a misspelt "until" would otherwise keep a repealed rule in force.
 */
#include <stdlib.h>
#include <string.h>

#include "dispute/calendar.h"
#include "dispute/datadir.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/report.h"
#include "dispute/rules.h"

#define RULES_SCHEMA "dispute-rules/1"
#define RULES_FILE_MAX (4 * 1024 * 1024)
/* 100,000,000,000 yuan. Any figure times any amount the program accepts (at most
 * 10^10 fen) times the largest factor (10^4 basis points) stays below 2^63. */
#define FIGURE_MAX 10000000000000LL
#define FACTOR_MAX 1000
#define BASIS_POINTS_MAX 10000
/* cJSON holds numbers as doubles, which are exact for whole numbers below 2^53. */
#define DOUBLE_EXACT 9007199254740992.0

/* String members of a rule; the rest are figures (numbers), "confirmed", "see_also" and
 * "bands". */
static const struct {
	const char *name;
	int required;
} rule_strings[] = {
	{ "id", 1 }, { "law", 1 }, { "article", 1 }, { "effective", 1 }, { "summary", 1 },
	{ "source", 1 }, { "until", 0 }, { "note", 0 }, { "summary_en", 0 },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* A JSON number that is a whole number in 0..MAX, as an exact integer. */
static int
whole_number(const cJSON *item, int64_t max, int64_t *value)
{
	double v;

	if (!cJSON_IsNumber(item))
		return 0;
	v = item->valuedouble;
	if (!(v >= 0.0 && v < DOUBLE_EXACT) || (double)(int64_t)v != v || (int64_t)v > max)
		return 0;
	*value = (int64_t)v;
	return 1;
}

static int
is_factor(const char *name)
{
	size_t len = strlen(name);

	return strcmp(name, "divisor") == 0 ||
	    (len >= 10 && strcmp(name + len - 10, "multiplier") == 0);
}

static int
nonempty_string(const cJSON *item)
{
	return cJSON_IsString(item) && item->valuestring[0] != '\0';
}

static int
valid_id(const char *id)
{
	const char *p;

	for (p = id; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return p != id;
}

/* Fee bands: ascending upper bounds in fen, the last band open-ended; the first may be
 * a fixed fee ("50 yuan per case"), the others are rates in basis points on the part of
 * the amount inside the band. */
static int
check_bands(const char *path, const char *id, const cJSON *bands)
{
	const cJSON *band, *item;
	int64_t bound, previous = -1, v;
	int index = 0;

	if (!cJSON_IsArray(bands) || cJSON_GetArraySize(bands) == 0) {
		dispute_error(_("%s: rule \"%s\": \"bands\" must be a non-empty array"), path, id);
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(band, bands) {
		index++;
		if (!cJSON_IsObject(band)) {
			dispute_error(_("%s: rule \"%s\": band %d is not an object"), path, id,
			    index);
			return DISPUTE_FAILED;
		}
		cJSON_ArrayForEach(item, band)
			if (strcmp(item->string, "up_to_fen") != 0 &&
			    strcmp(item->string, "fixed_fen") != 0 &&
			    strcmp(item->string, "rate_basis_points") != 0 &&
			    strcmp(item->string, "confirmed") != 0) {
				dispute_error(_("%s: rule \"%s\": band %d: unknown member \"%s\""),
				    path, id, index, item->string);
				return DISPUTE_FAILED;
			}
		item = cJSON_GetObjectItemCaseSensitive(band, "up_to_fen");
		if (band->next == NULL && item != NULL) {
			dispute_error(_("%s: rule \"%s\": the last band must be open-ended (no "
			    "\"up_to_fen\")"), path, id);
			return DISPUTE_FAILED;
		}
		if (band->next != NULL) {
			if (!whole_number(item, FIGURE_MAX, &bound) || bound <= previous) {
				dispute_error(_("%s: rule \"%s\": band %d needs an \"up_to_fen\" "
				    "above the previous band's"), path, id, index);
				return DISPUTE_FAILED;
			}
			previous = bound;
		}
		item = cJSON_GetObjectItemCaseSensitive(band, "fixed_fen");
		if (item != NULL && (index != 1 || !whole_number(item, FIGURE_MAX, &v))) {
			dispute_error(_("%s: rule \"%s\": band %d: only the first band may have a "
			    "\"fixed_fen\", a whole number of fen"), path, id, index);
			return DISPUTE_FAILED;
		}
		if ((item != NULL) ==
		    (cJSON_GetObjectItemCaseSensitive(band, "rate_basis_points") != NULL)) {
			dispute_error(_("%s: rule \"%s\": band %d needs exactly one of "
			    "\"fixed_fen\" and \"rate_basis_points\""), path, id, index);
			return DISPUTE_FAILED;
		}
		item = cJSON_GetObjectItemCaseSensitive(band, "rate_basis_points");
		if (item != NULL && !whole_number(item, BASIS_POINTS_MAX, &v)) {
			dispute_error(_("%s: rule \"%s\": band %d: \"rate_basis_points\" must be a "
			    "whole number from 0 to %d"), path, id, index, BASIS_POINTS_MAX);
			return DISPUTE_FAILED;
		}
		item = cJSON_GetObjectItemCaseSensitive(band, "confirmed");
		if (item != NULL && !cJSON_IsBool(item)) {
			dispute_error(_("%s: rule \"%s\": band %d: \"confirmed\" must be true or "
			    "false"), path, id, index);
			return DISPUTE_FAILED;
		}
	}
	return DISPUTE_OK;
}

static int
check_see_also(const char *path, const char *id, const cJSON *list)
{
	const cJSON *item;

	if (!cJSON_IsArray(list)) {
		dispute_error(_("%s: rule \"%s\": \"see_also\" must be an array"), path, id);
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(item, list)
		if (!cJSON_IsObject(item) ||
		    !nonempty_string(cJSON_GetObjectItemCaseSensitive(item, "law")) ||
		    !nonempty_string(cJSON_GetObjectItemCaseSensitive(item, "article"))) {
			dispute_error(_("%s: rule \"%s\": each \"see_also\" entry needs a \"law\" "
			    "and an \"article\""), path, id);
			return DISPUTE_FAILED;
		}
	return DISPUTE_OK;
}

static int
check_member(const char *path, const char *id, const cJSON *item)
{
	int64_t v;
	size_t i;

	for (i = 0; i < N(rule_strings); i++)
		if (strcmp(item->string, rule_strings[i].name) == 0) {
			if (nonempty_string(item))
				return DISPUTE_OK;
			dispute_error(_("%s: rule \"%s\": \"%s\" must be a non-empty string"), path,
			    id, item->string);
			return DISPUTE_FAILED;
		}
	if (strcmp(item->string, "confirmed") == 0) {
		if (cJSON_IsBool(item))
			return DISPUTE_OK;
		dispute_error(_("%s: rule \"%s\": \"confirmed\" must be true or false"), path, id);
		return DISPUTE_FAILED;
	}
	if (strcmp(item->string, "bands") == 0)
		return check_bands(path, id, item);
	if (strcmp(item->string, "see_also") == 0)
		return check_see_also(path, id, item);
	if (!cJSON_IsNumber(item)) {
		dispute_error(_("%s: rule \"%s\": unknown member \"%s\" (figures are numbers)"),
		    path, id, item->string);
		return DISPUTE_FAILED;
	}
	if (is_factor(item->string)) {
		if (whole_number(item, FACTOR_MAX, &v) && v >= 1)
			return DISPUTE_OK;
		dispute_error(_("%s: rule \"%s\": \"%s\" must be a whole number from 1 to %d"),
		    path, id, item->string, FACTOR_MAX);
		return DISPUTE_FAILED;
	}
	if (whole_number(item, FIGURE_MAX, &v))
		return DISPUTE_OK;
	dispute_error(_("%s: rule \"%s\": figure \"%s\" must be a whole number from 0 to %lld"),
	    path, id, item->string, (long long)FIGURE_MAX);
	return DISPUTE_FAILED;
}

static const char *
string_member(const cJSON *rule, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(rule, name));
}

/* "9999-12-31" stands for "still in force", which compares after every real date. */
static const char *
last_day(const cJSON *rule)
{
	const char *until = string_member(rule, "until");

	return until != NULL ? until : "9999-12-31";
}

static int
check_rule(const char *path, int index, const cJSON *rule)
{
	const cJSON *item;
	const char *id, *effective, *until;
	size_t i;

	if (!cJSON_IsObject(rule)) {
		dispute_error(_("%s: rules[%d] is not an object"), path, index);
		return DISPUTE_FAILED;
	}
	id = string_member(rule, "id");
	if (id == NULL || !valid_id(id)) {
		dispute_error(_("%s: rules[%d] needs an \"id\" of lowercase letters, digits and "
		    "hyphens"), path, index);
		return DISPUTE_FAILED;
	}
	for (i = 0; i < N(rule_strings); i++)
		if (rule_strings[i].required &&
		    cJSON_GetObjectItemCaseSensitive(rule, rule_strings[i].name) == NULL) {
			dispute_error(_("%s: rule \"%s\" has no \"%s\""), path, id,
			    rule_strings[i].name);
			return DISPUTE_FAILED;
		}
	if (cJSON_GetObjectItemCaseSensitive(rule, "confirmed") == NULL) {
		dispute_error(_("%s: rule \"%s\" has no \"confirmed\""), path, id);
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(item, rule)
		if (check_member(path, id, item) != DISPUTE_OK)
			return DISPUTE_FAILED;
	effective = string_member(rule, "effective");
	until = string_member(rule, "until");
	if (!date_valid(effective) || (until != NULL && !date_valid(until))) {
		dispute_error(_("%s: rule \"%s\": \"effective\" and \"until\" must be dates "
		    "written YYYY-MM-DD"), path, id);
		return DISPUTE_FAILED;
	}
	if (until != NULL && strcmp(until, effective) < 0) {
		dispute_error(_("%s: rule \"%s\": in force until %s, before it took effect on %s"),
		    path, id, until, effective);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

/* Two versions of one rule in force on the same day would make the answer depend on
 * their order in the file. Dates compare as strings since all are YYYY-MM-DD. */
static int
check_overlaps(const char *path, const cJSON *rules)
{
	const cJSON *a, *b;
	const char *id;

	cJSON_ArrayForEach(a, rules) {
		id = string_member(a, "id");
		for (b = rules->child; b != a; b = b->next) {
			if (strcmp(string_member(b, "id"), id) != 0)
				continue;
			if (strcmp(string_member(a, "effective"), last_day(b)) <= 0 &&
			    strcmp(string_member(b, "effective"), last_day(a)) <= 0) {
				dispute_error(_("%s: rule \"%s\": the versions in force from %s "
				    "and from %s overlap"), path, id, string_member(b, "effective"),
				    string_member(a, "effective"));
				return DISPUTE_FAILED;
			}
		}
	}
	return DISPUTE_OK;
}

int
rules_load(const char *path, struct rules *out)
{
	cJSON *root = NULL;
	const cJSON *list, *rule, *item;
	const char *schema;
	char *copy = NULL;
	int index = 0, status = DISPUTE_FAILED;

	out->path = NULL;
	out->root = NULL;
	if (json_read_file(path, RULES_FILE_MAX, &root) != DISPUTE_OK)
		return DISPUTE_FAILED;
	schema = string_member(root, "schema");
	if (schema == NULL || strcmp(schema, RULES_SCHEMA) != 0) {
		dispute_error(_("%s: not a rule table (\"schema\" must be \"%s\")"), path,
		    RULES_SCHEMA);
		goto out;
	}
	cJSON_ArrayForEach(item, root)
		if (strcmp(item->string, "schema") != 0 && strcmp(item->string, "rules") != 0 &&
		    strcmp(item->string, "note") != 0) {
			dispute_error(_("%s: unknown member \"%s\""), path, item->string);
			goto out;
		}
	list = cJSON_GetObjectItemCaseSensitive(root, "rules");
	if (!cJSON_IsArray(list)) {
		dispute_error(_("%s: \"rules\" must be an array"), path);
		goto out;
	}
	cJSON_ArrayForEach(rule, list)
		if (check_rule(path, index++, rule) != DISPUTE_OK)
			goto out;
	if (check_overlaps(path, list) != DISPUTE_OK)
		goto out;
	copy = strdup(path);
	if (copy == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	out->path = copy;
	out->root = root;
	copy = NULL;
	root = NULL;
	status = DISPUTE_OK;
out:
	free(copy);
	cJSON_Delete(root);
	return status;
}

int
rules_load_default(struct rules *out)
{
	char *path = datadir_find("rules/zh-CN.json");
	int status;

	out->path = NULL;
	out->root = NULL;
	if (path == NULL)
		return DISPUTE_FAILED;
	status = rules_load(path, out);
	free(path);
	return status;
}

void
rules_free(struct rules *r)
{
	if (r == NULL)
		return;
	cJSON_Delete(r->root);
	free(r->path);
	r->root = NULL;
	r->path = NULL;
}

int
rules_find(const struct rules *r, const char *id, const char *date, struct rule *out)
{
	const cJSON *rule;
	const char *effective;
	int known = 0;

	if (!date_valid(date)) {
		dispute_error(_("rule \"%s\": \"%s\" is not a date written YYYY-MM-DD"), id,
		    date != NULL ? date : _("(none)"));
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(rule, cJSON_GetObjectItemCaseSensitive(r->root, "rules")) {
		if (strcmp(string_member(rule, "id"), id) != 0)
			continue;
		known = 1;
		effective = string_member(rule, "effective");
		if (strcmp(effective, date) > 0 || strcmp(date, last_day(rule)) > 0)
			continue;
		out->id = string_member(rule, "id");
		out->law = string_member(rule, "law");
		out->article = string_member(rule, "article");
		out->effective = effective;
		out->until = string_member(rule, "until");
		out->summary = string_member(rule, "summary");
		out->confirmed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(rule, "confirmed"));
		out->json = rule;
		out->path = r->path;
		return DISPUTE_OK;
	}
	if (!known)
		dispute_error(_("%s: no rule \"%s\""), r->path != NULL ? r->path : "rules", id);
	else
		dispute_error(_("%s: no version of rule \"%s\" is in force on %s"), r->path, id,
		    date);
	return DISPUTE_FAILED;
}

int
rule_integer(const struct rule *rule, const char *name, int64_t *value)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(rule->json, name);

	if (item == NULL) {
		dispute_error(_("%s: rule \"%s\" in force from %s has no figure \"%s\""),
		    rule->path != NULL ? rule->path : "rules", rule->id, rule->effective, name);
		return DISPUTE_FAILED;
	}
	if (!whole_number(item, FIGURE_MAX, value)) {
		dispute_error(_("%s: rule \"%s\" in force from %s: \"%s\" is not a whole number"),
		    rule->path != NULL ? rule->path : "rules", rule->id, rule->effective, name);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}
