/* Reading a password without echo and without ever taking it from argv. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

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

/* One line from the terminal with echo off; the terminal is restored even on error. */
static int
prompt(int tty, const char *question, char *buf, size_t len)
{
	struct termios saved, quiet;
	ssize_t n;
	size_t used = 0;
	char ch;

	if (tcgetattr(tty, &saved) == -1)
		return DISPUTE_FAILED;
	quiet = saved;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	/* Echo goes off before the question shows, so nothing typed in answer is echoed. */
	if (tcsetattr(tty, TCSAFLUSH, &quiet) == -1)
		return DISPUTE_FAILED;
	if (write(tty, question, strlen(question)) == -1) {
		tcsetattr(tty, TCSAFLUSH, &saved);
		return DISPUTE_FAILED;
	}
	while ((n = read(tty, &ch, 1)) == 1 && ch != '\n' && ch != '\r')
		if (used + 1 < len)
			buf[used++] = ch;
	buf[used] = '\0';
	tcsetattr(tty, TCSAFLUSH, &saved);
	if (write(tty, "\n", 1) == -1 || n == -1)
		return DISPUTE_FAILED;
	return DISPUTE_OK;
}

static int
from_terminal(int confirm, char **password)
{
	char first[PASSWORD_MAX], second[PASSWORD_MAX];
	int tty, status = DISPUTE_FAILED;

	tty = open("/dev/tty", O_RDWR | O_CLOEXEC);
	if (tty == -1) {
		dispute_error(_("a password is needed: use --password-file FILE or "
		    "DISPUTE_PASSWORD (no terminal to ask on)"));
		return DISPUTE_FAILED;
	}
	if (prompt(tty, _("dossier password: "), first, sizeof first) != DISPUTE_OK ||
	    (confirm && prompt(tty, _("again: "), second, sizeof second) != DISPUTE_OK)) {
		dispute_error(_("cannot read a password from the terminal: %s"), strerror(errno));
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
	close(tty);
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
	else if (env != NULL) {
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
