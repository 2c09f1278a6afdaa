/* JSON files: parse errors located by line and column, since users edit these by hand. */
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

int
json_parse_text(const char *path, const char *text, size_t len, cJSON **out)
{
	const char *end = NULL;
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
		locate(text, end != NULL && end >= text ? (size_t)(end - text) : 0, &line, &column);
		dispute_error(_("%s:%u:%u: not valid JSON; the file was left as it is"), path, line,
		    column);
	}
	return *out != NULL ? DISPUTE_OK : DISPUTE_FAILED;
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
