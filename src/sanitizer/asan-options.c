/* Built into the programs only with DISPUTE_SANITIZE. AddressSanitizer reads these
 * defaults at start-up, before the environment's ASAN_OPTIONS.
 *
 * intercept_tls_get_addr=0: with the interception on, LeakSanitizer records the
 * dynamic TLS blocks of libraries opened with dlopen() (GdkPixbuf and GLib, for
 * thumbnails) and, with glibc 2.36, can record a nonsensical range for one of them; its
 * tracer then crashes while scanning ("Tracer caught signal 11") and the program exits
 * with an error although nothing leaked. Off, LeakSanitizer still scans static TLS and
 * every thread's stack.
 *
 * abort_on_error=1: a sanitized program that finds an error dies by SIGABRT instead
 * of exiting with status 1, so the helper runner (src/core/util/helper.c) sees a
 * sanitized helper's crash as the crash it is, the same as in a plain build. */
const char *__asan_default_options(void);

const char *
__asan_default_options(void)
{
	return "intercept_tls_get_addr=0:abort_on_error=1";
}
