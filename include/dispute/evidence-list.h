/* The evidence list (证据清单) for scripts and spreadsheets, in the numbering every
 * draft uses: the evidence rows of the template view (draft-view.h) as CSV or
 * JSON. The text form is a template (evidence-list.txt). */
#ifndef DISPUTE_EVIDENCE_LIST_H
#define DISPUTE_EVIDENCE_LIST_H

#include "dispute/draft-view.h"

/* RFC 4180 CSV with a header row, in Chinese or (ENGLISH) in English, UTF-8 opened by a
 * byte order mark (for Excel); *OUT malloc'd. */
int evidence_list_csv(const struct draft_view *view, int english, char **out);

/* JSON with its schema first (dispute-evidence-list/1) and a final newline; *OUT
 * malloc'd. */
int evidence_list_json(const struct draft_view *view, char **out);

#endif
