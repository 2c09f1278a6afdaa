/* Links of the dossier's page (page-link.h). */
#include <stdio.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "page-link.h"

/* "documents/00-%E8%AF%81...txt": a link to PREFIX/NAME with every byte outside the
 * unreserved URL characters percent-encoded, so that names in Chinese are valid links
 * for every HTML checker, and a "#" or "?" in a name cannot change where one points. */
int
page_href(const char *prefix, const char *name, char *out, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = (size_t)snprintf(out, len, "%s/", prefix), i;

	for (i = 0; name[i] != '\0' && o + 4 < len; i++) {
		unsigned char ch = (unsigned char)name[i];

		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
			out[o++] = (char)ch;
		} else {
			out[o++] = '%';
			out[o++] = hex[ch >> 4];
			out[o++] = hex[ch & 15];
		}
	}
	out[o] = '\0';
	if (name[i] != '\0') {
		dispute_error(_("%s: the name is too long for a link"), name);
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}
