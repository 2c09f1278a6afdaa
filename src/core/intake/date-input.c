/* Reading the date forms a Chinese buyer types into the one stored form, YYYY-MM-DD. */
#include <stdio.h>
#include <string.h>

#include "dispute/date-input.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/validate.h"

/* One digit at *S, ASCII or full-width (U+FF10-FF19, EF BC 90-99 in UTF-8): its value,
 * with *S moved past it; -1 and *S unmoved for anything else. */
static int
digit(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;

	if (p[0] >= '0' && p[0] <= '9') {
		*s += 1;
		return p[0] - '0';
	}
	if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
		*s += 3;
		return p[2] - 0x90;
	}
	return -1;
}

/* A number of MIN to MAX digits at *S, or -1. */
static int
number(const char **s, int min, int max)
{
	int n = 0, count = 0, d;

	while (count < max && (d = digit(s)) >= 0) {
		n = n * 10 + d;
		count++;
	}
	return count >= min && digit(s) < 0 ? n : -1;
}

static void
skip_spaces(const char **s)
{
	while (**s == ' ')
		(*s)++;
}

/* SEPARATOR at *S (with spaces around it when SPACED), moving past it. */
static int
separator(const char **s, const char *sep, int spaced)
{
	if (spaced)
		skip_spaces(s);
	if (strncmp(*s, sep, strlen(sep)) != 0)
		return 0;
	*s += strlen(sep);
	if (spaced)
		skip_spaces(s);
	return 1;
}

/* "Y<a>M<b>D<c>" with the given separators; C may be "" for none. */
static int
shape(const char *typed, const char *a, const char *b, const char *c, int spaced,
    int *y, int *m, int *d)
{
	const char *s = typed;

	if ((*y = number(&s, 4, 4)) < 0 || !separator(&s, a, spaced) ||
	    (*m = number(&s, 1, 2)) < 0 || !separator(&s, b, spaced) ||
	    (*d = number(&s, 1, 2)) < 0)
		return 0;
	if (c[0] != '\0' && !separator(&s, c, spaced))
		return 0;
	return *s == '\0';
}

int
date_input_parse(const char *typed, char out[DATE_LEN])
{
	static const char *const separators[] = { "-", "/", "." };
	int y, m, d, found = 0;
	size_t i;

	for (i = 0; i < sizeof separators / sizeof separators[0] && !found; i++)
		found = shape(typed, separators[i], separators[i], "", 0, &y, &m, &d);
	if (!found)
		found = shape(typed, "年", "月", "日", 1, &y, &m, &d);
	if (!found)
		return 0;
	snprintf(out, DATE_LEN, "%04d-%02d-%02d", y, m, d);
	return 1;
}

int
date_input_read(const char *typed, const char *today, char out[DATE_LEN], char *reason,
    size_t reason_len)
{
	if (!date_input_parse(typed, out)) {
		snprintf(reason, reason_len, _("\"%s\" is not a date in the form YYYY-MM-DD, "
		    "2026/10/11, 2026.10.11 or 2026年10月11日"), typed);
		return DISPUTE_FAILED;
	}
	return validate_date(out, today, reason, reason_len);
}
