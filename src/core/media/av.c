/* Video and audio through the helper program dispute-av (av.h): the requests, the
 * reading of its answers and the warnings are made here, the files are decoded there. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "av.h"
#include "helper.h"

#define AV_HELPER "dispute-av"
/* Probing reads the container's header and a few packets: seconds are ample. */
#define AV_PROBE_CPU 10
#define AV_PROBE_MEMORY ((uint64_t)512 * 1024 * 1024)
/* An hour's call recording is decoded and encoded again in a few seconds. */
#define AV_PLAYABLE_CPU 120
/* A frame may need decoding from the keyframe before it: a few seconds of 4K video. */
#define AV_FRAME_CPU 20
#define AV_FRAME_MEMORY ((uint64_t)1024 * 1024 * 1024)

int
av_available(void)
{
	return helper_installed(AV_HELPER);
}

/* DIGITS decimal digits at S into *VALUE; 0 when they are not all digits. */
static int
digits(const char *s, int count, int *value)
{
	int i;

	*value = 0;
	for (i = 0; i < count; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*value = *value * 10 + (s[i] - '0');
	}
	return 1;
}

int
av_time_normalize(const char *tag, char *out, size_t len)
{
	int y, mo, d, h, mi, sec, oh, om;
	const char *p = tag;

	if (tag == NULL || len < 26 || strlen(tag) < 19 || !digits(p, 4, &y) || p[4] != '-' ||
	    !digits(p + 5, 2, &mo) || p[7] != '-' || !digits(p + 8, 2, &d) ||
	    (p[10] != 'T' && p[10] != ' ') || !digits(p + 11, 2, &h) || p[13] != ':' ||
	    !digits(p + 14, 2, &mi) || p[16] != ':' || !digits(p + 17, 2, &sec))
		return DISPUTE_FAILED;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return DISPUTE_FAILED;
	p += 19;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (strcmp(p, "Z") == 0) {
		snprintf(out, len, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, sec);
		return DISPUTE_OK;
	}
	if ((*p != '+' && *p != '-') || !digits(p + 1, 2, &oh))
		return DISPUTE_FAILED;
	if (!(p[3] == ':' ? digits(p + 4, 2, &om) && p[6] == '\0' :
	    digits(p + 3, 2, &om) && p[5] == '\0') || oh > 14 || om > 59)
		return DISPUTE_FAILED;
	if (oh == 0 && om == 0)
		snprintf(out, len, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, sec);
	else
		snprintf(out, len, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, h, mi,
		    sec, *p, oh, om);
	return DISPUTE_OK;
}

/* A copy of HEADER's string member KEY into *TO (NULL when absent); 0 out of memory. */
static int
copy_string(const cJSON *header, const char *key, char **to)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header, key));

	*to = NULL;
	if (s == NULL)
		return 1;
	*to = strdup(s);
	return *to != NULL;
}

/* No video is a million pixels on a side (evidence-origin.c holds sides to the same). */
#define AV_SIDE_MAX 1000000

/* HEADER's number member KEY as a whole number, FALLBACK when absent. */
static int64_t
number(const cJSON *header, const char *key, int64_t fallback)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(header, key);

	if (!cJSON_IsNumber(n) || n->valuedouble < 0 || n->valuedouble > 9.0e15)
		return fallback;
	return (int64_t)n->valuedouble;
}

/* A count that fits an int (a side, a rate, channels): 0 when absent or past MAX. */
static int
count_up_to(const cJSON *header, const char *key, int max)
{
	int64_t n = number(header, key, 0);

	return n <= max ? (int)n : 0;
}

int
av_info_from_header(const cJSON *header, struct av_info *out)
{
	memset(out, 0, sizeof *out);
	out->duration_ms = -1;
	if (cJSON_GetObjectItemCaseSensitive(header, "skipped") != NULL)
		return DISPUTE_OK;
	if (!copy_string(header, "format", &out->format) ||
	    !copy_string(header, "creation_time", &out->creation_time) ||
	    !copy_string(header, "creation_source", &out->creation_source) ||
	    !copy_string(header, "video_codec", &out->video_codec) ||
	    !copy_string(header, "audio_codec", &out->audio_codec)) {
		av_info_free(out);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	out->probed = 1;
	out->duration_ms = number(header, "duration_ms", -1);
	if (av_time_normalize(out->creation_time, out->created, sizeof out->created) !=
	    DISPUTE_OK)
		out->created[0] = '\0';
	if (out->video_codec != NULL) {
		out->width = count_up_to(header, "width", AV_SIDE_MAX);
		out->height = count_up_to(header, "height", AV_SIDE_MAX);
		/* Taken round in 64 bits: any whole number of degrees is some quarter turn. */
		out->rotation = (int)(number(header, "rotation", 0) % 360 / 90 * 90);
	}
	if (out->audio_codec != NULL) {
		out->sample_rate = count_up_to(header, "sample_rate", INT32_MAX);
		out->channels = count_up_to(header, "channels", INT32_MAX);
	}
	return DISPUTE_OK;
}

void
av_info_free(struct av_info *out)
{
	free(out->format);
	free(out->creation_time);
	free(out->creation_source);
	free(out->video_codec);
	free(out->audio_codec);
	memset(out, 0, sizeof *out);
	out->duration_ms = -1;
}

/* What dispute-av answered for a file it skipped, in the user's language. */
static const char *
reason(const cJSON *header)
{
	const char *code = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header,
	    "skipped"));
	const char *detail = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(header,
	    "detail"));

	if (code != NULL && strcmp(code, "no-video") == 0)
		return _("it has no video stream");
	if (code != NULL && strcmp(code, "no-audio") == 0)
		return _("it has no audio stream");
	if (code != NULL && strcmp(code, "too-large") == 0)
		return _("its frames have more than 64 megapixels");
	return detail != NULL ? detail : _("not a video or audio file FFmpeg reads");
}

/* What every request here starts with: the one file it is about. Each run's context
 * begins with it, for lost() and path_item(). */
struct run_file {
	const char *label, *path;
};

struct probe_run {
	struct run_file file;
	struct av_info *info;
};

static int
take_probe(size_t index, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	struct probe_run *run = ctx;

	(void)index;
	(void)payload;
	(void)len;
	if (av_info_from_header(header, run->info) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (!run->info->probed)
		dispute_warning(_("%s: cannot read the recording (%s)"), run->file.label,
		    reason(header));
	return DISPUTE_OK;
}

/* The helper died on the file of CTX (a run starting with its run_file). */
static int
lost(size_t index, const char *why, void *ctx)
{
	const struct run_file *file = ctx;

	(void)index;
	dispute_warning(_("%s: cannot read the recording (%s)"), file->label, why);
	return DISPUTE_OK;
}

/* The item of a request on one file: its path (CTX: a run starting with its run_file). */
static cJSON *
path_item(size_t index, void *ctx)
{
	const struct run_file *file = ctx;
	cJSON *item = cJSON_CreateObject();

	(void)index;
	if (item == NULL || cJSON_AddStringToObject(item, "path", file->path) == NULL) {
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

int
av_probe(const char *path, const char *label, struct av_info *out)
{
	struct helper_limits limits = { AV_PROBE_MEMORY, AV_PROBE_CPU, 0 };
	struct probe_run run = { { label, path }, out };

	memset(out, 0, sizeof *out);
	out->duration_ms = -1;
	return helper_batch_made(AV_HELPER, "probe", 1, path_item, &limits, take_probe, lost,
	    &run);
}

struct frames_run {
	struct run_file file;
	const int64_t *at_ms;
	int max;
	enum av_picture format;
	int keyframe;           /* the keyframe before each time will do */
	av_frame_fn on_frame;
	void *ctx;
};

static int
take_frame(size_t index, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	struct frames_run *run = ctx;
	struct av_frame frame = { 0, 0, 0, NULL, 0 };

	if (cJSON_GetObjectItemCaseSensitive(header, "skipped") != NULL || len == 0) {
		dispute_warning(_("%s: no frame at %" PRId64 " ms (%s)"), run->file.label,
		    run->at_ms[index], reason(header));
		return DISPUTE_OK;
	}
	frame.data = malloc(len);
	if (frame.data == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	memcpy(frame.data, payload, len);
	frame.len = len;
	frame.at_ms = number(header, "at_ms", run->at_ms[index]);
	frame.width = (int)number(header, "width", 0);
	frame.height = (int)number(header, "height", 0);
	return run->on_frame(index, &frame, run->ctx);
}

/* Frame INDEX of a "frame" request. */
static cJSON *
frame_item(size_t index, void *ctx)
{
	const struct frames_run *run = ctx;
	cJSON *item = cJSON_CreateObject();

	if (item == NULL || cJSON_AddStringToObject(item, "path", run->file.path) == NULL ||
	    cJSON_AddNumberToObject(item, "at_ms", (double)run->at_ms[index]) == NULL ||
	    cJSON_AddNumberToObject(item, "max", run->max) == NULL ||
	    cJSON_AddStringToObject(item, "format",
	    run->format == AV_JPEG ? "jpeg" : "png") == NULL ||
	    cJSON_AddBoolToObject(item, "keyframe", run->keyframe) == NULL) {
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

static int
frames(const struct frames_run *run, size_t count)
{
	struct helper_limits limits = { AV_FRAME_MEMORY, AV_FRAME_CPU, 0 };

	return helper_batch_made(AV_HELPER, "frame", count, frame_item, &limits, take_frame,
	    lost, (void *)run);
}

int
av_frames_at(const char *path, const char *label, const int64_t *at_ms, size_t count,
    int max, enum av_picture format, av_frame_fn on_frame, void *ctx)
{
	struct frames_run run = { { label, path }, at_ms, max, format, 0, on_frame, ctx };

	return frames(&run, count);
}

void
av_spread(int64_t duration_ms, size_t count, int64_t *at_ms)
{
	size_t i;

	if (duration_ms < 0)
		duration_ms = 0;
	for (i = 0; i < count; i++)
		at_ms[i] = (int64_t)((duration_ms * (int64_t)(2 * i + 1)) / (int64_t)(2 * count));
}

/* Probes PATH for frames to take: INFO->video_codec NULL, after a warning naming
 * LABEL, when it has none. */
static int
probe_video(const char *path, const char *label, struct av_info *info)
{
	int status = av_probe(path, label, info);

	if (status == DISPUTE_OK && info->probed && info->video_codec == NULL)
		dispute_warning(_("%s: no frames to show (%s)"), label,
		    _("it has no video stream"));
	return status;
}

struct write_run {
	const char *dir, *prefix, *ext;
	struct av_frame_file *files;
	size_t written;
};

static int
write_frame(size_t index, struct av_frame *frame, void *ctx)
{
	struct write_run *run = ctx;
	struct av_frame_file *file = &run->files[run->written];
	char *name = dispute_asprintf("%s-%02zu.%s", run->prefix, index + 1, run->ext);
	char *path = name != NULL ? path_join(run->dir, name) : NULL;
	int status = DISPUTE_FAILED;

	if (path == NULL)
		goto out;
	if (fs_write_atomic(path, frame->data, frame->len, 0644, FS_REPLACE) != DISPUTE_OK)
		goto out;
	file->path = path;
	path = NULL;
	file->at_ms = frame->at_ms;
	file->width = frame->width;
	file->height = frame->height;
	run->written++;
	status = DISPUTE_OK;
out:
	free(path);
	free(name);
	free(frame->data);
	return status;
}

int
av_frames(const char *path, const char *label, size_t count, int max,
    enum av_picture format, const char *dir, const char *prefix,
    struct av_frame_file **files, size_t *written)
{
	struct write_run run = { dir, prefix, format == AV_JPEG ? "jpg" : "png", NULL, 0 };
	struct av_info info;
	int64_t *at_ms = NULL;
	int status;

	*files = NULL;
	*written = 0;
	if (count == 0 || count > 999)
		return DISPUTE_OK;
	status = probe_video(path, label, &info);
	if (status != DISPUTE_OK || info.video_codec == NULL)
		goto out;
	at_ms = calloc(count, sizeof *at_ms);
	run.files = calloc(count, sizeof *run.files);
	if (at_ms == NULL || run.files == NULL) {
		dispute_error(_("out of memory"));
		status = DISPUTE_FAILED;
		goto out;
	}
	av_spread(info.duration_ms, count, at_ms);
	status = av_frames_at(path, label, at_ms, count, max, format, write_frame, &run);
out:
	if (status != DISPUTE_OK) {
		av_frame_files_free(run.files, run.written);
		run.files = NULL;
		run.written = 0;
	}
	*files = run.files;
	*written = run.written;
	free(at_ms);
	av_info_free(&info);
	return status;
}

void
av_frame_files_free(struct av_frame_file *files, size_t count)
{
	size_t i;

	for (i = 0; files != NULL && i < count; i++)
		free(files[i].path);
	free(files);
}

static int
keep_frame(size_t index, struct av_frame *frame, void *ctx)
{
	(void)index;
	*(struct av_frame *)ctx = *frame;
	return DISPUTE_OK;
}

int
av_poster(const char *path, const char *label, int max, enum av_picture format,
    struct av_frame *out)
{
	struct av_info info;
	int64_t at;
	int status;

	memset(out, 0, sizeof *out);
	status = probe_video(path, label, &info);
	if (status == DISPUTE_OK && info.video_codec != NULL) {
		struct frames_run run = { { label, path }, &at, max, format, 1, keep_frame, out };

		av_spread(info.duration_ms, 1, &at);
		status = frames(&run, 1);
	}
	av_info_free(&info);
	return status;
}

struct playable_run {
	struct run_file file;
	char **data;
	size_t *len;
};

static int
take_playable(size_t index, const cJSON *header, const char *payload, size_t len, void *ctx)
{
	struct playable_run *run = ctx;

	(void)index;
	if (cJSON_GetObjectItemCaseSensitive(header, "skipped") != NULL || len == 0) {
		dispute_warning(_("%s: no playable copy (%s)"), run->file.label, reason(header));
		return DISPUTE_OK;
	}
	*run->data = malloc(len);
	if (*run->data == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	memcpy(*run->data, payload, len);
	*run->len = len;
	return DISPUTE_OK;
}

int
av_playable(const char *path, const char *label, char **data, size_t *len)
{
	struct helper_limits limits = { AV_FRAME_MEMORY, AV_PLAYABLE_CPU, 0 };
	struct playable_run run = { { label, path }, data, len };

	*data = NULL;
	*len = 0;
	return helper_batch_made(AV_HELPER, "playable", 1, path_item, &limits,
	    take_playable, lost, &run);
}
