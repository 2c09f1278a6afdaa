/* The timeline: every contact the buyer made about the dispute and how it ended. */
#ifndef DISPUTE_TIMELINE_H
#define DISPUTE_TIMELINE_H

#include "dispute/case.h"
#include "dispute/date.h"

/* NULL-terminated lists of the accepted words. */
extern const char *const timeline_channels[];
extern const char *const timeline_outcomes[];

struct timeline_entry {
	const char *date;     /* YYYY-MM-DD, not in the future */
	const char *channel;  /* merchant, platform, 12315, consumer-association, court, social */
	const char *outcome;  /* pending, accepted, refused, no-response, resolved, partial, agreement */
	const char *ref;      /* complaint number or similar; may be NULL */
	const char *text;     /* what was said or done */
	int demand;           /* the buyer demanded performance: restarts the limitation period */
};

/* The Chinese label of a channel or outcome word ("merchant" → "商家"), or the word
 * itself when it has none. */
const char *timeline_label_zh(const char *word);

/* The timeline as plain UTF-8 text for the dossier, one contact per line. Malloc'd. */
char *timeline_text(const struct dispute_case *c);

/* Whether the dispute is settled: the latest contact ended "resolved". A resolved
 * contact followed by a refusal is not a settled case. */
int timeline_resolved(const struct dispute_case *c);

/* Puts what the buyer typed into ENTRY in its stored form: a Chinese channel or outcome
 * ("消协", "拒绝") becomes its word, a date such as 2026年10月11日 becomes YYYY-MM-DD
 * (written into DATE, which ENTRY then points to). Anything else is left for
 * timeline_add() to judge. */
void timeline_normalize(struct timeline_entry *entry, char date[DATE_LEN]);

/* Checks ENTRY and appends it to the case's timeline, keeping it in date order (stable
 * for entries of the same date); the caller saves. */
int timeline_add(struct dispute_case *c, const struct timeline_entry *entry, const char *today);

#endif
