/* What an evidence item of the book shows below its heading (book.h): pictures
 * (book-picture.c), a PDF's pages (book-pages.c), text with line numbers
 * (book-text.c), a video's key frames (book-frames.c). Each is probed once, before the book is
 * laid out, so that counting and drawing place every block the same way; drawing
 * with a sheet whose CR is NULL only moves the cursor. */
#ifndef DISPUTE_PRINT_BOOK_CONTENT_H
#define DISPUTE_PRINT_BOOK_CONTENT_H

#include <cjson/cJSON.h>

#include "sheet.h"

/* The common head of each kind's own structure. */
enum content_kind { CONTENT_PICTURE, CONTENT_PAGES, CONTENT_TEXT, CONTENT_FRAMES };
struct content {
	enum content_kind kind;
};

/* What PATH of type MIME shows, or NULL (after nothing) when it shows nothing but its
 * heading; *WHY_NOT is set when the file should show but cannot. */
struct content *content_probe(const cJSON *item, int *why_not);

/* Lays out or draws C from the sheet's cursor on; UNSHOWN is said in place of what
 * cannot be drawn after all. */
void content_show(struct sheet *s, struct content *c, const char *unshown);

void content_free(struct content *c);

/* The kinds, each in its own file. */
struct content *picture_probe(const char *path, const char *mime);
void picture_show(struct sheet *s, struct content *c, const char *unshown);
void picture_free(struct content *c);
/* The picture C fitted into the box (X, Y, W, H), centred; nothing when it does not
 * decode. */
void picture_show_in(struct sheet *s, struct content *c, double x, double y, double w,
    double h);

struct content *pages_probe(const char *path);
void pages_show(struct sheet *s, struct content *c, const char *unshown);
void pages_free(struct content *c);

struct content *text_probe(const char *path);
void text_show(struct sheet *s, struct content *c, const char *unshown);
void text_free(struct content *c);

/* FRAMES: [{"path": JPEG, "caption": "00:01:05"}], maybe empty. */
struct content *frames_probe(const cJSON *frames);
void frames_show(struct sheet *s, struct content *c, const char *unshown);
void frames_free(struct content *c);

/* Says TEXT in the body face where the content would be (the file cannot be shown). */
void content_say(struct sheet *s, const char *text);

/* Where a box of W x H points (at natural size) goes: scaled to the text width and
 * what is left of the page, or on a new page when that would shrink it much more
 * than a page of its own would; returns the scale and leaves the cursor at the box's
 * top. */
double content_place(struct sheet *s, double w, double h);

#endif
