/* The subcommand table and the option parsing every subcommand shares. Each
 * subcommand lives in its own cmd-NAME.c and declares one struct cmd_entry. */
#ifndef DISPUTE_CMD_H
#define DISPUTE_CMD_H

#include <stdio.h>

#include "dispute/calendar.h"
#include "dispute/case.h"
#include "dispute/clock.h"
#include "dispute/courts.h"
#include "dispute/procedure.h"
#include "dispute/rules.h"

/* Options without a short letter get a code above the byte range. */
enum {
	OPT_JSON = 256,
	OPT_PROVES,
	OPT_DATE,
	OPT_UNSET,
	OPT_CSV,
	OPT_ESCAPE,
	OPT_TEMPLATE,
	OPT_TO,
	OPT_LANG,
	OPT_ENCRYPT,
	OPT_PASSWORD_FILE,
	OPT_TSR,
	OPT_PUBLIC,
	OPT_CA,
	OPT_FORCE,
	OPT_DEMAND,
	OPT_CHECKLIST,
	OPT_ICS,
	OPT_PDF,
	OPT_METHOD,
	OPT_DEVICE,
	OPT_APP,
	OPT_SOURCE,
	OPT_COPIES,
	OPT_FORM,
	OPT_GROUP,
	OPT_APPLY,
	OPT_READ,
	OPT_THREADS,
	OPT_CODES_END
};

struct cmd_option {
	const char *long_name;  /* "kind" for --kind */
	int code;               /* 'k' for -k, or an OPT_* code for long-only options */
	int takes_value;
	const char *value_name; /* "KIND", shown in help */
	const char *help;
};

struct cmd_args {
	const char *value[OPT_CODES_END];
	char seen[OPT_CODES_END];
	int count;    /* positional arguments */
	char **list;
};

/* What a command needs before it runs, as git's table says RUN_SETUP: cmd_run()
 * provides it in the context and releases it afterwards, so that a command's exec
 * neither opens nor closes the case. */
enum cmd_needs {
	CMD_TODAY = 1 << 0,      /* ctx->today */
	CMD_CASE_READ = 1 << 1,  /* ctx->c, under a shared lock */
	CMD_CASE_WRITE = 1 << 2, /* ctx->c, under the exclusive lock */
	CMD_RULES = 1 << 3,      /* ctx->rules: the rule table */
	CMD_HOLIDAYS = 1 << 4,   /* ctx->holidays: the shipped and the case's holiday tables */
	CMD_COURTS = 1 << 5,     /* ctx->courts: the court table */
	CMD_WAGES = 1 << 6       /* ctx->wages: the shipped and the case's small-claims limits */
};

struct cmd_ctx {
	const struct cmd_entry *entry;
	const char *case_dir; /* -C DIR, or "." */
	struct cmd_args args;
	unsigned needs;       /* the entry's needs, as its check() left them */
	char today[CLOCK_DATE_LEN];
	struct dispute_case *c;
	struct rules rules;
	struct holiday_table holidays;
	struct court_table courts;
	struct wage_table wages;
};

struct cmd_entry {
	const char *name;
	const char *usage;    /* what follows the name in a usage line */
	const char *summary;  /* one line for `dispute help` */
	const char *details;  /* further lines for `dispute help CMD`, or NULL */
	void (*print_details)(FILE *out); /* generated further lines, or NULL */
	const struct cmd_option *options; /* terminated by a zeroed entry; NULL for none */
	int min_args;
	int max_args;         /* -1: no limit */
	unsigned needs;       /* enum cmd_needs */
	/* Checks the arguments before anything is opened, so that a usage error is told as
	 * such even outside a case; may change ctx->needs and ctx->case_dir (a command whose
	 * arguments decide whether it needs a case). Runs after ctx->today is set. NULL:
	 * nothing to check. */
	int (*check)(struct cmd_ctx *ctx);
	int (*exec)(struct cmd_ctx *ctx);
};

extern const struct cmd_entry *const cmd_table[];

const struct cmd_entry *cmd_find(const char *name);

/* Parses ARGV (ARGV[0] is the subcommand name) against ENTRY's options, provides what
 * ENTRY needs and runs it. Returns the exit status. */
int cmd_run(const struct cmd_entry *entry, const char *case_dir, int argc, char **argv);

/* The overview: usage, commands, global options, exit status. */
void cmd_print_overview(FILE *out);
void cmd_print_usage(const struct cmd_entry *entry, FILE *out);
void cmd_print_help(const struct cmd_entry *entry, FILE *out);

/* The value of option CODE, or NULL when it was not given. */
const char *args_get(const struct cmd_ctx *ctx, int code);
int args_has(const struct cmd_ctx *ctx, int code);

/* Reports a usage error for the running command and returns DISPUTE_USAGE. */
int cmd_usage_error(const struct cmd_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The whole number TEXT from 1 to MAX into *OUT (0 when TEXT is NULL), else a usage
 * error naming WHAT, the option or variable it came from ("--copies"). */
int cmd_whole_number(const struct cmd_ctx *ctx, const char *what, const char *text, long max,
    int *out);

#endif
