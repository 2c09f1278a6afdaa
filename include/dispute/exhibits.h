/* Exhibit numbers (证据N, 证据N-k for a group): the numbers every draft, the page and
 * the evidence list cite. Until a document citing them is drafted or packed they
 * follow the evidence in case order; from then on each item keeps the number it had
 * ("exhibit" and "exhibit_part" in its record), a removed item leaves its number as a
 * withdrawn (已撤回) line in "withdrawn", and "exhibits_fixed" says when and by what
 * the numbers became fixed. Only `dispute renumber` closes the gaps. */
#ifndef DISPUTE_EXHIBITS_H
#define DISPUTE_EXHIBITS_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "dispute/case.h"

#define EXHIBIT_GROUP_MAX 999 /* the highest number --group takes */

struct exhibit_number {
	int number; /* N of 证据N */
	int part;   /* k of 证据N-k; 0 for an item not in a group */
};

/* The number of every evidence item, in case order: *OUT (malloc'd, one per item of
 * case_evidence(C); NULL for none) and *COUNT. */
int exhibits_number(const struct dispute_case *c, struct exhibit_number **out, size_t *count);

/* "3" or "3-1", in BUF of at least 24 bytes. */
void exhibits_serial(struct exhibit_number n, char *buf, size_t size);

/* The number stored in evidence record ITEM, into *OUT: 1 when it has one (it was
 * cited), 0 otherwise. */
int exhibits_stored(const cJSON *item, struct exhibit_number *out);

/* Whether the numbers are fixed (a draft or pack cited them). */
int exhibits_fixed(const struct dispute_case *c);

/* Fixes the numbers as they are now (BY says what cited them: "draft", "pack") and
 * saves the case when that changed anything. C is open for writing. */
int exhibits_fix(struct dispute_case *c, const char *by);

/* exhibits_fix() after the document citing the numbers was written: a case.json that
 * cannot be saved (a full disk) costs the buyer only the record, which a warning says,
 * never the document. */
void exhibits_fix_or_warn(struct dispute_case *c, const char *by);

/* Checks that GROUP (1 to EXHIBIT_GROUP_MAX) may take more items: it is not the number
 * of a single exhibit nor a withdrawn one. Reports the problem and fails otherwise. */
int exhibits_check_group(const struct dispute_case *c, long group);

/* Notes that ITEM (a record of C about to be removed) leaves its fixed number as a
 * withdrawn line; nothing for an item never cited. Sets *WITHDRAWN to whether it did. */
int exhibits_withdraw(struct dispute_case *c, const cJSON *item, int *withdrawn);

/* Numbers every item afresh in case order, closing every gap, and forgets that the
 * numbers were fixed (groups keep their members, under their new number). Each change
 * is passed to REPORT (may be NULL) as the old and new serial and the item's ID.
 * Returns the number of items whose number changed, or -1 after an error. The caller
 * saves. */
int exhibits_renumber(struct dispute_case *c,
    void (*report)(const char *old_serial, const char *new_serial, const char *id, void *ctx),
    void *ctx);

#endif
