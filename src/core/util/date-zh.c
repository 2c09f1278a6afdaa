/* Chinese date and time text for documents (date-zh.h). */
#include <stdio.h>
#include <string.h>

#include "dispute/date-zh.h"

/* Whether ZONE is "Z" or "+hh:mm"/"-hh:mm" with hours to 14 and minutes to 59. */
static int
zone_valid(const char *zone)
{
	int hours, minutes;
	char sign, tail;

	if (strcmp(zone, "Z") == 0)
		return 1;
	return sscanf(zone, "%c%2d:%2d%c", &sign, &hours, &minutes, &tail) == 3 &&
	    (sign == '+' || sign == '-') && strlen(zone) == 6 && hours <= 14 && minutes <= 59;
}

static void
zone_text(const char *zone, char *buf, size_t size)
{
	if (strcmp(zone, "+08:00") == 0)
		snprintf(buf, size, "（北京时间）");
	else if (strcmp(zone, "Z") == 0 || strcmp(zone, "+00:00") == 0)
		snprintf(buf, size, "（UTC）");
	else
		snprintf(buf, size, "（UTC%s）", zone);
}

void
date_time_format_zh(const char *stamp, const char *offset, char *buf, size_t size)
{
	int y, mo, d, h, mi, s, used = 0;
	char zone[32] = "";

	if (sscanf(stamp, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &used) != 6 ||
	    used != 19 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
		snprintf(buf, size, "%s", stamp);
		return;
	}
	if (offset != NULL && zone_valid(offset))
		zone_text(offset, zone, sizeof zone);
	else if (stamp[used] != '\0' && zone_valid(stamp + used))
		zone_text(stamp + used, zone, sizeof zone);
	snprintf(buf, size, "%d年%d月%d日 %02d:%02d:%02d%s", y, mo, d, h, mi, s, zone);
}
