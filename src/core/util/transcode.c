/* GB18030 text into UTF-8 (transcode.h). */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "transcode.h"

/* Control characters say binary data or a UTF-16 file, not text in any GB encoding. */
static int
has_control(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
			return 1;
	}
	return 0;
}

int
transcode_gb18030(const char *data, size_t len, char **out, size_t *out_len)
{
	/* A GB18030 character takes at most 4 bytes and becomes at most 4 in UTF-8; an
	 * ASCII byte stays one. */
	size_t room = len * 2 + 1, in_left = len, out_left = room;
	char *buf = NULL, *in = (char *)data, *next;
	iconv_t cd;
	int status = DISPUTE_FAILED;

	*out = NULL;
	*out_len = 0;
	if (has_control(data, len))
		return DISPUTE_OK;
	cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1) {
		dispute_error(_("cannot convert from GB18030: %s"), strerror(errno));
		return DISPUTE_FAILED;
	}
	buf = malloc(room);
	if (buf == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	next = buf;
	status = DISPUTE_OK;
	/* EILSEQ or EINVAL: not GB18030, or cut short in a character; refused whole. */
	if (iconv(cd, &in, &in_left, &next, &out_left) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &next, &out_left) == (size_t)-1)
		goto out;
	*next = '\0';
	*out_len = (size_t)(next - buf);
	*out = buf;
	buf = NULL;
out:
	free(buf);
	iconv_close(cd);
	return status;
}
