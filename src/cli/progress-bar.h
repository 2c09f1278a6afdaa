/* The terminal progress bar of the command line. */
#ifndef DISPUTE_PROGRESS_BAR_H
#define DISPUTE_PROGRESS_BAR_H

/* Shows progress on stderr from now on, unless QUIET or stderr is not a terminal. */
void progress_bar_install(int quiet);

#endif
