/* dispute-net: HTTP(S) POSTs through libcurl, in a process of its own (helper.h), so
 * that only `dispute timestamp send` loads libcurl and touches the network.
 *
 * Command "post", each item {"url", "type" (the Content-Type), "file" (the body, at
 * most NET_BODY_MAX bytes)}. The reply to an item is either {"http": STATUS} with the
 * body the server answered (at most NET_REPLY_MAX bytes) as its payload, or {"error":
 * TEXT} with no payload when no answer came (host unreachable, timeout, TLS, a reply
 * too large). Judging the status and the body is the caller's business. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "protocol.h"

/* A timestamp query is about a hundred bytes and a reply with its certificates a few
 * kilobytes: anything far larger is not what was asked for. */
#define NET_BODY_MAX (64 * 1024)
#define NET_REPLY_MAX (1024 * 1024)
/* A slow authority is waited for, a dead one is not. */
#define NET_CONNECT_SECONDS 20L
#define NET_TOTAL_SECONDS 60L

struct body {
	char *data;
	size_t len;
	int too_large;
};

static size_t
take(char *data, size_t size, size_t count, void *ctx)
{
	struct body *b = ctx;
	size_t n = size * count;
	char *grown;

	if (n > NET_REPLY_MAX - b->len) {
		b->too_large = 1;
		return 0; /* curl stops the transfer */
	}
	grown = realloc(b->data, b->len + n + 1);
	if (grown == NULL)
		return 0;
	memcpy(grown + b->len, data, n);
	b->data = grown;
	b->len += n;
	return n;
}

static int
read_body(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	*data = NULL;
	if (f == NULL)
		return protocol_fail("%s: %s", path, strerror(errno));
	*data = malloc(NET_BODY_MAX + 1);
	n = *data != NULL ? fread(*data, 1, NET_BODY_MAX + 1, f) : 0;
	fclose(f);
	if (*data == NULL)
		return protocol_fail("out of memory");
	if (n > NET_BODY_MAX)
		return protocol_fail("%s: larger than %d bytes", path, NET_BODY_MAX);
	*len = n;
	return 0;
}

static int
answer_error(size_t index, const char *text)
{
	cJSON *header = cJSON_CreateObject();

	if (header == NULL || cJSON_AddStringToObject(header, "error", text) == NULL) {
		cJSON_Delete(header);
		return protocol_fail("out of memory");
	}
	return protocol_reply(index, header, NULL, 0);
}

static int
post_one(CURL *curl, size_t index, const cJSON *item)
{
	const char *url = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "url"));
	const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "type"));
	const char *file = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "file"));
	char errbuf[CURL_ERROR_SIZE] = "", *content_type = NULL, *data = NULL;
	struct curl_slist *headers = NULL;
	struct body reply = { NULL, 0, 0 };
	cJSON *header = NULL;
	size_t len = 0;
	long code = 0;
	CURLcode rc;
	int status;

	if (url == NULL || type == NULL || file == NULL)
		return protocol_fail("item %zu: needs a url, a type and a file", index);
	if (read_body(file, &data, &len) != 0) {
		free(data);
		return 1;
	}
	if (asprintf(&content_type, "Content-Type: %s", type) == -1 ||
	    (headers = curl_slist_append(NULL, content_type)) == NULL) {
		status = protocol_fail("out of memory");
		goto out;
	}
	curl_easy_reset(curl);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	/* Only the web: no file://, no other scheme a URL could smuggle in. */
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 3L);
	/* A moved authority gets the query again, not a GET without it. */
	curl_easy_setopt(curl, CURLOPT_POSTREDIR, (long)CURL_REDIR_POST_ALL);
	curl_easy_setopt(curl, CURLOPT_POST, 1L);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDS, data);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)len);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "dispute");
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, NET_CONNECT_SECONDS);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, NET_TOTAL_SECONDS);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_MAXFILESIZE, (long)NET_REPLY_MAX);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, take);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
	rc = curl_easy_perform(curl);
	if (reply.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		snprintf(errbuf, sizeof errbuf, "the reply is larger than %d bytes",
		    NET_REPLY_MAX);
		status = answer_error(index, errbuf);
	} else if (rc != CURLE_OK) {
		status = answer_error(index, errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc));
	} else {
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
		header = cJSON_CreateObject();
		if (header == NULL || cJSON_AddNumberToObject(header, "http", (double)code) == NULL)
			status = protocol_fail("out of memory");
		else {
			status = protocol_reply(index, header, reply.data, reply.len);
			header = NULL; /* freed by protocol_reply() */
		}
	}
out:
	cJSON_Delete(header);
	curl_slist_free_all(headers);
	free(content_type);
	free(reply.data);
	free(data);
	return status;
}

int
main(void)
{
	static const char *const commands[] = { "post", NULL };
	const cJSON *items, *item;
	const char *command;
	cJSON *request;
	CURL *curl = NULL;
	size_t index = 0;
	int status;

	status = protocol_read_request(commands, &request, &command, &items);
	if (status == 0 && (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (curl = curl_easy_init()) == NULL))
		status = protocol_fail("cannot start libcurl");
	cJSON_ArrayForEach(item, items) {
		if (status != 0)
			break;
		status = post_one(curl, index++, item);
	}
	if (curl != NULL)
		curl_easy_cleanup(curl);
	cJSON_Delete(request);
	return status;
}
