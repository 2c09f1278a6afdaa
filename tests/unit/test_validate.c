/*
 * Tests for validate.c. Check characters are recomputed here from literal copies
 * of the standards' tables rather than taken from the code under test, and each
 * vector is also pinned as a literal string, so a wrong table on either side fails.
 * Dates are judged against the fixed TODAY below, never the clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "dispute/report.h"
#include "dispute/validate.h"

#define TODAY "2026-03-15"

/* GB 11643-1999 / ISO 7064 MOD 11-2. */
static const int id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_checks[] = "10X98765432";

/* GB 32100-2015. */
static const char cc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int cc_weights[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

static char
id_check_of(const char *body)
{
	int i, sum = 0;

	for (i = 0; i < 17; i++)
		sum += (body[i] - '0') * id_weights[i];
	return id_checks[sum % 11];
}

static char
cc_check_of(const char *body)
{
	int i, sum = 0, v;

	for (i = 0; i < 17; i++)
		sum += (int)(strchr(cc_charset, body[i]) - cc_charset) * cc_weights[i];
	v = 31 - sum % 31;
	return cc_charset[v == 31 ? 0 : v];
}

/* Valid identity numbers: body, then the full number as published or worked out by hand. */
static const struct {
	const char *body;
	const char *full;
} id_vectors[] = {
	{ "11010519491231002", "11010519491231002X" }, /* the GB 11643-1999 example */
	{ "44030519900307123", "440305199003071236" },
	{ "31010420000229451", "310104200002294517" }, /* 2000 is a leap year */
	{ "65010219000101002", "650102190001010024" }, /* the earliest birth date accepted */
	{ "81000019850615002", "810000198506150020" }, /* Hong Kong residents' permit */
	{ "11010120260315001", "11010120260315001X" }, /* born TODAY */
};

/* Valid credit codes, same layout. */
static const struct {
	const char *body;
	const char *full;
} cc_vectors[] = {
	{ "91350100M000100Y4", "91350100M000100Y43" }, /* the widely published example */
	{ "91110000600037341", "91110000600037341L" },
	{ "92440300MA5F12345", "92440300MA5F12345Y" }, /* an individual business */
	{ "12100000400000624", "12100000400000624D" },
	{ "51110000500000721", "511100005000007218" },
	{ "Y1110000MA0000001", "Y1110000MA0000001Y" },
	{ "91330100000000017", "913301000000000170" }, /* sum mod 31 is 0: check 0, not 31 */
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* --- identity numbers --- */

static void
test_id_vectors_valid(void **state)
{
	char canon[19], reason[VALIDATE_REASON_MAX], full[19];
	size_t i;

	(void)state;
	for (i = 0; i < N(id_vectors); i++) {
		snprintf(full, sizeof(full), "%s%c", id_vectors[i].body,
		    id_check_of(id_vectors[i].body));
		assert_string_equal(full, id_vectors[i].full);
		assert_int_equal(validate_id_number(full, TODAY, canon, reason, sizeof(reason)),
		    DISPUTE_OK);
		assert_string_equal(canon, full);
		assert_string_equal(reason, "");
	}
}

static void
test_id_lowercase_x_canonicalised(void **state)
{
	char canon[19], reason[VALIDATE_REASON_MAX];

	(void)state;
	assert_int_equal(validate_id_number("11010519491231002x", TODAY, canon, reason,
	    sizeof(reason)), DISPUTE_OK);
	assert_string_equal(canon, "11010519491231002X");
}

/* MOD 11-2 detects every single-digit substitution, so every one must be refused,
 * whether by the check digit, the province or the birth date. */
static void
test_id_every_single_change_fails(void **state)
{
	static const char alphabet[] = "0123456789X";
	char mutated[19], canon[19], reason[VALIDATE_REASON_MAX];
	size_t i, pos, k;

	(void)state;
	for (i = 0; i < N(id_vectors); i++) {
		for (pos = 0; pos < 18; pos++) {
			for (k = 0; alphabet[k] != '\0'; k++) {
				strcpy(mutated, id_vectors[i].full);
				if (alphabet[k] == mutated[pos])
					continue;
				mutated[pos] = alphabet[k];
				reason[0] = '\0';
				assert_int_equal(validate_id_number(mutated, TODAY, canon, reason,
				    sizeof(reason)), DISPUTE_FAILED);
				assert_true(reason[0] != '\0');
				assert_string_equal(canon, "");
			}
		}
	}
}

static void
test_id_check_digit_reason(void **state)
{
	char reason[VALIDATE_REASON_MAX];

	(void)state;
	assert_int_equal(validate_id_number("110105194912310021", TODAY, NULL, reason,
	    sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "check digit should be X, not 1");
	assert_int_equal(validate_id_number("440305199003071235", TODAY, NULL, reason,
	    sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "check digit should be 6, not 5");
	assert_int_equal(validate_id_number("81000019850615002X", TODAY, NULL, reason,
	    sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "check digit should be 0, not X");
}

/* Builds a number with a correct check digit so only the birth date can be wrong. */
static int
id_with_birth(const char *birth, char *reason)
{
	char body[18], full[19];

	snprintf(body, sizeof(body), "110101%s001", birth);
	snprintf(full, sizeof(full), "%s%c", body, id_check_of(body));
	return validate_id_number(full, TODAY, NULL, reason, VALIDATE_REASON_MAX);
}

static void
test_id_birth_date(void **state)
{
	char reason[VALIDATE_REASON_MAX];

	(void)state;
	assert_int_equal(id_with_birth("19000229", reason), DISPUTE_FAILED);
	assert_string_equal(reason, "birth date 19000229 does not exist");
	assert_int_equal(id_with_birth("20000229", reason), DISPUTE_OK);
	assert_int_equal(id_with_birth("20240229", reason), DISPUTE_OK);
	assert_int_equal(id_with_birth("20250229", reason), DISPUTE_FAILED);
	assert_string_equal(reason, "birth date 20250229 does not exist");
	assert_int_equal(id_with_birth("19491331", reason), DISPUTE_FAILED);
	assert_string_equal(reason, "birth date 19491331 does not exist");
	assert_int_equal(id_with_birth("19490400", reason), DISPUTE_FAILED);
	assert_string_equal(reason, "birth date 19490400 does not exist");
	assert_int_equal(id_with_birth("18991231", reason), DISPUTE_FAILED);
	assert_string_equal(reason, "birth date 18991231 is before 1900");
	assert_int_equal(id_with_birth("19000101", reason), DISPUTE_OK);
	assert_int_equal(id_with_birth("20260315", reason), DISPUTE_OK);
	assert_int_equal(id_with_birth("20260316", reason), DISPUTE_FAILED);
	assert_string_equal(reason, "birth date 20260316 is in the future");

	/* A published-style number with a correct check digit but an 1880 birth date. */
	assert_int_equal(validate_id_number("440524188001010014", TODAY, NULL, reason,
	    sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "birth date 18800101 is before 1900");
}

static void
test_id_province(void **state)
{
	static const char *good[] = { "11", "15", "21", "23", "31", "37", "41", "46", "50",
		"54", "61", "65", "71", "81", "82", "83" };
	static const char *bad[] = { "00", "10", "16", "19", "20", "24", "30", "38", "40",
		"47", "49", "55", "60", "66", "70", "72", "80", "84", "91", "99" };
	char body[18], full[19], reason[VALIDATE_REASON_MAX], want[64];
	size_t i;

	(void)state;
	for (i = 0; i < N(good); i++) {
		snprintf(body, sizeof(body), "%s010519800101002", good[i]);
		snprintf(full, sizeof(full), "%s%c", body, id_check_of(body));
		assert_int_equal(validate_id_number(full, TODAY, NULL, reason, sizeof(reason)),
		    DISPUTE_OK);
	}
	for (i = 0; i < N(bad); i++) {
		snprintf(body, sizeof(body), "%s010519800101002", bad[i]);
		snprintf(full, sizeof(full), "%s%c", body, id_check_of(body));
		assert_int_equal(validate_id_number(full, TODAY, NULL, reason, sizeof(reason)),
		    DISPUTE_FAILED);
		snprintf(want, sizeof(want), "no province has code %s", bad[i]);
		assert_string_equal(reason, want);
	}
}

static void
test_id_shape(void **state)
{
	static const struct {
		const char *in;
		const char *reason;
	} cases[] = {
		{ "", "empty identity number" },
		{ "11010519491231002", "should have 18 characters, not 17" },
		{ "11010519491231002X1", "should have 18 characters, not 19" },
		{ "110105491231002", "should have 18 characters, not 15" },
		{ " 1010519491231002X", "character 1 should be a digit, not a space" },
		{ "1101051949123100XX", "character 17 should be a digit, not 'X'" },
		{ "11010519491231002Y", "last character should be a digit or X, not 'Y'" },
		{ "110105-9491231002X", "character 7 should be a digit, not '-'" },
		{ "\xef\xbc\x91" "1010519491231002X", "full-width digits are not allowed" },
		{ "11010519491231002\xef\xbc\xb8", "full-width characters are not allowed" },
		{ "11010519491231002\xc3\x97", "contains a non-ASCII character" },
	};
	char canon[19], reason[VALIDATE_REASON_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		assert_int_equal(validate_id_number(cases[i].in, TODAY, canon, reason,
		    sizeof(reason)), DISPUTE_FAILED);
		assert_string_equal(reason, cases[i].reason);
	}
	assert_int_equal(validate_id_number(NULL, TODAY, canon, reason, sizeof(reason)),
	    DISPUTE_FAILED);
	assert_string_equal(reason, "empty identity number");
	assert_int_equal(validate_id_number("11010519491231002X", NULL, canon, reason,
	    sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "no valid reference date for today");
}

/* --- credit codes --- */

static void
test_credit_vectors_valid(void **state)
{
	char canon[19], reason[VALIDATE_REASON_MAX], full[19];
	size_t i;

	(void)state;
	for (i = 0; i < N(cc_vectors); i++) {
		snprintf(full, sizeof(full), "%s%c", cc_vectors[i].body,
		    cc_check_of(cc_vectors[i].body));
		assert_string_equal(full, cc_vectors[i].full);
		assert_int_equal(validate_credit_code(full, canon, reason, sizeof(reason)),
		    DISPUTE_OK);
		assert_string_equal(canon, full);
		assert_string_equal(reason, "");
	}
}

static void
test_credit_lowercase_canonicalised(void **state)
{
	char canon[19], reason[VALIDATE_REASON_MAX];

	(void)state;
	assert_int_equal(validate_credit_code("91350100m000100y43", canon, reason,
	    sizeof(reason)), DISPUTE_OK);
	assert_string_equal(canon, "91350100M000100Y43");
	assert_int_equal(validate_credit_code("91110000600037341l", canon, reason,
	    sizeof(reason)), DISPUTE_OK);
	assert_string_equal(canon, "91110000600037341L");
}

/* Weights are non-zero mod the prime 31, so every single substitution changes the
 * check value; the excluded letters are refused outright. */
static void
test_credit_every_single_change_fails(void **state)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZ";
	char mutated[19], canon[19], reason[VALIDATE_REASON_MAX];
	size_t i, pos, k, tried = 0;

	(void)state;
	for (i = 0; i < N(cc_vectors); i++) {
		for (pos = 0; pos < 18; pos++) {
			for (k = 0; alphabet[k] != '\0'; k++) {
				strcpy(mutated, cc_vectors[i].full);
				if (alphabet[k] == mutated[pos])
					continue;
				mutated[pos] = alphabet[k];
				reason[0] = '\0';
				assert_int_equal(validate_credit_code(mutated, canon, reason,
				    sizeof(reason)), DISPUTE_FAILED);
				assert_true(reason[0] != '\0');
				assert_string_equal(canon, "");
				tried++;
			}
		}
	}
	assert_int_equal(tried, N(cc_vectors) * 18 * 35);
}

static void
test_credit_check_reason(void **state)
{
	char reason[VALIDATE_REASON_MAX];

	(void)state;
	assert_int_equal(validate_credit_code("91350100M000100Y44", NULL, reason,
	    sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "check character should be 3, not 4");
	assert_int_equal(validate_credit_code("913301000000000171", NULL, reason,
	    sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "check character should be 0, not 1");
	assert_int_equal(validate_credit_code("91110000600037341l", NULL, reason,
	    sizeof(reason)), DISPUTE_OK);
	assert_int_equal(validate_credit_code("91110000600037341K", NULL, reason,
	    sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "check character should be L, not K");
}

static void
test_credit_shape(void **state)
{
	static const struct {
		const char *in;
		const char *reason;
	} cases[] = {
		{ "", "empty credit code" },
		{ "91350100M000100Y4", "should have 18 characters, not 17" },
		{ "91350100M000100Y431", "should have 18 characters, not 19" },
		{ "350100M000100Y4", "should have 18 characters, not 15" },
		{ "91350100M0O0100Y43", "letter O at position 11 is never used in credit codes" },
		{ "91350100M000100I43", "letter I at position 16 is never used in credit codes" },
		{ "91350100M000100s43", "letter S at position 16 is never used in credit codes" },
		{ "91350100M000-00Y43", "'-' at position 13 is not allowed" },
		{ "91350100M000 00Y43", "a space at position 13 is not allowed" },
		{ "91A50100M000100Y43",
		  "position 3 is part of the region code and should be a digit, not A" },
		{ "9135A100M000100Y43",
		  "position 5 is part of the region code and should be a digit, not A" },
		{ "9135010BM000100Y43",
		  "position 8 is part of the region code and should be a digit, not B" },
		{ "\xef\xbc\x99" "1350100M000100Y43", "full-width digits are not allowed" },
	};
	char canon[19], reason[VALIDATE_REASON_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		assert_int_equal(validate_credit_code(cases[i].in, canon, reason,
		    sizeof(reason)), DISPUTE_FAILED);
		assert_string_equal(reason, cases[i].reason);
	}
	assert_int_equal(validate_credit_code(NULL, canon, reason, sizeof(reason)),
	    DISPUTE_FAILED);
	assert_string_equal(reason, "empty credit code");
}

/* --- amounts --- */

static void
test_amount_valid(void **state)
{
	static const struct {
		const char *in;
		int64_t fen;
	} cases[] = {
		{ "0", 0 },
		{ "0.0", 0 },
		{ "0.00", 0 },
		{ "0.01", 1 },
		{ "0.1", 10 },
		{ "0.99", 99 },
		{ "1", 100 },
		{ "129", 12900 },
		{ "129.5", 12950 },
		{ "129.05", 12905 },
		{ "99999999.99", INT64_C(9999999999) },
		{ "100000000", INT64_C(10000000000) },
		{ "100000000.0", INT64_C(10000000000) },
		{ "100000000.00", INT64_C(10000000000) },
	};
	char reason[VALIDATE_REASON_MAX];
	int64_t fen;
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		fen = -1;
		assert_int_equal(amount_parse(cases[i].in, &fen, reason, sizeof(reason)),
		    DISPUTE_OK);
		assert_int_equal(fen, cases[i].fen);
		assert_string_equal(reason, "");
	}
}

static void
test_amount_over_limit(void **state)
{
	static const char *cases[] = {
		"100000000.01",
		"100000001",
		"999999999",
		"9223372036854775807",
		"9223372036854775808",
		"18446744073709551616",
		"99999999999999999999999999999999999999999999999999.99",
	};
	char reason[VALIDATE_REASON_MAX];
	int64_t fen;
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		fen = 42;
		assert_int_equal(amount_parse(cases[i], &fen, reason, sizeof(reason)),
		    DISPUTE_FAILED);
		assert_string_equal(reason, "more than 100000000 yuan");
		assert_int_equal(fen, 42);
	}
}

static void
test_amount_refused_forms(void **state)
{
	static const struct {
		const char *in;
		const char *reason;
	} cases[] = {
		{ "", "empty amount" },
		{ ".5", "no digit before the decimal point" },
		{ ".", "no digit before the decimal point" },
		{ "5.", "no digit after the decimal point" },
		{ "1.234", "more than two decimal places" },
		{ "0.001", "more than two decimal places" },
		{ "1.2.3", "more than one decimal point" },
		{ "1,000", "thousands separators are not allowed" },
		{ "1,000.00", "thousands separators are not allowed" },
		{ "1_000", "thousands separators are not allowed" },
		{ "1e3", "exponents are not allowed" },
		{ "1E3", "exponents are not allowed" },
		{ "+5", "sign is not allowed" },
		{ "-5", "negative amounts are not allowed" },
		{ "5-", "unexpected '-'" },
		{ " 5", "spaces are not allowed" },
		{ "5 ", "spaces are not allowed" },
		{ "5\t", "spaces are not allowed" },
		{ "05", "leading zeros are not allowed" },
		{ "00.5", "leading zeros are not allowed" },
		{ "00", "leading zeros are not allowed" },
		{ "$5", "currency symbols are not allowed" },
		{ "\xc2\xa5" "5", "currency symbols are not allowed" },
		{ "\xef\xbf\xa5" "5", "currency symbols are not allowed" },
		{ "\xef\xbc\x95", "full-width digits are not allowed" },
		{ "5\xe5\x85\x83", "contains a non-ASCII character" },
		{ "0x10", "unexpected 'x'" },
		{ "nan", "unexpected 'n'" },
		{ "5\n", "unexpected byte 0x0a" },
	};
	char reason[VALIDATE_REASON_MAX];
	int64_t fen;
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		fen = 42;
		assert_int_equal(amount_parse(cases[i].in, &fen, reason, sizeof(reason)),
		    DISPUTE_FAILED);
		assert_string_equal(reason, cases[i].reason);
		assert_int_equal(fen, 42);
	}
	assert_int_equal(amount_parse(NULL, &fen, reason, sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "empty amount");
}

static void
test_amount_format(void **state)
{
	static const struct {
		int64_t fen;
		const char *text;
	} cases[] = {
		{ 0, "0.00" },
		{ 1, "0.01" },
		{ 10, "0.10" },
		{ 99, "0.99" },
		{ 100, "1.00" },
		{ 12950, "129.50" },
		{ 12905, "129.05" },
		{ -1, "-0.01" },
		{ -10, "-0.10" },
		{ -12950, "-129.50" },
		{ INT64_C(10000000000), "100000000.00" },
		{ INT64_MAX, "92233720368547758.07" },
		{ INT64_MIN, "-92233720368547758.08" },
	};
	char buf[AMOUNT_TEXT_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		memset(buf, 'z', sizeof(buf));
		amount_format(cases[i].fen, buf);
		assert_string_equal(buf, cases[i].text);
	}
}

/* Every value in range formats to text that parses back to itself, and a negative
 * value formats as '-' followed by its magnitude. */
static void
test_amount_round_trip(void **state)
{
	static const int64_t edges[] = { 0, 1, 9, 10, 11, 99, 100, 101, 12950, 99999,
		INT64_C(9999999999), INT64_C(10000000000) };
	char buf[AMOUNT_TEXT_MAX], neg[AMOUNT_TEXT_MAX], reason[VALIDATE_REASON_MAX];
	int64_t fen, back;
	size_t i;

	(void)state;
	for (i = 0; i < N(edges) + 2000; i++) {
		fen = i < N(edges) ? edges[i] : (int64_t)(i - N(edges)) * INT64_C(4999999937) % INT64_C(10000000001);
		amount_format(fen, buf);
		back = -1;
		assert_int_equal(amount_parse(buf, &back, reason, sizeof(reason)), DISPUTE_OK);
		assert_int_equal(back, fen);
		if (fen > 0) {
			amount_format(-fen, neg);
			assert_int_equal(neg[0], '-');
			assert_string_equal(neg + 1, buf);
			assert_int_equal(amount_parse(neg, &back, reason, sizeof(reason)),
			    DISPUTE_FAILED);
		}
	}
}

/* --- phones --- */

static void
test_phone_valid(void **state)
{
	static const struct {
		const char *in;
		const char *canon;
	} cases[] = {
		{ "13812345678", "13812345678" },
		{ "138 1234 5678", "13812345678" },
		{ "138-1234-5678", "13812345678" },
		{ "138 - 1234 - 5678", "13812345678" },
		{ "+8613812345678", "13812345678" },
		{ "+86 138 1234 5678", "13812345678" },
		{ "+86-13812345678", "13812345678" },
		{ "008613812345678", "13812345678" },
		{ "0086 199 0000 0000", "19900000000" },
		{ "17012345678", "17012345678" },
		{ "010-12345678", "010-12345678" },
		{ "01012345678", "010-12345678" },
		{ "021 6123 4567", "021-61234567" },
		{ "029-88886666", "029-88886666" },
		{ "0755-1234567", "0755-1234567" },
		{ "0755-12345678", "0755-12345678" },
		{ "075512345678", "0755-12345678" },
		{ "0571 8888 7777", "0571-88887777" },
		{ "400-123-4567", "400-123-4567" },
		{ "4001234567", "400-123-4567" },
		{ "400 1234 567", "400-123-4567" },
		{ "800-810-8888", "800-810-8888" },
	};
	char canon[32], reason[VALIDATE_REASON_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		assert_int_equal(validate_phone(cases[i].in, canon, sizeof(canon), reason,
		    sizeof(reason)), DISPUTE_OK);
		assert_string_equal(canon, cases[i].canon);
		assert_string_equal(reason, "");
	}
}

static void
test_phone_refused(void **state)
{
	static const struct {
		const char *in;
		const char *reason;
	} cases[] = {
		{ "", "empty phone number" },
		{ "1381234567", "mobile number should have 11 digits, not 10" },
		{ "138123456789", "mobile number should have 11 digits, not 12" },
		{ "12812345678", "no mobile number starts with 12" },
		{ "10012345678", "no mobile number starts with 10" },
		{ "+85212345678", "only mainland China numbers (+86) are accepted" },
		{ "+1 415 555 0100", "only mainland China numbers (+86) are accepted" },
		{ "+86", "no number after the country code" },
		{ "+86 ", "no number after the country code" },
		{ "+86 10 12345678", "no mobile number starts with 10" },
		{ "+86 0755 1234567", "country code is only accepted before a mobile number" },
		{ "8613812345678", "write the country code as +86 or 0086" },
		{ " 13812345678", "starts with a separator" },
		{ "-13812345678", "starts with a separator" },
		{ "13812345678 ", "ends with a separator" },
		{ "138-1234-5678-", "ends with a separator" },
		{ "(010) 12345678", "unexpected '('" },
		{ "138.1234.5678", "unexpected '.'" },
		{ "138\t1234\t5678", "unexpected byte 0x09" },
		{ "\xef\xbc\x91" "3812345678", "full-width digits are not allowed" },
		{ "138\xe3\x80\x80" "12345678", "full-width characters are not allowed" },
		{ "010-1234567", "number after area code 010 should have 8 digits, not 7" },
		{ "021-123456789", "number after area code 021 should have 8 digits, not 9" },
		{ "0755-123456", "number after area code 0755 should have 7 or 8 digits, not 6" },
		{ "0755-123456789",
		  "number after area code 0755 should have 7 or 8 digits, not 9" },
		{ "0755", "no local number after area code 0755" },
		{ "010-02345678", "local number cannot start with 0" },
		{ "0755-01234567", "local number cannot start with 0" },
		{ "013812345678", "no area code starts with 013" },
		{ "0012345678", "no area code starts with 00" },
		{ "12345678", "no mobile number starts with 12" },
		{ "88886666", "landline number needs its area code" },
		{ "8888666", "landline number needs its area code" },
		{ "400-123-456", "400 number should have 10 digits, not 9" },
		{ "800-123-45678", "800 number should have 10 digits, not 11" },
		{ "95588", "not a mobile, landline or 400/800 number" },
		{ "1380013800013800138000", "mobile number should have 11 digits, not 22" },
		{ "1234567890123456789012345678901234567890", "too many digits" },
	};
	char canon[32], reason[VALIDATE_REASON_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		assert_int_equal(validate_phone(cases[i].in, canon, sizeof(canon), reason,
		    sizeof(reason)), DISPUTE_FAILED);
		assert_string_equal(reason, cases[i].reason);
		assert_string_equal(canon, "");
	}
	assert_int_equal(validate_phone(NULL, canon, sizeof(canon), reason, sizeof(reason)),
	    DISPUTE_FAILED);
	assert_string_equal(reason, "empty phone number");
}

/* --- dates --- */

static void
test_date_valid(void **state)
{
	static const char *cases[] = { "2024-02-29", "2000-02-29", "1900-02-28", "2025-02-28",
		"2025-12-31", "2026-01-31", "2026-03-14", TODAY, "0001-01-01", "1999-04-30" };
	char reason[VALIDATE_REASON_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		assert_int_equal(validate_date(cases[i], TODAY, reason, sizeof(reason)),
		    DISPUTE_OK);
		assert_string_equal(reason, "");
	}
}

static void
test_date_refused(void **state)
{
	static const struct {
		const char *in;
		const char *reason;
	} cases[] = {
		{ "", "empty date" },
		{ "2025-02-29", "day 29 does not exist in 2025-02" },
		{ "1900-02-29", "day 29 does not exist in 1900-02" },
		{ "2100-02-29", "day 29 does not exist in 2100-02" },
		{ "2026-02-31", "day 31 does not exist in 2026-02" },
		{ "2025-04-31", "day 31 does not exist in 2025-04" },
		{ "2025-01-32", "day 32 does not exist in 2025-01" },
		{ "2025-01-00", "day 00 does not exist in 2025-01" },
		{ "2025-13-01", "month 13 does not exist" },
		{ "2025-00-10", "month 00 does not exist" },
		{ "0000-01-01", "year 0000 does not exist" },
		{ "2026-03-16", "date 2026-03-16 is in the future" },
		{ "2027-01-01", "date 2027-01-01 is in the future" },
		{ "9999-12-31", "date 9999-12-31 is in the future" },
		{ "2026/03/01", "not a date in the form YYYY-MM-DD" },
		{ "20260301", "not a date in the form YYYY-MM-DD" },
		{ "2026-3-1", "not a date in the form YYYY-MM-DD" },
		{ "01-03-2026", "not a date in the form YYYY-MM-DD" },
		{ " 2026-03-01", "not a date in the form YYYY-MM-DD" },
		{ "2026-03-01 ", "not a date in the form YYYY-MM-DD" },
		{ "2026-03-01T00:00", "not a date in the form YYYY-MM-DD" },
		{ "2026-03-0a", "not a date in the form YYYY-MM-DD" },
		{ "2026-03\xef\xbc\x8d" "01", "full-width characters are not allowed" },
		{ "\xef\xbc\x92" "026-03-01", "full-width digits are not allowed" },
	};
	char reason[VALIDATE_REASON_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		assert_int_equal(validate_date(cases[i].in, TODAY, reason, sizeof(reason)),
		    DISPUTE_FAILED);
		assert_string_equal(reason, cases[i].reason);
	}
	assert_int_equal(validate_date(NULL, TODAY, reason, sizeof(reason)), DISPUTE_FAILED);
	assert_string_equal(reason, "empty date");
}

/* A broken reference date must refuse, never wave a date through. */
static void
test_date_bad_today(void **state)
{
	static const char *todays[] = { "", "2026-02-30", "2026/03/15", "tomorrow" };
	char reason[VALIDATE_REASON_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < N(todays); i++) {
		assert_int_equal(validate_date("2020-01-01", todays[i], reason, sizeof(reason)),
		    DISPUTE_FAILED);
		assert_string_equal(reason, "no valid reference date for today");
	}
	assert_int_equal(validate_date("2020-01-01", NULL, reason, sizeof(reason)),
	    DISPUTE_FAILED);
	/* The year-end boundary, with a different TODAY. */
	assert_int_equal(validate_date("2024-12-31", "2024-12-31", reason, sizeof(reason)),
	    DISPUTE_OK);
	assert_int_equal(validate_date("2025-01-01", "2024-12-31", reason, sizeof(reason)),
	    DISPUTE_FAILED);
	assert_string_equal(reason, "date 2025-01-01 is in the future");
}

/* --- reason buffers --- */

static void
test_reason_cleared_and_bounded(void **state)
{
	char reason[VALIDATE_REASON_MAX], tiny[8];
	int64_t fen;

	(void)state;
	strcpy(reason, "stale");
	assert_int_equal(amount_parse("1", &fen, reason, sizeof(reason)), DISPUTE_OK);
	assert_string_equal(reason, "");

	memset(tiny, 'z', sizeof(tiny));
	assert_int_equal(validate_date("2025-02-29", TODAY, tiny, sizeof(tiny)),
	    DISPUTE_FAILED);
	assert_string_equal(tiny, "day 29 ");

	/* No reason buffer at all is allowed when only the verdict matters. */
	assert_int_equal(amount_parse("1,0", &fen, NULL, 0), DISPUTE_FAILED);
	assert_int_equal(validate_credit_code("91350100M000100Y43", NULL, NULL, 0), DISPUTE_OK);
}

/* Gender from the parity of the 17th character and the birth date from characters 7-14,
 * for both genders, an X check character, and births in the 1900s and the 2000s
 * (including a leap day). Each number is checked valid first, as the callers do. */
static void
test_id_particulars(void **state)
{
	static const struct { const char *body, *full, *gender, *birth; } v[] = {
		{ "11010519900307123", "110105199003071239", "male", "1990-03-07" },
		{ "11010519491231002", "11010519491231002X", "female", "1949-12-31" },
		{ "44030520050101002", "440305200501010028", "female", "2005-01-01" },
		{ "33010620080229001", "330106200802290019", "male", "2008-02-29" },
	};
	char full[19], birth[11];
	const char *gender;
	size_t i;

	(void)state;
	for (i = 0; i < N(v); i++) {
		snprintf(full, sizeof(full), "%s%c", v[i].body, id_check_of(v[i].body));
		assert_string_equal(full, v[i].full);
		assert_int_equal(validate_id_number(full, TODAY, NULL, NULL, 0), DISPUTE_OK);
		id_number_particulars(full, &gender, birth);
		assert_string_equal(gender, v[i].gender);
		assert_string_equal(birth, v[i].birth);
	}
}

/* The 民族 field as the identity card writes it; the bare "汉" and free words refused. */
static void
test_ethnicity(void **state)
{
	char reason[VALIDATE_REASON_MAX];

	(void)state;
	assert_int_equal(validate_ethnicity("汉族", reason, sizeof(reason)), DISPUTE_OK);
	assert_string_equal(reason, "");
	assert_int_equal(validate_ethnicity("柯尔克孜族", reason, sizeof(reason)), DISPUTE_OK);
	assert_int_equal(validate_ethnicity("基诺族", reason, sizeof(reason)), DISPUTE_OK);
	assert_int_equal(validate_ethnicity("汉", reason, sizeof(reason)), DISPUTE_FAILED);
	assert_non_null(strstr(reason, "\"汉\""));
	assert_int_equal(validate_ethnicity("Han", reason, sizeof(reason)), DISPUTE_FAILED);
	assert_int_equal(validate_ethnicity("汉族 ", reason, sizeof(reason)), DISPUTE_FAILED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_vectors_valid),
		cmocka_unit_test(test_id_lowercase_x_canonicalised),
		cmocka_unit_test(test_id_every_single_change_fails),
		cmocka_unit_test(test_id_check_digit_reason),
		cmocka_unit_test(test_id_birth_date),
		cmocka_unit_test(test_id_province),
		cmocka_unit_test(test_id_shape),
		cmocka_unit_test(test_credit_vectors_valid),
		cmocka_unit_test(test_credit_lowercase_canonicalised),
		cmocka_unit_test(test_credit_every_single_change_fails),
		cmocka_unit_test(test_credit_check_reason),
		cmocka_unit_test(test_credit_shape),
		cmocka_unit_test(test_amount_valid),
		cmocka_unit_test(test_amount_over_limit),
		cmocka_unit_test(test_amount_refused_forms),
		cmocka_unit_test(test_amount_format),
		cmocka_unit_test(test_amount_round_trip),
		cmocka_unit_test(test_phone_valid),
		cmocka_unit_test(test_phone_refused),
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test(test_date_refused),
		cmocka_unit_test(test_date_bad_today),
		cmocka_unit_test(test_reason_cleared_and_bounded),
		cmocka_unit_test(test_id_particulars),
		cmocka_unit_test(test_ethnicity),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
