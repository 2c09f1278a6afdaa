/* The bag being built: its entries (evidence streamed from disk, everything else in
 * the spool), their digests, and the manifests over them. Shared by the dossier and its
 * public copy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "digest.h"
#include "dossier-bag.h"

void
dossier_bag_init(struct dossier_bag *b, const char *dir)
{
	memset(b, 0, sizeof *b);
	dossier_spool_init(&b->spool, dir);
}

static int
grow_to(struct dossier_bag *b, size_t cap)
{
	struct dossier_entry *grown;

	if (cap <= b->cap)
		return DISPUTE_OK;
	if (cap > SIZE_MAX / sizeof *grown ||
	    (grown = realloc(b->entries, cap * sizeof *grown)) == NULL)
		return dispute_oom();
	b->entries = grown;
	b->cap = cap;
	return DISPUTE_OK;
}

int
dossier_bag_reserve(struct dossier_bag *b, size_t count)
{
	if (count > SIZE_MAX - b->count)
		return dispute_oom();
	return grow_to(b, b->count + count);
}

struct dossier_entry *
dossier_bag_new_entry(struct dossier_bag *b, const char *name)
{
	struct dossier_entry *e;

	if (b->count == b->cap && grow_to(b, b->cap ? 2 * b->cap : 32) != DISPUTE_OK)
		return NULL;
	e = &b->entries[b->count];
	memset(e, 0, sizeof *e);
	e->name = strdup(name);
	if (e->name == NULL) {
		dispute_oom();
		return NULL;
	}
	b->count++;
	return e;
}

int
dossier_bag_add_temporary(struct dossier_bag *b, const char *name, char *path)
{
	struct dossier_entry *e = dossier_bag_new_entry(b, name);
	char hex[DIGEST_HEX_MAX];

	if (e == NULL) {
		unlink(path);
		fs_temp_release(path);
		return DISPUTE_FAILED;
	}
	e->disk_path = path;
	e->temporary = 1;
	e->compress = 0; /* a PDF of photos: deflating it again gains nothing */
	e->is_payload = 1;
	if (digest_file_sha256(path, hex, &e->size) != DISPUTE_OK)
		return DISPUTE_FAILED;
	memcpy(e->sha256, hex, SHA256_HEX_LEN);
	e->sha256[SHA256_HEX_LEN] = '\0';
	b->payload_bytes += e->size;
	b->payload_files++;
	return DISPUTE_OK;
}

int
dossier_writer_begin(struct dossier_bag *b, struct dossier_writer *w)
{
	w->bag = b;
	w->start = b->spool.end;
	return digest_init(&w->digest, "sha256");
}

int
dossier_writer_write(struct dossier_writer *w, const void *data, size_t len)
{
	digest_update(&w->digest, data, len);
	return dossier_spool_append(&w->bag->spool, data, len);
}

void
dossier_writer_cancel(struct dossier_writer *w)
{
	digest_free(&w->digest);
}

int
dossier_writer_end(struct dossier_writer *w, const char *name, int is_payload)
{
	struct dossier_bag *b = w->bag;
	struct dossier_entry *e = dossier_bag_new_entry(b, name);
	char hex[DIGEST_HEX_MAX];

	if (e == NULL) {
		dossier_writer_cancel(w);
		return DISPUTE_FAILED;
	}
	e->offset = w->start;
	e->size = b->spool.end - w->start;
	e->compress = 1;
	e->is_payload = is_payload;
	if (is_payload) {
		b->payload_bytes += e->size;
		b->payload_files++;
	}
	if (digest_final_hex(&w->digest, hex) != DISPUTE_OK)
		return DISPUTE_FAILED;
	memcpy(e->sha256, hex, SHA256_HEX_LEN);
	e->sha256[SHA256_HEX_LEN] = '\0';
	return DISPUTE_OK;
}

int
dossier_bag_add_bytes(struct dossier_bag *b, const char *name, const void *data, size_t len,
    int is_payload)
{
	struct dossier_writer w;

	if (dossier_writer_begin(b, &w) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (dossier_writer_write(&w, data, len) != DISPUTE_OK) {
		dossier_writer_cancel(&w);
		return DISPUTE_FAILED;
	}
	return dossier_writer_end(&w, name, is_payload);
}

int
dossier_bag_add_memory(struct dossier_bag *b, const char *name, char *data, size_t len,
    int is_payload)
{
	int status = dossier_bag_add_bytes(b, name, data, len, is_payload);

	free(data);
	return status;
}

int
dossier_bag_read(struct dossier_bag *b, const struct dossier_entry *e, char **data)
{
	return dossier_spool_read(&b->spool, e->offset, (size_t)e->size, data);
}

/* Media formats that are compressed already gain nothing from deflate. */
int
dossier_worth_compressing(const char *mime)
{
	static const char *const stored_prefixes[] = { "image/", "video/", "audio/", NULL };
	static const char *const compressible[] = {
		"image/bmp", "image/tiff", "image/svg+xml", "audio/x-wav", "audio/wav", NULL
	};
	int i;

	for (i = 0; compressible[i] != NULL; i++)
		if (strcmp(mime, compressible[i]) == 0)
			return 1;
	for (i = 0; stored_prefixes[i] != NULL; i++)
		if (strncmp(mime, stored_prefixes[i], strlen(stored_prefixes[i])) == 0)
			return 0;
	return strcmp(mime, "application/pdf") != 0 && strcmp(mime, "application/zip") != 0;
}

static int
compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct dossier_entry *)a)->name, ((const struct dossier_entry *)b)->name);
}

/* Written line by line into the spool: at 5,000 items the payload manifest is half a
 * megabyte that need not wait in memory. */
int
dossier_bag_add_manifest(struct dossier_bag *b, const char *name, int payload)
{
	struct dossier_writer w;
	size_t i, count = b->count;

	if (dossier_writer_begin(b, &w) != DISPUTE_OK)
		return DISPUTE_FAILED;
	for (i = 0; i < count; i++) {
		const struct dossier_entry *e = &b->entries[i];

		if (e->is_payload == payload &&
		    (dossier_writer_write(&w, e->sha256, strlen(e->sha256)) != DISPUTE_OK ||
		    dossier_writer_write(&w, "  ", 2) != DISPUTE_OK ||
		    dossier_writer_write(&w, e->name, strlen(e->name)) != DISPUTE_OK ||
		    dossier_writer_write(&w, "\n", 1) != DISPUTE_OK)) {
			dossier_writer_cancel(&w);
			return DISPUTE_FAILED;
		}
	}
	return dossier_writer_end(&w, name, 0);
}

void
dossier_bag_free(struct dossier_bag *b)
{
	size_t i;

	for (i = 0; i < b->count; i++) {
		free(b->entries[i].name);
		if (b->entries[i].temporary) {
			unlink(b->entries[i].disk_path);
			fs_temp_release(b->entries[i].disk_path);
			b->entries[i].disk_path = NULL;
		}
		free(b->entries[i].disk_path);
	}
	free(b->entries);
	dossier_spool_free(&b->spool);
}

void
dossier_bag_sort(struct dossier_bag *b)
{
	qsort(b->entries, b->count, sizeof *b->entries, compare_entries);
}
