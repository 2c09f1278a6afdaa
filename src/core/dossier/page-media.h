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

/* Adds to each item of the page's evidence LIST of case C that is a video or an AMR
 * recording its derived files (through ADD, CTX) and the members the page shows:
 * "poster", "poster_width", "poster_height"; "is_amr", "playable", "playable_note".
 * Without dispute-av, one warning for the page and only "is_amr". A file dispute-av cannot read is a warning; DISPUTE_FAILED only
 * when memory runs out, the helper cannot be run or ADD fails. */
int page_media_add(const struct dispute_case *c, cJSON *list, page_add_fn add, void *ctx);

#endif
