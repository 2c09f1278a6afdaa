/* The open deadlines of `dispute status` as an iCalendar file (RFC 5545), written by the
 * helper dispute-calendar (libical): one all-day event a deadline, naming its rule and
 * article, reminders one and three days before, and UIDs that stay the same from one
 * export to the next, so that importing the file again updates the events. */
#ifndef DISPUTE_ICS_H
#define DISPUTE_ICS_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "dispute/case.h"

/* The calendar of the deadlines in LADDER (ladder_assess()) of case C, stamped TODAY,
 * as malloc'd text in *TEXT of *LEN bytes. */
int ics_build(const struct dispute_case *c, const cJSON *ladder, const char *today,
    char **text, size_t *len);

#endif
