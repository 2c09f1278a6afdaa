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
	const char *dirs[3] = { getenv("DISPUTE_DATADIR"), DISPUTE_INSTALLED_DATADIR,
	    DISPUTE_SOURCE_DATADIR };
	int oom;
	char *path = path_find(dirs, 3, rel, R_OK, &oom);

	if (path == NULL && !oom)
		dispute_error(_("%s: not found in $DISPUTE_DATADIR or %s"), rel,
		    DISPUTE_INSTALLED_DATADIR);
	return path;
}
