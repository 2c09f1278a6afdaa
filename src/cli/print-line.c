/* Human output of names and texts that the program did not write itself. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/terminal.h"
#include "print-line.h"

int
print_line(const char *fmt, ...)
{
	char *line = NULL, *shown = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&line, fmt, ap);
	va_end(ap);
	if (n == -1)
		line = NULL;
	else if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0'; /* the line's own end, as translated messages carry it */
	shown = line != NULL ? text_for_terminal(line, 0) : NULL;
	free(line);
	if (shown == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	printf("%s\n", shown);
	free(shown);
	return DISPUTE_OK;
}
