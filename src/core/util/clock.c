/* "Now" for the whole program, so that SOURCE_DATE_EPOCH is honoured in one place. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/clock.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

/* Reproducible-builds convention: an integer count of seconds since 1970, in UTC. */
static int
source_date_epoch(time_t *when)
{
	const char *text = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long seconds;

	if (text == NULL || text[0] == '\0')
		return 0;
	errno = 0;
	seconds = strtoll(text, &end, 10);
	if (errno != 0 || *end != '\0' || seconds < 0) {
		dispute_warning(_("SOURCE_DATE_EPOCH=\"%s\" is not a count of seconds; using the "
		    "clock"), text);
		return 0;
	}
	*when = (time_t)seconds;
	return 1;
}

/* Now, and whether it came from SOURCE_DATE_EPOCH (which is a UTC instant). */
static int
read_now(time_t *now, int *fixed)
{
	*fixed = source_date_epoch(now);
	if (*fixed)
		return DISPUTE_OK;
	*now = time(NULL);
	if (*now == (time_t)-1) {
		dispute_error(_("cannot read the system clock: %s"), strerror(errno));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

int
clock_now(time_t *now)
{
	int fixed;

	return read_now(now, &fixed);
}

static int
broken_down_now(struct tm *tm)
{
	time_t now;
	int fixed;

	if (read_now(&now, &fixed) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if ((fixed ? gmtime_r(&now, tm) : localtime_r(&now, tm)) == NULL) {
		dispute_error(_("cannot convert the current time"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

int
clock_today(char date[CLOCK_DATE_LEN])
{
	struct tm tm;

	if (broken_down_now(&tm) != DISPUTE_OK)
		return DISPUTE_FAILED;
	strftime(date, CLOCK_DATE_LEN, "%Y-%m-%d", &tm);
	return DISPUTE_OK;
}

/* TM as ISO 8601 with its UTC offset. */
static void
format_tm(const struct tm *tm, char stamp[CLOCK_TIMESTAMP_LEN])
{
	char zone[8];
	size_t n = strftime(stamp, CLOCK_TIMESTAMP_LEN, "%Y-%m-%dT%H:%M:%S", tm);

	/* strftime's %z gives +0800; ISO 8601 extended format wants +08:00. */
	strftime(zone, sizeof zone, "%z", tm);
	if (strlen(zone) == 5)
		snprintf(stamp + n, CLOCK_TIMESTAMP_LEN - n, "%.3s:%s", zone, zone + 3);
}

int
clock_timestamp(char stamp[CLOCK_TIMESTAMP_LEN])
{
	struct tm tm;

	if (broken_down_now(&tm) != DISPUTE_OK)
		return DISPUTE_FAILED;
	format_tm(&tm, stamp);
	return DISPUTE_OK;
}

int
clock_format(time_t when, char stamp[CLOCK_TIMESTAMP_LEN])
{
	time_t now;
	struct tm tm;
	int fixed;

	if (read_now(&now, &fixed) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if ((fixed ? gmtime_r(&when, &tm) : localtime_r(&when, &tm)) == NULL) {
		dispute_error(_("cannot convert the time %lld"), (long long)when);
		return DISPUTE_FAILED;
	}
	format_tm(&tm, stamp);
	return DISPUTE_OK;
}
