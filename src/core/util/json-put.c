/* Members with literal names (json-put.h). */
#include "dispute/json-put.h"

int
json_put(cJSON *obj, const char *literal_name, cJSON *value)
{
	if (value != NULL && cJSON_AddItemToObjectCS(obj, literal_name, value))
		return 1;
	cJSON_Delete(value);
	return 0;
}

int
json_put_string(cJSON *obj, const char *literal_name, const char *s)
{
	return s == NULL || json_put(obj, literal_name, cJSON_CreateString(s));
}

int
json_put_reference(cJSON *obj, const char *literal_name, const char *s)
{
	/* cJSON would make a string member without a string of it. */
	return s == NULL || json_put(obj, literal_name, cJSON_CreateStringReference(s));
}

int
json_put_number(cJSON *obj, const char *literal_name, double n)
{
	return json_put(obj, literal_name, cJSON_CreateNumber(n));
}

int
json_put_bool(cJSON *obj, const char *literal_name, int b)
{
	return json_put(obj, literal_name, cJSON_CreateBool(b));
}
