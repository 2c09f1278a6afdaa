/* A libzip write target for a file descriptor the caller already holds: the dossier's
 * temporary file. */
#ifndef DISPUTE_ZIP_FD_SINK_H
#define DISPUTE_ZIP_FD_SINK_H

#include <zip.h>

/* A new, empty archive that zip_close() writes into FD (PATH names it in messages),
 * collected into large writes. The caller keeps FD: it is neither closed nor synced
 * here. NULL after reporting a problem. */
zip_t *zip_open_fd_sink(int fd, const char *path);

#endif
