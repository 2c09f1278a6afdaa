/* Checks a dossier (any zipped BagIt bag, or a bag folder) or, with no argument, the
 * case folder itself, and prints one line per problem. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "dispute/bag.h"
#include "dispute/case-verify.h"
#include "dispute/case.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/stamps.h"
#include "dispute/timestamp.h"
#include "password.h"
#include "print-line.h"

static const struct cmd_option verify_options[] = {
	{ "json", OPT_JSON, 0, NULL, N_("print the result as JSON") },
	{ "tsr", OPT_TSR, 1, "REPLY",
	  N_("check an RFC 3161 timestamp reply against the dossier's tag manifest") },
	{ "ca", OPT_CA, 1, "CERTS",
	  N_("PEM certificates the timestamp authority must chain to, for --tsr and the "
	     "evidence's timestamps") },
	{ "password-file", OPT_PASSWORD_FILE, 1, "FILE",
	  N_("password of an encrypted dossier (else DISPUTE_PASSWORD, else a prompt)") },
	{ "threads", OPT_THREADS, 1, "N",
	  N_("hash a dossier's files on N threads (else DISPUTE_THREADS, else one per core)") },
	{ NULL, 0, 0, NULL, NULL }
};

/* The hashing threads asked for into *THREADS: --threads, else DISPUTE_THREADS, else 0
 * (one per online core). A value that is not a count is a usage error either way: a
 * script that sets one means it. */
static int
threads_wanted(const struct cmd_ctx *ctx, int *threads)
{
	const char *env = getenv("DISPUTE_THREADS");

	if (args_has(ctx, OPT_THREADS))
		return cmd_whole_number(ctx, "--threads", args_get(ctx, OPT_THREADS),
		    BAG_THREADS_MAX, threads);
	return cmd_whole_number(ctx, "DISPUTE_THREADS", env != NULL && env[0] != '\0' ? env :
	    NULL, BAG_THREADS_MAX, threads);
}

/* Files fetch.txt lists that the bag lacks, when they are all that keeps it from being
 * intact: a holey bag (RFC 8493 §2.2.3) whose payload present verified. 0 otherwise. */
static size_t
to_fetch(const struct bag_report *r)
{
	for (size_t i = 0; i < r->problem_count; i++)
		if (r->problems[i].kind != BAG_INCOMPLETE)
			return 0;
	return r->problem_count;
}

/* Each item's earliest proven time, its reply, or the request still waiting. */
static void
add_stamps_json(cJSON *root, const struct stamp_report *stamps)
{
	cJSON *list = cJSON_AddArrayToObject(root, "timestamps");

	/* As in the text: a case or bag without any request lists no item. */
	for (size_t i = 0; list != NULL && stamps->requests > 0 && i < stamps->count; i++) {
		const struct stamp_proof *p = &stamps->items[i];
		cJSON *item = cJSON_CreateObject();

		cJSON_AddItemToArray(list, item);
		cJSON_AddStringToObject(item, "id", p->id);
		cJSON_AddStringToObject(item, "file", p->file);
		if (p->when[0] != '\0')
			cJSON_AddStringToObject(item, "proven", p->when);
		else
			cJSON_AddNullToObject(item, "proven");
		if (p->reply != NULL)
			cJSON_AddStringToObject(item, "reply", p->reply);
		if (p->pending != NULL)
			cJSON_AddStringToObject(item, "pending", p->pending);
	}
}

static int
print_json(const char *target, const struct bag_report *r, const struct stamp_report *stamps)
{
	cJSON *root = cJSON_CreateObject(), *problems, *uncovered, *warnings;
	char *text = NULL;
	size_t i;
	int status = DISPUTE_FAILED;

	if (root == NULL)
		goto out;
	cJSON_AddStringToObject(root, "schema", "dispute-verify/2");
	cJSON_AddStringToObject(root, "target", target);
	cJSON_AddBoolToObject(root, "intact", r->problem_count == 0);
	cJSON_AddNumberToObject(root, "to_fetch", (double)to_fetch(r));
	if (r->version != NULL)
		cJSON_AddStringToObject(root, "bagit_version", r->version);
	if (r->algorithms != NULL)
		cJSON_AddStringToObject(root, "algorithms", r->algorithms);
	cJSON_AddNumberToObject(root, "payload_files", (double)r->payload_files);
	cJSON_AddNumberToObject(root, "payload_bytes", (double)r->payload_bytes);
	uncovered = cJSON_AddArrayToObject(root, "uncovered");
	for (i = 0; uncovered != NULL && i < r->uncovered_count; i++)
		cJSON_AddItemToArray(uncovered, cJSON_CreateString(r->uncovered[i]));
	problems = cJSON_AddArrayToObject(root, "problems");
	for (i = 0; problems != NULL && i < r->problem_count; i++) {
		cJSON *p = cJSON_CreateObject();

		cJSON_AddItemToArray(problems, p);
		cJSON_AddStringToObject(p, "kind", bag_problem_name(r->problems[i].kind));
		if (r->problems[i].path != NULL)
			cJSON_AddStringToObject(p, "path", r->problems[i].path);
		if (r->problems[i].file != NULL) {
			cJSON_AddStringToObject(p, "file", r->problems[i].file);
			cJSON_AddNumberToObject(p, "line", r->problems[i].line);
		}
		cJSON_AddStringToObject(p, "detail", r->problems[i].detail);
	}
	warnings = cJSON_AddArrayToObject(root, "warnings");
	for (i = 0; warnings != NULL && i < r->warning_count; i++) {
		cJSON *w = cJSON_CreateObject();

		cJSON_AddItemToArray(warnings, w);
		cJSON_AddStringToObject(w, "kind", bag_warning_name(r->warnings[i].kind));
		cJSON_AddStringToObject(w, "path", r->warnings[i].path);
		if (r->warnings[i].line > 0)
			cJSON_AddNumberToObject(w, "line", r->warnings[i].line);
		cJSON_AddStringToObject(w, "detail", r->warnings[i].detail);
	}
	add_stamps_json(root, stamps);
	text = cJSON_Print(root);
	if (text == NULL)
		goto out;
	printf("%s\n", text);
	status = DISPUTE_OK;
out:
	if (status != DISPUTE_OK)
		dispute_error(_("out of memory"));
	cJSON_free(text);
	cJSON_Delete(root);
	return status;
}

/* Problem paths and details quote the entry names and the tag files of a dossier that
 * may be hostile (a name with a line break could forge an "intact" line): every line
 * goes through print_line(). */
/* A line per item once some reply vouches for something; before that, one note. */
static int
print_stamps(const struct stamp_report *stamps)
{
	int status = DISPUTE_OK;

	if (stamps->replies == 0 && stamps->requests > 0)
		dispute_notice(_("%zu timestamp request(s) without a reply yet; `dispute timestamp "
		    "send URL` sends them"), stamps->requests);
	for (size_t i = 0; stamps->replies > 0 && i < stamps->count; i++) {
		const struct stamp_proof *p = &stamps->items[i];

		if (p->when[0] != '\0')
			status |= print_line(_("%s %s: existed by %s (timestamp %s)\n"), p->id,
			    p->file, p->when, p->reply);
		else if (p->pending != NULL)
			status |= print_line(_("%s %s: no proven time yet; its request %s has no "
			    "reply\n"), p->id, p->file, p->pending);
		else
			status |= print_line(_("%s %s: no proven time; no timestamp covers it\n"),
			    p->id, p->file);
	}
	return status;
}

static int
print_human(const char *target, const struct bag_report *r, const struct stamp_report *stamps)
{
	size_t i;
	int status = print_stamps(stamps);

	for (i = 0; i < r->uncovered_count; i++)
		status |= print_line(_("note: %s: a tag file that no tag manifest covers\n"),
		    r->uncovered[i]);
	for (i = 0; i < r->problem_count; i++)
		status |= r->problems[i].path != NULL ?
		    print_line(_("%s: %s: %s"), _(bag_problem_name(r->problems[i].kind)),
			r->problems[i].path, r->problems[i].shown) :
		    print_line(_("%s: %s"), _(bag_problem_name(r->problems[i].kind)),
			r->problems[i].shown);
	for (i = 0; i < r->warning_count; i++)
		status |= r->warnings[i].line > 0 ?
		    print_line(_("warning: %s:%u: %s\n"), r->warnings[i].path,
			r->warnings[i].line, r->warnings[i].shown) :
		    print_line(_("warning: %s: %s\n"), r->warnings[i].path, r->warnings[i].shown);
	if (r->problem_count == 0)
		status |= print_line(_("%s: intact, %zu payload files, %ju bytes%s%s%s%s%s\n"),
		    target, r->payload_files, (uintmax_t)r->payload_bytes,
		    r->version != NULL ? " (BagIt " : "", r->version != NULL ? r->version : "",
		    r->algorithms != NULL ? ", " : "", r->algorithms != NULL ? r->algorithms : "",
		    r->version != NULL ? ")" : "");
	else if (to_fetch(r) > 0)
		status |= print_line(_("%s: payload present and verified; %zu files to fetch "
		    "(%zu payload files, %ju bytes verified)\n"), target, to_fetch(r),
		    r->payload_files, (uintmax_t)r->payload_bytes);
	else
		status |= print_line(_("%s: NOT intact, %zu problem(s)\n"), target,
		    r->problem_count);
	return status;
}

/* The reply is judged against the tag manifest in the dossier; a mismatch is one more
 * problem of the dossier, so the verdict and the exit status cover it. */
static int
check_timestamp(const struct cmd_ctx *ctx, const char *target, const char *password,
    struct bag_report *report)
{
	char *tags = NULL, when[64];
	size_t len;
	int status;

	if (report->root == NULL)
		return bag_add_problem(report, BAG_MALFORMED, NULL,
		    "no bag folder to check the timestamp against");
	if (bag_zip_read_tag(target, password, report->root, "tagmanifest-sha256.txt", &tags,
	    &len) != DISPUTE_OK)
		return bag_add_problem(report, BAG_MALFORMED, "tagmanifest-sha256.txt",
		    "missing, so the timestamp cannot be checked");
	if (timestamp_check_reply(args_get(ctx, OPT_TSR), args_get(ctx, OPT_CA), tags, len, when,
	    sizeof when) == DISPUTE_OK) {
		dispute_notice(_("%s: the timestamp authority vouches that this dossier existed at "
		    "%s%s"), args_get(ctx, OPT_TSR), when, args_has(ctx, OPT_CA) ? "" :
		    _(" (signature not checked: give --ca CERTS)"));
		status = DISPUTE_OK;
	} else
		status = bag_add_problem(report, BAG_ALTERED, "tagmanifest-sha256.txt",
		    "does not match the timestamp reply %s", args_get(ctx, OPT_TSR));
	free(tags);
	return status;
}

static int
folder_holds(const char *folder, const char *name)
{
	char *file = path_join(folder, name);
	int found = file != NULL && access(file, F_OK) == 0;

	free(file);
	return found;
}

/* A folder holding case.json is a case, unless it holds bagit.txt: a bag is judged as
 * a bag whatever else lies beside it, so that dropping a case.json into a tampered bag
 * cannot turn the verdict into the case check's. Anything else is judged as a bag. */
static int
is_case_folder(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1 || !S_ISDIR(st.st_mode))
		return 0;
	return folder_holds(path, CASE_FILE) && !folder_holds(path, "bagit.txt");
}

/* A case folder is opened and locked like any case; anything else is judged as a bag. */
static int
cmd_verify_check(struct cmd_ctx *ctx)
{
	int threads;

	if (threads_wanted(ctx, &threads) != DISPUTE_OK)
		return DISPUTE_USAGE;
	if (ctx->args.count > 0)
		ctx->case_dir = ctx->args.list[0];
	if (is_case_folder(ctx->case_dir))
		ctx->needs |= CMD_CASE_READ;
	return DISPUTE_OK;
}

static int
cmd_verify_exec(struct cmd_ctx *ctx)
{
	const char *target = ctx->case_dir;
	struct bag_report report;
	struct stamp_report stamps = { NULL, 0, 0, 0 };
	char *password = NULL;
	int status, encrypted = 0, threads;

	memset(&report, 0, sizeof report);
	if (threads_wanted(ctx, &threads) != DISPUTE_OK)
		return DISPUTE_USAGE;
	if (ctx->c != NULL) {
		status = case_verify(ctx->c, &report);
		if (status == DISPUTE_OK)
			status = stamps_verify_case(ctx->c, args_get(ctx, OPT_CA), &stamps, &report);
	} else {
		status = bag_zip_is_encrypted(target, &encrypted);
		if (status == DISPUTE_OK && encrypted)
			status = password_obtain(args_get(ctx, OPT_PASSWORD_FILE), 0, &password);
		if (status == DISPUTE_OK)
			status = bag_verify_encrypted(target, password, (unsigned)threads, &report);
		if (status == DISPUTE_OK && args_has(ctx, OPT_TSR))
			status = check_timestamp(ctx, target, password, &report);
		/* A zipped dossier carries the evidence's timestamps, their lists matched
		 * against its SHA-256 manifest; a bag folder, or a bag without that manifest,
		 * comes from elsewhere. */
		if (status == DISPUTE_OK && report.root != NULL && report.algorithms != NULL &&
		    strstr(report.algorithms, "sha256") != NULL)
			status = stamps_verify_bag(target, password, report.root,
			    args_get(ctx, OPT_CA), &stamps, &report);
		password_free(password);
	}
	if (status == DISPUTE_OK && stamps.replies > 0 && !args_has(ctx, OPT_CA))
		dispute_notice(_("the timestamps' signatures were not checked: give --ca CERTS"));
	if (status == DISPUTE_OK) {
		if (args_has(ctx, OPT_JSON))
			status = print_json(target, &report, &stamps);
		else
			status = print_human(target, &report, &stamps);
		if (status == DISPUTE_OK && report.problem_count > 0)
			status = to_fetch(&report) > 0 ? DISPUTE_HOLEY : DISPUTE_FAILED;
	}
	stamp_report_free(&stamps);
	bag_report_free(&report);
	return status;
}

const struct cmd_entry cmd_verify_entry = {
	.name = "verify",
	.usage = "[--json] [--tsr REPLY] [--ca CERTS] [--threads N] "
	    "[DOSSIER.zip | BAG-FOLDER | CASE-FOLDER]",
	.summary = N_("check that a dossier or the case folder is intact"),
	.details = N_("Judges any BagIt 0.97 or 1.0 bag zipped with one top-level folder: every\n"
	    "manifest line, unlisted files, Payload-Oxum and the tag manifests. Exit 0 when\n"
	    "intact, 1 with one line per problem when not, 3 when the payload present is\n"
	    "intact but fetch.txt lists files still to be fetched. The timestamps that\n"
	    "add-evidence requested are checked too, and each item's earliest proven time is\n"
	    "printed. A dossier's or bag's files are hashed in parallel, one thread per core\n"
	    "(--threads N or DISPUTE_THREADS=N to choose), the largest first; the output is\n"
	    "the same whatever the number.\n"),
	.options = verify_options,
	.min_args = 0,
	.max_args = 1,
	.check = cmd_verify_check,
	.exec = cmd_verify_exec,
};
