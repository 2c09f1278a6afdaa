/* Mustache renderer: mustache_render() parses a template with mustache-parse.c and
 * walks the tree against a cJSON document, resolving names up the context stack as
 * the spec describes. Partials are fetched through the caller's callback and parsed
 * when first used with a given indentation (it depends on where they are included),
 * then kept until the render ends. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "mustache-internal.h"
#include "mustache.h"

struct buffer {
	char *data;
	size_t len, cap;
};

/* The context stack lives on the C stack, one link per section being rendered. */
struct context {
	const cJSON *value;
	const struct context *up;
};

/* A partial as parsed for one indentation; the tree points into TEXT. */
struct parsed_partial {
	char *name, *indent, *text, *label;
	struct mustache_template template;
	struct parsed_partial *next;
};

struct renderer {
	const struct mustache_options *options;
	struct buffer out;
	/* Partials including each other can be used millions of times; each is fetched
	 * and parsed once. */
	struct parsed_partial *partials;
	int partial_depth;
	unsigned long steps;        /* tags rendered so far, against MUSTACHE_MAX_STEPS */
	int out_of_memory; /* reported once, by mustache_render() */
};

static int render_nodes(struct renderer *, const struct mustache_template *,
    const struct mustache_node *, const struct context *);

/* Room for N more bytes. */
static int
reserve(struct renderer *r, size_t n)
{
	struct buffer *b = &r->out;
	size_t cap;
	char *data;

	if (n <= b->cap - b->len)
		return DISPUTE_OK;
	cap = b->cap > 0 ? b->cap : 256;
	while (cap - b->len < n) {
		if (cap > SIZE_MAX / 2)
			goto fail;
		cap *= 2;
	}
	if ((data = realloc(b->data, cap)) == NULL)
		goto fail;
	b->data = data;
	b->cap = cap;
	return DISPUTE_OK;
fail:
	r->out_of_memory = 1;
	return DISPUTE_FAILED;
}

static int
write_bytes(struct renderer *r, const char *s, size_t n)
{
	if (n == 0)
		return DISPUTE_OK;
	if (r->options->write != NULL)
		return r->options->write(s, n, r->options->write_ctx);
	if (reserve(r, n) != DISPUTE_OK)
		return DISPUTE_FAILED;
	memcpy(r->out.data + r->out.len, s, n);
	r->out.len += n;
	return DISPUTE_OK;
}

/* The spec escapes exactly these four; anything else, including UTF-8, passes as is. */
static int
write_escaped(struct renderer *r, const char *s, size_t n)
{
	const char *entity;
	size_t run = 0, i;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': entity = "&amp;"; break;
		case '<': entity = "&lt;"; break;
		case '>': entity = "&gt;"; break;
		case '"': entity = "&quot;"; break;
		default: continue;
		}
		if (write_bytes(r, s + run, i - run) != DISPUTE_OK ||
		    write_bytes(r, entity, strlen(entity)) != DISPUTE_OK)
			return DISPUTE_FAILED;
		run = i + 1;
	}
	return write_bytes(r, s + run, n - run);
}

/* cJSON keeps every number as a double. Whole numbers print without a fraction
 * ("85", never "85.0"); others print in the shortest form that reads back as the
 * same double, so 1.21 stays "1.21" rather than "1.2100000000000000". */
static void
format_number(double d, char *s, size_t size)
{
	if (d == 0)
		snprintf(s, size, "0"); /* and not "-0" */
	else if (d >= -1e15 && d <= 1e15 && d == (double)(long long)d)
		snprintf(s, size, "%lld", (long long)d);
	else {
		snprintf(s, size, "%.15g", d);
		if (strtod(s, NULL) != d)
			snprintf(s, size, "%.17g", d);
	}
}

/* Strings, numbers and booleans print; null, a miss, lists and objects print nothing. */
static int
write_value(struct renderer *r, const cJSON *value, int escape)
{
	char number[32];
	const char *s = NULL;

	if (cJSON_IsString(value) || cJSON_IsRaw(value))
		s = value->valuestring;
	else if (cJSON_IsNumber(value)) {
		format_number(value->valuedouble, number, sizeof number);
		s = number;
	} else if (cJSON_IsTrue(value))
		s = "true";
	else if (cJSON_IsFalse(value))
		s = "false";
	if (s == NULL)
		return DISPUTE_OK;
	return escape ? write_escaped(r, s, strlen(s)) : write_bytes(r, s, strlen(s));
}

static const cJSON *
member(const cJSON *object, const char *key, size_t len)
{
	const cJSON *item;

	if (!cJSON_IsObject(object))
		return NULL;
	for (item = object->child; item != NULL; item = item->next) {
		if (item->string != NULL && strlen(item->string) == len &&
		    memcmp(item->string, key, len) == 0)
			return item;
	}
	return NULL;
}

/* "." is the current context. In "a.b.c" only "a" is looked for up the stack; once
 * found, "b" and "c" must be inside it, or the whole name is a miss (the spec's
 * "Dotted Names - Context Precedence"). */
static const cJSON *
lookup(const struct context *ctx, const char *name)
{
	const char *part = name, *dot;
	const cJSON *value = NULL;
	size_t len;

	if (strcmp(name, ".") == 0)
		return ctx->value;
	dot = strchr(part, '.');
	len = dot != NULL ? (size_t)(dot - part) : strlen(part);
	for (; ctx != NULL && value == NULL; ctx = ctx->up)
		value = member(ctx->value, part, len);
	while (value != NULL && dot != NULL) {
		part = dot + 1;
		dot = strchr(part, '.');
		len = dot != NULL ? (size_t)(dot - part) : strlen(part);
		value = member(value, part, len);
	}
	return value;
}

static int
is_falsey(const cJSON *value, const struct row_list *list)
{
	if (list != NULL)
		return list->count == 0;
	return value == NULL || cJSON_IsFalse(value) || cJSON_IsNull(value) ||
	    cJSON_IsInvalid(value) || (cJSON_IsArray(value) && value->child == NULL);
}

/* The section over LIST: each row made, rendered and deleted before the next. */
static int
render_rows(struct renderer *r, const struct mustache_template *t,
    const struct mustache_node *node, const struct context *ctx, const struct row_list *list)
{
	struct context inner = { NULL, ctx };
	cJSON *row;
	size_t i;
	int status = DISPUTE_OK;

	for (i = 0; i < list->count && status == DISPUTE_OK; i++) {
		if (list->make(list, i, &row) != DISPUTE_OK)
			return DISPUTE_FAILED;
		inner.value = row;
		status = render_nodes(r, t, node->children, &inner);
		cJSON_Delete(row);
	}
	return status;
}

static int
render_section(struct renderer *r, const struct mustache_template *t,
    const struct mustache_node *node, const struct context *ctx)
{
	const cJSON *value = lookup(ctx, node->name);
	const struct row_list *list = row_list_at(r->options->lists, r->options->list_count,
	    value);
	const cJSON *item;
	struct context inner;

	if (node->type == MUSTACHE_INVERTED)
		return is_falsey(value, list) ? render_nodes(r, t, node->children, ctx) :
		    DISPUTE_OK;
	if (is_falsey(value, list))
		return DISPUTE_OK;
	if (list != NULL)
		return render_rows(r, t, node, ctx, list);
	inner.up = ctx;
	if (!cJSON_IsArray(value)) {
		inner.value = value;
		return render_nodes(r, t, node->children, &inner);
	}
	for (item = value->child; item != NULL; item = item->next) {
		inner.value = item;
		if (render_nodes(r, t, node->children, &inner) != DISPUTE_OK)
			return DISPUTE_FAILED;
	}
	return DISPUTE_OK;
}

static int
same_indent(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static void
free_partials(struct parsed_partial *p)
{
	struct parsed_partial *next;

	for (; p != NULL; p = next) {
		next = p->next;
		mustache_template_free(&p->template);
		free(p->name);
		free(p->indent);
		free(p->text);
		free(p->label);
		free(p);
	}
}

/* The partial NODE names, parsed for NODE's indentation: from the renderer's list,
 * else fetched and parsed now. *FOUND is NULL for a partial that does not exist. */
static int
find_partial(struct renderer *r, const struct mustache_node *node, struct parsed_partial **found)
{
	const struct mustache_options *options = r->options;
	struct parsed_partial *p;

	for (p = r->partials; p != NULL; p = p->next)
		if (strcmp(p->name, node->name) == 0 && same_indent(p->indent, node->indent)) {
			*found = p;
			return DISPUTE_OK;
		}
	*found = NULL;
	if (options->partial == NULL)
		return DISPUTE_OK;
	if ((p = calloc(1, sizeof *p)) == NULL || (p->name = strdup(node->name)) == NULL ||
	    (node->indent != NULL && (p->indent = strdup(node->indent)) == NULL)) {
		r->out_of_memory = 1;
		free_partials(p);
		return DISPUTE_FAILED;
	}
	/* A partial that does not exist renders as nothing, as the spec says. */
	p->text = options->partial(node->name, options->partial_ctx, &p->label);
	if (p->text == NULL) {
		free_partials(p);
		return DISPUTE_OK;
	}
	/* Delimiters start over at {{ }} inside a partial. */
	if (mustache_parse(&p->template, p->label != NULL ? p->label : p->name, p->text,
	    strlen(p->text), p->indent) != DISPUTE_OK) {
		free_partials(p);
		return DISPUTE_FAILED;
	}
	p->next = r->partials;
	r->partials = p;
	*found = p;
	return DISPUTE_OK;
}

static int
render_partial(struct renderer *r, const struct mustache_template *t,
    const struct mustache_node *node, const struct context *ctx)
{
	struct parsed_partial *partial;
	int status;

	if (r->partial_depth == MUSTACHE_MAX_PARTIAL_DEPTH) {
		mustache_report(t, node->offset, _("partial nesting too deep (more than %d "
		    "levels)"), MUSTACHE_MAX_PARTIAL_DEPTH);
		return DISPUTE_FAILED;
	}
	if (find_partial(r, node, &partial) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (partial == NULL)
		return DISPUTE_OK;
	r->partial_depth++;
	status = render_nodes(r, &partial->template, partial->template.nodes, ctx);
	r->partial_depth--;
	return status;
}

static int
render_nodes(struct renderer *r, const struct mustache_template *t,
    const struct mustache_node *node, const struct context *ctx)
{
	int status = DISPUTE_OK;

	for (; node != NULL && status == DISPUTE_OK; node = node->next) {
		if (++r->steps > MUSTACHE_MAX_STEPS) {
			mustache_report(t, node->offset, _("the template expands to more than %d "
			    "tags (partials including each other?)"), MUSTACHE_MAX_STEPS);
			return DISPUTE_FAILED;
		}
		switch (node->type) {
		case MUSTACHE_TEXT:
			status = write_bytes(r, node->text, node->len);
			break;
		case MUSTACHE_VARIABLE:
		case MUSTACHE_RAW:
			status = write_value(r, lookup(ctx, node->name),
			    node->type == MUSTACHE_VARIABLE && r->options->escape_html);
			break;
		case MUSTACHE_SECTION:
		case MUSTACHE_INVERTED:
			status = render_section(r, t, node, ctx);
			break;
		case MUSTACHE_PARTIAL:
			status = render_partial(r, t, node, ctx);
			break;
		}
	}
	return status;
}

int
mustache_render(const char *name, const char *template_text, size_t len, const cJSON *data,
    const struct mustache_options *options, char **out)
{
	static const struct mustache_options no_options; /* no escaping, no partials */
	struct mustache_template t = { 0 };
	struct renderer r = { 0 };
	struct context root = { data, NULL };
	int status = DISPUTE_FAILED;

	*out = NULL;
	r.options = options != NULL ? options : &no_options;
	/* The whole template is parsed before anything renders, so a syntax error
	 * anywhere yields the error alone and never half a document. */
	if (mustache_parse(&t, name, template_text, len, NULL) != DISPUTE_OK)
		goto done;
	if (render_nodes(&r, &t, t.nodes, &root) != DISPUTE_OK ||
	    (r.options->write == NULL && write_bytes(&r, "", 1) != DISPUTE_OK))
		goto done;
	/* The buffer doubled as it grew: a list of 5,000 exhibits would keep 4 MB for
	 * 2.4 MB of text while the rest of the dossier is made. */
	if (r.out.data != NULL && r.out.cap - r.out.len > 4096) {
		char *fitted = realloc(r.out.data, r.out.len);

		if (fitted != NULL)
			r.out.data = fitted;
	}
	*out = r.out.data;
	r.out.data = NULL;
	status = DISPUTE_OK;
done:
	if (r.out_of_memory)
		dispute_error(_("%s: out of memory"), name);
	free(r.out.data);
	free_partials(r.partials);
	mustache_template_free(&t);
	return status;
}
