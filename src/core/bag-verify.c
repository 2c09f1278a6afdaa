/* Judging a BagIt bag (RFC 8493): bagit.txt, the payload and tag manifests, fetch.txt
 * and the Payload-Oxum of bag-info.txt, against the files the reader lists. Works the
 * same on a zip and on a folder; how those are read is bag-read.c's business. */
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "bag-internal.h"
#include "dispute/report.h"

enum { ALG_MD5, ALG_SHA1, ALG_SHA256, ALG_SHA512, ALG_COUNT };

static const struct algorithm {
	const char *name;     /* as in manifest-NAME.txt */
	const char *evp_name; /* for EVP_MD_fetch() */
	size_t hex_len;
} algorithms[ALG_COUNT] = {
	{ "md5", "MD5", 32 },
	{ "sha1", "SHA1", 40 },
	{ "sha256", "SHA256", 64 },
	{ "sha512", "SHA512", 128 },
};

/* Payload and tag manifests for each algorithm. */
#define MANIFEST_MAX (2 * ALG_COUNT)

struct manifest {
	const char *file; /* its name in the bag, owned by the reader */
	int alg;
	int tag;          /* a tagmanifest-ALG.txt */
};

/* One line of a manifest. */
struct listing {
	char *path;
	size_t manifest;
	unsigned line;
	char hex[2 * EVP_MAX_MD_SIZE + 1]; /* lowercase, so that comparing is strcmp() */
};

struct judge {
	struct bag_reader *reader;
	struct bag_report *report;
	const char *encoding; /* of tag files other than bagit.txt */
	int percent_paths;    /* 1.0 percent-encodes CR, LF and % in paths; 0.97 did not */
	struct manifest manifests[MANIFEST_MAX];
	size_t manifest_count;
	size_t payload_manifests;
	struct listing *listings;
	size_t listing_count, listing_cap;
	char **fetched;       /* sorted paths named by fetch.txt */
	size_t fetched_count, fetched_cap;
	EVP_MD *md[ALG_COUNT];
	EVP_MD_CTX *ctx[ALG_COUNT];
	unsigned char *chunk;
};

/* Lines end in LF, CRLF or CR: bags are made on every system. */
struct text {
	const char *p, *end;
	unsigned line;
};

static int
out_of_memory(void)
{
	dispute_error("out of memory");
	return DISPUTE_FAILED;
}

const char *
bag_problem_name(enum bag_problem_kind kind)
{
	switch (kind) {
	case BAG_ALTERED:
		return "altered";
	case BAG_MISSING:
		return "missing";
	case BAG_EXTRA:
		return "extra";
	case BAG_OXUM:
		return "oxum";
	case BAG_INCOMPLETE:
		return "incomplete";
	case BAG_MALFORMED:
		return "malformed";
	case BAG_UNSAFE:
		return "unsafe";
	}
	return "unknown";
}

int
bag_add_problem(struct bag_report *report, enum bag_problem_kind kind, const char *path,
    const char *fmt, ...)
{
	struct bag_problem *grown, *p;
	va_list ap;
	int n;

	grown = realloc(report->problems, (report->problem_count + 1) * sizeof(*grown));
	if (grown == NULL)
		return out_of_memory();
	report->problems = grown;
	p = &report->problems[report->problem_count];
	p->kind = kind;
	p->path = NULL;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	p->detail = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (p->detail == NULL)
		return out_of_memory();
	va_start(ap, fmt);
	vsnprintf(p->detail, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (path != NULL && (p->path = strdup(path)) == NULL) {
		free(p->detail);
		return out_of_memory();
	}
	report->problem_count++;
	return DISPUTE_OK;
}

static void
drop_problems(struct bag_report *report)
{
	for (size_t i = 0; i < report->problem_count; i++) {
		free(report->problems[i].path);
		free(report->problems[i].detail);
	}
	report->problem_count = 0;
}

void
bag_report_free(struct bag_report *report)
{
	if (report == NULL)
		return;
	drop_problems(report);
	free(report->problems);
	free(report->root);
	free(report->version);
	free(report->encoding);
	free(report->algorithms);
	memset(report, 0, sizeof(*report));
}

static int
next_line(struct text *t, const char **line, size_t *len)
{
	const char *s = t->p;

	if (s >= t->end)
		return 0;
	while (t->p < t->end && *t->p != '\n' && *t->p != '\r')
		t->p++;
	*line = s;
	*len = (size_t)(t->p - s);
	if (t->p < t->end) {
		if (*t->p == '\r' && t->p + 1 < t->end && t->p[1] == '\n')
			t->p++;
		t->p++;
	}
	t->line++;
	return 1;
}

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

/* How many of the first LEN bytes of S are (or, with !IN, are not) in SET. */
static size_t
span(const char *s, size_t len, const char *set, int in)
{
	size_t n = 0;

	while (n < len && s[n] != '\0' && (strchr(set, s[n]) != NULL) == in)
		n++;
	return n;
}

static int
ascii_casecmp_n(const char *s, size_t len, const char *word)
{
	size_t i;

	for (i = 0; i < len && word[i] != '\0'; i++) {
		int a = s[i], b = word[i];

		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (a != b)
			return 1;
	}
	return i != len || word[i] != '\0';
}

/* Splits "LABEL: VALUE" (RFC 8493 §2.2.2) with blanks trimmed around both. */
static int
split_label(const char *line, size_t len, const char **label, size_t *label_len,
    const char **value, size_t *value_len)
{
	const char *colon = memchr(line, ':', len);
	size_t n;

	if (colon == NULL || colon == line)
		return 0;
	n = (size_t)(colon - line);
	while (n > 0 && is_blank(line[n - 1]))
		n--;
	*label = line;
	*label_len = n;
	*value = colon + 1;
	*value_len = len - (size_t)(colon - line) - 1;
	while (*value_len > 0 && is_blank(**value)) {
		(*value)++;
		(*value_len)--;
	}
	while (*value_len > 0 && is_blank((*value)[*value_len - 1]))
		(*value_len)--;
	return n > 0;
}

/* Reads a tag file into UTF-8 text without a BOM; *TEXT stays NULL when it cannot be
 * used, after a malformed problem naming it. */
static int
load_tag_file(struct judge *j, const struct bag_entry *e, const char *encoding, char **text,
    size_t *len)
{
	char why[BAG_WHY_MAX];
	char *raw = NULL;
	size_t raw_len;
	int status = DISPUTE_FAILED;

	*text = NULL;
	if (bag_read_whole(j->reader, e, &raw, &raw_len, why) != DISPUTE_OK)
		goto out;
	if (raw == NULL) {
		status = bag_add_problem(j->report, BAG_MALFORMED, e->name, "%s", why);
		goto out;
	}
	if (bag_to_utf8(encoding, raw, raw_len, text, len, why) != DISPUTE_OK)
		goto out;
	if (*text == NULL) {
		status = bag_add_problem(j->report, BAG_MALFORMED, e->name, "%s", why);
		goto out;
	}
	/* RFC 8493 forbids a BOM, but some Windows tools write one; it is harmless. */
	if (*len >= 3 && memcmp(*text, "\xef\xbb\xbf", 3) == 0) {
		memmove(*text, *text + 3, *len - 2);
		*len -= 3;
	}
	status = DISPUTE_OK;
out:
	free(raw);
	return status;
}

/* "M.N"; *MAJOR_NONZERO says whether it is 1.0 or later, without parsing a number
 * that could overflow. */
static int
version_valid(const char *v, int *major_nonzero)
{
	size_t len = strlen(v), major = span(v, len, "0123456789", 1);

	if (major == 0 || v[major] != '.' || major + 1 == len ||
	    span(v + major + 1, len - major - 1, "0123456789", 1) != len - major - 1)
		return 0;
	*major_nonzero = span(v, major, "0", 1) < major;
	return 1;
}

static int
bagit_value(struct judge *j, const char *label, size_t label_len, const char *value,
    size_t value_len, unsigned line)
{
	char **field;

	if (ascii_casecmp_n(label, label_len, "BagIt-Version") == 0)
		field = &j->report->version;
	else if (ascii_casecmp_n(label, label_len, "Tag-File-Character-Encoding") == 0)
		field = &j->report->encoding;
	else
		return DISPUTE_OK;
	if (*field != NULL)
		return bag_add_problem(j->report, BAG_MALFORMED, "bagit.txt",
		    "line %u: %.*s appears again", line, (int)label_len, label);
	*field = strndup(value, value_len);
	return *field != NULL ? DISPUTE_OK : out_of_memory();
}

/* Versions other than 0.97 and 1.0 are judged anyway: the rules have barely changed
 * and a verdict is more useful to a shopper than a refusal. */
static int
judge_bagit(struct judge *j, int *found)
{
	const struct bag_entry *e = bag_reader_find(j->reader, "bagit.txt");
	struct text t;
	const char *line, *label, *value;
	size_t len, label_len, value_len;
	char *text = NULL;
	int major = 1, status = DISPUTE_FAILED;
	iconv_t cd;

	j->encoding = "UTF-8";
	*found = e != NULL;
	if (e == NULL)
		return DISPUTE_OK;
	if (load_tag_file(j, e, "UTF-8", &text, &len) != DISPUTE_OK)
		goto out;
	t = (struct text){ text, text != NULL ? text + len : NULL, 0 };
	while (text != NULL && next_line(&t, &line, &len)) {
		if (len == 0)
			continue;
		if (!split_label(line, len, &label, &label_len, &value, &value_len)) {
			if (bag_add_problem(j->report, BAG_MALFORMED, "bagit.txt",
			    "line %u: not LABEL: VALUE", t.line) != DISPUTE_OK)
				goto out;
			continue;
		}
		if (bagit_value(j, label, label_len, value, value_len, t.line) != DISPUTE_OK)
			goto out;
	}
	if (text != NULL && j->report->version == NULL && bag_add_problem(j->report,
	    BAG_MALFORMED, "bagit.txt", "no BagIt-Version line") != DISPUTE_OK)
		goto out;
	if (j->report->version != NULL && !version_valid(j->report->version, &major) &&
	    bag_add_problem(j->report, BAG_MALFORMED, "bagit.txt",
	    "BagIt-Version %s is not a version number", j->report->version) != DISPUTE_OK)
		goto out;
	j->percent_paths = major >= 1;
	if (text != NULL && j->report->encoding == NULL && bag_add_problem(j->report,
	    BAG_MALFORMED, "bagit.txt", "no Tag-File-Character-Encoding line") != DISPUTE_OK)
		goto out;
	if (j->report->encoding != NULL) {
		cd = iconv_open("UTF-8", j->report->encoding);
		if (cd != (iconv_t)-1) {
			iconv_close(cd);
			j->encoding = j->report->encoding;
		} else if (bag_add_problem(j->report, BAG_MALFORMED, "bagit.txt",
		    "unknown Tag-File-Character-Encoding %s", j->report->encoding) != DISPUTE_OK)
			goto out;
	}
	status = DISPUTE_OK;
out:
	free(text);
	return status;
}

/* Registers every manifest-ALG.txt and tagmanifest-ALG.txt at the top of the bag. */
static int
find_manifests(struct judge *j, int *any)
{
	*any = 0;
	for (size_t i = 0; i < j->reader->entry_count; i++) {
		const char *name = j->reader->entries[i].name, *alg;
		size_t len = strlen(name), alg_len;
		int tag, a;

		if (strncmp(name, "manifest-", 9) == 0)
			tag = 0;
		else if (strncmp(name, "tagmanifest-", 12) == 0)
			tag = 1;
		else
			continue;
		alg = name + (tag ? 12 : 9);
		if (len < 4 || strcmp(name + len - 4, ".txt") != 0 || alg > name + len - 4)
			continue;
		alg_len = (size_t)(name + len - 4 - alg);
		*any = 1;
		for (a = 0; a < ALG_COUNT; a++)
			if (strlen(algorithms[a].name) == alg_len &&
			    memcmp(alg, algorithms[a].name, alg_len) == 0)
				break;
		if (a == ALG_COUNT) {
			if (bag_add_problem(j->report, BAG_MALFORMED, name,
			    "unknown algorithm %.*s", (int)alg_len, alg) != DISPUTE_OK)
				return DISPUTE_FAILED;
			continue;
		}
		j->manifests[j->manifest_count++] = (struct manifest){ name, a, tag };
	}
	return DISPUTE_OK;
}

/* RFC 8493 §2.1.3: only %0A, %0D and %25 are encoded, so only those are decoded;
 * any other '%' is taken literally. */
static char *
decode_path(const char *s, size_t len, int percent, size_t *out_len)
{
	char *out = malloc(len + 1);
	size_t n = 0;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (percent && c == '%' && len - i >= 3) {
			char hi = s[i + 1], lo = s[i + 2], decoded = '\0';

			if (hi == '0' && (lo == 'A' || lo == 'a'))
				decoded = '\n';
			else if (hi == '0' && (lo == 'D' || lo == 'd'))
				decoded = '\r';
			else if (hi == '2' && lo == '5')
				decoded = '%';
			if (decoded != '\0') {
				c = decoded;
				i += 2;
			}
		}
		out[n++] = c;
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}

/* NULs in a name become '?' so that the problem can still show it. */
static void
printable_path(char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\0')
			s[i] = '?';
}

/* Decodes and checks a path from manifest or fetch line; *PATH stays NULL when the
 * line is rejected (a problem says why). */
static int
take_path(struct judge *j, const char *file, unsigned line, const char *s, size_t len,
    int payload, char **path)
{
	const char *why;
	size_t n;
	int status;

	*path = decode_path(s, len, j->percent_paths, &n);
	if (*path == NULL)
		return out_of_memory();
	why = bag_name_unsafe(*path, n);
	if (why != NULL) {
		printable_path(*path, n);
		status = bag_add_problem(j->report, BAG_UNSAFE, *path, "%s (%s line %u)", why,
		    file, line);
	} else if (payload && strncmp(*path, "data/", 5) != 0) {
		status = bag_add_problem(j->report, BAG_MALFORMED, *path,
		    "outside data/ (%s line %u)", file, line);
	} else
		return DISPUTE_OK;
	free(*path);
	*path = NULL;
	return status;
}

static int
add_listing(struct judge *j, char *path, size_t manifest, unsigned line, const char *hex,
    size_t hex_len)
{
	struct listing *l;

	if (j->listing_count == j->listing_cap) {
		size_t n = j->listing_cap != 0 ? j->listing_cap * 2 : 64;
		struct listing *grown = realloc(j->listings, n * sizeof(*grown));

		if (grown == NULL) {
			free(path);
			return out_of_memory();
		}
		j->listings = grown;
		j->listing_cap = n;
	}
	l = &j->listings[j->listing_count++];
	l->path = path;
	l->manifest = manifest;
	l->line = line;
	for (size_t i = 0; i < hex_len; i++)
		l->hex[i] = (char)(hex[i] >= 'A' && hex[i] <= 'F' ? hex[i] + ('a' - 'A') : hex[i]);
	l->hex[hex_len] = '\0';
	return DISPUTE_OK;
}

/* "CHECKSUM PATH": one or more blanks between, as 0.97 allowed tabs too. */
static int
parse_manifest_line(struct judge *j, size_t m, const char *line, size_t len, unsigned no)
{
	const struct manifest *mf = &j->manifests[m];
	size_t hex_len = span(line, len, " \t", 0), skip = hex_len;
	char *path;

	while (skip < len && is_blank(line[skip]))
		skip++;
	if (hex_len == 0 || skip == hex_len || skip == len)
		return bag_add_problem(j->report, BAG_MALFORMED, mf->file,
		    "line %u: not CHECKSUM PATH", no);
	if (hex_len != algorithms[mf->alg].hex_len ||
	    span(line, hex_len, "0123456789abcdefABCDEF", 1) < hex_len)
		return bag_add_problem(j->report, BAG_MALFORMED, mf->file,
		    "line %u: not a %s checksum", no, algorithms[mf->alg].name);
	if (take_path(j, mf->file, no, line + skip, len - skip, !mf->tag, &path) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (path == NULL)
		return DISPUTE_OK;
	return add_listing(j, path, m, no, line, hex_len);
}

/* A manifest that cannot be read is dropped, so that its absence is what gets judged
 * rather than every payload file it failed to list. */
static int
load_manifests(struct judge *j)
{
	size_t kept = 0;
	int status = DISPUTE_FAILED;

	for (size_t m = 0; m < j->manifest_count; m++) {
		const struct bag_entry *e = bag_reader_find(j->reader, j->manifests[m].file);
		const char *line;
		char *text;
		size_t len;
		struct text t;

		if (load_tag_file(j, e, j->encoding, &text, &len) != DISPUTE_OK)
			goto out;
		if (text == NULL)
			continue;
		j->manifests[kept] = j->manifests[m];
		t = (struct text){ text, text + len, 0 };
		while (next_line(&t, &line, &len))
			if (len > 0 && parse_manifest_line(j, kept, line, len, t.line) != DISPUTE_OK) {
				free(text);
				goto out;
			}
		free(text);
		if (!j->manifests[kept].tag)
			j->payload_manifests++;
		kept++;
	}
	j->manifest_count = kept;
	if (j->payload_manifests == 0 && bag_add_problem(j->report, BAG_MALFORMED, NULL,
	    "no payload manifest (manifest-ALG.txt)") != DISPUTE_OK)
		goto out;
	status = DISPUTE_OK;
out:
	return status;
}

static int
listing_cmp(const void *a, const void *b)
{
	const struct listing *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c != 0)
		return c;
	if (x->manifest != y->manifest)
		return x->manifest < y->manifest ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Sorts the listings for the merge with the entries; a path a manifest lists twice
 * keeps its first line. */
static int
sort_listings(struct judge *j)
{
	size_t kept = 0;

	if (j->listing_count > 1)
		qsort(j->listings, j->listing_count, sizeof(*j->listings), listing_cmp);
	for (size_t i = 0; i < j->listing_count; i++) {
		struct listing *l = &j->listings[i];

		if (kept > 0 && j->listings[kept - 1].manifest == l->manifest &&
		    strcmp(j->listings[kept - 1].path, l->path) == 0) {
			int status = bag_add_problem(j->report, BAG_MALFORMED,
			    j->manifests[l->manifest].file, "line %u lists %s again", l->line,
			    l->path);

			free(l->path);
			if (status != DISPUTE_OK) {
				/* Keep the array consistent for judge_free(). */
				for (size_t k = i + 1; k < j->listing_count; k++)
					j->listings[kept++] = j->listings[k];
				j->listing_count = kept;
				return status;
			}
			continue;
		}
		j->listings[kept++] = *l;
	}
	j->listing_count = kept;
	return DISPUTE_OK;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "URL LENGTH FILENAME" (RFC 8493 §2.2.3). */
static int
parse_fetch_line(struct judge *j, const char *line, size_t len, unsigned no)
{
	size_t url_len = span(line, len, " \t", 0), p, q;
	char *path, **grown;

	p = url_len + span(line + url_len, len - url_len, " \t", 1);
	q = p + span(line + p, len - p, " \t", 0);
	if (q > p && !(q - p == 1 && line[p] == '-') &&
	    span(line + p, q - p, "0123456789", 1) < q - p)
		q = p; /* a LENGTH that is neither a number nor '-' */
	if (url_len == 0 || q == p)
		return bag_add_problem(j->report, BAG_MALFORMED, "fetch.txt",
		    "line %u: not URL LENGTH FILENAME", no);
	while (q < len && is_blank(line[q]))
		q++;
	if (q == len)
		return bag_add_problem(j->report, BAG_MALFORMED, "fetch.txt",
		    "line %u: not URL LENGTH FILENAME", no);
	if (take_path(j, "fetch.txt", no, line + q, len - q, 1, &path) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (path == NULL)
		return DISPUTE_OK;
	if (j->fetched_count == j->fetched_cap) {
		size_t n = j->fetched_cap != 0 ? j->fetched_cap * 2 : 16;

		grown = realloc(j->fetched, n * sizeof(*grown));
		if (grown == NULL) {
			free(path);
			return out_of_memory();
		}
		j->fetched = grown;
		j->fetched_cap = n;
	}
	j->fetched[j->fetched_count++] = path;
	return bag_add_problem(j->report, BAG_INCOMPLETE, path, "to be fetched from %.*s",
	    (int)url_len, line);
}

static int
judge_fetch(struct judge *j)
{
	const struct bag_entry *e = bag_reader_find(j->reader, "fetch.txt");
	struct text t;
	const char *line;
	char *text = NULL;
	size_t len;
	int listed = 0, status = DISPUTE_FAILED;

	if (e == NULL)
		return DISPUTE_OK;
	if (load_tag_file(j, e, j->encoding, &text, &len) != DISPUTE_OK)
		goto out;
	t = (struct text){ text, text != NULL ? text + len : NULL, 0 };
	while (text != NULL && next_line(&t, &line, &len)) {
		if (len == 0)
			continue;
		listed = 1;
		if (parse_fetch_line(j, line, len, t.line) != DISPUTE_OK)
			goto out;
	}
	/* Even when no line could be read, a non-empty fetch.txt means files are due. */
	if (listed && j->fetched_count == 0 && bag_add_problem(j->report, BAG_INCOMPLETE,
	    "fetch.txt", "lists files to be fetched") != DISPUTE_OK)
		goto out;
	if (j->fetched_count > 1)
		qsort(j->fetched, j->fetched_count, sizeof(*j->fetched), str_cmp);
	status = DISPUTE_OK;
out:
	free(text);
	return status;
}

static int
is_fetched(const struct judge *j, const char *path)
{
	return j->fetched_count > 0 && bsearch(&path, j->fetched, j->fetched_count,
	    sizeof(*j->fetched), str_cmp) != NULL;
}

/* "manifest-md5.txt, manifest-sha256.txt" for the manifests whose bit is set in MASK. */
static void
join_manifests(const struct judge *j, unsigned mask, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t m = 0; m < j->manifest_count; m++)
		if (mask & (1u << m))
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
			    used > 0 ? ", " : "", j->manifests[m].file);
}

static int
digest_begin(struct judge *j, int alg)
{
	if (j->md[alg] == NULL) {
		j->md[alg] = EVP_MD_fetch(NULL, algorithms[alg].evp_name, NULL);
		if (j->md[alg] == NULL) {
			dispute_error("cannot compute %s checksums: OpenSSL lacks the digest",
			    algorithms[alg].name);
			return DISPUTE_FAILED;
		}
	}
	if (j->ctx[alg] == NULL && (j->ctx[alg] = EVP_MD_CTX_new()) == NULL)
		return out_of_memory();
	if (EVP_DigestInit_ex2(j->ctx[alg], j->md[alg], NULL) != 1) {
		dispute_error("cannot compute %s checksums", algorithms[alg].name);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

/* Streams one entry through the digests in ALGS, so that memory does not grow with
 * the file; each digest ends up as lowercase hex in HEX. An unreadable entry leaves
 * its reason in WHY. */
static int
hash_entry(struct judge *j, const struct bag_entry *e, unsigned algs,
    char hex[ALG_COUNT][2 * EVP_MAX_MD_SIZE + 1], uint64_t *bytes, char *why)
{
	struct bag_stream s;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned md_len;
	size_t got;
	int status = DISPUTE_FAILED;

	*bytes = 0;
	for (int a = 0; a < ALG_COUNT; a++)
		if ((algs & (1u << a)) && digest_begin(j, a) != DISPUTE_OK)
			return DISPUTE_FAILED;
	j->reader->ops->open(j->reader, e, &s, why);
	if (why[0] != '\0')
		return DISPUTE_OK;
	for (;;) {
		j->reader->ops->read(&s, j->chunk, BAG_CHUNK, &got, why);
		if (why[0] != '\0' || got == 0)
			break;
		*bytes += got;
		for (int a = 0; a < ALG_COUNT; a++)
			if ((algs & (1u << a)) &&
			    EVP_DigestUpdate(j->ctx[a], j->chunk, got) != 1) {
				dispute_error("cannot compute %s checksums", algorithms[a].name);
				goto out;
			}
	}
	for (int a = 0; a < ALG_COUNT && why[0] == '\0'; a++) {
		if (!(algs & (1u << a)))
			continue;
		if (EVP_DigestFinal_ex(j->ctx[a], md, &md_len) != 1) {
			dispute_error("cannot compute %s checksums", algorithms[a].name);
			goto out;
		}
		for (unsigned i = 0; i < md_len; i++)
			snprintf(hex[a] + 2 * i, 3, "%02x", md[i]);
	}
	status = DISPUTE_OK;
out:
	j->reader->ops->close(&s);
	return status;
}

/* Judges one path that is in the bag (E) or listed by manifests (LISTED, COUNT
 * lines, all for this path), or both. */
static int
judge_path(struct judge *j, const struct bag_entry *e, const char *path,
    const struct listing *listed, size_t count)
{
	char hex[ALG_COUNT][2 * EVP_MAX_MD_SIZE + 1];
	char why[BAG_WHY_MAX], names[256], altered[512];
	unsigned algs = 0, in = 0, unlisted = 0;
	uint64_t bytes;
	size_t used = 0;
	int payload = strncmp(path, "data/", 5) == 0;

	for (size_t i = 0; i < count; i++)
		in |= 1u << listed[i].manifest;
	if (e == NULL) {
		if (is_fetched(j, path))
			return DISPUTE_OK;
		join_manifests(j, in, names, sizeof(names));
		return bag_add_problem(j->report, BAG_MISSING, path, "listed in %s", names);
	}
	if (!payload && count == 0)
		return DISPUTE_OK; /* a tag file no tag manifest covers, which is allowed */
	for (size_t m = 0; m < j->manifest_count; m++)
		if (payload && !j->manifests[m].tag && !(in & (1u << m)))
			unlisted |= 1u << m;
	if (unlisted != 0) {
		join_manifests(j, unlisted, names, sizeof(names));
		if (bag_add_problem(j->report, BAG_EXTRA, path, "not listed in %s",
		    names) != DISPUTE_OK)
			return DISPUTE_FAILED;
	}
	for (size_t i = 0; i < count; i++)
		algs |= 1u << j->manifests[listed[i].manifest].alg;
	/* Unlisted payload is read too: Payload-Oxum counts real bytes, not declared sizes. */
	if (hash_entry(j, e, algs, hex, &bytes, why) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (payload) {
		j->report->payload_files++;
		j->report->payload_bytes += bytes;
	}
	if (why[0] != '\0')
		return bag_add_problem(j->report, BAG_MALFORMED, path, "%s", why);
	altered[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		const struct manifest *mf = &j->manifests[listed[i].manifest];

		if (strcmp(hex[mf->alg], listed[i].hex) != 0)
			used += (size_t)snprintf(altered + used, sizeof(altered) - used,
			    "%s%s checksum differs (%s)", used > 0 ? "; " : "",
			    algorithms[mf->alg].name, mf->file);
	}
	if (used > 0)
		return bag_add_problem(j->report, BAG_ALTERED, path, "%s", altered);
	return DISPUTE_OK;
}

/* Walks the sorted entries and the sorted listings side by side, so that every path
 * in either is judged once. */
static int
judge_files(struct judge *j)
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
		if (judge_path(j, e, path, j->listings + k, end - k) != DISPUTE_OK)
			return DISPUTE_FAILED;
		k = end;
	}
	return DISPUTE_OK;
}

static int
parse_oxum(const char *s, size_t len, uint64_t *octets, uint64_t *count)
{
	uint64_t *out = octets;
	size_t digits = 0;

	*octets = *count = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '.' && out == octets && digits > 0) {
			out = count;
			digits = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9' || *out > (UINT64_MAX - 9) / 10)
			return 0;
		*out = *out * 10 + (uint64_t)(s[i] - '0');
		digits++;
	}
	return out == count && digits > 0;
}

static int
judge_oxum(struct judge *j, const char *value, size_t len, unsigned no)
{
	uint64_t octets, count;

	if (!parse_oxum(value, len, &octets, &count))
		return bag_add_problem(j->report, BAG_MALFORMED, "bag-info.txt",
		    "line %u: Payload-Oxum is not OCTETS.COUNT", no);
	/* An incomplete bag cannot match its Oxum; fetch.txt was reported already. */
	if (j->fetched_count > 0)
		return DISPUTE_OK;
	if (octets == j->report->payload_bytes && count == j->report->payload_files)
		return DISPUTE_OK;
	return bag_add_problem(j->report, BAG_OXUM, "bag-info.txt",
	    "declares %llu.%llu, payload is %llu.%zu", (unsigned long long)octets,
	    (unsigned long long)count, (unsigned long long)j->report->payload_bytes,
	    j->report->payload_files);
}

/* bag-info.txt is optional; only its Payload-Oxum is judged. A label's value may go
 * on over lines that start with a blank, so a label is only complete at the next. */
static int
judge_bag_info(struct judge *j)
{
	const struct bag_entry *e = bag_reader_find(j->reader, "bag-info.txt");
	struct text t;
	const char *line, *label, *value;
	char *text = NULL;
	size_t len, label_len, value_len;
	int in_label = 0, status = DISPUTE_FAILED;

	if (e == NULL)
		return DISPUTE_OK;
	if (load_tag_file(j, e, j->encoding, &text, &len) != DISPUTE_OK)
		goto out;
	t = (struct text){ text, text != NULL ? text + len : NULL, 0 };
	while (text != NULL && next_line(&t, &line, &len)) {
		if (len == 0)
			continue;
		if (is_blank(line[0])) {
			if (!in_label && bag_add_problem(j->report, BAG_MALFORMED,
			    "bag-info.txt", "line %u: continues no label", t.line) != DISPUTE_OK)
				goto out;
			continue;
		}
		in_label = split_label(line, len, &label, &label_len, &value, &value_len);
		if (!in_label) {
			if (bag_add_problem(j->report, BAG_MALFORMED, "bag-info.txt",
			    "line %u: not LABEL: VALUE", t.line) != DISPUTE_OK)
				goto out;
			continue;
		}
		/* Payload-Oxum is a single token, so a continuation could only break it. */
		if (ascii_casecmp_n(label, label_len, "Payload-Oxum") == 0 &&
		    judge_oxum(j, value, value_len, t.line) != DISPUTE_OK)
			goto out;
	}
	status = DISPUTE_OK;
out:
	free(text);
	return status;
}

static int
list_algorithms(struct judge *j)
{
	char buf[64];
	size_t used = 0;

	buf[0] = '\0';
	for (int a = 0; a < ALG_COUNT; a++)
		for (size_t m = 0; m < j->manifest_count; m++)
			if (!j->manifests[m].tag && j->manifests[m].alg == a) {
				used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s",
				    used > 0 ? "," : "", algorithms[a].name);
				break;
			}
	if (used == 0)
		return DISPUTE_OK;
	j->report->algorithms = strdup(buf);
	return j->report->algorithms != NULL ? DISPUTE_OK : out_of_memory();
}

static int
judge_bag(struct judge *j)
{
	int has_bagit, has_manifest;

	if (judge_bagit(j, &has_bagit) != DISPUTE_OK ||
	    find_manifests(j, &has_manifest) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* Neither bagit.txt nor a manifest: not a bag at all, and saying so is enough;
	 * what the listing found wrong with the files of, say, a home folder is noise. */
	if (!has_bagit && !has_manifest)
		drop_problems(j->report);
	if (!has_bagit && bag_add_problem(j->report, BAG_MALFORMED, "bagit.txt",
	    "not found") != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (!has_bagit && !has_manifest)
		return DISPUTE_OK;
	if (!j->reader->has_data_dir && bag_add_problem(j->report, BAG_MALFORMED, "data/",
	    "payload folder not found") != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (load_manifests(j) != DISPUTE_OK || list_algorithms(j) != DISPUTE_OK ||
	    sort_listings(j) != DISPUTE_OK || judge_fetch(j) != DISPUTE_OK ||
	    judge_files(j) != DISPUTE_OK || judge_bag_info(j) != DISPUTE_OK)
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
judge_free(struct judge *j)
{
	for (size_t i = 0; i < j->listing_count; i++)
		free(j->listings[i].path);
	free(j->listings);
	for (size_t i = 0; i < j->fetched_count; i++)
		free(j->fetched[i]);
	free(j->fetched);
	for (int a = 0; a < ALG_COUNT; a++) {
		EVP_MD_CTX_free(j->ctx[a]);
		EVP_MD_free(j->md[a]);
	}
	free(j->chunk);
	bag_reader_close(j->reader);
}

int
bag_verify(const char *path, struct bag_report *report)
{
	struct judge j;
	int status = DISPUTE_FAILED;

	memset(report, 0, sizeof(*report));
	memset(&j, 0, sizeof(j));
	j.report = report;
	if (bag_reader_open(path, report, &j.reader) != DISPUTE_OK)
		goto out;
	if (j.reader->root != NULL && (report->root = strdup(j.reader->root)) == NULL) {
		out_of_memory();
		goto out;
	}
	j.chunk = malloc(BAG_CHUNK);
	if (j.chunk == NULL) {
		out_of_memory();
		goto out;
	}
	if (judge_bag(&j) != DISPUTE_OK)
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
