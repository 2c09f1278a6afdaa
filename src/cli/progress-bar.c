/* A progress bar on stderr, only when stderr is a terminal, only for inputs large
 * enough to take a noticeable time, and never with --quiet. Redrawn at most ten times a
 * second so that drawing costs nothing next to the work. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dispute/i18n.h"
#include "dispute/progress.h"
#include "progress-bar.h"

/* Below this a command finishes before a bar would be worth seeing. */
#define BAR_MIN_BYTES (64u * 1024 * 1024)
#define BAR_WIDTH 30

static const char *label;
static uint64_t total;
static int shown;
static struct timespec last;

static int
due(void)
{
	struct timespec now;
	long elapsed_ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	elapsed_ms = (now.tv_sec - last.tv_sec) * 1000 + (now.tv_nsec - last.tv_nsec) / 1000000;
	if (shown && elapsed_ms < 100)
		return 0;
	last = now;
	return 1;
}

static void
draw(uint64_t done)
{
	unsigned percent = total > 0 ? (unsigned)(done * 100 / total) : 100;
	int filled = (int)(percent * BAR_WIDTH / 100), i;
	char bar[BAR_WIDTH + 1];

	if (percent > 100)
		percent = 100, filled = BAR_WIDTH;
	for (i = 0; i < BAR_WIDTH; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[BAR_WIDTH] = '\0';
	fprintf(stderr, "\r%s [%s] %3u%% %llu/%llu MB", _(label), bar, percent,
	    (unsigned long long)(done >> 20), (unsigned long long)(total >> 20));
	fflush(stderr);
	shown = 1;
}

static void
bar_begin(const char *what, uint64_t total_bytes)
{
	label = what;
	total = total_bytes;
	shown = 0;
}

static void
bar_update(uint64_t done)
{
	if (total >= BAR_MIN_BYTES && due())
		draw(done);
}

static void
bar_end(void)
{
	if (shown) {
		draw(total);
		fputc('\n', stderr);
	}
	shown = 0;
}

static const struct progress_sink bar_sink = { bar_begin, bar_update, bar_end };

void
progress_bar_install(int quiet)
{
	if (!quiet && isatty(STDERR_FILENO))
		progress_set_sink(&bar_sink);
}
