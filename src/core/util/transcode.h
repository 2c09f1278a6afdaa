/* Text from older Windows programs (PC WeChat and QQ exports, Notepad's "ANSI"), which
 * write GB18030 or its subsets GBK and GB2312 rather than UTF-8, turned into UTF-8
 * through iconv(3). */
#ifndef DISPUTE_TRANSCODE_H
#define DISPUTE_TRANSCODE_H

#include <stddef.h>

/* The LEN bytes at DATA, read as GB18030, as UTF-8 in *OUT (malloc'd, NUL-terminated,
 * *OUT_LEN bytes). *OUT is NULL when DATA is not well-formed GB18030 or holds a NUL or
 * control character other than tab, CR, LF and form feed (binary, or UTF-16): nothing
 * is guessed. DISPUTE_FAILED after one error only when memory runs out or the system
 * lacks the conversion. */
int transcode_gb18030(const char *data, size_t len, char **out, size_t *out_len);

#endif
