/* The facts and law that make out the court complaint's compensation claims, in the
 * view the templates see (court_facts.*): for punitive damages for fraud (CRPL art. 55),
 * what was promised, what was delivered and the exhibits that show each; for expired
 * food, the prohibition on selling it (Food Safety Law art. 34) that makes the food one
 * that fails the safety standards of art. 148. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "court-facts.h"
#include "evidence-view.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/rules.h"

/* Evidence kinds that show what the seller claimed, and those that show what came. */
static const char *const promise_kinds[] = { "listing", "livestream", NULL };
static const char *const delivered_kinds[] = { "defect", "report", "other", NULL };

static int
one_of(const char *word, const char *const *words)
{
	for (; word != NULL && *words != NULL; words++)
		if (strcmp(*words, word) == 0)
			return 1;
	return 0;
}

static const char *
text(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

/* The labels ("证据3、证据5", or with EN "Exhibit 3, Exhibit 5") of the items of ROWS
 * whose kind is one of KINDS, or NULL when there are none (malloc'd). */
static char *
exhibits(const struct evidence_rows *rows, const char *const *kinds, int en)
{
	char *list = NULL, label[EXHIBIT_LABEL_LEN];
	size_t i, len = 0;
	FILE *out = open_memstream(&list, &len);

	if (out == NULL)
		return NULL;
	for (i = 0; i < rows->items; i++) {
		if (!one_of(rows->rows[i].kind->name, kinds))
			continue;
		exhibit_label(rows->rows[i].n, en, label);
		fprintf(out, "%s%s", ftell(out) == 0 ? "" : en ? ", " : "、", label);
	}
	if (fclose(out) != 0 || list[0] == '\0') {
		free(list);
		return NULL;
	}
	return list;
}

/* The chosen claim line of VIEW on BASIS ("fraud", "food"), or NULL. */
static const cJSON *
claimed(const cJSON *view, const char *basis)
{
	const cJSON *line;

	cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(view, "claim"), "chosen_lines"))
		if (strcmp(text(line, "basis"), basis) == 0)
			return line;
	return NULL;
}

/* Adds NAME (and NAME_en) as the exhibits of KINDS, or the chats when none of those
 * is on file. */
static void
add_exhibits(cJSON *object, const char *name, const struct evidence_rows *rows,
    const char *const *kinds)
{
	static const char *const chats[] = { "chat", "communication-audio", NULL };
	char en_name[64];

	snprintf(en_name, sizeof en_name, "%s_en", name);
	for (int en = 0; en <= 1; en++) {
		char *list = exhibits(rows, kinds, en);

		if (list == NULL)
			list = exhibits(rows, chats, en);
		if (list != NULL)
			cJSON_AddStringToObject(object, en ? en_name : name, list);
		free(list);
	}
}

/* TEXT as a sentence of its own: with a full stop added unless it ends in one, or in
 * a question, exclamation or closing quote (malloc'd). */
static char *
sentence(const char *text)
{
	static const char *const ends[] = { "。", "！", "？", "；", "”", "」", ".", NULL };
	size_t len = strlen(text);

	for (size_t i = 0; ends[i] != NULL; i++)
		if (len >= strlen(ends[i]) && strcmp(text + len - strlen(ends[i]), ends[i]) == 0)
			return dispute_asprintf("%s", text);
	return dispute_asprintf("%s。", text);
}

/* NAME: TEXT as a sentence, when TEXT is recorded. */
static void
add_sentence(cJSON *object, const char *name, const char *text)
{
	char *s = text != NULL ? sentence(text) : NULL;

	if (s != NULL)
		cJSON_AddStringToObject(object, name, s);
	free(s);
}

static void
add_fraud(cJSON *facts, const cJSON *view, const struct evidence_rows *rows,
    const struct dispute_case *c)
{
	cJSON *fraud = cJSON_AddObjectToObject(facts, "fraud");

	if (fraud == NULL)
		return;
	cJSON_AddStringToObject(fraud, "law", text(claimed(view, "fraud"), "law"));
	add_sentence(fraud, "promise", case_get(c, "order.promise"));
	add_sentence(fraud, "delivered", case_get(c, "problem.description"));
	add_exhibits(fraud, "promise_exhibits", rows, promise_kinds);
	add_exhibits(fraud, "delivered_exhibits", rows, delivered_kinds);
}

/* The sale prohibition in force on the order date, named as the templates cite laws. */
static int
add_expired_food(cJSON *facts, const cJSON *view, const struct rules *rules,
    const char *date)
{
	struct rule rule;
	cJSON *food;
	char *law;

	if (rules_find(rules, "food-expired-sale-prohibited", date, &rule) != DISPUTE_OK)
		return DISPUTE_FAILED;
	food = cJSON_AddObjectToObject(facts, "expired_food");
	law = dispute_asprintf("《%s》%s", rule.law, rule.article);
	if (food == NULL || law == NULL) {
		free(law);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	cJSON_AddStringToObject(food, "prohibition_law", law);
	cJSON_AddStringToObject(food, "prohibition", rule.summary);
	cJSON_AddBoolToObject(food, "confirmed", rule.confirmed);
	cJSON_AddStringToObject(food, "compensation_law", text(claimed(view, "food"), "law"));
	free(law);
	return DISPUTE_OK;
}

int
court_facts_add(cJSON *view, const struct evidence_rows *rows, const struct dispute_case *c,
    const struct rules *rules)
{
	const char *category = case_get(c, "problem.category");
	cJSON *facts;

	if (claimed(view, "fraud") == NULL && claimed(view, "food") == NULL)
		return DISPUTE_OK;
	facts = cJSON_AddObjectToObject(view, "court_facts");
	if (facts == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (claimed(view, "fraud") != NULL)
		add_fraud(facts, view, rows, c);
	if (claimed(view, "food") != NULL && category != NULL && strcmp(category, "expired") == 0)
		return add_expired_food(facts, view, rules, case_get(c, "order.date"));
	return DISPUTE_OK;
}
