/* dispute: walks a buyer whose refund was refused up the escalation ladder. main()
 * handles the global options and hands the rest to the subcommand table. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "dispute/config.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "progress-bar.h"

/* Ctrl-C, kill and a closed terminal end the command as before, but first remove the
 * temporary files it has open: a half-written dossier or evidence copy holds private
 * data, and a partial zip can be read (the attack review recovered case.json from one).
 * SA_RESETHAND restores the default action, so raising the signal again ends the
 * process by it. */
static void
remove_temps_and_die(int sig)
{
	fs_remove_temps();
	raise(sig);
}

static void
clean_up_on_signals(void)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_temps_and_die;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
		struct sigaction old;

		/* A signal ignored by whoever started us (nohup, a background job) stays so. */
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(signals[i], &sa, NULL);
	}
}

int
main(int argc, char **argv)
{
	const struct cmd_entry *entry;
	const char *case_dir = ".";
	int i = 1, quiet = 0;

	i18n_init();
	clean_up_on_signals();
	while (i < argc && argv[i][0] == '-') {
		const char *arg = argv[i];

		/* -C DIR or -CDIR, as git and make take it. */
		if (strncmp(arg, "-C", 2) == 0) {
			if (arg[2] != '\0') {
				case_dir = arg + 2;
				i++;
				continue;
			}
			if (i + 1 == argc) {
				dispute_error(_("-C needs a folder: dispute -C DIR COMMAND"));
				return DISPUTE_USAGE;
			}
			case_dir = argv[i + 1];
			i += 2;
			continue;
		}
		if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0)
			quiet = 1;
		else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			cmd_print_overview(stdout);
			return DISPUTE_OK;
		} else if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
			printf("dispute %s\n", DISPUTE_VERSION);
			return DISPUTE_OK;
		} else {
			dispute_error(_("unknown global option: %s"), arg);
			cmd_print_overview(stderr);
			return DISPUTE_USAGE;
		}
		i++;
	}
	if (i == argc) {
		cmd_print_overview(stderr);
		return DISPUTE_USAGE;
	}
	entry = cmd_find(argv[i]);
	if (entry == NULL) {
		dispute_error(_("unknown command: %s (see `dispute --help`)"), argv[i]);
		return DISPUTE_USAGE;
	}
	dispute_set_quiet(quiet);
	progress_bar_install(quiet);
	return cmd_run(entry, case_dir, argc - i, argv + i);
}
