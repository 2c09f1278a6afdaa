/* Links from data/index.html to the files beside it. */
#ifndef DISPUTE_PAGE_LINK_H
#define DISPUTE_PAGE_LINK_H

#include <stddef.h>

/* "documents/00-%E8%AF%81...txt": the link to PREFIX/NAME in OUT (LEN bytes), every
 * byte outside the unreserved URL characters percent-encoded, so that names in Chinese
 * are valid links for every HTML checker, and a "#" or "?" in a name cannot change
 * where one points. DISPUTE_FAILED after reporting a name too long for OUT. */
int page_href(const char *prefix, const char *name, char *out, size_t len);

#endif
