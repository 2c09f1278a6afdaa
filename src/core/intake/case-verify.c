/* Verifying a case folder: every evidence file is still there with the size and
 * SHA-256 recorded when it was added, and evidence/ holds nothing unrecorded; every
 * file `dispute read` derived is there with its recorded SHA-256. Problems
 * are reported in the same form as a bag's, so `dispute verify` prints both alike. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dispute/case-verify.h"
#include "dispute/case.h"
#include "dispute/evidence.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "digest.h"

/* The file FILE in DIR (shown as SHOWN_DIR/FILE), recorded for item ID with RECORDED,
 * its SHA-256, and RECORDED_SIZE, or any size when that is negative; a payload file
 * (PAYLOAD) counts in the report's totals. */
static int
check_file(const char *dir, const char *shown_dir, const char *file, const char *id,
    const char *recorded, double recorded_size, int payload, struct bag_report *report)
{
	uint64_t size;
	char actual[DIGEST_HEX_MAX], *path, *shown = NULL;
	struct stat st;
	int status = DISPUTE_FAILED;

	path = path_join(dir, file);
	shown = path_join(shown_dir, file);
	if (path == NULL || shown == NULL)
		goto out;
	if (lstat(path, &st) == -1) {
		status = bag_add_problem(report, BAG_MISSING, shown, "recorded as %s but not on disk",
		    id);
		goto out;
	}
	/* A link to a copy elsewhere, even one with the same bytes, is not the copy that
	 * was fingerprinted; a FIFO or a device would hang or never end. Neither is read. */
	if (!S_ISREG(st.st_mode)) {
		status = bag_add_problem(report, BAG_UNSAFE, shown, "%s", S_ISLNK(st.st_mode) ?
		    "a symbolic link, not the copy that was fingerprinted" :
		    "not a regular file (a folder, FIFO, device or socket)");
		goto out;
	}
	if (digest_file_sha256(path, actual, &size) != DISPUTE_OK) {
		status = bag_add_problem(report, BAG_MALFORMED, shown, "cannot be read");
		goto out;
	}
	if (payload) {
		report->payload_files++;
		report->payload_bytes += size;
	}
	if ((recorded_size >= 0 && size != (uint64_t)recorded_size) || strcmp(actual, recorded) != 0)
		status = bag_add_problem(report, BAG_ALTERED, shown,
		    "sha256 %s, recorded %s", actual, recorded);
	else
		status = DISPUTE_OK;
out:
	free(shown);
	free(path);
	return status;
}

static const char *
member(const cJSON *object, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));
}

static int
check_item(const cJSON *item, const char *dir, struct bag_report *report)
{
	return check_file(dir, CASE_EVIDENCE_DIR, member(item, "file"), member(item, "id"),
	    member(item, "sha256"), cJSON_GetObjectItemCaseSensitive(item, "size")->valuedouble, 1,
	    report);
}

/* What `dispute read` derived from ITEM, against the SHA-256 its record gives. */
static int
check_reading(const struct dispute_case *c, const cJSON *item, struct bag_report *report)
{
	const cJSON *reading = cJSON_GetObjectItemCaseSensitive(item, "reading");
	const char *file = member(reading, "file"), *sha = member(reading, "sha256");
	struct stat st;
	char *dir, *id;
	int status;

	if (reading == NULL)
		return DISPUTE_OK;
	if (file == NULL || sha == NULL || strchr(file, '/') != NULL || file[0] == '.')
		return bag_add_problem(report, BAG_MALFORMED, CASE_FILE,
		    "%s: its reading is recorded without a plain file name and SHA-256",
		    member(item, "id"));
	dir = case_path(c, READING_DIR);
	id = dispute_asprintf("the reading of %s", member(item, "id"));
	if (dir != NULL && lstat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
		status = bag_add_problem(report, BAG_UNSAFE, READING_DIR, "%s",
		    S_ISLNK(st.st_mode) ? "a symbolic link, not the case's own folder" :
		    "not a folder");
	else
		status = dir != NULL && id != NULL ? check_file(dir, READING_DIR, file, id, sha, -1,
		    0, report) : DISPUTE_FAILED;
	free(id);
	free(dir);
	return status;
}

/* Files in evidence/ that no record names; hidden names are our temporary files. */
static int
check_extra(const struct dispute_case *c, const char *dir, struct bag_report *report)
{
	DIR *d = opendir(dir);
	unsigned long next = evidence_next_number(c);
	struct dirent *de;
	int status = DISPUTE_OK;

	if (d == NULL) {
		dispute_error(_("%s: cannot read folder: %s"), dir, strerror(errno));
		return DISPUTE_FAILED;
	}
	while (status == DISPUTE_OK && (de = readdir(d)) != NULL) {
		const cJSON *item;
		int known = 0;
		char *shown;

		if (de->d_name[0] == '.')
			continue;
		if (evidence_is_leftover(c, next, de->d_name)) {
			dispute_notice(_("%s/%s: ignored; an interrupted command left it and the "
			    "next change to the case removes it"), dir, de->d_name);
			continue;
		}
		cJSON_ArrayForEach(item, case_evidence(c))
			known |= strcmp(cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring,
			    de->d_name) == 0;
		if (known)
			continue;
		shown = path_join(CASE_EVIDENCE_DIR, de->d_name);
		status = shown != NULL ? bag_add_problem(report, BAG_EXTRA, shown,
		    "not recorded in case.json") : DISPUTE_FAILED;
		free(shown);
	}
	closedir(d);
	return status;
}

int
case_verify(const struct dispute_case *c, struct bag_report *report)
{
	const cJSON *item;
	char *dir = case_path(c, CASE_EVIDENCE_DIR);
	struct stat st;
	int status = DISPUTE_FAILED;

	memset(report, 0, sizeof *report);
	if (dir == NULL)
		return DISPUTE_FAILED;
	/* Through a linked evidence/ every check would judge some other folder. */
	if (lstat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		status = bag_add_problem(report, BAG_UNSAFE, CASE_EVIDENCE_DIR, "%s",
		    S_ISLNK(st.st_mode) ? "a symbolic link, not the case's own folder" :
		    "not a folder");
		goto out;
	}
	cJSON_ArrayForEach(item, case_evidence(c))
		if (check_item(item, dir, report) != DISPUTE_OK ||
		    check_reading(c, item, report) != DISPUTE_OK)
			goto out;
	status = check_extra(c, dir, report);
out:
	free(dir);
	return status;
}
