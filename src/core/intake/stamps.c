/* Timestamp requests at intake, and the replies that answer them (stamps.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/stamps.h"
#include "dispute/timestamp.h"
#include "digest.h"
#include "helper.h"

/* A request is about a hundred bytes; dispute-net sends none over 64 KiB either. */
#define REQUEST_MAX (64 * 1024)
/* libcurl and its TLS library, with the resolver's thread. */
#define NET_MEMORY ((uint64_t)512 * 1024 * 1024)
#define NET_CPU_PER_ITEM 30

/* "timestamps/NAME.EXT" inside the case folder. */
static char *
stamp_path(const struct dispute_case *c, const char *name, const char *ext)
{
	char *rel = dispute_asprintf("%s/%s.%s", STAMPS_DIR, name, ext), *path;

	if (rel == NULL)
		return NULL;
	path = case_path(c, rel);
	free(rel);
	return path;
}

static int
stamp_exists(const struct dispute_case *c, const char *name, const char *ext)
{
	char *path = stamp_path(c, name, ext);
	int found = path != NULL && access(path, F_OK) == 0;

	free(path);
	return found;
}

static int
read_stamp(const struct dispute_case *c, const char *name, const char *ext, size_t max,
    char **data, size_t *len)
{
	char *path = stamp_path(c, name, ext);
	int status = path != NULL ? fs_read_file_nofollow(path, max, data, len) : DISPUTE_FAILED;

	free(path);
	return status;
}

/* The number of "NNN.EXT" (of "NNN.anything" when EXT is NULL), or 0 for any other
 * name. */
static unsigned long
entry_number(const char *entry, const char *ext)
{
	char *end;
	unsigned long n;

	if (entry[0] < '0' || entry[0] > '9')
		return 0;
	n = strtoul(entry, &end, 10);
	return *end == '.' && (ext == NULL || strcmp(end + 1, ext) == 0) ? n : 0;
}

/* The highest number in DIR: a list whose request could not be written keeps its
 * number, so that the next call does not collide with it. */
static int
highest_number(const char *dir, unsigned long *last)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	*last = 0;
	if (d == NULL) {
		dispute_error(_("%s: cannot read folder: %s"), dir, strerror(errno));
		return DISPUTE_FAILED;
	}
	while ((de = readdir(d)) != NULL)
		if (entry_number(de->d_name, NULL) > *last)
			*last = entry_number(de->d_name, NULL);
	closedir(d);
	return DISPUTE_OK;
}

static int
compare_names(const void *a, const void *b)
{
	unsigned long x = strtoul(*(char *const *)a, NULL, 10);
	unsigned long y = strtoul(*(char *const *)b, NULL, 10);

	return (x > y) - (x < y);
}

void
stamp_names_free(struct stamp_names *n)
{
	for (size_t i = 0; i < n->count; i++)
		free(n->names[i]);
	free(n->names);
	n->names = NULL;
	n->count = 0;
}

int
stamps_list(const struct dispute_case *c, int pending_only, struct stamp_names *out)
{
	char *dir = case_own_dir(c, STAMPS_DIR, 0);
	struct dirent *de;
	DIR *d = NULL;
	int status = DISPUTE_FAILED;

	out->names = NULL;
	out->count = 0;
	if (dir == NULL)
		return DISPUTE_FAILED;
	d = opendir(dir);
	if (d == NULL) {
		status = errno == ENOENT ? DISPUTE_OK : DISPUTE_FAILED;
		if (status != DISPUTE_OK)
			dispute_error(_("%s: cannot read folder: %s"), dir, strerror(errno));
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		char **grown, *name;

		if (entry_number(de->d_name, "tsq") == 0)
			continue;
		name = strndup(de->d_name, strlen(de->d_name) - strlen(".tsq"));
		if (name == NULL)
			goto oom;
		if (pending_only && stamp_exists(c, name, "tsr")) {
			free(name);
			continue;
		}
		grown = realloc(out->names, (out->count + 1) * sizeof *grown);
		if (grown == NULL) {
			free(name);
			goto oom;
		}
		out->names = grown;
		out->names[out->count++] = name;
	}
	if (out->count > 1) /* qsort() must not be given the NULL of an empty list */
		qsort(out->names, out->count, sizeof *out->names, compare_names);
	status = DISPUTE_OK;
	goto out;
oom:
	dispute_error(_("out of memory"));
	stamp_names_free(out);
out:
	if (d != NULL)
		closedir(d);
	free(dir);
	return status;
}

/* The list of the last COUNT items, as `sha256sum` would print it from the case folder. */
static char *
list_text(const struct dispute_case *c, int count)
{
	const cJSON *evidence = case_evidence(c), *item;
	int skip = cJSON_GetArraySize(evidence) - count;
	char *text = strdup(""), *longer;

	cJSON_ArrayForEach(item, evidence) {
		if (text == NULL || skip-- > 0)
			continue;
		longer = dispute_asprintf("%s%s  %s/%s\n", text,
		    cJSON_GetObjectItemCaseSensitive(item, "sha256")->valuestring, CASE_EVIDENCE_DIR,
		    cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring);
		free(text);
		text = longer;
	}
	if (text == NULL)
		dispute_error(_("out of memory"));
	return text;
}

int
stamps_request(const struct dispute_case *c, int count)
{
	char *dir = case_own_dir(c, STAMPS_DIR, 1), *list = NULL, *list_path = NULL, *tsq_path = NULL;
	char name[24];
	unsigned long last;
	int status = DISPUTE_FAILED;

	if (dir == NULL || (list = list_text(c, count)) == NULL ||
	    highest_number(dir, &last) != DISPUTE_OK)
		goto out;
	snprintf(name, sizeof name, "%03lu", last + 1);
	list_path = stamp_path(c, name, "txt");
	tsq_path = stamp_path(c, name, "tsq");
	/* The list first, read-only, as nothing may change it once its imprint is taken: a
	 * request is only ever beside the list it covers. */
	if (list_path == NULL || tsq_path == NULL ||
	    fs_write_atomic(list_path, list, strlen(list), 0444, FS_NO_REPLACE) != DISPUTE_OK ||
	    timestamp_write_request(tsq_path, list, strlen(list), 1) != DISPUTE_OK)
		goto out;
	dispute_notice(_("%s: timestamp request for the files just added; send it with "
	    "`dispute timestamp send URL`, or send it yourself (e.g. curl -H 'Content-Type: %s' "
	    "--data-binary @%s URL > reply.tsr) and give the reply to "
	    "`dispute timestamp attach reply.tsr`"), tsq_path, STAMPS_CONTENT_TYPE, tsq_path);
	status = DISPUTE_OK;
out:
	free(tsq_path);
	free(list_path);
	free(list);
	free(dir);
	return status;
}

/* Checks the reply TSR (named SHOWN) against request NAME and its list, and keeps it. */
static int
store_reply(const struct dispute_case *c, const char *name, const char *shown, const void *tsr,
    size_t len)
{
	char *list = NULL, *tsq = NULL, *path = stamp_path(c, name, "tsr"), when[64];
	size_t list_len, tsq_len;
	int status = DISPUTE_FAILED;

	if (path == NULL ||
	    read_stamp(c, name, "txt", STAMPS_FILE_MAX, &list, &list_len) != DISPUTE_OK ||
	    read_stamp(c, name, "tsq", REQUEST_MAX, &tsq, &tsq_len) != DISPUTE_OK ||
	    timestamp_check_reply_data(shown, tsr, len, tsq, tsq_len, NULL, list, list_len, when,
	    sizeof when) != DISPUTE_OK ||
	    fs_write_atomic(path, tsr, len, 0444, FS_NO_REPLACE) != DISPUTE_OK)
		goto out;
	dispute_notice(_("%s: the timestamp authority vouches that the files of %s.txt existed "
	    "at %s"), path, name, when);
	status = DISPUTE_OK;
out:
	free(tsq);
	free(list);
	free(path);
	return status;
}

struct sending {
	const struct dispute_case *c;
	const struct stamp_names *pending;
	const char *url;
	size_t stored;
};

static int
take_reply(size_t item, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	struct sending *s = ctx;
	const char *name = s->pending->names[item];
	const char *error = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header, "error"));
	const cJSON *http = cJSON_GetObjectItemCaseSensitive(header, "http");
	char *shown = stamp_path(s->c, name, "tsq");
	int status = DISPUTE_FAILED;

	if (shown == NULL)
		return DISPUTE_FAILED;
	if (error != NULL)
		dispute_error(_("%s: no reply from %s: %s"), shown, s->url, error);
	else if (!cJSON_IsNumber(http) || http->valuedouble != 200)
		dispute_error(_("%s: %s answered HTTP status %d instead of a timestamp reply"), shown,
		    s->url, cJSON_IsNumber(http) ? http->valueint : 0);
	else if (store_reply(s->c, name, s->url, payload, len) == DISPUTE_OK) {
		s->stored++;
		status = DISPUTE_OK;
	}
	free(shown);
	return status;
}

static int
lost(size_t item, const char *why, void *ctx)
{
	struct sending *s = ctx;
	char *shown = stamp_path(s->c, s->pending->names[item], "tsq");

	if (shown != NULL)
		dispute_error(_("%s: no reply from %s: %s"), shown, s->url, why);
	free(shown);
	return DISPUTE_FAILED;
}

static cJSON *
post_items(const struct dispute_case *c, const struct stamp_names *pending, const char *url)
{
	cJSON *items = cJSON_CreateArray(), *item;
	char *path = NULL;

	for (size_t i = 0; items != NULL && i < pending->count; i++) {
		item = cJSON_CreateObject();
		if (item == NULL || !cJSON_AddItemToArray(items, item)) {
			cJSON_Delete(item);
			goto oom;
		}
		path = stamp_path(c, pending->names[i], "tsq");
		if (path == NULL || cJSON_AddStringToObject(item, "url", url) == NULL ||
		    cJSON_AddStringToObject(item, "type", STAMPS_CONTENT_TYPE) == NULL ||
		    cJSON_AddStringToObject(item, "file", path) == NULL)
			goto oom;
		free(path);
		path = NULL;
	}
	if (items != NULL)
		return items;
oom:
	dispute_error(_("out of memory"));
	free(path);
	cJSON_Delete(items);
	return NULL;
}

int
stamps_send(const struct dispute_case *c, const char *url)
{
	struct helper_limits limits = { NET_MEMORY, NET_CPU_PER_ITEM, 2 * TIMESTAMP_REPLY_MAX };
	struct stamp_names pending = { NULL, 0 };
	struct sending s = { c, &pending, url, 0 };
	cJSON *items = NULL;
	char *dir = NULL;
	int status = DISPUTE_FAILED;

	if (stamps_list(c, 1, &pending) != DISPUTE_OK)
		goto out;
	if (pending.count == 0) {
		dir = case_path(c, STAMPS_DIR);
		if (dir != NULL)
			dispute_error(_("%s: no timestamp request is waiting for a reply; "
			    "add-evidence writes one for the files it adds"), dir);
		goto out;
	}
	items = post_items(c, &pending, url);
	if (items == NULL)
		goto out;
	status = helper_batch("dispute-net", "post", items, &limits, take_reply, lost, &s);
	if (status != DISPUTE_OK && s.stored > 0)
		dispute_notice(_("%zu of the %zu requests were answered; the replies kept stay"),
		    s.stored, pending.count);
out:
	cJSON_Delete(items);
	free(dir);
	stamp_names_free(&pending);
	return status;
}

/* The lowercase hex of the SHA-256 of DATA, to compare with a reply's imprint. */
static int
sha256_hex(const void *data, size_t len, char hex[DIGEST_HEX_MAX])
{
	struct digest d;

	if (digest_init(&d, "sha256") != DISPUTE_OK)
		return DISPUTE_FAILED;
	digest_update(&d, data, len);
	return digest_final_hex(&d, hex);
}

/* The request whose list has IMPRINT (hex) as its SHA-256, into *NAME; NULL for none. */
static int
find_request(const struct dispute_case *c, const char *imprint, char **name)
{
	struct stamp_names all;
	char hex[DIGEST_HEX_MAX], *list = NULL;
	size_t len;
	int status;

	*name = NULL;
	status = stamps_list(c, 0, &all);
	for (size_t i = 0; status == DISPUTE_OK && *name == NULL && i < all.count; i++) {
		status = read_stamp(c, all.names[i], "txt", STAMPS_FILE_MAX, &list, &len);
		if (status == DISPUTE_OK)
			status = sha256_hex(list, len, hex);
		if (status == DISPUTE_OK && strcmp(hex, imprint) == 0) {
			*name = all.names[i];
			all.names[i] = NULL;
		}
		free(list);
		list = NULL;
	}
	stamp_names_free(&all);
	return status;
}

int
stamps_attach(const struct dispute_case *c, const char *tsr_path)
{
	unsigned char digest[32];
	char imprint[2 * sizeof digest + 1], *tsr = NULL, *have = NULL, *name = NULL;
	size_t len;
	int status = DISPUTE_FAILED;

	if (fs_read_file(tsr_path, TIMESTAMP_REPLY_MAX, &tsr, &len) != DISPUTE_OK)
		goto out;
	if (timestamp_reply_imprint(tsr_path, tsr, len, digest) != DISPUTE_OK)
		goto out;
	for (size_t i = 0; i < sizeof digest; i++)
		snprintf(imprint + 2 * i, 3, "%02x", digest[i]);
	if (find_request(c, imprint, &name) != DISPUTE_OK)
		goto out;
	if (name == NULL) {
		have = case_path(c, STAMPS_DIR);
		if (have != NULL)
			dispute_error(_("%s: answers none of the timestamp requests in %s (its imprint "
			    "is %s)"), tsr_path, have, imprint);
		goto out;
	}
	if (stamp_exists(c, name, "tsr")) {
		have = stamp_path(c, name, "tsr");
		if (have != NULL)
			dispute_error(_("%s: the request it answers has its reply already: %s"),
			    tsr_path, have);
		goto out;
	}
	status = store_reply(c, name, tsr_path, tsr, len);
out:
	free(name);
	free(have);
	free(tsr);
	return status;
}

int
stamps_for_each_file(const struct dispute_case *c, stamps_file_fn fn, void *ctx)
{
	static const char *const exts[] = { "txt", "tsq", "tsr" };
	struct stamp_names all;
	char *data, *file;
	size_t len;
	int status = stamps_list(c, 0, &all);

	for (size_t i = 0; status == DISPUTE_OK && i < all.count; i++)
		for (size_t e = 0; status == DISPUTE_OK && e < 3; e++) {
			if (!stamp_exists(c, all.names[i], exts[e]))
				continue;
			file = dispute_asprintf("%s.%s", all.names[i], exts[e]);
			status = file != NULL ? read_stamp(c, all.names[i], exts[e],
			    STAMPS_FILE_MAX, &data, &len) : DISPUTE_FAILED;
			if (status == DISPUTE_OK)
				status = fn(file, data, len, ctx);
			free(file);
		}
	stamp_names_free(&all);
	return status;
}
