/* Private to the dossier writer: the bag being built, shared by dossier.c (the full
 * dossier) and dossier-public.c (the public copy). */
#ifndef DISPUTE_DOSSIER_INTERNAL_H
#define DISPUTE_DOSSIER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "dispute/case.h"
#include "digest.h"

/* One file of the bag: either an evidence file streamed from disk or bytes in memory. */
struct entry {
	char *name;              /* path inside the bag: "data/evidence/E01-defect.jpg" */
	char *disk_path;         /* evidence file, or NULL for in-memory content */
	char *data;              /* in-memory content, owned */
	size_t len;
	uint64_t size;
	char sha256[DIGEST_HEX_MAX];
	int compress;            /* deflate (text) or store (already-compressed media) */
	int is_payload;
};

struct bag {
	struct entry *entries;
	size_t count, cap;
	uint64_t payload_bytes;
	size_t payload_files;
};

/* Adds in-memory content under NAME, taking ownership of DATA. */
int bag_add_memory(struct bag *b, const char *name, char *data, size_t len, int is_payload);

/* Whether content of type MIME is worth deflating (text) or is stored (media). */
int worth_compressing(const char *mime);

/* The public copy's payload: the public post, metadata-free copies of the defect photos,
 * and data/sources.txt mapping each copy to its original's SHA-256. */
int public_payload(struct bag *b, const struct dispute_case *c, const char *date);

#endif
