/* The parts of dispute-av (dispute-av.c says what it answers), each in its own file:
 * opening and probing a file (dispute-av.c), decoding one frame as a
 * picture (av-frame.c) and making a playable copy of a recording (av-audio.c). */
#ifndef DISPUTE_AV_HELPER_H
#define DISPUTE_AV_HELPER_H

#include <stddef.h>

#include <cjson/cJSON.h>
#include <libavformat/avformat.h>

/* Opens PATH and reads its streams' parameters. 0, or a short reason ("undecodable")
 * in *WHY with FFmpeg's message in DETAIL (DETAIL_LEN bytes). */
int av_open(const char *path, AVFormatContext **fmt, const char **why, char *detail,
    size_t detail_len);

/* Degrees clockwise that stream ST is to be turned to be seen upright: 0, 90, 180 or
 * 270, from its display matrix (phones record portrait video as landscape frames with
 * a matrix saying so). */
int av_rotation(const AVStream *st);

/* Command "frame" on one item (av-frame.c). */
int av_frame(size_t item, const cJSON *request);

/* Command "playable" on one item (av-audio.c). */
int av_playable(size_t item, const cJSON *request);

#endif
