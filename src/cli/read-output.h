/* Printing what was read from the evidence and the facts suggested from it, for
 * `dispute read` and `dispute add-evidence --read`. */
#ifndef DISPUTE_CLI_READ_OUTPUT_H
#define DISPUTE_CLI_READ_OUTPUT_H

#include <cjson/cJSON.h>

/* Names each item read and its derived file on stderr, with a warning for an item
 * whose values were read too unclearly to be suggested. */
void read_tell(const cJSON *readings);

/* The suggestions of READINGS (suggest_facts()) on stdout as `dispute set` lines, each
 * fact once, with the item, the confidence and the line it came from as a comment;
 * those that may not be recorded as comments, with the reason. DISPUTE_FAILED when out of
 * memory, after the message. */
int read_print_suggestions(const cJSON *readings);

#endif
