/*
 * The courts a buyer may sue in. A contract dispute goes to the court of the
 * defendant's domicile or of the place of performance (民事诉讼法 第二十四条), which for
 * goods bought online and delivered physically is the place of receipt (民诉法解释
 * 第二十条); in Beijing, Hangzhou and Guangzhou the internet court takes these cases
 * from the basic courts when the order went through a platform (互联网法院规定 第二条).
 *
 * Addresses are free text. A place is found only when the address names a city of the
 * table and, for the basic court, one of its districts; anything else is reported as not
 * in the table rather than guessed at, since a wrong court costs the buyer a dismissal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/courts.h"
#include "dispute/datadir.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/report.h"

#define COURTS_SCHEMA "dispute-courts/1"
#define COURTS_FILE_MAX (4u * 1024 * 1024)

static const char *
string_of(const cJSON *object, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));
}

/* Every entry of LIST (named NAME) has the string members of MEMBERS. */
static int
check_entries(const char *path, const cJSON *list, const char *name,
    const char *const *members)
{
	const cJSON *entry;
	int index = 0, i;

	if (!cJSON_IsArray(list)) {
		dispute_error(_("%s: \"%s\" must be an array"), path, name);
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(entry, list) {
		for (i = 0; members[i] != NULL; i++)
			if (string_of(entry, members[i]) == NULL) {
				dispute_error(_("%s: %s[%d] needs a string \"%s\""), path, name,
				    index, members[i]);
				return DISPUTE_FAILED;
			}
		index++;
	}
	return DISPUTE_OK;
}

int
courts_load(const char *path, struct court_table *out)
{
	static const char *const court_members[] = { "city", "district", "court", NULL };
	static const char *const internet_members[] = { "city", "court", NULL };
	cJSON *root = NULL;
	const char *schema;
	int status = DISPUTE_FAILED;

	out->path = NULL;
	out->root = NULL;
	if (json_read_file(path, COURTS_FILE_MAX, &root) != DISPUTE_OK)
		return DISPUTE_FAILED;
	schema = string_of(root, "schema");
	if (schema == NULL || strcmp(schema, COURTS_SCHEMA) != 0) {
		dispute_error(_("%s: not a court table (\"schema\" must be \"%s\")"), path,
		    COURTS_SCHEMA);
		goto out;
	}
	if (string_of(root, "source") == NULL || string_of(root, "date") == NULL ||
	    !cJSON_IsBool(cJSON_GetObjectItemCaseSensitive(root, "confirmed"))) {
		dispute_error(_("%s: a court table needs its \"source\", \"date\" and "
		    "\"confirmed\""), path);
		goto out;
	}
	if (check_entries(path, cJSON_GetObjectItemCaseSensitive(root, "courts"), "courts",
	    court_members) != DISPUTE_OK ||
	    check_entries(path, cJSON_GetObjectItemCaseSensitive(root, "internet_courts"),
	    "internet_courts", internet_members) != DISPUTE_OK)
		goto out;
	out->path = strdup(path);
	if (out->path == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	out->root = root;
	root = NULL;
	status = DISPUTE_OK;
out:
	cJSON_Delete(root);
	return status;
}

int
courts_load_default(struct court_table *out)
{
	char *path = datadir_find("rules/courts-cn.json");
	int status;

	out->path = NULL;
	out->root = NULL;
	if (path == NULL)
		return DISPUTE_FAILED;
	status = courts_load(path, out);
	free(path);
	return status;
}

void
courts_free(struct court_table *t)
{
	if (t == NULL)
		return;
	cJSON_Delete(t->root);
	free(t->path);
	t->root = NULL;
	t->path = NULL;
}

/* Where CITY ("杭州市") is named in ADDRESS, in full or without its last character
 * ("杭州"); NULL when it is not. */
static const char *
find_city(const char *address, const char *city)
{
	const char *at = strstr(address, city);
	size_t len = strlen(city);
	char shorter[64];

	if (at != NULL || len <= 3 || len >= sizeof shorter)
		return at;
	/* "市" is three bytes of UTF-8. */
	if (strcmp(city + len - 3, "市") != 0)
		return NULL;
	memcpy(shorter, city, len - 3);
	shorter[len - 3] = '\0';
	return strstr(address, shorter);
}

/* The city of LIST named first in ADDRESS (a street may carry another city's name,
 * "杭州市南京路"), with where it is named in *AT. */
static const char *
first_city(const cJSON *list, const char *address, const char **at)
{
	const cJSON *entry;
	const char *best = NULL, *where;

	cJSON_ArrayForEach(entry, list) {
		where = find_city(address, string_of(entry, "city"));
		if (where != NULL && (best == NULL || where < *at)) {
			best = string_of(entry, "city");
			*at = where;
		}
	}
	return best;
}

void
courts_lookup(const struct court_table *t, const char *address, struct court_place *out)
{
	const cJSON *courts = cJSON_GetObjectItemCaseSensitive(t->root, "courts");
	const cJSON *internet = cJSON_GetObjectItemCaseSensitive(t->root, "internet_courts");
	const cJSON *entry;
	const char *at = NULL, *internet_at = NULL, *internet_city;

	memset(out, 0, sizeof *out);
	out->city = first_city(courts, address, &at);
	internet_city = first_city(internet, address, &internet_at);
	if (internet_city != NULL && (out->city == NULL || internet_at < at)) {
		out->city = internet_city;
		at = internet_at;
	}
	if (out->city == NULL)
		return;
	/* The district is looked for after the city, so that the city's own name cannot
	 * stand for a district elsewhere. */
	cJSON_ArrayForEach(entry, courts)
		if (strcmp(string_of(entry, "city"), out->city) == 0 &&
		    strstr(at, string_of(entry, "district")) != NULL) {
			out->district = string_of(entry, "district");
			out->court = string_of(entry, "court");
			break;
		}
	cJSON_ArrayForEach(entry, internet)
		if (strcmp(string_of(entry, "city"), out->city) == 0)
			out->internet_court = string_of(entry, "court");
}

static const char *
province_of_city(const struct court_table *t, const char *city)
{
	const cJSON *entry;

	cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(t->root, "courts"))
		if (strcmp(string_of(entry, "city"), city) == 0)
			return string_of(entry, "province");
	return NULL;
}

const char *
courts_province(const struct court_table *t, const struct dispute_case *c)
{
	const char *court = case_get(c, "case.court");
	const char *receipt = case_get(c, "order.delivery_address");
	const cJSON *entry;
	struct court_place place;

	cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(t->root, "courts"))
		if (court != NULL && strcmp(string_of(entry, "court"), court) == 0)
			return string_of(entry, "province");
	cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(t->root, "internet_courts"))
		if (court != NULL && strcmp(string_of(entry, "court"), court) == 0)
			return province_of_city(t, string_of(entry, "city"));
	if (receipt == NULL)
		receipt = case_get(c, "claimant.address");
	if (receipt == NULL)
		return NULL;
	courts_lookup(t, receipt, &place);
	return place.city != NULL ? province_of_city(t, place.city) : NULL;
}

/* "《LAW》ARTICLE" for each rule ID in IDS in force on DATE, joined with "、";
 * *CONFIRMED cleared when any of them is not confirmed. */
static char *
laws_text(const struct rules *r, const char *const *ids, const char *date, int *confirmed)
{
	char buf[1024] = "";
	size_t used = 0;
	struct rule rule;
	char *text;
	int i;

	*confirmed = 1;
	for (i = 0; ids[i] != NULL; i++) {
		if (rules_find(r, ids[i], date, &rule) != DISPUTE_OK)
			return NULL;
		*confirmed = *confirmed && rule.confirmed;
		if (used < sizeof buf)
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s《%s》%s",
			    i > 0 ? "、" : "", rule.law, rule.article);
	}
	text = strdup(buf);
	if (text == NULL)
		dispute_error(_("out of memory"));
	return text;
}

struct ground {
	const char *name;      /* "receipt", "defendant", "platform" */
	const char *field;     /* the fact the address comes from */
	const char *address;
	const char *label_zh;  /* how the complaint names the place */
	const char *label_en;
};

static cJSON *
find_court(cJSON *courts, const char *name)
{
	cJSON *entry;

	cJSON_ArrayForEach(entry, courts)
		if (strcmp(string_of(entry, "court"), name) == 0)
			return entry;
	return NULL;
}

/* Adds the court that G gives (or a ground to it when already listed). */
static int
add_ground(cJSON *courts, cJSON *unlisted, const struct court_table *t, const struct rules *r,
    const struct ground *g, int online, const char *date)
{
	static const char *const receipt_ids[] = {
		"jurisdiction-contract", "jurisdiction-online-sale", NULL
	};
	static const char *const receipt_internet_ids[] = {
		"jurisdiction-contract", "jurisdiction-online-sale", "jurisdiction-internet-court",
		NULL
	};
	static const char *const domicile_ids[] = { "jurisdiction-contract", NULL };
	static const char *const domicile_internet_ids[] = {
		"jurisdiction-contract", "jurisdiction-internet-court", NULL
	};
	const int receipt = strcmp(g->name, "receipt") == 0;
	struct court_place place;
	const char *court;
	cJSON *entry, *grounds, *ground;
	char placename[256], *law = NULL, *reason_zh = NULL, *reason_en = NULL;
	int internet, confirmed, status = DISPUTE_FAILED;

	courts_lookup(t, g->address, &place);
	internet = online && place.internet_court != NULL;
	court = internet ? place.internet_court : place.court;
	if (court == NULL) {
		entry = cJSON_CreateObject();
		cJSON_AddStringToObject(entry, "field", g->field);
		cJSON_AddStringToObject(entry, "address", g->address);
		if (place.city != NULL)
			cJSON_AddStringToObject(entry, "city", place.city);
		cJSON_AddItemToArray(unlisted, entry);
		return DISPUTE_OK;
	}
	snprintf(placename, sizeof placename, "%s%s", place.city,
	    place.district != NULL ? place.district : "");
	ground = cJSON_CreateObject();
	cJSON_AddStringToObject(ground, "ground", g->name);
	cJSON_AddStringToObject(ground, "field", g->field);
	cJSON_AddStringToObject(ground, "address", g->address);
	cJSON_AddStringToObject(ground, "place", placename);
	entry = find_court(courts, court);
	if (entry != NULL) {
		cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(entry, "grounds"), ground);
		return DISPUTE_OK;
	}
	law = laws_text(r, internet ? (receipt ? receipt_internet_ids : domicile_internet_ids) :
	    receipt ? receipt_ids : domicile_ids, date, &confirmed);
	if (law == NULL)
		goto out;
	if (asprintf(&reason_zh, "本案%s位于%s，依据%s，贵院有管辖权。", g->label_zh,
	    placename, law) == -1 || asprintf(&reason_en, "The %s is in %s, which gives the "
	    "Court jurisdiction under %s.", g->label_en, placename, law) == -1) {
		dispute_error(_("out of memory"));
		goto out;
	}
	entry = cJSON_CreateObject();
	cJSON_AddStringToObject(entry, "court", court);
	cJSON_AddStringToObject(entry, "kind", internet ? "internet" : "basic");
	grounds = cJSON_AddArrayToObject(entry, "grounds");
	cJSON_AddItemToArray(grounds, ground);
	ground = NULL;
	if (internet && place.court != NULL)
		cJSON_AddStringToObject(entry, "replaces", place.court);
	cJSON_AddStringToObject(entry, "law", law);
	cJSON_AddBoolToObject(entry, "confirmed", confirmed);
	cJSON_AddStringToObject(entry, "reason_zh", reason_zh);
	cJSON_AddStringToObject(entry, "reason_en", reason_en);
	cJSON_AddItemToArray(courts, entry);
	status = DISPUTE_OK;
out:
	cJSON_Delete(ground);
	free(law);
	free(reason_zh);
	free(reason_en);
	return status;
}

int
courts_for_case(const struct court_table *t, const struct rules *r,
    const struct dispute_case *c, const char *date, cJSON **out)
{
	const char *delivery = case_get(c, "order.delivery_address");
	const char *self = case_get(c, "order.self_operated");
	const int self_operated = self != NULL && strcmp(self, "yes") == 0;
	const int platform_company = case_get(c, "platform.company") != NULL;
	struct ground grounds[3];
	cJSON *result = cJSON_CreateObject(), *courts, *unlisted, *clause, *table;
	struct rule rule;
	size_t n = 0, i;
	int status = DISPUTE_FAILED;

	*out = NULL;
	if (result == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	grounds[n] = (struct ground){ "receipt", delivery != NULL ? "order.delivery_address" :
	    "claimant.address", delivery != NULL ? delivery : case_get(c, "claimant.address"),
	    "收货地（合同履行地）", "place of receipt (where the contract was performed)" };
	n += grounds[n].address != NULL;
	/* A self-operated order is sued against the platform company, at its domicile. */
	if (self_operated && platform_company)
		grounds[n] = (struct ground){ "defendant", "platform.address",
		    case_get(c, "platform.address"), "被告住所地", "defendant's domicile" };
	else
		grounds[n] = (struct ground){ "defendant", "merchant.address",
		    case_get(c, "merchant.address"), "被告住所地", "defendant's domicile" };
	n += grounds[n].address != NULL;
	if (!self_operated && platform_company) {
		grounds[n] = (struct ground){ "platform", "platform.address",
		    case_get(c, "platform.address"), "被告二住所地", "second defendant's domicile" };
		n += grounds[n].address != NULL;
	}
	courts = cJSON_AddArrayToObject(result, "courts");
	unlisted = cJSON_AddArrayToObject(result, "unlisted");
	for (i = 0; i < n; i++)
		if (add_ground(courts, unlisted, t, r, &grounds[i],
		    case_get(c, "case.platform") != NULL, date) != DISPUTE_OK)
			goto out;
	if (rules_find(r, "jurisdiction-standard-clause", date, &rule) != DISPUTE_OK)
		goto out;
	clause = cJSON_AddObjectToObject(result, "clause");
	cJSON_AddStringToObject(clause, "law", rule.law);
	cJSON_AddStringToObject(clause, "article", rule.article);
	cJSON_AddBoolToObject(clause, "confirmed", rule.confirmed);
	table = cJSON_AddObjectToObject(result, "table");
	cJSON_AddStringToObject(table, "source", string_of(t->root, "source"));
	if (string_of(t->root, "source_en") != NULL)
		cJSON_AddStringToObject(table, "source_en", string_of(t->root, "source_en"));
	cJSON_AddStringToObject(table, "date", string_of(t->root, "date"));
	cJSON_AddBoolToObject(table, "confirmed",
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(t->root, "confirmed")));
	*out = result;
	result = NULL;
	status = DISPUTE_OK;
out:
	cJSON_Delete(result);
	return status;
}
