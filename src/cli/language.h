/* Showing words and texts in the language of the interface: the Chinese name of a
 * stored choice value, channel, outcome or evidence kind, and the member of a summary
 * that carries its text in both languages. JSON output never goes through here. */
#ifndef DISPUTE_CLI_LANGUAGE_H
#define DISPUTE_CLI_LANGUAGE_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* VALUE of the choice field FIELD as the buyer reads it: its Chinese name when the
 * interface speaks Chinese and the field is a choice, else VALUE. */
const char *shown_value(const char *field, const char *value);

/* A word of the timeline's LIST ("channel" or "outcome") as the buyer reads it. */
const char *shown_word(const char *list, const char *word);

/* An evidence kind ("defect") as the buyer reads it: its Chinese label when the
 * interface speaks Chinese, else the name that -k takes. */
const char *shown_kind(const char *kind);

/* The string member ZH_NAME of ITEM when the interface speaks Chinese, else EN_NAME;
 * the other one when that is absent, "" when both are. */
const char *shown_member(const cJSON *item, const char *zh_name, const char *en_name);

/* TEXT followed by spaces up to COLUMNS terminal columns (a CJK character takes two),
 * in BUF of LEN bytes, which it returns: printf's %-20s counts bytes, not columns. */
const char *shown_padded(const char *text, int columns, char *buf, size_t len);

#endif
