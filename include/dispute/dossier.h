/* The dossier: a zip holding one folder that is a BagIt 1.0 bag (RFC 8493) with the
 * evidence, case.json and a plain-text timeline as payload. The same case and date
 * always give a byte-identical zip. */
#ifndef DISPUTE_DOSSIER_H
#define DISPUTE_DOSSIER_H

#include "dispute/case.h"

struct dossier_options {
	const char *output;  /* path of the zip; NULL: dispute-<order.id>-<YYYYMMDD>.zip in
	                      * DIRECTORY */
	const char *directory; /* NULL: the current folder */
	const char *date;    /* the bagging date, YYYY-MM-DD */
	int public_copy;      /* the public copy instead: the public post and metadata-free
	                       * photos only, named by the masked order number */
	const char *password; /* encrypt every entry with WinZip AES-256; NULL: no encryption.
	                       * Entry names stay readable in an encrypted zip. */
};

/* Writes the dossier for case C (opened for reading). Every evidence file is hashed as
 * it streams into the zip and compared with its record; any difference, a missing file
 * or any other failure leaves no file under the final name. On success *WRITTEN holds
 * the malloc'd path of the dossier, and DOSSIER.tsq beside it holds an RFC 3161
 * timestamp request over the bag's tag manifest. */
int dossier_write(const struct dispute_case *c, const struct dossier_options *options,
    char **written);

/* The bag's folder name for ORDER_ID and DATE ("dispute-<order.id>-<YYYYMMDD>SUFFIX"),
 * with every character that is unsafe in a file name replaced by '_'. Malloc'd. */
char *dossier_name(const char *order_id, const char *date, const char *suffix);

#endif
