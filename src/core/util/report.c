/* Messages to stderr: the only channel the core uses to talk to the user. */
#include <stdarg.h>
#include <stdio.h>

#include "dispute/i18n.h"
#include "dispute/report.h"

static int quiet;

void
dispute_set_quiet(int on)
{
	quiet = on;
}

static void emit(const char *, const char *, va_list) __attribute__((format(printf, 2, 0)));

static void
emit(const char *prefix, const char *fmt, va_list ap)
{
	fprintf(stderr, "dispute: %s", prefix);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
