/* The bag being built by the dossier writer, shared by dossier.c (the full dossier)
 * and dossier-public.c (the public copy). Not the verifier's bag (src/core/bag). */
#ifndef DISPUTE_DOSSIER_BAG_H
#define DISPUTE_DOSSIER_BAG_H

#include <stddef.h>
#include <stdint.h>

#include "digest.h"

/* One file of the bag: either an evidence file streamed from disk or bytes in memory. */
struct dossier_entry {
	char *name;              /* path inside the bag: "data/evidence/E01-defect.jpg" */
	char *disk_path;         /* evidence file, or NULL for in-memory content */
	char *data;              /* in-memory content, owned */
	size_t len;
	uint64_t size;
	char sha256[DIGEST_HEX_MAX];
	int compress;            /* deflate (text) or store (already-compressed media) */
	int is_payload;
	int temporary;           /* DISK_PATH is a temporary file of ours, removed with B */
};

struct dossier_bag {
	struct dossier_entry *entries;
	size_t count, cap;
	uint64_t payload_bytes;
	size_t payload_files;
};

/* A new, zeroed entry named NAME at the end of B, or NULL after reporting. */
struct dossier_entry *dossier_bag_new_entry(struct dossier_bag *b, const char *name);

/* Adds in-memory content under NAME, taking ownership of DATA. */
int dossier_bag_add_memory(struct dossier_bag *b, const char *name, char *data, size_t len,
    int is_payload);

/* Adds the temporary file PATH (from fs_create_temp(), taken over: removed and
 * released with B) under NAME, as payload, with its digest and size. */
int dossier_bag_add_temporary(struct dossier_bag *b, const char *name, char *path);

/* Adds the manifest NAME over the payload entries (PAYLOAD) or the tag files, in bag
 * order. */
int dossier_bag_add_manifest(struct dossier_bag *b, const char *name, int payload);

/* Puts the entries in name order, the order of the manifests and the zip. */
void dossier_bag_sort(struct dossier_bag *b);

void dossier_bag_free(struct dossier_bag *b);

/* Whether content of type MIME is worth deflating (text) or is stored (media). */
int dossier_worth_compressing(const char *mime);

#endif
