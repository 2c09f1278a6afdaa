/* The evidence book in the dossier (dossier-book.h). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispute/drafts.h"
#include "dispute/evidence-book.h"
#include "dispute/fsutil.h"
#include "dispute/report.h"
#include "dossier-book.h"

int
dossier_has_book(const struct dossier_inputs *in)
{
	size_t i;

	for (i = 0; i < in->draft_count; i++)
		if (strcmp(in->drafts[i]->name, "evidence-list") == 0)
			return 1;
	return 0;
}

/* data/documents/evidence-book.pdf, made by the print helper into a temporary file
 * that the zip then reads like an evidence file. */
int
dossier_add_book(struct dossier_bag *b, const struct dispute_case *c,
    const struct dossier_inputs *in)
{
	const char *tmpdir = getenv("TMPDIR") != NULL && *getenv("TMPDIR") != '\0' ?
	    getenv("TMPDIR") : "/tmp";
	char *tmp = NULL;
	int fd = fs_create_temp(tmpdir, EVIDENCE_BOOK_NAME, 0600, &tmp);

	if (fd == -1)
		return DISPUTE_FAILED;
	if (evidence_book_print(c, in->view, draft_language(c), fd, "data/documents/"
	    EVIDENCE_BOOK_NAME) != DISPUTE_OK) {
		close(fd);
		unlink(tmp);
		fs_temp_release(tmp);
		return DISPUTE_FAILED;
	}
	close(fd);
	return dossier_bag_add_temporary(b, "data/documents/" EVIDENCE_BOOK_NAME, tmp);
}
