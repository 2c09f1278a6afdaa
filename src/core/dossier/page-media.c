/* Poster frames and playable copies for the page (page-media.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "av.h"
#include "page-media.h"
#include "thumbs.h"

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

/* AMR (narrow- and wideband), as libmagic names it: what phones' call recorders write
 * and no browser plays. */
static int
is_amr(const char *mime)
{
	return mime != NULL && (strcasecmp(mime, "audio/amr") == 0 ||
	    strcasecmp(mime, "audio/amr-wb") == 0 || strcasecmp(mime, "audio/x-amr") == 0);
}

/* data/DIR/STEM.EXT for the evidence file FILE ("E01-defect.mp4"), and its link from
 * data/index.html. Evidence files are named by their ID and kind (ASCII letters, digits
 * and hyphens), so the link needs no escaping. */
static int
derived_name(const char *dir, const char *file, const char *ext, char **name, char **href)
{
	const char *dot = strrchr(file, '.');
	int stem = dot != NULL ? (int)(dot - file) : (int)strlen(file);

	*href = NULL;
	*name = dispute_asprintf("data/%s/%.*s.%s", dir, stem, file, ext);
	if (*name != NULL)
		*href = dispute_asprintf("%s", *name + strlen("data/"));
	if (*href == NULL) {
		free(*name);
		*name = NULL;
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static int
add_poster(const char *path, const cJSON *item, cJSON *own, page_add_fn add, void *ctx)
{
	struct av_frame frame;
	char *name = NULL, *href = NULL;
	int status = av_poster(path, member(item, "file"), THUMB_MAX, AV_JPEG, &frame);

	if (status != DISPUTE_OK || frame.data == NULL)
		return status;
	status = derived_name("posters", member(item, "file"), "jpg", &name, &href);
	if (status == DISPUTE_OK) {
		cJSON_AddStringToObject(own, "poster", href);
		cJSON_AddNumberToObject(own, "poster_width", frame.width);
		cJSON_AddNumberToObject(own, "poster_height", frame.height);
		status = add(name, frame.data, frame.len, "image/jpeg", ctx);
	} else
		free(frame.data);
	free(name);
	free(href);
	return status;
}

/* The sidecar of a playable copy: which original it was made from, by its SHA-256,
 * and how, so that a reader can check the copy against the evidence. */
static char *
sidecar_text(const cJSON *item, const char *copy)
{
	return dispute_asprintf("derived-from: data/evidence/%s\nsha256: %s\ncopy: %s\n"
	    "made-by: dispute-av (FFmpeg): the recording decoded and encoded again as AAC "
	    "in M4A, for players that cannot play AMR\n"
	    "note: a copy for listening only; the evidence is the original file\n",
	    member(item, "file"), member(item, "sha256"), copy);
}

static int
add_playable(const char *path, const cJSON *item, cJSON *own, page_add_fn add, void *ctx)
{
	char *m4a = NULL, *name = NULL, *href = NULL, *sidecar = NULL, *text = NULL;
	size_t len;
	int status = av_playable(path, member(item, "file"), &m4a, &len);

	if (status != DISPUTE_OK || m4a == NULL)
		return status;
	status = derived_name("playable", member(item, "file"), "m4a", &name, &href);
	if (status != DISPUTE_OK)
		goto out;
	sidecar = dispute_asprintf("%s.txt", name);
	text = sidecar != NULL ? sidecar_text(item, name) : NULL;
	if (text == NULL) {
		status = DISPUTE_FAILED;
		goto out;
	}
	cJSON_AddStringToObject(own, "playable", href);
	cJSON_AddStringToObject(own, "playable_note", sidecar + strlen("data/"));
	status = add(name, m4a, len, "audio/mp4", ctx);
	m4a = NULL;
	if (status == DISPUTE_OK)
		status = add(sidecar, text, strlen(text), "text/plain", ctx);
	text = NULL;
out:
	free(m4a);
	free(text);
	free(sidecar);
	free(name);
	free(href);
	return status;
}

int
page_media_wanted(const char *mime)
{
	return mime != NULL && (strncmp(mime, "video/", 6) == 0 || is_amr(mime));
}

int
page_media_add(const cJSON *item, const char *path, cJSON *own, int *available,
    page_add_fn add, void *ctx)
{
	int amr = is_amr(member(item, "mime"));

	if (amr)
		cJSON_AddBoolToObject(own, "is_amr", 1);
	if (*available < 0 && !(*available = av_available()))
		dispute_warning(_("dispute-av is not installed: the page shows no poster "
		    "frames of videos and no playable copies of AMR recordings, and links "
		    "the files instead"));
	if (!*available)
		return DISPUTE_OK;
	return amr ? add_playable(path, item, own, add, ctx) :
	    add_poster(path, item, own, add, ctx);
}
