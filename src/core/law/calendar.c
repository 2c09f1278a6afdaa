/*
 * Calendar arithmetic on YYYY-MM-DD dates and working days under the official holiday
 * table.
 *
 * Dates are converted to a count of days since 1970-01-01 with the days-from-civil
 * algorithm (proleptic Gregorian calendar) and back, all in integers: no time_t, no
 * struct tm, no mktime, so neither the time zone nor daylight saving nor the range
 * of time_t can shift a deadline by a day.
 *
 * Holiday tables are checked in full before anything is merged, so a malformed user
 * table is refused with its file named and leaves the loaded table as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispute/calendar.h"
#include "dispute/datadir.h"
#include "dispute/fsutil.h"
#include "dispute/json-file.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

#define HOLIDAYS_SCHEMA "dispute-holidays/1"
#define HOLIDAYS_FILE_MAX (1024 * 1024)
/* A generous bound on a working-day count: ten years of working days. It keeps a
 * mistyped count from walking the calendar for minutes. */
#define WORKDAYS_MAX 2500
#define YEAR_MIN 1
#define YEAR_MAX 9999

struct ymd {
	int y, m, d;
};

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Strictly "YYYY-MM-DD" naming a day that exists; no signs, spaces or short fields. */
static int
parse_date(const char *s, struct ymd *out)
{
	int i, v[8];

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	for (i = 0; i < 4; i++)
		v[i] = s[i] - '0';
	out->y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
	out->m = (s[5] - '0') * 10 + (s[6] - '0');
	out->d = (s[8] - '0') * 10 + (s[9] - '0');
	return out->y >= YEAR_MIN && out->m >= 1 && out->m <= 12 && out->d >= 1 &&
	    out->d <= month_days(out->y, out->m);
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil): March-based years put the
 * leap day last, so each 400-year era has a closed form. */
static long
days_from_civil(struct ymd date)
{
	long y = date.y - (date.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (date.m > 2 ? date.m - 3 : date.m + 9) + 2) / 5 + date.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static struct ymd
civil_from_days(long z)
{
	struct ymd out;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out.y = (int)(yoe + era * 400 + (out.m <= 2));
	return out;
}

static void
format_date(struct ymd date, char out[DATE_LEN])
{
	/* Callers keep DATE within years 1-9999; the remainders let the compiler see
	 * that the text fits. */
	snprintf(out, DATE_LEN, "%04u-%02u-%02u", (unsigned)date.y % 10000u,
	    (unsigned)date.m % 100u, (unsigned)date.d % 100u);
}

/* Writes the date Z days after the epoch, or reports when it leaves years 1-9999. */
static int
emit_days(const char *from, long z, char out[DATE_LEN])
{
	struct ymd date;

	/* 0001-01-01 and 9999-12-31 in days since the epoch. */
	if (z < -719162L || z > 2932896L) {
		dispute_error(_("date arithmetic from %s leaves the years %d-%d"), from, YEAR_MIN,
		    YEAR_MAX);
		return DISPUTE_FAILED;
	}
	date = civil_from_days(z);
	format_date(date, out);
	return DISPUTE_OK;
}

static int
need_date(const char *date, struct ymd *out)
{
	if (parse_date(date, out))
		return DISPUTE_OK;
	dispute_error(_("\"%s\" is not a date written YYYY-MM-DD"),
	    date != NULL ? date : _("(none)"));
	return DISPUTE_FAILED;
}

int
date_valid(const char *date)
{
	struct ymd ignored;

	return parse_date(date, &ignored);
}

int
date_add_days(const char *date, int days, char out[DATE_LEN])
{
	struct ymd start;

	if (need_date(date, &start) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return emit_days(date, days_from_civil(start) + days, out);
}

int
date_add_years(const char *date, int years, char out[DATE_LEN])
{
	struct ymd start;
	long y;

	if (need_date(date, &start) != DISPUTE_OK)
		return DISPUTE_FAILED;
	y = (long)start.y + years;
	if (y < YEAR_MIN || y > YEAR_MAX) {
		dispute_error(_("%s plus %d years leaves the years %d-%d"), date, years, YEAR_MIN,
		    YEAR_MAX);
		return DISPUTE_FAILED;
	}
	start.y = (int)y;
	/* A period that ends on a day the final year lacks ends on that month's last day. */
	if (start.d > month_days(start.y, start.m))
		start.d = month_days(start.y, start.m);
	format_date(start, out);
	return DISPUTE_OK;
}

int
date_diff_days(const char *a, const char *b, int *days)
{
	struct ymd da, db;

	if (need_date(a, &da) != DISPUTE_OK || need_date(b, &db) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* Years 1-9999 span under 3.7 million days, well inside an int. */
	*days = (int)(days_from_civil(db) - days_from_civil(da));
	return DISPUTE_OK;
}

static int
weekday_of(long z)
{
	/* 1970-01-01 was a Thursday (4); the double modulo keeps earlier dates positive. */
	return (int)(((z % 7) + 7 + 4) % 7);
}

int
date_weekday(const char *date)
{
	struct ymd d;

	if (!parse_date(date, &d))
		return -1;
	return weekday_of(days_from_civil(d));
}

void
date_format_zh(const char *date, char *buf)
{
	struct ymd d;

	if (!parse_date(date, &d)) {
		snprintf(buf, 32, "%s", date != NULL ? date : "");
		return;
	}
	snprintf(buf, 32, "%d年%d月%d日", d.y, d.m, d.d);
}

/* ---- the holiday table ---- */

static const cJSON *
year_entry(const struct holiday_table *t, int year)
{
	char key[8];

	if (t == NULL || t->years == NULL || year < YEAR_MIN || year > YEAR_MAX)
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
working(const struct holiday_table *t, struct ymd d, const char *date)
{
	const cJSON *entry = year_entry(t, d.y);
	int wd = weekday_of(days_from_civil(d));

	if (entry != NULL && listed(entry, "workdays", date))
		return 1;
	if (entry != NULL && listed(entry, "holidays", date))
		return 0;
	return wd != 0 && wd != 6;
}

int
is_working_day(const struct holiday_table *t, const char *date)
{
	struct ymd d;

	if (!parse_date(date, &d))
		return 0;
	return working(t, d, date);
}

int
workdays_add(const struct holiday_table *t, const char *date, int n, char out[DATE_LEN],
    int *uncovered)
{
	struct ymd start, d;
	char day[DATE_LEN];
	long z;
	int counted = 0;

	if (uncovered != NULL)
		*uncovered = 0;
	if (need_date(date, &start) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (n < 0 || n > WORKDAYS_MAX) {
		dispute_error(_("%d working days: the count must be 0 to %d"), n, WORKDAYS_MAX);
		return DISPUTE_FAILED;
	}
	z = days_from_civil(start);
	format_date(start, day);
	while (counted < n) {
		z++;
		if (emit_days(date, z, day) != DISPUTE_OK)
			return DISPUTE_FAILED;
		d = civil_from_days(z);
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
	struct ymd d;
	int wd;

	if (!cJSON_IsArray(list)) {
		dispute_error(_("%s: year %s: \"%s\" must be an array of dates"), path, year, name);
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(item, list) {
		if (!cJSON_IsString(item) || !parse_date(item->valuestring, &d)) {
			dispute_error(_("%s: year %s: \"%s\" holds something that is not a date "
			    "written YYYY-MM-DD"), path, year, name);
			return DISPUTE_FAILED;
		}
		if (strncmp(item->valuestring, year, 4) != 0) {
			dispute_error(_("%s: year %s: %s belongs under \"%.4s\""), path, year,
			    item->valuestring, item->valuestring);
			return DISPUTE_FAILED;
		}
		wd = weekday_of(days_from_civil(d));
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
	cJSON *root = NULL, *years, *entry, *copy;
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
	if (t->years == NULL) {
		t->years = cJSON_CreateObject();
		if (t->years == NULL)
			goto nomem;
	}
	/* Only now, with the whole file checked, is anything merged: a later file's year
	 * replaces the earlier one whole, since a notice is only meaningful complete. */
	cJSON_ArrayForEach(entry, years) {
		copy = cJSON_Duplicate(entry, 1);
		if (copy == NULL)
			goto nomem;
		cJSON_DeleteItemFromObjectCaseSensitive(t->years, entry->string);
		if (!cJSON_AddItemToObject(t->years, entry->string, copy)) {
			cJSON_Delete(copy);
			goto nomem;
		}
	}
	status = DISPUTE_OK;
	goto out;
nomem:
	dispute_error(_("out of memory"));
out:
	cJSON_Delete(root);
	return status;
}

int
holidays_load_default(struct holiday_table *t, const char *case_dir)
{
	const char *user = getenv("DISPUTE_HOLIDAYS");
	char *shipped, *local = NULL;
	int status = DISPUTE_FAILED;

	shipped = datadir_find("rules/holidays-cn.json");
	if (shipped == NULL)
		goto out;
	if (holidays_load(t, shipped) != DISPUTE_OK)
		goto out;
	/* A named file that is missing is an error, not a silent fallback: the user asked
	 * for their table and would otherwise get deadlines computed without it. */
	if (user != NULL && user[0] != '\0' && holidays_load(t, user) != DISPUTE_OK)
		goto out;
	if (case_dir != NULL) {
		local = path_join(case_dir, "holidays.json");
		if (local == NULL)
			goto out;
		if (access(local, F_OK) == 0 && holidays_load(t, local) != DISPUTE_OK)
			goto out;
	}
	status = DISPUTE_OK;
out:
	if (status != DISPUTE_OK)
		holidays_free(t);
	free(local);
	free(shipped);
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
