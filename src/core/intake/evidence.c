/* Adding and removing evidence. A batch of files is staged as temporary copies first
 * and only given final names (and recorded) when every file of the batch is accepted,
 * so a refusal leaves the case exactly as it was. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <magic.h>

#include "dispute/clock.h"
#include "dispute/evidence.h"
#include "dispute/exhibits.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/progress.h"
#include "dispute/reading.h"
#include "dispute/report.h"
#include "dispute/stamps.h"
#include "digest-worker.h"
#include "origin.h"
#include "text.h"

struct staged {
	const char *source;          /* the path the user gave */
	char *tmp_path;              /* evidence/.incoming.XXXXXX while staged */
	char *final_path;            /* set once linked under its final name */
	char sha256[DIGEST_HEX_MAX];
	uint64_t size;
	char mime[128];
	const char *extension;
	struct origin origin;        /* the time and origin the file states */
	time_t modified;             /* the original's modification time */
};

static const char *
describe_file_type(mode_t mode)
{
	if (S_ISDIR(mode))
		return _("a folder");
	if (S_ISFIFO(mode))
		return _("a pipe (FIFO)");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return _("a device");
	if (S_ISSOCK(mode))
		return _("a socket");
	return _("not a regular file");
}

/* Opens SOURCE for reading, following a symlink to its target, and refuses anything but
 * a regular file. */
static int
open_source(const char *source, time_t *modified)
{
	struct stat st;
	int fd;

	/* O_NONBLOCK so that a FIFO given by mistake is refused instead of hanging. */
	fd = open(source, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd == -1) {
		if (errno == ENOENT && lstat(source, &st) == 0)
			dispute_error(_("%s: refused: a symbolic link whose target does not exist"),
			    source);
		else
			dispute_error(_("%s: refused: cannot open: %s"), source, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		dispute_error(_("%s: refused: %s"), source, describe_file_type(st.st_mode));
		close(fd);
		return -1;
	}
	*modified = st.st_mtime;
	if (fcntl(fd, F_SETFL, 0) == -1) {
		dispute_error(_("%s: cannot read: %s"), source, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static const char *
extension_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL && dot != name ? dot + 1 : "";
}

/* Decides the type from the first block, so every byte of the file is read only once. */
static int
check_type(magic_t cookie, const struct evidence_kind *kind, struct staged *s,
    const unsigned char *head, size_t head_len)
{
	const char *mime, *refused, *recorded;
	int mismatch;

	if (head_len == 0) {
		dispute_error(_("%s: refused: the file is empty"), s->source);
		return DISPUTE_FAILED;
	}
	mime = magic_buffer(cookie, head, head_len);
	if (mime == NULL) {
		dispute_error(_("%s: cannot tell the file type: %s"), s->source,
		    magic_error(cookie));
		return DISPUTE_FAILED;
	}
	refused = evidence_type_refused(mime);
	if (refused != NULL) {
		dispute_error(_("%s: refused: %s"), s->source, _(refused));
		return DISPUTE_FAILED;
	}
	if (!evidence_kind_allows(kind, mime)) {
		dispute_error(_("%s: refused: the content is %s, but %s evidence must be %s"),
		    s->source, mime, kind->name, _(kind->allowed_text));
		return DISPUTE_FAILED;
	}
	recorded = evidence_recorded_type(mime);
	s->extension = evidence_extension(recorded, extension_of(path_basename(s->source)),
	    &mismatch);
	if (recorded != mime)
		dispute_warning(_("%s: the content is %s; kept as plain text (.%s), so that "
		    "nothing in it runs when the dossier's page opens it"), s->source, mime,
		    s->extension);
	else if (mismatch)
		dispute_warning(_("%s: the name says .%s but the content is %s; stored as .%s"),
		    s->source, extension_of(path_basename(s->source)), mime, s->extension);
	snprintf(s->mime, sizeof s->mime, "%s", recorded);
	return DISPUTE_OK;
}

/* Copies one source into a read-only temporary file in EVIDENCE_DIR, hashing it on the
 * way (on the second core while the next block is read and written). */
static int
stage_one(const char *evidence_dir, magic_t cookie, const struct evidence_kind *kind,
    struct staged *s)
{
	struct digest_worker hasher;
	unsigned char *buf;
	int in = -1, out = -1, status = DISPUTE_FAILED;
	ssize_t n;

	if (digest_worker_init(&hasher) != DISPUTE_OK)
		return DISPUTE_FAILED;
	in = open_source(s->source, &s->modified);
	if (in == -1)
		goto done;
	buf = digest_worker_buffer(&hasher);
	n = fs_read_block(in, buf, DIGEST_BLOCK, s->source);
	if (n < 0 || check_type(cookie, kind, s, buf, (size_t)n) != DISPUTE_OK)
		goto done;
	origin_from_head(buf, (size_t)n, s->mime, &s->origin);
	out = fs_create_temp(evidence_dir, "incoming", 0600, &s->tmp_path);
	if (out == -1)
		goto done;
	while (n > 0) {
		if (digest_worker_submit(&hasher, (size_t)n) != DISPUTE_OK ||
		    fs_write_all(out, buf, (size_t)n, s->tmp_path) != DISPUTE_OK)
			goto done;
		s->size += (uint64_t)n;
		progress_add((uint64_t)n);
		buf = digest_worker_buffer(&hasher);
		n = fs_read_block(in, buf, DIGEST_BLOCK, s->source);
	}
	if (n < 0 || digest_worker_finish(&hasher, s->sha256) != DISPUTE_OK)
		goto done;
	/* Read-only, so that neither we nor the user's tools alter the kept copy, and the
	 * owner's alone: evidence holds ID numbers and medical papers. */
	if (fchmod(out, 0400) == -1 || fsync(out) == -1) {
		dispute_error(_("%s: cannot write to disk: %s"), s->tmp_path, strerror(errno));
		goto done;
	}
	status = DISPUTE_OK;
done:
	digest_worker_free(&hasher);
	if (out != -1 && close(out) == -1 && status == DISPUTE_OK) {
		dispute_error(_("%s: cannot write to disk: %s"), s->tmp_path, strerror(errno));
		status = DISPUTE_FAILED;
	}
	if (in != -1)
		close(in);
	return status;
}

/* A photo or video of the defect made before the goods were even ordered shows
 * something else, and any file made after it was handed in has a wrong clock or was
 * altered: the buyer should know before an authority points it out. */
static void
warn_about_time(const struct dispute_case *c, const struct evidence_request *req,
    const struct staged *s, const char *added)
{
	origin_warn(&s->origin, s->source, strcmp(req->kind->name, "defect") == 0,
	    case_get(c, "order.date"), added);
}

/* The fingerprints already in the case, sorted, so that each new file is looked up in
 * log time: adding to a case of thousands of items stays linear in the files added. */
struct known {
	const char *sha256;
	const cJSON *record; /* NULL for a file earlier in the same batch */
	const char *source;
};

static int
compare_known(const void *a, const void *b)
{
	return strcmp(((const struct known *)a)->sha256, ((const struct known *)b)->sha256);
}

static struct known *
index_case(const struct dispute_case *c, size_t extra, size_t *count)
{
	struct known *index = calloc((size_t)cJSON_GetArraySize(case_evidence(c)) + extra + 1,
	    sizeof *index);
	const cJSON *item;
	size_t n = 0;

	if (index == NULL) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	cJSON_ArrayForEach(item, case_evidence(c)) {
		index[n].sha256 = cJSON_GetObjectItemCaseSensitive(item, "sha256")->valuestring;
		index[n++].record = item;
	}
	qsort(index, n, sizeof *index, compare_known);
	*count = n;
	return index;
}

/* Refuses content already in the case (INDEX, sorted) or earlier in the batch. */
static int
check_duplicate(const struct known *index, size_t count, const struct staged *s)
{
	const struct known key = { s->sha256, NULL, NULL };
	const struct known *hit = bsearch(&key, index, count, sizeof *index, compare_known);

	if (hit == NULL)
		return DISPUTE_OK;
	if (hit->record != NULL)
		dispute_error(_("%s: refused: the same content is already evidence %s (%s)"),
		    s->source, cJSON_GetObjectItemCaseSensitive(hit->record, "id")->valuestring,
		    cJSON_GetObjectItemCaseSensitive(hit->record, "original_name")->valuestring);
	else
		dispute_error(_("%s: refused: the same content as %s in this command"), s->source,
		    hit->source);
	return DISPUTE_FAILED;
}

/* Adds S to the sorted INDEX (room was reserved), keeping it sorted. */
static void
index_add(struct known *index, size_t *count, const struct staged *s)
{
	size_t at = *count;

	while (at > 0 && strcmp(index[at - 1].sha256, s->sha256) > 0) {
		index[at] = index[at - 1];
		at--;
	}
	index[at].sha256 = s->sha256;
	index[at].record = NULL;
	index[at].source = s->source;
	(*count)++;
}

/* The number after 'E' in an evidence ID, or 0. */
static unsigned long
id_number(const char *id)
{
	char *end;
	unsigned long n;

	if (id[0] != 'E')
		return 0;
	n = strtoul(id + 1, &end, 10);
	return *end == '\0' ? n : 0;
}

/* Numbers are never reused, so that a removed item's number cannot come to mean
 * another file in letters already sent: the highest number ever given is kept in
 * "evidence_counter" as well as being visible in the records. */
static unsigned long
next_id_number(const struct dispute_case *c)
{
	const cJSON *item, *counter;
	unsigned long highest = 0, n;

	cJSON_ArrayForEach(item, case_evidence(c)) {
		n = id_number(cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring);
		if (n > highest)
			highest = n;
	}
	counter = cJSON_GetObjectItemCaseSensitive(case_record(c), "evidence_counter");
	if (cJSON_IsNumber(counter) && counter->valuedouble > (double)highest &&
	    counter->valuedouble < 1e9)
		highest = (unsigned long)counter->valuedouble;
	return highest + 1;
}

/* Whether NAME is listed as the copy of an item rm-evidence already removed. */
static int
is_removed_copy(const struct dispute_case *c, const char *name)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(case_record(c), "removed_files"))
		if (cJSON_IsString(item) && strcmp(item->valuestring, name) == 0)
			return 1;
	return 0;
}

/* Whether NAME follows the evidence naming scheme with a number at or above NEXT, the
 * first number never recorded. */
static int
has_unrecorded_number(unsigned long next, const char *name)
{
	const char *dash = strchr(name, '-');
	unsigned long n;
	char id[24];

	if (name[0] != 'E' || dash == NULL || (size_t)(dash - name) >= sizeof id)
		return 0;
	snprintf(id, sizeof id, "%.*s", (int)(dash - name), name);
	n = id_number(id);
	return n > 0 && n >= next;
}

unsigned long
evidence_next_number(const struct dispute_case *c)
{
	return next_id_number(c);
}

int
evidence_is_leftover(const struct dispute_case *c, unsigned long next, const char *name)
{
	return is_removed_copy(c, name) || has_unrecorded_number(next, name);
}

/* Moves evidence/NAME to a hidden name that verify and pack ignore. It is moved, not
 * deleted: a file of unknown origin is never destroyed. */
static void
move_aside(int dirfd_, const char *dir, const char *name)
{
	char hidden[NAME_MAX + 32];
	int attempt;

	for (attempt = 0; attempt < 100; attempt++) {
		if (attempt == 0)
			snprintf(hidden, sizeof hidden, ".leftover.%s", name);
		else
			snprintf(hidden, sizeof hidden, ".leftover.%s.%d", name, attempt);
		if (strlen(hidden) > NAME_MAX)
			return; /* our own names are short; a name this long is not ours to move */
		if (faccessat(dirfd_, hidden, F_OK, AT_SYMLINK_NOFOLLOW) == 0)
			continue;
		if (renameat(dirfd_, name, dirfd_, hidden) == 0)
			dispute_warning(_("%s/%s: not recorded in case.json (an interrupted "
			    "add-evidence?); moved aside to %s"), dir, name, hidden);
		return;
	}
}

void
evidence_clean_leftovers(struct dispute_case *c)
{
	char *dir = case_path(c, CASE_EVIDENCE_DIR);
	unsigned long next = next_id_number(c);
	struct dirent *de;
	DIR *d = dir != NULL ? opendir(dir) : NULL;

	if (d != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			/* The user already asked for a removed item's copy to go. */
			if (is_removed_copy(c, de->d_name))
				unlinkat(dirfd(d), de->d_name, 0);
			else if (has_unrecorded_number(next, de->d_name))
				move_aside(dirfd(d), dir, de->d_name);
		}
		closedir(d);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(case_record(c), "removed_files");
	free(dir);
}

static int
set_counter(struct dispute_case *c, unsigned long last)
{
	cJSON *value = cJSON_CreateNumber((double)last);

	if (value == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (cJSON_HasObjectItem(case_record(c), "evidence_counter"))
		cJSON_ReplaceItemInObjectCaseSensitive(case_record(c), "evidence_counter", value);
	else
		cJSON_AddItemToObject(case_record(c), "evidence_counter", value);
	return DISPUTE_OK;
}

/* What the evidence list says of the item when the kind's default is not right. */
static int
add_list_fields(cJSON *r, const struct evidence_request *req)
{
	if ((req->source != NULL && cJSON_AddStringToObject(r, "source", req->source) == NULL) ||
	    (req->form != NULL && cJSON_AddStringToObject(r, "form", req->form) == NULL) ||
	    (req->copies > 0 && cJSON_AddNumberToObject(r, "copies", req->copies) == NULL) ||
	    (req->group > 0 && cJSON_AddNumberToObject(r, "group", req->group) == NULL))
		return DISPUTE_FAILED;
	return DISPUTE_OK;
}

static cJSON *
make_record(const struct evidence_request *req, const struct staged *s, const char *id,
    const char *file, const char *added)
{
	struct origin_log log = { req->method, req->device, req->app };
	cJSON *r = cJSON_CreateObject();
	char *original = utf8_sanitize(path_basename(s->source));

	if (r == NULL || original == NULL ||
	    cJSON_AddStringToObject(r, "id", id) == NULL ||
	    cJSON_AddStringToObject(r, "kind", req->kind->name) == NULL ||
	    cJSON_AddStringToObject(r, "file", file) == NULL ||
	    cJSON_AddStringToObject(r, "sha256", s->sha256) == NULL ||
	    cJSON_AddNumberToObject(r, "size", (double)s->size) == NULL ||
	    cJSON_AddStringToObject(r, "mime", s->mime) == NULL ||
	    cJSON_AddStringToObject(r, "original_name", original) == NULL ||
	    cJSON_AddStringToObject(r, "added", added) == NULL ||
	    add_list_fields(r, req) != DISPUTE_OK ||
	    (req->note != NULL && cJSON_AddStringToObject(r, "note", req->note) == NULL) ||
	    (req->proves != NULL && cJSON_AddStringToObject(r, "proves", req->proves) == NULL)) {
		dispute_error(_("out of memory"));
		cJSON_Delete(r);
		r = NULL;
	} else if (origin_to_record(&s->origin, &log, s->modified, r) != DISPUTE_OK) {
		cJSON_Delete(r);
		r = NULL;
	}
	free(original);
	return r;
}

/* Gives every staged copy its final name and appends its record; the caller saves. */
static int
commit_batch(struct dispute_case *c, const struct evidence_request *req, struct staged *batch,
    const char *evidence_dir, const char *stamp)
{
	char id[24], file[64];
	unsigned long number = next_id_number(c);
	int i;

	for (i = 0; i < req->file_count; i++, number++) {
		struct staged *s = &batch[i];
		cJSON *record;

		snprintf(id, sizeof id, "E%02lu", number);
		snprintf(file, sizeof file, "%s-%s.%s", id, req->kind->name, s->extension);
		s->final_path = path_join(evidence_dir, file);
		if (s->final_path == NULL)
			return DISPUTE_FAILED;
		/* link() never replaces: a stray file with that name stops us instead. */
		if (link(s->tmp_path, s->final_path) == -1) {
			dispute_error(_("%s: cannot create: %s"), s->final_path, strerror(errno));
			free(s->final_path);
			s->final_path = NULL;
			return DISPUTE_FAILED;
		}
		record = make_record(req, s, id, file, stamp);
		if (record == NULL)
			return DISPUTE_FAILED;
		cJSON_AddItemToArray(case_evidence(c), record);
	}
	if (set_counter(c, number - 1) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return fs_sync_dir(evidence_dir);
}

static magic_t
open_magic(void)
{
	magic_t cookie = magic_open(MAGIC_MIME_TYPE);

	if (cookie == NULL) {
		dispute_error(_("cannot start libmagic: %s"), strerror(errno));
		return NULL;
	}
	if (magic_load(cookie, NULL) == -1) {
		dispute_error(_("cannot load the libmagic database: %s"), magic_error(cookie));
		magic_close(cookie);
		return NULL;
	}
	return cookie;
}

/* The bytes the batch will copy, for the progress bar only: a file that cannot be
 * measured counts as empty and is refused properly when it is opened. */
static uint64_t
total_size(const struct evidence_request *req)
{
	struct stat st;
	uint64_t total = 0;
	int i;

	for (i = 0; i < req->file_count; i++)
		if (stat(req->files[i], &st) == 0 && S_ISREG(st.st_mode))
			total += (uint64_t)st.st_size;
	return total;
}

/* The user's note and purpose go into case.json and every draft: text only. */
static int
check_words(const char *what, const char *value)
{
	char reason[160];

	if (value == NULL || text_check(value, reason, sizeof reason) == DISPUTE_OK)
		return DISPUTE_OK;
	dispute_error(_("%s: %s; nothing was added"), what, reason);
	return DISPUTE_FAILED;
}

int
evidence_add(struct dispute_case *c, const struct evidence_request *req)
{
	struct staged *batch = NULL;
	char *evidence_dir = NULL;
	magic_t cookie = NULL;
	cJSON *before = NULL;
	struct known *known = NULL;
	size_t known_count = 0;
	char stamp[CLOCK_TIMESTAMP_LEN];
	int i, warned_missing = 0, status = DISPUTE_FAILED;

	if (check_words("note", req->note) != DISPUTE_OK ||
	    check_words("proves", req->proves) != DISPUTE_OK ||
	    check_words("device", req->device) != DISPUTE_OK ||
	    check_words("app", req->app) != DISPUTE_OK ||
	    check_words("source", req->source) != DISPUTE_OK ||
	    (req->group > 0 && exhibits_check_group(c, req->group) != DISPUTE_OK))
		return DISPUTE_FAILED;
	/* The intake time: the time the batch is recorded with, and the latest a file
	 * can say it was made. */
	if (clock_timestamp(stamp) != DISPUTE_OK)
		return DISPUTE_FAILED;
	evidence_dir = case_own_dir(c, CASE_EVIDENCE_DIR, 0);
	if (evidence_dir == NULL)
		goto out;
	batch = calloc((size_t)req->file_count, sizeof *batch);
	if (batch == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	cookie = open_magic();
	known = index_case(c, (size_t)req->file_count, &known_count);
	if (cookie == NULL || known == NULL)
		goto out;
	progress_begin(N_("adding evidence"), total_size(req));
	for (i = 0; i < req->file_count; i++) {
		batch[i].source = req->files[i];
		if (stage_one(evidence_dir, cookie, req->kind, &batch[i]) != DISPUTE_OK ||
		    check_duplicate(known, known_count, &batch[i]) != DISPUTE_OK ||
		    origin_from_media(batch[i].tmp_path, batch[i].source, batch[i].mime,
		    &warned_missing, &batch[i].origin) != DISPUTE_OK)
			goto out;
		index_add(known, &known_count, &batch[i]);
		warn_about_time(c, req, &batch[i], stamp);
	}
	/* Under the exclusive lock nothing else is adding: make room for the final names. */
	evidence_clean_leftovers(c);
	/* The record as it was, to put back if the batch cannot be committed whole. */
	before = cJSON_Duplicate(case_record(c), 1);
	if (before == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	if (commit_batch(c, req, batch, evidence_dir, stamp) != DISPUTE_OK ||
	    case_save(c) != DISPUTE_OK) {
		case_replace_record(c, before);
		before = NULL;
		goto out;
	}
	status = DISPUTE_OK;
	/* The files are in and recorded: a request that cannot be written costs the buyer
	 * only the trusted time of this batch, never the batch itself. */
	if (stamps_request(c, req->file_count) != DISPUTE_OK)
		dispute_warning(_("the files were added, but no timestamp request was written for "
		    "them"));
out:
	progress_end();
	cJSON_Delete(before);
	for (i = 0; batch != NULL && i < req->file_count; i++) {
		if (batch[i].tmp_path != NULL)
			unlink(batch[i].tmp_path);
		if (status != DISPUTE_OK && batch[i].final_path != NULL)
			unlink(batch[i].final_path);
		fs_temp_release(batch[i].tmp_path);
		free(batch[i].final_path);
		origin_free(&batch[i].origin);
	}
	if (status != DISPUTE_OK && batch != NULL)
		dispute_error(_("nothing was added"));
	if (cookie != NULL)
		magic_close(cookie);
	free(known);
	free(batch);
	free(evidence_dir);
	return status;
}

cJSON *
evidence_find(const struct dispute_case *c, const char *id)
{
	cJSON *item;

	cJSON_ArrayForEach(item, case_evidence(c))
		if (strcmp(cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring, id) == 0)
			return item;
	return NULL;
}

static int
note_removed(struct dispute_case *c, const char *file)
{
	cJSON *list = cJSON_GetObjectItemCaseSensitive(case_record(c), "removed_files");

	if (list == NULL)
		list = cJSON_AddArrayToObject(case_record(c), "removed_files");
	if (list == NULL || !cJSON_AddItemToArray(list, cJSON_CreateString(file))) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

int
evidence_check_copy(const cJSON *record, const char *path)
{
	const char *recorded = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(record,
	    "sha256"));
	char actual[DIGEST_HEX_MAX];
	uint64_t size;

	if (digest_file_sha256(path, actual, &size) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (recorded == NULL || strcmp(actual, recorded) != 0) {
		dispute_error(_("%s: changed since it was added (sha256 %s, recorded %s)"), path,
		    actual, recorded != NULL ? recorded : "-");
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

/* The derived file `dispute read` recorded for ITEM, or NULL. */
static char *
derived_path(const struct dispute_case *c, const cJSON *item)
{
	const char *file = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(item, "reading"), "file"));
	char *rel, *path;

	if (file == NULL || strchr(file, '/') != NULL || file[0] == '.' ||
	    (rel = dispute_asprintf("%s/%s", READING_DIR, file)) == NULL)
		return NULL;
	path = case_path(c, rel);
	free(rel);
	return path;
}

int
evidence_remove(struct dispute_case *c, const char *id)
{
	cJSON *item = evidence_find(c, id);
	char *dir = NULL, *path = NULL, *derived = NULL;
	unsigned long number = next_id_number(c) - 1;
	int status = DISPUTE_FAILED, withdrawn;

	if (item == NULL) {
		dispute_error(_("%s: no evidence with this ID (see `dispute status`)"), id);
		return DISPUTE_FAILED;
	}
	derived = derived_path(c, item);
	dir = case_own_dir(c, CASE_EVIDENCE_DIR, 0);
	if (dir == NULL)
		goto out;
	path = path_join(dir, cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring);
	if (path == NULL || set_counter(c, number) != DISPUTE_OK ||
	    note_removed(c, cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring) !=
	    DISPUTE_OK || exhibits_withdraw(c, item, &withdrawn) != DISPUTE_OK)
		goto out;
	cJSON_Delete(cJSON_DetachItemViaPointer(case_evidence(c), item));
	/* The record goes first: a crash in between leaves a copy listed in
	 * "removed_files", which verify ignores and the next change deletes, never a
	 * record whose file is gone. */
	if (case_save(c) != DISPUTE_OK)
		goto out;
	if (unlink(path) == -1 && errno != ENOENT) {
		dispute_error(_("%s: removed from the case but the copy could not be deleted: %s"),
		    path, strerror(errno));
		goto out;
	}
	if (fs_sync_dir(dir) != DISPUTE_OK)
		goto out;
	/* What `dispute read` derived from it holds its text: it goes too. */
	if (derived != NULL && unlink(derived) == -1 && errno != ENOENT)
		dispute_warning(_("%s: removed from the case but its derived file could not be "
		    "deleted: %s"), derived, strerror(errno));
	/* The copy is gone: the note that it may linger is no longer needed. */
	cJSON_DeleteItemFromObjectCaseSensitive(case_record(c), "removed_files");
	status = case_save(c);
out:
	free(derived);
	free(path);
	free(dir);
	return status;
}
