/* Reading the evidence: the text of order, chat, licence and logistics screenshots,
 * recognised offline (media/ocr.h), and exported chat logs in GB18030/GBK turned into
 * UTF-8. What is read is a derived file in the case's derived/ folder, named for its
 * item ("E02-order.ocr.json", "E03-chat.utf8.txt"), bound to the SHA-256 of the
 * original it came from; the original is never touched. The item's record in
 * case.json gets "reading": {"file", "sha256", "method": "ocr" | "transcode", and
 * "confidence" (OCR) or "encoding" (transcode)}; a chat screenshot's record also gets
 * "quotes", its lines as [{"speaker": "merchant" | "buyer", "time", "text",
 * "confidence"}], which the drafts cite by evidence number. The dossier carries the
 * derived files under data/derived/. */
#ifndef DISPUTE_READING_H
#define DISPUTE_READING_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

#define READING_DIR "derived"
/* The largest derived file or exported chat log that is read. */
#define READING_FILE_MAX (64u * 1024 * 1024)

/* Whether evidence of KIND ("order") is read. */
int reading_kind(const char *kind);

/* Reads the items IDS (COUNT of them; all the order, chat, licence and logistics
 * items when COUNT is 0) of C, opened for writing, and saves the case. An explicit ID
 * that is unknown, or of another kind, is refused before anything is read; a file that
 * is neither a picture nor a text that needs converting is passed over with a notice.
 * *READINGS (may be NULL) gets an array of what was read, one object per item read:
 * {"id", "kind", "file", and the OCR's "confidence" and "lines"}. */
int reading_read(struct dispute_case *c, char *const *ids, int count, cJSON **readings);

/* The derived file of RECORD (an evidence item), checked against the SHA-256 recorded
 * for it: *DATA (malloc'd, LEN bytes), or *DATA NULL when the item has none.
 * DISPUTE_FAILED after one error when it is missing or altered. */
int reading_load(const struct dispute_case *c, const cJSON *record, char **data, size_t *len);

#endif
