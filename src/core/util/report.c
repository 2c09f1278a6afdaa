/* Messages to stderr: the only channel the core uses to talk to the user. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/terminal.h"

static int quiet;

void
dispute_set_quiet(int on)
{
	quiet = on;
}

static void emit(const char *, const char *, va_list) __attribute__((format(printf, 2, 0)));

/* Messages name files, and names come from the user's disk and from zips: the whole
 * message goes through text_for_terminal(), so that no name can send the terminal a
 * control sequence or forge a line of its own. Out of memory, the untranslated format
 * is shown instead, which at least names the problem. */
static void
emit(const char *prefix, const char *fmt, va_list ap)
{
	char *message = NULL, *shown = NULL;

	if (vasprintf(&message, fmt, ap) == -1)
		message = NULL;
	else
		shown = text_for_terminal(message, 0);
	fprintf(stderr, "dispute: %s%s\n", prefix, shown != NULL ? shown : fmt);
	free(shown);
	free(message);
}

void
dispute_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("", fmt, ap);
	va_end(ap);
}

void
dispute_warning(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	emit(_("warning: "), fmt, ap);
	va_end(ap);
}

void
dispute_notice(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	emit("", fmt, ap);
	va_end(ap);
}

int
dispute_oom(void)
{
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

char *
dispute_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	return s;
}
