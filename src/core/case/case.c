/* Loading, checking, locking and saving case.json. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dispute/case.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/report.h"
#include "digest.h"

struct dispute_case {
	char *dir;        /* the case folder as given */
	char *file;       /* DIR/case.json */
	cJSON *root;      /* the whole record */
	/* case.json as last read or saved, by its digest: the text itself would be
	 * megabytes beside the record in a case of 5,000 items. Only for a case opened to
	 * write, which is how pack opens it: readers never need it, and hashing the file
	 * at each `status` was a tenth of its time. */
	char text_sha256[DIGEST_HEX_MAX];
	uint64_t text_len;
	int lock_fd;
};

/* The sections of facts that `dispute set` writes into, in the order they are saved. */
static const char *const fact_sections[] = {
	"case", "claimant", "merchant", "platform", "agent", "order", "problem", "demand", NULL
};

/* Sections added after the first cases were written: a case.json without them is still
 * a dispute-case/1 record, and the section is added when a fact of it is first set. */
static int
added_later(const char *section)
{
	return strcmp(section, "platform") == 0 || strcmp(section, "agent") == 0;
}

/* Evidence record members that must be strings; "size" is checked separately. */
static const char *const evidence_strings[] = {
	"id", "kind", "file", "sha256", "mime", "original_name", "added", NULL
};
static const char *const timeline_strings[] = {
	"date", "channel", "outcome", "text", NULL
};

static cJSON *
new_record(const char *created_at)
{
	cJSON *root = cJSON_CreateObject();
	int i;

	if (root == NULL || cJSON_AddStringToObject(root, "schema", CASE_SCHEMA) == NULL ||
	    cJSON_AddStringToObject(root, "created", created_at) == NULL)
		goto fail;
	for (i = 0; fact_sections[i] != NULL; i++)
		if (cJSON_AddObjectToObject(root, fact_sections[i]) == NULL)
			goto fail;
	if (cJSON_AddArrayToObject(root, "evidence") == NULL ||
	    cJSON_AddArrayToObject(root, "timeline") == NULL)
		goto fail;
	return root;
fail:
	cJSON_Delete(root);
	return NULL;
}

/* ROOT as cJSON prints it and a newline, into one buffer of about SIZE_HINT bytes (the
 * record's size when it was read), grown only when the text does not fit: cJSON's own
 * printing doubles its buffer as it goes and then copies it, which for a case of
 * thousands of items holds three times the record at once. Malloc'd, or NULL after
 * reporting. */
static char *
print_record(const cJSON *root, size_t size_hint, size_t *len)
{
	size_t size = size_hint + size_hint / 8 + 4096;
	char *buf = NULL, *grown;

	for (;;) {
		if ((grown = realloc(buf, size)) == NULL)
			break;
		buf = grown;
		/* cJSON asks for 5 bytes beyond what it writes; one more for the newline. */
		if (cJSON_PrintPreallocated((cJSON *)root, buf, (int)(size - 6), 1)) {
			*len = strlen(buf);
			buf[(*len)++] = '\n';
			buf[*len] = '\0';
			return buf;
		}
		if (size > (size_t)INT_MAX / 2)
			break;
		size *= 2;
	}
	free(buf);
	dispute_error(_("out of memory"));
	return NULL;
}

/* Writes ROOT to FILE (SIZE_HINT as for print_record()); *TEXT (may be NULL) gets the
 * bytes written, malloc'd. */
static int
write_record(const char *file, const cJSON *root, size_t size_hint, enum fs_replace replace,
    char **text, size_t *len)
{
	size_t printed_len = 0;
	char *printed = print_record(root, size_hint, &printed_len);
	int status;

	if (printed == NULL)
		return DISPUTE_FAILED;
	status = fs_write_atomic(file, printed, printed_len, 0600, replace);
	if (status == DISPUTE_OK && text != NULL) {
		*len = printed_len;
		*text = printed;
		printed = NULL;
	}
	free(printed);
	return status;
}

int
case_create(const char *dir, const char *created_at)
{
	char *file = NULL, *evidence = NULL;
	cJSON *root = NULL;
	int status = DISPUTE_FAILED;

	file = path_join(dir, CASE_FILE);
	evidence = path_join(dir, CASE_EVIDENCE_DIR);
	if (file == NULL || evidence == NULL)
		goto out;
	if (access(file, F_OK) == 0) {
		dispute_error(_("%s: a case already exists here; nothing was changed"), file);
		goto out;
	}
	/* Owner-only: the folder will hold ID numbers and medical papers. */
	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		dispute_error(_("%s: cannot create folder: %s"), dir, strerror(errno));
		goto out;
	}
	if (mkdir(evidence, 0700) == -1 && errno != EEXIST) {
		dispute_error(_("%s: cannot create folder: %s"), evidence, strerror(errno));
		goto out;
	}
	root = new_record(created_at);
	if (root == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	status = write_record(file, root, 0, FS_NO_REPLACE, NULL, NULL);
out:
	cJSON_Delete(root);
	free(evidence);
	free(file);
	return status;
}

static int
require_strings(const char *file, const cJSON *item, const char *what, size_t index,
    const char *const *members, int required)
{
	int i;

	if (!cJSON_IsObject(item)) {
		dispute_error(_("%s: %s[%zu] is not an object"), file, what, index);
		return DISPUTE_FAILED;
	}
	for (i = 0; members[i] != NULL; i++) {
		const cJSON *m = cJSON_GetObjectItemCaseSensitive(item, members[i]);

		if ((m == NULL && required) || (m != NULL && !cJSON_IsString(m))) {
			dispute_error(_("%s: %s[%zu].%s must be a string"), file, what, index,
			    members[i]);
			return DISPUTE_FAILED;
		}
	}
	return DISPUTE_OK;
}

/* An evidence file name must stay inside evidence/: no folders, no hidden names. */
static int
safe_file_name(const char *name)
{
	return name[0] != '\0' && name[0] != '.' && strchr(name, '/') == NULL &&
	    strchr(name, '\\') == NULL;
}

static int
check_evidence(const char *file, const cJSON *evidence)
{
	const cJSON *item;
	size_t index = 0;

	cJSON_ArrayForEach(item, evidence) {
		const cJSON *size, *name;

		if (require_strings(file, item, "evidence", index, evidence_strings, 1) != DISPUTE_OK)
			return DISPUTE_FAILED;
		size = cJSON_GetObjectItemCaseSensitive(item, "size");
		if (!cJSON_IsNumber(size) || size->valuedouble < 0 ||
		    size->valuedouble > 9007199254740992.0 ||
		    size->valuedouble != (double)(long long)size->valuedouble) {
			dispute_error(_("%s: evidence[%zu].size must be a whole number of bytes"),
			    file, index);
			return DISPUTE_FAILED;
		}
		name = cJSON_GetObjectItemCaseSensitive(item, "file");
		if (!safe_file_name(name->valuestring)) {
			dispute_error(_("%s: evidence[%zu].file \"%s\" is not a plain file name"),
			    file, index, name->valuestring);
			return DISPUTE_FAILED;
		}
		index++;
	}
	return DISPUTE_OK;
}

static int
check_timeline(const char *file, const cJSON *timeline)
{
	static const char *const optional[] = { "ref", "recorded", NULL };
	const cJSON *item, *demand;
	size_t index = 0;

	cJSON_ArrayForEach(item, timeline) {
		if (require_strings(file, item, "timeline", index, timeline_strings, 1) != DISPUTE_OK ||
		    require_strings(file, item, "timeline", index, optional, 0) != DISPUTE_OK)
			return DISPUTE_FAILED;
		demand = cJSON_GetObjectItemCaseSensitive(item, "demand");
		if (demand != NULL && !cJSON_IsBool(demand)) {
			dispute_error(_("%s: timeline[%zu].demand must be true or false"), file, index);
			return DISPUTE_FAILED;
		}
		index++;
	}
	return DISPUTE_OK;
}

/* Checks the shape of a parsed record so that no command trips over a wrong type later. */
static int
check_record(const char *file, const cJSON *root)
{
	const cJSON *schema, *section, *fact;
	int i;

	if (!cJSON_IsObject(root)) {
		dispute_error(_("%s: not a case record (the top level is not an object)"), file);
		return DISPUTE_FAILED;
	}
	schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
	if (!cJSON_IsString(schema)) {
		dispute_error(_("%s: no \"schema\" member; not a dispute case file"), file);
		return DISPUTE_FAILED;
	}
	if (strcmp(schema->valuestring, CASE_SCHEMA) != 0) {
		dispute_error(_("%s: unknown schema \"%s\" (this version reads %s)"), file,
		    schema->valuestring, CASE_SCHEMA);
		return DISPUTE_FAILED;
	}
	for (i = 0; fact_sections[i] != NULL; i++) {
		section = cJSON_GetObjectItemCaseSensitive(root, fact_sections[i]);
		if (section == NULL && added_later(fact_sections[i]))
			continue;
		if (!cJSON_IsObject(section)) {
			dispute_error(_("%s: \"%s\" must be an object"), file, fact_sections[i]);
			return DISPUTE_FAILED;
		}
		cJSON_ArrayForEach(fact, section) {
			if (!cJSON_IsString(fact)) {
				dispute_error(_("%s: %s.%s must be a string"), file,
				    fact_sections[i], fact->string);
				return DISPUTE_FAILED;
			}
		}
	}
	if (!cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(root, "evidence")) ||
	    !cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(root, "timeline"))) {
		dispute_error(_("%s: \"evidence\" and \"timeline\" must be arrays"), file);
		return DISPUTE_FAILED;
	}
	if (check_evidence(file, cJSON_GetObjectItemCaseSensitive(root, "evidence")) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return check_timeline(file, cJSON_GetObjectItemCaseSensitive(root, "timeline"));
}

static int
lock_case(const char *dir, enum case_access mode)
{
	char *lock_path = path_join(dir, CASE_LOCK_FILE);
	int fd;

	if (lock_path == NULL)
		return -1;
	/* A lock file planted as a link would make us create or lock the file it names. */
	fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd == -1) {
		/* A read-only case folder can still be read without a lock file. */
		if (mode == CASE_READ && (errno == EACCES || errno == EROFS)) {
			free(lock_path);
			return -2;
		}
		dispute_error(_("%s: cannot open lock file: %s"), lock_path, strerror(errno));
	} else if (flock(fd, mode == CASE_WRITE ? LOCK_EX : LOCK_SH) == -1) {
		dispute_error(_("%s: cannot lock: %s"), lock_path, strerror(errno));
		close(fd);
		fd = -1;
	}
	free(lock_path);
	return fd;
}

/* Removes the temporary files that a killed command left in FOLDER (names starting
 * with PREFIX). Only called under the exclusive lock, so no live command owns them. */
static void
remove_orphans(const char *folder, const char *prefix)
{
	size_t n = strlen(prefix);
	struct dirent *de;
	DIR *d = opendir(folder);

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, n) != 0)
			continue;
		if (unlinkat(dirfd(d), de->d_name, 0) == 0)
			dispute_notice(_("%s/%s: removed a temporary file left by an interrupted "
			    "command"), folder, de->d_name);
	}
	closedir(d);
}

static void
clean_orphans(const struct dispute_case *c)
{
	char *evidence = case_path(c, CASE_EVIDENCE_DIR);

	remove_orphans(c->dir, "." CASE_FILE ".");
	if (evidence != NULL)
		remove_orphans(evidence, ".incoming.");
	free(evidence);
}

/* Member names that every evidence item repeats. Once the record is read, each item's
 * names point to these (cJSON_StringIsConst) instead of holding a copy apiece: in a
 * case of 5,000 items, 55,000 small allocations fewer. */
static const char *const item_names[] = {
	"id", "kind", "file", "sha256", "size", "mime", "original_name", "added", "exhibit",
	"capture", "original_modified", "method", "device", "app", "captured",
	"captured_offset", "captured_source", "note", "proves", "source", "copies", "form",
	"reading"
};

/* Shares OBJ's member names, trying each against the list from the name after the
 * last one shared (NEXT): members come in the list's order, so one comparison is the
 * rule, and an object's members follow the name of the object. */
static void
share_names(cJSON *obj, size_t next)
{
	const size_t count = sizeof item_names / sizeof *item_names;
	cJSON *m;
	size_t tried, i;

	cJSON_ArrayForEach(m, obj) {
		for (tried = 0; tried < count && !(m->type & cJSON_StringIsConst); tried++) {
			i = (next + tried) % count;
			if (m->string[0] == item_names[i][0] && strcmp(m->string, item_names[i]) == 0) {
				cJSON_free(m->string);
				m->string = (char *)item_names[i];
				m->type |= cJSON_StringIsConst;
				next = i + 1;
			}
		}
		if (cJSON_IsObject(m))
			share_names(m, next);
	}
}

/* The digest and length of TEXT, case.json as just read or written. */
static int
remember_text(struct dispute_case *c, const char *text, size_t len)
{
	struct digest d;

	if (digest_init(&d, "sha256") != DISPUTE_OK)
		return DISPUTE_FAILED;
	digest_update(&d, text, len);
	c->text_len = len;
	return digest_final_hex(&d, c->text_sha256);
}

int
case_open(const char *dir, enum case_access mode, struct dispute_case **out)
{
	struct dispute_case *c;
	cJSON *item;
	char *text = NULL;
	size_t len = 0;
	int status = DISPUTE_FAILED;

	c = calloc(1, sizeof *c);
	if (c == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	c->lock_fd = -1;
	c->dir = strdup(dir);
	c->file = path_join(dir, CASE_FILE);
	if (c->dir == NULL || c->file == NULL)
		goto out;
	if (access(c->file, F_OK) == -1) {
		dispute_error(_("%s: no case here (run `dispute init` first, or use -C DIR)"),
		    c->file);
		goto out;
	}
	c->lock_fd = lock_case(dir, mode);
	if (c->lock_fd == -1)
		goto out;
	if (fs_read_file(c->file, CASE_FILE_MAX, &text, &len) != DISPUTE_OK ||
	    json_parse_text(c->file, text, len, &c->root) != DISPUTE_OK ||
	    (mode == CASE_WRITE && remember_text(c, text, len) != DISPUTE_OK))
		goto out;
	if (check_record(c->file, c->root) != DISPUTE_OK)
		goto out;
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(c->root, "evidence"))
		share_names(item, 0);
	if (mode == CASE_WRITE)
		clean_orphans(c);
	*out = c;
	c = NULL;
	status = DISPUTE_OK;
out:
	free(text);
	case_close(c);
	return status;
}

int
case_save(struct dispute_case *c)
{
	char *text = NULL;
	size_t len = 0;
	int status;

	if (write_record(c->file, c->root, (size_t)c->text_len, FS_REPLACE, &text, &len) !=
	    DISPUTE_OK)
		return DISPUTE_FAILED;
	status = remember_text(c, text, len);
	free(text);
	return status;
}

void
case_close(struct dispute_case *c)
{
	if (c == NULL)
		return;
	if (c->lock_fd >= 0)
		close(c->lock_fd);
	cJSON_Delete(c->root);
	free(c->file);
	free(c->dir);
	free(c);
}

const char *
case_dir(const struct dispute_case *c)
{
	return c->dir;
}

const char *
case_file(const struct dispute_case *c)
{
	return c->file;
}

cJSON *
case_record(const struct dispute_case *c)
{
	return c->root;
}

void
case_replace_record(struct dispute_case *c, cJSON *record)
{
	cJSON_Delete(c->root);
	c->root = record;
}

const char *
case_text_sha256(const struct dispute_case *c, uint64_t *len)
{
	*len = c->text_len;
	return c->text_sha256;
}

/* Splits "section.key" into the section object and the key; NULL when malformed. */
static cJSON *
section_of(const struct dispute_case *c, const char *name, const char **key)
{
	const char *dot = strchr(name, '.');
	char section[32];

	if (dot == NULL || (size_t)(dot - name) >= sizeof section)
		return NULL;
	memcpy(section, name, (size_t)(dot - name));
	section[dot - name] = '\0';
	*key = dot + 1;
	return cJSON_GetObjectItemCaseSensitive(c->root, section);
}

const char *
case_get(const struct dispute_case *c, const char *name)
{
	const char *key;
	const cJSON *section = section_of(c, name, &key);
	const cJSON *value;

	if (section == NULL)
		return NULL;
	value = cJSON_GetObjectItemCaseSensitive(section, key);
	return cJSON_IsString(value) ? value->valuestring : NULL;
}

int
case_set(struct dispute_case *c, const char *name, const char *value)
{
	const char *key = NULL; /* set by section_of() whenever NAME has a section part */
	cJSON *section = section_of(c, name, &key);
	cJSON *item;
	char *dot = strchr(name, '.');
	char later[32];

	if (section == NULL && dot != NULL && (size_t)(dot - name) < sizeof later) {
		snprintf(later, sizeof later, "%.*s", (int)(dot - name), name);
		if (added_later(later))
			section = cJSON_AddObjectToObject(c->root, later);
	}
	if (section == NULL) {
		dispute_error(_("%s: not a field name"), name);
		return DISPUTE_FAILED;
	}
	item = cJSON_CreateString(value);
	if (item == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (cJSON_HasObjectItem(section, key))
		cJSON_ReplaceItemInObjectCaseSensitive(section, key, item);
	else
		cJSON_AddItemToObject(section, key, item);
	return DISPUTE_OK;
}

void
case_unset(struct dispute_case *c, const char *name)
{
	const char *key;
	cJSON *section = section_of(c, name, &key);

	if (section != NULL)
		cJSON_DeleteItemFromObjectCaseSensitive(section, key);
}

cJSON *
case_evidence(const struct dispute_case *c)
{
	return cJSON_GetObjectItemCaseSensitive(c->root, "evidence");
}

cJSON *
case_timeline(const struct dispute_case *c)
{
	return cJSON_GetObjectItemCaseSensitive(c->root, "timeline");
}

char *
case_path(const struct dispute_case *c, const char *rel)
{
	return path_join(c->dir, rel);
}

char *
case_own_dir(const struct dispute_case *c, const char *rel, int create)
{
	char *dir = case_path(c, rel);
	struct stat st;

	if (dir == NULL)
		return NULL;
	if (create && mkdir(dir, 0700) == -1 && errno != EEXIST) {
		dispute_error(_("%s: cannot create: %s"), dir, strerror(errno));
		free(dir);
		return NULL;
	}
	if (lstat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		dispute_error(_("%s: %s; the case's files must stay inside the case folder"), dir,
		    S_ISLNK(st.st_mode) ? _("a symbolic link") : _("not a folder"));
		free(dir);
		return NULL;
	}
	return dir;
}
