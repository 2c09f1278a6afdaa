/* Reading a bag without extracting it: the zip and folder backends behind the reader
 * interface of bag-internal.h, whole-file reads for tag files, the conversion of tag
 * files to UTF-8, and the name checks every path from a bag goes through. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "bag-internal.h"
#include "dispute/report.h"

/* Deeper folders than this are not walked: each level holds a file descriptor and a
 * stack frame, and no real bag nests that deep. */
#define FOLDER_DEPTH_MAX 64

enum entry_type {
	TYPE_FILE,
	TYPE_DIR,
	TYPE_LINK,
	TYPE_OTHER
};

static int
out_of_memory(void)
{
	dispute_error("out of memory");
	return DISPUTE_FAILED;
}

int
bag_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned c = p[i];
		size_t n;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else
			return 0;
		if (len - i <= n)
			return 0;
		for (size_t k = 1; k <= n; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		/* Overlong forms and surrogates would let two byte strings name one file. */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += n + 1;
	}
	return 1;
}

const char *
bag_name_unsafe(const char *name, size_t len)
{
	size_t start = 0;

	if (len == 0)
		return "empty name";
	if (memchr(name, '\0', len) != NULL)
		return "NUL byte";
	if (name[0] == '/')
		return "absolute path";
	if (memchr(name, '\\', len) != NULL)
		return "backslash";
	if (len >= 2 && isalpha((unsigned char)name[0]) && name[1] == ':')
		return "drive letter";
	while (start <= len) {
		const char *slash = memchr(name + start, '/', len - start);
		size_t end = slash != NULL ? (size_t)(slash - name) : len;
		size_t n = end - start;

		if (n == 0)
			return "empty component";
		if (n == 1 && name[start] == '.')
			return "'.' component";
		if (n == 2 && name[start] == '.' && name[start + 1] == '.')
			return "'..' component";
		start = end + 1;
	}
	return NULL;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct bag_entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int
push_entry(struct bag_reader *r, size_t *cap, const char *name, uint64_t index)
{
	struct bag_entry *grown;
	char *copy;

	if (r->entry_count == *cap) {
		size_t n = *cap != 0 ? *cap * 2 : 64;

		grown = realloc(r->entries, n * sizeof(*grown));
		if (grown == NULL)
			return out_of_memory();
		r->entries = grown;
		*cap = n;
	}
	copy = strdup(name);
	if (copy == NULL)
		return out_of_memory();
	r->entries[r->entry_count].name = copy;
	r->entries[r->entry_count].index = index;
	r->entry_count++;
	return DISPUTE_OK;
}

/* Sorts the entries and drops repeated names: an unzip tool may extract a different
 * copy than the one we hashed, so a repeat is reported as unsafe, never judged. */
static int
sort_entries(struct bag_reader *r, struct bag_report *report)
{
	size_t kept = 0;
	int status = DISPUTE_OK;

	if (r->entry_count > 1)
		qsort(r->entries, r->entry_count, sizeof(*r->entries), entry_cmp);
	for (size_t i = 0; i < r->entry_count; i++) {
		if (kept > 0 && strcmp(r->entries[kept - 1].name, r->entries[i].name) == 0) {
			if (status == DISPUTE_OK && (i + 1 == r->entry_count ||
			    strcmp(r->entries[i + 1].name, r->entries[i].name) != 0))
				status = bag_add_problem(report, BAG_UNSAFE, r->entries[i].name,
				    "appears more than once in the zip");
			free(r->entries[i].name);
			continue;
		}
		r->entries[kept++] = r->entries[i];
	}
	r->entry_count = kept;
	return status;
}

const struct bag_entry *
bag_reader_find(const struct bag_reader *reader, const char *name)
{
	struct bag_entry key = { .name = (char *)name, .index = 0 };
	size_t lo = 0, hi = reader->entry_count;

	/* Not bsearch(): entry_cmp() also orders by index, which the key does not know. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key.name, reader->entries[mid].name);

		if (c == 0)
			return &reader->entries[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* The zip backend. */

static int
zip_entry_open(struct bag_reader *r, const struct bag_entry *e, struct bag_stream *s,
    char *why)
{
	zip_t *za = r->impl;

	why[0] = '\0';
	s->reader = r;
	s->fd = -1;
	s->zf = zip_fopen_index(za, e->index, 0);
	if (s->zf == NULL)
		snprintf(why, BAG_WHY_MAX, "cannot read: %s", zip_strerror(za));
	return DISPUTE_OK;
}

static int
zip_entry_read(struct bag_stream *s, void *buf, size_t len, size_t *got, char *why)
{
	zip_int64_t n = zip_fread(s->zf, buf, len);

	why[0] = '\0';
	*got = 0;
	/* libzip checks the CRC when the entry ends, so a damaged entry fails here. */
	if (n < 0)
		snprintf(why, BAG_WHY_MAX, "cannot read: %s", zip_file_strerror(s->zf));
	else
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

	/* Only Unix-made zips carry a file type; the others just have a name. */
	if (zip_file_get_external_attributes(za, i, 0, &os, &attr) == 0 &&
	    os == ZIP_OPSYS_UNIX) {
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
		if (bag_name_unsafe(name, len) != NULL || !bag_utf8_valid(name, len))
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
		return out_of_memory();
	return DISPUTE_OK;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
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
		return out_of_memory();
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);
		const char *slash;

		if (name == NULL || (slash = strchr(name, '/')) == NULL || slash == name ||
		    bag_name_unsafe(name, (size_t)(slash - name)) != NULL)
			continue;
		if ((size_t)(slash - name) == strlen(root) &&
		    strncmp(name, root, strlen(root)) == 0)
			continue;
		tops[count] = strndup(name, (size_t)(slash - name) + 1);
		if (tops[count] == NULL) {
			status = out_of_memory();
			goto out;
		}
		count++;
	}
	if (count > 1)
		qsort(tops, count, sizeof(*tops), str_cmp);
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
	if (!bag_utf8_valid(name, len))
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
	return push_entry(r, cap, inside, i);
}

static int
zip_reader_open(const char *path, struct bag_report *report, struct bag_reader *r)
{
	zip_t *za;
	zip_int64_t n;
	size_t cap = 0;
	int err, status = DISPUTE_FAILED;

	za = zip_open(path, ZIP_RDONLY, &err);
	if (za == NULL) {
		zip_error_t ze;

		zip_error_init_with_code(&ze, err);
		dispute_error("%s: not a zip file or bag folder: %s", path,
		    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return DISPUTE_FAILED;
	}
	r->ops = &zip_ops;
	r->impl = za;
	n = zip_get_num_entries(za, 0);
	if (n < 0)
		n = 0;
	if (zip_choose_root(za, n, &r->root) != DISPUTE_OK)
		goto out;
	if (r->root != NULL && zip_report_other_tops(za, n, r->root, report) != DISPUTE_OK)
		goto out;
	for (zip_int64_t i = 0; i < n; i++)
		if (zip_list_entry(r, &cap, (zip_uint64_t)i, report) != DISPUTE_OK)
			goto out;
	status = sort_entries(r, report);
out:
	return status;
}

/* The folder backend. */

struct folder {
	int fd; /* the bag folder; entries are opened relative to it */
};

static int
folder_entry_open(struct bag_reader *r, const struct bag_entry *e, struct bag_stream *s,
    char *why)
{
	struct folder *f = r->impl;
	struct stat st;

	why[0] = '\0';
	s->reader = r;
	s->zf = NULL;
	/* O_NONBLOCK: if the file was swapped for a FIFO since the walk, do not hang. */
	s->fd = openat(f->fd, e->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (s->fd < 0) {
		snprintf(why, BAG_WHY_MAX, "cannot read: %s", strerror(errno));
		return DISPUTE_OK;
	}
	if (fstat(s->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, BAG_WHY_MAX, "cannot read: no longer a regular file");
		close(s->fd);
		s->fd = -1;
	}
	return DISPUTE_OK;
}

static int
folder_entry_read(struct bag_stream *s, void *buf, size_t len, size_t *got, char *why)
{
	ssize_t n;

	why[0] = '\0';
	*got = 0;
	do
		n = read(s->fd, buf, len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		snprintf(why, BAG_WHY_MAX, "cannot read: %s", strerror(errno));
	else
		*got = (size_t)n;
	return DISPUTE_OK;
}

static void
folder_entry_close(struct bag_stream *s)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
}

static void
folder_destroy(struct bag_reader *r)
{
	struct folder *f = r->impl;

	if (f != NULL && f->fd >= 0)
		close(f->fd);
	free(f);
}

static const struct bag_reader_ops folder_ops = {
	folder_entry_open, folder_entry_read, folder_entry_close, folder_destroy
};

struct walk {
	struct bag_reader *reader;
	struct bag_report *report;
	size_t cap;
};

/* Invalid bytes become '?' so that the problem can still name the file. */
static void
make_printable(char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len; i++) {
		size_t n = 1;

		while (n <= 4 && i + n <= len && !bag_utf8_valid(s + i, n))
			n++;
		if (n > 4 || i + n > len)
			s[i] = '?';
		else
			i += n - 1;
	}
}

static int walk_folder(struct walk *w, int dfd, const char *prefix, unsigned depth);

static int
walk_one(struct walk *w, int dfd, const char *rel, const char *base, unsigned depth)
{
	struct stat st;
	const char *why;
	int fd;

	if (!bag_utf8_valid(rel, strlen(rel))) {
		char *shown = strdup(rel);
		int status;

		if (shown == NULL)
			return out_of_memory();
		make_printable(shown);
		status = bag_add_problem(w->report, BAG_MALFORMED, shown,
		    "name is not valid UTF-8");
		free(shown);
		return status;
	}
	why = bag_name_unsafe(rel, strlen(rel));
	if (why != NULL)
		return bag_add_problem(w->report, BAG_UNSAFE, rel, "%s in the file name", why);
	if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return bag_add_problem(w->report, BAG_MALFORMED, rel, "cannot read: %s",
		    strerror(errno));
	if (S_ISLNK(st.st_mode))
		return bag_add_problem(w->report, BAG_UNSAFE, rel, "symbolic link");
	if (S_ISREG(st.st_mode))
		return push_entry(w->reader, &w->cap, rel, 0);
	if (!S_ISDIR(st.st_mode))
		return bag_add_problem(w->report, BAG_UNSAFE, rel,
		    "special file (device, FIFO or socket)");
	if (depth == 0 && strcmp(base, "data") == 0)
		w->reader->has_data_dir = 1;
	if (depth + 1 >= FOLDER_DEPTH_MAX)
		return bag_add_problem(w->report, BAG_MALFORMED, rel,
		    "folders nested too deep to read (%d levels)", FOLDER_DEPTH_MAX);
	fd = openat(dfd, base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return bag_add_problem(w->report, BAG_MALFORMED, rel, "cannot read: %s",
		    strerror(errno));
	return walk_folder(w, fd, rel, depth + 1);
}

/* Takes ownership of DFD. */
static int
walk_folder(struct walk *w, int dfd, const char *prefix, unsigned depth)
{
	DIR *dir;
	struct dirent *de;
	char *rel = NULL;
	int status = DISPUTE_FAILED;

	dir = fdopendir(dfd);
	if (dir == NULL) {
		close(dfd);
		return bag_add_problem(w->report, BAG_MALFORMED, prefix, "cannot read: %s",
		    strerror(errno));
	}
	for (;;) {
		size_t need;

		errno = 0;
		de = readdir(dir);
		if (de == NULL)
			break;
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		need = (prefix != NULL ? strlen(prefix) + 1 : 0) + strlen(de->d_name) + 1;
		free(rel);
		rel = malloc(need);
		if (rel == NULL) {
			out_of_memory();
			goto out;
		}
		snprintf(rel, need, "%s%s%s", prefix != NULL ? prefix : "",
		    prefix != NULL ? "/" : "", de->d_name);
		if (walk_one(w, dirfd(dir), rel, de->d_name, depth) != DISPUTE_OK)
			goto out;
	}
	if (errno != 0 && bag_add_problem(w->report, BAG_MALFORMED, prefix,
	    "cannot list: %s", strerror(errno)) != DISPUTE_OK)
		goto out;
	status = DISPUTE_OK;
out:
	free(rel);
	closedir(dir);
	return status;
}

static int
folder_reader_open(const char *path, struct bag_report *report, struct bag_reader *r)
{
	struct folder *f;
	struct walk w = { r, report, 0 };
	int fd;

	f = malloc(sizeof(*f));
	if (f == NULL)
		return out_of_memory();
	f->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	r->ops = &folder_ops;
	r->impl = f;
	if (f->fd < 0) {
		dispute_error("%s: not a zip file or bag folder: %s", path, strerror(errno));
		return DISPUTE_FAILED;
	}
	fd = dup(f->fd);
	if (fd < 0) {
		dispute_error("%s: %s", path, strerror(errno));
		return DISPUTE_FAILED;
	}
	if (walk_folder(&w, fd, NULL, 0) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return sort_entries(r, report);
}

int
bag_reader_open(const char *path, struct bag_report *report, struct bag_reader **reader)
{
	struct bag_reader *r;
	struct stat st;
	int status;

	*reader = NULL;
	if (stat(path, &st) != 0) {
		dispute_error("%s: %s", path, strerror(errno));
		return DISPUTE_FAILED;
	}
	if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
		dispute_error("%s: not a zip file or bag folder", path);
		return DISPUTE_FAILED;
	}
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return out_of_memory();
	if (S_ISDIR(st.st_mode))
		status = folder_reader_open(path, report, r);
	else
		status = zip_reader_open(path, report, r);
	if (status != DISPUTE_OK) {
		bag_reader_close(r);
		return status;
	}
	*reader = r;
	return DISPUTE_OK;
}

void
bag_reader_close(struct bag_reader *r)
{
	if (r == NULL)
		return;
	if (r->ops != NULL)
		r->ops->destroy(r);
	for (size_t i = 0; i < r->entry_count; i++)
		free(r->entries[i].name);
	free(r->entries);
	free(r->root);
	free(r);
}

int
bag_read_whole(struct bag_reader *r, const struct bag_entry *e, char **data, size_t *len,
    char *why)
{
	/* One byte past the limit tells a file at the limit from a bigger one, one more
	 * holds the terminating NUL. */
	const size_t cap_max = BAG_TAG_FILE_MAX + 2;
	struct bag_stream s;
	char *buf = NULL, *grown;
	size_t cap = 0, used = 0, got;
	int status = DISPUTE_FAILED;

	*data = NULL;
	*len = 0;
	r->ops->open(r, e, &s, why);
	if (why[0] != '\0')
		return DISPUTE_OK;
	for (;;) {
		size_t room;

		if (cap - used - (cap > 0) < BAG_CHUNK && cap < cap_max) {
			/* Grow by doubling, never from the zip's declared size, which may lie. */
			size_t n = cap != 0 ? cap * 2 : BAG_CHUNK + 1;

			if (n > cap_max)
				n = cap_max;
			grown = realloc(buf, n);
			if (grown == NULL) {
				out_of_memory();
				goto out;
			}
			buf = grown;
			cap = n;
		}
		room = cap - used - 1;
		r->ops->read(&s, buf + used, room < BAG_CHUNK ? room : BAG_CHUNK, &got, why);
		if (why[0] != '\0') {
			status = DISPUTE_OK;
			goto out;
		}
		if (got == 0)
			break;
		used += got;
		if (used > BAG_TAG_FILE_MAX) {
			snprintf(why, BAG_WHY_MAX, "tag file too large (over %zu MiB)",
			    BAG_TAG_FILE_MAX / (1024 * 1024));
			status = DISPUTE_OK;
			goto out;
		}
	}
	buf[used] = '\0';
	*data = buf;
	*len = used;
	buf = NULL;
	status = DISPUTE_OK;
out:
	r->ops->close(&s);
	free(buf);
	return status;
}

static int
is_utf8_name(const char *encoding)
{
	return strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0;
}

int
bag_to_utf8(const char *encoding, const char *in, size_t len, char **out, size_t *out_len,
    char *why)
{
	iconv_t cd = (iconv_t)-1;
	char *buf = NULL, *grown, *inp = (char *)in, *outp;
	size_t cap, in_left = len, out_left, done;
	int flushing = 0, status = DISPUTE_FAILED;

	why[0] = '\0';
	*out = NULL;
	*out_len = 0;
	if (is_utf8_name(encoding)) {
		if (!bag_utf8_valid(in, len)) {
			snprintf(why, BAG_WHY_MAX, "not valid UTF-8 text");
			return DISPUTE_OK;
		}
		buf = malloc(len + 1);
		if (buf == NULL)
			return out_of_memory();
		memcpy(buf, in, len);
		buf[len] = '\0';
		*out = buf;
		*out_len = len;
		return DISPUTE_OK;
	}
	cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1) {
		snprintf(why, BAG_WHY_MAX, "cannot convert from %s", encoding);
		return DISPUTE_OK;
	}
	cap = len + len / 2 + 16;
	buf = malloc(cap);
	if (buf == NULL) {
		out_of_memory();
		goto out;
	}
	outp = buf;
	out_left = cap - 1;
	for (;;) {
		size_t rc;

		/* A NULL input flushes the shift state of stateful encodings at the end. */
		if (flushing)
			rc = iconv(cd, NULL, NULL, &outp, &out_left);
		else
			rc = iconv(cd, &inp, &in_left, &outp, &out_left);
		if (rc != (size_t)-1) {
			if (flushing)
				break;
			flushing = 1;
			continue;
		}
		if (errno != E2BIG) {
			snprintf(why, BAG_WHY_MAX, "not valid %s text", encoding);
			status = DISPUTE_OK;
			goto out;
		}
		done = (size_t)(outp - buf);
		grown = realloc(buf, cap * 2);
		if (grown == NULL) {
			out_of_memory();
			goto out;
		}
		buf = grown;
		cap *= 2;
		outp = buf + done;
		out_left = cap - 1 - done;
	}
	*outp = '\0';
	*out_len = (size_t)(outp - buf);
	*out = buf;
	buf = NULL;
	status = DISPUTE_OK;
out:
	free(buf);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	return status;
}
