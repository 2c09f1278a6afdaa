/* Parsing the tag files of a bag (RFC 8493 §2.1-2.2): bagit.txt, the manifests,
 * fetch.txt and bag-info.txt, in the bag's declared encoding, line by line. What is
 * found is left in the bag_judge for bag-verify.c to hold against the files. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/report.h"
#include "bag-internal.h"

/* Lines end in LF, CRLF or CR: bags are made on every system. */
struct text {
	const char *p, *end;
	unsigned line;
};

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
load_tag_file(struct bag_judge *j, const struct bag_entry *e, const char *encoding,
    char **text, size_t *len)
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
	/* bagit.txt MUST NOT start with a BOM (RFC 8493 §2.1.1, BagIt 0.97 §2.1.1): a tool
	 * that looks for "BagIt-Version" in its first bytes would not find it. In the other
	 * tag files some Windows tools write one, and it is harmless. */
	if (*len >= 3 && memcmp(*text, "\xef\xbb\xbf", 3) == 0) {
		if (strcmp(e->name, "bagit.txt") == 0 && bag_add_problem_at(j->report,
		    BAG_MALFORMED, e->name, e->name, 1, "line 1: starts with a byte-order mark") != DISPUTE_OK)
			goto out;
		memmove(*text, *text + 3, *len - 2);
		*len -= 3;
	}
	status = DISPUTE_OK;
out:
	free(raw);
	return status;
}

/* load_tag_file() for reading line by line: T has no lines when the file cannot be used. */
static int
load_tag_lines(struct bag_judge *j, const struct bag_entry *e, const char *encoding,
    char **text, struct text *t)
{
	size_t len = 0;
	int status = load_tag_file(j, e, encoding, text, &len);

	*t = (struct text){ *text, *text != NULL ? *text + len : NULL, 0 };
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
bagit_value(struct bag_judge *j, const char *label, size_t label_len, const char *value,
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
		return bag_add_problem_at(j->report, BAG_MALFORMED, "bagit.txt", "bagit.txt", line,
		    "line %u: %.*s appears again", line, (int)label_len, label);
	*field = strndup(value, value_len);
	return *field != NULL ? DISPUTE_OK : bag_out_of_memory();
}

/* bagit.txt is exactly two lines, "BagIt-Version: M.N" then "Tag-File-Character-
 * Encoding: ENCODING", with one space after the colon and none elsewhere (RFC 8493
 * §2.1.1; BagIt 0.97 §2.1.1 says the same). LINE, the NO-th, is held to that form. */
static int
bagit_line_strict(struct bag_judge *j, const char *line, size_t len, unsigned no)
{
	static const char *const labels[] = { "BagIt-Version", "Tag-File-Character-Encoding" };
	const char *want;
	size_t n;

	if (no > 2)
		return bag_add_problem_at(j->report, BAG_MALFORMED, "bagit.txt", "bagit.txt", no,
		    "line %u: one line too many (bagit.txt has exactly two)", no);
	want = labels[no - 1];
	n = strlen(want);
	if (len > n + 2 && memcmp(line, want, n) == 0 && line[n] == ':' && line[n + 1] == ' ' &&
	    !is_blank(line[n + 2]) && !is_blank(line[len - 1]))
		return DISPUTE_OK;
	return bag_add_problem_at(j->report, BAG_MALFORMED, "bagit.txt", "bagit.txt", no,
	    "line %u: not exactly \"%s: VALUE\"", no, want);
}

/* Versions other than 0.97 and 1.0 are judged anyway: the rules have barely changed
 * and a verdict is more useful to a shopper than a refusal. So is a bagit.txt that
 * breaks the form: the problem is reported, and the values are still read as loosely
 * as "LABEL: VALUE" allows, so that the rest of the bag is judged too. */
int
bag_judge_bagit(struct bag_judge *j, int *found)
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
	if (load_tag_lines(j, e, "UTF-8", &text, &t) != DISPUTE_OK)
		goto out;
	while (next_line(&t, &line, &len)) {
		if (bagit_line_strict(j, line, len, t.line) != DISPUTE_OK)
			goto out;
		if (!split_label(line, len, &label, &label_len, &value, &value_len))
			continue;
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
	j->percent_paths = j->version1 = major >= 1;
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
int
bag_find_manifests(struct bag_judge *j, int *any)
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
		for (a = 0; a < BAG_ALG_COUNT; a++)
			if (strlen(bag_algorithms[a].name) == alg_len &&
			    memcmp(alg, bag_algorithms[a].name, alg_len) == 0)
				break;
		if (a == BAG_ALG_COUNT) {
			if (bag_add_problem(j->report, BAG_MALFORMED, name,
			    "unknown algorithm %.*s", (int)alg_len, alg) != DISPUTE_OK)
				return DISPUTE_FAILED;
			continue;
		}
		j->manifests[j->manifest_count++] = (struct bag_manifest){ name, a, tag };
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
take_path(struct bag_judge *j, const char *file, unsigned line, const char *s, size_t len,
    int payload, char **path)
{
	const char *why;
	size_t n;
	int status;

	*path = decode_path(s, len, j->percent_paths, &n);
	if (*path == NULL)
		return bag_out_of_memory();
	why = bag_name_unsafe(*path, n);
	if (why != NULL) {
		printable_path(*path, n);
		status = bag_add_problem_at(j->report, BAG_UNSAFE, *path, file, line,
		    "%s (%s line %u)", why, file, line);
	} else if (payload && strncmp(*path, "data/", 5) != 0) {
		status = bag_add_problem_at(j->report, BAG_MALFORMED, *path, file, line,
		    "outside data/ (%s line %u)", file, line);
	} else
		return DISPUTE_OK;
	free(*path);
	*path = NULL;
	return status;
}

static int
add_listing(struct bag_judge *j, char *path, size_t manifest, unsigned line,
    const char *hex, size_t hex_len)
{
	struct bag_listing *l;

	if (j->listing_count == j->listing_cap) {
		size_t n = j->listing_cap != 0 ? j->listing_cap * 2 : 64;
		struct bag_listing *grown = realloc(j->listings, n * sizeof(*grown));

		if (grown == NULL) {
			free(path);
			return bag_out_of_memory();
		}
		j->listings = grown;
		j->listing_cap = n;
	}
	l = &j->listings[j->listing_count++];
	l->path = path;
	l->manifest = manifest;
	l->line = line;
	for (size_t i = 0; i < hex_len; i++)
		l->hex[i] = (char)(hex[i] >= 'A' && hex[i] <= 'F' ? hex[i] - 'A' + 'a' :
		    hex[i]);
	l->hex[hex_len] = '\0';
	return DISPUTE_OK;
}

/* "CHECKSUM PATH" with one or more spaces or tabs between (RFC 8493 §2.1.3, BagIt
 * 0.97 §2.1.3). Two forms that md5sum and its kin write are read as they mean it: the
 * binary-mode marker of `sha256sum -b` ("CHECKSUM *PATH": one space, then '*'; a name
 * that itself starts with '*' is written after two spaces), and a leading "./" from
 * `find . | xargs sha256sum`, which names the same file. */
static int
parse_manifest_line(struct bag_judge *j, size_t m, const char *line, size_t len,
    unsigned no)
{
	const struct bag_manifest *mf = &j->manifests[m];
	size_t hex_len = span(line, len, " \t", 0), skip = hex_len;
	char *path;

	while (skip < len && is_blank(line[skip]))
		skip++;
	if (skip == hex_len + 1 && line[hex_len] == ' ' && skip < len && line[skip] == '*')
		skip++;
	while (len - skip > 2 && line[skip] == '.' && line[skip + 1] == '/')
		skip += 2;
	if (hex_len == 0 || skip == hex_len || skip == len)
		return bag_add_problem_at(j->report, BAG_MALFORMED, mf->file, mf->file, no,
		    "line %u: not CHECKSUM PATH", no);
	if (hex_len != bag_algorithms[mf->alg].hex_len ||
	    span(line, hex_len, "0123456789abcdefABCDEF", 1) < hex_len)
		return bag_add_problem_at(j->report, BAG_MALFORMED, mf->file, mf->file, no,
		    "line %u: not a %s checksum", no, bag_algorithms[mf->alg].name);
	if (take_path(j, mf->file, no, line + skip, len - skip, !mf->tag,
	    &path) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (path == NULL)
		return DISPUTE_OK;
	return add_listing(j, path, m, no, line, hex_len);
}

static int
parse_manifest(struct bag_judge *j, size_t m, const char *text, size_t len)
{
	struct text t = { text, text + len, 0 };
	const char *line;

	while (next_line(&t, &line, &len))
		if (len > 0 && parse_manifest_line(j, m, line, len, t.line) != DISPUTE_OK)
			return DISPUTE_FAILED;
	return DISPUTE_OK;
}

/* A manifest that cannot be read is dropped, so that its absence is what gets judged
 * rather than every payload file it failed to list. */
int
bag_load_manifests(struct bag_judge *j)
{
	size_t kept = 0;
	char *text = NULL;
	int status = DISPUTE_FAILED;

	for (size_t m = 0; m < j->manifest_count; m++) {
		const char *file = j->manifests[m].file;
		size_t len;

		if (load_tag_file(j, bag_reader_find(j->reader, file), j->encoding, &text,
		    &len) != DISPUTE_OK)
			goto out;
		if (text == NULL)
			continue;
		j->manifests[kept] = j->manifests[m];
		if (parse_manifest(j, kept, text, len) != DISPUTE_OK)
			goto out;
		free(text);
		text = NULL;
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
	free(text);
	return status;
}

static int
listing_cmp(const void *a, const void *b)
{
	const struct bag_listing *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c != 0)
		return c;
	if (x->manifest != y->manifest)
		return x->manifest < y->manifest ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* A path a manifest lists again. RFC 8493 §2.1.3 lists every payload file once, so
 * in 1.0 that is an error whatever the checksum; BagIt 0.97 says nothing of it, and a
 * repeated line with the same checksum is harmless there, so it is only a warning. */
static int
report_repeat(struct bag_judge *j, const struct bag_listing *first,
    const struct bag_listing *again)
{
	const char *file = j->manifests[again->manifest].file;

	if (!j->version1 && strcmp(first->hex, again->hex) == 0)
		return bag_add_warning(j->report, BAG_WARN_DUPLICATE, file, again->line,
		    "lists %s again, with the same checksum as line %u", again->path,
		    first->line);
	return bag_add_problem_at(j->report, BAG_MALFORMED, file, file, again->line,
	    "line %u lists %s again", again->line, again->path);
}

/* Sorts the listings for the merge with the entries; a path a manifest lists twice
 * keeps its first line. */
int
bag_sort_listings(struct bag_judge *j)
{
	size_t kept = 0;

	if (j->listing_count > 1)
		qsort(j->listings, j->listing_count, sizeof(*j->listings), listing_cmp);
	for (size_t i = 0; i < j->listing_count; i++) {
		struct bag_listing *l = &j->listings[i];

		if (kept > 0 && j->listings[kept - 1].manifest == l->manifest &&
		    strcmp(j->listings[kept - 1].path, l->path) == 0) {
			int status = report_repeat(j, &j->listings[kept - 1], l);

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

/* "URL LENGTH FILENAME" (RFC 8493 §2.2.3). */
static int
parse_fetch_line(struct bag_judge *j, const char *line, size_t len, unsigned no)
{
	size_t url_len = span(line, len, " \t", 0), p, q;
	char *path, **grown;

	p = url_len + span(line + url_len, len - url_len, " \t", 1);
	q = p + span(line + p, len - p, " \t", 0);
	if (q > p && !(q - p == 1 && line[p] == '-') &&
	    span(line + p, q - p, "0123456789", 1) < q - p)
		q = p; /* a LENGTH that is neither a number nor '-' */
	if (url_len == 0 || q == p)
		return bag_add_problem_at(j->report, BAG_MALFORMED, "fetch.txt", "fetch.txt", no,
		    "line %u: not URL LENGTH FILENAME", no);
	while (q < len && is_blank(line[q]))
		q++;
	if (q == len)
		return bag_add_problem_at(j->report, BAG_MALFORMED, "fetch.txt", "fetch.txt", no,
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
			return bag_out_of_memory();
		}
		j->fetched = grown;
		j->fetched_cap = n;
	}
	j->fetched[j->fetched_count++] = path;
	/* A listed file that is there already is judged like any other. */
	if (bag_reader_find(j->reader, path) != NULL)
		return DISPUTE_OK;
	return bag_add_problem_at(j->report, BAG_INCOMPLETE, path, "fetch.txt", no,
	    "to be fetched from %.*s", (int)url_len, line);
}

int
bag_judge_fetch(struct bag_judge *j)
{
	const struct bag_entry *e = bag_reader_find(j->reader, "fetch.txt");
	struct text t;
	const char *line;
	char *text = NULL;
	size_t len;
	int listed = 0, status = DISPUTE_FAILED;

	if (e == NULL)
		return DISPUTE_OK;
	if (load_tag_lines(j, e, j->encoding, &text, &t) != DISPUTE_OK)
		goto out;
	while (next_line(&t, &line, &len)) {
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
		qsort(j->fetched, j->fetched_count, sizeof(*j->fetched), bag_strcmp_ptr);
	status = DISPUTE_OK;
out:
	free(text);
	return status;
}

int
bag_is_fetched(const struct bag_judge *j, const char *path)
{
	return j->fetched_count > 0 && bsearch(&path, j->fetched, j->fetched_count,
	    sizeof(*j->fetched), bag_strcmp_ptr) != NULL;
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
judge_oxum(struct bag_judge *j, const char *value, size_t len, unsigned no)
{
	uint64_t octets, count;

	if (!parse_oxum(value, len, &octets, &count))
		return bag_add_problem_at(j->report, BAG_MALFORMED, "bag-info.txt", "bag-info.txt",
		    no, "line %u: Payload-Oxum is not OCTETS.COUNT", no);
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
int
bag_judge_bag_info(struct bag_judge *j)
{
	const struct bag_entry *e = bag_reader_find(j->reader, "bag-info.txt");
	struct text t;
	const char *line, *label, *value;
	char *text = NULL;
	size_t len, label_len, value_len;
	int in_label = 0, status = DISPUTE_FAILED;

	if (e == NULL)
		return DISPUTE_OK;
	if (load_tag_lines(j, e, j->encoding, &text, &t) != DISPUTE_OK)
		goto out;
	while (next_line(&t, &line, &len)) {
		if (len == 0)
			continue;
		if (is_blank(line[0])) {
			if (!in_label && bag_add_problem_at(j->report, BAG_MALFORMED, "bag-info.txt",
			    "bag-info.txt", t.line, "line %u: continues no label", t.line) !=
			    DISPUTE_OK)
				goto out;
			continue;
		}
		in_label = split_label(line, len, &label, &label_len, &value, &value_len);
		if (!in_label) {
			if (bag_add_problem_at(j->report, BAG_MALFORMED, "bag-info.txt", "bag-info.txt",
			    t.line, "line %u: not LABEL: VALUE", t.line) != DISPUTE_OK)
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
