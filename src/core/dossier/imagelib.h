/* Private to the thumbnailer: GdkPixbuf, loaded with dlopen() when the first thumbnail
 * is wanted rather than linked into the program, so that the commands that make no
 * thumbnail (status, verify, add-evidence ...) neither load nor relocate it and GLib. */
#ifndef DISPUTE_IMAGELIB_H
#define DISPUTE_IMAGELIB_H

#include <gdk-pixbuf/gdk-pixbuf.h>

/* Every GdkPixbuf and GLib function the thumbnailer calls, each typed from the headers
 * the program was compiled against. */
#define IMAGELIB_FUNCTIONS(X)                                                           \
	X(gdk_pixbuf_get_file_info) X(gdk_pixbuf_format_get_name)                       \
	X(gdk_pixbuf_new_from_file) X(gdk_pixbuf_new_from_file_at_scale)                \
	X(gdk_pixbuf_apply_embedded_orientation) X(gdk_pixbuf_get_has_alpha)            \
	X(gdk_pixbuf_composite_color_simple) X(gdk_pixbuf_get_width)                    \
	X(gdk_pixbuf_get_height) X(gdk_pixbuf_save_to_buffer)                           \
	X(g_object_unref) X(g_free) X(g_error_free) X(g_log_set_handler)

struct imagelib {
#define IMAGELIB_MEMBER(name) __typeof__(name) *name;
	IMAGELIB_FUNCTIONS(IMAGELIB_MEMBER)
#undef IMAGELIB_MEMBER
};

/* Filled by imagelib_load(). */
extern struct imagelib imagelib;

/* Loads the GdkPixbuf 2 library and looks up every function above; once loaded, later
 * calls return at once. DISPUTE_FAILED after one error naming the library when it is
 * missing, lacks a function or is not version 2. */
int imagelib_load(void);

#endif
