/* A picture's copy in the public copy of a dossier, without metadata (strip.h). */
#ifndef DISPUTE_PUBLIC_COPY_H
#define DISPUTE_PUBLIC_COPY_H

#include <stddef.h>

#include "dossier-bag.h"

/* Adds to B under NAME the copy of the JPEG or PNG DATA (from PATH, named in messages)
 * without metadata, stored uncompressed: the helpers write none, and this does not
 * take their word for it. */
int public_add_copy(struct dossier_bag *b, const char *path, const char *name,
    const unsigned char *data, size_t len);

#endif
