/* Running the helper programs (helper.h): found like the data files, started with
 * resource limits in a child process of their own, fed their request through a socket
 * (so that a helper that stops reading cannot kill dispute with SIGPIPE), and their
 * answer read as it comes. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dispute/config.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "helper.h"

/* Only builds meant to run from their build tree know where it puts the helpers. */
#ifndef DISPUTE_BUILD_HELPERDIR
#define DISPUTE_BUILD_HELPERDIR NULL
#endif

#define HELPER_CHUNK (64 * 1024)
#define HELPER_ARGS_MAX 16

static char *
locate(const char *name, int *oom)
{
	const char *dirs[3] = { getenv("DISPUTE_HELPERDIR"), DISPUTE_INSTALLED_HELPERDIR,
	    DISPUTE_BUILD_HELPERDIR };

	return path_find(dirs, 3, name, X_OK, oom);
}

int
helper_installed(const char *name)
{
	int oom;
	char *path = locate(name, &oom);

	free(path);
	return path != NULL;
}

char *
helper_find(const char *name)
{
	int oom;
	char *path = locate(name, &oom);

	if (path == NULL && !oom)
		dispute_error(_("%s: the helper program is not installed (looked in "
		    "$DISPUTE_HELPERDIR and %s)"), name, DISPUTE_INSTALLED_HELPERDIR);
	return path;
}

static void
limit(int resource, uint64_t value)
{
	/* Processor time: SIGXCPU at the soft limit names the cause; the hard limit, a
	 * second later, is the kernel's SIGKILL for a helper that ignores it. */
	struct rlimit r = { (rlim_t)value, (rlim_t)value + (resource == RLIMIT_CPU) };

	setrlimit(resource, &r);
}

/* In the child, between fork and exec: only async-signal-safe calls. */
static void
start_child(const char *path, char *const *argv, int input, int output,
    const struct helper_limits *limits)
{
	static const char failed[] = "dispute: cannot start a helper program\n";
	static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };

	/* Sanitizers reserve terabytes of address space; their builds do without. */
#ifndef DISPUTE_SANITIZED
	limit(RLIMIT_AS, limits->memory_bytes ? limits->memory_bytes : HELPER_MEMORY_DEFAULT);
#endif
	limit(RLIMIT_CPU, limits->cpu_seconds ? limits->cpu_seconds : HELPER_CPU_DEFAULT);
	limit(RLIMIT_FSIZE, limits->file_bytes ? limits->file_bytes : HELPER_FILE_DEFAULT);
	limit(RLIMIT_CORE, 0);
	signal(SIGPIPE, SIG_DFL);
	/* The parent's handler for these removes the parent's temporary files; the child
	 * takes the default until exec, as it will after. */
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0]; i++) {
		struct sigaction old;

		if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			signal(cleanup_signals[i], SIG_DFL);
	}
	if (dup2(input, STDIN_FILENO) == -1 || dup2(output, STDOUT_FILENO) == -1)
		_exit(127);
	close_range(3, ~0U, 0);
	execv(path, argv);
	if (write(STDERR_FILENO, failed, sizeof failed - 1) < 0)
		_exit(127);
	_exit(127);
}

/* Feeds the input and takes the output until the helper closes its stdout. */
static int
converse(const struct helper_call *call, int input, int output)
{
	const char *in = call->input;
	size_t sent = 0;
	char *chunk = NULL;
	int status = DISPUTE_FAILED;

	if (input != -1 && call->input_len == 0) {
		close(input);
		input = -1;
	}
	if (output != -1 && (chunk = malloc(HELPER_CHUNK)) == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	while (input != -1 || output != -1) {
		struct pollfd fds[2] = { { input, POLLOUT, 0 }, { output, POLLIN, 0 } };

		if (poll(fds, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			dispute_error("%s: %s", call->name, strerror(errno));
			goto out;
		}
		if (input != -1 && fds[0].revents != 0) {
			ssize_t n = send(input, in + sent, call->input_len - sent, MSG_NOSIGNAL);

			/* A helper that no longer reads has its say in its exit status. */
			if (n > 0)
				sent += (size_t)n;
			if (n == -1 && errno != EAGAIN && errno != EINTR)
				sent = call->input_len;
			if (sent == call->input_len) {
				close(input);
				input = -1;
			}
		}
		if (output != -1 && fds[1].revents != 0) {
			ssize_t n = read(output, chunk, HELPER_CHUNK);

			if (n == -1 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(output);
				output = -1;
			} else if (call->on_output(chunk, (size_t)n, call->ctx) != DISPUTE_OK)
				goto out;
		}
	}
	status = DISPUTE_OK;
out:
	if (input != -1)
		close(input);
	if (output != -1)
		close(output);
	free(chunk);
	return status;
}

/* What the wait status says: 0 for a clean exit, else the reason in WHY. */
static int
judge(const char *name, int wstatus, char *why, size_t len)
{
	if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0)
		return 0;
	/* 127: it never ran, as when the dynamic loader misses one of its libraries (a
	 * helper whose FFmpeg is not installed): the caller may work around it, as around
	 * a crash. */
	if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127) {
		snprintf(why, len, _("%s could not be started"), name);
		return 2;
	}
	if (WIFEXITED(wstatus)) {
		snprintf(why, len, _("%s failed (exit status %d)"), name, WEXITSTATUS(wstatus));
		return 1;
	}
	if (WTERMSIG(wstatus) == SIGXCPU)
		snprintf(why, len, _("%s ran out of its processor time"), name);
	else
		snprintf(why, len, _("%s stopped: %s"), name, strsignal(WTERMSIG(wstatus)));
	return 2;
}

int
helper_run(const struct helper_call *call, char *died, size_t died_len)
{
	const char *argv[HELPER_ARGS_MAX + 2];
	char *path = helper_find(call->name), why[HELPER_WHY_MAX];
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, wstatus, verdict;
	int status = DISPUTE_FAILED, conversed;
	size_t n = 0;
	pid_t pid;

	if (died != NULL && died_len > 0)
		died[0] = '\0';
	if (path == NULL)
		return DISPUTE_FAILED;
	argv[0] = call->name;
	for (n = 0; call->args != NULL && call->args[n] != NULL && n < HELPER_ARGS_MAX; n++)
		argv[n + 1] = call->args[n];
	argv[n + 1] = NULL;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) == -1 ||
	    (call->output_fd < 0 && pipe2(out, O_CLOEXEC) == -1)) {
		dispute_error(_("%s: cannot start: %s"), call->name, strerror(errno));
		goto out;
	}
	pid = fork();
	if (pid == -1) {
		dispute_error(_("%s: cannot start: %s"), call->name, strerror(errno));
		goto out;
	}
	if (pid == 0)
		start_child(path, (char *const *)argv, in[1],
		    call->output_fd >= 0 ? call->output_fd : out[1], &call->limits);
	close(in[1]);
	in[1] = -1;
	if (out[1] != -1) {
		close(out[1]);
		out[1] = -1;
	}
	fcntl(in[0], F_SETFL, O_NONBLOCK);
	conversed = converse(call, in[0], out[0]);
	in[0] = out[0] = -1;
	if (conversed != DISPUTE_OK)
		kill(pid, SIGKILL);
	while (waitpid(pid, &wstatus, 0) == -1)
		if (errno != EINTR) {
			dispute_error("%s: %s", call->name, strerror(errno));
			goto out;
		}
	if (conversed != DISPUTE_OK)
		goto out;
	verdict = judge(call->name, wstatus, why, sizeof why);
	if (verdict == 0)
		status = DISPUTE_OK;
	else if (verdict == 2 && died != NULL)
		snprintf(died, died_len, "%s", why);
	else
		dispute_error("%s", why);
out:
	for (n = 0; n < 2; n++) {
		if (in[n] != -1)
			close(in[n]);
		if (out[n] != -1)
			close(out[n]);
	}
	free(path);
	return status;
}
