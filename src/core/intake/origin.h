/* The time and origin of an evidence file, recorded when it is added: the time the file
 * itself states it was made (a photo's EXIF, a screenshot's PNG chunks, a video's or
 * recording's container through dispute-av), the camera, a recording's duration and
 * picture size, and the capture log the buyer gives (how, on what device, in what app)
 * with the original's modification time: the facts 证据规定 第93条 weighs for
 * electronic data. */
#ifndef DISPUTE_ORIGIN_H
#define DISPUTE_ORIGIN_H

#include <stddef.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "exif.h"

struct origin {
	/* The time the file states, "YYYY-MM-DDTHH:MM:SS" as the device's clock read, with
	 * the zone it is in ("+08:00"; "" when the file does not say) and where it was
	 * read: "exif", "png-exif", "xmp", "png-time", "quicktime", "container"; ""
	 * and NULL when the file states none. */
	char captured[EXIF_TIME_LEN];
	char offset[8];
	const char *source;
	char make[64], model[64];        /* the camera (EXIF), or "" */
	/* A video or recording, when dispute-av read it (MEDIA_PROBED). */
	int media_probed;
	char *format, *video_codec, *audio_codec;
	long long duration_ms;           /* -1 when unknown */
	int width, height, rotation;
};

/* The facts a picture's first LEN bytes (DATA) state, by its type MIME, into OUT
 * (zeroed first). Never fails: a file that says nothing leaves OUT empty. */
void origin_from_head(const unsigned char *data, size_t len, const char *mime,
    struct origin *out);

/* For a video or audio file (by MIME; nothing else is touched): its container's facts
 * through dispute-av, read from PATH (the copy being added; LABEL names it in
 * warnings). *WARNED_MISSING keeps the warning that dispute-av is not installed to one a
 * batch. DISPUTE_FAILED only when memory runs out or the helper cannot be run. */
int origin_from_media(const char *path, const char *label, const char *mime,
    int *warned_missing, struct origin *out);

void origin_free(struct origin *out);

/* The capture log the buyer gives with a batch; members may be NULL. */
struct origin_log {
	const char *method, *device, *app;
};

/* Adds ORIGIN's facts, the capture log LOG and the original's modification time
 * MODIFIED to the evidence record R. DISPUTE_FAILED after one error when memory runs
 * out. */
int origin_to_record(const struct origin *origin, const struct origin_log *log,
    time_t modified, cJSON *r);

/* Warns, naming SOURCE, when ORIGIN's time is before the day ORDERED ("YYYY-MM-DD";
 * NULL: not checked), for a kind whose files cannot be older than the order
 * (AFTER_ORDER), or after ADDED (the intake time, ISO 8601 with its offset): a file
 * cannot have been made after it was handed in, so the device's clock or the file was
 * altered. A time without zone is only said to follow ADDED when it does so in every
 * zone. */
void origin_warn(const struct origin *origin, const char *source, int after_order,
    const char *ordered, const char *added);

/* The instant "YYYY-MM-DDTHH:MM:SS" with OFFSET ("+08:00", "Z" or "") means, in seconds
 * since the epoch; with OFFSET "" the time read as UTC. 0 when it is no such time. For
 * the tests too. */
int origin_instant(const char *local, const char *offset, long long *seconds);

/* Splits an ISO 8601 time ("2026-10-11T19:50:12+08:00", "...Z", "...12.5+0800", or
 * without zone) into LOCAL and OFFSET ("+08:00", "+00:00" for Z, "" when none). 0 when
 * TIME is not such a time. */
int origin_split_time(const char *time, char local[EXIF_TIME_LEN], char offset[8]);

#endif
