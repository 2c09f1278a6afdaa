/* Pictures of text read offline, by the helper program dispute-ocr (Tesseract with its
 * Chinese and English models, src/helpers/ocr): the text of each picture line by line,
 * every line and word with its box in the picture's stored pixels and Tesseract's
 * confidence (0 to 100), in the picture as it is shown (turned upright as its EXIF
 * orientation says). Nothing leaves the machine; dispute itself never loads
 * Tesseract. */
#ifndef DISPUTE_OCR_H
#define DISPUTE_OCR_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Below this a line's text is not trusted: no fact is suggested from it, and a picture
 * whose text averages below it is not published even redacted. Tesseract's own scale;
 * clean screenshots read at 85 to 96. */
#define OCR_CONFIDENCE_MIN 70

/* Hands the reading of PATHS[INDEX] to its caller, which takes READING: an object
 * {"engine", "languages", "confidence", "width", "height", "lines": [{"text",
 * "confidence", "box": [x0, y0, x1, y1], "words": [...]}]}. READING is NULL when the
 * picture could not be read; WHY then says why, in the user's language. */
typedef int (*ocr_fn)(size_t index, cJSON *reading, const char *why, void *ctx);

/* Reads the COUNT pictures at PATHS, each turned upright first as its EXIF orientation
 * in ORIENTATIONS says (1 to 8; NULL: all 1), so that a photo taken with the phone held
 * upright reads, and the boxes are those of the picture as it is shown; in one run of the helper and hands each to ON_READING, in
 * order. DISPUTE_FAILED (after one error) only when the helper cannot be run, memory
 * runs out or ON_READING fails. */
int ocr_read(const char *const *paths, const int *orientations, size_t count,
    ocr_fn on_reading, void *ctx);

#endif
