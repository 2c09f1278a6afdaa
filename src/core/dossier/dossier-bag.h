/* The bag being built by the dossier writer, shared by dossier.c (the full dossier)
 * and dossier-public.c (the public copy). Not the verifier's bag (src/core/bag). */
#ifndef DISPUTE_DOSSIER_BAG_H
#define DISPUTE_DOSSIER_BAG_H

#include <stddef.h>
#include <stdint.h>

#include "digest.h"
#include "dossier-spool.h"

/* One file of the bag: either a file streamed from disk (the evidence) or a generated
 * one, SIZE bytes at OFFSET in the bag's spool. */
/* One file of the bag; a dossier of 5,000 items has as many and more, held until the
 * zip is written. */
struct dossier_entry {
	char *name;              /* path inside the bag: "data/evidence/E01-defect.jpg" */
	char *disk_path;         /* evidence file, or NULL for generated content */
	uint64_t offset;         /* generated content: where it is in the spool */
	uint64_t size;
	char sha256[SHA256_HEX_LEN + 1];
	unsigned char compress;  /* deflate (text) or store (already-compressed media) */
	unsigned char is_payload;
	unsigned char temporary; /* DISK_PATH is a temporary file of ours, removed with B */
};

struct dossier_bag {
	struct dossier_entry *entries;
	size_t count, cap;
	uint64_t payload_bytes;
	size_t payload_files;
	struct dossier_spool spool;
};

/* A generated file written into the bag in pieces, hashed as they go by. Only one at
 * a time: nothing else may be added to the bag between begin and end. */
struct dossier_writer {
	struct dossier_bag *bag;
	uint64_t start;
	struct digest digest;
};

/* An empty bag whose generated files go to a spool in DIR (borrowed). */
void dossier_bag_init(struct dossier_bag *b, const char *dir);

/* Room for COUNT more entries, so that a bag whose size is known grows once.
 * DISPUTE_FAILED after reporting. */
int dossier_bag_reserve(struct dossier_bag *b, size_t count);

/* A new, zeroed entry named NAME at the end of B, or NULL after reporting. */
struct dossier_entry *dossier_bag_new_entry(struct dossier_bag *b, const char *name);

/* Adds in-memory content under NAME, taking ownership of DATA, which is written to the
 * spool and freed at once (also on failure). */
int dossier_bag_add_memory(struct dossier_bag *b, const char *name, char *data, size_t len,
    int is_payload);

/* The same without taking DATA over. */
int dossier_bag_add_bytes(struct dossier_bag *b, const char *name, const void *data, size_t len,
    int is_payload);

int dossier_writer_begin(struct dossier_bag *b, struct dossier_writer *w);
int dossier_writer_write(struct dossier_writer *w, const void *data, size_t len);
/* Adds what W wrote under NAME, deflated; W is finished either way. */
int dossier_writer_end(struct dossier_writer *w, const char *name, int is_payload);
/* Forgets what W wrote, after a failure. */
void dossier_writer_cancel(struct dossier_writer *w);

/* A malloc'd, NUL-terminated copy of the generated entry E. */
int dossier_bag_read(struct dossier_bag *b, const struct dossier_entry *e, char **data);

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
