/* The helper programs' side of the helper protocol (protocol.h). */
#include <errno.h> /* program_invocation_short_name, with _GNU_SOURCE */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "protocol.h"


int
protocol_fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", program_invocation_short_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int
protocol_read_request(const char *const *commands, cJSON **request, const char **command,
    const cJSON **items)
{
	char *text = malloc(PROTOCOL_REQUEST_MAX + 1);
	size_t used = 0;
	ssize_t n;
	const cJSON *asked;
	size_t i;

	*request = NULL;
	if (text == NULL)
		return protocol_fail("out of memory");
	while (used < PROTOCOL_REQUEST_MAX &&
	    (n = read(STDIN_FILENO, text + used, PROTOCOL_REQUEST_MAX - used)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			free(text);
			return protocol_fail("reading the request: %s", strerror(errno));
		}
		used += (size_t)n;
	}
	text[used] = '\0';
	*request = cJSON_ParseWithLength(text, used);
	free(text);
	asked = cJSON_GetObjectItemCaseSensitive(*request, "command");
	*items = cJSON_GetObjectItemCaseSensitive(*request, "items");
	*command = NULL;
	for (i = 0; cJSON_IsString(asked) && commands[i] != NULL; i++)
		if (strcmp(asked->valuestring, commands[i]) == 0)
			*command = commands[i];
	if (*command == NULL || !cJSON_IsArray(*items))
		return protocol_fail("a request without a known command and items");
	return 0;
}

int
protocol_reply(size_t item, cJSON *header, const void *payload, size_t len)
{
	char *line;
	int status = 0;

	if (header == NULL)
		header = cJSON_CreateObject();
	if (header == NULL || cJSON_AddNumberToObject(header, "item", (double)item) == NULL ||
	    cJSON_AddNumberToObject(header, "payload", (double)len) == NULL ||
	    (line = cJSON_PrintUnformatted(header)) == NULL) {
		cJSON_Delete(header);
		return protocol_fail("out of memory");
	}
	if (fputs(line, stdout) == EOF || fputc('\n', stdout) == EOF ||
	    (len > 0 && fwrite(payload, 1, len, stdout) != len) || fflush(stdout) == EOF)
		status = protocol_fail("writing the reply: %s", strerror(errno));
	cJSON_free(line);
	cJSON_Delete(header);
	return status;
}

int
protocol_skipped(size_t item, const char *why, const char *detail)
{
	cJSON *header = cJSON_CreateObject();

	if (header == NULL || cJSON_AddStringToObject(header, "skipped", why) == NULL ||
	    (detail != NULL && cJSON_AddStringToObject(header, "detail", detail) == NULL)) {
		cJSON_Delete(header);
		return protocol_fail("out of memory");
	}
	return protocol_reply(item, header, NULL, 0);
}
