/* The buyer's own words that the Chinese documents print as written: a text with no
 * Chinese in it would reach a Chinese authority or court in English. */
#ifndef DISPUTE_WORDING_H
#define DISPUTE_WORDING_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

/* Whether TEXT reads as English: a Latin word of three letters or more and no Chinese
 * character (CJK unified ideographs). */
int wording_is_english(const char *text);

/* Appends to OUT, for each English text of C that the Chinese documents print (the
 * facts problem.description, demand.text, order.promise and problem.loss_label, each
 * timeline entry's text, each evidence item's purpose and note), an object {"where":
 * field name, "timeline" or "evidence", "date" or "id" where it has one, "text"}. */
int wording_english_texts(const struct dispute_case *c, cJSON *out);

#endif
