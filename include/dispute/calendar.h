/* Working days under the official public holiday table (rules/holidays-cn.json), which
 * lists each year's holidays and the weekend days swapped into working days (调休). The
 * date arithmetic itself is in date.h. */
#ifndef DISPUTE_CALENDAR_H
#define DISPUTE_CALENDAR_H

#include <cjson/cJSON.h>

#include "dispute/date.h"

struct holiday_table {
	cJSON *years;   /* object: "2026" → { "holidays": [...], "workdays": [...], ... } */
};

/* Loads a holiday table into T, which starts zeroed ({ NULL }); a second call merges
 * another file into it, its years replacing the same years already loaded (a user's
 * table overrides the shipped one). A file is checked whole before anything is merged:
 * on failure T is unchanged. */
int holidays_load(struct holiday_table *t, const char *path);
/* The shipped table, then $DISPUTE_HOLIDAYS if set (a missing file is an error), then
 * CASE_DIR/holidays.json if it exists (CASE_DIR may be NULL). On failure T is emptied. */
int holidays_load_default(struct holiday_table *t, const char *case_dir);
void holidays_free(struct holiday_table *t);

/* Whether the table covers YEAR; when it does not, only weekends are skipped there. */
int holidays_cover_year(const struct holiday_table *t, int year);
/* Whether the table's entry for YEAR is marked confirmed against the official notice. */
int holidays_year_confirmed(const struct holiday_table *t, int year);

/* Whether DATE is a working day: a weekday that is not a holiday, or a swapped working
 * weekend day (0 for an invalid date). T may be NULL: weekends only. */
int is_working_day(const struct holiday_table *t, const char *date);

/* The Nth working day after DATE (DATE itself is not counted), e.g. "within 7 working
 * days of receipt"; N is 0 to 2500. *UNCOVERED (may be NULL) is set when the span reaches
 * a year the table does not cover, so that the caller can say only weekends were
 * skipped there, and cleared otherwise. */
int workdays_add(const struct holiday_table *t, const char *date, int n, char out[DATE_LEN],
    int *uncovered);

#endif
