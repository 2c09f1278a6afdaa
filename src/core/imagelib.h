/* Private to the thumbnailer: libvips, loaded with dlopen() when the first thumbnail
 * is wanted rather than linked into the program. libvips brings a hundred shared
 * libraries with it; linked, every command (status, verify, add-evidence ...) paid
 * for loading them at start and kept their pages resident. */
#ifndef DISPUTE_IMAGELIB_H
#define DISPUTE_IMAGELIB_H

#include <vips/vips.h>
#include <vips/vector.h>

/* Every libvips and GLib function the thumbnailer calls, each typed from the headers
 * the program was compiled against. */
#define IMAGELIB_FUNCTIONS(X)                                                           \
	X(vips_version) X(vips_init) X(vips_shutdown) X(vips_error_buffer)               \
	X(vips_error_clear) X(vips_cache_set_max) X(vips_block_untrusted_set)           \
	X(vips_vector_set_enabled) X(vips_source_new_from_file)                         \
	X(vips_foreign_find_load_source) X(vips_image_new_from_source)                   \
	X(vips_image_get_width) X(vips_image_get_height) X(vips_image_hasalpha)         \
	X(vips_thumbnail_source) X(vips_colourspace) X(vips_flatten)                    \
	X(vips_jpegsave_buffer) X(vips_array_double_newv) X(vips_area_unref)            \
	X(g_object_unref) X(g_free) X(g_log_set_handler)

struct imagelib {
#define IMAGELIB_MEMBER(name) __typeof__(name) *name;
	IMAGELIB_FUNCTIONS(IMAGELIB_MEMBER)
#undef IMAGELIB_MEMBER
};

/* Filled by imagelib_load(). */
extern struct imagelib imagelib;

/* Loads the libvips of the ABI the program was built for and looks up every function
 * above; once loaded, later calls return at once. DISPUTE_FAILED after one error
 * naming the library when it is missing, lacks a function or has another ABI. */
int imagelib_load(void);

#endif
