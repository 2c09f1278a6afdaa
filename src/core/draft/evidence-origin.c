/* The time and origin of an evidence item in the template view (evidence-origin.h). */
#include <stdio.h>
#include <string.h>

#include "dispute/json-put.h"
#include "evidence-origin.h"

/* Where a recorded time was read ("captured_source"), and what it is called. */
static const char *const time_labels[][3] = {
	{ "exif", "拍摄时间（照片EXIF记录）", "Taken (photo EXIF)" },
	{ "png-exif", "截屏时间（截图EXIF记录）", "Made (screenshot EXIF)" },
	{ "xmp", "创建时间（截图XMP记录）", "Created (screenshot XMP)" },
	{ "png-time", "写入时间（PNG文件tIME记录）", "Written (PNG tIME record)" },
	{ "quicktime", "录制时间（视频文件QuickTime记录）", "Recorded (QuickTime creation date)" },
	{ "container", "创建时间（音视频文件记录）", "Created (the file's creation time)" },
};

static const char *const method_labels[][3] = {
	{ "photo", "拍照", "photo" },
	{ "screenshot", "截屏", "screenshot" },
	{ "screen-recording", "录屏", "screen recording" },
	{ "export", "从应用导出", "exported from the app" },
	{ "scan", "扫描", "scan" },
};

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

/* Row CODE of TABLE (ROWS rows), or NULL. */
static const char *const *
row(const char *const table[][3], size_t rows, const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < rows; i++)
		if (strcmp(table[i][0], code) == 0)
			return table[i];
	return NULL;
}

/* NAME: VALUE into E when VALUE is not NULL or empty; 0 out of memory. NAME is a
 * literal (json-put.h): the view may hold 5,000 items. */
static int
add(cJSON *e, const char *name, const char *value)
{
	return value == NULL || value[0] == '\0' || json_put_string(e, name, value);
}

/* The same for VALUE of the case's record, which outlives the view: pointed to. */
static int
add_recorded(cJSON *e, const char *name, const char *value)
{
	return value == NULL || value[0] == '\0' || json_put_reference(e, name, value);
}

/* The labels of ROW (NULL: none, else static) as ZH_NAME and EN_NAME. */
static int
add_labels(cJSON *e, const char *zh_name, const char *en_name, const char *const *labels)
{
	return labels == NULL || (json_put_reference(e, zh_name, labels[1]) &&
	    json_put_reference(e, en_name, labels[2]));
}

static int
add_time(cJSON *e, const cJSON *item)
{
	const char *captured = member(item, "captured"), *offset = member(item, "captured_offset");
	const char *const *labels = row(time_labels, sizeof time_labels / sizeof time_labels[0],
	    member(item, "captured_source"));
	char at[48];

	if (captured == NULL)
		return 1;
	/* Items added before the source was recorded had only EXIF times. */
	if (labels == NULL)
		labels = time_labels[0];
	snprintf(at, sizeof at, "%s%s", captured, offset != NULL ? offset : "");
	return add(e, "captured_at", at) &&
	    add_labels(e, "captured_label_zh", "captured_label_en", labels);
}

/* case.json is the buyer's to edit: a duration or a picture side past these is not a
 * recording's or a picture's, and is left out as unknown rather than printed wrapped
 * round. The duration bound is the one the probe itself keeps to (media/av.c). */
#define MEDIA_DURATION_MAX 9.0e15
#define MEDIA_SIDE_MAX 1000000.0

static int
add_media(cJSON *e, const cJSON *item)
{
	const cJSON *media = cJSON_GetObjectItemCaseSensitive(item, "media");
	const cJSON *ms = cJSON_GetObjectItemCaseSensitive(media, "duration_ms");
	const cJSON *w = cJSON_GetObjectItemCaseSensitive(media, "width");
	const cJSON *h = cJSON_GetObjectItemCaseSensitive(media, "height");
	char zh[48], en[32], size[32];
	long long s, hours, minutes;

	if (cJSON_IsNumber(w) && cJSON_IsNumber(h) && w->valuedouble >= 1 &&
	    w->valuedouble <= MEDIA_SIDE_MAX && h->valuedouble >= 1 &&
	    h->valuedouble <= MEDIA_SIDE_MAX) {
		snprintf(size, sizeof size, "%.0f×%.0f", w->valuedouble, h->valuedouble);
		if (!add(e, "picture_size", size))
			return 0;
	}
	if (!cJSON_IsNumber(ms) || ms->valuedouble < 0 || ms->valuedouble > MEDIA_DURATION_MAX)
		return 1;
	/* Whole seconds, as a player shows them; under a second is "0:00". */
	s = (long long)(ms->valuedouble / 1000);
	hours = s / 3600;
	minutes = s / 60 % 60;
	s %= 60;
	if (hours > 0) {
		snprintf(zh, sizeof zh, "%lld小时%02lld分%02lld秒", hours, minutes, s);
		snprintf(en, sizeof en, "%lld:%02lld:%02lld", hours, minutes, s);
	} else if (minutes > 0) {
		snprintf(zh, sizeof zh, "%lld分%02lld秒", minutes, s);
		snprintf(en, sizeof en, "%lld:%02lld", minutes, s);
	} else {
		snprintf(zh, sizeof zh, "%lld秒", s);
		snprintf(en, sizeof en, "0:%02lld", s);
	}
	return add(e, "duration_zh", zh) && add(e, "duration_en", en);
}

static int
add_capture(cJSON *e, const cJSON *item)
{
	const cJSON *capture = cJSON_GetObjectItemCaseSensitive(item, "capture");
	const cJSON *size = cJSON_GetObjectItemCaseSensitive(item, "size");
	const char *method = member(capture, "method");
	char bytes[32];

	if (cJSON_IsNumber(size)) {
		snprintf(bytes, sizeof bytes, "%.0f", size->valuedouble);
		if (!add(e, "original_size", bytes))
			return 0;
	}
	return add_recorded(e, "method", method) &&
	    add_labels(e, "method_zh", "method_en", row(method_labels,
	    sizeof method_labels / sizeof method_labels[0], method)) &&
	    add_recorded(e, "device", member(capture, "device")) &&
	    add_recorded(e, "app", member(capture, "app")) &&
	    add_recorded(e, "original_modified", member(capture, "original_modified"));
}

int
evidence_origin_view(cJSON *e, const cJSON *item)
{
	const cJSON *camera = cJSON_GetObjectItemCaseSensitive(item, "camera");
	const char *make = member(camera, "make"), *model = member(camera, "model");
	char device[160];

	snprintf(device, sizeof device, "%s%s%s", make != NULL ? make : "",
	    make != NULL && model != NULL ? " " : "", model != NULL ? model : "");
	return add_time(e, item) && add(e, "camera", device) && add_media(e, item) &&
	    add_capture(e, item);
}
