/* Locating shipped data files, so that the installed program and a build-tree run
 * both find their templates and rule tables without a flag. */
#include <stdlib.h>
#include <unistd.h>

#include "dispute/config.h"
#include "dispute/datadir.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

/* Only builds meant to run from their build tree know their source tree. */
#ifndef DISPUTE_SOURCE_DATADIR
#define DISPUTE_SOURCE_DATADIR NULL
#endif

char *
datadir_find(const char *rel)
{
	const char *candidates[3];
	char *path;
	int i;

	candidates[0] = getenv("DISPUTE_DATADIR");
	candidates[1] = DISPUTE_INSTALLED_DATADIR;
	candidates[2] = DISPUTE_SOURCE_DATADIR;
	for (i = 0; i < 3; i++) {
		if (candidates[i] == NULL || candidates[i][0] == '\0')
			continue;
		path = path_join(candidates[i], rel);
		if (path == NULL)
			return NULL;
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	dispute_error(_("%s: not found in $DISPUTE_DATADIR or %s"), rel, DISPUTE_INSTALLED_DATADIR);
	return NULL;
}
