/* Members for views that hold thousands of items (the evidence of a case of 5,000):
 * the member's name is a string literal that the member points to rather than a copy
 * (cJSON_AddItemToObjectCS), and a string value that outlives the view can be pointed
 * to as well. Each saves a small allocation per member, a third of what such an item
 * costs. Like cJSON_Add...ToObject(), a member that memory cannot hold is left out,
 * and each says whether the member is in: 1, or 0 when memory ran out. */
#ifndef DISPUTE_JSON_PUT_H
#define DISPUTE_JSON_PUT_H

#include <cjson/cJSON.h>

/* LITERAL_NAME must outlive OBJ: a string literal. VALUE is taken over. */
int json_put(cJSON *obj, const char *literal_name, cJSON *value);
/* A copy of S; nothing when S is NULL. */
int json_put_string(cJSON *obj, const char *literal_name, const char *s);
/* S itself, which must outlive OBJ and not change: a label of a built-in table, or a
 * string of the case's record under a view of it. Nothing when S is NULL. */
int json_put_reference(cJSON *obj, const char *literal_name, const char *s);
int json_put_number(cJSON *obj, const char *literal_name, double n);
int json_put_bool(cJSON *obj, const char *literal_name, int b);

#endif
