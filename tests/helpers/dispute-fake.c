/* A helper program for the tests of the helper runner (tests/unit/test_helper.c): it
 * speaks the protocol of src/core/util/helper.h and misbehaves on request, as a decoder
 * fed a hostile file would. Command "echo": each item {"text", "do"} is answered with
 * TEXT as its payload, unless "do" is "crash" (a segmentation fault), "hog" (memory
 * until the limit stops it), "spin" (processor time until the limit stops it), "fail"
 * (exit status 3) or "silent" (exit 0 without answering). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

static int
misbehave(const char *what)
{
	if (strcmp(what, "crash") == 0)
		raise(SIGSEGV);
	if (strcmp(what, "hog") == 0)
		for (;;) {
			char *p = malloc(16 * 1024 * 1024);

			if (p == NULL)
				abort();
			memset(p, 1, 16 * 1024 * 1024);
		}
	if (strcmp(what, "spin") == 0)
		for (volatile unsigned long n = 0;; n++)
			continue;
	if (strcmp(what, "fail") == 0)
		exit(protocol_fail("asked to fail") + 2);
	if (strcmp(what, "silent") == 0)
		exit(0);
	return 0;
}

int
main(void)
{
	const cJSON *items, *item;
	cJSON *request;
	size_t index = 0;
	static const char *const commands[] = { "echo", NULL };
	const char *command;
	int status = protocol_read_request(commands, &request, &command, &items);

	cJSON_ArrayForEach(item, items) {
		const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(item, "text"));
		const char *what = cJSON_GetStringValue(cJSON_GetObjectItem(item, "do"));

		if (status != 0)
			break;
		if (what != NULL)
			misbehave(what);
		status = protocol_reply(index++, NULL, text, text != NULL ? strlen(text) : 0);
	}
	cJSON_Delete(request);
	return status;
}
