/* Video and audio files, read by the helper program dispute-av (FFmpeg, src/helpers/av)
 * in a process of its own with resource limits: dispute itself never links FFmpeg.
 *
 *   av_available()  whether dispute-av is installed (without a message)
 *   av_probe()      what the container says: duration, creation time, size, rotation,
 *                   codecs (struct av_info)
 *   av_frames_at()  decoded frames at given times, upright, as PNG or JPEG bytes
 *   av_frames()     N frames evenly spaced over a video, written as picture files,
 *                   each with the time it shows (struct av_frame_file): for contact
 *                   sheets
 *   av_poster()     one frame from the middle of a video, in memory: a poster frame
 *   av_playable()   a recording a browser cannot play (AMR) as AAC in M4A, in memory
 *
 * Times are integer milliseconds from the start of the recording. A file that is not a
 * recording dispute-av reads (or on which FFmpeg crashes or runs out of its limits) is
 * a warning naming LABEL, not an error: the functions return DISPUTE_OK with nothing
 * found. DISPUTE_FAILED (after one error) only when the helper cannot be run, memory
 * runs out, a file cannot be written or a callback fails. */
#ifndef DISPUTE_AV_H
#define DISPUTE_AV_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

/* What the container of a recording says. Strings are malloc'd, NULL when absent. */
struct av_info {
	int probed;             /* 0 when the file could not be read (a warning said why) */
	char *format;           /* FFmpeg's demuxer, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "amr" */
	int64_t duration_ms;    /* -1 when the container does not say */
	/* The creation time as the file states it, and the tag it came from
	 * ("com.apple.quicktime.creationdate", with the phone's time zone, or
	 * "creation_time", which FFmpeg gives in UTC). */
	char *creation_time, *creation_source;
	/* CREATION_TIME as ISO 8601 to the second with its offset ("2026-10-11T19:50:12+08:00",
	 * "2026-10-11T11:50:12Z"); empty when absent or not a time. */
	char created[32];
	/* The video stream (a song's cover picture is not one); VIDEO_CODEC NULL when none.
	 * WIDTH and HEIGHT are as seen upright, after turning ROTATION degrees clockwise
	 * (0, 90, 180, 270) as the display matrix of a phone's portrait video says. */
	char *video_codec;
	int width, height, rotation;
	/* The audio stream; AUDIO_CODEC NULL when none. */
	char *audio_codec;
	int sample_rate, channels;
};

/* Pictures made from frames. */
enum av_picture { AV_PNG, AV_JPEG };

/* One decoded frame: DATA (malloc'd, LEN bytes) is a PNG or JPEG picture of WIDTH x
 * HEIGHT pixels, upright, without metadata, showing the recording at AT_MS. */
struct av_frame {
	int64_t at_ms;
	int width, height;
	char *data;
	size_t len;
};

/* A frame written to a file by av_frames(). */
struct av_frame_file {
	char *path;             /* malloc'd */
	int64_t at_ms;          /* the time the frame shows */
	int width, height;
};

/* 1 when the helper program dispute-av is installed, 0 otherwise; says nothing. */
int av_available(void);

/* Reads what the container of the recording PATH says into OUT (zeroed first; free it
 * with av_info_free). A file dispute-av cannot read is a warning naming LABEL and
 * leaves OUT->probed 0. */
int av_probe(const char *path, const char *label, struct av_info *out);

/* Frees OUT's strings and zeroes it; harmless on a zeroed struct. */
void av_info_free(struct av_info *out);

/* Fills OUT from the header of dispute-av's answer to "probe" (probed set when it is
 * not "skipped"). DISPUTE_FAILED only when memory runs out. For the tests. */
int av_info_from_header(const cJSON *header, struct av_info *out);

/* Writes into OUT (LEN bytes, 26 or more) the creation time TAG (as FFmpeg gives a
 * container's: "2026-10-11T11:50:12.000000Z", QuickTime's "2026-10-11T19:50:12+0800")
 * as "YYYY-MM-DDTHH:MM:SS" with "Z" or "+HH:MM"; DISPUTE_FAILED (saying nothing) when
 * TAG is not such a time, a time without an offset included. */
int av_time_normalize(const char *tag, char *out, size_t len);

/* Hands the frame of PATH at each of the COUNT times AT_MS to ON_FRAME, which takes
 * FRAME's data, in one run of the helper: at most MAX pixels (16 to 8192) on the longer
 * side, as FORMAT. A time after the end gives the last frame. A file without video, or
 * a frame that does not decode, is one warning naming LABEL and no call. */
typedef int (*av_frame_fn)(size_t index, struct av_frame *frame, void *ctx);
int av_frames_at(const char *path, const char *label, const int64_t *at_ms, size_t count,
    int max, enum av_picture format, av_frame_fn on_frame, void *ctx);

/* The times of COUNT frames evenly spaced over DURATION_MS: the middle of each of COUNT
 * equal parts, so that no frame is the black one before the first scene. */
void av_spread(int64_t duration_ms, size_t count, int64_t *at_ms);

/* Probes the video PATH and writes COUNT frames evenly spaced over it (av_spread) into
 * the folder DIR as PREFIX-01.png (or .jpg), PREFIX-02 ... (each atomically; existing
 * files replaced), at most MAX pixels a side. *FILES (malloc'd, free with
 * av_frame_files_free) gets the *WRITTEN frames made, in order of time: fewer than
 * COUNT, or none, when some did not decode (a warning naming LABEL said so). */
int av_frames(const char *path, const char *label, size_t count, int max,
    enum av_picture format, const char *dir, const char *prefix,
    struct av_frame_file **files, size_t *written);

void av_frame_files_free(struct av_frame_file *files, size_t count);

/* A frame from the middle of the video PATH into OUT (zeroed first; OUT->data NULL when
 * there is none, after a warning naming LABEL), at most MAX pixels a side, as FORMAT:
 * the keyframe at or before the middle, which needs no decoding of the frames up to
 * it (OUT->at_ms says which). */
int av_poster(const char *path, const char *label, int max, enum av_picture format,
    struct av_frame *out);

/* The first audio stream of PATH decoded and encoded again as AAC in an M4A file,
 * the same bytes every time: *DATA (malloc'd, *LEN bytes), or NULL after a warning
 * naming LABEL when the file cannot be converted. */
int av_playable(const char *path, const char *label, char **data, size_t *len);

#endif
