/* Finding the list that stands at a value of the data (row-list.h). */
#include "dispute/row-list.h"

const struct row_list *
row_list_at(const struct row_list *lists, size_t count, const cJSON *value)
{
	size_t i;

	for (i = 0; value != NULL && i < count; i++)
		if (lists[i].stand_in == value)
			return &lists[i];
	return NULL;
}
