/* The current date and time as the program records them. SOURCE_DATE_EPOCH, when set,
 * fixes "now" so that dossiers and tests are reproducible. */
#ifndef DISPUTE_CLOCK_H
#define DISPUTE_CLOCK_H

#include <time.h>

#define CLOCK_DATE_LEN 11      /* "YYYY-MM-DD" and NUL */
#define CLOCK_TIMESTAMP_LEN 32 /* "YYYY-MM-DDTHH:MM:SS+08:00" and NUL */

/* Now: SOURCE_DATE_EPOCH if set and valid, else the system clock. */
int clock_now(time_t *now);

/* Today's date in local time (UTC when SOURCE_DATE_EPOCH is set). */
int clock_today(char date[CLOCK_DATE_LEN]);

/* Now as ISO 8601 with the UTC offset. */
int clock_timestamp(char stamp[CLOCK_TIMESTAMP_LEN]);

/* WHEN the same way, in the zone clock_timestamp() uses (UTC when SOURCE_DATE_EPOCH is
 * set): for a file's modification time beside the time it was added. */
int clock_format(time_t when, char stamp[CLOCK_TIMESTAMP_LEN]);

#endif
