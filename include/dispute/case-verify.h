/* Checking a case folder against its own records, before anything is packed. */
#ifndef DISPUTE_CASE_VERIFY_H
#define DISPUTE_CASE_VERIFY_H

#include "dispute/bag.h"
#include "dispute/case.h"

/* Re-hashes every evidence file of C and fills REPORT (zeroed here) with what is
 * altered, missing or unrecorded. Returns DISPUTE_FAILED only when the check itself
 * could not run; free REPORT with bag_report_free() either way. */
int case_verify(const struct dispute_case *c, struct bag_report *report);

#endif
