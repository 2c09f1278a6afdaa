/* Evidence intake: what a file really is (libmagic), whether its kind allows that
 * type, and a read-only, fingerprinted copy in the case's evidence/ folder. */
#ifndef DISPUTE_EVIDENCE_H
#define DISPUTE_EVIDENCE_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

struct evidence_kind {
	const char *name;             /* "defect" */
	const char *label_zh;         /* "商品问题照片/视频", used in documents */
	const char *label_en;
	const char *source_zh;        /* where such evidence comes from (证据来源) */
	const char *source_en;
	const char *proves_zh;        /* what it usually proves, when --proves was not given */
	const char *proves_en;
	const char *const *allowed;   /* MIME type patterns for fnmatch(3), NULL-terminated */
	const char *allowed_text;     /* "images and videos", for messages */
	const char *form;             /* what is submitted, when --form was not given:
	                               * "original", "copy" or "electronic" */
};

/* What is submitted for an item (原件, 复印件 or 电子数据), for the evidence list. */
struct evidence_form {
	const char *name;     /* "original", "copy", "electronic" */
	const char *label_zh; /* "原件" */
	const char *label_en;
};

/* The forms, terminated by an entry with a NULL name. */
extern const struct evidence_form evidence_forms[];

/* The form called NAME, or NULL (also for NAME NULL). */
const struct evidence_form *evidence_form_find(const char *name);

#define EVIDENCE_COPIES_MAX 99 /* 份数 --copies takes */

/* The kinds, terminated by an entry with a NULL name. */
extern const struct evidence_kind evidence_kinds[];

const struct evidence_kind *evidence_kind_find(const char *name);

/* Why no kind takes files of type MIME (untranslated, for _()), or NULL. */
const char *evidence_type_refused(const char *mime);

/* Whether MIME matches one of KIND's patterns and is not refused by every kind. */
int evidence_kind_allows(const struct evidence_kind *kind, const char *mime);

/* The type a file of type MIME is recorded and stored as: "text/plain" for markup a
 * browser would run (HTML, XML), MIME itself otherwise. */
const char *evidence_recorded_type(const char *mime);

/* The extension to store a file of type MIME under, given the extension ORIGINAL_EXT
 * it came with (without dot, may be NULL or ""). Returns the preferred extension for
 * MIME and sets *MISMATCH when ORIGINAL_EXT names a different type. For a type it does
 * not know, ORIGINAL_EXT when it is plain and not a web document's (html, xml, svg
 * ...), else "txt" or "bin". The result points into a static table or into
 * ORIGINAL_EXT. */
const char *evidence_extension(const char *mime, const char *original_ext, int *mismatch);

/* The ways a file is obtained (add-evidence --method), NULL-terminated: "photo",
 * "screenshot", "screen-recording", "export", "scan". */
extern const char *const evidence_methods[];

/* Whether METHOD is one of them. */
int evidence_method_valid(const char *method);

/* METHOD's name in the user's language ("screen recording"), METHOD itself when it is
 * none of them. */
const char *evidence_method_name(const char *method);

struct evidence_request {
	const struct evidence_kind *kind;
	const char *note;    /* may be NULL */
	const char *proves;  /* may be NULL */
	/* The capture log (origin.h), each may be NULL: how the files were obtained (one
	 * of evidence_methods, checked by the caller), on what device, in what app. */
	const char *method, *device, *app;
	const char *source;  /* 证据来源, may be NULL: the kind's */
	const char *form;    /* an evidence_forms name, may be NULL: the kind's */
	int copies;          /* 份数, 0: not given (one) */
	int group;           /* the exhibit these files are parts of (证据N-k), 0: none */
	char *const *files;
	int file_count;
};

/* Adds every file of REQ to the case (opened for writing) and saves it, or adds none:
 * a refused file leaves evidence/ and case.json exactly as they were. */
int evidence_add(struct dispute_case *c, const struct evidence_request *req);

/* Removes item ID (e.g. "E03") and its copy, and saves the case. */
int evidence_remove(struct dispute_case *c, const char *id);

/* Whether evidence/NAME was left by an interrupted add-evidence or rm-evidence (a
 * number never recorded, or a removed item's copy): verify ignores it. */
int evidence_is_leftover(const struct dispute_case *c, unsigned long next, const char *name);

/* The first evidence number never given: NEXT for evidence_is_leftover(). */
unsigned long evidence_next_number(const struct dispute_case *c);

/* Clears such leftovers out of the way, only under the exclusive lock (CASE_WRITE):
 * a removed item's copy is deleted; a copy with an unrecorded number is moved to a
 * hidden ".leftover." name with a warning, never deleted. */
void evidence_clean_leftovers(struct dispute_case *c);

/* Whether the file at PATH, RECORD's copy, still has the SHA-256 recorded for it;
 * DISPUTE_FAILED after one error naming PATH and both hashes when it has not. */
int evidence_check_copy(const cJSON *record, const char *path);

/* The record with ID, or NULL. */
cJSON *evidence_find(const struct dispute_case *c, const char *id);

#endif
