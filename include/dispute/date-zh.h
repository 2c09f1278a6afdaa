/* Dates and times as Chinese documents write them: 2026年10月11日 19:50:12, never an ISO
 * string. Reading Chinese dates typed by the user is not here (that is input, in the
 * validation of `set` and `log`). */
#ifndef DISPUTE_DATE_ZH_H
#define DISPUTE_DATE_ZH_H

#include <stddef.h>

#define DATE_TIME_ZH_LEN 64 /* "2026年10月11日 19:50:12（UTC+09:00）" and NUL, with room */

/* STAMP ("YYYY-MM-DDTHH:MM:SS", optionally followed by "Z" or "+hh:mm") as
 * "2026年10月11日 19:50:12" in BUF (at least DATE_TIME_ZH_LEN bytes). The zone, from
 * OFFSET ("+09:00", may be NULL) or else from STAMP's own suffix, follows in brackets:
 * "（北京时间）" for +08:00, "（UTC+09:00）" otherwise; a time without a known zone is
 * written as recorded, without one. STAMP in any other shape is copied unchanged. */
void date_time_format_zh(const char *stamp, const char *offset, char *buf, size_t size);

#endif
