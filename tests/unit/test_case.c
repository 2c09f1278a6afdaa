/*
 * Tests for the case model (case.c): creating a case folder, the lock, setting and
 * reading facts through a save and reopen, and refusing a damaged case.json while
 * leaving it byte for byte as it was. Every test works in its own mkdtemp folder.
 * Error messages are captured by pointing stderr at a temporary file.
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
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "support.h"

#include "dispute/case.h"
#include "dispute/report.h"

#define CREATED "2026-11-01T10:00:00+08:00"
#define SHA_E01 "a75ed093e4ef63caea78482ce26d05186b5ee02f5b2112b1b58822dffd4934e7"

struct fixture {
	char tmp[64];    /* the mkdtemp folder */
	char *dir;       /* TMP/case: the case folder, not created by the setup */
	char *file;      /* DIR/case.json */
	struct owned owned; /* freed by the teardown */
};



static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	strcpy(f->tmp, "/tmp/dispute-case-XXXXXX");
	if (mkdtemp(f->tmp) == NULL || asprintf(&f->dir, "%s/case", f->tmp) == -1 ||
	    asprintf(&f->file, "%s/case.json", f->dir) == -1) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	int status = remove_tree(f->tmp);

	owned_free(&f->owned);
	free(f->file);
	free(f->dir);
	free(f);
	return status;
}


static void
spill(const char *path, const char *text)
{
	FILE *out = fopen(path, "wb");

	assert_non_null(out);
	assert_int_equal(fwrite(text, 1, strlen(text), out), strlen(text));
	assert_int_equal(fclose(out), 0);
}

static void
assert_same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
}


/* How many entries of DIR start with PREFIX. */
static int
count_prefixed(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

static void
assert_mode(const char *path, mode_t type, mode_t perm)
{
	struct stat st;

	assert_int_equal(lstat(path, &st), 0);
	assert_int_equal(st.st_mode & S_IFMT, type);
	assert_int_equal(st.st_mode & 07777, perm);
}

static struct dispute_case *
open_case(const char *dir, enum case_access access_mode)
{
	struct dispute_case *c = NULL;

	assert_int_equal(case_open(dir, access_mode, &c), DISPUTE_OK);
	assert_non_null(c);
	return c;
}

/* A hand-written case.json with the given schema, "order" section and evidence array. */
static char *
record_text(const char *schema, const char *order, const char *evidence)
{
	char *text = NULL;

	assert_true(asprintf(&text,
	    "{\n"
	    "\t\"schema\":\t\"%s\",\n"
	    "\t\"created\":\t\"" CREATED "\",\n"
	    "\t\"case\":\t{},\n"
	    "\t\"claimant\":\t{\"name\": \"张三\"},\n"
	    "\t\"merchant\":\t{},\n"
	    "\t\"order\":\t%s,\n"
	    "\t\"problem\":\t{},\n"
	    "\t\"demand\":\t{},\n"
	    "\t\"evidence\":\t%s,\n"
	    "\t\"timeline\":\t[]\n"
	    "}\n", schema, order, evidence) > 0);
	return text;
}

#define GOOD_ORDER "{\"id\": \"TB123\", \"amount\": \"1299.00\"}"

/* An evidence array with one record; FILE and SIZE are JSON literals. */
static char *
evidence_text(const char *file, const char *size, int with_sha256)
{
	char *text = NULL;

	assert_true(asprintf(&text,
	    "[{\"id\": \"E01\", \"kind\": \"defect\", \"file\": %s, %s\"size\": %s, "
	    "\"mime\": \"image/jpeg\", \"original_name\": \"defect-photo.jpg\", "
	    "\"added\": \"" CREATED "\"}]",
	    file, with_sha256 ? "\"sha256\": \"" SHA_E01 "\", " : "", size) > 0);
	return text;
}

/* Creates the case, replaces its case.json with TEXT, and checks that opening it (for
 * reading and for writing) is refused with a message naming the file and containing
 * FRAGMENT, and that the file is left exactly as it was. */
static void
expect_refused(struct fixture *f, const char *text, const char *fragment)
{
	static const enum case_access modes[] = { CASE_READ, CASE_WRITE };
	char *before, *after, *message;
	size_t before_len, after_len;
	size_t i;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	spill(f->file, text);
	before = own(&f->owned, slurp(f->file, &before_len));
	for (i = 0; i < 2; i++) {
		struct dispute_case *c = NULL;
		struct capture cap;
		int status;

		capture_start(&cap);
		status = case_open(f->dir, modes[i], &c);
		message = own(&f->owned, capture_end(&cap));
		if (c != NULL)
			case_close(c); /* it should not have opened */
		assert_int_equal(status, DISPUTE_FAILED);
		assert_null(c);
		assert_contains(message, f->file);
		assert_contains(message, fragment);
		after = own(&f->owned, slurp(f->file, &after_len));
		assert_same_bytes(before, before_len, after, after_len);
	}
	assert_int_equal(count_prefixed(f->dir, ".case.json."), 0);
}

/* Creating. */

static void
test_create_layout(void **state)
{
	struct fixture *f = *state;
	char *evidence = NULL, *text;
	mode_t old_mask = umask(022); /* a mode left to the umask would show as 0755 */
	cJSON *root;
	size_t len;
	int status;

	status = case_create(f->dir, CREATED);
	umask(old_mask);
	assert_int_equal(status, DISPUTE_OK);
	assert_true(asprintf(&evidence, "%s/evidence", f->dir) > 0);
	assert_mode(f->dir, S_IFDIR, 0700);
	assert_mode(evidence, S_IFDIR, 0700);
	assert_mode(f->file, S_IFREG, 0600);
	text = own(&f->owned, slurp(f->file, &len));
	assert_int_equal(text[len - 1], '\n');
	root = cJSON_Parse(text);
	assert_non_null(root);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "schema")),
	    CASE_SCHEMA);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "created")),
	    CREATED);
	cJSON_Delete(root);
	assert_int_equal(count_prefixed(f->dir, ".case.json."), 0);
	free(evidence);
}

/* A new case has every section, no facts, and empty evidence and timeline. */
static void
test_create_then_open(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	c = open_case(f->dir, CASE_READ);
	assert_string_equal(case_dir(c), f->dir);
	assert_string_equal(case_file(c), f->file);
	assert_null(case_get(c, "order.id"));
	assert_null(case_get(c, "claimant.name"));
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(case_record(c), "created")->valuestring,
	    CREATED);
	assert_true(cJSON_IsArray(case_evidence(c)));
	assert_int_equal(cJSON_GetArraySize(case_evidence(c)), 0);
	assert_true(cJSON_IsArray(case_timeline(c)));
	assert_int_equal(cJSON_GetArraySize(case_timeline(c)), 0);
	case_close(c);
}

static void
test_create_twice_refused(void **state)
{
	struct fixture *f = *state;
	struct capture cap;
	char *before, *after, *message;
	size_t before_len, after_len;
	int status;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	before = slurp(f->file, &before_len);
	capture_start(&cap);
	status = case_create(f->dir, "2027-01-01T00:00:00+08:00");
	message = capture_end(&cap);
	assert_int_equal(status, DISPUTE_FAILED);
	assert_contains(message, f->file);
	after = slurp(f->file, &after_len);
	assert_same_bytes(before, before_len, after, after_len);
	assert_int_equal(count_prefixed(f->dir, ".case.json."), 0);
	free(message);
	free(after);
	free(before);
}

static void
test_open_without_case(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c = NULL;
	struct capture cap;
	char *message;
	int status;

	capture_start(&cap);
	status = case_open(f->tmp, CASE_READ, &c);
	message = capture_end(&cap);
	assert_int_equal(status, DISPUTE_FAILED);
	assert_null(c);
	assert_contains(message, "case.json");
	free(message);
	case_close(NULL); /* accepted */
}

/* Facts. */

static const struct {
	const char *name;
	const char *value;
} facts[] = {
	{ "order.id", "TB2026112012345" },
	{ "order.amount", "1299.00" },
	{ "order.product", "美的电饭煲 MB-FB40S701" },
	{ "claimant.name", "张三" },
	{ "merchant.shop", "某某家电旗舰店（天猫）" },
	{ "problem.description",
	  "收到后无法通电，商家以“人为损坏”为由拒绝退款。\n"
	  "第二行：\"引号\"、\\反斜杠\\、制表符\t、emoji 😀、全角　空格" },
	{ "demand.remedy", "退货退款 ¥1299.00" },
	{ "case.note", "" },
};

#define FACT_COUNT (sizeof facts / sizeof facts[0])

static void
test_set_save_reopen(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c;
	size_t i;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	c = open_case(f->dir, CASE_WRITE);
	for (i = 0; i < FACT_COUNT; i++) {
		assert_null(case_get(c, facts[i].name));
		assert_int_equal(case_set(c, facts[i].name, facts[i].value), DISPUTE_OK);
		assert_string_equal(case_get(c, facts[i].name), facts[i].value);
	}
	assert_int_equal(case_save(c), DISPUTE_OK);
	case_close(c);

	c = open_case(f->dir, CASE_READ);
	for (i = 0; i < FACT_COUNT; i++) {
		const char *got = case_get(c, facts[i].name);

		assert_non_null(got);
		assert_int_equal(strlen(got), strlen(facts[i].value));
		assert_memory_equal(got, facts[i].value, strlen(facts[i].value));
	}
	assert_null(case_get(c, "order.tracking"));
	case_close(c);
}

/* Setting a fact again replaces it, and the replacement survives a save. */
static void
test_set_replaces(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c;
	const cJSON *order;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	c = open_case(f->dir, CASE_WRITE);
	assert_int_equal(case_set(c, "order.id", "first"), DISPUTE_OK);
	assert_int_equal(case_set(c, "order.id", "第二"), DISPUTE_OK);
	assert_string_equal(case_get(c, "order.id"), "第二");
	order = cJSON_GetObjectItemCaseSensitive(case_record(c), "order");
	assert_int_equal(cJSON_GetArraySize(order), 1);
	assert_int_equal(case_save(c), DISPUTE_OK);
	case_close(c);
	c = open_case(f->dir, CASE_READ);
	assert_string_equal(case_get(c, "order.id"), "第二");
	case_close(c);
}

static void
test_get_and_set_bad_names(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c;
	struct capture cap;
	char *message;
	int status1, status2;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	c = open_case(f->dir, CASE_WRITE);
	assert_null(case_get(c, "order"));
	assert_null(case_get(c, "nosuch.key"));
	assert_null(case_get(c, ".id"));
	/* Top-level members are not facts. */
	assert_null(case_get(c, "schema.x"));
	capture_start(&cap);
	status1 = case_set(c, "nosuch.key", "x");
	status2 = case_set(c, "orderid", "x");
	message = capture_end(&cap);
	assert_int_equal(status1, DISPUTE_FAILED);
	assert_int_equal(status2, DISPUTE_FAILED);
	assert_contains(message, "nosuch.key");
	assert_null(cJSON_GetObjectItemCaseSensitive(case_record(c), "nosuch"));
	free(message);
	case_close(c);
}

static void
test_unset(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	c = open_case(f->dir, CASE_WRITE);
	assert_int_equal(case_set(c, "order.id", "TB1"), DISPUTE_OK);
	assert_int_equal(case_set(c, "order.amount", "10.00"), DISPUTE_OK);
	case_unset(c, "order.amount");
	assert_null(case_get(c, "order.amount"));
	assert_string_equal(case_get(c, "order.id"), "TB1");
	case_unset(c, "order.amount");   /* not set: nothing happens */
	case_unset(c, "nosuch.key");
	case_unset(c, "noname");
	assert_string_equal(case_get(c, "order.id"), "TB1");
	assert_int_equal(case_save(c), DISPUTE_OK);
	case_close(c);
	c = open_case(f->dir, CASE_READ);
	assert_null(case_get(c, "order.amount"));
	assert_string_equal(case_get(c, "order.id"), "TB1");
	case_close(c);
}

/* Saving. */

static void
test_save_is_atomic(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c;
	struct stat before, after;
	int i;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	assert_int_equal(stat(f->file, &before), 0);
	c = open_case(f->dir, CASE_WRITE);
	for (i = 0; i < 3; i++) {
		char value[16];

		snprintf(value, sizeof value, "v%d", i);
		assert_int_equal(case_set(c, "order.id", value), DISPUTE_OK);
		assert_int_equal(case_save(c), DISPUTE_OK);
		assert_int_equal(count_prefixed(f->dir, ".case.json."), 0);
	}
	case_close(c);
	/* Replaced by rename, never rewritten in place, and still owner-only. */
	assert_int_equal(stat(f->file, &after), 0);
	assert_true(before.st_ino != after.st_ino);
	assert_mode(f->file, S_IFREG, 0600);
	assert_int_equal(count_prefixed(f->dir, "."), 3); /* ".", ".." and the lock file */
	c = open_case(f->dir, CASE_READ);
	assert_string_equal(case_get(c, "order.id"), "v2");
	case_close(c);
}

/* A writer holds an exclusive lock until case_close(); readers share theirs. */
static void
test_locking(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c;
	char *lock = NULL;
	int fd;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	c = open_case(f->dir, CASE_WRITE);
	assert_true(asprintf(&lock, "%s/" CASE_LOCK_FILE, f->dir) > 0);
	fd = open(lock, O_RDWR | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_SH | LOCK_NB), -1);
	assert_int_equal(errno, EWOULDBLOCK);
	case_close(c);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), 0);
	assert_int_equal(flock(fd, LOCK_UN), 0);

	c = open_case(f->dir, CASE_READ);
	assert_int_equal(flock(fd, LOCK_SH | LOCK_NB), 0);
	assert_int_equal(flock(fd, LOCK_UN), 0);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), -1);
	case_close(c);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), 0);
	close(fd);
	free(lock);
}

/* Damaged records. The hand-written record itself must open, so that each refusal
 * below is down to its one change. */

static void
test_hand_written_record_opens(void **state)
{
	struct fixture *f = *state;
	char *evidence = evidence_text("\"E01-defect.jpg\"", "432", 1);
	char *text = record_text(CASE_SCHEMA, GOOD_ORDER, evidence);
	struct dispute_case *c;
	const cJSON *item;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	spill(f->file, text);
	c = open_case(f->dir, CASE_READ);
	assert_string_equal(case_get(c, "order.id"), "TB123");
	assert_string_equal(case_get(c, "claimant.name"), "张三");
	assert_int_equal(cJSON_GetArraySize(case_evidence(c)), 1);
	item = cJSON_GetArrayItem(case_evidence(c), 0);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(item, "sha256")->valuestring, SHA_E01);
	case_close(c);
	free(text);
	free(evidence);
}

static void
test_refuse_truncated(void **state)
{
	struct fixture *f = *state;
	char *evidence = evidence_text("\"E01-defect.jpg\"", "432", 1);
	char *text = record_text(CASE_SCHEMA, GOOD_ORDER, evidence);

	text[strlen(text) / 2] = '\0';
	expect_refused(f, text, "not valid JSON");
	free(text);
	free(evidence);
}

static void
test_refuse_not_json(void **state)
{
	expect_refused(*state, "this is not JSON at all\n", "case.json:1:1: not valid JSON");
}

static void
test_refuse_empty_file(void **state)
{
	expect_refused(*state, "", "not valid JSON");
}

static void
test_refuse_top_level_array(void **state)
{
	expect_refused(*state, "[{\"schema\": \"dispute-case/1\"}]\n", "not an object");
}

static void
test_refuse_unknown_schema(void **state)
{
	char *text = record_text("dispute-case/9", GOOD_ORDER, "[]");

	expect_refused(*state, text, "dispute-case/9");
	free(text);
}

static void
test_refuse_missing_schema(void **state)
{
	expect_refused(*state, "{\"order\": {}}\n", "schema");
}

static void
test_refuse_fact_not_string(void **state)
{
	char *text = record_text(CASE_SCHEMA, "{\"id\": \"TB123\", \"amount\": 1299}", "[]");

	expect_refused(*state, text, "order.amount must be a string");
	free(text);
}

static void
test_refuse_section_not_object(void **state)
{
	char *text = record_text(CASE_SCHEMA, "\"TB123\"", "[]");

	expect_refused(*state, text, "\"order\" must be an object");
	free(text);
}

static void
test_refuse_evidence_not_array(void **state)
{
	char *text = record_text(CASE_SCHEMA, GOOD_ORDER, "{}");

	expect_refused(*state, text, "\"evidence\" and \"timeline\" must be arrays");
	free(text);
}

static void
test_refuse_evidence_without_sha256(void **state)
{
	char *evidence = evidence_text("\"E01-defect.jpg\"", "432", 0);
	char *text = record_text(CASE_SCHEMA, GOOD_ORDER, evidence);

	expect_refused(*state, text, "evidence[0].sha256");
	free(text);
	free(evidence);
}

static void
refuse_evidence_file(void **state, const char *file_json)
{
	char *evidence = evidence_text(file_json, "432", 1);
	char *text = record_text(CASE_SCHEMA, GOOD_ORDER, evidence);

	expect_refused(*state, text, "is not a plain file name");
	free(text);
	free(evidence);
}

static void
test_refuse_file_dotdot(void **state)
{
	refuse_evidence_file(state, "\"../x\"");
}

static void
test_refuse_file_in_folder(void **state)
{
	refuse_evidence_file(state, "\"a/b\"");
}

static void
test_refuse_file_hidden_or_empty(void **state)
{
	struct fixture *f = *state;

	refuse_evidence_file(state, "\".case.json\"");
	assert_int_equal(remove_tree(f->dir), 0);
	refuse_evidence_file(state, "\"\"");
	assert_int_equal(remove_tree(f->dir), 0);
	refuse_evidence_file(state, "\"a\\\\b\"");
}

static void
refuse_size(void **state, const char *size_json)
{
	char *evidence = evidence_text("\"E01-defect.jpg\"", size_json, 1);
	char *text = record_text(CASE_SCHEMA, GOOD_ORDER, evidence);

	expect_refused(*state, text, "evidence[0].size must be a whole number");
	free(text);
	free(evidence);
}

static void
test_refuse_size_negative(void **state)
{
	refuse_size(state, "-1");
}

static void
test_refuse_size_fractional(void **state)
{
	refuse_size(state, "432.5");
}

static void
test_refuse_size_string(void **state)
{
	refuse_size(state, "\"432\"");
}

/* The position of a syntax error: line and column, counting characters not bytes. */
static void
test_error_position_line_3(void **state)
{
	expect_refused(*state,
	    "{\n"
	    "\t\"schema\":\t\"dispute-case/1\",\n"
	    "\t\"created\":\t@,\n"
	    "\t\"evidence\":\t[]\n"
	    "}\n",
	    "case.json:3:13: not valid JSON");
}

static void
test_error_position_after_chinese(void **state)
{
	/* Column 29 is the 'x': the three Chinese characters count one column each. */
	expect_refused(*state,
	    "{\n"
	    "\t\"schema\":\t\"dispute-case/1\",\n"
	    "\t\"created\":\t\"" CREATED "\",\n"
	    "\t\"case\":\t{},\n"
	    "\t\"claimant\":\t{},\n"
	    "\t\"merchant\":\t{},\n"
	    "\t\"order\":\t{\"product\": \"电饭煲\" x},\n"
	    "\t\"problem\":\t{}\n"
	    "}\n",
	    "case.json:7:29: not valid JSON");
}

/* A repeated key: cJSON reads the first "order", Python and most readers the last, so
 * the record would say two things. Refused, at the second one, even when it is spelled
 * with an escape. */
static void
test_refuse_repeated_key(void **state)
{
	struct fixture *f = *state;
	char *text = own(&f->owned, record_text(CASE_SCHEMA,
	    "{\"id\": \"TB123\", \"amount\": \"1.00\", \"id\": \"1111\"}", "[]"));

	expect_refused(f, text, "case.json:7:45: the key \"id\" appears twice in one object");
}

static void
test_refuse_repeated_escaped_key(void **state)
{
	struct fixture *f = *state;
	char *text = own(&f->owned, record_text(CASE_SCHEMA,
	    "{\"id\": \"TB123\", \"\\u0069d\": \"1111\"}", "[]"));

	expect_refused(f, text, "the key \"id\" appears twice");
}

/* A repeat deep inside, in an object of an evidence item, is found and placed there:
 * the check goes into arrays and objects alike. Line 10 is the evidence line; the
 * column (60) is that of the second "method". */
static void
test_refuse_repeated_key_in_an_item(void **state)
{
	struct fixture *f = *state;
	const char *evidence = "[{\"id\": \"E01\", \"capture\": {\"method\": \"photo\", "
	    "\"method\": \"screen recording\"}}]";
	char *text = own(&f->owned, record_text(CASE_SCHEMA, GOOD_ORDER, evidence));

	expect_refused(f, text, "case.json:10:60: the key \"method\" appears twice in one "
	    "object");
}

/* Whether every member name of OBJ, and of the objects inside it, is one of the shared
 * names rather than a copy of its own. */
static int
names_shared(const cJSON *obj)
{
	const cJSON *m;

	cJSON_ArrayForEach(m, obj)
		if (!(m->type & cJSON_StringIsConst) || (cJSON_IsObject(m) && !names_shared(m)))
			return 0;
	return 1;
}

/* Once read, the items' member names are shared, also inside an item's capture object and
 * when an item's members come in another order than usual. */
static void
test_item_names_shared(void **state)
{
	struct fixture *f = *state;
	const char *evidence =
	    "[{\"id\": \"E01\", \"kind\": \"defect\", \"file\": \"E01-defect.jpg\", "
	    "\"sha256\": \"" SHA_E01 "\", \"size\": 1, \"mime\": \"image/jpeg\", "
	    "\"original_name\": \"IMG_1.jpg\", \"added\": \"" CREATED "\", "
	    "\"capture\": {\"original_modified\": \"" CREATED "\"}}, "
	    "{\"added\": \"" CREATED "\", \"mime\": \"image/jpeg\", \"size\": 1, "
	    "\"capture\": {\"original_modified\": \"" CREATED "\"}, \"id\": \"E02\", "
	    "\"original_name\": \"IMG_2.jpg\", \"sha256\": \"" SHA_E01 "\", "
	    "\"file\": \"E02-defect.jpg\", \"kind\": \"defect\"}]";
	char *text = own(&f->owned, record_text(CASE_SCHEMA, GOOD_ORDER, evidence));
	struct dispute_case *c = NULL;
	const cJSON *item;
	int items = 0;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	spill(f->file, text);
	assert_int_equal(case_open(f->dir, CASE_READ, &c), DISPUTE_OK);
	cJSON_ArrayForEach(item, case_evidence(c)) {
		assert_true(names_shared(item));
		assert_string_equal(cJSON_GetObjectItemCaseSensitive(item, "kind")->valuestring,
		    "defect");
		items++;
	}
	assert_int_equal(items, 2);
	case_close(c);
}

/* The same name in two different objects is no repeat. */
static void
test_same_key_in_two_objects(void **state)
{
	struct fixture *f = *state;
	char *text = own(&f->owned, record_text(CASE_SCHEMA, GOOD_ORDER, "[]"));
	struct dispute_case *c = NULL;

	assert_int_equal(case_create(f->dir, CREATED), DISPUTE_OK);
	spill(f->file, text);
	assert_int_equal(case_open(f->dir, CASE_READ, &c), DISPUTE_OK);
	case_close(c);
}

/* A text that ends inside a string: locating the error must not read past its end. */
static void
test_refuse_unterminated_string(void **state)
{
	expect_refused(*state, "{\"order\": {\"id\": \"TB123", "case.json:1:19: not valid JSON");
}

/* Valid JSON nested deeper than cJSON reads is said to be so, not called invalid. */
static void
test_refuse_deep_nesting(void **state)
{
	struct fixture *f = *state;
	char *text = own(&f->owned, malloc(5003));

	memset(text, '[', 2500);
	memset(text + 2500, ']', 2500);
	strcpy(text + 5000, "\n");
	expect_refused(f, text, "case.json:1:1001: nested more than 1000 levels deep");
}

/* Bytes after the record are damage too: saving would silently drop them. */
static void
test_refuse_trailing_garbage(void **state)
{
	struct fixture *f = *state;
	char *text = own(&f->owned, record_text(CASE_SCHEMA, GOOD_ORDER, "[]"));
	char *damaged = NULL;

	assert_true(asprintf(&damaged, "%s{\"order\": {\"id\": \"other\"}}\n", text) > 0);
	own(&f->owned, damaged);
	expect_refused(*state, damaged, "case.json:13:1: not valid JSON");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_layout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_then_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_twice_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_without_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_save_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_and_set_bad_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_is_atomic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_locking, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hand_written_record_opens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_not_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_empty_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_top_level_array, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_unknown_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_missing_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_fact_not_string, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_section_not_object, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_evidence_not_array, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_evidence_without_sha256, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_file_dotdot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_file_in_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_file_hidden_or_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_size_negative, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_size_fractional, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_size_string, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_position_line_3, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_position_after_chinese, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_trailing_garbage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_repeated_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_repeated_escaped_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_repeated_key_in_an_item, setup, teardown),
		cmocka_unit_test_setup_teardown(test_item_names_shared, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_key_in_two_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_deep_nesting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuse_unterminated_string, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
