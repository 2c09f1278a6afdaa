/* Helper programs: the parts of dispute that need a heavy library (GdkPixbuf, FFmpeg,
 * Poppler, Pango and Cairo, Tesseract, libical, libcurl) are separate programs,
 * dispute-NAME, run on demand as git runs its helpers. A command that needs none of
 * them never loads those libraries, and a decoder that a hostile file crashes or
 * exhausts dies alone, inside the resource limits it was started with, without
 * reaching the case.
 *
 * A helper reads its request from stdin and writes its answer to stdout; messages go
 * to stderr, which it shares with dispute. For work on many items the answer is a
 * series of replies (helper_batch): each is one line of JSON, its header, naming the
 * item it answers ("item", the index in the request) and the length of the bytes that
 * follow it ("payload"), then those bytes. */
#ifndef DISPUTE_HELPER_H
#define DISPUTE_HELPER_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

/* What a helper may use. Zero members take the defaults below. */
struct helper_limits {
	uint64_t memory_bytes;  /* address space (RLIMIT_AS) */
	unsigned cpu_seconds;   /* processor time (RLIMIT_CPU) */
	uint64_t file_bytes;    /* largest file it may write (RLIMIT_FSIZE), its stdout too */
};
#define HELPER_MEMORY_DEFAULT ((uint64_t)1024 * 1024 * 1024)
#define HELPER_CPU_DEFAULT 60
#define HELPER_FILE_DEFAULT ((uint64_t)4 * 1024 * 1024 * 1024)

struct helper_call {
	const char *name;             /* "dispute-image" */
	const char *const *args;      /* its arguments, NULL-terminated; may be NULL */
	const void *input;            /* written to its stdin, then closed; may be NULL */
	size_t input_len;
	/* Its stdout: into OUTPUT_FD when that is >= 0 (a file being written), else
	 * handed to ON_OUTPUT as it comes, in pieces of any size. */
	int output_fd;
	int (*on_output)(const char *data, size_t len, void *ctx);
	void *ctx;
	struct helper_limits limits;
};

/* Where helper NAME is: $DISPUTE_HELPERDIR, then the installed libexec folder, then,
 * for builds that run from their build tree, the build's helpers/ folder. The
 * malloc'd path, or NULL (after reporting) when it is nowhere: a helper the system
 * lacks is an error to the caller, not a crash. */
char *helper_find(const char *name);

/* 1 when helper NAME is found where helper_find() looks, 0 otherwise; says nothing: for
 * a caller that works on without it, after a warning of its own. */
int helper_installed(const char *name);

/* Runs CALL to its end. DISPUTE_OK when it exited with status 0. DISPUTE_FAILED after
 * one error when it could not be started or exited otherwise (it said why on stderr).
 * When it was stopped by a signal or by one of its limits, a crash the caller may work
 * around, or could not be started (exit status 127: a library it needs is missing),
 * DISPUTE_FAILED too: with DIED (DIED_LEN bytes) given, the reason goes there
 * and nothing is reported; otherwise it is reported. ON_OUTPUT failing stops the helper
 * and fails. */
#define HELPER_WHY_MAX 160
int helper_run(const struct helper_call *call, char *died, size_t died_len);

/* The reply to one item of a batch: its header (the JSON line) and its payload. */
typedef int (*helper_reply_fn)(size_t item, const cJSON *header, const char *payload,
    size_t len, void *ctx);
/* An item the helper did not answer because it died on it (WHY says how). */
typedef int (*helper_lost_fn)(size_t item, const char *why, void *ctx);

/* Sends helper NAME the request {"command": COMMAND, "items": ITEMS} and hands each
 * reply to ON_REPLY. When the helper dies on an item, that item goes to ON_LOST and the
 * helper is started again on the items after it, so that one hostile file costs only
 * its own result. LIMITS apply to each start; its cpu_seconds, when given, is a budget
 * per item, so that a long batch is not cut short and a runaway item soon is. */
int helper_batch(const char *name, const char *command, const cJSON *items,
    const struct helper_limits *limits, helper_reply_fn on_reply, helper_lost_fn on_lost,
    void *ctx);

/* Makes item INDEX of a request: a new JSON object, or NULL when memory runs out. */
typedef cJSON *(*helper_item_fn)(size_t index, void *ctx);

/* helper_batch() on the COUNT items MAKE_ITEM makes, CTX going to every callback:
 * DISPUTE_OK at once when COUNT is 0, DISPUTE_FAILED after one error when memory runs
 * out. */
int helper_batch_made(const char *name, const char *command, size_t count,
    helper_item_fn make_item, const struct helper_limits *limits, helper_reply_fn on_reply,
    helper_lost_fn on_lost, void *ctx);

#endif
