/*
 * Tests for the dossier writer (dossier.c) against the bag verifier (bag_verify) and
 * against libzip reading the zip back: a case with real evidence in a mkdtemp folder
 * must pack into an intact BagIt bag, the same bytes every time, with sorted entries
 * under one root folder; an evidence copy changed after intake must stop the pack
 * and leave neither the dossier nor a partial file behind.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* asprintf(), nftw() */
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "support.h"
#include <zip.h>

#include "dispute/bag.h"
#include "dispute/case.h"
#include "dispute/dossier.h"
#include "dispute/evidence.h"
#include "dispute/report.h"
#include "dispute/rules.h"

#define SAMPLES TEST_DATA_DIR "/evidence/"
#define DATE "2026-11-20"
#define ORDER_ID "TB2026112012345"
#define ROOT "dispute-" ORDER_ID "-20261120"

struct fixture {
	char tmp[64];
	char *dir;                 /* TMP/case */
	char *out;                 /* TMP/out: the output folder */
	struct dispute_case *c;    /* opened for reading */
	int evidence_count;
	uint64_t evidence_bytes;
};

/* The evidence of the test case, as (kind, sample file) in the order added. */
static const struct {
	const char *kind;
	const char *source;
	const char *file;
} evidence[] = {
	{ "defect", "defect-photo.jpg", "E01-defect.jpg" },
	{ "defect", "no-power.mp4", "E02-defect.mp4" },
	{ "chat", "chat-merchant.txt", "E03-chat.txt" },
	{ "receipt", "invoice.pdf", "E04-receipt.pdf" },
	{ "communication-audio", "call.mp3", "E05-communication-audio.mp3" },
};

#define EVIDENCE_COUNT (sizeof evidence / sizeof evidence[0])


static int
add_sample(struct dispute_case *c, const char *kind, const char *source)
{
	char *path = NULL;
	struct evidence_request req;
	int status;

	if (asprintf(&path, "%s%s", SAMPLES, source) == -1)
		return DISPUTE_FAILED;
	memset(&req, 0, sizeof req);
	req.kind = evidence_kind_find(kind);
	req.note = NULL;
	req.proves = NULL;
	req.source = NULL;
	req.form = NULL;
	req.copies = 0;
	req.group = 0;
	req.files = &path;
	req.file_count = 1;
	status = req.kind != NULL ? evidence_add(c, &req) : DISPUTE_FAILED;
	free(path);
	return status;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct dispute_case *c = NULL;
	struct stat st;
	size_t i;

	if (f == NULL || setenv("SOURCE_DATE_EPOCH", "1795000000", 1) == -1)
		return -1;
	strcpy(f->tmp, "/tmp/dispute-dossier-XXXXXX");
	if (mkdtemp(f->tmp) == NULL || asprintf(&f->dir, "%s/case", f->tmp) == -1 ||
	    asprintf(&f->out, "%s/out", f->tmp) == -1 || mkdir(f->out, 0700) == -1 ||
	    case_create(f->dir, "2026-11-18T10:00:00+08:00") != DISPUTE_OK ||
	    case_open(f->dir, CASE_WRITE, &c) != DISPUTE_OK)
		return -1;
	if (case_set(c, "order.id", ORDER_ID) != DISPUTE_OK ||
	    case_set(c, "order.product", "美的电饭煲") != DISPUTE_OK ||
	    case_set(c, "merchant.shop", "某某家电旗舰店") != DISPUTE_OK || case_save(c) != DISPUTE_OK)
		return -1;
	for (i = 0; i < EVIDENCE_COUNT; i++) {
		char *path = NULL;

		if (add_sample(c, evidence[i].kind, evidence[i].source) != DISPUTE_OK ||
		    asprintf(&path, "%s%s", SAMPLES, evidence[i].source) == -1)
			return -1;
		if (stat(path, &st) == -1) {
			free(path);
			return -1;
		}
		free(path);
		f->evidence_bytes += (uint64_t)st.st_size;
		f->evidence_count++;
	}
	case_close(c);
	/* The dossier is written from a case opened to write, as `dispute pack` does. */
	if (case_open(f->dir, CASE_WRITE, &f->c) != DISPUTE_OK)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	int status;

	case_close(f->c);
	status = remove_tree(f->tmp);
	free(f->out);
	free(f->dir);
	free(f);
	return status;
}


/* How many entries of DIR have FRAGMENT in their name. */
static int
count_containing(const char *dir, const char *fragment)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, fragment) != NULL)
			n++;
	closedir(d);
	return n;
}

/* What `dispute pack` does: the inputs once, then the dossier on DATE. */
static int
pack(const struct fixture *f, const struct dossier_options *options, const char *date,
    char **written)
{
	struct rules rules = { NULL, NULL };
	struct holiday_table holidays = { NULL };
	struct dossier_inputs inputs;
	int status = DISPUTE_FAILED;

	memset(&inputs, 0, sizeof inputs);
	if (rules_load_default(&rules) == DISPUTE_OK &&
	    holidays_load_default(&holidays, f->dir) == DISPUTE_OK &&
	    dossier_inputs_build(f->c, &rules, &holidays, date, &inputs) == DISPUTE_OK)
		status = dossier_write(f->c, &inputs, options, written);
	dossier_inputs_free(&inputs);
	holidays_free(&holidays);
	rules_free(&rules);
	return status;
}

/* Writes the dossier to OUT/NAME and returns its path (malloc'd). */
static char *
write_dossier(const struct fixture *f, const char *name)
{
	struct dossier_options options = { NULL };
	char *path = NULL, *written = NULL;

	assert_true(asprintf(&path, "%s/%s", f->out, name) > 0);
	options.output = path;
	assert_int_equal(pack(f, &options, DATE, &written), DISPUTE_OK);
	assert_non_null(written);
	assert_string_equal(written, path);
	free(written);
	assert_int_equal(count_containing(f->out, "dossier-partial"), 0);
	return path;
}

/* The content of entry NAME in ARCHIVE, malloc'd. */
static char *
zip_entry_text(zip_t *archive, const char *name, zip_uint64_t *len)
{
	zip_stat_t st;
	zip_file_t *file;
	char *data;

	assert_int_equal(zip_stat(archive, name, ZIP_FL_ENC_UTF_8, &st), 0);
	assert_true(st.valid & ZIP_STAT_SIZE);
	data = malloc(st.size + 1);
	assert_non_null(data);
	file = zip_fopen(archive, name, 0);
	assert_non_null(file);
	assert_int_equal(zip_fread(file, data, st.size), (zip_int64_t)st.size);
	assert_int_equal(zip_fclose(file), 0);
	data[st.size] = '\0';
	*len = st.size;
	return data;
}

static zip_t *
open_zip(const char *path)
{
	int error = 0;
	zip_t *archive = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &error);

	if (archive == NULL)
		print_message("%s: libzip error %d\n", path, error);
	assert_non_null(archive);
	return archive;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The verifier's verdict. */

/* The size of data/timestamps/NNN.EXT in the dossier. */
static uint64_t
stamp_size(zip_t *archive, size_t n, const char *ext)
{
	char *name = NULL;
	zip_stat_t zs;

	assert_true(asprintf(&name, ROOT "/data/timestamps/%03zu.%s", n, ext) > 0);
	assert_int_equal(zip_stat(archive, name, ZIP_FL_ENC_UTF_8, &zs), 0);
	free(name);
	return zs.size;
}

static void
test_bag_is_intact(void **state)
{
	struct fixture *f = *state;
	char *path = write_dossier(f, "dossier.zip");
	char *case_file = NULL;
	struct bag_report r;
	struct stat st;
	zip_t *archive;
	zip_stat_t zs;
	uint64_t page_bytes;
	size_t i;

	assert_int_equal(bag_verify(path, &r), DISPUTE_OK);
	for (i = 0; i < r.problem_count; i++)
		print_message("  %s %s: %s\n", bag_problem_name(r.problems[i].kind),
		    r.problems[i].path != NULL ? r.problems[i].path : "(bag)", r.problems[i].detail);
	assert_int_equal(r.problem_count, 0);
	assert_non_null(r.root);
	assert_string_equal(r.root, ROOT);
	assert_non_null(r.version);
	assert_string_equal(r.version, "1.0");
	assert_non_null(r.encoding);
	assert_string_equal(r.encoding, "UTF-8");
	assert_non_null(r.algorithms);
	assert_string_equal(r.algorithms, "sha256");
	/* The evidence, case.json, the timeline, the page, the photo's thumbnail and the
	 * video's poster frame, and the list and timestamp request of each add-evidence
	 * (one file each here). */
	assert_int_equal(r.payload_files, 3 * f->evidence_count + 5);

	/* Payload bytes: the evidence, case.json as on disk, the timeline, the page, its
	 * thumbnail and poster frame, and the timestamp lists and requests. */
	assert_true(asprintf(&case_file, "%s/case.json", f->dir) > 0);
	assert_int_equal(stat(case_file, &st), 0);
	archive = open_zip(path);
	assert_int_equal(zip_stat(archive, ROOT "/data/timeline.txt", ZIP_FL_ENC_UTF_8, &zs), 0);
	page_bytes = zs.size;
	assert_int_equal(zip_stat(archive, ROOT "/data/index.html", ZIP_FL_ENC_UTF_8, &zs), 0);
	page_bytes += zs.size;
	assert_int_equal(zip_stat(archive, ROOT "/data/thumbs/E01-defect.jpg", ZIP_FL_ENC_UTF_8,
	    &zs), 0);
	page_bytes += zs.size;
	assert_int_equal(zip_stat(archive, ROOT "/data/posters/E02-defect.jpg", ZIP_FL_ENC_UTF_8,
	    &zs), 0);
	page_bytes += zs.size;
	for (i = 1; i <= (size_t)f->evidence_count; i++)
		page_bytes += stamp_size(archive, i, "txt") + stamp_size(archive, i, "tsq");
	assert_int_equal(r.payload_bytes, f->evidence_bytes + (uint64_t)st.st_size + page_bytes);
	zip_discard(archive);
	bag_report_free(&r);
	free(case_file);
	free(path);
}

/* With more facts the dossier may carry rendered documents in data/documents/; the bag
 * must stay intact and count them as payload. */
static void
test_bag_with_documents_is_intact(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c = NULL;
	struct bag_report r;
	char *path, *info;
	zip_t *archive;
	zip_int64_t i, count;
	zip_uint64_t info_len;
	size_t documents = 0, j;

	case_close(f->c);
	f->c = NULL;
	assert_int_equal(case_open(f->dir, CASE_WRITE, &c), DISPUTE_OK);
	assert_int_equal(case_set(c, "claimant.name", "张三"), DISPUTE_OK);
	assert_int_equal(case_save(c), DISPUTE_OK);
	case_close(c);
	assert_int_equal(case_open(f->dir, CASE_WRITE, &f->c), DISPUTE_OK);

	path = write_dossier(f, "dossier.zip");
	archive = open_zip(path);
	count = zip_get_num_entries(archive, 0);
	for (i = 0; i < count; i++)
		if (strncmp(zip_get_name(archive, (zip_uint64_t)i, 0), ROOT "/data/documents/",
		    strlen(ROOT "/data/documents/")) == 0)
			documents++;
	info = zip_entry_text(archive, ROOT "/bag-info.txt", &info_len);
	assert_contains(info, "Contact-Name: 张三\n");
	free(info);
	zip_discard(archive);

	assert_int_equal(bag_verify(path, &r), DISPUTE_OK);
	for (j = 0; j < r.problem_count; j++)
		print_message("  %s %s: %s\n", bag_problem_name(r.problems[j].kind),
		    r.problems[j].path != NULL ? r.problems[j].path : "(bag)", r.problems[j].detail);
	assert_int_equal(r.problem_count, 0);
	/* + case.json, the timeline, the page, the photo's thumbnail and the video's poster
	 * frame, and a list and a request per item */
	assert_int_equal(r.payload_files, 3 * f->evidence_count + 5 + documents);
	bag_report_free(&r);
	free(path);
}

/* The payload holds the files themselves: case.json as on disk, each evidence copy. */
static void
test_payload_content(void **state)
{
	struct fixture *f = *state;
	char *path = write_dossier(f, "dossier.zip");
	char *case_file = NULL, *disk, *packed, *info, *name = NULL, *sample = NULL;
	zip_uint64_t packed_len, info_len;
	size_t disk_len, i;
	zip_t *archive = open_zip(path);

	assert_true(asprintf(&case_file, "%s/case.json", f->dir) > 0);
	disk = slurp(case_file, &disk_len);
	packed = zip_entry_text(archive, ROOT "/data/case.json", &packed_len);
	assert_int_equal(packed_len, disk_len);
	assert_memory_equal(packed, disk, disk_len);
	free(packed);
	free(disk);
	for (i = 0; i < EVIDENCE_COUNT; i++) {
		assert_true(asprintf(&name, ROOT "/data/evidence/%s", evidence[i].file) > 0);
		assert_true(asprintf(&sample, "%s%s", SAMPLES, evidence[i].source) > 0);
		disk = slurp(sample, &disk_len);
		packed = zip_entry_text(archive, name, &packed_len);
		assert_int_equal(packed_len, disk_len);
		assert_memory_equal(packed, disk, disk_len);
		free(packed);
		free(disk);
		free(sample);
		free(name);
	}
	info = zip_entry_text(archive, ROOT "/bag-info.txt", &info_len);
	assert_contains(info, "Bagging-Date: " DATE "\n");
	assert_contains(info, "External-Identifier: " ORDER_ID "\n");
	assert_contains(info, "美的电饭煲");
	assert_contains(info, "某某家电旗舰店");
	assert_int_equal(strstr(info, "Contact-Name:") == NULL, 1); /* claimant.name is not set */
	free(info);
	zip_discard(archive);
	free(case_file);
	free(path);
}

/* Reproducible: neither the time of packing nor the copies' file times show. */
static void
test_reproducible(void **state)
{
	struct fixture *f = *state;
	char *first = write_dossier(f, "first.zip"), *second, *copy = NULL;
	char *a, *b;
	size_t alen, blen;
	struct timespec times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

	assert_true(asprintf(&copy, "%s/evidence/%s", f->dir, evidence[0].file) > 0);
	assert_int_equal(utimensat(AT_FDCWD, copy, times, 0), 0);
	sleep(2); /* DOS times have a resolution of two seconds */
	second = write_dossier(f, "second.zip");
	a = slurp(first, &alen);
	b = slurp(second, &blen);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	free(b);
	free(a);
	free(copy);
	free(second);
	free(first);
}

/* The zip itself, as libzip reads it. */
static void
test_zip_layout(void **state)
{
	static const char *const want[] = {
		ROOT "/bag-info.txt",
		ROOT "/bagit.txt",
		ROOT "/data/case.json",
		ROOT "/data/evidence/E01-defect.jpg",
		ROOT "/data/evidence/E02-defect.mp4",
		ROOT "/data/evidence/E03-chat.txt",
		ROOT "/data/evidence/E04-receipt.pdf",
		ROOT "/data/evidence/E05-communication-audio.mp3",
		ROOT "/data/index.html",
		ROOT "/data/posters/E02-defect.jpg",
		ROOT "/data/thumbs/E01-defect.jpg",
		ROOT "/data/timeline.txt",
		ROOT "/data/timestamps/001.tsq",
		ROOT "/data/timestamps/001.txt",
		ROOT "/data/timestamps/002.tsq",
		ROOT "/data/timestamps/002.txt",
		ROOT "/data/timestamps/003.tsq",
		ROOT "/data/timestamps/003.txt",
		ROOT "/data/timestamps/004.tsq",
		ROOT "/data/timestamps/004.txt",
		ROOT "/data/timestamps/005.tsq",
		ROOT "/data/timestamps/005.txt",
		ROOT "/manifest-sha256.txt",
		ROOT "/tagmanifest-sha256.txt",
	};
	struct fixture *f = *state;
	char *path = write_dossier(f, "dossier.zip");
	zip_t *archive = open_zip(path);
	zip_int64_t count = zip_get_num_entries(archive, 0), i;
	char previous[512] = "";
	time_t first_mtime = 0, midnight;
	struct tm tm;

	/* Midnight of the bagging date, local time, as the DOS time stamps read. */
	memset(&tm, 0, sizeof tm);
	tm.tm_year = 2026 - 1900;
	tm.tm_mon = 11 - 1;
	tm.tm_mday = 20;
	tm.tm_isdst = -1;
	midnight = mktime(&tm);

	assert_int_equal(count, (zip_int64_t)(sizeof want / sizeof want[0]));
	for (i = 0; i < count; i++) {
		zip_stat_t st;
		zip_uint8_t opsys;
		zip_uint32_t attributes;

		assert_int_equal(zip_stat_index(archive, (zip_uint64_t)i, 0, &st), 0);
		assert_true(st.valid & ZIP_STAT_NAME);
		assert_true(st.valid & ZIP_STAT_COMP_METHOD);
		assert_true(st.valid & ZIP_STAT_MTIME);
		assert_string_equal(st.name, want[i]);
		assert_int_equal(strncmp(st.name, ROOT "/", strlen(ROOT "/")), 0);
		if (i > 0)
			assert_true(strcmp(previous, st.name) < 0);
		snprintf(previous, sizeof previous, "%s", st.name);

		if (ends_with(st.name, ".jpg") || ends_with(st.name, ".mp4") ||
		    ends_with(st.name, ".mp3") || ends_with(st.name, ".pdf"))
			assert_int_equal(st.comp_method, ZIP_CM_STORE);
		if (ends_with(st.name, ".txt") || ends_with(st.name, ".json"))
			assert_int_equal(st.comp_method, ZIP_CM_DEFLATE);

		if (i == 0)
			first_mtime = st.mtime;
		assert_int_equal(st.mtime, first_mtime);
		assert_int_equal(st.mtime, midnight);

		assert_int_equal(zip_file_get_external_attributes(archive, (zip_uint64_t)i, 0,
		    &opsys, &attributes), 0);
		assert_int_equal(opsys, ZIP_OPSYS_UNIX);
		assert_int_equal(attributes >> 16, 0100644);
	}
	zip_discard(archive);
	free(path);
}

/* Names. */

static void
expect_name(const char *order_id, const char *date, const char *want)
{
	char *got = dossier_name(order_id, date, "");

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_dossier_name(void **state)
{
	(void)state;
	expect_name("订单/1 2", "2026-11-20", "dispute-订单_1_2-20261120");
	expect_name(ORDER_ID, DATE, ROOT);
	expect_name("A-1.b_c", "2026-01-05", "dispute-A-1.b_c-20260105");
	expect_name("a\\b:c*d?e\"f<g>h|i\tj", "2026-11-20",
	    "dispute-a_b_c_d_e_f_g_h_i_j-20261120");
	expect_name("../../etc", "2026-11-20", "dispute-.._.._etc-20261120");
}

/* Refusals: no dossier, no partial file. */

static void
expect_no_dossier(const struct fixture *f, const char *date, const char *fragment)
{
	struct dossier_options options = { NULL };
	struct capture cap;
	char *path = NULL, *written = NULL, *message;
	int status;

	assert_true(asprintf(&path, "%s/bad.zip", f->out) > 0);
	options.output = path;
	capture_start(&cap);
	status = pack(f, &options, date, &written);
	message = capture_end(&cap);
	assert_int_equal(status, DISPUTE_FAILED);
	assert_null(written);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(count_containing(f->out, "dossier-partial"), 0);
	assert_int_equal(count_containing(f->out, "bad.zip"), 0);
	assert_contains(message, fragment);
	free(message);
	free(path);
}

/* One byte of a kept copy changed, same size: found only while streaming. */
static void
test_changed_byte_refused(void **state)
{
	struct fixture *f = *state;
	char *copy = NULL, byte;
	int fd;

	assert_true(asprintf(&copy, "%s/evidence/%s", f->dir, evidence[1].file) > 0);
	assert_int_equal(chmod(copy, 0644), 0);
	fd = open(copy, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(pread(fd, &byte, 1, 100), 1);
	byte ^= 0x01;
	assert_int_equal(pwrite(fd, &byte, 1, 100), 1);
	assert_int_equal(close(fd), 0);
	expect_no_dossier(f, DATE, "E02-defect.mp4: changed since it was added");
	free(copy);
}

/* The last byte: the change is in the final block read before the end of the file. */
static void
test_changed_last_byte_refused(void **state)
{
	struct fixture *f = *state;
	char *copy = NULL, byte;
	struct stat st;
	int fd;

	assert_true(asprintf(&copy, "%s/evidence/%s", f->dir, evidence[2].file) > 0);
	assert_int_equal(chmod(copy, 0644), 0);
	assert_int_equal(stat(copy, &st), 0);
	fd = open(copy, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(pread(fd, &byte, 1, st.st_size - 1), 1);
	byte ^= 0x20;
	assert_int_equal(pwrite(fd, &byte, 1, st.st_size - 1), 1);
	assert_int_equal(close(fd), 0);
	expect_no_dossier(f, DATE, "E03-chat.txt: changed since it was added");
	free(copy);
}

static void
test_resized_copy_refused(void **state)
{
	struct fixture *f = *state;
	char *copy = NULL;
	FILE *out;

	assert_true(asprintf(&copy, "%s/evidence/%s", f->dir, evidence[0].file) > 0);
	assert_int_equal(chmod(copy, 0644), 0);
	out = fopen(copy, "ab");
	assert_non_null(out);
	assert_int_equal(fputc('x', out), 'x');
	assert_int_equal(fclose(out), 0);
	expect_no_dossier(f, DATE, "E01-defect.jpg: changed since it was added");
	free(copy);
}

static void
test_missing_copy_refused(void **state)
{
	struct fixture *f = *state;
	char *copy = NULL;

	assert_true(asprintf(&copy, "%s/evidence/%s", f->dir, evidence[3].file) > 0);
	assert_int_equal(unlink(copy), 0);
	expect_no_dossier(f, DATE, "E04-receipt.pdf: missing");
	free(copy);
}

static void
test_bad_date_refused(void **state)
{
	expect_no_dossier(*state, "20261120", "not a date");
}

/* Only a case opened to write keeps the digest of its case.json that the dossier
 * vouches for; one opened to read is refused by name, not packed with an empty digest. */
static void
test_case_opened_to_read_refused(void **state)
{
	struct fixture *f = *state;

	case_close(f->c);
	f->c = NULL;
	assert_int_equal(case_open(f->dir, CASE_READ, &f->c), DISPUTE_OK);
	expect_no_dossier(f, DATE, "case.json: the case was opened only to read");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bag_is_intact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bag_with_documents_is_intact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_payload_content, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reproducible, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zip_layout, setup, teardown),
		cmocka_unit_test(test_dossier_name),
		cmocka_unit_test_setup_teardown(test_changed_byte_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_last_byte_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resized_copy_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_copy_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_date_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_opened_to_read_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
