/* JSON files: parse errors located by line and column, since users edit these by hand,
 * and duplicate keys refused: cJSON keeps the first of two "order" members, Python and
 * most other readers the last, so one file would say two different things. */
#include <stdlib.h>
#include <string.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/json-file.h"
#include "dispute/report.h"

/* Line and column (1-based, counting characters rather than UTF-8 bytes) of OFFSET. */
static void
locate(const char *text, size_t offset, unsigned *line, unsigned *column)
{
	size_t i;

	*line = 1;
	*column = 1;
	for (i = 0; i < offset && text[i] != '\0'; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*column = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			(*column)++;
		}
	}
}

/* The end of the string whose opening quote is at TEXT[POS]: the offset after its
 * closing quote, or of the terminating NUL when the text ends inside the string (it
 * may, when the text failed to parse). */
static size_t
string_end(const char *text, size_t pos)
{
	for (pos++; text[pos] != '"' && text[pos] != '\0'; pos++)
		if (text[pos] == '\\' && text[pos + 1] != '\0')
			pos++;
	return text[pos] == '"' ? pos + 1 : pos;
}

/* The member name spelled TEXT[FROM..TO) (quotes included), decoded: "\u0061" and "a"
 * are one name to every reader. Malloc'd, or NULL when memory runs out. */
static char *
decode_name(const char *text, size_t from, size_t to)
{
	cJSON *name;
	char *decoded;

	if (memchr(text + from, '\\', to - from) == NULL)
		return strndup(text + from + 1, to - from - 2);
	name = cJSON_ParseWithLength(text + from, to - from);
	decoded = cJSON_IsString(name) ? strdup(name->valuestring) : NULL;
	cJSON_Delete(name);
	return decoded;
}

struct names {
	char **list;   /* the member names of the objects open at this point, outer first */
	size_t count, cap;
};

/* The first member name that repeats within one object of the valid JSON TEXT: its
 * offset in *AT and the name in *NAME (malloc'd); *NAME stays NULL when there is none.
 * Returns DISPUTE_FAILED only when memory runs out. */
static int
find_repeated_name(const char *text, char **name, size_t *at)
{
	struct names seen = { NULL, 0, 0 };
	size_t frames[CJSON_NESTING_LIMIT + 1], depth = 0, pos = 0;
	unsigned char is_object[CJSON_NESTING_LIMIT + 1];
	int expect_name = 0, status = DISPUTE_OK;

	*name = NULL;
	while (text[pos] != '\0' && *name == NULL && status == DISPUTE_OK) {
		char c = text[pos];

		if (c == '{' || c == '[') {
			frames[depth] = seen.count;
			is_object[depth++] = c == '{';
			expect_name = c == '{';
			pos++;
		} else if (c == '}' || c == ']') {
			depth--;
			while (seen.count > frames[depth])
				free(seen.list[--seen.count]);
			expect_name = 0;
			pos++;
		} else if (c == ',') {
			expect_name = depth > 0 && is_object[depth - 1];
			pos++;
		} else if (c == '"') {
			size_t end = string_end(text, pos);
			char *decoded;

			if (expect_name) {
				decoded = decode_name(text, pos, end);
				if (decoded == NULL)
					status = DISPUTE_FAILED;
				for (size_t i = frames[depth - 1]; decoded != NULL && i < seen.count; i++)
					if (strcmp(seen.list[i], decoded) == 0) {
						*name = decoded;
						*at = pos;
						decoded = NULL;
					}
				if (decoded != NULL && seen.count == seen.cap) {
					size_t cap = seen.cap != 0 ? seen.cap * 2 : 32;
					char **grown = realloc(seen.list, cap * sizeof *grown);

					if (grown == NULL) {
						free(decoded);
						decoded = NULL;
						status = DISPUTE_FAILED;
					} else {
						seen.list = grown;
						seen.cap = cap;
					}
				}
				if (decoded != NULL)
					seen.list[seen.count++] = decoded;
				expect_name = 0;
			}
			pos = end;
		} else
			pos++;
	}
	while (seen.count > 0)
		free(seen.list[--seen.count]);
	free(seen.list);
	if (status != DISPUTE_OK)
		dispute_error(_("out of memory"));
	return status;
}

/* Whether some object within NODE has two members of one name, found on the parsed
 * tree, whose names cJSON has decoded already, without copying any: a case of 5,000
 * items has 55,000. Only then is the text searched, by find_repeated_name(), to say
 * where. */
static int
has_repeated_name(const cJSON *node)
{
	const cJSON *member, *earlier;

	for (member = node->child; member != NULL; member = member->next) {
		if (cJSON_IsObject(node))
			for (earlier = node->child; earlier != member; earlier = earlier->next)
				if (earlier->string[0] == member->string[0] &&
				    strcmp(earlier->string, member->string) == 0)
					return 1;
		if ((cJSON_IsObject(member) || cJSON_IsArray(member)) && has_repeated_name(member))
			return 1;
	}
	return 0;
}

/* How many arrays and objects are open at OFFSET of TEXT. */
static size_t
depth_at(const char *text, size_t offset)
{
	size_t depth = 0, pos = 0;

	while (pos < offset && text[pos] != '\0') {
		if (text[pos] == '"') {
			pos = string_end(text, pos);
			continue;
		}
		if (text[pos] == '{' || text[pos] == '[')
			depth++;
		else if ((text[pos] == '}' || text[pos] == ']') && depth > 0)
			depth--;
		pos++;
	}
	return depth;
}

int
json_parse_text(const char *path, const char *text, size_t len, cJSON **out)
{
	const char *end = NULL;
	char *name = NULL;
	size_t at = 0;
	unsigned line, column;

	*out = NULL;
	if (strlen(text) != len) {
		dispute_error(_("%s: contains a NUL byte; not a JSON text"), path);
		return DISPUTE_FAILED;
	}
	/* Require the end of the text after the value (cJSON checks the byte at the given
	 * length, so the terminating NUL is included): anything after the record means the
	 * file is damaged, and saving over it would silently drop that part. */
	*out = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1);
	if (*out == NULL) {
		size_t offset = end != NULL && end >= text ? (size_t)(end - text) : 0;

		locate(text, offset, &line, &column);
		/* cJSON stops at its nesting limit, and valid JSON nested deeper is not
		 * "invalid": say what the limit is instead. */
		if (depth_at(text, offset) >= CJSON_NESTING_LIMIT)
			dispute_error(_("%s:%u:%u: nested more than %d levels deep; the file was "
			    "left as it is"), path, line, column, CJSON_NESTING_LIMIT);
		else
			dispute_error(_("%s:%u:%u: not valid JSON; the file was left as it is"), path,
			    line, column);
		return DISPUTE_FAILED;
	}
	if (has_repeated_name(*out) &&
	    (find_repeated_name(text, &name, &at) != DISPUTE_OK || name != NULL)) {
		if (name != NULL) {
			locate(text, at, &line, &column);
			dispute_error(_("%s:%u:%u: the key \"%s\" appears twice in one object, which "
			    "other programs read differently; the file was left as it is"), path, line,
			    column, name);
			free(name);
		}
		cJSON_Delete(*out);
		*out = NULL;
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

int
json_read_file(const char *path, size_t max, cJSON **out)
{
	char *text = NULL;
	size_t len;
	int status;

	*out = NULL;
	if (fs_read_file(path, max, &text, &len) != DISPUTE_OK)
		return DISPUTE_FAILED;
	status = json_parse_text(path, text, len, out);
	free(text);
	return status;
}
