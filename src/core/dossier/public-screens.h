/* Order and chat screenshots in the public copy of a dossier (dossier-public.c),
 * redacted: the text is read (the reading `dispute read` kept, else read now, never
 * saved), the boxes that hold private data (redact.h) are filled solid black in a copy
 * encoded again as PNG without metadata (cover.h), and sources.txt says of each copy
 * which original it comes from and what was covered. A screenshot whose text was read
 * with a confidence below OCR_CONFIDENCE_MIN is left out with a warning: nobody can
 * vouch for what its unread text shows. */
#ifndef DISPUTE_PUBLIC_SCREENS_H
#define DISPUTE_PUBLIC_SCREENS_H

#include <stdio.h>

#include "dispute/case.h"
#include "dossier-bag.h"

/* Adds C's redacted screenshots to B as data/screens/ID-KIND.png, each with its line
 * in SOURCES. */
int public_add_screens(struct dossier_bag *b, const struct dispute_case *c, FILE *sources);

#endif
