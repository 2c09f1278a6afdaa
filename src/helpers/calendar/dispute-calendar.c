/* dispute-calendar: the case's deadlines as an iCalendar file (RFC 5545) through
 * libical, in a process of its own (helper.h), so that only `dispute status --ics`
 * loads libical.
 *
 * Command "ics", one item {"prodid", "stamp", "events": [...]}: each event {"uid",
 * "date" (YYYY-MM-DD, the last day), "summary", "description", "rule", "passed"}
 * becomes an all-day VEVENT with that UID (the caller keeps it stable, so that
 * importing the file again updates the events instead of adding copies), DTSTAMP
 * STAMP, the rule's id in X-DISPUTE-RULE, and, unless it has passed, two display
 * alarms one and three days before. The reply's payload is the whole calendar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "protocol.h"

/* Days before the deadline on which the phone reminds the buyer. */
static const int reminder_days[] = { 3, 1 };

static const char *
string_of(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

/* YYYY-MM-DD as an all-day date; 0 when it is not one. */
static int
parse_date(const char *s, struct icaltimetype *out)
{
	int y, m, d;
	char end;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || m < 1 || m > 12 ||
	    d < 1 || d > icaltime_days_in_month(m, y))
		return 0;
	*out = icaltime_null_date();
	out->year = y;
	out->month = m;
	out->day = d;
	return 1;
}

static icalcomponent *
alarm_before(int days, const char *summary)
{
	struct icaltriggertype trigger = icaltriggertype_from_int(-days * 24 * 60 * 60);

	return icalcomponent_vanew(ICAL_VALARM_COMPONENT,
	    icalproperty_new_action(ICAL_ACTION_DISPLAY),
	    icalproperty_new_trigger(trigger),
	    icalproperty_new_description(summary),
	    (void *)0);
}

static int
add_event(icalcomponent *calendar, const cJSON *event, struct icaltimetype stamp, size_t n)
{
	const char *uid = string_of(event, "uid"), *summary = string_of(event, "summary");
	const char *description = string_of(event, "description"), *rule = string_of(event, "rule");
	struct icaltimetype day, next;
	icalcomponent *vevent;
	icalproperty *x;
	size_t i;

	if (uid == NULL || summary == NULL || description == NULL || rule == NULL ||
	    !parse_date(string_of(event, "date"), &day))
		return protocol_fail("event %zu: needs a uid, a date, a summary, a description "
		    "and a rule", n);
	next = icaltime_add(day, icaldurationtype_from_int(24 * 60 * 60));
	vevent = icalcomponent_vanew(ICAL_VEVENT_COMPONENT,
	    icalproperty_new_uid(uid),
	    icalproperty_new_dtstamp(stamp),
	    icalproperty_new_dtstart(day),
	    icalproperty_new_dtend(next),
	    icalproperty_new_summary(summary),
	    icalproperty_new_description(description),
	    icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT),
	    (void *)0);
	if (vevent == NULL)
		return protocol_fail("out of memory");
	x = icalproperty_new_x(rule);
	icalproperty_set_x_name(x, "X-DISPUTE-RULE");
	icalcomponent_add_property(vevent, x);
	if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(event, "passed")))
		for (i = 0; i < sizeof reminder_days / sizeof reminder_days[0]; i++)
			icalcomponent_add_component(vevent, alarm_before(reminder_days[i], summary));
	icalcomponent_add_component(calendar, vevent);
	return 0;
}

static int
one_calendar(size_t index, const cJSON *item)
{
	const char *prodid = string_of(item, "prodid");
	const cJSON *event, *events = cJSON_GetObjectItemCaseSensitive(item, "events");
	struct icaltimetype stamp;
	icalcomponent *calendar;
	char *text;
	size_t n = 0;
	int status = 0;

	if (prodid == NULL || !cJSON_IsArray(events) || !parse_date(string_of(item, "stamp"),
	    &stamp))
		return protocol_fail("item %zu: needs a prodid, a stamp and events", index);
	/* DTSTAMP is a UTC date-time: midnight of the day the file is written. */
	stamp.is_date = 0;
	stamp.hour = stamp.minute = stamp.second = 0;
	stamp.zone = icaltimezone_get_utc_timezone();
	calendar = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
	    icalproperty_new_version("2.0"),
	    icalproperty_new_prodid(prodid),
	    icalproperty_new_calscale("GREGORIAN"),
	    icalproperty_new_method(ICAL_METHOD_PUBLISH),
	    (void *)0);
	if (calendar == NULL)
		return protocol_fail("out of memory");
	cJSON_ArrayForEach(event, events)
		if (status == 0)
			status = add_event(calendar, event, stamp, n++);
	if (status == 0) {
		text = icalcomponent_as_ical_string_r(calendar);
		status = text != NULL ? protocol_reply(index, NULL, text, strlen(text)) :
		    protocol_fail("out of memory");
		free(text);
	}
	icalcomponent_free(calendar);
	return status;
}

int
main(void)
{
	static const char *const commands[] = { "ics", NULL };
	const cJSON *items, *item;
	const char *command;
	cJSON *request;
	size_t index = 0;
	int status;

	status = protocol_read_request(commands, &request, &command, &items);
	cJSON_ArrayForEach(item, items) {
		if (status != 0)
			break;
		status = one_calendar(index++, item);
	}
	cJSON_Delete(request);
	return status;
}
