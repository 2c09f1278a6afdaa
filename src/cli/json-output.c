/* Printing --json output: every listing command's JSON goes to stdout from here. */
#include <stdio.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "json-output.h"

int
json_print(const cJSON *value)
{
	char *text = cJSON_Print(value);

	if (text == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	printf("%s\n", text);
	cJSON_free(text);
	return DISPUTE_OK;
}
