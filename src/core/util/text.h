/* UTF-8 text checks shared by every place that takes text from the user or a file, and
 * sizes written for people. */
#ifndef DISPUTE_TEXT_H
#define DISPUTE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Length of the UTF-8 sequence starting at S (1 to 4), or 0 when S does not start a
 * well-formed, shortest-form sequence of at most AVAIL bytes. */
size_t utf8_sequence_length(const unsigned char *s, size_t avail);

/* Whether the LEN bytes at S are well-formed UTF-8. */
int utf8_valid(const char *s, size_t len);

/* Free text longer than this is almost certainly a pasted file, not a fact or a note. */
#define TEXT_MAX 8000

/* Whether S is acceptable text from the user: non-empty, at most TEXT_MAX bytes,
 * well-formed UTF-8, no control characters but newline and tab. DISPUTE_FAILED with a
 * short reason otherwise. */
int text_check(const char *s, char *reason, size_t reason_len);

/* A malloc'd copy of S in which every byte that is not part of well-formed UTF-8 is
 * replaced by U+FFFD, so that a file name of unknown encoding can be stored in JSON.
 * NULL when out of memory, without a message (the caller reports): this file is below
 * the reporter, which escapes messages with text_for_terminal(). */
char *utf8_sanitize(const char *s);

/* "1.5 MB": a size for people, in decimal units (as bag-info.txt's Bag-Size), with
 * sizes under 1000 bytes in words: "432 bytes" (ENGLISH) or "432 字节". */
void format_size(uint64_t bytes, int english, char *buf, size_t len);

#endif
