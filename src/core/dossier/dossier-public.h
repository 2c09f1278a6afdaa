/* The public copy of a dossier (dossier-public.c). */
#ifndef DISPUTE_DOSSIER_PUBLIC_H
#define DISPUTE_DOSSIER_PUBLIC_H

#include "dispute/case.h"
#include "dispute/dossier.h"
#include "dossier-bag.h"

/* The public copy's payload: the public post, metadata-free copies of the defect photos,
 * and data/sources.txt mapping each copy to its original's SHA-256. */
int dossier_public_payload(struct dossier_bag *b, const struct dispute_case *c,
    const struct dossier_inputs *in);

#endif
