/* A picture's copy in the public copy, without metadata (public-copy.h). */
#include "dispute/report.h"
#include "public-copy.h"
#include "strip.h"

int
public_add_copy(struct dossier_bag *b, const char *path, const char *name,
    const unsigned char *data, size_t len)
{
	unsigned char *copy;
	size_t copy_len;

	if (strip_image_metadata(path, data, len, &copy, &copy_len) != DISPUTE_OK ||
	    dossier_bag_add_memory(b, name, (char *)copy, copy_len, 1) != DISPUTE_OK)
		return DISPUTE_FAILED;
	b->entries[b->count - 1].compress = 0;
	return DISPUTE_OK;
}
