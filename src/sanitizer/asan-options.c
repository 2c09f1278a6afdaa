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

/* Cairo 1.16 (Debian 12) leaks two small buffers of every PDF surface it finishes with
 * embedded font subsets, inside cairo_surface_finish(); dispute-print frees all it owns
 * and cannot free those, so LeakSanitizer is told to let them be. Fontconfig 2.14 loses
 * one 256-byte block (and the 32 bytes it points to) while it parses its configuration
 * files in FcInit(): once a process, whatever the document, and only FcFini() would free
 * it, which dispute-print cannot call (dispute-print.c says why). Whether LeakSanitizer
 * sees it depends on a stale copy of the pointer left on the stack, so the evidence
 * book's commands report it and a plain PDF does not. Only dispute-print loads Cairo and
 * fontconfig. The count of suppressed leaks is not printed: the helper's stderr is the
 * user's. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:libcairo.so.2\nleak:libfontconfig.so.1\n";
}

const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}
