/* Finds libvips at run time (imagelib.h says why). */
#include <dlfcn.h>
#include <stdio.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "imagelib.h"

/* The soname follows libtool's rule: current - age, 42 for libvips 8.x. */
#define IMAGELIB_ABI (VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE)

struct imagelib imagelib;

int
imagelib_load(void)
{
	static void *handle;
	char soname[32];
	const char *missing = NULL;

	if (handle != NULL)
		return DISPUTE_OK;
	snprintf(soname, sizeof soname, "libvips.so.%d", IMAGELIB_ABI);
	handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL) {
		dispute_error(_("%s: the image library cannot be loaded (%s); install libvips42 "
		    "for thumbnails"), soname, dlerror());
		return DISPUTE_FAILED;
	}
	/* dlsym() hands back an object pointer; POSIX guarantees it can be stored
	 * through a function pointer's address like this. */
#define IMAGELIB_LOOKUP(name)                                                    \
	if (missing == NULL && (*(void **)&imagelib.name = dlsym(handle, #name)) == NULL) \
		missing = #name;
	IMAGELIB_FUNCTIONS(IMAGELIB_LOOKUP)
#undef IMAGELIB_LOOKUP
	if (missing == NULL && imagelib.vips_version(3) - imagelib.vips_version(5) != IMAGELIB_ABI)
		missing = "the ABI version";
	if (missing != NULL) {
		dispute_error(_("%s: the image library does not match the one dispute was built "
		    "with (%s); no thumbnails can be made"), soname, missing);
		dlclose(handle);
		handle = NULL;
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}
