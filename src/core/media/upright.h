/* Photos turned upright for the public copy of a dossier, by the helper program
 * dispute-image (GdkPixbuf, src/helpers/image). The public copy strips every piece of
 * metadata, the EXIF orientation too, so a photo whose stored pixels are turned or
 * mirrored (a phone held upright stores them on their side) would be shown that way:
 * such a JPEG is decoded whole, turned as its orientation says and encoded again as a
 * JPEG at quality 92 without any metadata. Photos over 64 megapixels are refused from
 * their header. */
#ifndef DISPUTE_UPRIGHT_H
#define DISPUTE_UPRIGHT_H

#include <stddef.h>

/* Hands the upright JPEG of PATHS[INDEX], LEN bytes that the caller copies if it keeps
 * them. */
typedef int (*upright_fn)(size_t index, const char *jpeg, size_t len, void *ctx);

/* Turns the COUNT JPEG photos at PATHS upright in one run of the helper and hands each
 * to ON_UPRIGHT, in order. DISPUTE_FAILED after one error naming the photo when one
 * cannot be turned (it does not decode, is too large, or the decoder crashed or ran out
 * of its limits), or when the helper cannot be run, memory runs out or ON_UPRIGHT
 * fails. A damaged photo, part of which the decoder had to make up, comes with a
 * warning. */
int upright_make(const char *const *paths, size_t count, upright_fn on_upright, void *ctx);

#endif
