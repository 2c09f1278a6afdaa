/* Reading the evidence into derived files (reading.h): pictures through the OCR helper,
 * exported chat logs through iconv. The original is hashed again before it is read, so
 * that a derived file is never bound to a hash its original no longer has. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/evidence.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "chat-quotes.h"
#include "digest.h"
#include "exif.h"
#include "ocr.h"
#include "text.h"
#include "transcode.h"

#define READING_SCHEMA "dispute-reading/1"

/* One item being read: its record and its original on disk. */
struct target {
	cJSON *record;
	char *path;
};

struct session {
	struct dispute_case *c;
	struct target *targets;
	size_t count;
	cJSON *readings;
};

static const char *
member(const cJSON *record, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(record, name));
}

/* The kinds whose pictures hold text worth reading. */
int
reading_kind(const char *kind)
{
	return strcmp(kind, "order") == 0 || strcmp(kind, "chat") == 0 ||
	    strcmp(kind, "licence") == 0 || strcmp(kind, "logistics") == 0;
}

/* The picture formats Leptonica decodes. */
static int
is_picture(const char *mime)
{
	return strcmp(mime, "image/png") == 0 || strcmp(mime, "image/jpeg") == 0 ||
	    strcmp(mime, "image/webp") == 0 || strcmp(mime, "image/tiff") == 0 ||
	    strcmp(mime, "image/gif") == 0 || strcmp(mime, "image/bmp") == 0;
}

static int
is_text(const cJSON *record)
{
	return strcmp(member(record, "kind"), "chat") == 0 &&
	    strncmp(member(record, "mime"), "text/", 5) == 0;
}

static int
add_target(struct session *s, cJSON *record)
{
	char *dir = case_path(s->c, CASE_EVIDENCE_DIR);
	struct target *t = &s->targets[s->count];

	t->record = record;
	t->path = dir != NULL ? path_join(dir, member(record, "file")) : NULL;
	free(dir);
	if (t->path == NULL)
		return DISPUTE_FAILED;
	s->count++;
	return DISPUTE_OK;
}

/* The items to read: those named, each checked first, or every readable one. */
static int
select_targets(struct session *s, char *const *ids, int count)
{
	cJSON *record;
	int i;

	s->targets = calloc((size_t)cJSON_GetArraySize(case_evidence(s->c)) + (size_t)count + 1,
	    sizeof *s->targets);
	if (s->targets == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	for (i = 0; i < count; i++) {
		record = evidence_find(s->c, ids[i]);
		if (record == NULL) {
			dispute_error(_("%s: no such evidence item (`dispute status` lists them)"),
			    ids[i]);
			return DISPUTE_FAILED;
		}
		if (!reading_kind(member(record, "kind"))) {
			dispute_error(_("%s: %s evidence is not read; only order, chat, licence and "
			    "logistics evidence is"), ids[i], member(record, "kind"));
			return DISPUTE_FAILED;
		}
	}
	for (i = 0; i < count; i++)
		if (add_target(s, evidence_find(s->c, ids[i])) != DISPUTE_OK)
			return DISPUTE_FAILED;
	if (count == 0)
		cJSON_ArrayForEach(record, case_evidence(s->c))
			if (reading_kind(member(record, "kind")) &&
			    add_target(s, record) != DISPUTE_OK)
				return DISPUTE_FAILED;
	return DISPUTE_OK;
}

/* "E02-order.SUFFIX" for the item stored as "E02-order.png". */
static char *
derived_name(const cJSON *record, const char *suffix)
{
	const char *file = member(record, "file"), *dot = strrchr(file, '.');
	int stem = dot != NULL ? (int)(dot - file) : (int)strlen(file);

	return dispute_asprintf("%.*s.%s", stem, file, suffix);
}

/* Writes DATA as the derived file NAME of RECORD and records it there with DETAILS
 * (taken), which say how it was made. */
static int
write_derived(struct dispute_case *c, cJSON *record, const char *name, const char *data,
    size_t len, cJSON *details)
{
	char *dir = case_own_dir(c, READING_DIR, 1), *path = NULL, hex[DIGEST_HEX_MAX];
	struct digest d;
	int status = DISPUTE_FAILED;

	if (dir == NULL || (path = path_join(dir, name)) == NULL ||
	    digest_init(&d, "sha256") != DISPUTE_OK)
		goto out;
	digest_update(&d, data, len);
	if (digest_final_hex(&d, hex) != DISPUTE_OK ||
	    fs_write_atomic(path, data, len, 0400, FS_REPLACE) != DISPUTE_OK)
		goto out;
	if (cJSON_AddStringToObject(details, "sha256", hex) == NULL ||
	    cJSON_AddStringToObject(details, "file", name) == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(record, "reading");
	cJSON_AddItemToObject(record, "reading", details);
	details = NULL;
	status = DISPUTE_OK;
out:
	cJSON_Delete(details);
	free(path);
	free(dir);
	return status;
}

/* What `dispute read` shows of an item read: its reading's record, and the lines. */
static int
add_result(struct session *s, const cJSON *record, const cJSON *reading)
{
	cJSON *result = cJSON_CreateObject();
	const cJSON *lines = cJSON_GetObjectItemCaseSensitive(reading, "lines");

	if (result == NULL ||
	    cJSON_AddStringToObject(result, "id", member(record, "id")) == NULL ||
	    cJSON_AddStringToObject(result, "kind", member(record, "kind")) == NULL ||
	    !cJSON_AddItemReferenceToObject(result, "reading",
	    cJSON_GetObjectItemCaseSensitive(record, "reading")) ||
	    (lines != NULL && !cJSON_AddItemToObject(result, "lines",
	    cJSON_Duplicate(lines, 1))) ||
	    !cJSON_AddItemToArray(s->readings, result)) {
		cJSON_Delete(result);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

/* The derived file of a picture: what the OCR read, with the binding to its original
 * first; a chat's quotable lines go into the record too. */
static int
keep_reading(struct session *s, const struct target *t, cJSON *reading)
{
	const cJSON *confidence = cJSON_GetObjectItemCaseSensitive(reading, "confidence");
	char *name = derived_name(t->record, "ocr.json"), *text = NULL, *source = NULL;
	cJSON *details = cJSON_CreateObject(), *quotes = NULL;
	int status = DISPUTE_FAILED;

	source = dispute_asprintf("%s/%s", CASE_EVIDENCE_DIR, member(t->record, "file"));
	if (name == NULL || source == NULL || details == NULL ||
	    !cJSON_AddItemToObject(reading, "schema", cJSON_CreateString(READING_SCHEMA)) ||
	    cJSON_AddStringToObject(reading, "item", member(t->record, "id")) == NULL ||
	    cJSON_AddStringToObject(reading, "source", source) == NULL ||
	    cJSON_AddStringToObject(reading, "source_sha256", member(t->record, "sha256")) == NULL ||
	    cJSON_AddStringToObject(details, "method", "ocr") == NULL ||
	    cJSON_AddNumberToObject(details, "confidence",
	    cJSON_IsNumber(confidence) ? confidence->valuedouble : 0) == NULL)
		goto oom;
	if (strcmp(member(t->record, "kind"), "chat") == 0) {
		if ((quotes = chat_quotes(reading)) == NULL)
			goto out;
		if (!cJSON_AddItemReferenceToObject(reading, "quotes", quotes))
			goto oom;
	}
	/* The lines last, after the binding, for whoever opens the file. */
	cJSON_AddItemToObject(reading, "lines",
	    cJSON_DetachItemFromObjectCaseSensitive(reading, "lines"));
	if ((text = cJSON_PrintUnformatted(reading)) == NULL)
		goto oom;
	if (write_derived(s->c, t->record, name, text, strlen(text), details) != DISPUTE_OK) {
		details = NULL;
		goto out;
	}
	details = NULL;
	cJSON_DeleteItemFromObjectCaseSensitive(t->record, "quotes");
	if (quotes != NULL) {
		cJSON_AddItemToObject(t->record, "quotes", quotes);
		quotes = NULL;
	}
	status = add_result(s, t->record, reading);
	goto out;
oom:
	dispute_error(_("out of memory"));
out:
	cJSON_Delete(quotes);
	cJSON_Delete(details);
	cJSON_free(text);
	free(source);
	free(name);
	return status;
}

struct picture_run {
	struct session *s;
	const struct target **targets;
};

static int
on_reading(size_t index, cJSON *reading, const char *why, void *ctx)
{
	const struct picture_run *run = ctx;
	const struct target *t = run->targets[index];
	int status;

	if (reading == NULL) {
		dispute_warning(_("%s: not read (%s)"), member(t->record, "id"), why);
		return DISPUTE_OK;
	}
	status = keep_reading(run->s, t, reading);
	cJSON_Delete(reading);
	return status;
}

static int
read_pictures(struct session *s)
{
	const char **paths = calloc(s->count + 1, sizeof *paths);
	const struct target **targets = calloc(s->count + 1, sizeof *targets);
	int *orientations = calloc(s->count + 1, sizeof *orientations);
	struct picture_run run = { s, targets };
	size_t i, n = 0;
	int status = DISPUTE_FAILED;

	if (paths == NULL || targets == NULL || orientations == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	for (i = 0; i < s->count; i++) {
		if (!is_picture(member(s->targets[i].record, "mime")))
			continue;
		if (evidence_check_copy(s->targets[i].record, s->targets[i].path) != DISPUTE_OK)
			goto out;
		targets[n] = &s->targets[i];
		orientations[n] = strcmp(member(s->targets[i].record, "mime"), "image/jpeg") == 0 ?
		    exif_file_orientation(s->targets[i].path) : 1;
		paths[n++] = s->targets[i].path;
	}
	status = ocr_read(paths, orientations, n, on_reading, &run);
out:
	free(orientations);
	free(paths);
	free(targets);
	return status;
}

/* An exported chat log: kept as it is when it is UTF-8 already, else converted from
 * GB18030 (which contains GBK and GB2312) into a UTF-8 copy. */
static int
read_text(struct session *s, const struct target *t)
{
	char *data = NULL, *utf8 = NULL, *name = NULL;
	size_t len, utf8_len;
	cJSON *details = NULL;
	int status = DISPUTE_FAILED;

	if (evidence_check_copy(t->record, t->path) != DISPUTE_OK ||
	    fs_read_file(t->path, READING_FILE_MAX, &data, &len) != DISPUTE_OK)
		goto out;
	if (utf8_valid(data, len)) {
		dispute_notice(_("%s: already UTF-8 text; nothing to convert"),
		    member(t->record, "id"));
		status = DISPUTE_OK;
		goto out;
	}
	if (transcode_gb18030(data, len, &utf8, &utf8_len) != DISPUTE_OK)
		goto out;
	if (utf8 == NULL) {
		dispute_warning(_("%s: neither UTF-8 nor GB18030 text; not converted"),
		    member(t->record, "id"));
		status = DISPUTE_OK;
		goto out;
	}
	name = derived_name(t->record, "utf8.txt");
	details = cJSON_CreateObject();
	if (name == NULL || details == NULL ||
	    cJSON_AddStringToObject(details, "method", "transcode") == NULL ||
	    cJSON_AddStringToObject(details, "encoding", "GB18030") == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	status = write_derived(s->c, t->record, name, utf8, utf8_len, details);
	details = NULL;
	if (status == DISPUTE_OK)
		status = add_result(s, t->record, NULL);
out:
	cJSON_Delete(details);
	free(name);
	free(utf8);
	free(data);
	return status;
}

int
reading_read(struct dispute_case *c, char *const *ids, int count, cJSON **readings)
{
	struct session s = { c, NULL, 0, cJSON_CreateArray() };
	size_t i;
	int status = DISPUTE_FAILED;

	if (readings != NULL)
		*readings = NULL;
	if (s.readings == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (select_targets(&s, ids, count) != DISPUTE_OK || read_pictures(&s) != DISPUTE_OK)
		goto out;
	for (i = 0; i < s.count; i++) {
		const cJSON *record = s.targets[i].record;

		if (is_text(record)) {
			if (read_text(&s, &s.targets[i]) != DISPUTE_OK)
				goto out;
		} else if (!is_picture(member(record, "mime")))
			dispute_notice(_("%s: a %s file; only pictures and exported chat logs are "
			    "read"), member(record, "id"), member(record, "mime"));
	}
	if (case_save(c) != DISPUTE_OK)
		goto out;
	status = DISPUTE_OK;
	if (readings != NULL) {
		*readings = s.readings;
		s.readings = NULL;
	}
out:
	for (i = 0; i < s.count; i++)
		free(s.targets[i].path);
	free(s.targets);
	cJSON_Delete(s.readings);
	return status;
}

int
reading_load(const struct dispute_case *c, const cJSON *record, char **data, size_t *len)
{
	const cJSON *reading = cJSON_GetObjectItemCaseSensitive(record, "reading");
	const char *file = member(reading, "file"), *recorded = member(reading, "sha256");
	char *dir = NULL, *path = NULL, hex[DIGEST_HEX_MAX];
	struct digest d;
	int status = DISPUTE_FAILED;

	*data = NULL;
	*len = 0;
	if (reading == NULL)
		return DISPUTE_OK;
	if (file == NULL || recorded == NULL || strchr(file, '/') != NULL || file[0] == '.') {
		dispute_error(_("%s: its reading is recorded without a plain file name and "
		    "SHA-256"), member(record, "id"));
		return DISPUTE_FAILED;
	}
	dir = case_own_dir(c, READING_DIR, 0);
	if (dir == NULL || (path = path_join(dir, file)) == NULL ||
	    fs_read_file_nofollow(path, READING_FILE_MAX, data, len) != DISPUTE_OK ||
	    digest_init(&d, "sha256") != DISPUTE_OK)
		goto out;
	digest_update(&d, *data, *len);
	if (digest_final_hex(&d, hex) != DISPUTE_OK)
		goto out;
	if (strcmp(hex, recorded) != 0) {
		dispute_error(_("%s: changed since it was written (sha256 %s, recorded %s); "
		    "`dispute read %s` writes it again"), path, hex, recorded,
		    member(record, "id"));
		goto out;
	}
	status = DISPUTE_OK;
out:
	if (status != DISPUTE_OK) {
		free(*data);
		*data = NULL;
	}
	free(path);
	free(dir);
	return status;
}
