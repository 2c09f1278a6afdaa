/* The zip backend of the bag reader: lists the entries of the one top-level bag
 * folder through libzip and streams them, never extracting anything to disk. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "bag-internal.h"
#include "text.h"

enum entry_type {
	TYPE_FILE,
	TYPE_DIR,
	TYPE_LINK,
	TYPE_OTHER
};

static int
zip_entry_open(struct bag_reader *r, const struct bag_entry *e, struct bag_stream *s,
    char *why)
{
	zip_t *za = r->impl;

	why[0] = '\0';
	s->reader = r;
	s->fd = -1;
	s->zf = zip_fopen_index(za, e->index, 0);
	if (s->zf == NULL) {
		snprintf(why, BAG_WHY_MAX, "cannot read: %s", zip_strerror(za));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static int
zip_entry_read(struct bag_stream *s, void *buf, size_t len, size_t *got, char *why)
{
	zip_int64_t n = zip_fread(s->zf, buf, len);

	why[0] = '\0';
	*got = 0;
	/* libzip checks the CRC when the entry ends, so a damaged entry fails here. */
	if (n < 0) {
		snprintf(why, BAG_WHY_MAX, "cannot read: %s", zip_file_strerror(s->zf));
		return DISPUTE_FAILED;
	}
	*got = (size_t)n;
	return DISPUTE_OK;
}

static void
zip_entry_close(struct bag_stream *s)
{
	if (s->zf != NULL)
		zip_fclose(s->zf);
	s->zf = NULL;
}

static void
zip_destroy(struct bag_reader *r)
{
	if (r->impl != NULL)
		zip_discard(r->impl);
}

static const struct bag_reader_ops zip_ops = {
	zip_entry_open, zip_entry_read, zip_entry_close, zip_destroy
};

static enum entry_type
zip_entry_type(zip_t *za, zip_uint64_t i, const char *name)
{
	zip_uint8_t os;
	zip_uint32_t attr;
	size_t len = strlen(name);

	/* A file type in the high half of the attributes is honoured by extractors for
	 * Unix-made zips and for several other hosts (Info-ZIP unzip: Atari, BeOS,
	 * AtheOS), so it counts whatever host the entry names. */
	if (zip_file_get_external_attributes(za, i, 0, &os, &attr) == 0) {
		switch ((attr >> 16) & S_IFMT) {
		case 0:
		case S_IFREG:
			break;
		case S_IFDIR:
			return TYPE_DIR;
		case S_IFLNK:
			return TYPE_LINK;
		default:
			return TYPE_OTHER;
		}
	}
	return len > 0 && name[len - 1] == '/' ? TYPE_DIR : TYPE_FILE;
}

static int
top_cmp(const char *a, size_t a_len, const char *b, size_t b_len)
{
	int c = memcmp(a, b, a_len < b_len ? a_len : b_len);

	if (c != 0)
		return c;
	return a_len < b_len ? -1 : a_len > b_len;
}

/* The bag folder is the top-level folder holding bagit.txt, else the first one, so
 * that a stray second folder cannot displace the bag whatever the entry order. */
static int
zip_choose_root(zip_t *za, zip_int64_t n, char **root)
{
	const char *best = NULL;
	size_t best_len = 0;
	int best_has_bagit = 0;

	*root = NULL;
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);
		const char *slash;
		size_t len;
		int has_bagit;

		if (name == NULL || (slash = strchr(name, '/')) == NULL)
			continue;
		len = (size_t)(slash - name);
		if (bag_name_unsafe(name, len) != NULL || !utf8_valid(name, len))
			continue;
		has_bagit = strcmp(slash + 1, "bagit.txt") == 0;
		if (best == NULL || has_bagit > best_has_bagit || (has_bagit == best_has_bagit &&
		    top_cmp(name, len, best, best_len) < 0)) {
			best = name;
			best_len = len;
			best_has_bagit = has_bagit;
		}
	}
	if (best == NULL)
		return DISPUTE_OK;
	*root = strndup(best, best_len);
	if (*root == NULL)
		return bag_out_of_memory();
	return DISPUTE_OK;
}

/* One problem per foreign top-level folder, not one per file inside it. */
static int
zip_report_other_tops(zip_t *za, zip_int64_t n, const char *root, struct bag_report *report)
{
	char **tops = NULL;
	size_t count = 0;
	int status = DISPUTE_OK;

	tops = calloc((size_t)n + 1, sizeof(*tops));
	if (tops == NULL)
		return bag_out_of_memory();
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);
		const char *slash;

		size_t len;

		if (name == NULL || (slash = strchr(name, '/')) == NULL)
			continue;
		len = (size_t)(slash - name);
		/* Bad names are reported entry by entry by zip_list_entry(). */
		if (bag_name_unsafe(name, len) != NULL || !utf8_valid(name, len) ||
		    (len == strlen(root) && memcmp(name, root, len) == 0))
			continue;
		tops[count] = strndup(name, len + 1);
		if (tops[count] == NULL) {
			status = bag_out_of_memory();
			goto out;
		}
		count++;
	}
	if (count > 1)
		qsort(tops, count, sizeof(*tops), bag_strcmp_ptr);
	for (size_t i = 0; i < count && status == DISPUTE_OK; i++)
		if (i == 0 || strcmp(tops[i - 1], tops[i]) != 0)
			status = bag_add_problem(report, BAG_MALFORMED, tops[i],
			    "second top-level folder in the zip besides %s/", root);
out:
	for (size_t i = 0; i < count; i++)
		free(tops[i]);
	free(tops);
	return status;
}

static int
zip_list_entry(struct bag_reader *r, size_t *cap, zip_uint64_t i, struct bag_report *report)
{
	zip_t *za = r->impl;
	const char *name = zip_get_name(za, i, ZIP_FL_ENC_GUESS);
	size_t len, root_len = r->root != NULL ? strlen(r->root) : 0;
	enum entry_type type;
	const char *why, *inside;

	if (name == NULL)
		return bag_add_problem(report, BAG_MALFORMED, NULL,
		    "zip entry %llu has no readable name", (unsigned long long)i);
	len = strlen(name);
	if (!utf8_valid(name, len))
		return bag_add_problem(report, BAG_MALFORMED, NULL,
		    "zip entry %llu has a name that is not valid UTF-8", (unsigned long long)i);
	type = zip_entry_type(za, i, name);
	if (type == TYPE_DIR && len > 0 && name[len - 1] == '/')
		len--;
	why = bag_name_unsafe(name, len);
	if (why != NULL)
		return bag_add_problem(report, BAG_UNSAFE, name, "%s in the zip entry name", why);
	inside = name;
	if (r->root != NULL && len > root_len && name[root_len] == '/' &&
	    strncmp(name, r->root, root_len) == 0)
		inside = name + root_len + 1;
	if (type == TYPE_LINK)
		return bag_add_problem(report, BAG_UNSAFE, inside, "symbolic link in the zip");
	if (type == TYPE_OTHER)
		return bag_add_problem(report, BAG_UNSAFE, inside,
		    "special file (device, FIFO or socket) in the zip");
	if (type == TYPE_DIR) {
		if (inside != name && len - root_len - 1 == 4 && memcmp(inside, "data", 4) == 0)
			r->has_data_dir = 1;
		return DISPUTE_OK;
	}
	if (strchr(name, '/') == NULL) {
		/* Without a bag folder the judge says that bagit.txt is missing; naming
		 * every file of an unrelated zip would only bury that. */
		if (r->root == NULL)
			return DISPUTE_OK;
		return bag_add_problem(report, BAG_MALFORMED, name,
		    "outside the bag folder %s/", r->root);
	}
	if (inside == name)
		return DISPUTE_OK; /* in a foreign top-level folder, reported once for it */
	if (strncmp(inside, "data/", 5) == 0)
		r->has_data_dir = 1;
	return bag_push_entry(r, cap, inside, i);
}

/* The first encrypted entry, or -1 when nothing is encrypted. */
static zip_int64_t
first_encrypted(zip_t *za)
{
	zip_int64_t i, n = zip_get_num_entries(za, 0);
	zip_stat_t st;

	for (i = 0; i < n; i++)
		if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) == 0 &&
		    (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
			return i;
	return -1;
}

/* An encrypted zip is judged only with the right password: without it every entry
 * would be reported as unreadable, which says nothing about the bag. */
static int
check_password(zip_t *za, const char *path, const char *password)
{
	zip_int64_t index = first_encrypted(za);
	zip_file_t *zf;

	if (index < 0)
		return DISPUTE_OK;
	if (password == NULL) {
		dispute_error(_("%s: the dossier is encrypted; a password is needed"), path);
		return DISPUTE_FAILED;
	}
	if (zip_set_default_password(za, password) != 0) {
		dispute_error(_("%s: cannot use the password: %s"), path, zip_strerror(za));
		return DISPUTE_FAILED;
	}
	zf = zip_fopen_index(za, (zip_uint64_t)index, 0);
	if (zf == NULL) {
		if (zip_error_code_zip(zip_get_error(za)) == ZIP_ER_WRONGPASSWD)
			dispute_error(_("%s: wrong password"), path);
		else
			dispute_error(_("%s: cannot read: %s"), path, zip_strerror(za));
		return DISPUTE_FAILED;
	}
	zip_fclose(zf);
	return DISPUTE_OK;
}

int
bag_zip_read_tag(const char *path, const char *password, const char *root,
    const char *name, char **data, size_t *len)
{
	zip_t *za;
	zip_file_t *zf = NULL;
	zip_stat_t st;
	char *entry = NULL, *buf = NULL;
	zip_int64_t got;
	int err, status = DISPUTE_FAILED;

	*data = NULL;
	za = zip_open(path, ZIP_RDONLY, &err);
	if (za == NULL) {
		dispute_error(_("%s: not a zip file"), path);
		return DISPUTE_FAILED;
	}
	if (password != NULL)
		zip_set_default_password(za, password);
	if (asprintf(&entry, "%s/%s", root, name) == -1) {
		entry = NULL;
		dispute_error(_("out of memory"));
		goto out;
	}
	if (zip_stat(za, entry, ZIP_FL_ENC_GUESS, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    st.size > BAG_TAG_FILE_MAX || (zf = zip_fopen(za, entry, 0)) == NULL) {
		dispute_error(_("%s: cannot read %s: %s"), path, entry, zip_strerror(za));
		goto out;
	}
	buf = malloc((size_t)st.size + 1);
	if (buf == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	got = zip_fread(zf, buf, st.size);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		dispute_error(_("%s: cannot read %s: %s"), path, entry, zip_file_strerror(zf));
		goto out;
	}
	buf[got] = '\0';
	*data = buf;
	*len = (size_t)got;
	buf = NULL;
	status = DISPUTE_OK;
out:
	if (zf != NULL)
		zip_fclose(zf);
	free(buf);
	free(entry);
	zip_discard(za);
	return status;
}

int
bag_zip_is_encrypted(const char *path, int *encrypted)
{
	zip_t *za = NULL;
	uint64_t count;
	int fd, zfd, err, found;

	*encrypted = 0;
	/* Whatever is wrong with the file, bag_verify reports it; a zip with too many
	 * entries is not read into memory here either. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return DISPUTE_OK;
	if (bag_zip_entry_count(fd, path, &count, &found) == DISPUTE_OK && found &&
	    count <= BAG_ZIP_ENTRY_MAX && (zfd = dup(fd)) >= 0) {
		za = zip_fdopen(zfd, ZIP_RDONLY, &err);
		if (za == NULL)
			close(zfd);
	}
	if (za != NULL) {
		*encrypted = first_encrypted(za) >= 0;
		zip_discard(za);
	}
	close(fd);
	return DISPUTE_OK;
}

/* The zip's end record, before libzip reads the central directory into memory: a zip
 * of a million entries is refused at the cost of reading its last bytes. */
static int
check_entry_count(int fd, const char *path, struct bag_report *report, int *refused)
{
	uint64_t count;
	int found;

	*refused = 0;
	if (bag_zip_entry_count(fd, path, &count, &found) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (!found || count <= BAG_ZIP_ENTRY_MAX)
		return DISPUTE_OK;
	*refused = 1;
	return bag_add_problem(report, BAG_MALFORMED, NULL, "%llu entries, more than the %d "
	    "a bag is judged with", (unsigned long long)count, BAG_ZIP_ENTRY_MAX);
}

int
bag_zip_open(const char *path, const char *password, struct bag_report *report,
    struct bag_reader *r)
{
	zip_t *za;
	zip_int64_t n;
	unsigned char *refused = NULL;
	size_t cap = 0;
	struct stat st;
	int fd, zfd, err = ZIP_ER_OPEN, status = DISPUTE_FAILED;

	/* One descriptor for the layout check and libzip, so both read the same file; no
	 * blocking on a FIFO put where the zip was. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		dispute_error(_("%s: %s"), path, strerror(errno));
		return DISPUTE_FAILED;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		dispute_error(_("%s: not a zip file or bag folder"), path);
		goto out;
	}
	if (check_entry_count(fd, path, report, &r->unjudged) != DISPUTE_OK)
		goto out;
	if (r->unjudged) {
		status = DISPUTE_OK;
		goto out;
	}
	zfd = dup(fd);
	za = zfd >= 0 ? zip_fdopen(zfd, ZIP_RDONLY, &err) : NULL;
	if (za == NULL) {
		zip_error_t ze;

		if (zfd >= 0)
			close(zfd);
		zip_error_init_with_code(&ze, err);
		dispute_error(_("%s: not a zip file or bag folder: %s"), path,
		    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto out;
	}
	r->ops = &zip_ops;
	r->impl = za;
	n = zip_get_num_entries(za, 0);
	if (n < 0)
		n = 0;
	refused = calloc((size_t)n + 1, 1);
	if (refused == NULL) {
		bag_out_of_memory();
		goto out;
	}
	if (zip_choose_root(za, n, &r->root) != DISPUTE_OK ||
	    bag_zip_check_layout(fd, path, r->root, (uint64_t)n, report, refused) != DISPUTE_OK ||
	    check_password(za, path, password) != DISPUTE_OK)
		goto out;
	if (r->root != NULL && zip_report_other_tops(za, n, r->root, report) != DISPUTE_OK)
		goto out;
	/* A refused entry is already reported; reading it is what it was made for. */
	for (zip_int64_t i = 0; i < n; i++)
		if (!refused[i] && zip_list_entry(r, &cap, (zip_uint64_t)i, report) != DISPUTE_OK)
			goto out;
	status = bag_sort_entries(r, report);
out:
	free(refused);
	close(fd);
	return status;
}
