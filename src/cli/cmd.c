/* The table of subcommands and the shared option parser: a subcommand's exec function
 * reads its options through args_get()/args_has() and never parses argv itself. */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_set_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_add_evidence_entry;
extern const struct cmd_entry cmd_rm_evidence_entry;
extern const struct cmd_entry cmd_renumber_entry;
extern const struct cmd_entry cmd_read_entry;
extern const struct cmd_entry cmd_log_entry;
extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_claim_entry;
extern const struct cmd_entry cmd_court_entry;
extern const struct cmd_entry cmd_draft_entry;
extern const struct cmd_entry cmd_render_entry;
extern const struct cmd_entry cmd_pack_entry;
extern const struct cmd_entry cmd_verify_entry;
extern const struct cmd_entry cmd_timestamp_entry;
extern const struct cmd_entry cmd_help_entry;

/* In the order a buyer uses them; `dispute help` lists them in this order. */
const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_set_entry,
	&cmd_show_entry,
	&cmd_add_evidence_entry,
	&cmd_rm_evidence_entry,
	&cmd_renumber_entry,
	&cmd_read_entry,
	&cmd_log_entry,
	&cmd_status_entry,
	&cmd_claim_entry,
	&cmd_court_entry,
	&cmd_draft_entry,
	&cmd_render_entry,
	&cmd_pack_entry,
	&cmd_verify_entry,
	&cmd_timestamp_entry,
	&cmd_help_entry,
	NULL
};

/* Every command takes -h/--help; it is handled here, not by each command. */
static const struct cmd_option help_option = { "help", 'h', 0, NULL, N_("show this help") };

const struct cmd_entry *
cmd_find(const char *name)
{
	int i;

	for (i = 0; cmd_table[i] != NULL; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

static size_t
option_count(const struct cmd_entry *entry)
{
	size_t n = 0;

	while (entry->options != NULL && entry->options[n].long_name != NULL)
		n++;
	return n;
}

void
cmd_print_overview(FILE *out)
{
	int i;

	fputs(_("usage: dispute [-C DIR] [-q] COMMAND [ARGS]\n\n"
	    "Keeps the evidence, the timeline and the letters of a consumer dispute in a case\n"
	    "folder and packs them into a verifiable dossier.\n\ncommands:\n"), out);
	for (i = 0; cmd_table[i] != NULL; i++)
		fprintf(out, "  %-14s %s\n", cmd_table[i]->name, _(cmd_table[i]->summary));
	fputs(_("\nglobal options:\n"
	    "  -C DIR         work on the case in DIR instead of the current folder\n"
	    "  -q, --quiet    print nothing but errors\n"
	    "  -h, --help     show this help; `dispute help COMMAND` for one command\n"
	    "  -V, --version  show the version\n"
	    "\nexit status: 0 success, 1 the operation failed or found a problem, 2 usage error\n"), out);
	fputs(_("exit status 3: verify found a holey bag, its payload present verified but "
	    "files still to fetch\n"), out);
}

void
cmd_print_usage(const struct cmd_entry *entry, FILE *out)
{
	fprintf(out, _("usage: dispute %s%s%s\n"), entry->name, entry->usage[0] != '\0' ? " " : "",
	    entry->usage);
}

static void
print_option(const struct cmd_option *o, FILE *out)
{
	char left[64];

	if (o->code < 256)
		snprintf(left, sizeof left, "-%c, --%s%s%s", o->code, o->long_name,
		    o->takes_value ? " " : "", o->takes_value ? o->value_name : "");
	else
		snprintf(left, sizeof left, "    --%s%s%s", o->long_name, o->takes_value ? " " : "",
		    o->takes_value ? o->value_name : "");
	fprintf(out, "  %-26s %s\n", left, _(o->help));
}

void
cmd_print_help(const struct cmd_entry *entry, FILE *out)
{
	size_t i, n = option_count(entry);

	cmd_print_usage(entry, out);
	fprintf(out, "\n%s\n", _(entry->summary));
	if (entry->details != NULL)
		fprintf(out, "\n%s", _(entry->details));
	if (entry->print_details != NULL) {
		fputc('\n', out);
		entry->print_details(out);
	}
	fputs(_("\noptions:\n"), out);
	for (i = 0; i < n; i++)
		print_option(&entry->options[i], out);
	print_option(&help_option, out);
}

int
cmd_usage_error(const struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "dispute %s: ", ctx->entry->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cmd_print_usage(ctx->entry, stderr);
	return DISPUTE_USAGE;
}

int
cmd_whole_number(const struct cmd_ctx *ctx, const char *what, const char *text, long max,
    int *out)
{
	char *end;
	long n;

	*out = 0;
	if (text == NULL)
		return DISPUTE_OK;
	n = strtol(text, &end, 10);
	if (text[0] < '0' || text[0] > '9' || *end != '\0' || n < 1 || n > max)
		return cmd_usage_error(ctx, _("%s: \"%s\" is not a whole number from 1 to %ld"),
		    what, text, max);
	*out = (int)n;
	return DISPUTE_OK;
}

/* Builds the getopt_long tables from ENTRY's options (plus -h). */
static int
build_getopt(const struct cmd_entry *entry, char **shortopts, struct option **longopts)
{
	size_t i, n = option_count(entry), used = 0;
	char *s = malloc(2 * n + 4);
	struct option *l = calloc(n + 2, sizeof *l);

	if (s == NULL || l == NULL) {
		free(s);
		free(l);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	/* ':' first: a missing value is told apart from an unknown option. */
	s[used++] = ':';
	for (i = 0; i <= n; i++) {
		const struct cmd_option *o = i < n ? &entry->options[i] : &help_option;

		l[i].name = o->long_name;
		l[i].has_arg = o->takes_value ? required_argument : no_argument;
		l[i].val = o->code;
		if (o->code < 256) {
			s[used++] = (char)o->code;
			if (o->takes_value)
				s[used++] = ':';
		}
	}
	s[used] = '\0';
	*shortopts = s;
	*longopts = l;
	return DISPUTE_OK;
}

/* The argument that getopt_long just matched to long option O. */
static const char *
option_token(char **argv, const struct option *o)
{
	if (o->has_arg != no_argument && optarg != NULL && optarg == argv[optind - 1])
		return argv[optind - 2];
	return argv[optind - 1];
}

/* getopt_long accepts any unambiguous prefix ("--password" for "--password-file"); a
 * script's options must mean exactly what they say, so only full names are taken. */
static int
typed_in_full(char **argv, const struct option *o)
{
	const char *token = option_token(argv, o);
	size_t n = strlen(o->name);

	return strncmp(token, "--", 2) == 0 && strncmp(token + 2, o->name, n) == 0 &&
	    (token[2 + n] == '\0' || token[2 + n] == '=');
}

/* Checks the arguments, provides what the command needs, runs it and releases it all. */
static int
run_with_needs(struct cmd_ctx *ctx)
{
	const struct cmd_entry *entry = ctx->entry;
	int status;

	ctx->needs = entry->needs;
	if ((ctx->needs & CMD_TODAY) && clock_today(ctx->today) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (entry->check != NULL && (status = entry->check(ctx)) != DISPUTE_OK)
		return status;
	status = DISPUTE_FAILED;
	if ((ctx->needs & (CMD_CASE_READ | CMD_CASE_WRITE)) && case_open(ctx->case_dir,
	    (ctx->needs & CMD_CASE_WRITE) ? CASE_WRITE : CASE_READ, &ctx->c) != DISPUTE_OK)
		goto out;
	if ((ctx->needs & CMD_RULES) && rules_load_default(&ctx->rules) != DISPUTE_OK)
		goto out;
	if ((ctx->needs & CMD_HOLIDAYS) &&
	    holidays_load_default(&ctx->holidays, ctx->case_dir) != DISPUTE_OK)
		goto out;
	if ((ctx->needs & CMD_COURTS) && courts_load_default(&ctx->courts) != DISPUTE_OK)
		goto out;
	if ((ctx->needs & CMD_WAGES) &&
	    wages_load_default(&ctx->wages, ctx->case_dir) != DISPUTE_OK)
		goto out;
	status = entry->exec(ctx);
out:
	wages_free(&ctx->wages);
	courts_free(&ctx->courts);
	holidays_free(&ctx->holidays);
	rules_free(&ctx->rules);
	case_close(ctx->c);
	ctx->c = NULL;
	return status;
}

int
cmd_run(const struct cmd_entry *entry, const char *case_dir, int argc, char **argv)
{
	struct cmd_ctx ctx;
	struct option *longopts = NULL;
	char *shortopts = NULL;
	int c, status, longindex = -1;

	memset(&ctx, 0, sizeof ctx);
	ctx.entry = entry;
	ctx.case_dir = case_dir;
	if (build_getopt(entry, &shortopts, &longopts) != DISPUTE_OK)
		return DISPUTE_FAILED;
	opterr = 0;
	optind = 1;
	status = -1;
	while (status == -1 &&
	    (c = getopt_long(argc, argv, shortopts, longopts, &longindex)) != -1) {
		if (longindex >= 0 && !typed_in_full(argv, &longopts[longindex])) {
			status = cmd_usage_error(&ctx, _("unknown option %s (options must be "
			    "written in full: --%s)"), option_token(argv, &longopts[longindex]),
			    longopts[longindex].name);
		} else if (c == 'h') {
			cmd_print_help(entry, stdout);
			status = DISPUTE_OK;
		} else if (c == '?' || c == ':') {
			if (optopt != 0 && optopt < 256)
				status = cmd_usage_error(&ctx,
				    _("unknown option or missing value: -%c"), optopt);
			else
				status = cmd_usage_error(&ctx,
				    _("unknown option or missing value: %s"), argv[optind - 1]);
		} else {
			ctx.args.seen[c] = 1;
			ctx.args.value[c] = optarg;
		}
		longindex = -1;
	}
	if (status == -1) {
		ctx.args.count = argc - optind;
		ctx.args.list = argv + optind;
		if (ctx.args.count < entry->min_args)
			status = cmd_usage_error(&ctx, _("too few arguments"));
		else if (entry->max_args >= 0 && ctx.args.count > entry->max_args)
			status = cmd_usage_error(&ctx, _("too many arguments"));
		else
			status = run_with_needs(&ctx);
	}
	free(shortopts);
	free(longopts);
	return status;
}

const char *
args_get(const struct cmd_ctx *ctx, int code)
{
	return ctx->args.value[code];
}

int
args_has(const struct cmd_ctx *ctx, int code)
{
	return ctx->args.seen[code];
}
