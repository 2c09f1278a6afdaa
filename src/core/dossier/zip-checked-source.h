/* A zip source that verifies a file's recorded SHA-256 while libzip reads it. */
#ifndef DISPUTE_ZIP_CHECKED_SOURCE_H
#define DISPUTE_ZIP_CHECKED_SOURCE_H

#include <stdint.h>
#include <time.h>

#include <zip.h>

/* A source for PATH that fails the read (and so zip_close) when the file's content is
 * not SIZE bytes with digest SHA256 (lowercase hex). NULL after reporting a problem.
 * PATH and SHA256 are borrowed: they must outlive the archive. */
zip_source_t *zip_checked_file_source(zip_t *archive, const char *path, const char *sha256,
    uint64_t size, time_t mtime);

/* The same for the SIZE bytes at OFFSET of the open file FD (borrowed), named LABEL
 * (borrowed too) in messages: a generated file in the dossier's spool. */
zip_source_t *zip_checked_range_source(zip_t *archive, int fd, uint64_t offset,
    const char *label, const char *sha256, uint64_t size, time_t mtime);

#endif
