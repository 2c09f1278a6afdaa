/* A chat log or other text evidence shown on the page as text, cut into the pages it
 * takes in print. */
#ifndef DISPUTE_PAGE_TEXT_H
#define DISPUTE_PAGE_TEXT_H

#include <cjson/cJSON.h>

/* Adds to ITEM the text of the file PATH (its first lines) as "pages" ([{"text"}]),
 * "text_truncated", "text_lines_shown" and "text_lines_max". DISPUTE_FAILED after
 * reporting. */
int page_text_pages(const char *path, cJSON *item);

#endif
