/* BagIt bags (RFC 8493): judging a bag packed as a zip with one top-level folder,
 * or laid out as a folder on disk. The writer used by `dispute pack` is in dossier.h. */
#ifndef DISPUTE_BAG_H
#define DISPUTE_BAG_H

#include <stddef.h>
#include <stdint.h>

enum bag_problem_kind {
	BAG_ALTERED,    /* a file's checksum differs from its manifest line */
	BAG_MISSING,    /* a manifest names a file the bag lacks */
	BAG_EXTRA,      /* a payload file no manifest lists */
	BAG_OXUM,       /* Payload-Oxum disagrees with the payload */
	BAG_INCOMPLETE, /* fetch.txt lists files to be fetched */
	BAG_MALFORMED,  /* a required tag file is absent or unreadable, a bad line */
	BAG_UNSAFE      /* a name that escapes the bag: "..", absolute, backslash, link */
};

struct bag_problem {
	enum bag_problem_kind kind;
	char *path;   /* path inside the bag (UTF-8), or NULL for whole-bag problems */
	char *detail; /* one short English sentence fragment, no final period */
	char *shown;  /* the same in the language of the interface */
	char *file;   /* the tag file whose line LINE is at fault, or NULL */
	unsigned line; /* that line, from 1; 0 for none */
};

/* Something a verifier must not pass over in silence but that leaves the bag intact,
 * because the specification allows it or the files are the same. */
enum bag_warning_kind {
	BAG_WARN_DUPLICATE,    /* a 0.97 manifest repeats a line, with the same checksum */
	BAG_WARN_NORMALIZATION /* a name matches its manifest line only under Unicode
				* normalization (NFC vs NFD) */
};

struct bag_warning {
	enum bag_warning_kind kind;
	char *path;    /* the file the warning is about (a manifest), UTF-8 */
	unsigned line; /* its line, from 1; 0 for none */
	char *detail;  /* one short English sentence fragment, no final period */
	char *shown;   /* the same in the language of the interface */
};

struct bag_report {
	char *root;          /* the zip's top-level folder (NULL for a folder bag) */
	char *version;       /* BagIt-Version from bagit.txt, e.g. "1.0" */
	char *encoding;      /* Tag-File-Character-Encoding */
	char *algorithms;    /* payload manifest algorithms, comma-separated: "md5,sha256" */
	size_t payload_files;
	uint64_t payload_bytes;
	struct bag_problem *problems;
	size_t problem_count;
	/* Tag files (outside data/) that no tag manifest covers and that are not among the
	 * standard ones (bagit.txt, bag-info.txt, fetch.txt, the manifests), sorted. RFC
	 * 8493 allows them, so they leave the bag intact, but nothing vouches for what they
	 * say, so they are named. */
	char **uncovered;
	size_t uncovered_count;
	/* In the order found; they do not count against the bag being intact. */
	struct bag_warning *warnings;
	size_t warning_count;
};

/* Judges the bag at PATH, a zip file or a folder. Returns DISPUTE_OK when the bag could
 * be read and judged (REPORT->problem_count says whether it is intact), or
 * DISPUTE_FAILED after printing one error when PATH is not a readable zip or folder.
 * Never extracts to disk and never writes anywhere. The files are hashed on one thread
 * per online core; the report is the same whatever the number of threads. */
int bag_verify(const char *path, struct bag_report *report);

/* The most hashing threads bag_verify_encrypted() takes. */
#define BAG_THREADS_MAX 64

/* The same for a zip whose entries are encrypted (WinZip AES): PASSWORD (may be NULL)
 * decrypts them. A wrong password, or none for an encrypted zip, is reported and fails.
 * THREADS, from 1 to BAG_THREADS_MAX, hash the files (0: one per online core). */
int bag_verify_encrypted(const char *path, const char *password, unsigned threads,
    struct bag_report *report);

/* Reads the tag file NAME (e.g. "tagmanifest-sha256.txt") of the bag in the zip at PATH,
 * whose top folder is ROOT, into a malloc'd buffer of at most 16 MiB. */
int bag_zip_read_tag(const char *path, const char *password, const char *root,
    const char *name, char **data, size_t *len);

/* Whether the zip at PATH has encrypted entries, so that a password must be asked for. */
int bag_zip_is_encrypted(const char *path, int *encrypted);

void bag_report_free(struct bag_report *report);

/* Adds a problem to REPORT; PATH may be NULL. Also used for case folders, so that they
 * are reported like bags. Returns DISPUTE_FAILED after dispute_error() when memory runs
 * out. */
int bag_add_problem(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The same for a problem found on line LINE of the tag file FILE (a manifest, bagit.txt,
 * fetch.txt, bag-info.txt), which --json names apart from the detail. */
int bag_add_problem_at(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *file, unsigned line, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* "altered", "missing", "extra", "oxum", "incomplete", "malformed", "unsafe" */
const char *bag_problem_name(enum bag_problem_kind kind);

/* The same with the detail already written, in English and in the language of the
 * interface. */
int bag_add_problem_texts(struct bag_report *report, enum bag_problem_kind kind,
    const char *path, const char *detail, const char *shown);

/* Adds a warning about line LINE (0: none) of PATH to REPORT; as bag_add_problem(). */
int bag_add_warning(struct bag_report *report, enum bag_warning_kind kind, const char *path,
    unsigned line, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* "duplicate", "normalization" */
const char *bag_warning_name(enum bag_warning_kind kind);

#endif
