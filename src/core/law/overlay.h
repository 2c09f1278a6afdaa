/* A data table in layers, as holidays and provincial wages are: the shipped file, then
 * the user's (an environment variable naming it), then the case's own, each later one
 * adding to or replacing parts of the earlier. */
#ifndef DISPUTE_LAW_OVERLAY_H
#define DISPUTE_LAW_OVERLAY_H

#include <cjson/cJSON.h>

/* Loads rules/SHIPPED through LOAD into TABLE, then the file ENV names (a named file
 * that is missing is an error: the user asked for their figures), then CASE_FILE in
 * CASE_DIR when it exists (CASE_DIR may be NULL). Returns DISPUTE_FAILED after the
 * loader's or its own message; the caller frees TABLE either way. */
int overlay_load(void *table, int (*load)(void *table, const char *path), const char *shipped,
    const char *env, const char *case_dir, const char *case_file);

/* Puts every member of FROM into *INTO (created when NULL), a member of the same name
 * replaced whole: a later layer's year or province stands complete. Reports running out
 * of memory. */
int overlay_merge(cJSON **into, const cJSON *from);

#endif
