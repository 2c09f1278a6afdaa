/* Command "frame" of dispute-av (dispute-av.c): one decoded video frame as a picture,
 * upright and scaled down. */
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>

#include "av-helper.h"
#include "protocol.h"

/* JPEG quality as FFmpeg's quantiser scale (2 is best, 31 worst): a defect on a frame
 * stays visible. */
#define JPEG_QSCALE 3
/* Larger frames are not decoded: 8K video has 33 megapixels. */
#define FRAME_MAX_PIXELS (64.0 * 1000 * 1000)
/* swscale reads whole vector registers: rows are aligned and the end padded. */
#define ROW_ALIGN 64
/* Frames decoded after the seek point before giving up on reaching the time asked. */
#define FRAMES_MAX 10000

/* What an item asks for. */
struct frame_request {
	int64_t at_ms;
	int max, jpeg;
	int keyframe;           /* the keyframe at or before AT_MS will do */
};

struct picture {
	uint8_t *data;          /* RGB24, LINESIZE bytes a row */
	int width, height, linesize;
};

/* Decodes from the keyframe before AT (in the stream's time base) up to the first
 * frame at or after it (only that keyframe when KEYFRAME); the last frame decoded when
 * the stream ends first. */
static int
decode_at(AVFormatContext *fmt, int index, AVCodecContext *dec, int64_t at, int keyframe,
    AVFrame *out)
{
	AVPacket *pkt = av_packet_alloc();
	AVFrame *frame = av_frame_alloc();
	int got = 0, ended = 0, err = 0, frames = 0;

	if (pkt == NULL || frame == NULL) {
		err = AVERROR(ENOMEM);
		goto out;
	}
	if (at > 0)
		av_seek_frame(fmt, index, at, AVSEEK_FLAG_BACKWARD);
	while (frames < FRAMES_MAX) {
		err = avcodec_receive_frame(dec, frame);
		if (err == 0) {
			int64_t t = frame->best_effort_timestamp;

			frames++;
			av_frame_unref(out);
			av_frame_move_ref(out, frame);
			got = 1;
			if (keyframe || t == AV_NOPTS_VALUE || t >= at)
				break;
			continue;
		}
		if (err == AVERROR_EOF || (err == AVERROR(EAGAIN) && ended))
			break;
		if (err != AVERROR(EAGAIN))
			goto out;
		err = av_read_frame(fmt, pkt);
		if (err == AVERROR_EOF) {
			ended = 1;
			err = avcodec_send_packet(dec, NULL);
		} else if (err == 0) {
			if (pkt->stream_index == index)
				err = avcodec_send_packet(dec, pkt);
			av_packet_unref(pkt);
			/* A damaged packet is skipped, as a player would. */
			if (err == AVERROR_INVALIDDATA)
				err = 0;
		}
		if (err < 0)
			goto out;
	}
	err = got ? 0 : AVERROR_INVALIDDATA;
out:
	av_packet_free(&pkt);
	av_frame_free(&frame);
	return err;
}

/* An RGB24 picture of W x H with aligned rows and a padded end into PIC. */
static int
picture_alloc(struct picture *pic, int w, int h)
{
	pic->linesize = FFALIGN(w * 3, ROW_ALIGN);
	pic->data = av_mallocz((size_t)pic->linesize * h + AV_INPUT_BUFFER_PADDING_SIZE);
	pic->width = w;
	pic->height = h;
	return pic->data != NULL ? 0 : -1;
}

/* FRAME scaled to at most MAX a side (never enlarged) as RGB24 into PIC. */
static int
to_rgb(const AVFrame *frame, int max, struct picture *pic)
{
	int w = frame->width, h = frame->height;
	int longer = w > h ? w : h;
	struct SwsContext *sws;
	uint8_t *rgb;
	int linesize;

	if (longer > max) {
		w = (int)((int64_t)w * max / longer);
		h = (int)((int64_t)h * max / longer);
	}
	w = w < 1 ? 1 : w;
	h = h < 1 ? 1 : h;
	if (picture_alloc(pic, w, h) != 0)
		return AVERROR(ENOMEM);
	rgb = pic->data;
	linesize = pic->linesize;
	sws = sws_getContext(frame->width, frame->height, frame->format, w, h,
	    AV_PIX_FMT_RGB24, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT, NULL, NULL, NULL);
	if (sws == NULL) {
		av_freep(&pic->data);
		return AVERROR(ENOMEM);
	}
	sws_scale(sws, (const uint8_t *const *)frame->data, frame->linesize, 0,
	    frame->height, &rgb, &linesize);
	sws_freeContext(sws);
	return 0;
}

/* PIC turned DEGREES clockwise (90, 180 or 270), in place of PIC. */
static int
turn(struct picture *pic, int degrees)
{
	struct picture turned;
	int x, y;

	if (picture_alloc(&turned, degrees == 180 ? pic->width : pic->height,
	    degrees == 180 ? pic->height : pic->width) != 0)
		return AVERROR(ENOMEM);
	for (y = 0; y < pic->height; y++)
		for (x = 0; x < pic->width; x++) {
			int tx = degrees == 90 ? pic->height - 1 - y :
			    degrees == 180 ? pic->width - 1 - x : y;
			int ty = degrees == 90 ? x : degrees == 180 ? pic->height - 1 - y :
			    pic->width - 1 - x;

			memcpy(turned.data + (size_t)ty * turned.linesize + (size_t)tx * 3,
			    pic->data + (size_t)y * pic->linesize + (size_t)x * 3, 3);
		}
	av_freep(&pic->data);
	*pic = turned;
	return 0;
}

/* The picture as PNG (RGB24) or JPEG (full-range 4:2:0) into PKT. */
static int
encode(const struct picture *pic, int jpeg, AVPacket *pkt)
{
	const AVCodec *codec = avcodec_find_encoder(jpeg ? AV_CODEC_ID_MJPEG : AV_CODEC_ID_PNG);
	enum AVPixelFormat format = jpeg ? AV_PIX_FMT_YUVJ420P : AV_PIX_FMT_RGB24;
	AVCodecContext *enc = codec != NULL ? avcodec_alloc_context3(codec) : NULL;
	AVFrame *frame = av_frame_alloc();
	struct SwsContext *sws = NULL;
	const uint8_t *src[1] = { pic->data };
	int lines[1] = { pic->linesize };
	int err = AVERROR(ENOMEM);

	if (enc == NULL || frame == NULL)
		goto out;
	enc->width = frame->width = pic->width;
	enc->height = frame->height = pic->height;
	enc->pix_fmt = format;
	frame->format = format;
	enc->time_base = (AVRational){ 1, 1 };
	enc->thread_count = 1;
	enc->flags |= AV_CODEC_FLAG_BITEXACT;
	if (jpeg) {
		enc->flags |= AV_CODEC_FLAG_QSCALE;
		enc->global_quality = frame->quality = FF_QP2LAMBDA * JPEG_QSCALE;
	}
	if ((err = avcodec_open2(enc, codec, NULL)) < 0 ||
	    (err = av_frame_get_buffer(frame, 0)) < 0)
		goto out;
	err = AVERROR(ENOMEM);
	sws = sws_getContext(pic->width, pic->height, AV_PIX_FMT_RGB24, pic->width,
	    pic->height, format, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT, NULL, NULL,
	    NULL);
	if (sws == NULL)
		goto out;
	sws_scale(sws, src, lines, 0, pic->height, frame->data, frame->linesize);
	if ((err = avcodec_send_frame(enc, frame)) < 0 ||
	    (err = avcodec_send_frame(enc, NULL)) < 0)
		goto out;
	err = avcodec_receive_packet(enc, pkt);
out:
	sws_freeContext(sws);
	av_frame_free(&frame);
	avcodec_free_context(&enc);
	return err;
}

static int
reply(size_t item, const struct picture *pic, int64_t at_ms, const AVPacket *pkt)
{
	cJSON *header = cJSON_CreateObject();

	if (header == NULL || cJSON_AddNumberToObject(header, "width", pic->width) == NULL ||
	    cJSON_AddNumberToObject(header, "height", pic->height) == NULL ||
	    cJSON_AddNumberToObject(header, "at_ms", (double)at_ms) == NULL) {
		cJSON_Delete(header);
		return protocol_fail("out of memory");
	}
	return protocol_reply(item, header, pkt->data, (size_t)pkt->size);
}

/* The time of FRAME in milliseconds from the start of stream ST. */
static int64_t
frame_ms(const AVStream *st, const AVFrame *frame)
{
	int64_t t = frame->best_effort_timestamp;

	if (t == AV_NOPTS_VALUE)
		return 0;
	if (st->start_time != AV_NOPTS_VALUE)
		t -= st->start_time;
	t = av_rescale_q(t, st->time_base, (AVRational){ 1, 1000 });
	return t < 0 ? 0 : t;
}

static int
take_frame(size_t item, AVFormatContext *fmt, int index, const AVCodec *codec,
    const struct frame_request *want)
{
	AVStream *st = fmt->streams[index];
	AVCodecContext *dec = avcodec_alloc_context3(codec);
	AVFrame *frame = av_frame_alloc();
	AVPacket *pkt = av_packet_alloc();
	struct picture pic = { NULL, 0, 0, 0 };
	int64_t at = av_rescale_q(want->at_ms, (AVRational){ 1, 1000 }, st->time_base);
	int rotation = av_rotation(st), err = AVERROR(ENOMEM), status;
	char detail[256];

	if (dec == NULL || frame == NULL || pkt == NULL)
		goto failed;
	if (st->start_time != AV_NOPTS_VALUE)
		at += st->start_time;
	dec->thread_count = 1;
	if ((err = avcodec_parameters_to_context(dec, st->codecpar)) < 0 ||
	    (err = avcodec_open2(dec, codec, NULL)) < 0 ||
	    (err = decode_at(fmt, index, dec, at, want->keyframe, frame)) < 0 ||
	    (err = to_rgb(frame, want->max, &pic)) < 0 ||
	    (rotation != 0 && (err = turn(&pic, rotation)) < 0) ||
	    (err = encode(&pic, want->jpeg, pkt)) < 0)
		goto failed;
	status = reply(item, &pic, frame_ms(st, frame), pkt);
	goto out;
failed:
	av_strerror(err, detail, sizeof detail);
	status = err == AVERROR(ENOMEM) ? protocol_fail("out of memory") :
	    protocol_skipped(item, "undecodable", detail);
out:
	av_freep(&pic.data);
	av_packet_free(&pkt);
	av_frame_free(&frame);
	avcodec_free_context(&dec);
	return status;
}

int
av_frame(size_t item, const cJSON *request)
{
	const char *path = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(request,
	    "path"));
	const char *format = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(request,
	    "format"));
	const cJSON *at = cJSON_GetObjectItemCaseSensitive(request, "at_ms");
	const cJSON *max = cJSON_GetObjectItemCaseSensitive(request, "max");
	const AVCodec *codec = NULL;
	struct frame_request want;
	AVFormatContext *fmt;
	const char *why;
	char detail[256];
	int index, status;

	if (path == NULL || !cJSON_IsNumber(at) || at->valuedouble < 0 ||
	    !cJSON_IsNumber(max) || max->valuedouble < 16 || max->valuedouble > 8192 ||
	    format == NULL || (strcmp(format, "png") != 0 && strcmp(format, "jpeg") != 0))
		return protocol_fail("item %zu: needs a path, a time, a size from 16 to 8192 "
		    "and the format png or jpeg", item);
	if (av_open(path, &fmt, &why, detail, sizeof detail) != 0)
		return protocol_skipped(item, why, detail);
	index = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
	if (index < 0 || codec == NULL ||
	    (fmt->streams[index]->disposition & AV_DISPOSITION_ATTACHED_PIC))
		status = protocol_skipped(item, "no-video", NULL);
	else if ((double)fmt->streams[index]->codecpar->width *
	    fmt->streams[index]->codecpar->height > FRAME_MAX_PIXELS)
		status = protocol_skipped(item, "too-large", NULL);
	else {
		want.at_ms = (int64_t)at->valuedouble;
		want.max = (int)max->valuedouble;
		want.jpeg = strcmp(format, "jpeg") == 0;
		want.keyframe = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(request,
		    "keyframe"));
		status = take_frame(item, fmt, index, codec, &want);
	}
	avformat_close_input(&fmt);
	return status;
}
