/* The dossier: a zip holding one folder that is a BagIt 1.0 bag (RFC 8493) with the
 * evidence, case.json, a plain-text timeline, the drafts and the page as payload. The
 * same case and date always give a byte-identical zip. */
#ifndef DISPUTE_DOSSIER_H
#define DISPUTE_DOSSIER_H

#include <stddef.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "dispute/calendar.h"
#include "dispute/case.h"
#include "dispute/drafts.h"
#include "dispute/rules.h"

/* What a pack works from, built once and shared by the dossier and its public copy:
 * the drafts, the page and the public post all come from the same view, and the page
 * lists exactly the drafts the bag holds. */
struct dossier_inputs {
	const char *date;                      /* the bagging date, YYYY-MM-DD */
	time_t mtime;                          /* its midnight: the time of every zip entry */
	const struct rules *rules;
	const struct holiday_table *holidays;  /* as `dispute status` loads them */
	struct draft_view *view;               /* the template view as of DATE */
	const struct draft_kind *drafts[DRAFT_KIND_MAX]; /* the drafts the dossier holds */
	size_t draft_count;
	char *order_masked;                    /* the order number as the public may see it */
	char *bag_name;                        /* dispute-<order.id>-<YYYYMMDD>, or NULL */
	char *public_bag_name;                 /* dispute-<masked order>-<YYYYMMDD>-public */
	/* Set by dossier_inputs_check_date() when DATE is before what the dossier
	 * describes and the buyer packs it anyway: said on the page and in bag-info.txt.
	 * NULL: nothing to say. */
	char *date_warning_zh;
	char *date_warning_en;
};

/* Whether the dossier of IN holds the evidence book: when it holds the evidence list,
 * whose facts the book needs too. */
int dossier_has_book(const struct dossier_inputs *in);

/* Refuses IN's date when it is before the latest timeline entry or evidence intake
 * of C, naming that entry: letters dated then would tell of what had not happened.
 * With FORCE it warns instead and sets IN's date warnings. */
int dossier_inputs_check_date(const struct dispute_case *c, struct dossier_inputs *in,
    int force);

/* Names the bag (and its default file) by the masked order number, as the public copy
 * is: an encrypted zip keeps its entry names readable, and the full order number in
 * them would identify the buyer's order to anyone who sees the file. */
int dossier_inputs_seal(struct dossier_inputs *in);

/* Builds IN for case C packed on DATE with RULES and HOLIDAYS, which must outlive it.
 * Without order.id the bag names stay NULL: the page can be built, the dossier not. */
int dossier_inputs_build(const struct dispute_case *c, const struct rules *rules,
    const struct holiday_table *holidays, const char *date, struct dossier_inputs *in);
void dossier_inputs_free(struct dossier_inputs *in);

struct dossier_options {
	const char *output;    /* path of the zip ("-": standard output); NULL: the bag's
	                        * name + .zip in DIRECTORY, replaced if it exists */
	int force;             /* OUTPUT may replace an existing file */
	const char *directory; /* NULL: the current folder */
	int public_copy;       /* the public copy instead: the public post and metadata-free
	                        * photos only, named by the masked order number */
	const char *password;  /* encrypt every entry with WinZip AES-256; NULL: no encryption.
	                        * Entry names stay readable in an encrypted zip. */
};

/* Writes the dossier for case C (opened CASE_WRITE, as pack opens it: only then is the
 * digest of its case.json kept) from IN. The destination is judged
 * by output_check() first (with the timestamp request beside it, which is renewed with
 * the zip): a link, a device, the case's own files and, unless FORCE, an existing OUTPUT
 * are refused; a pipe, a FIFO or
 * "-" gets the zip streamed into it, without a timestamp request. Every evidence file is
 * hashed as it streams into the zip and compared with its record; any difference, a
 * missing file or any other failure leaves no file under the final name. On success
 * *WRITTEN holds the malloc'd path of the dossier (NULL when it was streamed), and
 * DOSSIER.tsq beside it holds an RFC 3161 timestamp request over the bag's tag
 * manifest. */
int dossier_write(const struct dispute_case *c, struct dossier_inputs *in,
    const struct dossier_options *options, char **written);

/* The bag's folder name for ORDER_ID and DATE ("dispute-<order.id>-<YYYYMMDD>SUFFIX"),
 * with every character that is unsafe in a file name replaced by '_'. Malloc'd. */
char *dossier_name(const char *order_id, const char *date, const char *suffix);

#endif
