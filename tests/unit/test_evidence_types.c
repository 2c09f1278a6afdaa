/*
 * Tests for evidence intake: the per-kind MIME allow-lists and the stored extension
 * (evidence-types.c), then evidence_add() and evidence_remove() end to end on the real
 * sample files in tests/data/evidence, in a case made in a mkdtemp folder. Checksums
 * are recomputed here with OpenSSL's one-shot EVP_Digest(), not taken from the code
 * under test. SOURCE_DATE_EPOCH fixes the "added" time stamp.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* asprintf(), nftw() */
#endif

#include <dirent.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "support.h"
#include <openssl/evp.h>

#include "dispute/case.h"
#include "dispute/evidence.h"
#include "dispute/report.h"

#define SAMPLES TEST_DATA_DIR "/evidence/"
/* 2026-11-18T11:06:40Z; with SOURCE_DATE_EPOCH the time is given in UTC. */
#define EPOCH "1795000000"
#define ADDED "2026-11-18T11:06:40+00:00"

/* Allow-lists. */

struct verdict {
	const char *mime;
	int allowed;
};

static void
check_kind(const char *name, const struct verdict *v, size_t n)
{
	const struct evidence_kind *kind = evidence_kind_find(name);
	size_t i;

	assert_non_null(kind);
	for (i = 0; i < n; i++) {
		int got = evidence_kind_allows(kind, v[i].mime) != 0;

		if (got != v[i].allowed)
			print_message("%s: %s should be %s\n", name, v[i].mime,
			    v[i].allowed ? "allowed" : "refused");
		assert_int_equal(got, v[i].allowed);
	}
}

#define CHECK_KIND(name, ...) do { \
	const struct verdict v_[] = { __VA_ARGS__ }; \
	check_kind((name), v_, sizeof v_ / sizeof v_[0]); \
} while (0)

static void
test_defect_types(void **state)
{
	(void)state;
	CHECK_KIND("defect",
	    { "image/jpeg", 1 }, { "image/png", 1 }, { "image/heic", 1 }, { "video/mp4", 1 },
	    { "video/quicktime", 1 }, { "audio/mpeg", 0 }, { "application/pdf", 0 },
	    { "text/plain", 0 }, { "application/x-executable", 0 });
}

static void
test_chat_types(void **state)
{
	(void)state;
	CHECK_KIND("chat",
	    { "text/csv", 1 }, { "text/plain", 1 }, { "text/html", 1 }, { "application/pdf", 1 },
	    { "image/png", 1 }, { "video/mp4", 1 }, { "audio/mpeg", 0 },
	    { "application/x-executable", 0 }, { "application/zip", 0 });
}

static void
test_medical_types(void **state)
{
	(void)state;
	CHECK_KIND("medical",
	    { "application/pdf", 1 }, { "image/png", 1 }, { "image/jpeg", 1 }, { "text/plain", 0 },
	    { "video/mp4", 0 }, { "audio/mpeg", 0 }, { "text/html", 0 });
}

static void
test_communication_audio_types(void **state)
{
	(void)state;
	CHECK_KIND("communication-audio",
	    { "audio/x-m4a", 1 }, { "audio/mpeg", 1 }, { "audio/amr", 1 }, { "video/mp4", 0 },
	    { "image/jpeg", 0 }, { "text/plain", 0 }, { "application/pdf", 0 });
}

static void
test_order_types(void **state)
{
	(void)state;
	/* A platform's CSV order export is text/plain or text/csv to libmagic. */
	CHECK_KIND("order",
	    { "image/png", 1 }, { "image/jpeg", 1 }, { "application/pdf", 1 }, { "text/html", 1 },
	    { "text/plain", 1 }, { "text/csv", 1 }, { "video/mp4", 0 }, { "audio/mpeg", 0 },
	    { "application/zip", 0 });
}

static void
test_contract_types(void **state)
{
	(void)state;
	CHECK_KIND("contract",
	    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1 },
	    { "application/msword", 1 }, { "application/vnd.oasis.opendocument.text", 1 },
	    { "application/pdf", 1 }, { "image/jpeg", 1 }, { "text/plain", 0 },
	    { "application/zip", 0 }, { "video/mp4", 0 });
	CHECK_KIND("report", { "application/pdf", 1 }, { "application/msword", 1 },
	    { "image/png", 1 }, { "audio/mpeg", 0 });
	CHECK_KIND("other",
	    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1 },
	    { "application/vnd.oasis.opendocument.text", 1 });
	assert_non_null(evidence_type_refused("application/zip"));
	assert_null(evidence_type_refused("application/msword"));
}

static void
test_receipt_types(void **state)
{
	(void)state;
	CHECK_KIND("receipt",
	    { "image/jpeg", 1 }, { "application/pdf", 1 }, { "text/html", 0 }, { "text/plain", 0 },
	    { "video/mp4", 0 });
}

static void
test_logistics_types(void **state)
{
	(void)state;
	CHECK_KIND("logistics",
	    { "image/png", 1 }, { "application/pdf", 1 }, { "text/html", 1 }, { "text/plain", 0 },
	    { "audio/mpeg", 0 }, { "video/mp4", 0 });
}

static void
test_other_types(void **state)
{
	(void)state;
	CHECK_KIND("other",
	    { "image/jpeg", 1 }, { "video/mp4", 1 }, { "audio/mpeg", 1 }, { "text/plain", 1 },
	    { "application/pdf", 1 }, { "application/x-executable", 0 }, { "application/zip", 0 },
	    { "application/octet-stream", 0 }, { "application/x-sharedlib", 0 });
}

static void
test_seller_kinds(void **state)
{
	(void)state;
	CHECK_KIND("licence",
	    { "image/png", 1 }, { "application/pdf", 1 }, { "video/mp4", 0 }, { "text/html", 0 });
	CHECK_KIND("listing",
	    { "image/jpeg", 1 }, { "application/pdf", 1 }, { "video/mp4", 1 }, { "text/html", 0 });
	CHECK_KIND("livestream",
	    { "video/mp4", 1 }, { "image/png", 1 }, { "application/pdf", 0 }, { "audio/mpeg", 0 });
}

static const char *const kind_names[] = {
	"order", "chat", "defect", "receipt", "logistics", "medical", "communication-audio",
	"licence", "listing", "livestream", "contract", "report", "other"
};

#define KIND_COUNT (sizeof kind_names / sizeof kind_names[0])

static void
test_kind_find(void **state)
{
	size_t i, count = 0;

	(void)state;
	for (i = 0; i < KIND_COUNT; i++) {
		const struct evidence_kind *k = evidence_kind_find(kind_names[i]);

		assert_non_null(k);
		assert_string_equal(k->name, kind_names[i]);
		assert_non_null(k->label_zh);
		assert_non_null(k->allowed_text);
		assert_non_null(k->allowed);
		assert_non_null(k->allowed[0]);
		assert_non_null(evidence_form_find(k->form));
	}
	while (evidence_kinds[count].name != NULL)
		count++;
	assert_int_equal(count, KIND_COUNT);
	assert_null(evidence_kind_find("unknown"));
	assert_null(evidence_kind_find(""));
	assert_null(evidence_kind_find("defec"));
	assert_null(evidence_kind_find("defects"));
	assert_null(evidence_kind_find("communication"));
}

/* Extensions. */

static void
expect_extension(const char *mime, const char *original, const char *want, int want_mismatch)
{
	int mismatch = -1;
	const char *got = evidence_extension(mime, original, &mismatch);

	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(mismatch, want_mismatch);
}

static void
test_extension_known_type(void **state)
{
	(void)state;
	expect_extension("image/jpeg", "JPG", "jpg", 0);
	expect_extension("image/jpeg", "jpeg", "jpg", 0);
	expect_extension("image/jpeg", "JPEG", "jpg", 0);
	expect_extension("image/jpeg", "jpg", "jpg", 0);
	expect_extension("image/jpeg", "png", "jpg", 1);
	expect_extension("image/jpeg", "", "jpg", 0);
	expect_extension("image/jpeg", NULL, "jpg", 0);
	expect_extension("image/png", "jpg", "png", 1);
	expect_extension("video/mp4", "m4v", "mp4", 0);
	expect_extension("audio/mpeg", "mp3", "mp3", 0);
	expect_extension("audio/x-m4a", "mp4", "m4a", 0);
	expect_extension("application/pdf", "PDF", "pdf", 0);
	expect_extension("text/csv", "txt", "csv", 0);
	/* A CSV keeps its name: a spreadsheet opens it by it. */
	expect_extension("text/plain", "csv", "csv", 0);
	expect_extension("text/plain", "CSV", "csv", 0);
	expect_extension("application/vnd.oasis.opendocument.text", "odt", "odt", 0);
	expect_extension("application/msword", "docx", "doc", 1);
	/* No type is stored as a web document: HTML is recorded as text/plain before its
	 * extension is chosen, and the table does not even know it. */
	expect_extension("text/html", "htm", "txt", 0);
	expect_extension("text/xml", "xml", "txt", 0);
	/* "jp" is a prefix of "jpe" in the alias list, not an alias. */
	expect_extension("image/jpeg", "jp", "jpg", 1);
}

static void
test_extension_unknown_type(void **state)
{
	const char *dat = "dat";
	int mismatch = -1;

	(void)state;
	assert_ptr_equal(evidence_extension("application/x-foo", dat, &mismatch), dat);
	assert_int_equal(mismatch, 0);
	expect_extension("application/x-foo", "", "bin", 0);
	expect_extension("application/x-foo", NULL, "bin", 0);
	expect_extension("text/x-foo", "", "txt", 0);
	expect_extension("text/x-foo", "log2", "log2", 0);
	/* Not plain: upper case, too long, punctuation or a path. */
	expect_extension("application/x-foo", "DAT", "bin", 0);
	expect_extension("application/x-foo", "abcdefghi", "bin", 0);
	expect_extension("text/x-foo", "a/b", "txt", 0);
	expect_extension("text/x-foo", "a b", "txt", 0);
	expect_extension("application/x-foo", "文件", "bin", 0);
	/* The user's extension is never kept when a browser would open it as a document. */
	expect_extension("text/x-shellscript", "html", "txt", 0);
	expect_extension("text/x-foo", "xhtml", "txt", 0);
	expect_extension("image/x-foo", "svg", "bin", 0);
	expect_extension("image/x-foo", "htm", "bin", 0);
	expect_extension("video/x-foo", "mhtml", "bin", 0);
	expect_extension("application/x-foo", "xml", "bin", 0);
}

/* SVG runs scripts when opened: no kind takes it, though each takes "image/" types. */
static void
test_svg_refused(void **state)
{
	const struct evidence_kind *k;

	(void)state;
	assert_non_null(evidence_type_refused("image/svg+xml"));
	assert_non_null(evidence_type_refused("image/svg"));
	assert_null(evidence_type_refused("image/png"));
	assert_null(evidence_type_refused("text/html"));
	for (k = evidence_kinds; k->name != NULL; k++) {
		assert_false(evidence_kind_allows(k, "image/svg+xml"));
		assert_false(evidence_kind_allows(k, "image/svg"));
	}
}

/* Markup a browser would run is recorded as plain text; everything else as it is. */
static void
test_recorded_type(void **state)
{
	const char *png = "image/png";

	(void)state;
	assert_string_equal(evidence_recorded_type("text/html"), "text/plain");
	assert_string_equal(evidence_recorded_type("text/xml"), "text/plain");
	assert_string_equal(evidence_recorded_type("application/xhtml+xml"), "text/plain");
	assert_ptr_equal(evidence_recorded_type(png), png);
	assert_string_equal(evidence_recorded_type("text/csv"), "text/csv");
	assert_string_equal(evidence_recorded_type("text/plain"), "text/plain");
}

/* evidence_add() and evidence_remove() in a real case. */

struct fixture {
	char tmp[64];
	char *dir;                 /* TMP/case */
	char *evidence_dir;        /* TMP/case/evidence */
	char *file;                /* TMP/case/case.json */
	struct dispute_case *c;    /* opened for writing */
	struct owned owned; /* freed by the teardown */
};

static int
case_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL || setenv("SOURCE_DATE_EPOCH", EPOCH, 1) == -1)
		return -1;
	strcpy(f->tmp, "/tmp/dispute-evidence-XXXXXX");
	if (mkdtemp(f->tmp) == NULL || asprintf(&f->dir, "%s/case", f->tmp) == -1 ||
	    asprintf(&f->evidence_dir, "%s/evidence", f->dir) == -1 ||
	    asprintf(&f->file, "%s/case.json", f->dir) == -1 ||
	    case_create(f->dir, "2026-11-18T10:00:00+08:00") != DISPUTE_OK ||
	    case_open(f->dir, CASE_WRITE, &f->c) != DISPUTE_OK)
		return -1;
	*state = f;
	return 0;
}

static int
case_teardown(void **state)
{
	struct fixture *f = *state;
	int status;

	case_close(f->c);
	status = remove_tree(f->tmp);
	owned_free(&f->owned);
	free(f->file);
	free(f->evidence_dir);
	free(f->dir);
	free(f);
	return status;
}

/* Lowercase hex SHA-256 of the file at PATH, and its size. */
static void
sha256_of(const char *path, char hex[65], size_t *size)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int md_len = 0, i;
	char *data = slurp(path, size);

	assert_int_equal(EVP_Digest(data, *size, md, &md_len, EVP_sha256(), NULL), 1);
	assert_int_equal(md_len, 32);
	for (i = 0; i < md_len; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	free(data);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in DIR (hidden ones too), one per line, malloc'd. */
static char *
listing(const char *dir)
{
	char *names[128], *text = NULL;
	size_t n = 0, i, len = 0;
	FILE *out = open_memstream(&text, &len);
	DIR *d = opendir(dir);
	struct dirent *e;

	assert_non_null(out);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		assert_true(n < 128);
		names[n] = strdup(e->d_name);
		assert_non_null(names[n]);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof names[0], compare_names);
	for (i = 0; i < n; i++) {
		fprintf(out, "%s\n", names[i]);
		free(names[i]);
	}
	assert_int_equal(fclose(out), 0);
	return text;
}

static int
has_incoming(const char *dir)
{
	char *names = listing(dir);
	int found = strncmp(names, ".incoming.", 10) == 0 || strstr(names, "\n.incoming.") != NULL;

	free(names);
	return found;
}


static const char *
member(const cJSON *record, const char *name)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(record, name);

	assert_true(cJSON_IsString(m));
	return m->valuestring;
}

static int
add(struct dispute_case *c, const char *kind, const char *const *names, int count,
    const char *note, const char *proves)
{
	char *files[8];
	struct evidence_request req;
	int i, status;

	assert_true(count <= 8);
	for (i = 0; i < count; i++)
		assert_true(asprintf(&files[i], "%s%s", names[i][0] == '/' ? "" : SAMPLES,
		    names[i]) > 0);
	memset(&req, 0, sizeof req);
	req.kind = evidence_kind_find(kind);
	assert_non_null(req.kind);
	req.note = note;
	req.proves = proves;
	req.source = NULL;
	req.form = NULL;
	req.copies = 0;
	req.group = 0;
	req.files = files;
	req.file_count = count;
	status = evidence_add(c, &req);
	for (i = 0; i < count; i++)
		free(files[i]);
	return status;
}

static void
add_one(struct dispute_case *c, const char *kind, const char *name)
{
	assert_int_equal(add(c, kind, &name, 1, NULL, NULL), DISPUTE_OK);
}

/* Checks record ID against the sample file SOURCE and the copy kept in the case. */
static void
assert_record(const struct fixture *f, const struct dispute_case *c, const char *id,
    const char *kind, const char *source, const char *file, const char *mime)
{
	const cJSON *r = evidence_find(c, id);
	char want_sha[65], copy_sha[65], *source_path = NULL, *copy_path = NULL;
	size_t want_size, copy_size;
	struct stat st;
	const cJSON *size;

	if (r == NULL)
		print_message("no record %s\n", id);
	assert_non_null(r);
	assert_string_equal(member(r, "id"), id);
	assert_string_equal(member(r, "kind"), kind);
	assert_string_equal(member(r, "file"), file);
	assert_string_equal(member(r, "mime"), mime);
	assert_string_equal(member(r, "original_name"), source);
	assert_string_equal(member(r, "added"), ADDED);
	assert_true(asprintf(&source_path, "%s%s", SAMPLES, source) > 0);
	sha256_of(source_path, want_sha, &want_size);
	assert_string_equal(member(r, "sha256"), want_sha);
	size = cJSON_GetObjectItemCaseSensitive(r, "size");
	assert_true(cJSON_IsNumber(size));
	assert_true(size->valuedouble == (double)want_size);
	/* The kept copy: same bytes, read-only. */
	assert_true(asprintf(&copy_path, "%s/%s", f->evidence_dir, file) > 0);
	assert_int_equal(lstat(copy_path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0400);
	sha256_of(copy_path, copy_sha, &copy_size);
	assert_string_equal(copy_sha, want_sha);
	assert_int_equal(copy_size, want_size);
	free(copy_path);
	free(source_path);
}

static const struct sample {
	const char *kind;
	const char *source;
	const char *file;
	const char *mime;
} samples[] = {
	{ "defect", "defect-photo.jpg", "E01-defect.jpg", "image/jpeg" },
	{ "defect", "no-power.mp4", "E02-defect.mp4", "video/mp4" },
	{ "order", "order-screenshot.png", "E03-order.png", "image/png" },
	{ "communication-audio", "call.mp3", "E04-communication-audio.mp3", "audio/mpeg" },
	{ "receipt", "invoice.pdf", "E05-receipt.pdf", "application/pdf" },
	{ "chat", "chat-merchant.txt", "E06-chat.txt", "text/plain" },
	{ "chat", "chat-platform.csv", "E07-chat.csv", "text/csv" },
};

#define SAMPLE_COUNT (sizeof samples / sizeof samples[0])

static void
test_add_every_sample(void **state)
{
	struct fixture *f = *state;
	char id[8], *names;
	size_t i;

	for (i = 0; i < SAMPLE_COUNT; i++) {
		add_one(f->c, samples[i].kind, samples[i].source);
		snprintf(id, sizeof id, "E%02zu", i + 1);
		assert_record(f, f->c, id, samples[i].kind, samples[i].source, samples[i].file,
		    samples[i].mime);
		assert_int_equal(cJSON_GetArraySize(case_evidence(f->c)), (int)(i + 1));
	}
	names = listing(f->evidence_dir);
	assert_string_equal(names,
	    "E01-defect.jpg\nE02-defect.mp4\nE03-order.png\nE04-communication-audio.mp3\n"
	    "E05-receipt.pdf\nE06-chat.txt\nE07-chat.csv\n");
	free(names);

	/* Everything was saved: the records read back from disk are the same. */
	case_close(f->c);
	f->c = NULL;
	assert_int_equal(case_open(f->dir, CASE_READ, &f->c), DISPUTE_OK);
	assert_int_equal(cJSON_GetArraySize(case_evidence(f->c)), (int)SAMPLE_COUNT);
	for (i = 0; i < SAMPLE_COUNT; i++) {
		snprintf(id, sizeof id, "E%02zu", i + 1);
		assert_record(f, f->c, id, samples[i].kind, samples[i].source, samples[i].file,
		    samples[i].mime);
	}
}

/* One batch, one save: both files get the note and what they prove. */
static void
test_add_batch_with_note(void **state)
{
	struct fixture *f = *state;
	const char *const files[] = { "chat-merchant.txt", "chat-platform.csv" };
	const cJSON *r;
	int i;

	assert_int_equal(add(f->c, "chat", files, 2, "与商家的聊天记录", "商家承认质量问题"),
	    DISPUTE_OK);
	assert_record(f, f->c, "E01", "chat", "chat-merchant.txt", "E01-chat.txt", "text/plain");
	assert_record(f, f->c, "E02", "chat", "chat-platform.csv", "E02-chat.csv", "text/csv");
	case_close(f->c);
	f->c = NULL;
	assert_int_equal(case_open(f->dir, CASE_WRITE, &f->c), DISPUTE_OK);
	for (i = 0; i < 2; i++) {
		r = cJSON_GetArrayItem(case_evidence(f->c), i);
		assert_string_equal(member(r, "note"), "与商家的聊天记录");
		assert_string_equal(member(r, "proves"), "商家承认质量问题");
	}
	assert_false(has_incoming(f->evidence_dir));
}

/* A file of several read blocks (the intake reads 1 MiB at a time) is copied and
 * fingerprinted whole, not just its first block. */
static void
test_add_large_file(void **state)
{
	struct fixture *f = *state;
	char *path = NULL, *copy = NULL, want[65], got[65];
	const char *name;
	size_t want_size, got_size, i;
	const cJSON *r;
	FILE *out;

	assert_true(asprintf(&path, "%s/通话记录导出.txt", f->tmp) > 0);
	out = fopen(path, "wb");
	assert_non_null(out);
	for (i = 0; i < 100000; i++)
		assert_true(fprintf(out, "%06zu 2026-11-18 商家：不予退款\n", i) > 0);
	assert_int_equal(fclose(out), 0);
	sha256_of(path, want, &want_size);
	assert_true(want_size > 3 * 1024 * 1024);

	name = path;
	assert_int_equal(add(f->c, "other", &name, 1, NULL, NULL), DISPUTE_OK);
	r = evidence_find(f->c, "E01");
	assert_non_null(r);
	assert_string_equal(member(r, "file"), "E01-other.txt");
	assert_string_equal(member(r, "mime"), "text/plain");
	assert_string_equal(member(r, "original_name"), "通话记录导出.txt");
	assert_string_equal(member(r, "sha256"), want);
	assert_true(cJSON_GetObjectItemCaseSensitive(r, "size")->valuedouble == (double)want_size);
	assert_true(asprintf(&copy, "%s/E01-other.txt", f->evidence_dir) > 0);
	sha256_of(copy, got, &got_size);
	assert_string_equal(got, want);
	assert_int_equal(got_size, want_size);
	free(copy);
	free(path);
}

/* The name's extension does not decide the stored one: a JPEG called .png is a .jpg. */
static void
test_add_misnamed_file(void **state)
{
	struct fixture *f = *state;
	char *path = NULL, *data, *message;
	const char *name;
	struct capture cap;
	size_t len;
	FILE *out;
	int status;

	assert_true(asprintf(&path, "%s/photo.png", f->tmp) > 0);
	data = slurp(SAMPLES "defect-photo.jpg", &len);
	out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(data, 1, len, out), len);
	assert_int_equal(fclose(out), 0);
	name = path;
	capture_start(&cap);
	status = add(f->c, "defect", &name, 1, NULL, NULL);
	message = capture_end(&cap);
	assert_int_equal(status, DISPUTE_OK);
	assert_non_null(strstr(message, "the name says .png but the content is image/jpeg"));
	free(message);
	assert_string_equal(member(evidence_find(f->c, "E01"), "file"), "E01-defect.jpg");
	assert_string_equal(member(evidence_find(f->c, "E01"), "original_name"), "photo.png");
	free(data);
	free(path);
}

/* What a refused batch must leave behind: the case exactly as it was. */
struct snapshot {
	char *record;
	size_t record_len;
	char *names;
	int count;
};

static void
take_snapshot(struct fixture *f, struct snapshot *s)
{
	s->record = own(&f->owned, slurp(f->file, &s->record_len));
	s->names = own(&f->owned, listing(f->evidence_dir));
	s->count = cJSON_GetArraySize(case_evidence(f->c));
}

/* Adds NAMES as KIND, expects a refusal whose message contains FRAGMENT, and checks
 * that case.json, evidence/ and the records in memory did not change. */
static void
expect_refused(struct fixture *f, const char *kind, const char *const *names, int n,
    const char *fragment)
{
	struct snapshot before, after;
	struct capture cap;
	char *message;
	int status;

	take_snapshot(f, &before);
	capture_start(&cap);
	status = add(f->c, kind, names, n, NULL, NULL);
	message = own(&f->owned, capture_end(&cap));

	assert_int_equal(status, DISPUTE_FAILED);
	if (strstr(message, fragment) == NULL)
		print_message("expected \"%s\" in:\n%s", fragment, message);
	assert_non_null(strstr(message, fragment));
	assert_non_null(strstr(message, "nothing was added"));
	take_snapshot(f, &after);
	assert_int_equal(after.record_len, before.record_len);
	assert_memory_equal(after.record, before.record, before.record_len);
	assert_string_equal(after.names, before.names);
	assert_false(has_incoming(f->evidence_dir));
	assert_int_equal(after.count, before.count);
}

static void
test_refused_wrong_type(void **state)
{
	struct fixture *f = *state;
	/* The first file is fine and gets staged; the second is audio, not a defect photo. */
	const char *const batch[] = { "no-power.mp4", "call.mp3" };
	const char *const pdf[] = { "invoice.pdf" };

	add_one(f->c, "defect", "defect-photo.jpg");
	expect_refused(f, "defect", batch, 2, "call.mp3: refused: the content is audio/mpeg");
	expect_refused(f, "medical", (const char *const[]){ "chat-merchant.txt" }, 1,
	    "text/plain");
	expect_refused(f, "communication-audio", pdf, 1, "application/pdf");
	/* Refusals use up no numbers. */
	add_one(f->c, "defect", "no-power.mp4");
	assert_record(f, f->c, "E02", "defect", "no-power.mp4", "E02-defect.mp4", "video/mp4");
}

static void
test_refused_duplicates(void **state)
{
	struct fixture *f = *state;
	const char *const twice[] = { "order-screenshot.png", "order-screenshot.png" };
	const char *const again[] = { "invoice.pdf", "defect-photo.jpg" };

	add_one(f->c, "defect", "defect-photo.jpg");
	expect_refused(f, "order", twice, 2, "the same content as");
	expect_refused(f, "other", again, 2, "already evidence E01");
}

static void
test_refused_unusable_files(void **state)
{
	struct fixture *f = *state;
	char *empty = NULL, *fifo = NULL;
	const char *batch[2] = { "defect-photo.jpg", NULL };
	FILE *out;

	assert_true(asprintf(&empty, "%s/empty.jpg", f->tmp) > 0);
	out = fopen(empty, "wb");
	assert_non_null(out);
	assert_int_equal(fclose(out), 0);
	assert_true(asprintf(&fifo, "%s/pipe.jpg", f->tmp) > 0);
	assert_int_equal(mkfifo(fifo, 0600), 0);

	batch[1] = "no-such-file.jpg";
	expect_refused(f, "defect", batch, 2, "no-such-file.jpg: refused: cannot open");
	batch[1] = empty;
	expect_refused(f, "defect", batch, 2, "the file is empty");
	batch[1] = TEST_DATA_DIR "/evidence";
	expect_refused(f, "defect", batch, 2, "a folder");
	batch[1] = fifo;
	expect_refused(f, "defect", batch, 2, "a pipe");
	free(fifo);
	free(empty);
}

/* A file already under the next final name stops the batch. The copies linked before
 * are removed again, and the records for them must go too: otherwise a later save
 * records evidence whose file is gone. */
/* Creates an empty file NAME in the case's evidence folder. */
static void
touch_evidence(struct fixture *f, const char *name)
{
	char *path = NULL;
	FILE *out;

	assert_true(asprintf(&path, "%s/%s", f->evidence_dir, name) > 0);
	out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fclose(out), 0);
	free(path);
}

/* A file with a final name that no record holds (an interrupted add left it) is moved
 * to a hidden name, content intact, and the batch goes ahead. */
static void
test_unrecorded_name_moved_aside(void **state)
{
	struct fixture *f = *state;
	char *moved = NULL;

	touch_evidence(f, "E02-defect.mp4");
	add_one(f->c, "defect", "defect-photo.jpg");
	add_one(f->c, "defect", "no-power.mp4");
	assert_non_null(evidence_find(f->c, "E02"));
	assert_true(asprintf(&moved, "%s/.leftover.E02-defect.mp4", f->evidence_dir) > 0);
	own(&f->owned, moved);
	assert_int_equal(access(moved, F_OK), 0);
}

/* When the name cannot be freed, the batch is refused whole, and the record in memory
 * is put back as it was (nothing half-added survives for a later save). */
static void
test_refused_name_taken(void **state)
{
	struct fixture *f = *state;
	const char *const batch[] = { "defect-photo.jpg", "no-power.mp4" };
	char hidden[64];
	int i;

	touch_evidence(f, "E02-defect.mp4");
	touch_evidence(f, ".leftover.E02-defect.mp4");
	for (i = 1; i < 100; i++) {
		snprintf(hidden, sizeof hidden, ".leftover.E02-defect.mp4.%d", i);
		touch_evidence(f, hidden);
	}
	expect_refused(f, "defect", batch, 2, "E02-defect.mp4: cannot create");
	assert_null(evidence_find(f->c, "E01"));
}

static void
test_remove_then_add(void **state)
{
	struct fixture *f = *state;
	char *names;

	add_one(f->c, "defect", "defect-photo.jpg");
	add_one(f->c, "defect", "no-power.mp4");
	assert_int_equal(evidence_remove(f->c, "E02"), DISPUTE_OK);
	assert_null(evidence_find(f->c, "E02"));
	assert_non_null(evidence_find(f->c, "E01"));
	names = listing(f->evidence_dir);
	assert_string_equal(names, "E01-defect.jpg\n");
	free(names);

	/* The same content may come back, but under a new number. */
	add_one(f->c, "defect", "no-power.mp4");
	assert_record(f, f->c, "E03", "defect", "no-power.mp4", "E03-defect.mp4", "video/mp4");
	assert_null(evidence_find(f->c, "E02"));

	/* The highest number stays used across a reopen. */
	assert_int_equal(evidence_remove(f->c, "E03"), DISPUTE_OK);
	case_close(f->c);
	f->c = NULL;
	assert_int_equal(case_open(f->dir, CASE_WRITE, &f->c), DISPUTE_OK);
	assert_null(evidence_find(f->c, "E03"));
	assert_int_equal(cJSON_GetArraySize(case_evidence(f->c)), 1);
	add_one(f->c, "order", "order-screenshot.png");
	assert_record(f, f->c, "E04", "order", "order-screenshot.png", "E04-order.png",
	    "image/png");
	names = listing(f->evidence_dir);
	assert_string_equal(names, "E01-defect.jpg\nE04-order.png\n");
	free(names);
}

static void
test_remove_unknown(void **state)
{
	struct fixture *f = *state;
	struct snapshot before, after;
	struct capture cap;
	char *message;
	int status;

	add_one(f->c, "defect", "defect-photo.jpg");
	take_snapshot(f, &before);
	capture_start(&cap);
	status = evidence_remove(f->c, "E99");
	message = capture_end(&cap);
	assert_int_equal(status, DISPUTE_FAILED);
	assert_non_null(strstr(message, "E99"));
	free(message);
	take_snapshot(f, &after);
	assert_int_equal(after.record_len, before.record_len);
	assert_memory_equal(after.record, before.record, before.record_len);
	assert_string_equal(after.names, before.names);
	assert_int_equal(after.count, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defect_types),
		cmocka_unit_test(test_seller_kinds),
		cmocka_unit_test(test_chat_types),
		cmocka_unit_test(test_medical_types),
		cmocka_unit_test(test_communication_audio_types),
		cmocka_unit_test(test_order_types),
		cmocka_unit_test(test_contract_types),
		cmocka_unit_test(test_receipt_types),
		cmocka_unit_test(test_logistics_types),
		cmocka_unit_test(test_other_types),
		cmocka_unit_test(test_kind_find),
		cmocka_unit_test(test_extension_known_type),
		cmocka_unit_test(test_extension_unknown_type),
		cmocka_unit_test(test_svg_refused),
		cmocka_unit_test(test_recorded_type),
		cmocka_unit_test_setup_teardown(test_add_every_sample, case_setup, case_teardown),
		cmocka_unit_test_setup_teardown(test_add_batch_with_note, case_setup, case_teardown),
		cmocka_unit_test_setup_teardown(test_add_large_file, case_setup, case_teardown),
		cmocka_unit_test_setup_teardown(test_add_misnamed_file, case_setup, case_teardown),
		cmocka_unit_test_setup_teardown(test_refused_wrong_type, case_setup, case_teardown),
		cmocka_unit_test_setup_teardown(test_refused_duplicates, case_setup, case_teardown),
		cmocka_unit_test_setup_teardown(test_refused_unusable_files, case_setup, case_teardown),
		cmocka_unit_test_setup_teardown(test_unrecorded_name_moved_aside, case_setup,
		    case_teardown),
		cmocka_unit_test_setup_teardown(test_refused_name_taken, case_setup, case_teardown),
		cmocka_unit_test_setup_teardown(test_remove_then_add, case_setup, case_teardown),
		cmocka_unit_test_setup_teardown(test_remove_unknown, case_setup, case_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
