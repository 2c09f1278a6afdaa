/* libFuzzer harness for the fact validators: the input, cut at its first NUL, goes
 * through validate_date, amount_parse, validate_phone, validate_id_number and
 * validate_credit_code, and through field_normalize for every field in field_table,
 * all as of the fixed day 2026-11-18. Beyond "no memory error" it checks:
 *  - amount_parse then amount_format then amount_parse gives the same fen;
 *  - a canonical phone, ID number or credit code is itself valid and canonical;
 *  - field_normalize of a canonical value gives that value back;
 *  - a REASON buffer is never written past REASON_LEN (also when 1 byte or NULL).
 * Canonical-form buffers are heap blocks of exactly the documented size, so that
 * AddressSanitizer sees a single byte written too many. A broken check calls abort(). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/fields.h"
#include "dispute/report.h"
#include "dispute/validate.h"

#include "fuzz.h"

#define TODAY "2026-11-18"
#define PHONE_CANON_LEN 32 /* "must hold at least 32 bytes" */
#define CODE_CANON_LEN 19  /* ID number and credit code: 18 characters and NUL */

static void
check(int ok, const char *what, const char *input)
{
	if (ok)
		return;
	fprintf(stdout, "fuzz_validators: %s for input \"%s\"\n", what, input);
	fflush(stdout);
	abort();
}

/* An exact-size heap buffer filled with junk, so that a missing NUL shows. */
static char *
buffer(size_t len)
{
	char *b = malloc(len);

	if (b == NULL)
		abort();
	memset(b, 'R', len);
	return b;
}

/* REASON (LEN bytes) must hold a NUL-terminated string: empty after success. */
static void
check_reason(const char *reason, size_t len, int status, const char *what, const char *input)
{
	check(memchr(reason, '\0', len) != NULL, what, input);
	if (status == DISPUTE_OK)
		check(reason[0] == '\0', what, input);
}

static void
fuzz_date(const char *s)
{
	size_t lens[] = { VALIDATE_REASON_MAX, 1 };
	int first = -1;

	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		char *reason = buffer(lens[i]);
		int status = validate_date(s, TODAY, reason, lens[i]);

		check_reason(reason, lens[i], status, "validate_date reason", s);
		check(first == -1 || first == status, "validate_date depends on reason_len", s);
		first = status;
		free(reason);
	}
	check(validate_date(s, TODAY, NULL, 0) == first, "validate_date with NULL reason", s);
}

static void
fuzz_amount(const char *s)
{
	char *reason = buffer(VALIDATE_REASON_MAX);
	char *text = buffer(AMOUNT_TEXT_MAX);
	int64_t fen = INT64_MIN, again = INT64_MIN;
	int status;

	status = amount_parse(s, &fen, reason, VALIDATE_REASON_MAX);
	check_reason(reason, VALIDATE_REASON_MAX, status, "amount_parse reason", s);
	if (status != DISPUTE_OK) {
		check(fen == INT64_MIN, "amount_parse changed *fen on failure", s);
	} else {
		check(fen >= 0 && fen <= INT64_C(10000000000), "amount_parse out of range", s);
		amount_format(fen, text);
		check(memchr(text, '\0', AMOUNT_TEXT_MAX) != NULL, "amount_format unterminated", s);
		check(amount_parse(text, &again, NULL, 0) == DISPUTE_OK, "amount_format output refused", s);
		check(again == fen, "amount round trip changed the value", s);
		/* Negative values only come from arithmetic, but must format too. */
		amount_format(-fen, text);
		check(memchr(text, '\0', AMOUNT_TEXT_MAX) != NULL, "amount_format negative", s);
	}
	free(text);
	free(reason);
}

/* VALIDATE(s, canon) as a function of the input and its canonical form, for phone,
 * ID number and credit code: canonical output must be accepted and kept unchanged. */
static void
fuzz_canonical(const char *s, const char *what, size_t canon_len,
    int (*validate)(const char *, char *, size_t, char *, size_t))
{
	char *reason = buffer(VALIDATE_REASON_MAX);
	char *canon = buffer(canon_len);
	char *again = buffer(canon_len);
	int status;

	status = validate(s, canon, canon_len, reason, VALIDATE_REASON_MAX);
	check_reason(reason, VALIDATE_REASON_MAX, status, what, s);
	if (status != DISPUTE_OK) {
		check(canon[0] == '\0', what, s); /* "a CANON buffer is emptied on failure" */
	} else {
		check(memchr(canon, '\0', canon_len) != NULL, what, s);
		check(validate(canon, again, canon_len, NULL, 0) == DISPUTE_OK,
		    "canonical form refused", s);
		check(strcmp(canon, again) == 0, "canonical form not canonical", s);
	}
	/* The same verdict with a one-byte reason buffer. */
	free(reason);
	reason = buffer(1);
	check(validate(s, canon, canon_len, reason, 1) == status, "verdict depends on reason_len", s);
	check_reason(reason, 1, status, what, s);
	free(again);
	free(canon);
	free(reason);
}

static int
phone(const char *s, char *canon, size_t canon_len, char *reason, size_t reason_len)
{
	return validate_phone(s, canon, canon_len, reason, reason_len);
}

static int
id_number(const char *s, char *canon, size_t canon_len, char *reason, size_t reason_len)
{
	(void)canon_len;
	return validate_id_number(s, TODAY, canon, reason, reason_len);
}

static int
credit_code(const char *s, char *canon, size_t canon_len, char *reason, size_t reason_len)
{
	(void)canon_len;
	return validate_credit_code(s, canon, reason, reason_len);
}

static void
fuzz_fields(const char *s)
{
	const struct field *f;

	for (f = field_table; f->name != NULL; f++) {
		char *canonical = NULL, *again = NULL;

		if (field_normalize(f, s, TODAY, &canonical) != DISPUTE_OK) {
			check(canonical == NULL, "field_normalize set *canonical on failure", s);
			continue;
		}
		check(canonical != NULL, "field_normalize gave no value", s);
		check(field_normalize(f, canonical, TODAY, &again) == DISPUTE_OK,
		    "field_normalize refused its own canonical value", s);
		check(strcmp(canonical, again) == 0, "field_normalize not idempotent", s);
		free(again);
		free(canonical);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	fuzz_quiet_stderr();
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0'; /* an embedded NUL simply ends the string early */
	fuzz_date(s);
	fuzz_amount(s);
	fuzz_canonical(s, "validate_phone", PHONE_CANON_LEN, phone);
	fuzz_canonical(s, "validate_id_number", CODE_CANON_LEN, id_number);
	fuzz_canonical(s, "validate_credit_code", CODE_CANON_LEN, credit_code);
	fuzz_fields(s);
	free(s);
	return 0;
}
