/* Scrubbing the public post (scrub.h). The text is compared with what must not leave
 * one character at a time after folding what people type interchangeably: full-width
 * digits and letters (１３９, Ｘ) are their ASCII forms, letters are upper case, and
 * spaces and dashes of any width between two characters are skipped, so that
 * "１３９１２３４５６７８", "1 3 9 1 2 3 4 5 6 7 8" and "6920-4518-7330-1942" match the
 * recorded numbers. A match is replaced whole, from its first character to its last,
 * so the masked text stays valid UTF-8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/draft-view.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "scrub.h"
#include "text.h"

/* What one character of a needle may be besides itself: the classes of the number
 * patterns, past the last code point. */
enum {
	ANY_DIGIT = 0x110000,
	DIGIT_3_TO_9,
	DIGIT_OR_X
};

/* A recorded value shorter than this ("2026") would mask ordinary words and dates, and
 * is not enough to identify anyone. */
#define FACT_MIN 6

/* The code point at S (its length in *LEN); a byte that starts no well-formed sequence
 * is a character of its own that matches nothing. */
static uint32_t
next_char(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = utf8_sequence_length(u, strnlen(s, 4));
	uint32_t cp;
	size_t i;

	if (n == 0) {
		*len = 1;
		return 0xFFFD;
	}
	*len = n;
	cp = n == 1 ? u[0] : u[0] & (0x7F >> n);
	for (i = 1; i < n; i++)
		cp = cp << 6 | (u[i] & 0x3F);
	return cp;
}

/* The character as compared: full-width forms (U+FF01..U+FF5E) as ASCII, letters in
 * upper case. */
static uint32_t
fold(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	if (cp >= 'a' && cp <= 'z')
		cp -= 'a' - 'A';
	return cp;
}

/* What people put between the digits of a number (after fold): spaces, the
 * ideographic space, hyphens and the dashes U+2010..U+2015, the minus sign. */
static int
is_separator(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '-' || cp == 0xA0 || cp == 0x3000 ||
	    (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

static int
unit_matches(uint32_t want, uint32_t got)
{
	switch (want) {
	case ANY_DIGIT:
		return got >= '0' && got <= '9';
	case DIGIT_3_TO_9:
		return got >= '3' && got <= '9';
	case DIGIT_OR_X:
		return (got >= '0' && got <= '9') || got == 'X';
	default:
		return want == got;
	}
}

/* Whether NEEDLE (N characters, folded, no separators) starts at TEXT: its first
 * character there, separators allowed between the others. *END gets the byte just
 * after the last one. */
static int
match_at(const char *text, const uint32_t *needle, size_t n, size_t *end)
{
	size_t pos = 0, i, len;

	for (i = 0; i < n; i++) {
		uint32_t got = fold(next_char(text + pos, &len));

		while (i > 0 && is_separator(got) && text[pos] != '\0') {
			pos += len;
			got = fold(next_char(text + pos, &len));
		}
		if (text[pos] == '\0' || !unit_matches(needle[i], got))
			return 0;
		pos += len;
	}
	*end = pos;
	return 1;
}

/* Replaces in *TEXT every match of NEEDLE (N characters) with MASK, or with one '*' a
 * character when MASK is NULL; adds to *COUNT how many. */
static int
mask_matches(char **text, const uint32_t *needle, size_t n, const char *mask, int *count)
{
	char *out = NULL;
	size_t out_len = 0, pos = 0, end, len, i;
	FILE *f = open_memstream(&out, &out_len);
	int status = DISPUTE_FAILED;

	if (f == NULL)
		goto out;
	while ((*text)[pos] != '\0') {
		if (n == 0 || !match_at(*text + pos, needle, n, &end)) {
			next_char(*text + pos, &len);
			fwrite(*text + pos, 1, len, f);
			pos += len;
			continue;
		}
		if (mask != NULL)
			fputs(mask, f);
		else
			for (i = pos; i < pos + end; i += len) {
				next_char(*text + i, &len);
				fputc('*', f);
			}
		pos += end;
		(*count)++;
	}
	if (fclose(f) == 0 && out != NULL) {
		free(*text);
		*text = out;
		out = NULL;
		status = DISPUTE_OK;
	}
out:
	free(out);
	if (status != DISPUTE_OK)
		dispute_error(_("out of memory"));
	return status;
}

/* VALUE as a needle: folded, without separators; *N characters, at most strlen(VALUE)
 * (malloc'd, or NULL after reporting). */
static uint32_t *
needle_of(const char *value, size_t *n)
{
	uint32_t *needle = malloc((strlen(value) + 1) * sizeof *needle);
	size_t len;

	*n = 0;
	if (needle == NULL) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	for (; *value != '\0'; value += len) {
		uint32_t cp = fold(next_char(value, &len));

		if (!is_separator(cp))
			needle[(*n)++] = cp;
	}
	return needle;
}

/* The address, and what a buyer may write of it: people leave out the province and
 * the city they live in ("住成都市武侯区人民南路四段1号" for 四川省成都市武侯区人民南路四段1号).
 * So every end of the recorded address that starts just after 省, 市, 区 or 县 is
 * masked too, as long as it keeps FACT_MIN characters (人民南路四段1号 does): shorter
 * ends (a house number, "1号") would mask other people's addresses and say little. The
 * longest first, so that the whole address is one mask. */
static int
mask_address(char **text, const uint32_t *needle, size_t n, int *count)
{
	size_t i;

	if (mask_matches(text, needle, n, "***", count) != DISPUTE_OK)
		return DISPUTE_FAILED;
	for (i = 0; i + FACT_MIN < n; i++)
		if ((needle[i] == 0x7701 /* 省 */ || needle[i] == 0x5E02 /* 市 */ ||
		    needle[i] == 0x533A /* 区 */ || needle[i] == 0x53BF /* 县 */) &&
		    mask_matches(text, needle + i + 1, n - i - 1, "***", count) != DISPUTE_OK)
			return DISPUTE_FAILED;
	return DISPUTE_OK;
}

/* Masks whatever matches PATTERN (N characters) with one * a character, and says how
 * many WHAT it masked. */
static int
mask_pattern(char **text, const uint32_t *pattern, size_t n, const char *what)
{
	int found = 0;

	if (mask_matches(text, pattern, n, NULL, &found) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (found > 0)
		dispute_warning(_("the public post contained %d %s; masked with *"), found,
		    _(what));
	return DISPUTE_OK;
}

int
scrub_public_post(const struct private_facts *facts, char **text)
{
	static const uint32_t mobile[11] = {
		'1', DIGIT_3_TO_9, ANY_DIGIT, ANY_DIGIT, ANY_DIGIT, ANY_DIGIT, ANY_DIGIT,
		ANY_DIGIT, ANY_DIGIT, ANY_DIGIT, ANY_DIGIT
	};
	enum { STARS, ADDRESS, ORDER };
	const struct {
		const char *value, *label;
		int how;
	} recorded[] = {
		{ facts->phone, N_("phone number"), STARS },
		{ facts->id_number, N_("ID number"), STARS },
		{ facts->address, N_("address"), ADDRESS },
		{ facts->order_id, N_("full order number"), ORDER },
	};
	uint32_t id_number[18];
	size_t i, n;

	for (i = 0; i < sizeof recorded / sizeof recorded[0]; i++) {
		uint32_t *needle;
		char *mask = NULL;
		int found = 0, status = DISPUTE_OK;

		if (recorded[i].value == NULL)
			continue;
		needle = needle_of(recorded[i].value, &n);
		if (needle == NULL)
			return DISPUTE_FAILED;
		if (n < FACT_MIN)
			;
		else if (recorded[i].how == ADDRESS)
			status = mask_address(text, needle, n, &found);
		else if (recorded[i].how == STARS)
			status = mask_matches(text, needle, n, "***", &found);
		else if ((mask = mask_order_id(recorded[i].value)) == NULL)
			status = DISPUTE_FAILED;
		else
			status = mask_matches(text, needle, n, mask, &found);
		free(mask);
		free(needle);
		if (status != DISPUTE_OK)
			return DISPUTE_FAILED;
		if (found > 0)
			dispute_warning(_("the public post contained your %s %d time(s); it was "
			    "masked"), _(recorded[i].label), found);
	}
	/* Numbers as people write them that are not the recorded ones. ID numbers first: an
	 * ID number holds 11 digits that look like a mobile number, which masked first
	 * would leave the rest of it readable. */
	for (i = 0; i < 17; i++)
		id_number[i] = ANY_DIGIT;
	id_number[17] = DIGIT_OR_X;
	if (mask_pattern(text, id_number, 18, N_("ID-number-like sequence(s)")) != DISPUTE_OK ||
	    mask_pattern(text, mobile, 11, N_("mobile number(s)")) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return DISPUTE_OK;
}
