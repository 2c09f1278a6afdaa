/* Judging a BagIt bag (RFC 8493): every file the reader lists against the manifests
 * that bag-tags.c parsed, streamed through the digests (bag-hash.c, on every core),
 * plus the Payload-Oxum, so that a zip and a folder are judged the same way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include <uninorm.h>

#include "dispute/i18n.h"
#include "dispute/progress.h"
#include "dispute/report.h"
#include "bag-internal.h"

/* "manifest-md5.txt, manifest-sha256.txt" for the manifests whose bit is set in MASK. */
static void
join_manifests(const struct bag_judge *j, unsigned mask, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t m = 0; m < j->manifest_count && used < size; m++)
		if (mask & (1u << m))
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
			    used > 0 ? ", " : "", j->manifests[m].file);
}

/* A name that matched nothing even under normalization (match_normalized()) may still
 * look like one the user expects: a combining mark (U+0300-U+036F) says that it is
 * decomposed, NFD, as macOS writes names. */
static const char *
nfd_hint(const char *path)
{
	for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++)
		if ((p[0] == 0xcc && p[1] >= 0x80 && p[1] <= 0xbf) ||
		    (p[0] == 0xcd && p[1] >= 0x80 && p[1] <= 0xaf))
			return " (name in decomposed Unicode, NFD)";
	return "";
}

/* PATH in Unicode NFC, malloc'd and NUL-terminated; NULL when memory runs out. Names
 * are valid UTF-8 (the readers and the tag parser see to it). */
static char *
nfc_of(const char *path)
{
	size_t len;
	char *n = (char *)u8_normalize(UNINORM_NFC, (const uint8_t *)path, strlen(path), NULL,
	    &len), *out;

	if (n == NULL)
		return NULL;
	out = realloc(n, len + 1);
	if (out == NULL) {
		free(n);
		return NULL;
	}
	out[len] = '\0';
	return out;
}

/* "NFC", "NFD" or "neither NFC nor NFD": which form PATH is in, for a warning. */
static const char *
form_of(const char *path)
{
	static const struct {
		uninorm_t form;
		const char *name;
	} forms[] = { { UNINORM_NFC, "NFC" }, { UNINORM_NFD, "NFD" } };
	size_t len = strlen(path);

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		size_t n;
		uint8_t *normal = u8_normalize(forms[i].form, (const uint8_t *)path, len, NULL,
		    &n);
		int same = normal != NULL && n == len && memcmp(normal, path, len) == 0;

		free(normal);
		if (same)
			return forms[i].name;
	}
	return "neither NFC nor NFD";
}

static int
has_non_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

struct normal_entry {
	char *key; /* the entry's name in NFC */
	const char *name;
};

static int
normal_cmp(const void *a, const void *b)
{
	return strcmp(((const struct normal_entry *)a)->key,
	    ((const struct normal_entry *)b)->key);
}

static int
listing_path_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct bag_listing *)elem)->path);
}

/* A manifest written on Linux names "café" in NFC, the same file copied through macOS
 * may be stored in NFD, or the other way round: byte for byte the names differ, yet
 * they are one file to the user. A listed path that no entry has, but that an entry
 * no line lists has under NFC, is taken to name that entry, with a warning naming
 * both forms, so that it verifies (or not) by its checksum rather than as missing
 * plus extra. Names that collide inside the bag are unsafe already (bag-common.c). */
static int
match_normalized(struct bag_judge *j)
{
	const struct bag_reader *r = j->reader;
	struct normal_entry *ne = NULL, *hit;
	char **renamed = NULL, *key;
	size_t count = 0, changed = 0;
	int status = DISPUTE_FAILED;

	for (size_t i = 0; i < r->entry_count; i++)
		count += has_non_ascii(r->entries[i].name);
	if (count == 0 || j->listing_count == 0)
		return DISPUTE_OK;
	ne = calloc(count, sizeof(*ne));
	renamed = calloc(j->listing_count, sizeof(*renamed));
	if (ne == NULL || renamed == NULL) {
		bag_out_of_memory();
		goto out;
	}
	count = 0;
	for (size_t i = 0; i < r->entry_count; i++) {
		if (!has_non_ascii(r->entries[i].name))
			continue;
		ne[count].name = r->entries[i].name;
		if ((ne[count++].key = nfc_of(r->entries[i].name)) == NULL) {
			bag_out_of_memory();
			goto out;
		}
	}
	qsort(ne, count, sizeof(*ne), normal_cmp);
	/* Decide on the sorted listings first, rename after, so that the lookups of
	 * entries' names among the listings stay valid. */
	for (size_t k = 0; k < j->listing_count; k++) {
		const struct bag_listing *l = &j->listings[k];

		if (!has_non_ascii(l->path) || bag_reader_find(r, l->path) != NULL)
			continue;
		if ((key = nfc_of(l->path)) == NULL) {
			bag_out_of_memory();
			goto out;
		}
		hit = bsearch(&(struct normal_entry){ key, NULL }, ne, count, sizeof(*ne),
		    normal_cmp);
		free(key);
		if (hit == NULL || bsearch(hit->name, j->listings, j->listing_count,
		    sizeof(*j->listings), listing_path_cmp) != NULL)
			continue;
		if (bag_add_warning(j->report, BAG_WARN_NORMALIZATION,
		    j->manifests[l->manifest].file, l->line, "names %s in %s, the bag holds it "
		    "in %s; the same name under Unicode normalization", l->path,
		    form_of(l->path), form_of(hit->name)) != DISPUTE_OK)
			goto out;
		if ((renamed[k] = strdup(hit->name)) == NULL) {
			bag_out_of_memory();
			goto out;
		}
		changed++;
	}
	for (size_t k = 0; k < j->listing_count; k++)
		if (renamed[k] != NULL) {
			free(j->listings[k].path);
			j->listings[k].path = renamed[k];
			renamed[k] = NULL;
		}
	status = changed > 0 ? bag_sort_listings(j) : DISPUTE_OK;
out:
	for (size_t i = 0; ne != NULL && i < count; i++)
		free(ne[i].key);
	free(ne);
	for (size_t k = 0; renamed != NULL && k < j->listing_count; k++)
		free(renamed[k]);
	free(renamed);
	return status;
}

/* The tag files RFC 8493 defines, which a bag may leave out of its tag manifests. */
static int
standard_tag_file(const char *path)
{
	static const char *const fixed[] = { "bagit.txt", "bag-info.txt", "fetch.txt", NULL };

	for (size_t i = 0; fixed[i] != NULL; i++)
		if (strcmp(path, fixed[i]) == 0)
			return 1;
	return strchr(path, '/') == NULL && (strncmp(path, "manifest-", 9) == 0 ||
	    strncmp(path, "tagmanifest-", 12) == 0);
}

static int
is_payload(const char *path)
{
	return strncmp(path, "data/", 5) == 0;
}

/* Whether the path that entry E (NULL: none) has, listed on COUNT manifest lines, is
 * read: payload always, since Payload-Oxum counts real bytes, not declared sizes; a tag
 * file when a tag manifest lists it. */
static int
is_hashed(const struct bag_entry *e, const char *path, size_t count)
{
	return e != NULL && (is_payload(path) || count > 0);
}

/* The first pass over the paths: a job for each file to hash (judge_path() says what
 * becomes of it). */
static int
plan_path(struct bag_judge *j, const struct bag_entry *e, const char *path,
    const struct bag_listing *listed, size_t count)
{
	struct bag_hash_job *job;

	if (!is_hashed(e, path, count))
		return DISPUTE_OK;
	if (j->job_count == j->job_cap) {
		size_t n = j->job_cap != 0 ? j->job_cap * 2 : 64;
		struct bag_hash_job *grown = realloc(j->jobs, n * sizeof(*grown));

		if (grown == NULL)
			return bag_out_of_memory();
		j->jobs = grown;
		j->job_cap = n;
	}
	job = &j->jobs[j->job_count++];
	*job = (struct bag_hash_job){ .entry = e, .listed = listed, .count = count };
	for (size_t i = 0; i < count; i++)
		job->algs |= 1u << j->manifests[listed[i].manifest].alg;
	return DISPUTE_OK;
}

/* The second pass: judges one path that is in the bag (E) or listed by manifests
 * (LISTED, COUNT lines, all for this path), or both, from its job's results. */
static int
judge_path(struct bag_judge *j, const struct bag_entry *e, const char *path,
    const struct bag_listing *listed, size_t count)
{
	const struct bag_hash_job *job;
	char names[1024], altered[1024], shown[1024];
	unsigned in = 0, unlisted = 0;
	size_t used = 0, shown_used = 0;
	int payload = is_payload(path);

	for (size_t i = 0; i < count; i++)
		in |= 1u << listed[i].manifest;
	if (e == NULL) {
		if (bag_is_fetched(j, path))
			return DISPUTE_OK;
		join_manifests(j, in, names, sizeof(names));
		return bag_add_problem(j->report, BAG_MISSING, path, "listed in %s%s", names,
		    nfd_hint(path));
	}
	if (!is_hashed(e, path, count))
		return standard_tag_file(path) ? DISPUTE_OK : bag_add_uncovered(j->report, path);
	/* Both passes walk the same paths in the same order. */
	job = &j->jobs[j->judged_jobs++];
	for (size_t m = 0; m < j->manifest_count; m++)
		if (payload && !j->manifests[m].tag && !(in & (1u << m)))
			unlisted |= 1u << m;
	if (unlisted != 0) {
		join_manifests(j, unlisted, names, sizeof(names));
		if (bag_add_problem(j->report, BAG_EXTRA, path, "not listed in %s%s",
		    names, nfd_hint(path)) != DISPUTE_OK)
			return DISPUTE_FAILED;
	}
	if (payload) {
		j->report->payload_files++;
		j->report->payload_bytes += job->bytes;
	}
	if (job->why != NULL)
		return bag_add_problem(j->report, BAG_MALFORMED, path, "%s", job->why);
	altered[0] = shown[0] = '\0';
	for (size_t i = 0; i < count && used < sizeof(altered); i++) {
		const struct bag_manifest *mf = &j->manifests[listed[i].manifest];

		if (!(job->differs & ((uint32_t)1 << i)))
			continue;
		used += (size_t)snprintf(altered + used, sizeof(altered) - used,
		    "%s%s checksum differs (%s)", used > 0 ? "; " : "",
		    bag_algorithms[mf->alg].name, mf->file);
		shown_used += (size_t)snprintf(shown + shown_used, shown_used < sizeof(shown) ?
		    sizeof(shown) - shown_used : 0, _("%s%s checksum differs (%s)"),
		    shown_used > 0 ? _("; ") : "", bag_algorithms[mf->alg].name, mf->file);
	}
	if (used > 0)
		return bag_add_problem_texts(j->report, BAG_ALTERED, path, altered, shown);
	return DISPUTE_OK;
}

typedef int (*path_fn)(struct bag_judge *j, const struct bag_entry *e, const char *path,
    const struct bag_listing *listed, size_t count);

/* Walks the sorted entries and the sorted listings side by side, so that FN sees every
 * path in either once. */
static int
walk_paths(struct bag_judge *j, path_fn fn)
{
	const struct bag_reader *r = j->reader;
	size_t i = 0, k = 0;

	while (i < r->entry_count || k < j->listing_count) {
		const struct bag_entry *e = NULL;
		const char *path;
		size_t end = k;
		int c;

		if (i == r->entry_count)
			c = 1;
		else if (k == j->listing_count)
			c = -1;
		else
			c = strcmp(r->entries[i].name, j->listings[k].path);
		if (c <= 0) {
			e = &r->entries[i++];
			path = e->name;
		} else
			path = j->listings[k].path;
		if (c >= 0)
			while (end < j->listing_count && strcmp(j->listings[end].path, path) == 0)
				end++;
		/* No listing at all leaves j->listings NULL, and NULL + 0 is undefined. */
		if (fn(j, e, path, end > k ? j->listings + k : NULL, end - k) != DISPUTE_OK)
			return DISPUTE_FAILED;
		k = end;
	}
	return DISPUTE_OK;
}

static int
list_algorithms(struct bag_judge *j)
{
	char buf[BAG_ALG_COUNT * 9];
	size_t used = 0;

	buf[0] = '\0';
	for (int a = 0; a < BAG_ALG_COUNT; a++)
		for (size_t m = 0; m < j->manifest_count; m++)
			if (!j->manifests[m].tag && j->manifests[m].alg == a) {
				used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s",
				    used > 0 ? "," : "", bag_algorithms[a].name);
				break;
			}
	if (used == 0)
		return DISPUTE_OK;
	j->report->algorithms = strdup(buf);
	return j->report->algorithms != NULL ? DISPUTE_OK : bag_out_of_memory();
}

static int
judge_bag(struct bag_judge *j)
{
	int has_bagit, has_manifest;

	if (j->reader->unjudged)
		return DISPUTE_OK;
	if (bag_judge_bagit(j, &has_bagit) != DISPUTE_OK ||
	    bag_find_manifests(j, &has_manifest) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* Neither bagit.txt nor a manifest: not a bag at all, and saying so is enough;
	 * what the listing found wrong with the files of, say, a home folder is noise. */
	if (!has_bagit && !has_manifest)
		bag_report_drop_problems(j->report);
	if (!has_bagit && bag_add_problem(j->report, BAG_MALFORMED, "bagit.txt",
	    "not found") != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (!has_bagit && !has_manifest)
		return DISPUTE_OK;
	if (!j->reader->has_data_dir && bag_add_problem(j->report, BAG_MALFORMED, "data/",
	    "payload folder not found") != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (bag_load_manifests(j) != DISPUTE_OK || list_algorithms(j) != DISPUTE_OK ||
	    bag_sort_listings(j) != DISPUTE_OK || match_normalized(j) != DISPUTE_OK ||
	    bag_judge_fetch(j) != DISPUTE_OK ||
	    walk_paths(j, plan_path) != DISPUTE_OK ||
	    bag_hash_files(j, j->jobs, j->job_count, j->threads) != DISPUTE_OK ||
	    walk_paths(j, judge_path) != DISPUTE_OK || bag_judge_bag_info(j) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return DISPUTE_OK;
}

static int
problem_cmp(const void *a, const void *b)
{
	const struct bag_problem *x = a, *y = b;
	int c;

	if (x->path == NULL || y->path == NULL) {
		if (x->path != y->path)
			return x->path == NULL ? -1 : 1;
	} else if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->detail, y->detail);
}

static void
judge_free(struct bag_judge *j)
{
	for (size_t i = 0; i < j->listing_count; i++)
		free(j->listings[i].path);
	free(j->listings);
	for (size_t i = 0; i < j->fetched_count; i++)
		free(j->fetched[i]);
	free(j->fetched);
	for (size_t i = 0; i < j->job_count; i++)
		free(j->jobs[i].why);
	free(j->jobs);
	bag_reader_close(j->reader);
}

int
bag_verify(const char *path, struct bag_report *report)
{
	return bag_verify_encrypted(path, NULL, 0, report);
}

int
bag_verify_encrypted(const char *path, const char *password, unsigned threads,
    struct bag_report *report)
{
	struct bag_judge j;
	struct stat st;
	int status = DISPUTE_FAILED;

	memset(report, 0, sizeof(*report));
	memset(&j, 0, sizeof(j));
	j.report = report;
	j.threads = threads;
	if (bag_reader_open(path, password, report, &j.reader) != DISPUTE_OK)
		goto out;
	if (j.reader->root != NULL && (report->root = strdup(j.reader->root)) == NULL) {
		bag_out_of_memory();
		goto out;
	}
	/* The zip's size stands in for the bytes to read: media is stored, so it is close. */
	progress_begin(N_("verifying"), stat(path, &st) == 0 && S_ISREG(st.st_mode) ?
	    (uint64_t)st.st_size : 0);
	status = judge_bag(&j);
	progress_end();
	if (status != DISPUTE_OK)
		goto out;
	if (report->problem_count > 1)
		qsort(report->problems, report->problem_count, sizeof(*report->problems),
		    problem_cmp);
	status = DISPUTE_OK;
out:
	judge_free(&j);
	if (status != DISPUTE_OK)
		bag_report_free(report);
	return status;
}
