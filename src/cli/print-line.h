/* Printing lines that carry names and texts from files, zips or a case.json. */
#ifndef DISPUTE_CLI_PRINT_LINE_H
#define DISPUTE_CLI_PRINT_LINE_H

/* Prints the formatted line on stdout with every control or bidirectional character in
 * it escaped by text_for_terminal(), and a newline: one line, whatever the names in it
 * hold. A newline at the very end of the formatted text is taken as that newline. */
int print_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints TEXT escaped the same way, and a newline; with KEEP_LINES its own newlines
 * and tabs stay (one text alone on the output). */
int print_escaped(const char *text, int keep_lines);

#endif
