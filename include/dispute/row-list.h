/* Lists of template data made one row at a time: a template walking the evidence of a
 * case of 5,000 items sees every row, while the data holds none of them. A list stands
 * in the data as an empty array (its stand-in); whoever renders passes the lists with
 * the data, and the renderer asks for row I when a section reaches it and deletes the
 * row when the section is done with it. */
#ifndef DISPUTE_ROW_LIST_H
#define DISPUTE_ROW_LIST_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct row_list;

/* Row INDEX (below LIST's count) into *ROW, a new object the caller deletes; it may
 * point to strings that outlive the render. DISPUTE_FAILED after reporting. */
typedef int (*row_make_fn)(const struct row_list *list, size_t index, cJSON **row);

struct row_list {
	const cJSON *stand_in;  /* the empty array in the data where the list is */
	size_t count;
	row_make_fn make;
	const void *ctx;        /* for MAKE */
};

/* What a template renders against: a document and the lists standing in it. */
struct template_data {
	const cJSON *json;
	const struct row_list *lists;
	size_t list_count;
};

/* The list of LISTS (COUNT of them) standing at VALUE, or NULL when VALUE is plain data. */
const struct row_list *row_list_at(const struct row_list *lists, size_t count,
    const cJSON *value);

#endif
