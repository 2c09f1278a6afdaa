/* Unit tests for bag_verify() on folder bags built here in a temporary folder; each
 * names the exact problems, by kind and path, that its bag must produce. The zipped
 * bags of tests/data/bags are tests as data: NAME.zip beside NAME.expected. */
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

/* A path that names nothing fails with one error and an empty report. The zipped bags
 * of tests/data/bags are judged as data, one CTest test each (tests/bags/check.sh). */
static void
test_no_such_bag(void **state)
{
	struct bag_report r;

	(void)state;
	assert_int_equal(bag_verify(TEST_DATA_DIR "/bags/no-such-file.zip", &r), DISPUTE_FAILED);
	assert_null(r.root);
	assert_int_equal(r.problem_count, 0);
	assert_null(r.problems);
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

/* The binary-mode marker is '*' after exactly one space, as md5sum -b writes it;
 * after a tab (or two spaces) it is part of the name, here one outside data/. */
static void
test_folder_binary_marker(void **state)
{
	const char *dir = *state;
	struct bag_report r;

	write_file(dir, "manifest-md5.txt",
	    "b1946ac92492d2347c6235b4d2611184 *data/a.txt\n"
	    "591785b794601e212b260e25925636fd\t*data/sub/b.txt\n");
	verify_ok(dir, &r);
	EXPECT(&r, { BAG_MALFORMED, "*data/sub/b.txt" }, { BAG_EXTRA, "data/sub/b.txt" });
	bag_report_free(&r);
}

/* A folder bag too: a name stored in NFD, listed in NFC, verifies with a warning that
 * names the manifest's line. */
static void
test_folder_normalization(void **state)
{
	const char *dir = *state;
	struct bag_report r;

	write_file(dir, "data/sub/cafe\xcc\x81.txt", "facture\n");
	write_file(dir, "manifest-md5.txt",
	    "b1946ac92492d2347c6235b4d2611184  data/a.txt\n"
	    "591785b794601e212b260e25925636fd  data/sub/b.txt\n"
	    "2a4dd6a7b2a0a4b1d5d8c5e2e4f1c9f0  data/sub/caf\xc3\xa9.txt\n");
	write_file(dir, "bag-info.txt", "Payload-Oxum: 20.3\n");
	verify_ok(dir, &r);
	/* The checksum above is not facture's: the file is judged by it, as altered. */
	EXPECT(&r, { BAG_ALTERED, "data/sub/cafe\xcc\x81.txt" });
	assert_int_equal(r.warning_count, 1);
	assert_string_equal(bag_warning_name(r.warnings[0].kind), "normalization");
	assert_string_equal(r.warnings[0].path, "manifest-md5.txt");
	assert_int_equal(r.warnings[0].line, 3);
	assert_non_null(strstr(r.warnings[0].detail, "in NFC, the bag holds it in NFD"));
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
	assert_string_equal(bag_warning_name(BAG_WARN_DUPLICATE), "duplicate");
	assert_string_equal(bag_warning_name(BAG_WARN_NORMALIZATION), "normalization");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_such_bag),
		cmocka_unit_test_setup_teardown(test_folder_intact, folder_setup,
		    folder_teardown),
		cmocka_unit_test_setup_teardown(test_folder_tampered, folder_setup,
		    folder_teardown),
		cmocka_unit_test_setup_teardown(test_folder_binary_marker, folder_setup,
		    folder_teardown),
		cmocka_unit_test_setup_teardown(test_folder_normalization, folder_setup,
		    folder_teardown),
		cmocka_unit_test(test_problem_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
