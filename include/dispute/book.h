/* The evidence book (证据材料) as PDF, laid out and drawn by the helper program
 * dispute-print (src/helpers/print/book.h says what REQUEST holds): where each item's
 * pages fall, and the book itself. */
#ifndef DISPUTE_BOOK_H
#define DISPUTE_BOOK_H

#include <cjson/cJSON.h>

/* The pages of the book REQUEST describes: *ITEMS becomes a new array with one
 * {"first": PAGE, "count": PAGES} per item, in order. DISPUTE_FAILED after one error
 * when the helper is missing, fails or dies. */
int book_paginate(const cJSON *request, cJSON **items);

/* The book itself, written into FD as the helper makes it (LABEL names FD in
 * messages); nothing of it is held in memory. */
int book_print(const cJSON *request, int fd, const char *label);

#endif
