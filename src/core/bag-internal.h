/* Private to the bag verifier: the reader interface that lets one judge (bag-verify.c)
 * work on both a zip and a folder (the two backends are in bag-read.c), plus the text
 * helpers both halves need. Nothing here is installed or used outside src/core/bag-*.c. */
#ifndef DISPUTE_BAG_INTERNAL_H
#define DISPUTE_BAG_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "dispute/bag.h"

/* Whole-file reads are only for tag files; a bigger one is refused rather than let a
 * hostile bag make us allocate without bound. */
#define BAG_TAG_FILE_MAX ((size_t)64 * 1024 * 1024)
/* Payload and tag files are streamed through the digests in chunks of this size. */
#define BAG_CHUNK ((size_t)64 * 1024)
/* Room for a reason such as a libzip or strerror() message. */
#define BAG_WHY_MAX 160

/* One regular file of the bag. NAME is relative to the bag folder, '/'-separated,
 * valid UTF-8 and free of ".", ".." and empty components. */
struct bag_entry {
	char *name;
	uint64_t index; /* the zip entry index; unused by the folder backend */
};

struct bag_reader;

/* An open entry; lives on the caller's stack so that opening needs no allocation. */
struct bag_stream {
	struct bag_reader *reader;
	void *zf; /* zip_file_t * for the zip backend */
	int fd;   /* for the folder backend */
};

/* A failure to read one entry is a fact about the bag, not a failure of the
 * verification: these return DISPUTE_OK with a non-empty WHY, which the judge turns
 * into a problem. They never return anything else but DISPUTE_OK. */
struct bag_reader_ops {
	int (*open)(struct bag_reader *reader, const struct bag_entry *entry,
	    struct bag_stream *stream, char *why);
	/* *GOT == 0 with an empty WHY is the end of the entry. */
	int (*read)(struct bag_stream *stream, void *buf, size_t len, size_t *got, char *why);
	void (*close)(struct bag_stream *stream);
	void (*destroy)(struct bag_reader *reader);
};

struct bag_reader {
	const struct bag_reader_ops *ops;
	char *root;                /* the zip's top-level folder, NULL for a folder bag */
	struct bag_entry *entries; /* sorted by strcmp() on NAME, no duplicates */
	size_t entry_count;
	int has_data_dir;          /* a data/ folder exists, even if empty */
	void *impl;
};

/* Opens PATH as a zip or a folder and lists its regular files into *READER. Entries
 * that cannot be part of the bag (links, names escaping it, files outside the zip's
 * bag folder, duplicates) are added to REPORT as problems and left out of the list.
 * Returns DISPUTE_FAILED after dispute_error() when PATH cannot be opened at all or
 * memory runs out. */
int bag_reader_open(const char *path, struct bag_report *report, struct bag_reader **reader);
void bag_reader_close(struct bag_reader *reader);
const struct bag_entry *bag_reader_find(const struct bag_reader *reader, const char *name);

/* Reads a whole tag file into *DATA (NUL-terminated, *LEN without the NUL). A file
 * larger than BAG_TAG_FILE_MAX or unreadable sets WHY and returns DISPUTE_OK with
 * *DATA NULL; DISPUTE_FAILED means out of memory (already reported). */
int bag_read_whole(struct bag_reader *reader, const struct bag_entry *entry,
    char **data, size_t *len, char *why);

/* Converts LEN bytes of IN from ENCODING (an iconv name) to UTF-8 in *OUT (NUL-
 * terminated). Text that is not valid in ENCODING sets WHY and returns DISPUTE_OK
 * with *OUT NULL; DISPUTE_FAILED means out of memory (already reported). */
int bag_to_utf8(const char *encoding, const char *in, size_t len, char **out,
    size_t *out_len, char *why);
int bag_utf8_valid(const char *s, size_t len);
/* Why NAME (LEN bytes, may hold NULs) could escape a bag or be read differently by
 * another tool: a noun phrase such as "absolute path" or "'..' component", or NULL
 * when it is a plain relative path. */
const char *bag_name_unsafe(const char *name, size_t len);

/* Adds a problem to REPORT; PATH may be NULL. Returns DISPUTE_FAILED after
 * dispute_error() when memory runs out. */
int bag_add_problem(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
