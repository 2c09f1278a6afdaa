/* The bag being built: its entries (evidence streamed from disk, everything else in
 * memory), their digests, and the manifests over them. Shared by the dossier and its
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

struct dossier_entry *
dossier_bag_new_entry(struct dossier_bag *b, const char *name)
{
	struct dossier_entry *e;

	if (b->count == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 32;
		struct dossier_entry *grown = realloc(b->entries, cap * sizeof *grown);

		if (grown == NULL)
			goto oom;
		b->entries = grown;
		b->cap = cap;
	}
	e = &b->entries[b->count];
	memset(e, 0, sizeof *e);
	e->name = strdup(name);
	if (e->name == NULL)
		goto oom;
	b->count++;
	return e;
oom:
	dispute_error(_("out of memory"));
	return NULL;
}

int
dossier_bag_add_temporary(struct dossier_bag *b, const char *name, char *path)
{
	struct dossier_entry *e = dossier_bag_new_entry(b, name);

	if (e == NULL) {
		unlink(path);
		fs_temp_release(path);
		return DISPUTE_FAILED;
	}
	e->disk_path = path;
	e->temporary = 1;
	e->compress = 0; /* a PDF of photos: deflating it again gains nothing */
	e->is_payload = 1;
	if (digest_file_sha256(path, e->sha256, &e->size) != DISPUTE_OK)
		return DISPUTE_FAILED;
	b->payload_bytes += e->size;
	b->payload_files++;
	return DISPUTE_OK;
}

int
dossier_bag_add_memory(struct dossier_bag *b, const char *name, char *data, size_t len,
    int is_payload)
{
	struct digest d;
	struct dossier_entry *e = dossier_bag_new_entry(b, name);

	if (e == NULL) {
		free(data);
		return DISPUTE_FAILED;
	}
	e->data = data;
	e->len = len;
	e->size = len;
	e->compress = 1;
	e->is_payload = is_payload;
	if (is_payload) {
		b->payload_bytes += len;
		b->payload_files++;
	}
	if (digest_init(&d, "sha256") != DISPUTE_OK)
		return DISPUTE_FAILED;
	digest_update(&d, data, len);
	return digest_final_hex(&d, e->sha256);
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

int
dossier_bag_add_manifest(struct dossier_bag *b, const char *name, int payload)
{
	char *text = NULL;
	size_t len = 0, i, count = b->count;
	FILE *out = open_memstream(&text, &len);

	if (out == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	for (i = 0; i < count; i++)
		if (b->entries[i].is_payload == payload)
			fprintf(out, "%s  %s\n", b->entries[i].sha256, b->entries[i].name);
	if (fclose(out) != 0 || text == NULL) {
		free(text);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return dossier_bag_add_memory(b, name, text, len, 0);
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
		free(b->entries[i].data);
	}
	free(b->entries);
}

void
dossier_bag_sort(struct dossier_bag *b)
{
	qsort(b->entries, b->count, sizeof *b->entries, compare_entries);
}
