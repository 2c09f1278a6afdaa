/* Reading a JSON file with errors that point at the line and column. */
#ifndef DISPUTE_JSON_FILE_H
#define DISPUTE_JSON_FILE_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Parses the file PATH (at most MAX bytes). Invalid JSON is reported as
 * "PATH:LINE:COLUMN: not valid JSON". */
int json_read_file(const char *path, size_t max, cJSON **out);

/* Parses the LEN bytes of TEXT (NUL-terminated), read from the file PATH, in the same
 * way. */
int json_parse_text(const char *path, const char *text, size_t len, cJSON **out);

#endif
