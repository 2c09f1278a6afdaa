/* Packs the case into a dated dossier: a zip holding a BagIt bag that anyone can check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dispute/dossier.h"
#include "dispute/exhibits.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/validate.h"
#include "password.h"

static const struct cmd_option pack_options[] = {
	{ "output", 'o', 1, "FILE", N_("write the dossier to FILE (default: "
	  "dispute-<order.id>-<YYYYMMDD>.zip in the current folder; \"-\": stdout; a pipe or "
	  "FIFO is written through)") },
	{ "force", OPT_FORCE, 0, NULL, N_("with -o: replace FILE if it exists; with --date before "
	  "the latest timeline entry or evidence intake: pack anyway, with a warning inside the "
	  "dossier") },
	{ "date", OPT_DATE, 1, "YYYY-MM-DD", N_("the bagging date (default: today, or "
	  "SOURCE_DATE_EPOCH)") },
	{ "public", OPT_PUBLIC, 0, NULL, N_("also write the public copy: the public post and the "
	  "defect photos without metadata, as a separate bag (…-public.zip)") },
	{ "encrypt", OPT_ENCRYPT, 0, NULL, N_("encrypt the contents with AES-256 (file names stay "
	  "visible); the password comes from --password-file, DISPUTE_PASSWORD or a prompt") },
	{ "password-file", OPT_PASSWORD_FILE, 1, "FILE",
	  N_("read the password from FILE's first line") },
	{ NULL, 0, 0, NULL, NULL }
};

static int
cmd_pack_check(struct cmd_ctx *ctx)
{
	char reason[VALIDATE_REASON_MAX];

	if (args_has(ctx, OPT_DATE) &&
	    validate_date(args_get(ctx, OPT_DATE), ctx->today, reason, sizeof reason) != DISPUTE_OK)
		return cmd_usage_error(ctx, "--date: %s", reason);
	if (args_has(ctx, OPT_PASSWORD_FILE) && !args_has(ctx, OPT_ENCRYPT))
		return cmd_usage_error(ctx, _("--password-file goes with --encrypt"));
	return DISPUTE_OK;
}

static int
cmd_pack_exec(struct cmd_ctx *ctx)
{
	struct dossier_options options = { NULL };
	struct dossier_inputs inputs;
	const char *date = args_has(ctx, OPT_DATE) ? args_get(ctx, OPT_DATE) : ctx->today;
	char *written = NULL, *password = NULL, *directory = NULL;
	int status = DISPUTE_FAILED;

	memset(&inputs, 0, sizeof inputs);
	options.output = args_get(ctx, 'o');
	options.force = args_has(ctx, OPT_FORCE);
	if (args_has(ctx, OPT_ENCRYPT) &&
	    password_obtain(args_get(ctx, OPT_PASSWORD_FILE), 1, &password) != DISPUTE_OK)
		return DISPUTE_FAILED;
	options.password = password;
	/* Built once: the dossier and its public copy come from the same view and rules. */
	if (dossier_inputs_build(ctx->c, &ctx->rules, &ctx->holidays, date, &inputs) != DISPUTE_OK ||
	    dossier_inputs_check_date(ctx->c, &inputs, args_has(ctx, OPT_FORCE)) != DISPUTE_OK ||
	    (password != NULL && dossier_inputs_seal(&inputs) != DISPUTE_OK) ||
	    dossier_write(ctx->c, &inputs, &options, &written) != DISPUTE_OK) {
		dispute_error(_("no dossier was written"));
		goto out;
	}
	/* The path on stdout, so that a script can pick it up; nothing when the dossier
	 * itself went there. */
	if (written != NULL)
		printf("%s\n", written);
	/* The dossier cites the exhibit numbers: from now on they stay. Only once it is
	 * written, so that a pack that fails or is interrupted leaves case.json as it was. */
	exhibits_fix_or_warn(ctx->c, "pack");
	if (args_has(ctx, OPT_PUBLIC)) {
		/* Beside the dossier, never encrypted: it is meant to be shown. */
		directory = written != NULL ? path_dirname(written) : strdup(".");
		free(written);
		written = NULL;
		options.public_copy = 1;
		options.password = NULL;
		options.output = NULL;
		options.directory = directory != NULL && strcmp(directory, ".") == 0 ? NULL : directory;
		if (directory == NULL || dossier_write(ctx->c, &inputs, &options, &written) != DISPUTE_OK) {
			dispute_error(_("no public copy was written"));
			goto out;
		}
		printf("%s\n", written);
	}
	status = DISPUTE_OK;
out:
	free(directory);
	password_free(password);
	free(written);
	dossier_inputs_free(&inputs);
	return status;
}

const struct cmd_entry cmd_pack_entry = {
	.name = "pack",
	.usage = "[-o FILE [--force]] [--date YYYY-MM-DD] [--public] [--encrypt [--password-file FILE]]",
	.summary = N_("pack the case into a dated, verifiable dossier (a zipped BagIt bag)"),
	.details = N_("Every evidence file is checked against its recorded SHA-256 while it is\n"
	    "packed; a changed or missing file stops the pack and no dossier is written.\n"),
	.options = pack_options,
	.min_args = 0,
	.max_args = 0,
	.needs = CMD_TODAY | CMD_CASE_WRITE | CMD_RULES | CMD_HOLIDAYS,
	.check = cmd_pack_check,
	.exec = cmd_pack_exec,
};
