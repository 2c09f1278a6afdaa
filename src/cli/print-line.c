/* Human output of names and texts that the program did not write itself. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/terminal.h"
#include "print-line.h"

int
print_escaped(const char *text, int keep_lines)
{
	char *shown = text_for_terminal(text, keep_lines);

	if (shown == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	printf("%s\n", shown);
	free(shown);
	return DISPUTE_OK;
}

int
print_line(const char *fmt, ...)
{
	char *line = NULL;
	va_list ap;
	int n, status;

	va_start(ap, fmt);
	n = vasprintf(&line, fmt, ap);
	va_end(ap);
	if (n == -1)
		line = NULL;
	else if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0'; /* the line's own end, as translated messages carry it */
	if (line == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	status = print_escaped(line, 0);
	free(line);
	return status;
}
