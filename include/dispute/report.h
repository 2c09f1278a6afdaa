/* Status codes and the one place where the core reports a problem to the user. */
#ifndef DISPUTE_REPORT_H
#define DISPUTE_REPORT_H

/* Messages are translated where they are written: dispute_error(_("...")). */
#include "dispute/i18n.h"

/* Every fallible function returns one of these; they double as the exit codes
 * documented in the README, so a command can return its status to main(). */
enum dispute_status {
	DISPUTE_OK = 0,
	DISPUTE_FAILED = 1, /* the operation failed or found a problem */
	DISPUTE_USAGE = 2,  /* the command line was wrong */
	DISPUTE_HOLEY = 3   /* verify: the payload present is intact, but fetch.txt lists
			     * files still to be fetched */
};

/* "dispute: MESSAGE\n" on stderr. Messages name the file and the problem,
 * start lowercase and carry no final period. */
void dispute_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "dispute: warning: MESSAGE\n" on stderr; silenced by --quiet. */
void dispute_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Progress and confirmation lines on stderr; silenced by --quiet. */
void dispute_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void dispute_set_quiet(int quiet);

/* Reports that memory ran out; returns DISPUTE_FAILED, for "return dispute_oom();". */
int dispute_oom(void);

/* asprintf() that reports running out of memory, so that callers only check for NULL. */
char *dispute_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
