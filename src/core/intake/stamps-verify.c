/* What the timestamps of a case folder or a dossier prove (stamps.h): every reply is
 * checked against its request and its list, and every file on the list against the
 * evidence, so that an item's time is vouched for only with the bytes it has now. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/stamps.h"
#include "dispute/timestamp.h"

/* Where the timestamp files are read from: the case folder or the dossier. */
struct source {
	const struct dispute_case *c;
	const char *zip, *password, *root;
	char **present; /* the dossier's payload files */
	size_t present_count;
	const char *prefix; /* "timestamps/" or "data/timestamps/", for names shown */
};

/* Reads timestamp file FILE ("001.tsr"); *DATA stays NULL when there is none. */
static int
source_read(const struct source *s, const char *file, char **data, size_t *len)
{
	char *rel = dispute_asprintf("%s%s", s->prefix, file), *path = NULL;
	int status = DISPUTE_FAILED;

	*data = NULL;
	if (rel == NULL)
		return DISPUTE_FAILED;
	if (s->c != NULL) {
		path = case_path(s->c, rel);
		if (path != NULL)
			status = access(path, F_OK) != 0 ? DISPUTE_OK :
			    fs_read_file_nofollow(path, STAMPS_FILE_MAX, data, len);
	} else {
		status = DISPUTE_OK;
		for (size_t i = 0; i < s->present_count; i++)
			if (strcmp(s->present[i], rel) == 0)
				status = bag_zip_read_tag(s->zip, s->password, s->root, rel, data, len);
	}
	free(path);
	free(rel);
	return status;
}

void
stamp_report_free(struct stamp_report *r)
{
	for (size_t i = 0; i < r->count; i++) {
		free(r->items[i].id);
		free(r->items[i].file);
		free(r->items[i].sha256);
		free(r->items[i].reply);
		free(r->items[i].pending);
	}
	free(r->items);
	r->items = NULL;
	r->count = 0;
}

static int
add_item(struct stamp_report *r, const char *id, size_t id_len, const char *file,
    const char *sha256)
{
	struct stamp_proof *grown = realloc(r->items, (r->count + 1) * sizeof *grown), *p;

	if (grown == NULL)
		goto oom;
	r->items = grown;
	p = &r->items[r->count];
	memset(p, 0, sizeof *p);
	p->id = strndup(id, id_len);
	p->file = dispute_asprintf("%s/%s", CASE_EVIDENCE_DIR, file);
	p->sha256 = strdup(sha256);
	r->count++;
	if (p->id != NULL && p->file != NULL && p->sha256 != NULL)
		return DISPUTE_OK;
oom:
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

/* One line of a list (or a SHA-256 manifest): "HEX  PATH". 0 when it is not one. */
static int
split_line(char *line, char **hex, char **path)
{
	char *gap = line + 64;

	if (strspn(line, "0123456789abcdef") != 64 || (*gap != ' ' && *gap != '\t'))
		return 0;
	*gap++ = '\0';
	gap += strspn(gap, " \t*");
	*hex = line;
	*path = gap;
	return **path != '\0';
}

/* Marks the items on request NAME's list: proven at WHEN by REPLY when it checked out,
 * pending when it has no reply yet. */
static int
mark_items(const struct source *s, const char *name, char *list, const char *when,
    int has_reply, struct stamp_report *out, struct bag_report *problems)
{
	char *line, *next, *hex, *path;
	int status = DISPUTE_OK;

	for (line = list; status == DISPUTE_OK && line != NULL && *line != '\0'; line = next) {
		struct stamp_proof *p = NULL;

		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (!split_line(line, &hex, &path)) {
			status = bag_add_problem(problems, BAG_MALFORMED, NULL, "%s%s.txt: a line "
			    "that is not \"SHA256  FILE\"", s->prefix, name);
			continue;
		}
		for (size_t i = 0; p == NULL && i < out->count; i++)
			if (strcmp(out->items[i].file, path) == 0)
				p = &out->items[i];
		/* An item removed since it was timestamped has nothing left to prove. */
		if (p == NULL)
			continue;
		if (strcmp(p->sha256, hex) != 0)
			status = bag_add_problem(problems, BAG_ALTERED, p->file, "sha256 %s, but %s%s.txt "
			    "timestamped %s", p->sha256, s->prefix, name, hex);
		else if (when != NULL && (p->when[0] == '\0' || strcmp(when, p->when) < 0)) {
			snprintf(p->when, sizeof p->when, "%s", when);
			free(p->reply);
			p->reply = dispute_asprintf("%s%s.tsr", s->prefix, name);
			status = p->reply != NULL ? DISPUTE_OK : DISPUTE_FAILED;
		} else if (!has_reply && p->when[0] == '\0' && p->pending == NULL) {
			p->pending = dispute_asprintf("%s%s.tsq", s->prefix, name);
			status = p->pending != NULL ? DISPUTE_OK : DISPUTE_FAILED;
		}
	}
	return status;
}

static int
check_one(const struct source *s, const char *name, const char *ca_path,
    struct stamp_report *out, struct bag_report *problems)
{
	char *list = NULL, *tsq = NULL, *tsr = NULL, *file = NULL, when[64];
	size_t list_len = 0, tsq_len = 0, tsr_len = 0;
	int status = DISPUTE_FAILED, proven = 0;

	file = dispute_asprintf("%s.txt", name);
	if (file == NULL || source_read(s, file, &list, &list_len) != DISPUTE_OK)
		goto out;
	free(file);
	file = dispute_asprintf("%s.tsq", name);
	if (file == NULL || source_read(s, file, &tsq, &tsq_len) != DISPUTE_OK)
		goto out;
	free(file);
	file = dispute_asprintf("%s.tsr", name);
	if (file == NULL || source_read(s, file, &tsr, &tsr_len) != DISPUTE_OK)
		goto out;
	if (list == NULL) {
		status = bag_add_problem(problems, BAG_MISSING, NULL, "%s%s.txt: the list that "
		    "request %s.tsq covers is missing", s->prefix, name, name);
		goto out;
	}
	if (tsr != NULL) {
		char *shown = dispute_asprintf("%s%s.tsr", s->prefix, name);

		out->replies++;
		proven = shown != NULL && timestamp_check_reply_data(shown, tsr, tsr_len, tsq,
		    tsq_len, ca_path, list, list_len, when, sizeof when) == DISPUTE_OK;
		if (!proven && shown != NULL &&
		    bag_add_problem(problems, BAG_ALTERED, shown, "does not vouch for %s%s.txt "
		    "and its request", s->prefix, name) != DISPUTE_OK) {
			free(shown);
			goto out;
		}
		free(shown);
	}
	status = mark_items(s, name, list, proven ? when : NULL, tsr != NULL, out, problems);
out:
	free(file);
	free(tsr);
	free(tsq);
	free(list);
	return status;
}

static int
check_all(const struct source *s, const struct stamp_names *names, const char *ca_path,
    struct stamp_report *out, struct bag_report *problems)
{
	int status = DISPUTE_OK;

	out->requests = names->count;
	for (size_t i = 0; status == DISPUTE_OK && i < names->count; i++)
		status = check_one(s, names->names[i], ca_path, out, problems);
	return status;
}

int
stamps_verify_case(const struct dispute_case *c, const char *ca_path,
    struct stamp_report *out, struct bag_report *problems)
{
	struct source s = { c, NULL, NULL, NULL, NULL, 0, STAMPS_DIR "/" };
	struct stamp_names names = { NULL, 0 };
	const cJSON *item;
	int status = DISPUTE_OK;

	memset(out, 0, sizeof *out);
	cJSON_ArrayForEach(item, case_evidence(c)) {
		const char *id = cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring;

		if (status == DISPUTE_OK)
			status = add_item(out, id, strlen(id),
			    cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring,
			    cJSON_GetObjectItemCaseSensitive(item, "sha256")->valuestring);
	}
	if (status == DISPUTE_OK)
		status = stamps_list(c, 0, &names);
	if (status == DISPUTE_OK)
		status = check_all(&s, &names, ca_path, out, problems);
	stamp_names_free(&names);
	return status;
}

/* From the dossier's payload manifest: its evidence, as items, and its timestamp
 * requests. The judge has checked every line against the payload already. */
static int
read_manifest(struct source *s, char *manifest, struct stamp_report *out,
    struct stamp_names *names)
{
	static const char evidence[] = "data/" CASE_EVIDENCE_DIR "/";
	static const char stamps[] = "data/" STAMPS_DIR "/";
	char *line, *next, *hex, *path, **grown;
	size_t n;

	for (line = manifest; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		if (!split_line(line, &hex, &path))
			continue;
		if (strncmp(path, evidence, sizeof evidence - 1) == 0) {
			path += sizeof evidence - 1;
			if (add_item(out, path, strcspn(path, "-"), path, hex) != DISPUTE_OK)
				return DISPUTE_FAILED;
			continue;
		}
		if (strncmp(path, stamps, sizeof stamps - 1) != 0)
			continue;
		grown = realloc(s->present, (s->present_count + 1) * sizeof *grown);
		if (grown == NULL)
			goto oom;
		s->present = grown;
		if ((s->present[s->present_count] = strdup(path)) == NULL)
			goto oom;
		s->present_count++;
		n = strlen(path);
		if (n < 4 || strcmp(path + n - 4, ".tsq") != 0)
			continue;
		grown = realloc(names->names, (names->count + 1) * sizeof *grown);
		if (grown == NULL)
			goto oom;
		names->names = grown;
		path += sizeof stamps - 1;
		names->names[names->count] = strndup(path, strlen(path) - 4);
		if (names->names[names->count++] == NULL)
			goto oom;
	}
	return DISPUTE_OK;
oom:
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

int
stamps_verify_bag(const char *path, const char *password, const char *root,
    const char *ca_path, struct stamp_report *out, struct bag_report *problems)
{
	struct source s = { NULL, path, password, root, NULL, 0, "data/" STAMPS_DIR "/" };
	struct stamp_names names = { NULL, 0 };
	char *manifest = NULL;
	size_t len;
	int status;

	memset(out, 0, sizeof *out);
	status = bag_zip_read_tag(path, password, root, "manifest-sha256.txt", &manifest, &len);
	if (status == DISPUTE_OK)
		status = read_manifest(&s, manifest, out, &names);
	if (status == DISPUTE_OK)
		status = check_all(&s, &names, ca_path, out, problems);
	for (size_t i = 0; i < s.present_count; i++)
		free(s.present[i]);
	free(s.present);
	stamp_names_free(&names);
	free(manifest);
	return status;
}
