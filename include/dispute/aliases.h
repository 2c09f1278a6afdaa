/* The Chinese a buyer types for a choice value ("京东" for jd, "拒绝" for refused), read
 * from rules/input-aliases.json. A value is always stored in its canonical form; the
 * first alias of each value is also the name the Chinese interface shows for it. */
#ifndef DISPUTE_ALIASES_H
#define DISPUTE_ALIASES_H

#include <cjson/cJSON.h>

struct input_aliases {
	cJSON *root;
};

/* Reads and checks the table at PATH: every value's aliases are a non-empty array of
 * strings, and no alias names two values of one list. Reports "PATH: problem". */
int aliases_load(const char *path, struct input_aliases *out);
void aliases_free(struct input_aliases *a);

/* The canonical value of LIST ("case.platform", "channel", "outcome", "yes-no") that
 * TYPED is an alias of, or NULL. */
const char *aliases_canonical(const struct input_aliases *a, const char *list,
    const char *typed);
/* The Chinese name of VALUE in LIST (its first alias), or NULL. */
const char *aliases_name_zh(const struct input_aliases *a, const char *list,
    const char *value);

/* The shipped table, read once on first use; NULL after reporting when it cannot be. */
const struct input_aliases *aliases_default(void);

#endif
