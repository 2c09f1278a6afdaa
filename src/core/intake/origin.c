/* The time and origin of an evidence file (origin.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/clock.h"
#include "dispute/date.h"
#include "dispute/evidence.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "av.h"
#include "origin.h"
#include "png-meta.h"

/* A time without zone may be this far ahead of UTC (UTC+14, Kiribati). */
#define ZONE_MAX_SECONDS (14 * 3600)

const char *const evidence_methods[] = { "photo", "screenshot", "screen-recording", "export",
	"scan", NULL };

/* Their names in messages, in the order of evidence_methods. */
static const char *const method_names[] = { N_("photo"), N_("screenshot"),
	N_("screen recording"), N_("exported from the app"), N_("scan") };

const char *
evidence_method_name(const char *method)
{
	size_t i;

	for (i = 0; method != NULL && evidence_methods[i] != NULL; i++)
		if (strcmp(method, evidence_methods[i]) == 0)
			return _(method_names[i]);
	return method;
}

int
evidence_method_valid(const char *method)
{
	size_t i;

	for (i = 0; method != NULL && evidence_methods[i] != NULL; i++)
		if (strcmp(method, evidence_methods[i]) == 0)
			return 1;
	return 0;
}

int
origin_split_time(const char *time, char local[EXIF_TIME_LEN], char offset[8])
{
	char normal[32], zoned[48];
	int has_zone = time != NULL && strlen(time) > 19 && strpbrk(time + 19, "Z+-") != NULL;

	if (time == NULL)
		return 0;
	/* One reader of ISO times (av.h's): a time without zone is read as if in UTC to
	 * check its shape, and kept without one. */
	snprintf(zoned, sizeof zoned, "%s%s", time, has_zone ? "" : "Z");
	if (av_time_normalize(zoned, normal, sizeof normal) != DISPUTE_OK)
		return 0;
	snprintf(local, EXIF_TIME_LEN, "%.19s", normal);
	if (!has_zone)
		offset[0] = '\0';
	else
		snprintf(offset, 8, "%.6s", normal[19] == 'Z' ? "+00:00" : normal + 19);
	return 1;
}

int
origin_instant(const char *local, const char *offset, long long *seconds)
{
	struct date_ymd day;
	char date[11];
	int h, mi, s, oh = 0, om = 0;
	char sign = '+', tail;

	if (local == NULL || strlen(local) < 19 || local[10] != 'T')
		return 0;
	snprintf(date, sizeof date, "%.10s", local);
	if (!date_parse(date, &day) ||
	    sscanf(local + 11, "%2d:%2d:%2d%c", &h, &mi, &s, &tail) != 3)
		return 0;
	if (offset != NULL && offset[0] != '\0' && strcmp(offset, "Z") != 0 &&
	    sscanf(offset, "%c%2d:%2d", &sign, &oh, &om) != 3)
		return 0;
	*seconds = (long long)date_to_days(day) * 86400 + h * 3600 + mi * 60 + s -
	    (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	return 1;
}

static void
take_exif(const struct exif_facts *facts, const char *source, struct origin *out)
{
	snprintf(out->make, sizeof out->make, "%s", facts->make);
	snprintf(out->model, sizeof out->model, "%s", facts->model);
	if (facts->captured[0] == '\0')
		return;
	memcpy(out->captured, facts->captured, sizeof out->captured);
	memcpy(out->offset, facts->offset, sizeof out->offset);
	out->source = source;
}

/* A screenshot: EXIF's capture time first, then XMP's creation time, then tIME, the
 * last time the file was written (UTC). */
static void
take_png(const struct png_meta *png, struct origin *out)
{
	if (png->has_exif)
		take_exif(&png->exif, "png-exif", out);
	if (out->source == NULL && png->xmp_created[0] != '\0' &&
	    origin_split_time(png->xmp_created, out->captured, out->offset))
		out->source = "xmp";
	if (out->source == NULL && png->time[0] != '\0') {
		memcpy(out->captured, png->time, sizeof out->captured);
		snprintf(out->offset, sizeof out->offset, "+00:00");
		out->source = "png-time";
	}
}

void
origin_from_head(const unsigned char *data, size_t len, const char *mime,
    struct origin *out)
{
	struct exif_facts facts;
	struct png_meta png;

	memset(out, 0, sizeof *out);
	out->duration_ms = -1;
	if (strcmp(mime, "image/jpeg") == 0 && exif_facts_jpeg(data, len, &facts))
		take_exif(&facts, "exif", out);
	else if (strcmp(mime, "image/png") == 0 && png_meta_read(data, len, &png))
		take_png(&png, out);
}

static int
is_media(const char *mime)
{
	return strncmp(mime, "video/", 6) == 0 || strncmp(mime, "audio/", 6) == 0;
}

/* Takes INFO's strings into OUT. */
static void
take_media(struct av_info *info, struct origin *out)
{
	out->media_probed = 1;
	out->format = info->format;
	out->video_codec = info->video_codec;
	out->audio_codec = info->audio_codec;
	info->format = info->video_codec = info->audio_codec = NULL;
	out->duration_ms = info->duration_ms;
	out->width = info->width;
	out->height = info->height;
	out->rotation = info->rotation;
	if (info->created[0] != '\0' && origin_split_time(info->created, out->captured,
	    out->offset))
		out->source = strcmp(info->creation_source, "creation_time") == 0 ?
		    "container" : "quicktime";
}

int
origin_from_media(const char *path, const char *label, const char *mime,
    int *warned_missing, struct origin *out)
{
	struct av_info info;
	int status;

	if (!is_media(mime))
		return DISPUTE_OK;
	if (!av_available()) {
		if (!*warned_missing)
			dispute_warning(_("dispute-av is not installed: the duration and creation "
			    "time of videos and recordings are not recorded"));
		*warned_missing = 1;
		return DISPUTE_OK;
	}
	status = av_probe(path, label, &info);
	if (status == DISPUTE_OK && info.probed)
		take_media(&info, out);
	av_info_free(&info);
	return status;
}

void
origin_free(struct origin *out)
{
	free(out->format);
	free(out->video_codec);
	free(out->audio_codec);
	out->format = out->video_codec = out->audio_codec = NULL;
}

/* NAME: VALUE into OBJ when VALUE is not NULL or empty; 0 out of memory. */
static int
add_text(cJSON *obj, const char *name, const char *value)
{
	return value == NULL || value[0] == '\0' ||
	    cJSON_AddStringToObject(obj, name, value) != NULL;
}

static int
add_media(const struct origin *o, cJSON *r)
{
	cJSON *m = cJSON_AddObjectToObject(r, "media");

	return m != NULL && add_text(m, "format", o->format) &&
	    (o->duration_ms < 0 ||
	    cJSON_AddNumberToObject(m, "duration_ms", (double)o->duration_ms) != NULL) &&
	    add_text(m, "video_codec", o->video_codec) &&
	    (o->video_codec == NULL || (cJSON_AddNumberToObject(m, "width", o->width) != NULL &&
	    cJSON_AddNumberToObject(m, "height", o->height) != NULL &&
	    cJSON_AddNumberToObject(m, "rotation", o->rotation) != NULL)) &&
	    add_text(m, "audio_codec", o->audio_codec);
}

static int
add_log(const struct origin_log *log, time_t modified, cJSON *r)
{
	char stamp[CLOCK_TIMESTAMP_LEN];
	cJSON *c;

	if (clock_format(modified, stamp) != DISPUTE_OK)
		return -1;
	c = cJSON_AddObjectToObject(r, "capture");
	return c != NULL && add_text(c, "method", log->method) &&
	    add_text(c, "device", log->device) && add_text(c, "app", log->app) &&
	    add_text(c, "original_modified", stamp);
}

int
origin_to_record(const struct origin *o, const struct origin_log *log, time_t modified,
    cJSON *r)
{
	cJSON *camera = NULL;
	int logged;

	if (!add_text(r, "captured", o->captured) ||
	    !add_text(r, "captured_offset", o->offset) ||
	    !add_text(r, "captured_source", o->source) ||
	    ((o->make[0] != '\0' || o->model[0] != '\0') &&
	    ((camera = cJSON_AddObjectToObject(r, "camera")) == NULL ||
	    !add_text(camera, "make", o->make) || !add_text(camera, "model", o->model))) ||
	    (o->media_probed && !add_media(o, r)))
		goto oom;
	logged = add_log(log, modified, r);
	if (logged < 0)
		return DISPUTE_FAILED;
	if (logged)
		return DISPUTE_OK;
oom:
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

void
origin_warn(const struct origin *o, const char *source, int after_order,
    const char *ordered, const char *added)
{
	char added_local[EXIF_TIME_LEN], added_offset[8];
	long long when, intake;

	if (o->source == NULL)
		return;
	if (after_order && ordered != NULL && strncmp(o->captured, ordered, 10) < 0)
		dispute_warning(_("%s: the file says it was made on %.10s, before the order "
		    "date %s"), source, o->captured, ordered);
	if (!origin_split_time(added, added_local, added_offset) ||
	    !origin_instant(added_local, added_offset, &intake) ||
	    !origin_instant(o->captured, o->offset, &when))
		return;
	/* Without a zone the time may be as much as 14 hours ahead of UTC. */
	if (o->offset[0] == '\0')
		when -= ZONE_MAX_SECONDS;
	if (when > intake)
		dispute_warning(_("%s: the file says it was made at %s%s, after it was added "
		    "(%s): the device's clock was wrong or the file was changed"), source,
		    o->captured, o->offset, added);
}
