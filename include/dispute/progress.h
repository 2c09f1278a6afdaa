/* Progress of long operations (copying evidence, packing, verifying). The core reports
 * bytes done; the command line decides whether and how to show them (a bar on a
 * terminal, nothing otherwise), so the core never writes to the terminal itself. */
#ifndef DISPUTE_PROGRESS_H
#define DISPUTE_PROGRESS_H

#include <stdint.h>

struct progress_sink {
	void (*begin)(const char *what, uint64_t total_bytes);
	void (*update)(uint64_t done_bytes);
	void (*end)(void);
};

/* Installs SINK (NULL: progress is not shown). */
void progress_set_sink(const struct progress_sink *sink);

void progress_begin(const char *what, uint64_t total_bytes);
/* Adds N bytes to what is done; safe from several threads at once. */
void progress_add(uint64_t n);
/* Sets what is done (for sources that report a fraction, like libzip). */
void progress_set(uint64_t done);
void progress_end(void);

#endif
