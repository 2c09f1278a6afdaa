/* The one date module (date.h): parsing, checking, formatting and day arithmetic on
 * YYYY-MM-DD dates.
 *
 * Dates are converted to a count of days since 1970-01-01 with the days-from-civil
 * algorithm (proleptic Gregorian calendar) and back, all in integers. */
#include <stdio.h>
#include <string.h>

#include "dispute/date.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

int
date_is_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && date_is_leap_year(y) ? 29 : days[m - 1];
}

int
date_parse_shape(const char *s, struct date_ymd *out)
{
	int i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	out->y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	out->m = (s[5] - '0') * 10 + (s[6] - '0');
	out->d = (s[8] - '0') * 10 + (s[9] - '0');
	return 1;
}

int
date_exists(const struct date_ymd *d)
{
	return d->y >= DATE_YEAR_MIN && d->y <= DATE_YEAR_MAX && d->m >= 1 && d->m <= 12 &&
	    d->d >= 1 && d->d <= date_month_days(d->y, d->m);
}

/* Strictly "YYYY-MM-DD" naming a day that exists; no signs, spaces or short fields. */
int
date_parse(const char *s, struct date_ymd *out)
{
	return date_parse_shape(s, out) && date_exists(out);
}

int
date_compare(const struct date_ymd *a, const struct date_ymd *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	return a->d < b->d ? -1 : a->d > b->d;
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil): March-based years put the
 * leap day last, so each 400-year era has a closed form. */
long
date_to_days(struct date_ymd date)
{
	long y = date.y - (date.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (date.m > 2 ? date.m - 3 : date.m + 9) + 2) / 5 + date.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date_ymd
date_from_days(long z)
{
	struct date_ymd out;
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

void
date_format(struct date_ymd date, char out[DATE_LEN])
{
	/* Callers keep DATE within years 1-9999; the remainders let the compiler see
	 * that the text fits. */
	snprintf(out, DATE_LEN, "%04u-%02u-%02u", (unsigned)date.y % 10000u,
	    (unsigned)date.m % 100u, (unsigned)date.d % 100u);
}

int
date_format_days(const char *from, long z, char out[DATE_LEN])
{
	struct date_ymd date;

	/* 0001-01-01 and 9999-12-31 in days since the epoch. */
	if (z < -719162L || z > 2932896L) {
		dispute_error(_("date arithmetic from %s leaves the years %d-%d"), from,
		    DATE_YEAR_MIN, DATE_YEAR_MAX);
		return DISPUTE_FAILED;
	}
	date = date_from_days(z);
	date_format(date, out);
	return DISPUTE_OK;
}

int
date_require(const char *date, struct date_ymd *out)
{
	if (date_parse(date, out))
		return DISPUTE_OK;
	dispute_error(_("\"%s\" is not a date written YYYY-MM-DD"),
	    date != NULL ? date : _("(none)"));
	return DISPUTE_FAILED;
}

int
date_valid(const char *date)
{
	struct date_ymd ignored;

	return date_parse(date, &ignored);
}

int
date_add_days(const char *date, int days, char out[DATE_LEN])
{
	struct date_ymd start;

	if (date_require(date, &start) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return date_format_days(date, date_to_days(start) + days, out);
}

int
date_add_years(const char *date, int years, char out[DATE_LEN])
{
	struct date_ymd start;
	long y;

	if (date_require(date, &start) != DISPUTE_OK)
		return DISPUTE_FAILED;
	y = (long)start.y + years;
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX) {
		dispute_error(_("%s plus %d years leaves the years %d-%d"), date, years, DATE_YEAR_MIN,
		    DATE_YEAR_MAX);
		return DISPUTE_FAILED;
	}
	start.y = (int)y;
	/* A period that ends on a day the final year lacks ends on that month's last day. */
	if (start.d > date_month_days(start.y, start.m))
		start.d = date_month_days(start.y, start.m);
	date_format(start, out);
	return DISPUTE_OK;
}

int
date_diff_days(const char *a, const char *b, int *days)
{
	struct date_ymd da, db;

	if (date_require(a, &da) != DISPUTE_OK || date_require(b, &db) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* Years 1-9999 span under 3.7 million days, well inside an int. */
	*days = (int)(date_to_days(db) - date_to_days(da));
	return DISPUTE_OK;
}

int
date_weekday_of(struct date_ymd d)
{
	long z = date_to_days(d);

	/* 1970-01-01 was a Thursday (4); the double modulo keeps earlier dates positive. */
	return (int)(((z % 7) + 7 + 4) % 7);
}

int
date_weekday(const char *date)
{
	struct date_ymd d;

	if (!date_parse(date, &d))
		return -1;
	return date_weekday_of(d);
}

void
date_format_zh(const char *date, char *buf)
{
	struct date_ymd d;

	if (!date_parse(date, &d)) {
		snprintf(buf, 32, "%s", date != NULL ? date : "");
		return;
	}
	snprintf(buf, 32, "%d年%d月%d日", d.y, d.m, d.d);
}

time_t
date_local_midnight(const char *date)
{
	struct date_ymd d;
	struct tm tm;

	if (!date_parse(date, &d))
		return (time_t)-1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = d.y - 1900;
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d;
	tm.tm_isdst = -1;
	return mktime(&tm);
}
