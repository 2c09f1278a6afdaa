/* Writing the dossier: a BagIt 1.0 bag inside a zip, built in a temporary file next to
 * the destination and renamed into place only when complete. Entries are sorted and
 * carry fixed times, so the same case and date give the same bytes. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>

#include "dispute/config.h"
#include "dispute/date.h"
#include "dispute/dossier.h"
#include "dispute/draft-view.h"
#include "dispute/drafts.h"
#include "dispute/evidence-book.h"
#include "dispute/fsutil.h"
#include "dispute/output.h"
#include "dispute/print.h"
#include "dispute/progress.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "dispute/stamps.h"
#include "dispute/timeline.h"
#include "dispute/timestamp.h"
#include "bag-zip-write.h"
#include "digest.h"
#include "dossier-bag.h"
#include "dossier-book.h"
#include "dossier-public.h"
#include "page.h"
#include "text.h"
#include "zip-checked-source.h"
#include "zip-fd-sink.h"

/* Files of a dossier besides its evidence and the pictures made of it: tag files,
 * drafts in two languages as text and PDF, the page, the book. */
#define GENERATED_FILES 128

static uint64_t
recorded_size(const cJSON *item)
{
	return (uint64_t)cJSON_GetObjectItemCaseSensitive(item, "size")->valuedouble;
}

/* Reports every missing or resized evidence file before any work, not just the first;
 * the content itself is checked while it streams into the zip. */
static int
check_evidence(const struct dispute_case *c)
{
	const cJSON *item;
	char *dir = case_path(c, CASE_EVIDENCE_DIR), *path;
	int status = DISPUTE_OK;

	if (dir == NULL)
		return DISPUTE_FAILED;
	cJSON_ArrayForEach(item, case_evidence(c)) {
		struct stat st;

		path = path_join(dir, cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring);
		if (path == NULL) {
			status = DISPUTE_FAILED;
			break;
		}
		if (stat(path, &st) == -1) {
			dispute_error(_("%s: missing: %s"), path, strerror(errno));
			status = DISPUTE_FAILED;
		} else if ((uint64_t)st.st_size != recorded_size(item)) {
			dispute_error(_("%s: changed since it was added (%jd bytes, recorded %ju)"),
			    path, (intmax_t)st.st_size, (uintmax_t)recorded_size(item));
			status = DISPUTE_FAILED;
		}
		free(path);
	}
	free(dir);
	return status;
}

/* The payload file PATH (taken over; NULL when making it failed) under NAME, read into
 * the zip and checked there against SHA256 and SIZE. */
static int
add_disk_file(struct dossier_bag *b, const char *name, char *path, const char *sha256,
    uint64_t size, int compress)
{
	struct dossier_entry *e = path != NULL ? dossier_bag_new_entry(b, name) : NULL;

	if (e == NULL) {
		free(path);
		return DISPUTE_FAILED;
	}
	e->disk_path = path;
	snprintf(e->sha256, sizeof e->sha256, "%s", sha256);
	e->size = size;
	e->compress = compress;
	e->is_payload = 1;
	b->payload_bytes += size;
	b->payload_files++;
	return DISPUTE_OK;
}

/* Adds every evidence file (check_evidence() has seen them). */
static int
add_evidence(struct dossier_bag *b, const struct dispute_case *c)
{
	const cJSON *item;
	char *dir = case_path(c, CASE_EVIDENCE_DIR), *name = NULL;
	int status = DISPUTE_OK;

	/* The evidence and room for the generated files after it (tag files, drafts, the
	 * page): one allocation for a bag of thousands of items, not a doubling array's
	 * spare half. */
	if (dir == NULL || dossier_bag_reserve(b, (size_t)cJSON_GetArraySize(case_evidence(c)) +
	    GENERATED_FILES) != DISPUTE_OK) {
		free(dir);
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(item, case_evidence(c)) {
		const char *file = cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring;

		if (asprintf(&name, "data/evidence/%s", file) == -1) {
			name = NULL;
			dispute_error(_("out of memory"));
			status = DISPUTE_FAILED;
			break;
		}
		status = add_disk_file(b, name, path_join(dir, file),
		    cJSON_GetObjectItemCaseSensitive(item, "sha256")->valuestring,
		    recorded_size(item), dossier_worth_compressing(
		    cJSON_GetObjectItemCaseSensitive(item, "mime")->valuestring));
		free(name);
		name = NULL;
		if (status != DISPUTE_OK)
			break;
	}
	free(name);
	free(dir);
	return status;
}

static int
add_tag_files(struct dossier_bag *b, const struct dispute_case *c,
    const struct dossier_inputs *in, const char *order, int public_copy)
{
	const char *date = in->date, *warning = in->date_warning_en;
	/* The public copy names no one: the buyer's name stays in the full dossier. */
	const char *name = public_copy ? NULL : case_get(c, "claimant.name");
	const char *product = case_get(c, "order.product"), *shop = case_get(c, "merchant.shop");
	char size_text[32], *bagit = NULL, *info = NULL;
	int n;

	/* Bag-Size is meant for people, so a rounded decimal size, in English like
	 * every bag-info.txt label. */
	format_size(b->payload_bytes, 1, size_text, sizeof size_text);
	bagit = strdup("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
	n = asprintf(&info,
	    "Bag-Software-Agent: dispute %s\n"
	    "Bagging-Date: %s\n"
	    "Bag-Size: %s\n"
	    "Payload-Oxum: %" PRIu64 ".%zu\n"
	    "External-Identifier: %s\n"
	    "External-Description: 消费纠纷证据材料 / consumer dispute dossier%s%s%s%s\n"
	    "%s%s%s%s%s%s",
	    DISPUTE_VERSION, date, size_text, b->payload_bytes, b->payload_files, order,
	    product != NULL ? ": " : "", product != NULL ? product : "",
	    shop != NULL ? " / " : "", shop != NULL ? shop : "",
	    name != NULL ? "Contact-Name: " : "", name != NULL ? name : "", name != NULL ? "\n" : "",
	    /* A date before what the bag tells of, chosen with --force, says so here too. */
	    warning != NULL ? "Date-Warning: " : "", warning != NULL ? warning : "",
	    warning != NULL ? "\n" : "");
	if (bagit == NULL || n == -1) {
		free(bagit);
		if (n != -1)
			free(info);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (dossier_bag_add_memory(b, "bagit.txt", bagit, strlen(bagit), 0) != DISPUTE_OK ||
	    dossier_bag_add_memory(b, "bag-info.txt", info, (size_t)n, 0) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return DISPUTE_OK;
}

/* The drafts of data/documents/, each as text and as PDF: the texts are added as they
 * are rendered, and printed together in one run of the print helper after. */
struct documents {
	struct dossier_bag *bag;
	struct print_doc docs[DRAFT_DOCUMENT_MAX];
	char *texts[DRAFT_DOCUMENT_MAX];  /* kept for the PDFs, then freed */
	char *pdf_paths[DRAFT_DOCUMENT_MAX];
	size_t count;
	const char *date;
};

static int
add_document(const struct draft_document *document, char *text, void *ctx)
{
	struct documents *d = ctx;
	const char *name = document->name;
	char *path = NULL, *pdf_name = draft_pdf_name(name);
	struct print_doc *doc = &d->docs[d->count];
	int status = DISPUTE_FAILED;

	if (pdf_name == NULL) {
		free(text);
		return DISPUTE_FAILED;
	}
	if (asprintf(&d->pdf_paths[d->count], "data/documents/%s", pdf_name) == -1) {
		d->pdf_paths[d->count] = NULL;
		free(text);
		goto oom;
	}
	/* TEXT is kept until the PDFs are made from it. */
	d->texts[d->count] = text;
	doc->text = text;
	doc->date = d->date;
	doc->lang = document->lang;
	doc->label = d->pdf_paths[d->count++];
	if (asprintf(&path, "data/documents/%s", name) == -1)
		goto oom;
	status = dossier_bag_add_bytes(d->bag, path, text, strlen(text), 1);
	free(path);
	goto out;
oom:
	dispute_error(_("out of memory"));
out:
	free(pdf_name);
	return status;
}

static int
add_pdf(size_t index, const char *pdf, size_t len, void *ctx)
{
	struct documents *d = ctx;

	return dossier_bag_add_bytes(d->bag, d->docs[index].label, pdf, len, 1);
}

static int
add_documents(struct dossier_bag *b, const struct dispute_case *c,
    const struct dossier_inputs *in)
{
	struct documents d = { b, { { NULL, NULL, NULL, NULL } }, { NULL }, { NULL }, 0, in->date };
	size_t i;
	int status;

	/* Drafts dated with the bagging date, so the same case and date give the same zip. */
	status = drafts_render(c, in->view, in->drafts, in->draft_count, add_document, &d);
	if (status == DISPUTE_OK)
		status = print_pdfs(d.docs, d.count, add_pdf, &d);
	if (status == DISPUTE_OK && dossier_has_book(in))
		status = dossier_add_book(b, c, in);
	for (i = 0; i < d.count; i++) {
		free(d.texts[i]);
		free(d.pdf_paths[i]);
	}
	return status;
}

/* The dossier's page: its files, and data/index.html as it renders. */
struct page_output {
	struct dossier_bag *bag;
	struct dossier_writer index;
	int writing;            /* INDEX has begun */
};

/* A file of the dossier's page; thumbnails are JPEG, stored like the photos. */
static int
add_page_file(const char *name, char *data, size_t len, const char *mime, void *ctx)
{
	struct dossier_bag *b = ((struct page_output *)ctx)->bag;

	if (dossier_bag_add_memory(b, name, data, len, 1) != DISPUTE_OK)
		return DISPUTE_FAILED;
	b->entries[b->count - 1].compress = dossier_worth_compressing(mime);
	return DISPUTE_OK;
}

/* The page comes after every other file of the page (page.h), so its writer begins
 * with its first bytes. */
static int
write_page(const char *bytes, size_t len, void *ctx)
{
	struct page_output *o = ctx;

	if (!o->writing) {
		if (dossier_writer_begin(o->bag, &o->index) != DISPUTE_OK)
			return DISPUTE_FAILED;
		o->writing = 1;
	}
	return dossier_writer_write(&o->index, bytes, len);
}

/* The page people open first: data/index.html and data/thumbs/ (page.h). */
static int
add_page(struct dossier_bag *b, const struct dispute_case *c, const struct dossier_inputs *in)
{
	struct page_output o = { b, { NULL, 0, { NULL } }, 0 };

	if (page_add_to_bag(c, in, add_page_file, write_page, &o) != DISPUTE_OK ||
	    (!o.writing && write_page("", 0, &o) != DISPUTE_OK)) {
		if (o.writing)
			dossier_writer_cancel(&o.index);
		return DISPUTE_FAILED;
	}
	return dossier_writer_end(&o.index, "data/index.html", 1);
}

/* The case's timestamp requests, their lists and replies, as data/timestamps/: verify
 * judges each item's proven time from them. */
static int
add_stamp_file(const char *name, char *data, size_t len, void *ctx)
{
	char *path = dispute_asprintf("data/%s/%s", STAMPS_DIR, name);
	int status;

	if (path == NULL) {
		free(data);
		return DISPUTE_FAILED;
	}
	status = dossier_bag_add_memory(ctx, path, data, len, 1);
	free(path);
	return status;
}

/* What `dispute read` derived from the evidence, as data/derived/, each file checked
 * against the SHA-256 its item records for it. */
static int
add_readings(struct dossier_bag *b, const struct dispute_case *c)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, case_evidence(c)) {
		const cJSON *reading = cJSON_GetObjectItemCaseSensitive(item, "reading");
		char *data, *name;
		size_t len;

		if (reading == NULL)
			continue;
		if (reading_load(c, item, &data, &len) != DISPUTE_OK)
			return DISPUTE_FAILED;
		name = dispute_asprintf("data/%s/%s", READING_DIR,
		    cJSON_GetObjectItemCaseSensitive(reading, "file")->valuestring);
		if (name == NULL || dossier_bag_add_memory(b, name, data, len, 1) != DISPUTE_OK) {
			if (name == NULL)
				free(data);
			free(name);
			return DISPUTE_FAILED;
		}
		free(name);
	}
	return DISPUTE_OK;
}

static int
add_payload(struct dossier_bag *b, const struct dispute_case *c, const struct dossier_inputs *in)
{
	const char *sha256;
	char *timeline, *record;
	uint64_t len;

	if (check_evidence(c) != DISPUTE_OK || add_readings(b, c) != DISPUTE_OK ||
	    stamps_for_each_file(c, add_stamp_file, b) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* The record exactly as on disk: the dossier vouches for the file the buyer kept,
	 * read again into the zip and checked against what was read (the case is locked). */
	sha256 = case_text_sha256(c, &len);
	if (sha256[0] == '\0') {
		dispute_error(_("%s: the case was opened only to read, and a dossier needs the "
		    "digest kept of a case opened to write"), case_file(c));
		return DISPUTE_FAILED;
	}
	record = strdup(case_file(c));
	if (record == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (add_disk_file(b, "data/case.json", record, sha256, len, 1) != DISPUTE_OK)
		return DISPUTE_FAILED;
	timeline = timeline_text(c);
	if (timeline == NULL || dossier_bag_add_memory(b, "data/timeline.txt", timeline,
	    strlen(timeline), 1) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (add_documents(b, c, in) != DISPUTE_OK || add_page(b, c, in) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* The evidence entries last: thousands of them need not wait beside the page, the
	 * largest thing pack builds in memory. The bag is sorted afterwards. */
	return add_evidence(b, c);
}

/* Builds the whole bag description; nothing is read from the evidence files yet. */
static int
build_bag(struct dossier_bag *b, const struct dispute_case *c, const struct dossier_inputs *in,
    int public_copy)
{
	if ((public_copy ? dossier_public_payload(b, c, in) : add_payload(b, c, in)) != DISPUTE_OK)
		return DISPUTE_FAILED;
	dossier_bag_sort(b);
	if (dossier_bag_add_manifest(b, "manifest-sha256.txt", 1) != DISPUTE_OK ||
	    add_tag_files(b, c, in, public_copy ? in->order_masked : case_get(c, "order.id"),
	    public_copy) != DISPUTE_OK)
		return DISPUTE_FAILED;
	dossier_bag_sort(b);
	if (dossier_bag_add_manifest(b, "tagmanifest-sha256.txt", 0) != DISPUTE_OK)
		return DISPUTE_FAILED;
	dossier_bag_sort(b);
	return DISPUTE_OK;
}

static int
add_to_zip(zip_t *archive, const char *root, const struct dossier_bag *b,
    const struct dossier_entry *e, time_t mtime, const char *password)
{
	zip_source_t *source;
	zip_int64_t index;
	char *name = NULL;

	if (asprintf(&name, "%s/%s", root, e->name) == -1) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (e->disk_path != NULL)
		source = zip_checked_file_source(archive, e->disk_path, e->sha256, e->size, mtime);
	else
		source = zip_checked_range_source(archive, b->spool.fd, e->offset, e->name,
		    e->sha256, e->size, mtime);
	if (source == NULL) {
		dispute_error(_("%s: cannot add to the archive: %s"), name, zip_strerror(archive));
		free(name);
		return DISPUTE_FAILED;
	}
	index = zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8);
	if (index < 0) {
		zip_source_free(source);
		dispute_error(_("%s: cannot add to the archive: %s"), name, zip_strerror(archive));
		free(name);
		return DISPUTE_FAILED;
	}
	free(name);
	/* Fixed time, compression and Unix permissions: nothing that varies between runs. */
	if (zip_file_set_mtime(archive, (zip_uint64_t)index, mtime, 0) == -1 ||
	    zip_set_file_compression(archive, (zip_uint64_t)index,
	    e->compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, e->compress ? 6 : 0) == -1 ||
	    zip_file_set_external_attributes(archive, (zip_uint64_t)index, 0, ZIP_OPSYS_UNIX,
	    (zip_uint32_t)(0100644) << 16) == -1) {
		dispute_error(_("%s/%s: cannot set entry attributes: %s"), root, e->name,
		    zip_strerror(archive));
		return DISPUTE_FAILED;
	}
	if (password != NULL && zip_file_set_encryption(archive, (zip_uint64_t)index,
	    ZIP_EM_AES_256, password) == -1) {
		dispute_error(_("%s/%s: cannot encrypt: %s"), root, e->name, zip_strerror(archive));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

/* libzip reports the fraction written; the sink wants bytes. */
static void
report_progress(zip_t *archive, double fraction, void *total_bytes)
{
	(void)archive;
	progress_set((uint64_t)(fraction * (double)*(const uint64_t *)total_bytes));
}

/* Writes the zip into FD, the temporary file TMP_PATH. */
static int
write_zip(struct dossier_bag *b, const char *root, int fd, const char *tmp_path, time_t mtime,
    const char *password)
{
	zip_t *archive;
	int status;
	size_t i;

	if (dossier_spool_flush(&b->spool) != DISPUTE_OK)
		return DISPUTE_FAILED;
	archive = zip_open_fd_sink(fd, tmp_path);
	if (archive == NULL)
		return DISPUTE_FAILED;
	for (i = 0; i < b->count; i++) {
		if (add_to_zip(archive, root, b, &b->entries[i], mtime, password) != DISPUTE_OK) {
			zip_discard(archive);
			return DISPUTE_FAILED;
		}
	}
	progress_begin(N_("packing"), b->payload_bytes);
	zip_register_progress_callback_with_state(archive, 0.005, report_progress, NULL,
	    (void *)&b->payload_bytes);
	status = zip_close(archive);
	progress_end();
	if (status == -1) {
		dispute_error(_("%s: the dossier could not be written: %s"), tmp_path,
		    zip_strerror(archive));
		zip_discard(archive);
		return DISPUTE_FAILED;
	}
	return password != NULL ? bag_zip_clear_aes_crc(fd, tmp_path) : DISPUTE_OK;
}

char *
dossier_name(const char *order_id, const char *date, const char *suffix)
{
	char *name = NULL, *p;
	char compact[9];

	snprintf(compact, sizeof compact, "%.4s%.2s%.2s", date, date + 5, date + 8);
	if (asprintf(&name, "dispute-%s-%s%s", order_id, compact, suffix) == -1) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	/* Keep letters (Chinese too), digits and -._ ; anything that could act as a path
	 * separator, a control character or a shell surprise becomes '_'. */
	for (p = name; *p != '\0'; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch < 0x80 && !((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= 'a' && ch <= 'z') || ch == '-' || ch == '_' || ch == '.'))
			*p = '_';
	}
	return name;
}

/* Makes the finished temporary file FD durable and gives it its final name; under
 * OUTPUT_KEEP a file that appeared there since the check is not replaced. */
static int
publish(int fd, const char *tmp_path, const char *final_path, const char *dir,
    enum output_existing existing)
{
	if (fchmod(fd, 0600) == -1 || fsync(fd) == -1) {
		dispute_error(_("%s: cannot write to disk: %s"), tmp_path, strerror(errno));
		return DISPUTE_FAILED;
	}
	if (renameat2(AT_FDCWD, tmp_path, AT_FDCWD, final_path,
	    existing == OUTPUT_KEEP ? RENAME_NOREPLACE : 0) == -1) {
		dispute_error(_("%s: cannot create: %s"), final_path, strerror(errno));
		return DISPUTE_FAILED;
	}
	return fs_sync_dir(dir);
}

#define PARTIAL_PREFIX "dossier-partial.zip"

/* Partial dossiers that an earlier pack left in DIR when it was killed outright (the
 * signal handler takes care of the rest): a writer holds an exclusive lock on its
 * partial file for as long as it writes, so one whose lock can be taken is abandoned,
 * unless it is empty and new: a parallel pack may have just created it and not yet
 * locked it. They hold private data, so they go; failing to remove one is a warning. */
static void
remove_abandoned_partials(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		struct stat st;
		int fd;

		if (strncmp(de->d_name, "." PARTIAL_PREFIX ".", sizeof PARTIAL_PREFIX + 1) != 0)
			continue;
		fd = openat(dirfd(d), de->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd == -1)
			continue;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    (st.st_size > 0 || st.st_mtime < time(NULL) - 2) &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0 && unlinkat(dirfd(d), de->d_name, 0) == -1)
			dispute_warning(_("%s/%s: cannot remove a partial dossier an interrupted pack "
			    "left: %s"), dir, de->d_name, strerror(errno));
		close(fd);
	}
	closedir(d);
}

/* DOSSIER.tsq for DOSSIER.zip (malloc'd), or NULL after reporting. */
static char *
timestamp_request_path(const char *zip_path)
{
	size_t n = strlen(zip_path);
	char *path = NULL;

	if (n > 4 && strcmp(zip_path + n - 4, ".zip") == 0)
		n -= 4;
	if (asprintf(&path, "%.*s.tsq", (int)n, zip_path) == -1) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	return path;
}

/* The .tsq beside the dossier: an RFC 3161 request over the tag manifest, ready to
 * send to any timestamp authority. */
static int
write_timestamp_request(struct dossier_bag *b, const char *path)
{
	const struct dossier_entry *tag = NULL;
	char *text;
	int status, stem;

	for (size_t i = 0; i < b->count; i++)
		if (strcmp(b->entries[i].name, "tagmanifest-sha256.txt") == 0)
			tag = &b->entries[i];
	if (tag == NULL) {
		dispute_error(_("%s: the dossier has no tag manifest to timestamp"), path);
		return DISPUTE_FAILED;
	}
	if (dossier_bag_read(b, tag, &text) != DISPUTE_OK)
		return DISPUTE_FAILED;
	status = timestamp_write_request(path, text, (size_t)tag->size, 0);
	free(text);
	/* How to send it, written out: no command of ours sends this one, which may go to
	 * an authority the buyer chooses long after the pack. PATH ends in ".tsq". */
	stem = (int)(strlen(path) - 4);
	if (status == DISPUTE_OK)
		dispute_notice(_("%s: timestamp request over the tag manifest; send it to a "
		    "timestamp authority (RFC 3161), e.g. curl -H 'Content-Type: %s' --data-binary "
		    "@%s URL > %.*s.tsr, and check the reply with `dispute verify --tsr %.*s.tsr "
		    "%.*s.zip`"), path, STAMPS_CONTENT_TYPE, path, stem, path, stem, path, stem, path);
	return status;
}

int
dossier_inputs_build(const struct dispute_case *c, const struct rules *rules,
    const struct holiday_table *holidays, const char *date, struct dossier_inputs *in)
{
	const char *order = case_get(c, "order.id");

	memset(in, 0, sizeof *in);
	in->date = date;
	in->rules = rules;
	in->holidays = holidays;
	/* The zip's DOS timestamps read as that date wherever it is opened. */
	in->mtime = date_local_midnight(date);
	if (in->mtime == (time_t)-1) {
		dispute_error(_("%s: not a date (YYYY-MM-DD)"), date);
		return DISPUTE_FAILED;
	}
	if (draft_view_build(c, rules, date, &in->view) != DISPUTE_OK)
		goto fail;
	in->draft_count = drafts_included(c, in->drafts);
	/* The lists of data/documents/ cite the pages of its evidence book. */
	if (dossier_has_book(in) &&
	    evidence_book_number(c, in->view, draft_language(c)) != DISPUTE_OK)
		goto fail;
	/* Without an order number there is no dossier to name (dossier_write says so),
	 * but the page can still be built. */
	if (order != NULL && ((in->order_masked = mask_order_id(order)) == NULL ||
	    (in->bag_name = dossier_name(order, date, "")) == NULL ||
	    (in->public_bag_name = dossier_name(in->order_masked, date, "-public")) == NULL))
		goto fail;
	return DISPUTE_OK;
fail:
	dossier_inputs_free(in);
	return DISPUTE_FAILED;
}

int
dossier_inputs_seal(struct dossier_inputs *in)
{
	char *sealed;

	if (in->order_masked == NULL)
		return DISPUTE_OK; /* no order number: dossier_write says so */
	sealed = dossier_name(in->order_masked, in->date, "");
	if (sealed == NULL)
		return DISPUTE_FAILED;
	free(in->bag_name);
	in->bag_name = sealed;
	return DISPUTE_OK;
}

void
dossier_inputs_free(struct dossier_inputs *in)
{
	draft_view_free(in->view);
	free(in->order_masked);
	free(in->bag_name);
	free(in->public_bag_name);
	free(in->date_warning_zh);
	free(in->date_warning_en);
	memset(in, 0, sizeof *in);
}

int
dossier_write(const struct dispute_case *c, struct dossier_inputs *in,
    const struct dossier_options *options, char **written)
{
	struct dossier_bag bag;
	const char *root = options->public_copy ? in->public_bag_name : in->bag_name;
	/* A name the user gave is theirs to protect; a default name is ours to renew. */
	enum output_existing existing = options->output == NULL || options->force ?
	    OUTPUT_REPLACE : OUTPUT_KEEP;
	struct output_target zip_target, tsq_target = { OUTPUT_STREAM, NULL };
	char *final_path = NULL, *tsq_path = NULL, *tmp_path = NULL, *dir = NULL;
	int fd = -1, status = DISPUTE_FAILED;

	*written = NULL;
	dossier_bag_init(&bag, NULL); /* its spool's folder is known further down */
	if (root == NULL) {
		dispute_error(_("%s: order.id is not set; it names the dossier "
		    "(`dispute set order.id NUMBER`)"), case_file(c));
		return DISPUTE_FAILED;
	}
	if (options->output != NULL)
		final_path = strdup(options->output);
	else if (asprintf(&final_path, "%s%s%s.zip", options->directory != NULL ?
	    options->directory : "", options->directory != NULL ? "/" : "", root) == -1)
		final_path = NULL;
	if (final_path == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	/* Both destinations are judged before anything is written. The request belongs to
	 * the zip: where the zip may be written, its old request is renewed with it. */
	if (output_check(final_path, case_dir(c), existing, &zip_target) != DISPUTE_OK)
		goto out;
	if (zip_target.kind == OUTPUT_FILE && ((tsq_path = timestamp_request_path(final_path)) ==
	    NULL || output_check(tsq_path, case_dir(c), OUTPUT_REPLACE, &tsq_target) !=
	    DISPUTE_OK))
		goto out;
	/* A stream gets the zip from a temporary file: libzip writes it out of order. The
	 * spool goes beside it, where there is room for the dossier. */
	if (zip_target.kind == OUTPUT_FILE)
		dir = path_dirname(final_path);
	else
		dir = strdup(getenv("TMPDIR") != NULL && *getenv("TMPDIR") != '\0' ?
		    getenv("TMPDIR") : "/tmp");
	if (dir == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	dossier_bag_init(&bag, dir); /* still empty */
	if (build_bag(&bag, c, in, options->public_copy) != DISPUTE_OK)
		goto out;
	remove_abandoned_partials(dir);
	fd = fs_create_temp(dir, PARTIAL_PREFIX, 0600, &tmp_path);
	if (fd == -1)
		goto out;
	if (flock(fd, LOCK_EX) == -1) {
		dispute_error(_("%s: cannot lock: %s"), tmp_path, strerror(errno));
		goto out;
	}
	if (write_zip(&bag, root, fd, tmp_path, in->mtime, options->password) != DISPUTE_OK)
		goto out;
	if (zip_target.kind == OUTPUT_STREAM) {
		if (output_copy_stream(&zip_target, fd) != DISPUTE_OK)
			goto out;
		unlink(tmp_path);
		dispute_notice(_("the dossier went to %s; no timestamp request was written beside "
		    "it"), zip_target.path != NULL ? zip_target.path : _("standard output"));
		status = DISPUTE_OK;
		goto out;
	}
	if (publish(fd, tmp_path, final_path, dir, existing) != DISPUTE_OK ||
	    (tsq_target.kind == OUTPUT_FILE && write_timestamp_request(&bag, tsq_path) !=
	    DISPUTE_OK))
		goto out;
	*written = final_path;
	final_path = NULL;
	status = DISPUTE_OK;
out:
	if (fd != -1)
		close(fd);
	if (status != DISPUTE_OK && tmp_path != NULL)
		unlink(tmp_path);
	fs_temp_release(tmp_path);
	free(dir);
	free(tsq_path);
	free(final_path);
	dossier_bag_free(&bag);
	return status;
}
