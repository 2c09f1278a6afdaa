/* Tables in layers: shipped, the user's, the case's. overlay.h says how. */
#include <stdlib.h>
#include <unistd.h>

#include "dispute/datadir.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "overlay.h"

int
overlay_load(void *table, int (*load)(void *table, const char *path), const char *shipped,
    const char *env, const char *case_dir, const char *case_file)
{
	const char *user = getenv(env);
	char *rel = path_join("rules", shipped), *found = NULL, *local = NULL;
	int status = DISPUTE_FAILED;

	found = rel != NULL ? datadir_find(rel) : NULL;
	if (found == NULL || load(table, found) != DISPUTE_OK)
		goto out;
	if (user != NULL && user[0] != '\0' && load(table, user) != DISPUTE_OK)
		goto out;
	if (case_dir != NULL) {
		local = path_join(case_dir, case_file);
		if (local == NULL)
			goto out;
		if (access(local, F_OK) == 0 && load(table, local) != DISPUTE_OK)
			goto out;
	}
	status = DISPUTE_OK;
out:
	free(local);
	free(found);
	free(rel);
	return status;
}

int
overlay_merge(cJSON **into, const cJSON *from)
{
	const cJSON *entry;

	if (*into == NULL && (*into = cJSON_CreateObject()) == NULL)
		goto nomem;
	cJSON_ArrayForEach(entry, from) {
		cJSON *copy = cJSON_Duplicate(entry, 1);

		if (copy == NULL)
			goto nomem;
		cJSON_DeleteItemFromObjectCaseSensitive(*into, entry->string);
		if (!cJSON_AddItemToObject(*into, entry->string, copy)) {
			cJSON_Delete(copy);
			goto nomem;
		}
	}
	return DISPUTE_OK;
nomem:
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}
