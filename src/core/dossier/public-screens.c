/* Redacted screenshots in the public copy (public-screens.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/evidence.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "cover.h"
#include "exif.h"
#include "ocr.h"
#include "public-copy.h"
#include "public-screens.h"
#include "redact.h"

/* One screenshot on its way into the public copy. */
struct screen {
	const cJSON *item;
	char *path;
	cJSON *reading;  /* what was read of it, or NULL */
	cJSON *boxes;    /* what to cover */
	unsigned what;
	char *name;      /* data/screens/ID-KIND.png */
};

struct screens {
	struct dossier_bag *b;
	struct screen *list;
	size_t count;
};

static const char *
string(const cJSON *object, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));
}

static int
is_screenshot(const cJSON *item)
{
	const char *kind = string(item, "kind"), *mime = string(item, "mime");

	return (strcmp(kind, "order") == 0 || strcmp(kind, "chat") == 0) &&
	    (strcmp(mime, "image/png") == 0 || strcmp(mime, "image/jpeg") == 0 ||
	    strcmp(mime, "image/webp") == 0);
}

/* The reading `dispute read` kept of S, when it was read from the original as it is. */
static int
kept_reading(const struct dispute_case *c, struct screen *s)
{
	char *data;
	size_t len;
	cJSON *reading;

	if (reading_load(c, s->item, &data, &len) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (data == NULL)
		return DISPUTE_OK;
	reading = cJSON_ParseWithLength(data, len);
	free(data);
	if (reading != NULL && strcmp(string(reading, "source_sha256") != NULL ?
	    string(reading, "source_sha256") : "", string(s->item, "sha256")) == 0 &&
	    cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(reading, "lines")))
		s->reading = reading;
	else
		cJSON_Delete(reading);
	return DISPUTE_OK;
}

static int
collect(struct screens *all, const struct dispute_case *c)
{
	char *dir = case_path(c, CASE_EVIDENCE_DIR);
	const cJSON *item;
	int status = DISPUTE_FAILED;

	all->list = calloc((size_t)cJSON_GetArraySize(case_evidence(c)) + 1, sizeof *all->list);
	if (dir == NULL || all->list == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	cJSON_ArrayForEach(item, case_evidence(c)) {
		struct screen *s = &all->list[all->count];

		if (!is_screenshot(item))
			continue;
		s->item = item;
		all->count++;
		if ((s->path = path_join(dir, string(item, "file"))) == NULL ||
		    evidence_check_copy(s->item, s->path) != DISPUTE_OK || kept_reading(c, s) != DISPUTE_OK)
			goto out;
	}
	status = DISPUTE_OK;
out:
	free(dir);
	return status;
}

struct unread {
	struct screen **list;
};

static int
on_reading(size_t index, cJSON *reading, const char *why, void *ctx)
{
	struct unread *u = ctx;

	if (reading == NULL)
		dispute_warning(_("%s: not read (%s)"), string(u->list[index]->item, "id"), why);
	u->list[index]->reading = reading;
	return DISPUTE_OK;
}

/* Reads the screenshots that have no reading kept, without keeping it. */
static int
read_missing(struct screens *all)
{
	struct unread u = { calloc(all->count + 1, sizeof(struct screen *)) };
	const char **paths = calloc(all->count + 1, sizeof *paths);
	int *orientations = calloc(all->count + 1, sizeof *orientations);
	size_t i, n = 0;
	int status = DISPUTE_FAILED;

	if (u.list == NULL || paths == NULL || orientations == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	for (i = 0; i < all->count; i++)
		if (all->list[i].reading == NULL) {
			u.list[n] = &all->list[i];
			orientations[n] = strcmp(string(all->list[i].item, "mime"), "image/jpeg") == 0 ?
			    exif_file_orientation(all->list[i].path) : 1;
			paths[n++] = all->list[i].path;
		}
	status = ocr_read(paths, orientations, n, on_reading, &u);
out:
	free(orientations);
	free(u.list);
	free(paths);
	return status;
}

/* Decides what to cover in each screenshot read well enough; the others are left out. */
static int
plan(struct screens *all, const struct dispute_case *c, struct cover_source *sources,
    size_t *n)
{
	size_t i;

	*n = 0;
	for (i = 0; i < all->count; i++) {
		struct screen *s = &all->list[i];
		const cJSON *conf = cJSON_GetObjectItemCaseSensitive(s->reading, "confidence");
		const char *file = string(s->item, "file"), *dot = strrchr(file, '.');

		if (s->reading == NULL || !cJSON_IsNumber(conf) ||
		    conf->valuedouble < OCR_CONFIDENCE_MIN) {
			dispute_warning(_("%s: its text was read with confidence %.0f, too low to be "
			    "sure that no private data shows; left out of the public copy"),
			    string(s->item, "id"), cJSON_IsNumber(conf) ? conf->valuedouble : 0.0);
			continue;
		}
		s->boxes = redact_boxes(s->reading, c, &s->what);
		s->name = dispute_asprintf("data/screens/%.*s.png",
		    dot != NULL ? (int)(dot - file) : (int)strlen(file), file);
		if (s->boxes == NULL || s->name == NULL)
			return DISPUTE_FAILED;
		sources[*n].path = s->path;
		sources[*n].mime = string(s->item, "mime");
		sources[(*n)++].boxes = s->boxes;
	}
	return DISPUTE_OK;
}

struct covering {
	struct screens *all;
	struct screen **planned;
	FILE *sources;
};

static int
add_covered(size_t index, const char *png, size_t len, void *ctx)
{
	const struct covering *cv = ctx;
	const struct screen *s = cv->planned[index];
	char what[512];

	if (public_add_copy(cv->all->b, s->path, s->name, (const unsigned char *)png,
	    len) != DISPUTE_OK)
		return DISPUTE_FAILED;
	redact_describe(s->what, what, sizeof what);
	fprintf(cv->sources, "%s\t%s\t%s\t%s\n", s->name + strlen("data/"), string(s->item, "id"),
	    string(s->item, "sha256"), what);
	return DISPUTE_OK;
}

static int
cover_all(struct screens *all, const struct dispute_case *c, FILE *sources)
{
	struct cover_source *list = calloc(all->count + 1, sizeof *list);
	struct screen **planned = calloc(all->count + 1, sizeof *planned);
	struct covering cv = { all, planned, sources };
	size_t n, i, k = 0;
	int status = DISPUTE_FAILED;

	if (list == NULL || planned == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	if (plan(all, c, list, &n) != DISPUTE_OK)
		goto out;
	for (i = 0; i < all->count; i++)
		if (all->list[i].name != NULL)
			planned[k++] = &all->list[i];
	status = cover_make(list, n, add_covered, &cv);
out:
	free(list);
	free(planned);
	return status;
}

int
public_add_screens(struct dossier_bag *b, const struct dispute_case *c, FILE *sources)
{
	struct screens all = { b, NULL, 0 };
	size_t i;
	int status = DISPUTE_FAILED;

	if (collect(&all, c) == DISPUTE_OK && read_missing(&all) == DISPUTE_OK)
		status = cover_all(&all, c, sources);
	for (i = 0; all.list != NULL && i < all.count; i++) {
		free(all.list[i].path);
		free(all.list[i].name);
		cJSON_Delete(all.list[i].reading);
		cJSON_Delete(all.list[i].boxes);
	}
	free(all.list);
	return status;
}
