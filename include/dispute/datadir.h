/* Where the program's data (templates/, rules/) is found: $DISPUTE_DATADIR, then the
 * installed location, then the source tree the program was built from. */
#ifndef DISPUTE_DATADIR_H
#define DISPUTE_DATADIR_H

/* The malloc'd path of REL ("rules/zh-CN.json") under the first data folder that has
 * it, or NULL after reporting that it is nowhere. */
char *datadir_find(const char *rel);

#endif
