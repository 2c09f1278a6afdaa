/* The time and origin of an evidence item (recorded at intake, intake/origin.h) as the
 * templates see them: what the file states of its making, in each language, and the
 * capture log. */
#ifndef DISPUTE_EVIDENCE_ORIGIN_H
#define DISPUTE_EVIDENCE_ORIGIN_H

#include <cjson/cJSON.h>

/* Adds to the view entry E what the record ITEM says (each only when known):
 * "captured_at" (the time with its zone), "captured_label_zh"/"_en" (what that time is
 * and where it was read), "camera", "duration_zh"/"_en", "picture_size", "method",
 * "method_zh"/"_en", "device", "app", "original_modified" and "original_size". Returns 0 when
 * memory runs out. */
int evidence_origin_view(cJSON *e, const cJSON *item);

#endif
