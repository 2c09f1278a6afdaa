/* Unit tests for bag_verify(): the zipped bags in tests/data/bags (made by
 * make-bags.sh there) and folder bags built here in a temporary folder. Each test
 * names the exact problems, by kind and path, that its bag must produce. */
#define _XOPEN_SOURCE 700 /* nftw() */

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

#include "dispute/bag.h"
#include "dispute/report.h"

#define BAGS TEST_DATA_DIR "/bags/"

struct expect {
	enum bag_problem_kind kind;
	const char *path; /* NULL for a whole-bag problem */
};

static void
show_problems(const struct bag_report *r)
{
	for (size_t i = 0; i < r->problem_count; i++)
		print_message("  %s %s: %s\n", bag_problem_name(r->problems[i].kind),
		    r->problems[i].path != NULL ? r->problems[i].path : "(bag)",
		    r->problems[i].detail);
}

static void
assert_problems(const struct bag_report *r, const struct expect *want, size_t n)
{
	if (r->problem_count != n)
		show_problems(r);
	assert_int_equal(r->problem_count, n);
	for (size_t i = 0; i < n; i++) {
		if (r->problems[i].kind != want[i].kind)
			show_problems(r);
		assert_string_equal(bag_problem_name(r->problems[i].kind),
		    bag_problem_name(want[i].kind));
		if (want[i].path == NULL)
			assert_null(r->problems[i].path);
		else {
			assert_non_null(r->problems[i].path);
			assert_string_equal(r->problems[i].path, want[i].path);
		}
		assert_non_null(r->problems[i].detail);
	}
}

#define EXPECT(report, ...) do { \
	const struct expect want_[] = { __VA_ARGS__ }; \
	assert_problems((report), want_, sizeof(want_) / sizeof(want_[0])); \
} while (0)
#define EXPECT_INTACT(report) assert_problems((report), NULL, 0)

static void
verify_ok(const char *path, struct bag_report *r)
{
	assert_int_equal(bag_verify(path, r), DISPUTE_OK);
}

static void
test_valid_sha256(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "valid-sha256.zip", &r);
	EXPECT_INTACT(&r);
	assert_string_equal(r.root, "valid-sha256");
	assert_string_equal(r.version, "1.0");
	assert_string_equal(r.encoding, "UTF-8");
	assert_string_equal(r.algorithms, "sha256");
	assert_int_equal(r.payload_files, 3);
	assert_int_equal(r.payload_bytes, 133);
	bag_report_free(&r);
}

/* CRLF lines, tab separators, upper-case hex, and "100%25.txt" taken literally. */
static void
test_valid_097_md5(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "valid-097-md5.zip", &r);
	EXPECT_INTACT(&r);
	assert_string_equal(r.root, "valid-097");
	assert_string_equal(r.version, "0.97");
	assert_string_equal(r.algorithms, "md5");
	assert_int_equal(r.payload_files, 2);
	bag_report_free(&r);
}

/* Also: bagit.txt starts with a BOM and ends its lines with CR alone; an empty file. */
static void
test_sha1_sha512(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "sha1-sha512.zip", &r);
	EXPECT_INTACT(&r);
	assert_string_equal(r.version, "1.0");
	assert_string_equal(r.encoding, "UTF-8");
	assert_string_equal(r.algorithms, "sha1,sha512");
	assert_int_equal(r.payload_files, 3);
	bag_report_free(&r);
}

static void
test_latin1_tag_files(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "latin1.zip", &r);
	EXPECT_INTACT(&r);
	assert_string_equal(r.encoding, "ISO-8859-1");
	assert_int_equal(r.payload_files, 1);
	assert_int_equal(r.payload_bytes, 8);
	bag_report_free(&r);
}

static void
test_altered(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "altered.zip", &r);
	EXPECT(&r, { BAG_ALTERED, "data/receipt.txt" });
	assert_non_null(strstr(r.problems[0].detail, "sha256"));
	bag_report_free(&r);
}

static void
test_missing(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "missing.zip", &r);
	EXPECT(&r, { BAG_OXUM, "bag-info.txt" }, { BAG_MISSING, "data/chat/screenshot.png" });
	assert_string_equal(r.problems[0].detail, "declares 133.3, payload is 93.2");
	bag_report_free(&r);
}

static void
test_extra(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "extra.zip", &r);
	EXPECT(&r, { BAG_OXUM, "bag-info.txt" }, { BAG_EXTRA, "data/extra.txt" });
	assert_string_equal(r.problems[1].detail, "not listed in manifest-sha256.txt");
	assert_int_equal(r.payload_files, 4);
	bag_report_free(&r);
}

static void
test_bad_oxum(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "bad-oxum.zip", &r);
	EXPECT(&r, { BAG_OXUM, "bag-info.txt" });
	assert_string_equal(r.problems[0].detail, "declares 133.4, payload is 133.3");
	bag_report_free(&r);
}

/* The fetched file is reported as incomplete, not also as missing. */
static void
test_fetch(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "fetch.zip", &r);
	EXPECT(&r, { BAG_INCOMPLETE, "data/video.mp4" });
	assert_non_null(strstr(r.problems[0].detail, "https://example.com/evidence/video.mp4"));
	bag_report_free(&r);
}

static void
test_dotdot(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "dotdot.zip", &r);
	EXPECT(&r, { BAG_UNSAFE, "../evil" });
	bag_report_free(&r);
}

static void
test_absolute(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "absolute.zip", &r);
	EXPECT(&r, { BAG_UNSAFE, "/etc/passwd" });
	bag_report_free(&r);
}

static void
test_symlink_entry(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "symlink.zip", &r);
	EXPECT(&r, { BAG_UNSAFE, "data/link" });
	assert_int_equal(r.payload_files, 3);
	bag_report_free(&r);
}

static void
test_two_top_level_folders(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "two-roots.zip", &r);
	EXPECT(&r, { BAG_MALFORMED, "other/" }, { BAG_MALFORMED, "stray.txt" });
	assert_string_equal(r.root, "bag");
	bag_report_free(&r);
}

static void
test_not_a_zip(void **state)
{
	struct bag_report r;

	(void)state;
	assert_int_equal(bag_verify(BAGS "not-a-zip.zip", &r), DISPUTE_FAILED);
	assert_int_equal(r.problem_count, 0);
	assert_null(r.problems);
	assert_int_equal(bag_verify(BAGS "no-such-file.zip", &r), DISPUTE_FAILED);
	assert_null(r.root);
}

static void
test_not_a_bag(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "not-a-bag.zip", &r);
	EXPECT(&r, { BAG_MALFORMED, "bagit.txt" });
	assert_string_equal(r.root, "photos");
	bag_report_free(&r);
}

static void
test_unknown_algorithm(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "unknown-alg.zip", &r);
	EXPECT(&r, { BAG_MALFORMED, "manifest-sha3.txt" });
	assert_string_equal(r.problems[0].detail, "unknown algorithm sha3");
	assert_string_equal(r.algorithms, "sha256");
	bag_report_free(&r);
}

/* Names are compared byte for byte as UTF-8: NFC and NFD spellings differ, and the
 * NFD one says so. */
static void
test_nfc_nfd(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "nfd.zip", &r);
	EXPECT(&r, { BAG_EXTRA, "data/cafe\xcc\x81.txt" },
	    { BAG_MISSING, "data/caf\xc3\xa9.txt" });
	assert_string_equal(r.problems[0].detail,
	    "not listed in manifest-sha256.txt (name in decomposed Unicode, NFD)");
	assert_string_equal(r.problems[1].detail, "listed in manifest-sha256.txt");
	bag_report_free(&r);
}

static void
test_tag_file_missing(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "tag-missing.zip", &r);
	EXPECT(&r, { BAG_MISSING, "bag-info.txt" });
	assert_string_equal(r.problems[0].detail, "listed in tagmanifest-sha256.txt");
	bag_report_free(&r);
}

/* The zip itself was edited: the entry fails libzip's CRC check while streaming. */
static void
test_damaged_zip(void **state)
{
	struct bag_report r;

	(void)state;
	verify_ok(BAGS "damaged.zip", &r);
	EXPECT(&r, { BAG_MALFORMED, "data/receipt.txt" });
	assert_string_equal(r.problems[0].detail, "cannot read: CRC error");
	bag_report_free(&r);
}

/* Folder bags. */

static void
write_file(const char *dir, const char *rel, const char *content)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(content, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void
make_dir(const char *dir, const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static int
folder_setup(void **state)
{
	static char dir[64];

	strcpy(dir, "/tmp/dispute-bag-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	make_dir(dir, "data");
	make_dir(dir, "data/sub");
	write_file(dir, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
	write_file(dir, "data/a.txt", "hello\n");
	write_file(dir, "data/sub/b.txt", "world\n");
	write_file(dir, "manifest-md5.txt",
	    "b1946ac92492d2347c6235b4d2611184  data/a.txt\n"
	    "591785b794601e212b260e25925636fd  data/sub/b.txt\n");
	write_file(dir, "bag-info.txt", "Payload-Oxum: 12.2\n");
	*state = dir;
	return 0;
}

static int
folder_teardown(void **state)
{
	return remove_tree(*state);
}

static void
test_folder_intact(void **state)
{
	struct bag_report r;

	verify_ok(*state, &r);
	EXPECT_INTACT(&r);
	assert_null(r.root);
	assert_string_equal(r.algorithms, "md5");
	assert_int_equal(r.payload_files, 2);
	assert_int_equal(r.payload_bytes, 12);
	bag_report_free(&r);
}

static void
test_folder_tampered(void **state)
{
	const char *dir = *state;
	char link[512];
	struct bag_report r;

	write_file(dir, "data/a.txt", "hellO\n");
	snprintf(link, sizeof(link), "%s/data/link", dir);
	assert_int_equal(symlink("/etc/passwd", link), 0);
	verify_ok(dir, &r);
	EXPECT(&r, { BAG_ALTERED, "data/a.txt" }, { BAG_UNSAFE, "data/link" });
	assert_string_equal(r.problems[0].detail, "md5 checksum differs (manifest-md5.txt)");
	bag_report_free(&r);
}

static void
test_problem_names(void **state)
{
	(void)state;
	assert_string_equal(bag_problem_name(BAG_ALTERED), "altered");
	assert_string_equal(bag_problem_name(BAG_MISSING), "missing");
	assert_string_equal(bag_problem_name(BAG_EXTRA), "extra");
	assert_string_equal(bag_problem_name(BAG_OXUM), "oxum");
	assert_string_equal(bag_problem_name(BAG_INCOMPLETE), "incomplete");
	assert_string_equal(bag_problem_name(BAG_MALFORMED), "malformed");
	assert_string_equal(bag_problem_name(BAG_UNSAFE), "unsafe");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_sha256),
		cmocka_unit_test(test_valid_097_md5),
		cmocka_unit_test(test_sha1_sha512),
		cmocka_unit_test(test_latin1_tag_files),
		cmocka_unit_test(test_altered),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_extra),
		cmocka_unit_test(test_bad_oxum),
		cmocka_unit_test(test_fetch),
		cmocka_unit_test(test_dotdot),
		cmocka_unit_test(test_absolute),
		cmocka_unit_test(test_symlink_entry),
		cmocka_unit_test(test_two_top_level_folders),
		cmocka_unit_test(test_not_a_zip),
		cmocka_unit_test(test_not_a_bag),
		cmocka_unit_test(test_unknown_algorithm),
		cmocka_unit_test(test_nfc_nfd),
		cmocka_unit_test(test_tag_file_missing),
		cmocka_unit_test(test_damaged_zip),
		cmocka_unit_test_setup_teardown(test_folder_intact, folder_setup,
		    folder_teardown),
		cmocka_unit_test_setup_teardown(test_folder_tampered, folder_setup,
		    folder_teardown),
		cmocka_unit_test(test_problem_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
