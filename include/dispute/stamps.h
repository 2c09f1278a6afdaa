/* Trusted time at intake (RFC 3161). Each add-evidence writes, in the case's
 * timestamps/ folder, NNN.txt, the list of the files it took in as `sha256sum` prints
 * them ("SHA256  evidence/E01-defect.jpg", so `sha256sum -c` checks it from the case
 * folder), and NNN.tsq, a request for the SHA-256 of that list with a nonce. The reply
 * of a timestamp authority, checked against both, is kept as NNN.tsr: it proves that
 * every file on the list existed, with those bytes, at the time it names. A request
 * without a reply is pending. The dossier carries the three under data/timestamps/. */
#ifndef DISPUTE_STAMPS_H
#define DISPUTE_STAMPS_H

#include <stddef.h>

#include "dispute/bag.h"
#include "dispute/case.h"

#define STAMPS_DIR "timestamps"
#define STAMPS_CONTENT_TYPE "application/timestamp-query"
/* The largest list (a line of about 90 bytes per file added) or reply that is read. */
#define STAMPS_FILE_MAX (16 * 1024 * 1024)

/* Writes the list and the request for the last COUNT items of C's evidence, the ones
 * one add-evidence just recorded, and says how to send it. */
int stamps_request(const struct dispute_case *c, int count);

/* The names ("001") of C's requests in order, only those without a reply when
 * PENDING_ONLY. */
struct stamp_names {
	char **names;
	size_t count;
};
int stamps_list(const struct dispute_case *c, int pending_only, struct stamp_names *out);
void stamp_names_free(struct stamp_names *n);

/* Sends each pending request to the authority at URL (HTTP POST, RFC 3161 §3.4) through
 * the helper dispute-net, and keeps each reply that checks out; stops at the first that
 * fails. */
int stamps_send(const struct dispute_case *c, const char *url);

/* Takes the reply in the file TSR_PATH, obtained by other means: finds the request it
 * answers by its imprint, checks it and keeps it. */
int stamps_attach(const struct dispute_case *c, const char *tsr_path);

/* Hands FN each of C's timestamp files ("001.tsq") with its bytes (FN owns them), in
 * order: pack puts them in the dossier. */
typedef int (*stamps_file_fn)(const char *name, char *data, size_t len, void *ctx);
int stamps_for_each_file(const struct dispute_case *c, stamps_file_fn fn, void *ctx);

/* What the timestamps prove of each item: the earliest time a checked reply vouches
 * for (WHEN, "2026-12-03 08:30:01 UTC", empty for none) and that reply, else the
 * request still waiting for one. */
struct stamp_proof {
	char *id;      /* "E01" */
	char *file;    /* "evidence/E01-defect.jpg" */
	char *sha256;
	char when[64];
	char *reply;   /* "timestamps/001.tsr", or NULL */
	char *pending; /* "timestamps/002.tsq", or NULL */
};
struct stamp_report {
	struct stamp_proof *items;
	size_t count;
	size_t requests; /* the timestamp requests found */
	size_t replies;  /* the replies among them, checked or not */
};

/* Checks every reply of the case folder C against its request, its list and the
 * evidence records, with the signature chained to CA_PATH when given. A reply or list
 * that does not match is a problem in PROBLEMS. DISPUTE_FAILED only when the check
 * could not run; free OUT with stamp_report_free() either way. */
int stamps_verify_case(const struct dispute_case *c, const char *ca_path,
    struct stamp_report *out, struct bag_report *problems);

/* The same for the dossier zip PATH (top folder ROOT), against its payload manifest,
 * which the caller has judged intact. */
int stamps_verify_bag(const char *path, const char *password, const char *root,
    const char *ca_path, struct stamp_report *out, struct bag_report *problems);

void stamp_report_free(struct stamp_report *r);

#endif
