/* The helper programs' side of the protocol that src/core/util/helper.h describes: the
 * request comes as one JSON object on stdin, each item's reply goes to stdout as one
 * JSON header line naming the item and the length of the bytes that follow it. */
#ifndef DISPUTE_HELPER_PROTOCOL_H
#define DISPUTE_HELPER_PROTOCOL_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Requests are small: a list of files and what to do with them. */
#define PROTOCOL_REQUEST_MAX (16 * 1024 * 1024)

/* "NAME: MESSAGE" on stderr, NAME being the helper's; returns 1, its exit status. */
int protocol_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads the request from stdin; its "command" member must be one of COMMANDS
 * (NULL-terminated) and goes to *COMMAND, its "items" array to *ITEMS (both owned by
 * *REQUEST). 0, or 1 after protocol_fail(). */
int protocol_read_request(const char *const *commands, cJSON **request, const char **command,
    const cJSON **items);

/* Writes the reply to item ITEM: HEADER (freed here; may be NULL for {}) with "item"
 * and "payload" added, then the LEN bytes of PAYLOAD. 0, or 1 after protocol_fail(). */
int protocol_reply(size_t item, cJSON *header, const void *payload, size_t len);

/* Replies to item ITEM that it was skipped: {"skipped": WHY, "detail": DETAIL} (DETAIL
 * left out when NULL), without payload. 0, or 1 after protocol_fail(). */
int protocol_skipped(size_t item, const char *why, const char *detail);

#endif
