/* Members with literal names (json-put.h). */
#include "dispute/json-put.h"

void
json_put(cJSON *obj, const char *literal_name, cJSON *value)
{
	if (!cJSON_AddItemToObjectCS(obj, literal_name, value))
		cJSON_Delete(value);
}

void
json_put_string(cJSON *obj, const char *literal_name, const char *s)
{
	json_put(obj, literal_name, cJSON_CreateString(s));
}

void
json_put_reference(cJSON *obj, const char *literal_name, const char *s)
{
	/* cJSON would make a string member without a string of it. */
	if (s != NULL)
		json_put(obj, literal_name, cJSON_CreateStringReference(s));
}

void
json_put_number(cJSON *obj, const char *literal_name, double n)
{
	json_put(obj, literal_name, cJSON_CreateNumber(n));
}

void
json_put_bool(cJSON *obj, const char *literal_name, int b)
{
	json_put(obj, literal_name, cJSON_CreateBool(b));
}
