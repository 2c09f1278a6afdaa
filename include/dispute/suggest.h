/* Facts suggested from what `dispute read` read (reading.h): the order number, amount
 * paid, order date and shop name of an order page; the date the goods were signed for
 * (order.received) on a tracking page; the company name, unified social
 * credit code, registered address and legal representative of a business licence.
 * Each is found after its label ("订单编号", "实付款", "统一社会信用代码", "住所" ...)
 * and checked as `dispute set` checks it (a credit code against its check character).
 * Nothing is suggested from a value whose words were read with a confidence below
 * OCR_CONFIDENCE_MIN. */
#ifndef DISPUTE_SUGGEST_H
#define DISPUTE_SUGGEST_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

/* Adds to each object of READINGS (as reading_read() returns them) "suggestions":
 * [{"field", "value" (canonical when valid), "text" (the line it came from),
 * "confidence", "valid", "reason" (why not valid), "conflict": true (another item
 * suggests another value for the field)}] and "unclear", the number of lines that
 * would have given a fact but were read with too little confidence. */
int suggest_facts(cJSON *readings, const char *today);

/* Records in C the valid suggestions of READINGS that no other contradicts, for the
 * fields C does not hold yet, and names every other one with its reason; the case is
 * checked as `dispute set` checks it, not saved. *APPLIED gets the number recorded. */
int suggest_apply(struct dispute_case *c, const cJSON *readings, int *applied);

#endif
