/* Unit tests for the client of dispute-av (src/core/media/av.c): the creation times
 * containers write, read into one form; the probe's answer read into struct av_info;
 * frames spread over a video; and, on a portrait video ffmpeg makes here with a
 * creation time, av_probe(), av_frames() and av_poster() through the real helper. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "support.h"

#include "dispute/report.h"
#include "av.h"

static void
normalises_container_times(void **state)
{
	static const char *const good[][2] = {
		/* FFmpeg's form of an MP4's creation time, always UTC */
		{ "2026-10-11T11:50:12.000000Z", "2026-10-11T11:50:12Z" },
		/* QuickTime's com.apple.quicktime.creationdate, in the phone's zone */
		{ "2026-10-11T19:50:12+0800", "2026-10-11T19:50:12+08:00" },
		{ "2026-10-11T19:50:12+08:00", "2026-10-11T19:50:12+08:00" },
		{ "2026-10-11T06:50:12-0500", "2026-10-11T06:50:12-05:00" },
		{ "2026-10-11 11:50:12+0000", "2026-10-11T11:50:12Z" },
	};
	static const char *const bad[] = {
		"2026-10-11T19:50:12", /* no offset: a local time of unknown zone */
		"2026-10-11", "yesterday", "2026-13-11T11:50:12Z", "2026-10-11T25:50:12Z",
		"2026-10-11T11:50:12+08", "2026-10-11T11:50:12Zjunk", "",
	};
	char out[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_int_equal(av_time_normalize(good[i][0], out, sizeof out), DISPUTE_OK);
		assert_string_equal(out, good[i][1]);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(av_time_normalize(bad[i], out, sizeof out), DISPUTE_FAILED);
	assert_int_equal(av_time_normalize(NULL, out, sizeof out), DISPUTE_FAILED);
	assert_int_equal(av_time_normalize(good[0][0], out, 10), DISPUTE_FAILED);
}

static void
reads_the_probe_answer(void **state)
{
	cJSON *header = cJSON_Parse("{\"format\":\"mov,mp4,m4a,3gp,3g2,mj2\","
	    "\"duration_ms\":3000,\"creation_time\":\"2026-10-11T19:50:12+0800\","
	    "\"creation_source\":\"com.apple.quicktime.creationdate\","
	    "\"video_codec\":\"hevc\",\"width\":1080,\"height\":1920,\"rotation\":90,"
	    "\"audio_codec\":\"aac\",\"sample_rate\":44100,\"channels\":2,"
	    "\"item\":0,\"payload\":0}");
	cJSON *audio = cJSON_Parse("{\"format\":\"amr\",\"duration_ms\":61240,"
	    "\"audio_codec\":\"amr_nb\",\"sample_rate\":8000,\"channels\":1}");
	cJSON *skipped = cJSON_Parse("{\"skipped\":\"undecodable\",\"detail\":\"x\"}");
	/* Past what an int holds: a quarter turn still, and sides of no known size. */
	cJSON *huge = cJSON_Parse("{\"format\":\"mov\",\"video_codec\":\"h264\","
	    "\"width\":4666660815466962,\"height\":1920,\"rotation\":4666660815466962,"
	    "\"audio_codec\":\"aac\",\"sample_rate\":8e15,\"channels\":2}");
	struct av_info info;

	(void)state;
	assert_int_equal(av_info_from_header(header, &info), DISPUTE_OK);
	assert_true(info.probed);
	assert_string_equal(info.format, "mov,mp4,m4a,3gp,3g2,mj2");
	assert_int_equal(info.duration_ms, 3000);
	assert_string_equal(info.created, "2026-10-11T19:50:12+08:00");
	assert_string_equal(info.creation_source, "com.apple.quicktime.creationdate");
	assert_string_equal(info.video_codec, "hevc");
	assert_int_equal(info.width, 1080);
	assert_int_equal(info.height, 1920);
	assert_int_equal(info.rotation, 90);
	assert_string_equal(info.audio_codec, "aac");
	assert_int_equal(info.sample_rate, 44100);
	assert_int_equal(info.channels, 2);
	av_info_free(&info);

	assert_int_equal(av_info_from_header(audio, &info), DISPUTE_OK);
	assert_true(info.probed);
	assert_int_equal(info.duration_ms, 61240);
	assert_null(info.video_codec);
	assert_null(info.creation_time);
	assert_string_equal(info.created, "");
	assert_int_equal(info.width, 0);
	assert_string_equal(info.audio_codec, "amr_nb");
	av_info_free(&info);

	assert_int_equal(av_info_from_header(skipped, &info), DISPUTE_OK);
	assert_false(info.probed);
	assert_int_equal(info.duration_ms, -1);
	assert_null(info.format);
	av_info_free(&info);

	assert_int_equal(av_info_from_header(huge, &info), DISPUTE_OK);
	assert_int_equal(info.rotation, 4666660815466962 % 360 / 90 * 90);
	assert_int_equal(info.width, 0);
	assert_int_equal(info.height, 1920);
	assert_int_equal(info.sample_rate, 0);
	assert_int_equal(info.channels, 2);
	av_info_free(&info);
	cJSON_Delete(header);
	cJSON_Delete(audio);
	cJSON_Delete(skipped);
	cJSON_Delete(huge);
}

static void
spreads_frames_over_the_video(void **state)
{
	int64_t at[4];

	(void)state;
	av_spread(3000, 3, at);
	assert_int_equal(at[0], 500);
	assert_int_equal(at[1], 1500);
	assert_int_equal(at[2], 2500);
	av_spread(1000, 1, at);
	assert_int_equal(at[0], 500);
	av_spread(-1, 2, at);
	assert_int_equal(at[0], 0);
	assert_int_equal(at[1], 0);
}

/* "PNG" at 1..3 and the width and height of its IHDR. */
static void
assert_png(const char *path, int width, int height)
{
	size_t len;
	unsigned char *data = (unsigned char *)slurp(path, &len);

	assert_non_null(data);
	assert_true(len > 24);
	assert_memory_equal(data + 1, "PNG", 3);
	assert_int_equal((data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19], width);
	assert_int_equal((data[20] << 24) | (data[21] << 16) | (data[22] << 8) | data[23], height);
	free(data);
}

static void
probes_and_frames_a_portrait_video(void **state)
{
	char dir[] = "/tmp/test_av.XXXXXX", cmd[1024], *video;
	struct av_frame_file *files = NULL;
	struct av_frame poster;
	struct av_info info;
	size_t written = 0, i;

	(void)state;
	if (system("command -v ffmpeg >/dev/null 2>&1") != 0)
		skip();
	assert_non_null(mkdtemp(dir));
	video = dispute_asprintf("%s/portrait.mp4", dir);
	/* 320x240 frames, then (as a stream copy, the only way ffmpeg writes one) the
	 * display matrix an iPhone held upright writes (ffprobe says -90: turn a quarter
	 * clockwise) and the container's creation time. */
	snprintf(cmd, sizeof cmd, "ffmpeg -v error -f lavfi -i testsrc=size=320x240:rate=25:"
	    "duration=3 -c:v libx264 -pix_fmt yuv420p %s/landscape.mp4 && "
	    "ffmpeg -v error -i %s/landscape.mp4 -c copy -metadata:s:v:0 rotate=270 "
	    "-metadata creation_time=2026-10-11T11:50:12Z %s", dir, dir, video);
	assert_int_equal(system(cmd), 0);

	assert_int_equal(av_probe(video, "E01", &info), DISPUTE_OK);
	assert_true(info.probed);
	assert_int_equal(info.duration_ms, 3000);
	assert_string_equal(info.created, "2026-10-11T11:50:12Z");
	assert_string_equal(info.video_codec, "h264");
	assert_null(info.audio_codec);
	assert_int_equal(info.rotation, 90);
	assert_int_equal(info.width, 240);
	assert_int_equal(info.height, 320);
	av_info_free(&info);

	assert_int_equal(av_frames(video, "E01", 3, 160, AV_PNG, dir, "frame", &files,
	    &written), DISPUTE_OK);
	assert_int_equal(written, 3);
	for (i = 0; i < written; i++) {
		char *name = dispute_asprintf("%s/frame-%02zu.png", dir, i + 1);

		assert_string_equal(files[i].path, name);
		/* upright: taller than wide, 160 on the longer side */
		assert_int_equal(files[i].width, 120);
		assert_int_equal(files[i].height, 160);
		assert_png(name, 120, 160);
		/* the frame at or just after the middle of each third */
		assert_true(files[i].at_ms >= (int64_t)(500 + 1000 * i));
		assert_true(files[i].at_ms < (int64_t)(500 + 1000 * i + 80));
		free(name);
	}
	av_frame_files_free(files, written);

	/* The poster: the keyframe at or before the middle, as a JPEG, upright. */
	assert_int_equal(av_poster(video, "E01", 160, AV_JPEG, &poster), DISPUTE_OK);
	assert_non_null(poster.data);
	assert_true(poster.len > 3);
	assert_memory_equal(poster.data, "\xFF\xD8\xFF", 3);
	assert_int_equal(poster.width, 120);
	assert_int_equal(poster.height, 160);
	assert_true(poster.at_ms <= 1500);
	free(poster.data);
	free(video);
	assert_int_equal(remove_tree(dir), 0);
}

static void
a_file_that_is_no_recording_is_a_warning(void **state)
{
	char dir[] = "/tmp/test_av.XXXXXX", *path, *err;
	struct av_info info;
	struct capture cap;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = dispute_asprintf("%s/notes.mp4", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("not a video at all\n", f);
	fclose(f);
	capture_start(&cap);
	assert_int_equal(av_probe(path, "E07", &info), DISPUTE_OK);
	err = capture_end(&cap);
	assert_false(info.probed);
	assert_contains(err, "warning: E07: cannot read the recording");
	free(err);
	av_info_free(&info);
	free(path);
	assert_int_equal(remove_tree(dir), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalises_container_times),
		cmocka_unit_test(reads_the_probe_answer),
		cmocka_unit_test(spreads_frames_over_the_video),
		cmocka_unit_test(probes_and_frames_a_portrait_video),
		cmocka_unit_test(a_file_that_is_no_recording_is_a_warning),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
