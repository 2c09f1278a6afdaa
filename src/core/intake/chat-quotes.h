/* The quotable lines of a chat screenshot, from what the OCR read of it (media/ocr.h).
 * A chat app draws the other side's messages from the left edge, beside their avatar,
 * and the phone owner's own from the right edge; times are centred between them. So a
 * line nearer the left edge is the merchant's, one nearer the right the buyer's, a
 * centred line holding a time sets the time of the messages below it, and the window's
 * title bar and input bar (the top and bottom 7%) are left out. Lines of one bubble
 * (the same side, close together) make one quote. */
#ifndef DISPUTE_CHAT_QUOTES_H
#define DISPUTE_CHAT_QUOTES_H

#include <cjson/cJSON.h>

/* The quotes of READING, top to bottom: [{"speaker": "merchant" | "buyer", "time" (as
 * shown, "2026-10-05 14:32" when it had a full date; absent when none was shown),
 * "text", "confidence" (the lowest of its lines'), "refusal": true when a merchant's
 * line refuses]. NULL, after one error, when memory runs out. */
cJSON *chat_quotes(const cJSON *reading);

#endif
