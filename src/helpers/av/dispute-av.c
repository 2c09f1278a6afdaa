/* dispute-av: video and audio through FFmpeg (libavformat, libavcodec, libswscale,
 * libswresample), in a process of its own (helper.h), so that dispute never links
 * FFmpeg and a hostile recording that crashes or exhausts a decoder costs only its own
 * answer.
 *
 * Command "probe", items {"path"}: what the container says, as a header without
 * payload: "format" (the demuxer's name), "duration_ms" (an integer, when known),
 * "creation_time" with "creation_source" (the tag it came from: QuickTime's
 * com.apple.quicktime.creationdate, which carries the phone's time zone, before the
 * container's creation_time, before a stream's), and when there is a video stream
 * "video_codec", "width" and "height" as seen upright and "rotation" (degrees
 * clockwise the frames are turned for that); when there is an audio stream
 * "audio_codec", "sample_rate" and "channels". Or "skipped" (undecodable) with
 * "detail".
 *
 * Command "frame", items {"path", "at_ms", "max", "format", "keyframe"}: the first
 * video frame at or after AT_MS milliseconds (the last one when the video ends before;
 * with KEYFRAME true, the keyframe at or before it, which needs no decoding of the
 * frames between: quick, for a poster), upright, at
 * most MAX pixels on the longer side, as a "png" or "jpeg" picture without metadata,
 * the same bytes every time. The header says "width", "height" and "at_ms", the time
 * of the frame taken; or "skipped" (undecodable, no-video, too-large: frames over 64
 * megapixels are not decoded) with "detail".
 *
 * Command "playable", items {"path"}: the first audio stream decoded and encoded again
 * as AAC in an M4A file (the payload), for recordings a browser cannot play (AMR), the
 * same bytes every time; the header says "duration_ms"; or "skipped" (undecodable,
 * no-audio) with "detail".

 *
 * Only the demuxers of the files phones, cameras and recorders make are allowed, only
 * local files are read, and FFmpeg's own threads are not used (one core per helper,
 * and the processor-time limit covers all of its work). */
#include <stdio.h>
#include <string.h>

#include <libavutil/display.h>
#include <libavutil/log.h>

#include "av-helper.h"
#include "protocol.h"

/* Containers of phone videos (MP4, MOV, 3GP), screen recordings (MP4, MKV, WebM),
 * voice memos and call recordings (M4A, AMR, MP3, WAV, AAC, Ogg, FLAC, CAF) and older
 * cameras (AVI, MPEG-TS, FLV, ASF). */
#define AV_FORMATS "mov,mp4,m4a,3gp,3g2,matroska,webm,avi,amr,mp3,wav,aac,ogg,flac," \
	"caf,mpegts,flv,asf"

int
av_open(const char *path, AVFormatContext **fmt, const char **why, char *detail,
    size_t detail_len)
{
	AVFormatContext *opened = avformat_alloc_context();
	int err;

	*fmt = NULL;
	*why = "undecodable";
	if (opened == NULL) {
		snprintf(detail, detail_len, "out of memory");
		return -1;
	}
	opened->format_whitelist = av_strdup(AV_FORMATS);
	opened->protocol_whitelist = av_strdup("file");
	if (opened->format_whitelist == NULL || opened->protocol_whitelist == NULL) {
		avformat_free_context(opened);
		snprintf(detail, detail_len, "out of memory");
		return -1;
	}
	/* avformat_open_input frees the context when it fails. */
	err = avformat_open_input(&opened, path, NULL, NULL);
	if (err == 0 && (err = avformat_find_stream_info(opened, NULL)) < 0)
		avformat_close_input(&opened);
	if (err < 0) {
		av_strerror(err, detail, detail_len);
		return -1;
	}
	*fmt = opened;
	return 0;
}

int
av_rotation(const AVStream *st)
{
	const uint8_t *matrix = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, NULL);
	double angle;
	int degrees;

	if (matrix == NULL)
		return 0;
	/* av_display_rotation_get() is counterclockwise; a phone's portrait video says
	 * -90, to be turned 90 degrees clockwise. */
	angle = -av_display_rotation_get((const int32_t *)matrix);
	if (angle != angle)
		return 0;
	degrees = (int)(angle < 0 ? angle - 0.5 : angle + 0.5);
	degrees = ((degrees % 360) + 360) % 360;
	return (degrees + 45) / 90 % 4 * 90;
}

/* The creation time the file states, most precise first: QuickTime's, which keeps the
 * recording phone's time zone, then the container's, then the first stream's. */
static int
add_creation_time(cJSON *header, const AVFormatContext *fmt)
{
	static const char *const keys[] = { "com.apple.quicktime.creationdate",
	    "creation_time" };
	const AVDictionaryEntry *e;
	size_t k;
	unsigned i;

	for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		e = av_dict_get(fmt->metadata, keys[k], NULL, 0);
		for (i = 0; e == NULL && k == 1 && i < fmt->nb_streams; i++)
			e = av_dict_get(fmt->streams[i]->metadata, keys[k], NULL, 0);
		if (e != NULL && e->value[0] != '\0')
			return cJSON_AddStringToObject(header, "creation_time", e->value) != NULL &&
			    cJSON_AddStringToObject(header, "creation_source", keys[k]) != NULL;
	}
	return 1;
}

static int
add_video(cJSON *header, const AVFormatContext *fmt)
{
	int index = av_find_best_stream((AVFormatContext *)fmt, AVMEDIA_TYPE_VIDEO, -1, -1,
	    NULL, 0);
	const AVStream *st;
	int rotation, sideways;

	if (index < 0)
		return 1;
	st = fmt->streams[index];
	/* A song's cover picture is not a video. */
	if (st->disposition & AV_DISPOSITION_ATTACHED_PIC)
		return 1;
	rotation = av_rotation(st);
	sideways = rotation == 90 || rotation == 270;
	return cJSON_AddStringToObject(header, "video_codec",
	    avcodec_get_name(st->codecpar->codec_id)) != NULL &&
	    cJSON_AddNumberToObject(header, "width",
	    sideways ? st->codecpar->height : st->codecpar->width) != NULL &&
	    cJSON_AddNumberToObject(header, "height",
	    sideways ? st->codecpar->width : st->codecpar->height) != NULL &&
	    cJSON_AddNumberToObject(header, "rotation", rotation) != NULL;
}

static int
add_audio(cJSON *header, const AVFormatContext *fmt)
{
	int index = av_find_best_stream((AVFormatContext *)fmt, AVMEDIA_TYPE_AUDIO, -1, -1,
	    NULL, 0);
	const AVCodecParameters *par;

	if (index < 0)
		return 1;
	par = fmt->streams[index]->codecpar;
	return cJSON_AddStringToObject(header, "audio_codec",
	    avcodec_get_name(par->codec_id)) != NULL &&
	    cJSON_AddNumberToObject(header, "sample_rate", par->sample_rate) != NULL &&
	    cJSON_AddNumberToObject(header, "channels", par->ch_layout.nb_channels) != NULL;
}

static int
probe(size_t item, const cJSON *request)
{
	const char *path = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(request,
	    "path"));
	AVFormatContext *fmt;
	const char *why;
	char detail[256];
	cJSON *header;
	int ok;

	if (path == NULL)
		return protocol_fail("item %zu: needs a path", item);
	if (av_open(path, &fmt, &why, detail, sizeof detail) != 0)
		return protocol_skipped(item, why, detail);
	header = cJSON_CreateObject();
	ok = header != NULL &&
	    cJSON_AddStringToObject(header, "format", fmt->iformat->name) != NULL &&
	    (fmt->duration == AV_NOPTS_VALUE || fmt->duration < 0 ||
	    cJSON_AddNumberToObject(header, "duration_ms",
	    (double)av_rescale(fmt->duration, 1000, AV_TIME_BASE)) != NULL) &&
	    add_creation_time(header, fmt) && add_video(header, fmt) && add_audio(header, fmt);
	avformat_close_input(&fmt);
	if (!ok) {
		cJSON_Delete(header);
		return protocol_fail("out of memory");
	}
	return protocol_reply(item, header, NULL, 0);
}

int
main(void)
{
	static const char *const commands[] = { "probe", "frame", "playable", NULL };
	const cJSON *items, *item;
	const char *command;
	cJSON *request;
	size_t index = 0;
	int status;

	/* FFmpeg's complaints about a damaged file are not dispute's messages. */
	av_log_set_level(AV_LOG_QUIET);
	status = protocol_read_request(commands, &request, &command, &items);
	cJSON_ArrayForEach(item, items) {
		if (status != 0)
			break;
		if (strcmp(command, "probe") == 0)
			status = probe(index, item);
		else if (strcmp(command, "frame") == 0)
			status = av_frame(index, item);
		else
			status = av_playable(index, item);
		index++;
	}
	cJSON_Delete(request);
	return status;
}
