/* Reading a password without echo and without ever taking it from argv. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bsd/readpassphrase.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "password.h"

#define PASSWORD_MAX 1024

void
password_free(char *password)
{
	if (password == NULL)
		return;
	explicit_bzero(password, strlen(password));
	free(password);
}

/* The first line of PATH, without its line ending. */
static int
from_file(const char *path, char **password)
{
	char *text = NULL;
	size_t len;

	if (fs_read_file(path, PASSWORD_MAX, &text, &len) != DISPUTE_OK)
		return DISPUTE_FAILED;
	text[strcspn(text, "\r\n")] = '\0';
	*password = text;
	return DISPUTE_OK;
}

/* One line from the terminal with echo off, read by libbsd's readpassphrase(3), which
 * restores the terminal when Ctrl-C, Ctrl-Z or a signal such as SIGTERM interrupts the
 * question, before the signal takes its course. BUF holds PASSWORD_MAX + 2 bytes, so
 * that a longer answer, which readpassphrase would cut short, fills it and is refused
 * rather than taken in part. */
static int
prompt(const char *question, char *buf, size_t len, int *too_long)
{
	if (readpassphrase(question, buf, len, RPP_REQUIRE_TTY) == NULL)
		return DISPUTE_FAILED;
	*too_long = strlen(buf) > PASSWORD_MAX;
	return DISPUTE_OK;
}

static int
from_terminal(int confirm, char **password)
{
	char first[PASSWORD_MAX + 2], second[PASSWORD_MAX + 2];
	int too_long = 0, status = DISPUTE_FAILED;

	if (prompt(_("dossier password: "), first, sizeof first, &too_long) != DISPUTE_OK ||
	    (!too_long && confirm &&
	    prompt(_("again: "), second, sizeof second, &too_long) != DISPUTE_OK)) {
		if (errno == ENOTTY || errno == ENXIO || errno == ENOENT)
			dispute_error(_("a password is needed: use --password-file FILE or "
			    "DISPUTE_PASSWORD (no terminal to ask on)"));
		else
			dispute_error(_("cannot read a password from the terminal: %s"),
			    strerror(errno));
		goto out;
	}
	if (too_long) {
		dispute_error(_("the password is longer than %d bytes; nothing was written"),
		    PASSWORD_MAX);
		goto out;
	}
	if (confirm && strcmp(first, second) != 0) {
		dispute_error(_("the two passwords differ; nothing was written"));
		goto out;
	}
	*password = strdup(first);
	if (*password == NULL)
		dispute_error(_("out of memory"));
	else
		status = DISPUTE_OK;
out:
	explicit_bzero(first, sizeof first);
	explicit_bzero(second, sizeof second);
	return status;
}

int
password_obtain(const char *password_file, int confirm, char **password)
{
	const char *env = getenv("DISPUTE_PASSWORD");
	int status;

	*password = NULL;
	if (password_file != NULL)
		status = from_file(password_file, password);
	else if (env != NULL && strlen(env) > PASSWORD_MAX) {
		dispute_error(_("DISPUTE_PASSWORD is longer than %d bytes"), PASSWORD_MAX);
		status = DISPUTE_FAILED;
	} else if (env != NULL) {
		*password = strdup(env);
		status = *password != NULL ? DISPUTE_OK : DISPUTE_FAILED;
	} else
		status = from_terminal(confirm, password);
	if (status == DISPUTE_OK && (*password)[0] == '\0') {
		dispute_error(_("the password is empty"));
		password_free(*password);
		*password = NULL;
		status = DISPUTE_FAILED;
	}
	return status;
}
