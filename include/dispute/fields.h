/* The documented case facts that `dispute set` accepts, with their types. A name not
 * in this table is refused, so that a typo is never stored. */
#ifndef DISPUTE_FIELDS_H
#define DISPUTE_FIELDS_H

#include <stddef.h>

enum field_type {
	FIELD_TEXT,        /* free UTF-8 text */
	FIELD_CHOICE,      /* one of a fixed list of words */
	FIELD_DATE,        /* YYYY-MM-DD, not in the future */
	FIELD_AMOUNT,      /* yuan with at most two decimals, stored as canonical "129.50" */
	FIELD_COUNT,       /* a whole number from 1 */
	FIELD_PHONE,       /* a mainland phone number */
	FIELD_ID_NUMBER,   /* 18-character resident identity number */
	FIELD_CREDIT_CODE, /* 18-character unified social credit code */
	FIELD_ETHNICITY    /* one of the 56 ethnic groups, as the identity card writes it */
};

struct field {
	const char *name;            /* "order.amount" */
	enum field_type type;
	const char *const *choices;  /* FIELD_CHOICE: NULL-terminated list */
	const char *help;            /* one line for `dispute help set` */
};

/* The whole table, terminated by an entry with a NULL name. */
extern const struct field field_table[];

const struct field *field_find(const char *name);

/* Checks VALUE for FIELD as of TODAY and returns its canonical text in *CANONICAL
 * (malloc'd). On refusal reports "FIELD: reason" and returns DISPUTE_FAILED. */
int field_normalize(const struct field *field, const char *value, const char *today,
    char **canonical);

/* The same without reporting: DISPUTE_FAILED with the reason (without the field's name)
 * in REASON (REASON_LEN bytes, VALIDATE_REASON_MAX is enough) and *CANONICAL NULL. */
int field_check(const struct field *field, const char *value, const char *today, char **canonical,
    char *reason, size_t reason_len);

struct dispute_case;

/* Refuses order dates out of order: the goods received before they were ordered, or
 * sent back before they came, naming both dates. */
int field_check_order_dates(const struct dispute_case *c);

/* The buyer's gender and birth date as the complaint states them: the recorded
 * claimant.gender and claimant.birth_date, else what a valid claimant.id_number
 * carries (*DERIVED set), else NULL. BIRTH_DATE holds 11 bytes. */
void field_claimant_particulars(const struct dispute_case *c, const char **gender,
    char *birth_date, int *derived);

/* Refuses a recorded claimant.gender or claimant.birth_date that contradicts
 * claimant.id_number, naming both values. */
int field_check_identity(const struct dispute_case *c);

/* The list of rules/input-aliases.json that holds the Chinese for FIELD's choices: the
 * field's name, or "yes-no" for the yes/no fields. */
const char *field_alias_list(const struct field *field);

/* The list of choices as "a, b, c" in BUF. */
void field_choices_text(const struct field *field, char *buf, size_t len);

#endif
