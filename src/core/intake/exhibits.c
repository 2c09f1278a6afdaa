/* Exhibit numbers that a court can hold the buyer to: computed in case order until a
 * draft or pack cites them, then kept in each record, with removed items' numbers
 * kept as withdrawn lines (exhibits.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/clock.h"
#include "dispute/exhibits.h"
#include "dispute/i18n.h"
#include "dispute/report.h"

/* Far above any real case, and small enough for a table of every number. */
#define EXHIBIT_NUMBER_MAX 100000

/* The whole number NAME of OBJECT within 1..MAX, or 0 when absent or not such a number
 * (a hand-edited case.json is read as if the member were not there). */
static int
int_member(const cJSON *object, const char *name, int max)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(object, name);

	if (!cJSON_IsNumber(m) || m->valuedouble < 1 || m->valuedouble > max ||
	    m->valuedouble != (double)(int)m->valuedouble)
		return 0;
	return (int)m->valuedouble;
}

static struct exhibit_number
stored_number(const cJSON *object)
{
	struct exhibit_number n;

	n.number = int_member(object, "exhibit", EXHIBIT_NUMBER_MAX);
	n.part = n.number > 0 ? int_member(object, "exhibit_part", EXHIBIT_NUMBER_MAX) : 0;
	return n;
}

int
exhibits_stored(const cJSON *item, struct exhibit_number *out)
{
	*out = stored_number(item);
	return out->number > 0;
}

static const cJSON *
withdrawn_list(const struct dispute_case *c)
{
	return cJSON_GetObjectItemCaseSensitive(case_record(c), "withdrawn");
}

int
exhibits_fixed(const struct dispute_case *c)
{
	return cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(case_record(c), "exhibits_fixed"));
}

/* What the numbering works from: which numbers are taken, and the highest part used
 * in each number (so that a group's next item follows its last, withdrawn or not). */
struct taken {
	int *parts; /* parts[N]: -1 free; 0 a single exhibit; k the highest part of group N */
	int size;
};

static void
take(struct taken *t, struct exhibit_number n)
{
	if (n.number > 0 && n.number < t->size && t->parts[n.number] < n.part)
		t->parts[n.number] = n.part;
}

static int
taken_init(const struct dispute_case *c, struct taken *t)
{
	const cJSON *item;
	int i;

	t->size = cJSON_GetArraySize(case_evidence(c)) + cJSON_GetArraySize(withdrawn_list(c)) +
	    EXHIBIT_GROUP_MAX + 2;
	cJSON_ArrayForEach(item, case_evidence(c))
		if (stored_number(item).number >= t->size)
			t->size = stored_number(item).number + 1;
	cJSON_ArrayForEach(item, withdrawn_list(c))
		if (stored_number(item).number >= t->size)
			t->size = stored_number(item).number + 1;
	t->parts = malloc((size_t)t->size * sizeof *t->parts);
	if (t->parts == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	for (i = 0; i < t->size; i++)
		t->parts[i] = -1;
	cJSON_ArrayForEach(item, case_evidence(c)) {
		struct exhibit_number n = stored_number(item);

		/* A group not yet fixed claims its number before any single item does. */
		if (n.number == 0 && (n.number = int_member(item, "group", EXHIBIT_GROUP_MAX)) > 0)
			n.part = 0;
		take(t, n);
	}
	cJSON_ArrayForEach(item, withdrawn_list(c))
		take(t, stored_number(item));
	return DISPUTE_OK;
}

static int
lowest_free(struct taken *t, int *from)
{
	while (*from < t->size && t->parts[*from] != -1)
		(*from)++;
	return *from < t->size ? *from : 0;
}

int
exhibits_number(const struct dispute_case *c, struct exhibit_number **out, size_t *count)
{
	struct taken t = { NULL, 0 };
	const cJSON *item;
	size_t n = 0;
	int next = 1;

	*out = NULL;
	*count = (size_t)cJSON_GetArraySize(case_evidence(c));
	if (*count == 0)
		return DISPUTE_OK;
	if (taken_init(c, &t) != DISPUTE_OK)
		return DISPUTE_FAILED;
	*out = calloc(*count, sizeof **out);
	if (*out == NULL) {
		free(t.parts);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	cJSON_ArrayForEach(item, case_evidence(c)) {
		struct exhibit_number e = stored_number(item);
		int group = int_member(item, "group", EXHIBIT_GROUP_MAX);

		if (e.number == 0 && group > 0) {
			e.number = group;
			e.part = ++t.parts[group];
		} else if (e.number == 0) {
			e.number = lowest_free(&t, &next);
			t.parts[e.number] = 0;
		}
		(*out)[n++] = e;
	}
	free(t.parts);
	return DISPUTE_OK;
}

void
exhibits_serial(struct exhibit_number n, char *buf, size_t size)
{
	if (n.part > 0)
		snprintf(buf, size, "%d-%d", n.number, n.part);
	else
		snprintf(buf, size, "%d", n.number);
}

static int
set_int(cJSON *object, const char *name, int value)
{
	cJSON *v = cJSON_CreateNumber(value);

	if (v == NULL)
		return DISPUTE_FAILED;
	if (cJSON_HasObjectItem(object, name))
		return cJSON_ReplaceItemInObjectCaseSensitive(object, name, v) ? DISPUTE_OK :
		    DISPUTE_FAILED;
	return cJSON_AddItemToObject(object, name, v) ? DISPUTE_OK : DISPUTE_FAILED;
}

static int
store_number(cJSON *object, struct exhibit_number n)
{
	if (set_int(object, "exhibit", n.number) != DISPUTE_OK ||
	    (n.part > 0 && set_int(object, "exhibit_part", n.part) != DISPUTE_OK))
		return DISPUTE_FAILED;
	return DISPUTE_OK;
}

static int
note_fixed(struct dispute_case *c, const char *by)
{
	char stamp[CLOCK_TIMESTAMP_LEN];
	cJSON *fixed;

	if (clock_timestamp(stamp) != DISPUTE_OK)
		return DISPUTE_FAILED;
	fixed = cJSON_AddObjectToObject(case_record(c), "exhibits_fixed");
	if (fixed == NULL || cJSON_AddStringToObject(fixed, "date", stamp) == NULL ||
	    cJSON_AddStringToObject(fixed, "by", by) == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

int
exhibits_fix(struct dispute_case *c, const char *by)
{
	struct exhibit_number *numbers = NULL;
	size_t count, i = 0;
	cJSON *item;
	int changed = 0, status = DISPUTE_FAILED;

	if (exhibits_number(c, &numbers, &count) != DISPUTE_OK)
		return DISPUTE_FAILED;
	/* A case with no evidence yet cites nothing: nothing to fix. */
	if (count == 0)
		return DISPUTE_OK;
	cJSON_ArrayForEach(item, case_evidence(c)) {
		if (stored_number(item).number == 0) {
			if (store_number(item, numbers[i]) != DISPUTE_OK) {
				dispute_error(_("out of memory"));
				goto out;
			}
			changed = 1;
		}
		i++;
	}
	if (!exhibits_fixed(c)) {
		if (note_fixed(c, by) != DISPUTE_OK)
			goto out;
		changed = 1;
	}
	status = changed ? case_save(c) : DISPUTE_OK;
out:
	free(numbers);
	return status;
}

void
exhibits_fix_or_warn(struct dispute_case *c, const char *by)
{
	if (exhibits_fix(c, by) != DISPUTE_OK)
		dispute_warning(_("the document was written, but case.json could not record that "
		    "the exhibit numbers it cites are now fixed; until it does, removing evidence "
		    "renumbers them"));
}

int
exhibits_check_group(const struct dispute_case *c, long group)
{
	struct exhibit_number *numbers = NULL;
	const cJSON *item;
	size_t count, i = 0;
	int status = DISPUTE_OK;

	if (group < 1 || group > EXHIBIT_GROUP_MAX) {
		dispute_error(_("--group: %ld is not an exhibit number from 1 to %d"), group,
		    EXHIBIT_GROUP_MAX);
		return DISPUTE_FAILED;
	}
	/* A withdrawn single exhibit's number stays unused; a group whose part was withdrawn
	 * takes further parts after it. */
	cJSON_ArrayForEach(item, withdrawn_list(c)) {
		if (stored_number(item).number == group && stored_number(item).part == 0) {
			dispute_error(_("--group: 证据%ld was withdrawn; its number is not given "
			    "again (choose a new number, or see `dispute renumber`)"), group);
			return DISPUTE_FAILED;
		}
	}
	if (exhibits_number(c, &numbers, &count) != DISPUTE_OK)
		return DISPUTE_FAILED;
	cJSON_ArrayForEach(item, case_evidence(c)) {
		if (numbers[i].number == group && numbers[i].part == 0) {
			dispute_error(_("--group: 证据%ld is a single exhibit (%s); choose a number "
			    "no single exhibit has"), group,
			    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "id")));
			status = DISPUTE_FAILED;
			break;
		}
		i++;
	}
	free(numbers);
	return status;
}

/* The members of a removed item that the withdrawn line shows. */
static const char *const withdrawn_members[] = { "id", "kind", "original_name", "note", NULL };

int
exhibits_withdraw(struct dispute_case *c, const cJSON *item, int *withdrawn)
{
	struct exhibit_number n = stored_number(item);
	char stamp[CLOCK_TIMESTAMP_LEN];
	cJSON *list, *line;
	int i;

	*withdrawn = 0;
	if (n.number == 0)
		return DISPUTE_OK;
	if (clock_timestamp(stamp) != DISPUTE_OK)
		return DISPUTE_FAILED;
	line = cJSON_CreateObject();
	if (line == NULL || store_number(line, n) != DISPUTE_OK)
		goto fail;
	for (i = 0; withdrawn_members[i] != NULL; i++) {
		const char *value = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item,
		    withdrawn_members[i]));

		if (value != NULL && cJSON_AddStringToObject(line, withdrawn_members[i], value) == NULL)
			goto fail;
	}
	if (cJSON_AddStringToObject(line, "withdrawn", stamp) == NULL)
		goto fail;
	list = cJSON_GetObjectItemCaseSensitive(case_record(c), "withdrawn");
	if (!cJSON_IsArray(list)) {
		cJSON_DeleteItemFromObjectCaseSensitive(case_record(c), "withdrawn");
		list = cJSON_AddArrayToObject(case_record(c), "withdrawn");
	}
	if (list == NULL || !cJSON_AddItemToArray(list, line))
		goto fail;
	*withdrawn = 1;
	return DISPUTE_OK;
fail:
	cJSON_Delete(line);
	dispute_error(_("out of memory"));
	return DISPUTE_FAILED;
}

/* Dense numbers in case order: each single item and each group, at its first item,
 * takes the next number. */
static int
dense_numbers(const struct dispute_case *c, struct exhibit_number *old,
    struct exhibit_number *fresh)
{
	int *group_of = calloc(EXHIBIT_NUMBER_MAX + 1, sizeof *group_of);
	int *parts = calloc(EXHIBIT_NUMBER_MAX + 1, sizeof *parts);
	size_t i, count = (size_t)cJSON_GetArraySize(case_evidence(c));
	int next = 0;

	if (group_of == NULL || parts == NULL) {
		free(group_of);
		free(parts);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	for (i = 0; i < count; i++) {
		if (old[i].part == 0) {
			fresh[i].number = ++next;
			fresh[i].part = 0;
			continue;
		}
		if (group_of[old[i].number] == 0)
			group_of[old[i].number] = ++next;
		fresh[i].number = group_of[old[i].number];
		fresh[i].part = ++parts[old[i].number];
	}
	free(group_of);
	free(parts);
	return DISPUTE_OK;
}

int
exhibits_renumber(struct dispute_case *c,
    void (*report)(const char *old_serial, const char *new_serial, const char *id, void *ctx),
    void *ctx)
{
	struct exhibit_number *old = NULL, *fresh = NULL;
	char was[24], now[24];
	size_t count, i = 0;
	cJSON *item;
	int changed = -1;

	if (exhibits_number(c, &old, &count) != DISPUTE_OK)
		return -1;
	fresh = calloc(count + 1, sizeof *fresh);
	if (fresh == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	if (dense_numbers(c, old, fresh) != DISPUTE_OK)
		goto out;
	changed = 0;
	cJSON_ArrayForEach(item, case_evidence(c)) {
		cJSON_DeleteItemFromObjectCaseSensitive(item, "exhibit");
		cJSON_DeleteItemFromObjectCaseSensitive(item, "exhibit_part");
		cJSON_DeleteItemFromObjectCaseSensitive(item, "group");
		if (fresh[i].part > 0 && set_int(item, "group", fresh[i].number) != DISPUTE_OK) {
			dispute_error(_("out of memory"));
			changed = -1;
			goto out;
		}
		if (old[i].number != fresh[i].number || old[i].part != fresh[i].part) {
			exhibits_serial(old[i], was, sizeof was);
			exhibits_serial(fresh[i], now, sizeof now);
			if (report != NULL)
				report(was, now, cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
				    item, "id")), ctx);
			changed++;
		}
		i++;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(case_record(c), "withdrawn");
	cJSON_DeleteItemFromObjectCaseSensitive(case_record(c), "exhibits_fixed");
out:
	free(old);
	free(fresh);
	return changed;
}
