/*
 * Validation of the facts a buyer records: dates, yuan amounts, phone numbers,
 * resident identity numbers (and the particulars they carry), ethnic groups and
 * unified social credit codes.
 *
 * These values end up in letters to merchants and complaints to regulators, where a
 * silently "repaired" value is worse than a refusal: the buyer can retype a refused
 * value, but nobody notices a misread one. So every check here refuses rather than
 * guesses. Input that a person could read two ways ("1,000", "1e3"), that needs
 * repair (leading spaces, full-width digits typed by a Chinese input method) or
 * that is only half written (".5", "5.") fails with a reason for the caller to show.
 * The only normalisations are the documented canonical forms: letter case in ID
 * numbers and credit codes, and group separators and the +86 prefix in phones.
 *
 * Bytes are classified by hand instead of with <ctype.h>, whose answers depend on
 * the locale and which is undefined for the negative chars of UTF-8 text.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dispute/date.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/validate.h"

/* 100,000,000 yuan: far above any consumer purchase, and small enough that a
 * value in fen can never come near INT64_MAX however it is later summed. */
#define AMOUNT_MAX_YUAN 100000000
#define AMOUNT_MAX_FEN ((int64_t)AMOUNT_MAX_YUAN * 100)


static int fail(char *, size_t, const char *, ...) __attribute__((format(printf, 3, 4)));

static int
fail(char *reason, size_t reason_len, const char *fmt, ...)
{
	va_list ap;

	if (reason != NULL && reason_len > 0) {
		va_start(ap, fmt);
		vsnprintf(reason, reason_len, fmt, ap);
		va_end(ap);
	}
	return DISPUTE_FAILED;
}

/* A stale reason from an earlier call must not survive a success. */
static int
pass(char *reason, size_t reason_len)
{
	if (reason != NULL && reason_len > 0)
		reason[0] = '\0';
	return DISPUTE_OK;
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
has_nonascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* Writes a printable description of C into BUF for a reason. */
static const char *
describe(unsigned char c, char *buf, size_t len)
{
	if (c == ' ')
		return _("a space");
	if (c > ' ' && c < 0x7f)
		snprintf(buf, len, "'%c'", c);
	else
		snprintf(buf, len, _("byte 0x%02x"), c);
	return buf;
}

/*
 * Chinese input methods produce full-width forms (U+FF01-U+FF5E, UTF-8 EF BC 81 to
 * EF BD 9E) and the ideographic space U+3000 that look like ASCII on screen; naming
 * them tells the user why a value that looks right is refused.
 */
static int
fail_nonascii(const char *s, char *reason, size_t reason_len)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 && p[2] <= 0x99)
			return fail(reason, reason_len, _("full-width digits are not allowed"));
		if ((p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x81 && p[2] <= 0xbf) ||
		    (p[0] == 0xef && p[1] == 0xbd && p[2] >= 0x80 && p[2] <= 0x9e) ||
		    (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80))
			return fail(reason, reason_len, _("full-width characters are not allowed"));
	}
	return fail(reason, reason_len, _("contains a non-ASCII character"));
}

static int
two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static int
four_digits(const char *s)
{
	return two_digits(s) * 100 + two_digits(s + 2);
}

/* Whether T exists, with REASON naming the part of it that does not. */
static int
check_date_exists(const struct date_ymd *t, char *reason, size_t reason_len)
{
	/* The proleptic Gregorian calendar has no year 0; a buyer's date never needs one. */
	if (t->y == 0)
		return fail(reason, reason_len, _("year 0000 does not exist"));
	if (t->m < 1 || t->m > 12)
		return fail(reason, reason_len, _("month %02d does not exist"), t->m);
	if (t->d < 1 || t->d > date_month_days(t->y, t->m))
		return fail(reason, reason_len, _("day %02d does not exist in %04d-%02d"),
		    t->d, t->y, t->m);
	return DISPUTE_OK;
}

/* TODAY comes from the program, not the user, but a bad one must still not let a
 * future date through. */
static int
parse_today(const char *today, struct date_ymd *out, char *reason, size_t reason_len)
{
	if (!date_parse(today, out))
		return fail(reason, reason_len, _("no valid reference date for today"));
	return DISPUTE_OK;
}

/* Accepts exactly YYYY-MM-DD: other spellings (2026/1/5, 20260105) are refused
 * rather than interpreted, since day-month order is not universal. */
int
validate_date(const char *s, const char *today, char *reason, size_t reason_len)
{
	struct date_ymd t, now;

	if (s == NULL || *s == '\0')
		return fail(reason, reason_len, _("empty date"));
	if (has_nonascii(s))
		return fail_nonascii(s, reason, reason_len);
	if (!date_parse_shape(s, &t))
		return fail(reason, reason_len, _("not a date in the form YYYY-MM-DD"));
	if (check_date_exists(&t, reason, reason_len) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (parse_today(today, &now, reason, reason_len) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (date_compare(&t, &now) > 0)
		return fail(reason, reason_len, _("date %s is in the future"), s);
	return pass(reason, reason_len);
}

/* Names the common ways an amount is written elsewhere, so the reason says what to
 * remove; anything else is just "unexpected". */
static int
fail_amount_char(const char *s, const char *p, char *reason, size_t reason_len)
{
	const unsigned char *u = (const unsigned char *)p;
	char buf[16];

	switch (*u) {
	case '-':
		if (p == s)
			return fail(reason, reason_len, _("negative amounts are not allowed"));
		break;
	case '+':
		if (p == s)
			return fail(reason, reason_len, _("sign is not allowed"));
		break;
	case ' ':
	case '\t':
		return fail(reason, reason_len, _("spaces are not allowed"));
	case ',':
	case '\'':
	case '_':
		return fail(reason, reason_len, _("thousands separators are not allowed"));
	case 'e':
	case 'E':
		return fail(reason, reason_len, _("exponents are not allowed"));
	case '$':
		return fail(reason, reason_len, _("currency symbols are not allowed"));
	default:
		break;
	}
	/* U+00A5 YEN SIGN and U+FFE5 FULLWIDTH YEN SIGN: both are typed for RMB. */
	if ((u[0] == 0xc2 && u[1] == 0xa5) ||
	    (u[0] == 0xef && u[1] == 0xbf && u[2] == 0xa5))
		return fail(reason, reason_len, _("currency symbols are not allowed"));
	if (*u >= 0x80)
		return fail_nonascii(p, reason, reason_len);
	return fail(reason, reason_len, _("unexpected %s"), describe(*u, buf, sizeof(buf)));
}

/*
 * Leading zeros ("0129") are refused: the value is not in doubt, but they are a
 * sign of a mistyped or concatenated figure, and every amount then has exactly
 * one accepted spelling. A lone "0" before the point is fine ("0.99").
 */
int
amount_parse(const char *s, int64_t *fen, char *reason, size_t reason_len)
{
	const char *p, *dot = NULL;
	size_t int_digits = 0, frac_digits = 0;
	int64_t yuan = 0, cents = 0, total;

	if (s == NULL || *s == '\0')
		return fail(reason, reason_len, _("empty amount"));
	for (p = s; *p != '\0'; p++) {
		if (is_digit((unsigned char)*p)) {
			if (dot != NULL)
				frac_digits++;
			else
				int_digits++;
		} else if (*p == '.') {
			if (dot != NULL)
				return fail(reason, reason_len, _("more than one decimal point"));
			dot = p;
		} else
			return fail_amount_char(s, p, reason, reason_len);
	}
	if (int_digits == 0)
		return fail(reason, reason_len, _("no digit before the decimal point"));
	if (dot != NULL && frac_digits == 0)
		return fail(reason, reason_len, _("no digit after the decimal point"));
	if (frac_digits > 2)
		return fail(reason, reason_len, _("more than two decimal places"));
	if (int_digits > 1 && s[0] == '0')
		return fail(reason, reason_len, _("leading zeros are not allowed"));

	/* Stop accumulating once past the limit, so no digit string can overflow. */
	for (p = s; p < s + int_digits && yuan <= AMOUNT_MAX_YUAN; p++)
		yuan = yuan * 10 + (*p - '0');
	if (yuan > AMOUNT_MAX_YUAN)
		return fail(reason, reason_len, _("more than %d yuan"), AMOUNT_MAX_YUAN);
	if (frac_digits >= 1)
		cents += (dot[1] - '0') * 10;
	if (frac_digits == 2)
		cents += dot[2] - '0';
	total = yuan * 100 + cents;
	if (total > AMOUNT_MAX_FEN)
		return fail(reason, reason_len, _("more than %d yuan"), AMOUNT_MAX_YUAN);
	if (fen != NULL)
		*fen = total;
	return pass(reason, reason_len);
}

void
amount_format(int64_t fen, char *buf)
{
	uint64_t mag;

	/* Negating in unsigned arithmetic keeps INT64_MIN well defined. */
	mag = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	snprintf(buf, AMOUNT_TEXT_MAX, "%s%" PRIu64 ".%02" PRIu64, fen < 0 ? "-" : "",
	    mag / 100, mag % 100);
}

/* Longer than any accepted number, so an overlong input is still counted. */
#define PHONE_DIGITS_MAX 24

/*
 * Collects the digits of S after an optional +86 or 0086 prefix. Groups may be
 * separated by any run of spaces and hyphens, which only ever split a number and
 * never change its reading; anything else (parentheses, dots, slashes) is refused.
 */
static int
phone_digits(const char *s, char *digits, size_t *ndigits, int *country,
    char *reason, size_t reason_len)
{
	const char *p = s;
	size_t n = 0;
	int need_digit = 1;
	char buf[16];

	*country = 0;
	if (*p == ' ' || *p == '-')
		return fail(reason, reason_len, _("starts with a separator"));
	if (*p == '+') {
		if (strncmp(p, "+86", 3) != 0)
			return fail(reason, reason_len,
			    _("only mainland China numbers (+86) are accepted"));
		*country = 1;
		p += 3;
	} else if (strncmp(p, "0086", 4) == 0) {
		*country = 1;
		p += 4;
	}
	for (; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (is_digit(c)) {
			if (n < PHONE_DIGITS_MAX)
				digits[n] = (char)c;
			n++;
			need_digit = 0;
		} else if (c == ' ' || c == '-') {
			need_digit = 1;
		} else if (c >= 0x80) {
			return fail_nonascii(p, reason, reason_len);
		} else {
			return fail(reason, reason_len, _("unexpected %s"),
			    describe(c, buf, sizeof(buf)));
		}
	}
	if (n == 0)
		return fail(reason, reason_len, *country ? _("no number after the country code") :
		    _("no digits"));
	if (need_digit)
		return fail(reason, reason_len, _("ends with a separator"));
	if (n > PHONE_DIGITS_MAX)
		return fail(reason, reason_len, _("too many digits"));
	digits[n] = '\0';
	*ndigits = n;
	return DISPUTE_OK;
}

static int
phone_landline(const char *d, size_t n, char *canon, size_t canon_len,
    char *reason, size_t reason_len)
{
	size_t area, local;

	if (d[1] == '0')
		return fail(reason, reason_len, _("no area code starts with 00"));
	/* Area codes are a prefix code: 010 and 020-029 have three digits, 01x other
	 * than 010 is unassigned, and 03xx-09xx have four. So the digits alone say
	 * where the area code ends, whatever grouping the user typed. */
	if (d[1] == '1' && d[2] != '0')
		return fail(reason, reason_len, _("no area code starts with 01%c"), d[2]);
	area = d[1] == '1' || d[1] == '2' ? 3 : 4;
	if (n <= area)
		return fail(reason, reason_len, _("no local number after area code %.*s"),
		    (int)area, d);
	local = n - area;
	/* The three-digit areas are the big cities, which all use eight-digit numbers. */
	if (area == 3 && local != 8)
		return fail(reason, reason_len,
		    _("number after area code %.3s should have 8 digits, not %zu"), d, local);
	if (area == 4 && local != 7 && local != 8)
		return fail(reason, reason_len,
		    _("number after area code %.4s should have 7 or 8 digits, not %zu"), d, local);
	/* A leading 0 is a trunk prefix, so the area code was typed twice or mistyped.
	 * Real local numbers never start with 1 either, but placeholder numbers such as
	 * 010-12345678 (the header's own example) do, and refusing them helps nobody. */
	if (d[area] == '0')
		return fail(reason, reason_len, _("local number cannot start with 0"));
	if (canon != NULL && canon_len > 0)
		snprintf(canon, canon_len, "%.*s-%s", (int)area, d, d + area);
	return pass(reason, reason_len);
}

int
validate_phone(const char *s, char *canon, size_t canon_len, char *reason, size_t reason_len)
{
	char d[PHONE_DIGITS_MAX + 1];
	size_t n = 0;
	int country;

	if (canon != NULL && canon_len > 0)
		canon[0] = '\0';
	if (s == NULL || *s == '\0')
		return fail(reason, reason_len, _("empty phone number"));
	if (phone_digits(s, d, &n, &country, reason, reason_len) != DISPUTE_OK)
		return DISPUTE_FAILED;

	if (d[0] == '1') {
		if (d[1] != '\0' && (d[1] < '3' || d[1] > '9'))
			return fail(reason, reason_len, _("no mobile number starts with 1%c"),
			    d[1]);
		if (n != 11)
			return fail(reason, reason_len,
			    _("mobile number should have 11 digits, not %zu"), n);
		if (canon != NULL && canon_len > 0)
			snprintf(canon, canon_len, "%s", d);
		return pass(reason, reason_len);
	}
	/* From abroad a landline drops its leading 0 after +86; accepting that would be a
	 * second spelling of every landline, and the header promises +86 on mobiles only. */
	if (country)
		return fail(reason, reason_len,
		    _("country code is only accepted before a mobile number"));
	if (d[0] == '0')
		return phone_landline(d, n, canon, canon_len, reason, reason_len);
	if (strncmp(d, "400", 3) == 0 || strncmp(d, "800", 3) == 0) {
		if (n != 10)
			return fail(reason, reason_len,
			    _("%.3s number should have 10 digits, not %zu"), d, n);
		if (canon != NULL && canon_len > 0)
			snprintf(canon, canon_len, "%.3s-%.3s-%.4s", d, d + 3, d + 6);
		return pass(reason, reason_len);
	}
	if (n == 13 && strncmp(d, "861", 3) == 0)
		return fail(reason, reason_len, _("write the country code as +86 or 0086"));
	if (n == 7 || n == 8)
		return fail(reason, reason_len, _("landline number needs its area code"));
	return fail(reason, reason_len, _("not a mobile, landline or 400/800 number"));
}

/* Province-level codes of GB/T 2260, plus 71 Taiwan and 81-83 Hong Kong, Macao and
 * Taiwan residents' permits, which use the same 18-character layout. */
static int
province_exists(int code)
{
	return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) ||
	    (code >= 31 && code <= 37) || (code >= 41 && code <= 46) ||
	    (code >= 50 && code <= 54) || (code >= 61 && code <= 65) ||
	    code == 71 || code == 81 || code == 82 || code == 83;
}

int
validate_id_number(const char *s, const char *today, char *canon, char *reason,
    size_t reason_len)
{
	/* ISO 7064 MOD 11-2: weight i is 2^(17-i) mod 11. */
	static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char checks[] = "10X98765432";
	struct date_ymd birth, now;
	size_t len, i;
	int sum = 0;
	char last, want, buf[16];

	if (canon != NULL)
		canon[0] = '\0';
	if (s == NULL || *s == '\0')
		return fail(reason, reason_len, _("empty identity number"));
	if (has_nonascii(s))
		return fail_nonascii(s, reason, reason_len);
	len = strlen(s);
	if (len != 18)
		return fail(reason, reason_len, _("should have 18 characters, not %zu"), len);
	for (i = 0; i < 17; i++) {
		if (!is_digit((unsigned char)s[i]))
			return fail(reason, reason_len,
			    _("character %zu should be a digit, not %s"), i + 1,
			    describe((unsigned char)s[i], buf, sizeof(buf)));
		sum += (s[i] - '0') * weights[i];
	}
	last = s[17] == 'x' ? 'X' : s[17];
	if (!is_digit((unsigned char)last) && last != 'X')
		return fail(reason, reason_len, _("last character should be a digit or X, not %s"),
		    describe((unsigned char)last, buf, sizeof(buf)));
	if (!province_exists(two_digits(s)))
		return fail(reason, reason_len, _("no province has code %.2s"), s);

	birth.y = four_digits(s + 6);
	birth.m = two_digits(s + 10);
	birth.d = two_digits(s + 12);
	if (check_date_exists(&birth, NULL, 0) != DISPUTE_OK)
		return fail(reason, reason_len, _("birth date %.8s does not exist"), s + 6);
	/* 18-character numbers date from 1999; a birth year before 1900 would make the
	 * holder older than 125 today, so it is taken for a typo. */
	if (birth.y < 1900)
		return fail(reason, reason_len, _("birth date %.8s is before 1900"), s + 6);
	if (parse_today(today, &now, reason, reason_len) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (date_compare(&birth, &now) > 0)
		return fail(reason, reason_len, _("birth date %.8s is in the future"), s + 6);

	want = checks[sum % 11];
	if (last != want)
		return fail(reason, reason_len, _("check digit should be %c, not %c"), want, s[17]);
	if (canon != NULL) {
		memcpy(canon, s, 17);
		canon[17] = last;
		canon[18] = '\0';
	}
	return pass(reason, reason_len);
}

/*
 * Only the structure every code shares is enforced: the charset, a numeric
 * administrative division code in characters 3-8, and the check character. The
 * registration authority (character 1: 1-9, A, N, Y so far) and organisation type
 * (character 2) tables have grown since 2015, and the organisation code in 9-17 has
 * its own GB 11714 check that not every issued code is known to satisfy; refusing a
 * real merchant's code would be worse than accepting an unusual one, and the MOD 31
 * check already catches every single-character mistake.
 */
int
validate_credit_code(const char *s, char *canon, char *reason, size_t reason_len)
{
	static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	/* Weight i is 3^i mod 31. */
	static const int weights[17] = {
		1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
	};
	char up[19], buf[16];
	const char *hit;
	size_t len, i;
	int sum = 0, want;

	if (canon != NULL)
		canon[0] = '\0';
	if (s == NULL || *s == '\0')
		return fail(reason, reason_len, _("empty credit code"));
	if (has_nonascii(s))
		return fail_nonascii(s, reason, reason_len);
	len = strlen(s);
	if (len != 18)
		return fail(reason, reason_len, _("should have 18 characters, not %zu"), len);
	for (i = 0; i < 18; i++) {
		char c = s[i];

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		up[i] = c;
		/* No NUL can occur here (len is 18), so strchr cannot match a terminator. */
		if (strchr("IOSVZ", c) != NULL)
			return fail(reason, reason_len,
			    _("letter %c at position %zu is never used in credit codes"), c, i + 1);
		hit = strchr(charset, c);
		if (hit == NULL)
			return fail(reason, reason_len, _("%s at position %zu is not allowed"),
			    describe((unsigned char)c, buf, sizeof(buf)), i + 1);
		if (i >= 2 && i <= 7 && !is_digit((unsigned char)c))
			return fail(reason, reason_len,
			    _("position %zu is part of the region code and should be a digit, "
			    "not %c"), i + 1, c);
		if (i < 17)
			sum += (int)(hit - charset) * weights[i];
	}
	up[18] = '\0';
	want = 31 - sum % 31;
	if (want == 31)
		want = 0;
	if (up[17] != charset[want])
		return fail(reason, reason_len, _("check character should be %c, not %c"),
		    charset[want], up[17]);
	if (canon != NULL)
		memcpy(canon, up, sizeof(up));
	return pass(reason, reason_len);
}

void
id_number_particulars(const char *id, const char **gender, char *birth_date)
{
	/* GB 11643-1999: characters 7-14 are the birth date, and the sequence number that
	 * ends in character 17 is odd for men and even for women. */
	*gender = (id[16] - '0') % 2 == 1 ? "male" : "female";
	snprintf(birth_date, 11, "%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);
}

/* The 56 ethnic groups as an identity card writes them (民族 field). */
static const char *const ethnic_groups[] = {
	"汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族",
	"朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族",
	"黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
	"景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族",
	"毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族",
	"俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族",
	"鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", NULL
};

int
validate_ethnicity(const char *s, char *reason, size_t reason_len)
{
	size_t i;

	for (i = 0; ethnic_groups[i] != NULL; i++)
		if (strcmp(ethnic_groups[i], s) == 0)
			return pass(reason, reason_len);
	/* "汉" for "汉族" is the usual slip; say what the card says instead of guessing. */
	return fail(reason, reason_len, _("\"%s\" is not an ethnic group as the identity card "
	    "writes it (e.g. 汉族, 回族, 蒙古族)"), s);
}
