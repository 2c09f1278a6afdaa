/* UTF-8 checking and repair (RFC 3629: no overlongs, no surrogates, at most U+10FFFF),
 * text made safe for a terminal, and sizes written for people. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/terminal.h"
#include "text.h"

size_t
utf8_sequence_length(const unsigned char *s, size_t avail)
{
	unsigned char lead = s[0];
	size_t len, i;
	unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */

	if (avail == 0)
		return 0;
	if (lead < 0x80)
		return 1;
	if (lead >= 0xC2 && lead <= 0xDF)
		len = 2;
	else if (lead >= 0xE0 && lead <= 0xEF) {
		len = 3;
		if (lead == 0xE0)
			lo = 0xA0; /* overlong */
		else if (lead == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		len = 4;
		if (lead == 0xF0)
			lo = 0x90; /* overlong */
		else if (lead == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else
		return 0;
	if (len > avail || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

int
utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

	while (i < len) {
		n = utf8_sequence_length(p + i, len - i);
		if (n == 0)
			return 0;
		i += n;
	}
	return 1;
}

char *
utf8_sanitize(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, used = 0, n;
	/* Each bad byte becomes three bytes (EF BF BD). */
	char *out = malloc(3 * len + 1);

	if (out == NULL)
		return NULL;
	while (i < len) {
		n = utf8_sequence_length(p + i, len - i);
		if (n == 0) {
			memcpy(out + used, "\xEF\xBF\xBD", 3);
			used += 3;
			i++;
		} else {
			memcpy(out + used, p + i, n);
			used += n;
			i += n;
		}
	}
	out[used] = '\0';
	return out;
}

/* The code point of the well-formed sequence of N bytes at S. */
static unsigned long
code_point(const unsigned char *s, size_t n)
{
	static const unsigned char lead_bits[] = { 0, 0x7F, 0x1F, 0x0F, 0x07 };
	unsigned long cp = s[0] & lead_bits[n];
	size_t i;

	for (i = 1; i < n; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	return cp;
}

/* Characters a terminal acts on instead of showing: the C1 controls (some terminals
 * take U+009B as CSI), and the marks, embeddings, overrides and isolates that reorder
 * the text around them (a name ending in U+202E "gpj.exe" shows as "exe.jpg"). */
static int
hidden_character(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

char *
text_for_terminal(const char *s, int keep_lines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, used = 0, n;
	/* The longest escape, \u{XXXX} (8 bytes), stands for at least 2 bytes, and \xHH
	 * (4 bytes) for 1. */
	char *out = malloc(4 * len + 1);

	if (out == NULL)
		return NULL;
	while (i < len) {
		/* Printable ASCII, most of what is shown, needs no decoding. */
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			out[used++] = (char)p[i++];
			continue;
		}
		n = utf8_sequence_length(p + i, len - i);
		if (n == 0 || (n == 1 && (p[i] < 0x20 || p[i] == 0x7F) &&
		    !(keep_lines && (p[i] == '\n' || p[i] == '\t')))) {
			used += (size_t)sprintf(out + used, "\\x%02X", p[i]);
			i++;
		} else if (n > 1 && hidden_character(code_point(p + i, n))) {
			used += (size_t)sprintf(out + used, "\\u{%04lX}", code_point(p + i, n));
			i += n;
		} else {
			memcpy(out + used, p + i, n);
			used += n;
			i += n;
		}
	}
	out[used] = '\0';
	return out;
}

int
text_check(const char *s, char *reason, size_t reason_len)
{
	size_t len = strlen(s), i;

	if (len == 0) {
		snprintf(reason, reason_len, _("empty text"));
		return DISPUTE_FAILED;
	}
	if (len > TEXT_MAX) {
		snprintf(reason, reason_len, _("longer than %d bytes"), TEXT_MAX);
		return DISPUTE_FAILED;
	}
	if (!utf8_valid(s, len)) {
		snprintf(reason, reason_len, _("not valid UTF-8 text"));
		return DISPUTE_FAILED;
	}
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7F) {
			snprintf(reason, reason_len, _("control character 0x%02X at byte %zu"), ch,
			    i);
			return DISPUTE_FAILED;
		}
	}
	return DISPUTE_OK;
}

void
format_size(uint64_t bytes, int english, char *buf, size_t len)
{
	static const char *const units[] = { "KB", "MB", "GB", "TB" };
	double value = (double)bytes;
	int unit = -1;

	while (value >= 1000 && unit < 3) {
		value /= 1000;
		unit++;
	}
	if (unit < 0)
		snprintf(buf, len, "%" PRIu64 " %s", bytes, !english ? "字节" :
		    bytes == 1 ? "byte" : "bytes");
	else
		snprintf(buf, len, "%.1f %s", value, units[unit]);
}
