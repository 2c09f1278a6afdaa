/* Which of the facts not yet recorded the case needs, and when: for the complaints
 * before a lawsuit (now), or only for the court complaint (later). A fact no draft of
 * this case asks for (the platform as a defendant, a lawyer, a return that has not
 * happened), or one with a default, is not needed and not counted as missing. */
#ifndef DISPUTE_FACTS_NEEDED_H
#define DISPUTE_FACTS_NEEDED_H

#include <cjson/cJSON.h>

#include "dispute/case.h"

/* Appends to NOW the field names the platform complaint and the complaint to ROUTE
 * ("12315" or "consumer-association") need that C lacks, and to COURT those only the
 * court complaint needs, each name once, in the order of the field table. Which apply
 * follows from the case: the date of receipt not for goods never delivered, the
 * seller's promise where the goods differ from it or fraud is claimed, the loss for
 * goods that hurt the buyer, and on JD and Taobao whether the platform sold the goods
 * itself (order.self_operated, needed now). */
int facts_needed(const struct dispute_case *c, const char *route, cJSON *now, cJSON *court);

#endif
