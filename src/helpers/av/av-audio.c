/* Command "playable" of dispute-av (dispute-av.c): a recording a browser cannot play
 * (AMR) decoded and encoded again as AAC in an M4A file, built in memory and sent as
 * the payload, the same bytes every time for the same recording. */
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>

#include "av-helper.h"
#include "protocol.h"

/* Enough for speech at a call's 8 or 16 kHz, mono or stereo. */
#define PLAYABLE_BIT_RATE 48000
#define OUT_CHUNK 4096

/* The M4A being written: a growing buffer that the muxer may seek back into (it writes
 * the sizes of its boxes once they are known). */
struct membuf {
	uint8_t *data;
	size_t len, cap, pos;
};

static int
mem_write(void *opaque, uint8_t *buf, int n)
{
	struct membuf *m = opaque;
	size_t end = m->pos + (size_t)n;

	if (end > m->cap) {
		size_t cap = m->cap ? m->cap : 64 * 1024;
		uint8_t *grown;

		while (cap < end)
			cap *= 2;
		grown = av_realloc(m->data, cap);
		if (grown == NULL)
			return AVERROR(ENOMEM);
		m->data = grown;
		m->cap = cap;
	}
	memcpy(m->data + m->pos, buf, (size_t)n);
	m->pos = end;
	if (end > m->len)
		m->len = end;
	return n;
}

static int64_t
mem_seek(void *opaque, int64_t offset, int whence)
{
	struct membuf *m = opaque;

	whence &= ~AVSEEK_FORCE;
	if (whence == AVSEEK_SIZE)
		return (int64_t)m->len;
	if (whence == SEEK_CUR)
		offset += (int64_t)m->pos;
	else if (whence == SEEK_END)
		offset += (int64_t)m->len;
	if (offset < 0 || (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END))
		return AVERROR(EINVAL);
	m->pos = (size_t)offset;
	return offset;
}

/* Everything a conversion holds. */
struct job {
	AVFormatContext *in, *out;
	AVCodecContext *dec, *enc;
	SwrContext *swr;
	AVAudioFifo *fifo;
	AVFrame *frame;
	AVPacket *pkt;
	AVStream *st;
	int index;
	int64_t pts;            /* samples written */
	struct membuf mem;
};

static void
job_free(struct job *j)
{
	if (j->out != NULL) {
		/* The context's buffer is the caller's to free (it may have been replaced). */
		if (j->out->pb != NULL)
			av_freep(&j->out->pb->buffer);
		avio_context_free(&j->out->pb);
		avformat_free_context(j->out);
	}
	avformat_close_input(&j->in);
	avcodec_free_context(&j->dec);
	avcodec_free_context(&j->enc);
	swr_free(&j->swr);
	if (j->fifo != NULL)
		av_audio_fifo_free(j->fifo);
	av_frame_free(&j->frame);
	av_packet_free(&j->pkt);
	av_free(j->mem.data);
}

/* The decoder of stream INDEX, the AAC encoder at its rate and channels, the
 * resampler between them, and the M4A muxer writing into memory. */
static int
open_job(struct job *j)
{
	const AVCodecParameters *par = j->in->streams[j->index]->codecpar;
	const AVCodec *dec = avcodec_find_decoder(par->codec_id);
	const AVCodec *enc = avcodec_find_encoder(AV_CODEC_ID_AAC);
	uint8_t *chunk;
	int err;

	if (dec == NULL || enc == NULL)
		return AVERROR_DECODER_NOT_FOUND;
	j->dec = avcodec_alloc_context3(dec);
	j->enc = avcodec_alloc_context3(enc);
	j->frame = av_frame_alloc();
	j->pkt = av_packet_alloc();
	if (j->dec == NULL || j->enc == NULL || j->frame == NULL || j->pkt == NULL)
		return AVERROR(ENOMEM);
	j->dec->thread_count = 1;
	if ((err = avcodec_parameters_to_context(j->dec, par)) < 0 ||
	    (err = avcodec_open2(j->dec, dec, NULL)) < 0)
		return err;
	j->enc->sample_fmt = AV_SAMPLE_FMT_FLTP;
	j->enc->sample_rate = j->dec->sample_rate;
	j->enc->bit_rate = PLAYABLE_BIT_RATE;
	j->enc->thread_count = 1;
	j->enc->flags |= AV_CODEC_FLAG_BITEXACT | AV_CODEC_FLAG_GLOBAL_HEADER;
	j->enc->time_base = (AVRational){ 1, j->dec->sample_rate };
	if ((err = av_channel_layout_copy(&j->enc->ch_layout, &j->dec->ch_layout)) < 0 ||
	    (err = avcodec_open2(j->enc, enc, NULL)) < 0)
		return err;
	if ((err = swr_alloc_set_opts2(&j->swr, &j->enc->ch_layout, j->enc->sample_fmt,
	    j->enc->sample_rate, &j->dec->ch_layout, j->dec->sample_fmt, j->dec->sample_rate, 0,
	    NULL)) < 0 || (err = swr_init(j->swr)) < 0)
		return err;
	j->fifo = av_audio_fifo_alloc(j->enc->sample_fmt, j->enc->ch_layout.nb_channels,
	    j->enc->frame_size);
	if (j->fifo == NULL ||
	    (err = avformat_alloc_output_context2(&j->out, NULL, "ipod", NULL)) < 0)
		return j->fifo == NULL ? AVERROR(ENOMEM) : err;
	j->out->flags |= AVFMT_FLAG_BITEXACT;
	chunk = av_malloc(OUT_CHUNK);
	if (chunk == NULL ||
	    (j->out->pb = avio_alloc_context(chunk, OUT_CHUNK, 1, &j->mem, NULL, mem_write,
	    mem_seek)) == NULL) {
		av_free(chunk);
		return AVERROR(ENOMEM);
	}
	if ((j->st = avformat_new_stream(j->out, NULL)) == NULL)
		return AVERROR(ENOMEM);
	j->st->time_base = j->enc->time_base;
	if ((err = avcodec_parameters_from_context(j->st->codecpar, j->enc)) < 0)
		return err;
	return avformat_write_header(j->out, NULL);
}

/* Everything the encoder has for the muxer. */
static int
drain_encoder(struct job *j)
{
	int err;

	while ((err = avcodec_receive_packet(j->enc, j->pkt)) == 0) {
		av_packet_rescale_ts(j->pkt, j->enc->time_base, j->st->time_base);
		j->pkt->stream_index = 0;
		if ((err = av_interleaved_write_frame(j->out, j->pkt)) < 0)
			return err;
	}
	return err == AVERROR(EAGAIN) || err == AVERROR_EOF ? 0 : err;
}

/* Whole encoder frames out of the FIFO; at the END, the rest too. */
static int
encode_fifo(struct job *j, int end)
{
	int size = j->enc->frame_size, err;

	while (av_audio_fifo_size(j->fifo) >= size || (end && av_audio_fifo_size(j->fifo) > 0)) {
		AVFrame *out = av_frame_alloc();
		int n = FFMIN(av_audio_fifo_size(j->fifo), size);

		if (out == NULL)
			return AVERROR(ENOMEM);
		out->nb_samples = n;
		out->format = j->enc->sample_fmt;
		out->sample_rate = j->enc->sample_rate;
		if ((err = av_channel_layout_copy(&out->ch_layout, &j->enc->ch_layout)) < 0 ||
		    (err = av_frame_get_buffer(out, 0)) < 0 ||
		    av_audio_fifo_read(j->fifo, (void **)out->data, n) != n) {
			av_frame_free(&out);
			return err < 0 ? err : AVERROR(EIO);
		}
		out->pts = j->pts;
		j->pts += n;
		err = avcodec_send_frame(j->enc, out);
		av_frame_free(&out);
		if (err < 0 || (err = drain_encoder(j)) < 0)
			return err;
	}
	return 0;
}

/* The decoded FRAME (NULL: what the resampler still holds) into the FIFO. */
static int
resample(struct job *j, const AVFrame *frame)
{
	int room = swr_get_out_samples(j->swr, frame != NULL ? frame->nb_samples : 0), got, err;
	uint8_t **planes = NULL;

	if (room <= 0)
		return 0;
	if (av_samples_alloc_array_and_samples(&planes, NULL, j->enc->ch_layout.nb_channels,
	    room, j->enc->sample_fmt, 0) < 0)
		return AVERROR(ENOMEM);
	got = swr_convert(j->swr, planes, room, frame != NULL ?
	    (const uint8_t **)frame->extended_data : NULL, frame != NULL ? frame->nb_samples : 0);
	err = got < 0 ? got : av_audio_fifo_write(j->fifo, (void **)planes, got) < got ?
	    AVERROR(ENOMEM) : 0;
	av_freep(&planes[0]);
	av_freep(&planes);
	return err;
}

static int
convert(struct job *j)
{
	int err = 0, ended = 0;

	while (!ended) {
		err = av_read_frame(j->in, j->pkt);
		if (err == AVERROR_EOF) {
			ended = 1;
			err = avcodec_send_packet(j->dec, NULL);
		} else if (err == 0) {
			if (j->pkt->stream_index == j->index)
				err = avcodec_send_packet(j->dec, j->pkt);
			av_packet_unref(j->pkt);
			/* A damaged frame is skipped, as a player would. */
			if (err == AVERROR_INVALIDDATA)
				err = 0;
		}
		if (err < 0)
			return err;
		while ((err = avcodec_receive_frame(j->dec, j->frame)) == 0) {
			err = resample(j, j->frame);
			av_frame_unref(j->frame);
			if (err < 0 || (err = encode_fifo(j, 0)) < 0)
				return err;
		}
		if (err != AVERROR(EAGAIN) && err != AVERROR_EOF)
			return err;
	}
	if ((err = resample(j, NULL)) < 0 || (err = encode_fifo(j, 1)) < 0 ||
	    (err = avcodec_send_frame(j->enc, NULL)) < 0 || (err = drain_encoder(j)) < 0)
		return err;
	if ((err = av_write_trailer(j->out)) < 0)
		return err;
	avio_flush(j->out->pb);
	return j->out->pb->error;
}

int
av_playable(size_t item, const cJSON *request)
{
	const char *path = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(request,
	    "path"));
	struct job j;
	const char *why;
	char detail[256];
	cJSON *header;
	int err, status;

	if (path == NULL)
		return protocol_fail("item %zu: needs a path", item);
	memset(&j, 0, sizeof j);
	if (av_open(path, &j.in, &why, detail, sizeof detail) != 0)
		return protocol_skipped(item, why, detail);
	j.index = av_find_best_stream(j.in, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0);
	if (j.index < 0) {
		status = protocol_skipped(item, "no-audio", NULL);
		goto out;
	}
	err = open_job(&j);
	if (err >= 0)
		err = convert(&j);
	if (err < 0) {
		av_strerror(err, detail, sizeof detail);
		status = err == AVERROR(ENOMEM) ? protocol_fail("out of memory") :
		    protocol_skipped(item, "undecodable", detail);
		goto out;
	}
	header = cJSON_CreateObject();
	if (header == NULL || cJSON_AddNumberToObject(header, "duration_ms",
	    (double)av_rescale(j.pts, 1000, j.enc->sample_rate)) == NULL) {
		cJSON_Delete(header);
		status = protocol_fail("out of memory");
		goto out;
	}
	status = protocol_reply(item, header, j.mem.data, j.mem.len);
out:
	job_free(&j);
	return status;
}
