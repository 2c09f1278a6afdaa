/* Dates as a buyer types them: 2026-10-11, 2026/10/11, 2026.10.11, 2026年10月11日 (one-
 * or two-digit months and days, ASCII or full-width digits). Writing dates the Chinese
 * way is the job of the date formatting, not of this file. */
#ifndef DISPUTE_DATE_INPUT_H
#define DISPUTE_DATE_INPUT_H

#include <stddef.h>

#include "dispute/date.h"

/* Writes TYPED as "YYYY-MM-DD" into OUT and returns 1 when it has one of the shapes
 * above; 0 otherwise, OUT untouched. Whether the day exists is the caller's question
 * (validate_date). */
int date_input_parse(const char *typed, char out[DATE_LEN]);

/* TYPED read by date_input_parse() into OUT and checked by validate_date() as of TODAY;
 * on refusal the reason names the forms accepted. */
int date_input_read(const char *typed, const char *today, char out[DATE_LEN], char *reason,
    size_t reason_len);

#endif
