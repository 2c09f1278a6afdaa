/* The consumer association a complaint goes to, by name: case.association, else the
 * one the buyer's logged contact with a consumer association names
 * ("向北京市朝阳区消费者协会投诉" names 北京市朝阳区消费者协会). */
#ifndef DISPUTE_ASSOCIATION_H
#define DISPUTE_ASSOCIATION_H

#include "dispute/case.h"

/* The association's name (malloc'd) and in *DERIVED whether it was read from the
 * timeline rather than recorded; NULL when neither names one (or memory ran out, which
 * is reported). */
char *association_name(const struct dispute_case *c, int *derived);

/* The name of a consumer association that TEXT holds (malloc'd), or NULL: the words
 * before "消费者协会", "消费者权益保护委员会" or "消保委" back to the punctuation or space
 * that starts them, less a leading "向", "已向", "经" and the like. */
char *association_in_text(const char *text);

#endif
