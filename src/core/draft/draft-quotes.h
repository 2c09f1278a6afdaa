/* The chat lines `dispute read` took from the chat screenshots (intake/reading.h), in
 * the data the drafts see: each evidence entry's "quotes" ([{"speaker", "speaker_zh",
 * "speaker_en", "time", "text", "refusal"}]) and "merchant_reply", the first refusal
 * the merchant wrote, with its date and the evidence that shows it ({"text", "time",
 * "date", "date_zh", "evidence_zh": "证据2", "evidence_en": "Exhibit 2"}), which the
 * platform and court drafts quote. Only lines read with confidence OCR_CONFIDENCE_MIN
 * or more are quoted: a misread sentence must not be put in the merchant's mouth. */
#ifndef DISPUTE_DRAFT_QUOTES_H
#define DISPUTE_DRAFT_QUOTES_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

/* Adds them to VIEW, whose "evidence" list is built already. DISPUTE_FAILED after one
 * error when memory runs out. */
int draft_quotes_add(cJSON *view, const struct dispute_case *c);

#endif
