/* Private to the bag verifier: the reader interface that lets one judge work on both a
 * zip (bag-zip.c) and a folder (bag-folder.c), what they share (bag-common.c), and the
 * state the tag-file parser (bag-tags.c) hands to the judge (bag-verify.c). Not
 * installed. */
#ifndef DISPUTE_BAG_INTERNAL_H
#define DISPUTE_BAG_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "dispute/bag.h"
#include "digest.h"

/* Whole-file reads are only for tag files; a bigger one is refused rather than let a
 * hostile bag make us allocate without bound. */
#define BAG_TAG_FILE_MAX ((size_t)16 * 1024 * 1024) /* about 160,000 manifest lines */
/* Payload and tag files are streamed through the digests in chunks of this size. */
#define BAG_CHUNK ((size_t)64 * 1024)
/* Room for a reason such as a libzip or strerror() message. */
#define BAG_WHY_MAX 160

/* One regular file of the bag. NAME is relative to the bag folder, '/'-separated,
 * valid UTF-8 and free of ".", ".." and empty components. */
struct bag_entry {
	char *name;
	uint64_t index; /* the zip entry index; unused by the folder backend */
	uint64_t size;  /* the bytes to read (a zip entry's stored bytes): the verifier
			 * hashes the largest first */
};

struct bag_reader;

/* An open entry; lives on the caller's stack so that opening needs no allocation. */
struct bag_stream {
	struct bag_reader *reader;
	void *zf;      /* zip_file_t * for the zip backend */
	void *inflate; /* the zip backend's own reader, for the entries it reads itself
			* rather than through libzip (bag-zip.c says which) */
	int fd;        /* for the folder backend */
};

/* open and read return DISPUTE_FAILED with the reason in WHY (BAG_WHY_MAX bytes)
 * when the entry cannot be read. That is a fact about the bag, not a failure of the
 * verification: the judge turns it into a problem and goes on. */
struct bag_reader_ops {
	int (*open)(struct bag_reader *reader, const struct bag_entry *entry,
	    struct bag_stream *stream, char *why);
	/* *GOT == 0 on success is the end of the entry. */
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
	int unjudged;              /* the container itself was refused (its problem says
				    * why): nothing in it is judged */
	void *impl;
};

/* The backends: fill READER's entries (through bag_push_entry() and
 * bag_sort_entries()), ops and impl. Same contract as bag_reader_open(). A folder's
 * files are never encrypted: the folder backend has no use for PASSWORD. */
int bag_zip_open(const char *path, const char *password, struct bag_report *report,
    struct bag_reader *reader);
int bag_folder_open(const char *path, const char *password, struct bag_report *report,
    struct bag_reader *reader);
/* More entries than any dossier holds: judging them would cost memory and time in
 * proportion, so such a zip is refused after reading its end record. */
#define BAG_ZIP_ENTRY_MAX 100000

/* The entry count of the zip open on FD, from its end record; *FOUND is 0 when the
 * file has none, and *CUT then says whether it starts with a zip entry and has no end
 * record at all, as a zip cut short or still being written. bag-zip-layout.c. */
int bag_zip_entry_count(int fd, const char *path, uint64_t *count, int *found, int *cut);
/* Where an entry's data lies, as the layout check found it, and its WinZip AES record. */
struct bag_zip_extent {
	uint64_t data_at, size; /* the stored (compressed, encrypted) bytes */
	uint32_t crc;
	int aes_strength;       /* 1, 2, 3 (AES-128, -192, -256); 0: not AES */
	unsigned method;        /* the compression method under the encryption */
	int encrypted;          /* the entry's encryption flag (AES or traditional) */
};

/* Checks that the zip open on FD, whose central directory libzip read as ENTRIES
 * entries and whose bag folder is ROOT (may be NULL), reads the same from its local headers: each entry's local header agrees with
 * its central record, no two entries share bytes, no byte belongs to no entry, and, when
 * some entries are encrypted, all files are. Problems go to REPORT; REFUSED[i] is set for
 * each entry i that must not be read, and EXTENTS[i] filled for every other. */
int bag_zip_check_layout(int fd, const char *path, const char *root, uint64_t entries,
    struct bag_report *report, unsigned char *refused, struct bag_zip_extent *extents);

/* Appends a copy of NAME, SIZE bytes to read, to READER's entries; *CAP is the allocated
 * length. */
int bag_push_entry(struct bag_reader *reader, size_t *cap, const char *name, uint64_t index,
    uint64_t size);
/* Sorts the entries and drops repeated names, reporting them as unsafe. */
int bag_sort_entries(struct bag_reader *reader, struct bag_report *report);

/* Opens PATH as a zip or a folder and lists its regular files into *READER. Entries
 * that cannot be part of the bag (links, names escaping it, files outside the zip's
 * bag folder, duplicates) are added to REPORT as problems and left out of the list.
 * Returns DISPUTE_FAILED after dispute_error() when PATH cannot be opened at all or
 * memory runs out. */
int bag_reader_open(const char *path, const char *password, struct bag_report *report,
    struct bag_reader **reader);
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
/* Why NAME (LEN bytes, may hold NULs) could escape a bag or be read differently by
 * another tool: a noun phrase such as "absolute path" or "'..' component", or NULL
 * when it is a plain relative path. */
const char *bag_name_unsafe(const char *name, size_t len);

/* dispute_error("out of memory"); returns DISPUTE_FAILED. */
int bag_out_of_memory(void);
/* qsort()/bsearch() comparison of two char * elements. */
int bag_strcmp_ptr(const void *a, const void *b);

/* Names PATH among REPORT's uncovered tag files. */
int bag_add_uncovered(struct bag_report *report, const char *path);

/* Empties REPORT's problem list, keeping its other members. */
void bag_report_drop_problems(struct bag_report *report);

/* The checksum algorithms a manifest may use, by index. */
enum { BAG_ALG_COUNT = 14 };
struct bag_algorithm {
	const char *name; /* as in manifest-NAME.txt */
	const char *evp;  /* OpenSSL's name for it */
	size_t hex_len;   /* length of a checksum in hex */
};
extern const struct bag_algorithm bag_algorithms[BAG_ALG_COUNT];

/* At most one payload and one tag manifest per algorithm. */
#define BAG_MANIFEST_MAX (2 * BAG_ALG_COUNT)

struct bag_manifest {
	const char *file; /* "manifest-sha256.txt": points into the reader's entries */
	int alg;          /* index into bag_algorithms */
	int tag;          /* a tag manifest */
};

/* One line of a manifest: PATH should have checksum HEX (lowercase). */
struct bag_listing {
	char *path;
	size_t manifest;  /* index into the judge's manifests */
	unsigned line;
	char hex[DIGEST_HEX_MAX];
};

/* One file the judge needs hashed: bag-verify.c lists them in the order it judges
 * paths, bag-hash.c fills in the results, and the judge reads them in that order, so
 * that nothing it reports depends on which thread hashed what when. */
struct bag_hash_job {
	const struct bag_entry *entry;
	const struct bag_listing *listed; /* its manifest lines, COUNT of them */
	size_t count;
	unsigned algs;    /* a bit per bag_algorithms index */
	uint64_t bytes;   /* read from it */
	uint32_t differs; /* bit I: the checksum of LISTED[I] differs */
	char *why;        /* malloc'd: why it cannot be read; NULL when it could */
};

/* What judging one bag needs, shared by bag-tags.c, bag-verify.c and bag-hash.c. */
struct bag_judge {
	struct bag_report *report;
	struct bag_reader *reader;
	const char *encoding;      /* iconv name of the tag files' encoding */
	int percent_paths;         /* BagIt 1.0 percent-encodes CR, LF and % in paths */
	int version1;              /* BagIt 1.0 or later (or no version): a repeated
				    * manifest line is an error, in 0.97 a warning */
	struct bag_manifest manifests[BAG_MANIFEST_MAX];
	size_t manifest_count;
	size_t payload_manifests;
	struct bag_listing *listings;
	size_t listing_count, listing_cap;
	char **fetched;            /* sorted paths listed in fetch.txt */
	size_t fetched_count, fetched_cap;
	unsigned threads;          /* hashing threads; 0: one per online core */
	struct bag_hash_job *jobs; /* in the order the paths are judged */
	size_t job_count, job_cap;
	size_t judged_jobs;        /* the jobs whose results are judged already */
};

/* bagit.txt: version, encoding; *FOUND says whether the bag has one. */
int bag_judge_bagit(struct bag_judge *j, int *found);
/* Registers the manifests at the top of the bag; *ANY says whether there is one. */
int bag_find_manifests(struct bag_judge *j, int *any);
/* Reads and parses every registered manifest into the listings. */
int bag_load_manifests(struct bag_judge *j);
/* Sorts the listings by path for the merge with the sorted entries, dropping repeats
 * (reported); again after bag-verify.c renamed some. */
int bag_sort_listings(struct bag_judge *j);
/* fetch.txt: each listed file is incomplete rather than missing. */
int bag_judge_fetch(struct bag_judge *j);
int bag_is_fetched(const struct bag_judge *j, const char *path);
/* bag-info.txt: the Payload-Oxum against the payload actually found. */
int bag_judge_bag_info(struct bag_judge *j);
/* Hashes the files of the COUNT JOBS on THREADS threads (0: one per online core), the
 * largest first, each through a buffer of BAG_CHUNK bytes of its thread's. Unreadable
 * files are results (WHY); DISPUTE_FAILED means a digest could not run or memory ran
 * out (already reported). */
int bag_hash_files(const struct bag_judge *j, struct bag_hash_job *jobs, size_t count,
    unsigned threads);

#endif
