/* Text from files and zips, made safe to print on a terminal. */
#ifndef DISPUTE_TERMINAL_H
#define DISPUTE_TERMINAL_H

/* A malloc'd copy of S in which every byte that is not well-formed UTF-8, every C0
 * control and DEL is written as \xHH, and every C1 control and bidirectional mark,
 * embedding, override or isolate (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069) as \u{XXXX}: a name taken from a file or a zip can then neither
 * clear the screen, retitle the window, start a line of its own nor reorder what is
 * printed around it. With KEEP_LINES, newlines and tabs stay, for a multi-line text
 * printed on its own. NULL when out of memory, without a message: the reporter uses
 * it for every message, so the caller reports. */
char *text_for_terminal(const char *s, int keep_lines);

#endif
