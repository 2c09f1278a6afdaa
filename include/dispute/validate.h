/* Checks for the facts a buyer records: each returns DISPUTE_OK when the value is
 * valid, or DISPUTE_FAILED with a short English reason in REASON (no field name,
 * no final period) that the caller prefixes with the field, e.g.
 * "claimant.id_number: check digit should be 7, not 5". Nothing is printed here.
 * Input is refused rather than guessed at: no surrounding spaces, no full-width
 * characters. REASON is truncated to REASON_LEN, emptied on success, and may be NULL;
 * a CANON buffer is emptied on failure. */
#ifndef DISPUTE_VALIDATE_H
#define DISPUTE_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#define VALIDATE_REASON_MAX 160

/* A calendar date YYYY-MM-DD that exists and is not later than TODAY (also YYYY-MM-DD). */
int validate_date(const char *s, const char *today, char *reason, size_t reason_len);

/* A decimal yuan amount: digits, optionally '.' and one or two digits ("129", "129.5",
 * "0.99"); no sign, no exponent, no thousands separators, no currency symbol, no
 * leading zero ("05"), no bare point (".5", "5."); at most 100,000,000 yuan. The exact
 * value in fen (1/100 yuan) goes to *fen, which is left alone on failure. */
int amount_parse(const char *s, int64_t *fen, char *reason, size_t reason_len);
/* "129.50" for 12950; BUF must hold AMOUNT_TEXT_MAX bytes. Negative values get a '-'. */
#define AMOUNT_TEXT_MAX 32
void amount_format(int64_t fen, char *buf);

/* A mainland China phone number: a mobile (1[3-9] and 9 more digits), a landline with
 * its area code (010-12345678, 0755-1234567), or a 400/800 service number. Spaces and
 * hyphens are allowed between groups and a leading +86 or 0086 on mobiles. The canonical
 * form (mobile: 11 digits; landline: AREA-NUMBER; service: 400-xxx-xxxx) goes to CANON,
 * which must hold at least 32 bytes. */
int validate_phone(const char *s, char *canon, size_t canon_len, char *reason, size_t reason_len);

/* An 18-character resident identity number (GB 11643-1999): 6-digit region code, a
 * birth date that exists and is not in the future relative to TODAY, 3-digit sequence,
 * and the ISO 7064 MOD 11-2 check character (0-9 or X; a lowercase x is accepted and
 * canonicalised to X in CANON, which must hold 19 bytes). */
int validate_id_number(const char *s, const char *today, char *canon, char *reason, size_t reason_len);

/* The gender ("male" or "female", static text) and the birth date YYYY-MM-DD (11 bytes
 * in BIRTH_DATE) that ID, an identity number validate_id_number() accepted, carries. */
void id_number_particulars(const char *id, const char **gender, char *birth_date);

/* One of the 56 ethnic groups as the identity card writes it ("汉族", not "汉"). */
int validate_ethnicity(const char *s, char *reason, size_t reason_len);

/* An 18-character unified social credit code (GB 32100-2015): characters from
 * 0-9 and A-Z without I, O, Z, S, V, and the MOD 31 check character. Lowercase letters
 * are accepted and canonicalised to uppercase in CANON (19 bytes). */
int validate_credit_code(const char *s, char *canon, char *reason, size_t reason_len);

#endif
