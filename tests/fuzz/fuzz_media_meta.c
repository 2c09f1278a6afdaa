/* libFuzzer harness for what the core reads of a media file's own words: the input
 * goes whole through origin_from_head() as a JPEG (EXIF: times, zone, make, model) and
 * as a PNG (its chunks: tIME, eXIf, XMP in iTXt), and, cut at its first NUL, through
 * origin_split_time() and av_time_normalize() (the times of containers and XMP) and,
 * parsed as JSON, through av_info_from_header() (what dispute-av answers, which a
 * hostile recording may have steered). Beyond "no memory error" it checks that every
 * time found is "YYYY-MM-DDTHH:MM:SS" with a zone of "", "Z" or "+HH:MM"/"-HH:MM", and
 * that the strings read stay within their buffers. A broken check calls abort(). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/report.h"
#include "av.h"
#include "origin.h"

#include "fuzz.h"

static void
check(int ok, const char *what)
{
	if (ok)
		return;
	fprintf(stdout, "fuzz_media_meta: %s\n", what);
	fflush(stdout);
	abort();
}

/* "YYYY-MM-DDTHH:MM:SS": digits where digits belong. */
static int
time_shaped(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	size_t i;

	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return 0;
	return s[i] == '\0';
}

static int
zone_shaped(const char *s)
{
	return s[0] == '\0' || strcmp(s, "Z") == 0 || (strlen(s) == 6 &&
	    (s[0] == '+' || s[0] == '-') && s[3] == ':');
}

static void
check_origin(const struct origin *o)
{
	check(memchr(o->captured, '\0', sizeof o->captured) != NULL, "captured unterminated");
	check(memchr(o->make, '\0', sizeof o->make) != NULL, "make unterminated");
	check(memchr(o->model, '\0', sizeof o->model) != NULL, "model unterminated");
	if (o->source == NULL) {
		check(o->captured[0] == '\0', "a time without a source");
		return;
	}
	check(time_shaped(o->captured), "a captured time of the wrong shape");
	check(zone_shaped(o->offset), "a zone of the wrong shape");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), local[EXIF_TIME_LEN], offset[8], normal[32];
	struct av_info info;
	struct origin o;
	cJSON *json;

	fuzz_quiet_stderr();
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	origin_from_head(data, size, "image/jpeg", &o);
	check_origin(&o);
	origin_from_head(data, size, "image/png", &o);
	check_origin(&o);
	if (origin_split_time(text, local, offset)) {
		check(time_shaped(local), "a split time of the wrong shape");
		check(zone_shaped(offset), "a split zone of the wrong shape");
	}
	if (av_time_normalize(text, normal, sizeof normal) == DISPUTE_OK) {
		check(strlen(normal) >= 20 && zone_shaped(normal + 19 + (normal[19] == 'Z')) &&
		    (normal[19] == 'Z' || normal[19] == '+' || normal[19] == '-'),
		    "a normalised time of the wrong shape");
		normal[19] = '\0';
		check(time_shaped(normal), "a normalised time of the wrong shape");
	}
	json = cJSON_ParseWithLength(text, size);
	if (json != NULL && av_info_from_header(json, &info) == DISPUTE_OK) {
		check(info.created[0] == '\0' || info.creation_time != NULL,
		    "a creation time from nowhere");
		check(info.rotation % 90 == 0 && info.rotation >= 0 && info.rotation < 360,
		    "a rotation that is no quarter turn");
		av_info_free(&info);
	}
	cJSON_Delete(json);
	free(text);
	return 0;
}
