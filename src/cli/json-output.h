/* Printing --json output. */
#ifndef DISPUTE_CLI_JSON_OUTPUT_H
#define DISPUTE_CLI_JSON_OUTPUT_H

#include <cjson/cJSON.h>

/* Writes VALUE to stdout, indented, with a final newline. */
int json_print(const cJSON *value);

#endif
