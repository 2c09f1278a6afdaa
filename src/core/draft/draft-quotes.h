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

/* Adds the quotes of the case's item ITEM to ENTRY, its row; 0 when memory ran out. */
int draft_quotes_item(cJSON *entry, const cJSON *item);

/* Adds "merchant_reply" to VIEW when one of the quotes of ITEM, the exhibit labelled
 * LABEL_ZH and LABEL_EN, is the merchant's refusal: 1 when it did, 0 when there is
 * none, -1 when memory ran out. */
int draft_quotes_reply(cJSON *view, const cJSON *item, const char *label_zh,
    const char *label_en);

#endif
