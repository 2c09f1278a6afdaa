/* The one date module: YYYY-MM-DD dates in the proleptic Gregorian calendar, years
 * 0001-9999, as parsed fields and as text, with day arithmetic done in integers (no
 * time_t, no struct tm), so that neither the time zone nor daylight saving can shift
 * a deadline by a day. Working days and holidays are in calendar.h. */
#ifndef DISPUTE_DATE_H
#define DISPUTE_DATE_H

#include <time.h>

#define DATE_LEN 11 /* "YYYY-MM-DD" and NUL */
#define DATE_YEAR_MIN 1
#define DATE_YEAR_MAX 9999

struct date_ymd {
	int y, m, d;
};

int date_is_leap_year(int year);
/* Days in MONTH (1-12) of YEAR. */
int date_month_days(int year, int month);

/* Reads the shape "dddd-dd-dd" into OUT without asking whether the day exists: the
 * caller can then say which part is wrong. Returns 1 for the shape, 0 otherwise. */
int date_parse_shape(const char *s, struct date_ymd *out);
/* Whether D names a day that exists in years 0001-9999. */
int date_exists(const struct date_ymd *d);
/* Strictly "YYYY-MM-DD" naming a day that exists: 1, else 0. */
int date_parse(const char *s, struct date_ymd *out);
/* Negative, zero or positive as A is before, the same day as, or after B. */
int date_compare(const struct date_ymd *a, const struct date_ymd *b);

/* Days since 1970-01-01, and back. */
long date_to_days(struct date_ymd d);
struct date_ymd date_from_days(long days);
/* 0 Sunday … 6 Saturday. */
int date_weekday_of(struct date_ymd d);
/* "YYYY-MM-DD" for a date within years 1-9999. */
void date_format(struct date_ymd d, char out[DATE_LEN]);

/* Parses DATE into OUT, or reports that it is not a date and fails. */
int date_require(const char *date, struct date_ymd *out);
/* Writes the date DAYS after the epoch, or reports (naming FROM, where the arithmetic
 * started) that it leaves years 1-9999 and fails. */
int date_format_days(const char *from, long days, char out[DATE_LEN]);

/* Nonzero when DATE is "YYYY-MM-DD" naming a day that exists. The functions below
 * report an invalid date and fail; date_weekday returns -1 for it. */
int date_valid(const char *date);
/* DATE plus DAYS calendar days (DAYS may be negative). */
int date_add_days(const char *date, int days, char out[DATE_LEN]);
/* DATE plus YEARS years; 29 February becomes 28 February in a common year. */
int date_add_years(const char *date, int years, char out[DATE_LEN]);
/* Days from A to B (positive when B is later). */
int date_diff_days(const char *a, const char *b, int *days);
/* 0 Sunday … 6 Saturday. */
int date_weekday(const char *date);

/* "2026年11月25日" for "2026-11-25" (no leading zeros), in BUF of at least 32 bytes. */
void date_format_zh(const char *date, char *buf);

/* Midnight of DATE in local time, for timestamps that readers show in local time (a
 * zip's DOS times); (time_t)-1 when DATE is not a valid date. */
time_t date_local_midnight(const char *date);

#endif
