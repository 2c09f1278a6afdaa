/* Videos and recordings on the dossier's page, through dispute-av (media/av.h): a
 * poster frame for each video (data/posters/E01-defect.jpg, from the middle of the
 * video, upright, without metadata), shown where the video cannot play and on paper;
 * and for each AMR call recording, which browsers cannot play, a playable copy
 * (data/playable/E04-communication-audio.m4a, AAC) with a sidecar naming the
 * original's SHA-256 (…m4a.txt). Both are derived files in the dossier's manifest; the
 * originals stay the evidence. Without dispute-av the page says so and links the files. */
#ifndef DISPUTE_PAGE_MEDIA_H
#define DISPUTE_PAGE_MEDIA_H

#include <cjson/cJSON.h>

#include "dispute/case.h"
#include "page.h"

/* Whether an item of MIME type is one of those: a video or an AMR recording. */
int page_media_wanted(const char *mime);

/* For the case's item ITEM, such a file at PATH: its derived files through ADD, CTX,
 * and in OWN the members the page shows: "poster", "poster_width", "poster_height";
 * "is_amr", "playable", "playable_note". *AVAILABLE says whether dispute-av is there
 * (-1 to find out, once for the page); without it, one warning and only "is_amr". A
 * file dispute-av cannot read is a warning; DISPUTE_FAILED only when memory runs out,
 * the helper cannot be run or ADD fails. */
int page_media_add(const cJSON *item, const char *path, cJSON *own, int *available,
    page_add_fn add, void *ctx);

#endif
