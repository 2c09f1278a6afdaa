/* Mustache parser: turns template text into the node tree that mustache.c renders.
 * The spec's whitespace rules (standalone lines, partial indentation) are applied
 * here, so the renderer only ever copies text and looks up names. Syntax errors are
 * reported here, with the line and column of the offending tag. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/i18n.h"
#include "dispute/report.h"
#include "mustache-internal.h"

#define NOT_FOUND SIZE_MAX

/* One open section, or the top level at stack[0]. */
struct frame {
	struct mustache_node *section;
	struct mustache_node **tail; /* where this level's next node goes */
};

struct parser {
	struct mustache_template *t;
	const char *src;
	size_t len;
	const char *indent;
	/* Nothing has been output on the current line yet, so the indent is still owed. */
	int at_line_start;
	/* The current delimiters point into the source after a {{=...=}} tag. */
	const char *open, *close;
	size_t open_len, close_len;
	struct frame stack[MUSTACHE_MAX_SECTION_DEPTH + 1];
	int depth;
};

struct tag {
	char sigil;      /* 0 for a plain variable, else one of # ^ / ! > & { = */
	size_t start;    /* the opening delimiter */
	size_t end;      /* just past the closing delimiter */
	size_t name;     /* the trimmed name, or a delimiter tag's body */
	size_t name_len;
};

void
mustache_report(const struct mustache_template *t, size_t offset, const char *fmt, ...)
{
	char message[512];
	unsigned long line = 1, column = 1;
	size_t i;
	va_list ap;

	for (i = 0; i < offset && i < t->len; i++) {
		if (t->source[i] == '\n') {
			line++;
			column = 1;
		} else if (((unsigned char)t->source[i] & 0xc0) != 0x80)
			column++;
	}
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	dispute_error("%s:%lu:%lu: %s", t->name, line, column, message);
}

static void
free_nodes(struct mustache_node *node)
{
	struct mustache_node *next;

	for (; node != NULL; node = next) {
		next = node->next;
		free_nodes(node->children);
		free(node->name);
		free(node->indent);
		free(node);
	}
}

void
mustache_template_free(struct mustache_template *t)
{
	free_nodes(t->nodes);
	t->nodes = NULL;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static size_t
find(const struct parser *p, size_t from, const char *needle, size_t needle_len)
{
	size_t i;

	if (p->len < needle_len)
		return NOT_FOUND;
	for (i = from; i <= p->len - needle_len; i++) {
		if (memcmp(p->src + i, needle, needle_len) == 0)
			return i;
	}
	return NOT_FOUND;
}

/* The closing delimiter that directly follows the character C, as in "}}}" or "=}}";
 * C must not be the character at FROM - 1 that opened the tag. */
static size_t
find_close_after(const struct parser *p, size_t from, char c)
{
	size_t at = find(p, from, p->close, p->close_len);

	while (at != NOT_FOUND && (at == from || p->src[at - 1] != c))
		at = find(p, at + 1, p->close, p->close_len);
	return at;
}

static struct mustache_node *
add_node(struct parser *p, enum mustache_node_type type, size_t offset)
{
	struct frame *level = &p->stack[p->depth];
	struct mustache_node *node;

	if ((node = calloc(1, sizeof *node)) == NULL) {
		dispute_error(_("%s: out of memory"), p->t->name);
		return NULL;
	}
	node->type = type;
	node->offset = offset;
	*level->tail = node;
	level->tail = &node->next;
	return node;
}

static int
add_text(struct parser *p, const char *text, size_t len)
{
	struct mustache_node *node;

	if (len == 0)
		return 0;
	if ((node = add_node(p, MUSTACHE_TEXT, 0)) == NULL)
		return -1;
	node->text = text;
	node->len = len;
	return 0;
}

static int
pay_indent(struct parser *p)
{
	if (p->indent == NULL || !p->at_line_start)
		return 0;
	p->at_line_start = 0;
	return add_text(p, p->indent, strlen(p->indent));
}

/* Source bytes START..END as literal text. A line that is only a line ending gets no
 * indent, so that an indented partial leaves no trailing blanks on empty lines. */
static int
emit_text(struct parser *p, size_t start, size_t end)
{
	const char *s = p->src + start, *line_end, *newline;
	const char *stop = p->src + end;

	if (p->indent == NULL)
		return add_text(p, s, end - start);
	while (s < stop) {
		newline = memchr(s, '\n', (size_t)(stop - s));
		line_end = newline != NULL ? newline + 1 : stop;
		if (!(newline == s || (newline == s + 1 && *s == '\r')) && pay_indent(p) < 0)
			return -1;
		if (add_text(p, s, (size_t)(line_end - s)) < 0)
			return -1;
		p->at_line_start = newline != NULL;
		s = line_end;
	}
	return 0;
}

static char *
copy_name(const struct parser *p, const struct tag *tag)
{
	char *name;

	if ((name = malloc(tag->name_len + 1)) == NULL) {
		dispute_error(_("%s: out of memory"), p->t->name);
		return NULL;
	}
	memcpy(name, p->src + tag->name, tag->name_len);
	name[tag->name_len] = '\0';
	return name;
}

static int
read_tag(const struct parser *p, size_t at, struct tag *tag)
{
	size_t body = at + p->open_len, close_at, name_end;

	tag->start = at;
	tag->sigil = 0;
	if (body < p->len && memchr("#^/!>&{=", p->src[body], 8) != NULL)
		tag->sigil = p->src[body++];

	if (tag->sigil == '{' || tag->sigil == '=') {
		close_at = find_close_after(p, body, tag->sigil == '{' ? '}' : '=');
		name_end = close_at - 1;
	} else
		close_at = name_end = find(p, body, p->close, p->close_len);
	if (close_at == NOT_FOUND) {
		if (tag->sigil == '=' && find(p, body, p->close, p->close_len) != NOT_FOUND)
			mustache_report(p->t, at, _("invalid delimiter tag: no \"=\" before the "
			    "closing delimiter"));
		else
			mustache_report(p->t, at, _("unclosed tag: no closing \"%.*s\"%s"),
			    (int)p->close_len, p->close,
			    tag->sigil == '{' ? _(" after \"}\"") : "");
		return -1;
	}
	tag->end = close_at + p->close_len;

	while (body < name_end && is_space(p->src[body]))
		body++;
	while (name_end > body && is_space(p->src[name_end - 1]))
		name_end--;
	tag->name = body;
	tag->name_len = name_end - body;
	if (tag->name_len == 0 && tag->sigil != '!') {
		mustache_report(p->t, at, tag->sigil == '=' ?
		    _("invalid delimiter tag: no delimiters") : _("tag has no name"));
		return -1;
	}
	return 0;
}

/* A section, inverted, closing, comment, partial or delimiter tag alone on its line
 * (blanks around it allowed) takes the whole line with it. On success gives the start
 * of the line and the start of the next one. */
static int
standalone(const struct parser *p, const struct tag *tag, size_t *line_start, size_t *next_line)
{
	size_t i = tag->start;

	if (tag->sigil == 0 || tag->sigil == '&' || tag->sigil == '{')
		return 0;
	while (i > 0 && (p->src[i - 1] == ' ' || p->src[i - 1] == '\t'))
		i--;
	if (i > 0 && p->src[i - 1] != '\n')
		return 0;
	*line_start = i;

	i = tag->end;
	while (i < p->len && (p->src[i] == ' ' || p->src[i] == '\t'))
		i++;
	if (i + 1 < p->len && p->src[i] == '\r' && p->src[i + 1] == '\n')
		i += 2;
	else if (i < p->len && p->src[i] == '\n')
		i++;
	else if (i < p->len)
		return 0;
	*next_line = i;
	return 1;
}

static int
set_delimiters(struct parser *p, const struct tag *tag)
{
	size_t i = tag->name, end = tag->name + tag->name_len, open, close;

	open = i;
	while (i < end && !is_space(p->src[i]))
		i++;
	p->open_len = i - open;
	while (i < end && is_space(p->src[i]))
		i++;
	close = i;
	while (i < end && !is_space(p->src[i]))
		i++;
	p->close_len = i - close;
	if (p->open_len == 0 || p->close_len == 0 || i != end ||
	    memchr(p->src + open, '=', p->open_len) != NULL ||
	    memchr(p->src + close, '=', p->close_len) != NULL) {
		mustache_report(p->t, tag->start,
		    _("invalid delimiter tag: want two delimiters without blanks or \"=\""));
		return -1;
	}
	p->open = p->src + open;
	p->close = p->src + close;
	return 0;
}

/* INDENT is the blank space before a standalone tag (NULL otherwise). */
static int
handle_tag(struct parser *p, const struct tag *tag, const char *indent, size_t indent_len)
{
	struct mustache_node *node = NULL, *open;
	enum mustache_node_type type;
	size_t outer;

	switch (tag->sigil) {
	case '!':
		return 0;
	case '=':
		return set_delimiters(p, tag);
	case '/':
		open = p->stack[p->depth].section;
		if (open == NULL) {
			mustache_report(p->t, tag->start, _("closing tag \"%.*s\" without an open "
			    "section"), (int)tag->name_len, p->src + tag->name);
			return -1;
		}
		if (strlen(open->name) != tag->name_len ||
		    memcmp(open->name, p->src + tag->name, tag->name_len) != 0) {
			mustache_report(p->t, tag->start, _("closing tag \"%.*s\" does not match "
			    "open section \"%s\""), (int)tag->name_len, p->src + tag->name,
			    open->name);
			return -1;
		}
		p->depth--;
		return 0;
	case '#':
	case '^':
		if (p->depth == MUSTACHE_MAX_SECTION_DEPTH) {
			mustache_report(p->t, tag->start, _("sections nested more than %d deep"),
			    MUSTACHE_MAX_SECTION_DEPTH);
			return -1;
		}
		type = tag->sigil == '#' ? MUSTACHE_SECTION : MUSTACHE_INVERTED;
		break;
	case '>':
		type = MUSTACHE_PARTIAL;
		break;
	case '&':
	case '{':
		type = MUSTACHE_RAW;
		break;
	default:
		type = MUSTACHE_VARIABLE;
		break;
	}

	if ((node = add_node(p, type, tag->start)) == NULL || (node->name = copy_name(p, tag)) == NULL)
		return -1;
	if (type == MUSTACHE_PARTIAL && indent != NULL) {
		/* A partial inside an indented partial carries both indents. */
		outer = p->indent != NULL ? strlen(p->indent) : 0;
		if ((node->indent = malloc(outer + indent_len + 1)) == NULL) {
			dispute_error(_("%s: out of memory"), p->t->name);
			return -1;
		}
		if (outer > 0)
			memcpy(node->indent, p->indent, outer);
		memcpy(node->indent + outer, indent, indent_len);
		node->indent[outer + indent_len] = '\0';
	}
	if (type == MUSTACHE_SECTION || type == MUSTACHE_INVERTED) {
		p->depth++;
		p->stack[p->depth].section = node;
		p->stack[p->depth].tail = &node->children;
	}
	return 0;
}

int
mustache_parse(struct mustache_template *t, const char *name, const char *source, size_t len,
    const char *indent)
{
	struct parser *p;
	struct tag tag;
	size_t text_start = 0, at, line_start, next_line;
	int status = DISPUTE_FAILED;

	t->name = name;
	t->source = source;
	t->len = len;
	t->nodes = NULL;
	/* The section stack is too big to be polite on the renderer's recursion path. */
	if ((p = calloc(1, sizeof *p)) == NULL) {
		dispute_error(_("%s: out of memory"), name);
		goto done;
	}
	p->t = t;
	p->src = source;
	p->len = len;
	p->indent = indent != NULL && *indent != '\0' ? indent : NULL;
	p->at_line_start = 1;
	p->open = "{{";
	p->close = "}}";
	p->open_len = p->close_len = 2;
	p->stack[0].tail = &t->nodes;

	while ((at = find(p, text_start, p->open, p->open_len)) != NOT_FOUND) {
		if (read_tag(p, at, &tag) < 0)
			goto done;
		if (standalone(p, &tag, &line_start, &next_line)) {
			if (emit_text(p, text_start, line_start) < 0 ||
			    handle_tag(p, &tag, source + line_start, tag.start - line_start) < 0)
				goto done;
			p->at_line_start = 1;
			text_start = next_line;
		} else {
			/* Comments and delimiter changes output nothing, so they leave the
			 * indent to whatever comes next on the line. */
			if (emit_text(p, text_start, at) < 0 ||
			    (tag.sigil != '!' && tag.sigil != '=' && pay_indent(p) < 0) ||
			    handle_tag(p, &tag, NULL, 0) < 0)
				goto done;
			text_start = tag.end;
		}
	}
	if (emit_text(p, text_start, len) < 0)
		goto done;
	if (p->depth > 0) {
		mustache_report(t, p->stack[p->depth].section->offset, _("unclosed section \"%s\""),
		    p->stack[p->depth].section->name);
		goto done;
	}
	status = DISPUTE_OK;
done:
	if (status != DISPUTE_OK)
		mustache_template_free(t);
	free(p);
	return status;
}
