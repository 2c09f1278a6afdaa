/* Packs the case into a dated dossier: a zip holding a BagIt bag that anyone can check. */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "dispute/case.h"
#include "dispute/clock.h"
#include "dispute/dossier.h"
#include "dispute/report.h"
#include "dispute/validate.h"
#include "password.h"

static const struct cmd_option pack_options[] = {
	{ "output", 'o', 1, "FILE", "write the dossier to FILE (default: "
	  "dispute-<order.id>-<YYYYMMDD>.zip in the current folder)" },
	{ "date", OPT_DATE, 1, "YYYY-MM-DD", "the bagging date (default: today, or "
	  "SOURCE_DATE_EPOCH)" },
	{ "encrypt", OPT_ENCRYPT, 0, NULL, "encrypt the contents with AES-256 (file names stay "
	  "visible); the password comes from --password-file, DISPUTE_PASSWORD or a prompt" },
	{ "password-file", OPT_PASSWORD_FILE, 1, "FILE", "read the password from FILE's first line" },
	{ NULL, 0, 0, NULL, NULL }
};

static int
cmd_pack_exec(struct cmd_ctx *ctx)
{
	struct dossier_options options = { NULL, NULL, NULL };
	struct dispute_case *c = NULL;
	char today[CLOCK_DATE_LEN], reason[VALIDATE_REASON_MAX], *written = NULL;
	char *password = NULL;
	int status = DISPUTE_FAILED;

	if (clock_today(today) != DISPUTE_OK)
		return DISPUTE_FAILED;
	options.output = args_get(ctx, 'o');
	options.date = args_has(ctx, OPT_DATE) ? args_get(ctx, OPT_DATE) : today;
	if (validate_date(options.date, today, reason, sizeof reason) != DISPUTE_OK)
		return cmd_usage_error(ctx, "--date: %s", reason);
	if (args_has(ctx, OPT_PASSWORD_FILE) && !args_has(ctx, OPT_ENCRYPT))
		return cmd_usage_error(ctx, "--password-file goes with --encrypt");
	if (args_has(ctx, OPT_ENCRYPT) &&
	    password_obtain(args_get(ctx, OPT_PASSWORD_FILE), 1, &password) != DISPUTE_OK)
		return DISPUTE_FAILED;
	options.password = password;
	if (case_open(ctx->case_dir, CASE_READ, &c) != DISPUTE_OK)
		goto out;
	if (dossier_write(c, &options, &written) != DISPUTE_OK) {
		dispute_error("no dossier was written");
		goto out;
	}
	/* The path on stdout, so that a script can pick it up. */
	printf("%s\n", written);
	status = DISPUTE_OK;
out:
	password_free(password);
	free(written);
	case_close(c);
	return status;
}

const struct cmd_entry cmd_pack_entry = {
	.name = "pack",
	.usage = "[-o FILE] [--date YYYY-MM-DD] [--encrypt [--password-file FILE]]",
	.summary = "pack the case into a dated, verifiable dossier (a zipped BagIt bag)",
	.details = "Every evidence file is checked against its recorded SHA-256 while it is\n"
	    "packed; a changed or missing file stops the pack and no dossier is written.\n",
	.options = pack_options,
	.min_args = 0,
	.max_args = 0,
	.exec = cmd_pack_exec,
};
