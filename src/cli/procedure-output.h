/* The procedure a claim goes to, as `dispute claim` and `dispute status` show it. */
#ifndef DISPUTE_PROCEDURE_OUTPUT_H
#define DISPUTE_PROCEDURE_OUTPUT_H

#include <cjson/cJSON.h>

#include "cmd.h"

/* The procedure for the claim total TOTAL (exact decimal text) of the case in CTX, which
 * needs CMD_RULES, CMD_COURTS and CMD_WAGES; as JSON (procedure.h) in *OUT. */
int procedure_for_case(const struct cmd_ctx *ctx, const char *total, cJSON **out);
/* Prints it for people. */
void procedure_print(const cJSON *procedure);

#endif
