/*
 * Working days under the official holiday table; the date arithmetic itself is in
 * the date module (date.h).
 *
 * Holiday tables are checked in full before anything is merged, so a malformed user
 * table is refused with its file named and leaves the loaded table as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/calendar.h"
#include "dispute/date.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/report.h"
#include "overlay.h"

#define HOLIDAYS_SCHEMA "dispute-holidays/1"
#define HOLIDAYS_FILE_MAX (1024 * 1024)
/* A generous bound on a working-day count: ten years of working days. It keeps a
 * mistyped count from walking the calendar for minutes. */
#define WORKDAYS_MAX 2500


/* ---- the holiday table ---- */

static const cJSON *
year_entry(const struct holiday_table *t, int year)
{
	char key[8];

	if (t == NULL || t->years == NULL || year < DATE_YEAR_MIN || year > DATE_YEAR_MAX)
		return NULL;
	snprintf(key, sizeof key, "%04d", year);
	return cJSON_GetObjectItemCaseSensitive(t->years, key);
}

int
holidays_cover_year(const struct holiday_table *t, int year)
{
	return year_entry(t, year) != NULL;
}

int
holidays_year_confirmed(const struct holiday_table *t, int year)
{
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(year_entry(t, year), "confirmed"));
}

static int
listed(const cJSON *entry, const char *list, const char *date)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(entry, list))
		if (strcmp(item->valuestring, date) == 0)
			return 1;
	return 0;
}

/* Working-day test on a date already parsed, so that workdays_add need not reparse. */
static int
working(const struct holiday_table *t, struct date_ymd d, const char *date)
{
	const cJSON *entry = year_entry(t, d.y);
	int wd = date_weekday_of(d);

	if (entry != NULL && listed(entry, "workdays", date))
		return 1;
	if (entry != NULL && listed(entry, "holidays", date))
		return 0;
	return wd != 0 && wd != 6;
}

int
is_working_day(const struct holiday_table *t, const char *date)
{
	struct date_ymd d;

	if (!date_parse(date, &d))
		return 0;
	return working(t, d, date);
}

int
workdays_add(const struct holiday_table *t, const char *date, int n, char out[DATE_LEN],
    int *uncovered)
{
	struct date_ymd start, d;
	char day[DATE_LEN];
	long z;
	int counted = 0;

	if (uncovered != NULL)
		*uncovered = 0;
	if (date_require(date, &start) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (n < 0 || n > WORKDAYS_MAX) {
		dispute_error(_("%d working days: the count must be 0 to %d"), n, WORKDAYS_MAX);
		return DISPUTE_FAILED;
	}
	z = date_to_days(start);
	date_format(start, day);
	while (counted < n) {
		z++;
		if (date_format_days(date, z, day) != DISPUTE_OK)
			return DISPUTE_FAILED;
		d = date_from_days(z);
		if (uncovered != NULL && year_entry(t, d.y) == NULL)
			*uncovered = 1;
		if (working(t, d, day))
			counted++;
	}
	memcpy(out, day, DATE_LEN);
	return DISPUTE_OK;
}

/* One of a year's date lists: strings naming real dates in that year, each once. A
 * swapped working day is by definition a weekend day, so a weekday there is a typo. */
static int
check_list(const char *path, const char *year, const cJSON *entry, const char *name,
    int weekends_only)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(entry, name), *item, *other;
	struct date_ymd d;
	int wd;

	if (!cJSON_IsArray(list)) {
		dispute_error(_("%s: year %s: \"%s\" must be an array of dates"), path, year, name);
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(item, list) {
		if (!cJSON_IsString(item) || !date_parse(item->valuestring, &d)) {
			dispute_error(_("%s: year %s: \"%s\" holds something that is not a date "
			    "written YYYY-MM-DD"), path, year, name);
			return DISPUTE_FAILED;
		}
		if (strncmp(item->valuestring, year, 4) != 0) {
			dispute_error(_("%s: year %s: %s belongs under \"%.4s\""), path, year,
			    item->valuestring, item->valuestring);
			return DISPUTE_FAILED;
		}
		wd = date_weekday_of(d);
		if (weekends_only && wd != 0 && wd != 6) {
			dispute_error(_("%s: year %s: working day %s is a weekday, not a swapped "
			    "weekend day"), path, year, item->valuestring);
			return DISPUTE_FAILED;
		}
		for (other = list->child; other != item; other = other->next)
			if (strcmp(other->valuestring, item->valuestring) == 0) {
				dispute_error(_("%s: year %s: %s is listed twice in \"%s\""), path,
				    year, item->valuestring, name);
				return DISPUTE_FAILED;
			}
	}
	return DISPUTE_OK;
}

static int
check_year(const char *path, const cJSON *years, const cJSON *entry)
{
	const char *key = entry->string;
	const cJSON *item, *other;
	int i;

	for (i = 0; key[i] != '\0'; i++)
		if (key[i] < '0' || key[i] > '9')
			break;
	if (i != 4 || key[i] != '\0' || strcmp(key, "0001") < 0) {
		dispute_error(_("%s: \"%s\" is not a four-digit year"), path, key);
		return DISPUTE_FAILED;
	}
	/* cJSON keeps duplicate keys; which one a lookup finds is an accident of order. */
	for (other = years->child; other != entry; other = other->next)
		if (strcmp(other->string, key) == 0) {
			dispute_error(_("%s: year %s appears twice"), path, key);
			return DISPUTE_FAILED;
		}
	if (!cJSON_IsObject(entry)) {
		dispute_error(_("%s: year %s must be an object"), path, key);
		return DISPUTE_FAILED;
	}
	item = cJSON_GetObjectItemCaseSensitive(entry, "confirmed");
	if (item != NULL && !cJSON_IsBool(item)) {
		dispute_error(_("%s: year %s: \"confirmed\" must be true or false"), path, key);
		return DISPUTE_FAILED;
	}
	if (check_list(path, key, entry, "holidays", 0) != DISPUTE_OK ||
	    check_list(path, key, entry, "workdays", 1) != DISPUTE_OK)
		return DISPUTE_FAILED;
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(entry, "workdays"))
		if (listed(entry, "holidays", item->valuestring)) {
			dispute_error(_("%s: year %s: %s is listed both as a holiday and as a "
			    "working day"), path, key, item->valuestring);
			return DISPUTE_FAILED;
		}
	return DISPUTE_OK;
}

int
holidays_load(struct holiday_table *t, const char *path)
{
	cJSON *root = NULL, *years, *entry;
	const char *schema;
	int status = DISPUTE_FAILED;

	if (json_read_file(path, HOLIDAYS_FILE_MAX, &root) != DISPUTE_OK)
		return DISPUTE_FAILED;
	schema = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "schema"));
	if (schema == NULL || strcmp(schema, HOLIDAYS_SCHEMA) != 0) {
		dispute_error(_("%s: not a holiday table (\"schema\" must be \"%s\")"), path,
		    HOLIDAYS_SCHEMA);
		goto out;
	}
	years = cJSON_GetObjectItemCaseSensitive(root, "years");
	if (!cJSON_IsObject(years)) {
		dispute_error(_("%s: \"years\" must be an object keyed by year"), path);
		goto out;
	}
	cJSON_ArrayForEach(entry, years)
		if (check_year(path, years, entry) != DISPUTE_OK)
			goto out;
	/* Only now, with the whole file checked, is anything merged: a later file's year
	 * replaces the earlier one whole, since a notice is only meaningful complete. */
	status = overlay_merge(&t->years, years);
out:
	cJSON_Delete(root);
	return status;
}

static int
load_holidays(void *table, const char *path)
{
	return holidays_load(table, path);
}

int
holidays_load_default(struct holiday_table *t, const char *case_dir)
{
	int status = overlay_load(t, load_holidays, "holidays-cn.json", "DISPUTE_HOLIDAYS",
	    case_dir, "holidays.json");

	if (status != DISPUTE_OK)
		holidays_free(t);
	return status;
}

void
holidays_free(struct holiday_table *t)
{
	if (t == NULL)
		return;
	cJSON_Delete(t->years);
	t->years = NULL;
}
