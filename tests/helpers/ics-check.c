/* ics-check FILE: reads an iCalendar file back with libical and prints one line per
 * event, "UID DATE RULE ALARMS SUMMARY", ALARMS being the alarms' triggers joined by
 * commas ("-" for none); fails when libical finds an error in the file, or when an
 * event lacks its UID, its date or its DTSTAMP. For tests/cli/t-ics.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long len;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (text = malloc((size_t)len + 1)) == NULL ||
	    fread(text, 1, (size_t)len, f) != (size_t)len) {
		if (f != NULL)
			fclose(f);
		free(text);
		return NULL;
	}
	fclose(f);
	text[len] = '\0';
	return text;
}

/* Whether libical attached an X-LIC-ERROR to C or anything in it. */
static int
has_errors(icalcomponent *c)
{
	icalcomponent *inner;

	if (icalcomponent_count_errors(c) > 0)
		return 1;
	for (inner = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); inner != NULL;
	    inner = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		if (has_errors(inner))
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	icalcomponent *calendar, *event, *alarm;
	char *text;
	int status = 0;

	if (argc != 2 || (text = read_all(argv[1])) == NULL) {
		fprintf(stderr, "ics-check: cannot read %s\n", argc == 2 ? argv[1] : "(no file)");
		return 2;
	}
	calendar = icalparser_parse_string(text);
	free(text);
	if (calendar == NULL || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT ||
	    has_errors(calendar)) {
		fprintf(stderr, "ics-check: libical does not read it as a valid calendar\n");
		return 1;
	}
	for (event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
	    event != NULL; event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
		struct icaltimetype start = icalcomponent_get_dtstart(event);
		icalproperty *x = icalcomponent_get_first_property(event, ICAL_X_PROPERTY);
		char alarms[128] = "";

		if (icalcomponent_get_uid(event) == NULL || icaltime_is_null_time(start) ||
		    icalcomponent_get_first_property(event, ICAL_DTSTAMP_PROPERTY) == NULL) {
			fprintf(stderr, "ics-check: an event lacks its UID, date or DTSTAMP\n");
			status = 1;
			continue;
		}
		for (alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT);
		    alarm != NULL;
		    alarm = icalcomponent_get_next_component(event, ICAL_VALARM_COMPONENT)) {
			struct icaltriggertype t = icalproperty_get_trigger(
			    icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));

			snprintf(alarms + strlen(alarms), sizeof alarms - strlen(alarms), "%s%s",
			    alarms[0] != '\0' ? "," : "", icaldurationtype_as_ical_string(t.duration));
		}
		printf("%s %04d-%02d-%02d %s %s %s\n", icalcomponent_get_uid(event), start.year,
		    start.month, start.day, x != NULL ? icalproperty_get_x(x) : "-",
		    alarms[0] != '\0' ? alarms : "-", icalcomponent_get_summary(event));
	}
	icalcomponent_free(calendar);
	return status;
}
