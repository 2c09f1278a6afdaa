/* Where a screenshot shows private data, from what the OCR read of it (media/ocr.h):
 * the boxes to fill before it may be published. Covered are every run of seven digits
 * or more (the full order number, phone numbers, the buyer's and anyone else's, ID
 * numbers, tracking numbers), except a date, and every line that reads as an address
 * (a province, city, district or county followed by a road, street, building or room),
 * or that holds the start of the buyer's recorded address, and the buyer's recorded
 * name wherever it shows, and every word holding a digit that was read with a
 * confidence below 60: a phone number misread as "1381234S678" is still a phone
 * number. Coverage errs on the side of
 * too much: what a rule does not recognise stays visible, so the rules are broad. */
#ifndef DISPUTE_REDACT_H
#define DISPUTE_REDACT_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

/* What was covered, as bits. */
enum redact_what {
	REDACT_ORDER_ID = 1 << 0,    /* the case's order.id */
	REDACT_BUYER_PHONE = 1 << 1, /* claimant.phone */
	REDACT_ID_NUMBER = 1 << 2,   /* an 18-character ID number */
	REDACT_PHONE = 1 << 3,       /* another mobile number */
	REDACT_NUMBER = 1 << 4,      /* another long number */
	REDACT_ADDRESS = 1 << 5,
	REDACT_NAME = 1 << 6,        /* claimant.name */
	REDACT_UNCLEAR = 1 << 7      /* a word with digits read unclearly */
};

/* The boxes of READING to cover in C's screenshot, [[x0, y0, x1, y1], ...], and in
 * *WHAT the kinds of data they hold. NULL, after one error, when memory runs out. */
cJSON *redact_boxes(const cJSON *reading, const struct dispute_case *c, unsigned *what);

/* "完整订单号、买家电话、地址 / full order number, buyer's phone, address" for WHAT, in
 * BUF (LEN bytes). */
void redact_describe(unsigned what, char *buf, size_t len);

#endif
