/* Finds GdkPixbuf at run time (imagelib.h says why). */
#include <dlfcn.h>
#include <stdio.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "imagelib.h"

#define IMAGELIB_SONAME "libgdk_pixbuf-2.0.so.0"

struct imagelib imagelib;

int
imagelib_load(void)
{
	static void *handle;
	const guint *major;
	const char *missing = NULL;

	if (handle != NULL)
		return DISPUTE_OK;
	handle = dlopen(IMAGELIB_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL) {
		dispute_error(_("%s: the image library cannot be loaded (%s); install "
		    "libgdk-pixbuf-2.0-0 for thumbnails"), IMAGELIB_SONAME, dlerror());
		return DISPUTE_FAILED;
	}
	/* dlsym() hands back an object pointer; POSIX guarantees it can be stored
	 * through a function pointer's address like this. */
#define IMAGELIB_LOOKUP(name)                                                    \
	if (missing == NULL && (*(void **)&imagelib.name = dlsym(handle, #name)) == NULL) \
		missing = #name;
	IMAGELIB_FUNCTIONS(IMAGELIB_LOOKUP)
#undef IMAGELIB_LOOKUP
	major = dlsym(handle, "gdk_pixbuf_major_version");
	if (missing == NULL && (major == NULL || *major != GDK_PIXBUF_MAJOR))
		missing = "the major version";
	if (missing != NULL) {
		dispute_error(_("%s: the image library does not match the one dispute was built "
		    "with (%s); no thumbnails can be made"), IMAGELIB_SONAME, missing);
		dlclose(handle);
		handle = NULL;
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}
