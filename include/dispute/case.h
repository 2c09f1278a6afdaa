/* The case model: a case folder holds case.json (facts, evidence records, timeline)
 * and evidence/ (read-only copies of the evidence files). The record is kept as a
 * cJSON tree; this module loads it, checks its shape, locks it and saves it. */
#ifndef DISPUTE_CASE_H
#define DISPUTE_CASE_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#define CASE_FILE "case.json"
#define CASE_EVIDENCE_DIR "evidence"
#define CASE_LOCK_FILE ".dispute.lock"
#define CASE_SCHEMA "dispute-case/1"
/* case.json larger than this is refused as damaged rather than read into memory. */
#define CASE_FILE_MAX (64u * 1024 * 1024)

enum case_access {
	CASE_READ,  /* shared lock: readers never see a half-applied change */
	CASE_WRITE  /* exclusive lock held until case_close() */
};

/* An open case: its folder, its lock and its record (opaque; see the functions below). */
struct dispute_case;

/* Creates DIR (if needed), DIR/case.json and DIR/evidence/, owner-only. Refuses when
 * DIR already holds a case.json. */
int case_create(const char *dir, const char *created_at);

/* Locks and loads the case in DIR. A damaged case.json is reported with file, line and
 * column and left untouched. */
int case_open(const char *dir, enum case_access access, struct dispute_case **out);

/* Writes the record back atomically (temporary file, fsync, rename). */
int case_save(struct dispute_case *c);

/* Releases the lock and frees everything. Accepts NULL. */
void case_close(struct dispute_case *c);

/* The case folder as given, and its case.json. */
const char *case_dir(const struct dispute_case *c);
const char *case_file(const struct dispute_case *c);

/* The whole record, which the functions of this header and the evidence module change. */
cJSON *case_record(const struct dispute_case *c);

/* Puts RECORD (taking ownership) in place of the record, e.g. to undo a change that
 * could not be saved; the old record is freed. */
void case_replace_record(struct dispute_case *c, cJSON *record);

/* The SHA-256 (lowercase hex) of case.json as last read or saved, for the dossier: it
 * vouches for the file exactly as the buyer keeps it, which it reads again and checks
 * against this. *LEN gets the file's length. Only for a case opened CASE_WRITE; of one
 * opened to read, the empty string and 0. */
const char *case_text_sha256(const struct dispute_case *c, uint64_t *len);

/* The string value at dotted NAME ("order.amount"), or NULL when unset. */
const char *case_get(const struct dispute_case *c, const char *name);

/* Sets dotted NAME to VALUE (a copy), creating the section object when needed. */
int case_set(struct dispute_case *c, const char *name, const char *value);

/* Removes dotted NAME; succeeds when it was not set. */
void case_unset(struct dispute_case *c, const char *name);

/* The evidence and timeline arrays (never NULL for an opened case). */
cJSON *case_evidence(const struct dispute_case *c);
cJSON *case_timeline(const struct dispute_case *c);

/* Malloc'd path of REL inside the case folder. */
char *case_path(const struct dispute_case *c, const char *rel);

/* The path of the case's own folder REL (timestamps/, derived/), made owner-only when
 * CREATE and missing; NULL after an error when it cannot be made or is a symbolic link
 * or not a folder: files written or read through a link would land somewhere else. */
char *case_own_dir(const struct dispute_case *c, const char *rel, int create);

#endif
