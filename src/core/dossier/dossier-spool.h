/* The spool: the files the dossier writer generates (the page, the drafts, the
 * manifests, the record) one after another in one unlinked temporary file beside the
 * dossier, from which the zip reads them at the end. So nothing generated waits in
 * memory until the zip is written, however many items the case has. */
#ifndef DISPUTE_DOSSIER_SPOOL_H
#define DISPUTE_DOSSIER_SPOOL_H

#include <stddef.h>
#include <stdint.h>

struct dossier_spool {
	int fd;             /* -1 until the first byte is written */
	uint64_t end;       /* bytes written, the buffered ones included */
	const char *dir;    /* where the file is made; named in messages */
	char *buffer;       /* what is not yet in the file */
	size_t buffered;
};

/* A spool in DIR (borrowed: it must outlive S); nothing is created yet. */
void dossier_spool_init(struct dossier_spool *s, const char *dir);

/* Appends LEN bytes at the end, creating the file on the first call. */
int dossier_spool_append(struct dossier_spool *s, const void *data, size_t len);

/* Puts every buffered byte into the file, so that its descriptor can be read. */
int dossier_spool_flush(struct dossier_spool *s);

/* A malloc'd copy of the LEN bytes at OFFSET. */
int dossier_spool_read(struct dossier_spool *s, uint64_t offset, size_t len, char **data);

/* Closes the file, which then vanishes: it never had a name, or lost it at once. */
void dossier_spool_free(struct dossier_spool *s);

#endif
