/* Building the dossier's front page. Everything a template cannot compute (Mustache has
 * no arithmetic) is computed here into the view's "page" object: the ladder, the
 * timeline's SVG coordinates, the documents the dossier holds and how to verify it, and
 * through page-evidence.c the evidence with its thumbnails, sizes and printed pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dispute/calendar.h"
#include "dispute/dossier.h"
#include "dispute/draft-view.h"
#include "dispute/drafts.h"
#include "dispute/evidence-book.h"
#include "dispute/evidence.h"
#include "dispute/i18n.h"
#include "dispute/checklist.h"
#include "dispute/ladder.h"
#include "dispute/report.h"
#include "dispute/rules.h"
#include "dispute/template.h"
#include "dispute/timeline.h"
#include "dossier-book.h"
#include "evidence-view.h"
#include "page.h"
#include "page-evidence.h"
#include "page-link.h"
#include "text.h"

/* The timeline drawing, in SVG user units. */
#define SVG_WIDTH 760
#define SVG_LEFT 24
#define SVG_RIGHT 24
#define SVG_AXIS_Y 44
#define SVG_FIRST_ROW 82
#define SVG_ROW 26
#define SVG_LABEL_UNITS 52  /* half-width columns of a row label, ~340 units at 12px */
#define SVG_NEAR_DAYS 60    /* deadlines further beyond the last event sit off-scale */

struct page_build {
	const struct dispute_case *c;
	const struct dossier_inputs *in;
	const char *date;
	int en;
	const struct draft_view *draft;
	cJSON *view;                    /* the draft's document */
	cJSON *page;
	page_add_fn add;
	void *ctx;
	struct page_evidence *evidence; /* the rows of page.evidence */
};

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

/* ---- documents ------------------------------------------------------------------- */

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The evidence book beside the drafts, when the dossier holds it (dossier.c). */
static int
add_book(struct page_build *pb)
{
	char href[1024];

	if (!dossier_has_book(pb->in))
		return DISPUTE_OK;
	if (page_href("documents", EVIDENCE_BOOK_NAME, href, sizeof href) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (cJSON_AddStringToObject(pb->page, "book_href", href) == NULL)
		return dispute_oom();
	return DISPUTE_OK;
}

/* The drafts the dossier holds, listed by file name, whose numbers ("00-", "01-") give
 * the order a reader expects. */
static int
add_documents(struct page_build *pb)
{
	cJSON *list = cJSON_AddArrayToObject(pb->page, "documents");
	struct draft_document docs[DRAFT_DOCUMENT_MAX];
	const char *names[DRAFT_DOCUMENT_MAX];
	size_t count = drafts_documents(pb->c, pb->in->drafts, pb->in->draft_count, docs), i;

	if (list == NULL)
		return dispute_oom();
	for (i = 0; i < count; i++)
		names[i] = docs[i].name;
	qsort(names, count, sizeof names[0], compare_names);
	for (i = 0; i < count; i++) {
		cJSON *doc = cJSON_CreateObject();
		char href[1024], pdf_href[1024], *pdf = draft_pdf_name(names[i]);

		/* Each draft is there as text and, beside it, as PDF (dossier.c). */
		if (pdf == NULL || page_href("documents", names[i], href, sizeof href) != DISPUTE_OK ||
		    page_href("documents", pdf, pdf_href, sizeof pdf_href) != DISPUTE_OK) {
			free(pdf);
			cJSON_Delete(doc);
			return DISPUTE_FAILED;
		}
		free(pdf);
		if (doc == NULL || !cJSON_AddItemToArray(list, doc)) {
			cJSON_Delete(doc);
			return dispute_oom();
		}
		cJSON_AddStringToObject(doc, "name", names[i]);
		cJSON_AddStringToObject(doc, "href", href);
		cJSON_AddStringToObject(doc, "pdf_href", pdf_href);
	}
	cJSON_AddBoolToObject(pb->page, "has_documents", count > 0);
	return add_book(pb);
}

/* ---- the ladder ------------------------------------------------------------------ */

static int
add_ladder(struct page_build *pb)
{
	cJSON *ladder = NULL, *item, *checklist;
	const char *reached;
	int status = DISPUTE_FAILED;

	if (ladder_assess(pb->c, pb->in->rules, pb->in->holidays, pb->date, &ladder) != DISPUTE_OK)
		goto out;
	reached = member(ladder, "reached");
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(ladder, "rungs"))
		cJSON_AddBoolToObject(item, "current", reached != NULL &&
		    strcmp(member(item, "name"), reached) == 0);
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(ladder, "deadlines")) {
		const char *from;
		char zh[32];

		date_format_zh(member(item, "date"), zh);
		cJSON_AddStringToObject(item, "date_zh", zh);
		from = member(item, "counted_from");
		if (from != NULL && date_valid(from)) {
			date_format_zh(from, zh);
			cJSON_AddStringToObject(item, "counted_from_zh", zh);
		}
	}
	cJSON_AddBoolToObject(ladder, "has_missing", cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(ladder, "missing_for_next_step")) > 0);
	cJSON_AddBoolToObject(ladder, "has_deadlines",
	    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(ladder, "deadlines")) > 0);
	if (!cJSON_AddItemToObject(pb->page, "ladder", ladder)) {
		dispute_oom();
		goto out;
	}
	ladder = NULL;
	/* What to capture while the shop still shows it, ticked by the evidence kept. */
	if (checklist_build(pb->c, &checklist) != DISPUTE_OK)
		goto out;
	if (!cJSON_AddItemToObject(pb->page, "checklist", checklist)) {
		cJSON_Delete(checklist);
		dispute_oom();
		goto out;
	}
	status = DISPUTE_OK;
out:
	cJSON_Delete(ladder);
	return status;
}

/* ---- the timeline as SVG --------------------------------------------------------- */

/* Okabe-Ito colours: told apart also by people with colour-blindness. */
static const struct channel_style {
	const char *channel;
	const char *color;
	const char *en;
} channel_styles[] = {
	{ "merchant", "#0072B2", "merchant" },
	{ "platform", "#E69F00", "platform" },
	{ "12315", "#D55E00", "12315" },
	{ "consumer-association", "#CC79A7", "consumer association" },
	{ "court", "#009E73", "court" },
	{ "social", "#56B4E9", "public post" },
};
#define ORDER_COLOR "#666666"
#define DEADLINE_COLOR "#000000"

enum shape { SHAPE_DOT, SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_TRIANGLE, SHAPE_DIAMOND };

/* The outcome decides the mark's shape: the label says it too, for print in grey. */
static const struct outcome_style {
	const char *outcome;
	enum shape shape;
	int hollow, dashed;
	const char *en;
} outcome_styles[] = {
	{ "refused", SHAPE_SQUARE, 0, 0, "refused" },
	{ "no-response", SHAPE_CIRCLE, 1, 0, "no response" },
	{ "pending", SHAPE_CIRCLE, 1, 1, "pending" },
	{ "partial", SHAPE_TRIANGLE, 0, 0, "partly resolved" },
	{ "resolved", SHAPE_CIRCLE, 0, 0, "resolved" },
	{ "agreement", SHAPE_SQUARE, 1, 0, "agreement signed" },
};

static const struct channel_style *
channel_style(const char *channel)
{
	size_t i;

	for (i = 0; i < sizeof channel_styles / sizeof channel_styles[0]; i++)
		if (strcmp(channel_styles[i].channel, channel) == 0)
			return &channel_styles[i];
	return NULL;
}

static const struct outcome_style *
outcome_style(const char *outcome)
{
	size_t i;

	for (i = 0; i < sizeof outcome_styles / sizeof outcome_styles[0]; i++)
		if (strcmp(outcome_styles[i].outcome, outcome) == 0)
			return &outcome_styles[i];
	return NULL;
}

/* One event on the drawing: a contact, the order, the delivery or a deadline. */
struct event {
	const char *date;
	const char *color;
	enum shape shape;
	int hollow, dashed, deadline;
	char what[256];     /* "商家·拒绝", "下单", "期限：诉讼时效届满" */
	const char *text;   /* what was said or done, or NULL */
};

/* Stores the mark of SHAPE at (X, Y) in OBJ: a circle or a polygon's points. */
static void
add_shape(cJSON *obj, enum shape shape, int x, int y, int size)
{
	char points[128];

	cJSON_AddBoolToObject(obj, "circle", shape == SHAPE_DOT || shape == SHAPE_CIRCLE);
	cJSON_AddNumberToObject(obj, "r", shape == SHAPE_DOT ? size - 2 : size);
	switch (shape) {
	case SHAPE_SQUARE:
		snprintf(points, sizeof points, "%d,%d %d,%d %d,%d %d,%d", x - size, y - size,
		    x + size, y - size, x + size, y + size, x - size, y + size);
		break;
	case SHAPE_TRIANGLE:
		snprintf(points, sizeof points, "%d,%d %d,%d %d,%d", x, y - size - 1,
		    x + size + 1, y + size, x - size - 1, y + size);
		break;
	case SHAPE_DIAMOND:
		snprintf(points, sizeof points, "%d,%d %d,%d %d,%d %d,%d", x, y - size - 1,
		    x + size + 1, y, x, y + size + 1, x - size - 1, y);
		break;
	default:
		points[0] = '\0';
	}
	if (points[0] != '\0')
		cJSON_AddStringToObject(obj, "points", points);
}

static void
add_style(cJSON *obj, const char *color, int hollow, int dashed)
{
	cJSON_AddStringToObject(obj, "fill", hollow ? "#ffffff" : color);
	cJSON_AddStringToObject(obj, "stroke", color);
	cJSON_AddBoolToObject(obj, "dashed", dashed);
}

/* Copies S into OUT, cut to at most UNITS half-width columns with "…". */
static void
clip_label(const char *s, int units, char *out, size_t len)
{
	size_t i = 0, o = 0;
	int used = 0;

	while (s[i] != '\0') {
		size_t n = utf8_sequence_length((const unsigned char *)s + i, strlen(s + i));
		int w;

		if (n == 0)
			break;
		w = n == 1 ? 1 : 2;
		if (s[i] == '\n' || s[i] == '\t') {
			i++;
			continue;
		}
		if (used + w > units - 1 || o + n + 4 > len) {
			if (o + 4 <= len) {
				memcpy(out + o, "…", 3);
				o += 3;
			}
			break;
		}
		memcpy(out + o, s + i, n);
		o += n;
		i += n;
		used += w;
	}
	out[o] = '\0';
}

static int
days_from(const char *start, const char *date)
{
	int days = 0;

	if (date_diff_days(start, date, &days) != DISPUTE_OK)
		return 0;
	return days;
}

static int
x_of(int days, int span)
{
	return SVG_LEFT + (int)((long)days * (SVG_WIDTH - SVG_LEFT - SVG_RIGHT) / span);
}

/* The axis' ticks: both ends and up to five dates between, as "MM-DD", the first with
 * its year. */
/* DATE on the drawing: in English "2026-10-12", or "10-12" when not FULL; in Chinese
 * "2026年10月12日" or "10月12日", never an ISO string. */
static void
day_text(const char *date, int en, int full, char *buf, size_t size)
{
	struct date_ymd d;

	if (en || !date_parse(date, &d))
		snprintf(buf, size, "%s", full || strlen(date) < 5 ? date : date + 5);
	else if (full)
		snprintf(buf, size, "%d年%d月%d日", d.y, d.m, d.d);
	else
		snprintf(buf, size, "%d月%d日", d.m, d.d);
}

static void
add_ticks(cJSON *svg, const char *start, int span, int en)
{
	cJSON *ticks = cJSON_AddArrayToObject(svg, "ticks");
	int intervals = span < 6 ? span : 6, i;

	for (i = 0; ticks != NULL && i <= intervals; i++) {
		int days = (int)((long)i * span / intervals);
		char date[DATE_LEN], label[32];
		cJSON *tick;

		if (date_add_days(start, days, date) != DISPUTE_OK)
			return;
		tick = cJSON_CreateObject();
		if (tick == NULL)
			return;
		cJSON_AddNumberToObject(tick, "x", x_of(days, span));
		cJSON_AddNumberToObject(tick, "y1", SVG_AXIS_Y - 5);
		cJSON_AddNumberToObject(tick, "y2", SVG_AXIS_Y + 5);
		cJSON_AddNumberToObject(tick, "label_y", SVG_AXIS_Y - 14);
		day_text(date, en, i == 0 || i == intervals, label, sizeof label);
		cJSON_AddStringToObject(tick, "label", label);
		cJSON_AddStringToObject(tick, "anchor", i == 0 ? "start" : i == intervals ? "end" :
		    "middle");
		cJSON_AddItemToArray(ticks, tick);
	}
}

/* "10-12 商家·拒绝 商家称人为损坏…", cut to fit beside the mark; an event beyond the
 * drawn range carries its whole date and says so. */
static void
event_label(const struct event *ev, int off_scale, int en, char *label, size_t len)
{
	char full[1024], day[32];

	day_text(ev->date, en, off_scale, day, sizeof day);
	snprintf(full, sizeof full, "%s %s%s%s%s", day, ev->what,
	    ev->text != NULL ? " " : "", ev->text != NULL ? ev->text : "",
	    !off_scale ? "" : en ? " → (off the scale)" : " →（超出图示范围）");
	clip_label(full, SVG_LABEL_UNITS, label, len);
}

/* The events, in date order: the order and the delivery, then every contact. */
static size_t
collect_events(struct page_build *pb, struct event *events, size_t max)
{
	const cJSON *item, *order = cJSON_GetObjectItemCaseSensitive(pb->view, "order");
	static const char *const order_dates[][3] = {
		{ "date", "下单", "ordered" },
		{ "received", "收货", "received" },
	};
	size_t n = 0, i, j;

	for (i = 0; i < 2; i++) {
		const char *date = member(order, order_dates[i][0]);

		if (date == NULL || n == max)
			continue;
		memset(&events[n], 0, sizeof events[n]);
		events[n].date = date;
		events[n].color = ORDER_COLOR;
		events[n].shape = SHAPE_DOT;
		snprintf(events[n].what, sizeof events[n].what, "%s",
		    order_dates[i][pb->en ? 2 : 1]);
		n++;
	}
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(pb->view, "timeline")) {
		const struct channel_style *cs = channel_style(member(item, "channel"));
		const struct outcome_style *os = outcome_style(member(item, "outcome"));

		if (n == max)
			break;
		memset(&events[n], 0, sizeof events[n]);
		events[n].date = member(item, "date");
		events[n].color = cs != NULL ? cs->color : ORDER_COLOR;
		events[n].shape = os != NULL ? os->shape : SHAPE_CIRCLE;
		events[n].hollow = os != NULL && os->hollow;
		events[n].dashed = os != NULL && os->dashed;
		if (pb->en)
			snprintf(events[n].what, sizeof events[n].what, "%s · %s", cs != NULL ?
			    cs->en : member(item, "channel"), os != NULL ? os->en :
			    member(item, "outcome"));
		else
			snprintf(events[n].what, sizeof events[n].what, "%s·%s",
			    member(item, "channel_zh"), member(item, "outcome_zh"));
		events[n].text = member(item, "text");
		n++;
	}
	/* Stable insertion sort: the order dates come before contacts of the same day. */
	for (i = 1; i < n; i++) {
		struct event tmp = events[i];

		for (j = i; j > 0 && strcmp(events[j - 1].date, tmp.date) > 0; j--)
			events[j] = events[j - 1];
		events[j] = tmp;
	}
	return n;
}

static int
add_row(struct page_build *pb, cJSON *rows, const struct event *ev, int x, int y,
    int off_scale)
{
	cJSON *row = cJSON_CreateObject();
	char label[512], title[1024], day[32];
	int right = x > SVG_WIDTH / 2;

	if (row == NULL || !cJSON_AddItemToArray(rows, row)) {
		cJSON_Delete(row);
		return dispute_oom();
	}
	event_label(ev, off_scale, pb->en, label, sizeof label);
	day_text(ev->date, pb->en, 1, day, sizeof day);
	snprintf(title, sizeof title, "%s %s%s%s", day, ev->what, ev->text != NULL ? " " : "",
	    ev->text != NULL ? ev->text : "");
	cJSON_AddNumberToObject(row, "x", x);
	cJSON_AddNumberToObject(row, "y", y);
	cJSON_AddNumberToObject(row, "axis_y", SVG_AXIS_Y);
	cJSON_AddBoolToObject(row, "leader", !off_scale && !ev->deadline);
	cJSON_AddBoolToObject(row, "deadline", ev->deadline);
	cJSON_AddNumberToObject(row, "label_x", right ? x - 12 : x + 12);
	cJSON_AddNumberToObject(row, "label_y", y + 4);
	cJSON_AddStringToObject(row, "anchor", right ? "end" : "start");
	cJSON_AddStringToObject(row, "label", label);
	cJSON_AddStringToObject(row, "title", title);
	cJSON_AddStringToObject(row, "date", ev->date);
	add_shape(row, ev->shape, x, y, 6);
	add_style(row, ev->color, ev->hollow, ev->dashed);
	return DISPUTE_OK;
}

/* The legend: the channels and outcomes that appear, each with its mark. */
static void
add_legend(struct page_build *pb, cJSON *svg, const struct event *events, size_t n)
{
	cJSON *legend = cJSON_AddArrayToObject(svg, "legend");
	const cJSON *item;
	size_t i;

	for (i = 0; legend != NULL && i < sizeof channel_styles / sizeof channel_styles[0]; i++) {
		cJSON *entry;
		int used = 0;

		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(pb->view, "timeline"))
			used |= strcmp(member(item, "channel"), channel_styles[i].channel) == 0;
		if (!used || (entry = cJSON_CreateObject()) == NULL)
			continue;
		cJSON_AddStringToObject(entry, "label", pb->en ? channel_styles[i].en :
		    timeline_label_zh(channel_styles[i].channel));
		add_shape(entry, SHAPE_SQUARE, 8, 8, 5);
		add_style(entry, channel_styles[i].color, 0, 0);
		cJSON_AddItemToArray(legend, entry);
	}
	for (i = 0; legend != NULL && i < sizeof outcome_styles / sizeof outcome_styles[0]; i++) {
		cJSON *entry;
		int used = 0;

		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(pb->view, "timeline"))
			used |= strcmp(member(item, "outcome"), outcome_styles[i].outcome) == 0;
		if (!used || (entry = cJSON_CreateObject()) == NULL)
			continue;
		cJSON_AddStringToObject(entry, "label", pb->en ? outcome_styles[i].en :
		    timeline_label_zh(outcome_styles[i].outcome));
		add_shape(entry, outcome_styles[i].shape, 8, 8, 5);
		add_style(entry, "#333333", outcome_styles[i].hollow, outcome_styles[i].dashed);
		cJSON_AddItemToArray(legend, entry);
	}
	for (i = 0; legend != NULL && i < n; i++) {
		cJSON *entry;

		if (!events[i].deadline || (entry = cJSON_CreateObject()) == NULL)
			continue;
		cJSON_AddStringToObject(entry, "label", pb->en ? "deadline" : "期限");
		add_shape(entry, SHAPE_DIAMOND, 8, 8, 5);
		add_style(entry, DEADLINE_COLOR, 1, 0);
		cJSON_AddItemToArray(legend, entry);
		break;
	}
}

static int
add_timeline_svg(struct page_build *pb)
{
	struct event *events = NULL;
	const cJSON *ladder = cJSON_GetObjectItemCaseSensitive(pb->page, "ladder");
	const cJSON *deadlines = cJSON_GetObjectItemCaseSensitive(ladder, "deadlines"), *d;
	size_t max = (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(pb->view,
	    "timeline")) + (size_t)cJSON_GetArraySize(deadlines) + 2, n, contacts, i;
	cJSON *svg, *rows, *lines;
	const char *start, *end;
	char near_end[DATE_LEN], day[32];
	int span, status = DISPUTE_FAILED;

	events = calloc(max, sizeof *events);
	if (events == NULL)
		return dispute_oom();
	contacts = n = collect_events(pb, events, max);
	if (n == 0) {
		status = DISPUTE_OK; /* nothing to draw: the template says so */
		goto out;
	}
	start = events[0].date;
	end = strcmp(events[n - 1].date, pb->date) > 0 ? events[n - 1].date : pb->date;
	if (date_add_days(end, SVG_NEAR_DAYS, near_end) != DISPUTE_OK)
		goto out;
	cJSON_ArrayForEach(d, deadlines) {
		struct event *ev = &events[n];

		if (n == max)
			break;
		memset(ev, 0, sizeof *ev);
		ev->date = member(d, "date");
		ev->color = DEADLINE_COLOR;
		ev->shape = SHAPE_DIAMOND;
		ev->hollow = 1;
		ev->deadline = 1;
		snprintf(ev->what, sizeof ev->what, "%s%s", pb->en ? "deadline: " : "期限：",
		    member(d, pb->en ? "en" : "zh"));
		if (strcmp(ev->date, near_end) <= 0 && strcmp(ev->date, end) > 0)
			end = ev->date;
		n++;
	}
	span = days_from(start, end);
	if (span < 1)
		span = 1;
	svg = cJSON_AddObjectToObject(pb->page, "timeline");
	rows = svg != NULL ? cJSON_AddArrayToObject(svg, "rows") : NULL;
	lines = svg != NULL ? cJSON_AddArrayToObject(svg, "deadline_lines") : NULL;
	if (lines == NULL) {
		dispute_oom();
		goto out;
	}
	for (i = 0; i < n; i++) {
		int off_scale = strcmp(events[i].date, end) > 0;
		int days = days_from(start, events[i].date);
		int x = off_scale ? SVG_WIDTH - SVG_RIGHT : x_of(days > 0 ? days : 0, span);
		int y = SVG_FIRST_ROW + (int)i * SVG_ROW;

		if (add_row(pb, rows, &events[i], x, y, off_scale) != DISPUTE_OK)
			goto out;
		if (events[i].deadline && !off_scale) {
			cJSON *line = cJSON_CreateObject();

			if (line == NULL || !cJSON_AddItemToArray(lines, line)) {
				cJSON_Delete(line);
				dispute_oom();
				goto out;
			}
			cJSON_AddNumberToObject(line, "x", x);
			cJSON_AddNumberToObject(line, "y1", SVG_AXIS_Y - 12);
			cJSON_AddNumberToObject(line, "y2", y);
		}
	}
	cJSON_AddNumberToObject(svg, "width", SVG_WIDTH);
	cJSON_AddNumberToObject(svg, "height", SVG_FIRST_ROW + (int)n * SVG_ROW - 6);
	cJSON_AddNumberToObject(svg, "axis_y", SVG_AXIS_Y);
	cJSON_AddNumberToObject(svg, "axis_x1", SVG_LEFT);
	cJSON_AddNumberToObject(svg, "axis_x2", SVG_WIDTH - SVG_RIGHT);
	cJSON_AddNumberToObject(svg, "contacts", (double)contacts);
	cJSON_AddStringToObject(svg, "start", start);
	cJSON_AddStringToObject(svg, "end", end);
	day_text(start, 0, 1, day, sizeof day);
	cJSON_AddStringToObject(svg, "start_zh", day);
	day_text(end, 0, 1, day, sizeof day);
	cJSON_AddStringToObject(svg, "end_zh", day);
	add_ticks(svg, start, span, pb->en);
	add_legend(pb, svg, events, n);
	status = DISPUTE_OK;
out:
	free(events);
	return status;
}

/* The contacts for the table under the drawing, with labels in the page's language. */
static int
add_contacts(struct page_build *pb)
{
	cJSON *list = cJSON_AddArrayToObject(pb->page, "contacts");
	const cJSON *item;

	if (list == NULL)
		return dispute_oom();
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(pb->view, "timeline")) {
		const struct channel_style *cs = channel_style(member(item, "channel"));
		const struct outcome_style *os = outcome_style(member(item, "outcome"));
		cJSON *row = cJSON_Duplicate(item, 1);

		if (row == NULL || !cJSON_AddItemToArray(list, row)) {
			cJSON_Delete(row);
			return dispute_oom();
		}
		cJSON_AddStringToObject(row, "color", cs != NULL ? cs->color : ORDER_COLOR);
		cJSON_AddStringToObject(row, "channel_label", pb->en ? (cs != NULL ? cs->en :
		    member(item, "channel")) : member(item, "channel_zh"));
		cJSON_AddStringToObject(row, "outcome_label", pb->en ? (os != NULL ? os->en :
		    member(item, "outcome")) : member(item, "outcome_zh"));
	}
	cJSON_AddBoolToObject(pb->page, "has_contacts", cJSON_GetArraySize(list) > 0);
	return DISPUTE_OK;
}

/* ---- the page -------------------------------------------------------------------- */

static int
add_facts(struct page_build *pb)
{
	char zh[32];

	date_format_zh(pb->date, zh);
	cJSON_AddStringToObject(pb->page, "lang", pb->en ? "en" : "zh-CN");
	cJSON_AddStringToObject(pb->page, "date", pb->date);
	cJSON_AddStringToObject(pb->page, "date_zh", zh);
	if (pb->in->bag_name != NULL)
		cJSON_AddStringToObject(pb->page, "bag_name", pb->in->bag_name);
	if (pb->in->date_warning_zh != NULL)
		cJSON_AddStringToObject(pb->page, "date_warning", pb->en ? pb->in->date_warning_en :
		    pb->in->date_warning_zh);
	return DISPUTE_OK;
}

/* The page's Content-Security-Policy, put in by the program so that a case's own
 * template cannot leave it out. The shipped page needs exactly this: its inline
 * <style> and style attributes, its thumbnails (img-src; data: is harmless, an image
 * runs nothing), and the videos and recordings it plays (media-src). It runs no script
 * and fetches nothing else, so everything else is 'none': a template that adds a
 * script, a frame, a font or a remote picture gets nothing run or loaded. Links are
 * followed only when the reader clicks them, which a policy does not govern. */
#define PAGE_CSP "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; " \
	"img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'\">"

/* What comes before <head> is read here and by the browser alike only in its plain
 * forms; anything else is refused rather than guessed at, since a disagreement could
 * hide a script from this scan (a comment "<!-->" ends at once for a browser). */
#define HTML_BLANKS " \t\r\n\f"

/* P past blanks and comments "<!--TEXT-->" whose TEXT does not start with ">" or "->"
 * and holds no "--". */
static const char *
skip_blanks(const char *p)
{
	const char *end;

	for (;;) {
		p += strspn(p, HTML_BLANKS);
		if (strncmp(p, "<!--", 4) != 0 || p[4] == '>' || strncmp(p + 4, "->", 2) == 0)
			return p;
		end = strstr(p + 4, "--");
		if (end == NULL || strncmp(end, "-->", 3) != 0)
			return p;
		p = end + 3;
	}
}

/* Past the start tag <NAME ...> at P, or NULL unless its attributes are plain: NAME,
 * NAME=VALUE or NAME="VALUE" (or '...'), each after a blank, with no quote, '<' or '>'
 * inside a value. */
static const char *
skip_tag(const char *p, const char *name)
{
	size_t n = strlen(name), blanks;
	const char *end;

	if (p[0] != '<' || strncasecmp(p + 1, name, n) != 0)
		return NULL;
	p += 1 + n;
	for (;;) {
		blanks = strspn(p, HTML_BLANKS);
		p += blanks;
		if (*p == '>')
			return p + 1;
		n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:.");
		if (blanks == 0 || n == 0)
			return NULL;
		p += n;
		if (*p != '=')
			continue;
		p++;
		if (*p == '"' || *p == '\'') {
			end = strchr(p + 1, *p);
			if (end == NULL || strcspn(p + 1, "\"'<>") != (size_t)(end - p - 1))
				return NULL;
			p = end + 1;
		} else {
			n = strcspn(p, HTML_BLANKS "\"'<>=`");
			if (n == 0)
				return NULL;
			p += n;
		}
	}
}

/* The policy goes right after <head>, which must come within the first POLICY_SCAN
 * bytes of the page: the rest streams past unread. */
#define POLICY_SCAN (64 * 1024)

/* The page on its way to the caller's WRITE: held until where PAGE_CSP goes is
 * known, then passed through. */
struct policy_filter {
	const char *template_path;
	page_write_fn write;
	void *ctx;
	char head[POLICY_SCAN + 1];
	size_t len;
	int passing;            /* the policy is in: the rest goes straight on */
};

/* Puts PAGE_CSP right after <head>, which must come first: before it only a byte order
 * mark, <!DOCTYPE html>, <html ...>, blanks and comments, none of which can run or
 * load anything before the policy applies. */
static int
add_policy(struct policy_filter *f)
{
	const char *p = f->head, *next;
	size_t at;

	f->head[f->len] = '\0';
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	p = skip_blanks(p);
	if (strncasecmp(p, "<!doctype", 9) == 0 && (next = strchr(p, '>')) != NULL)
		p = skip_blanks(next + 1);
	if ((next = skip_tag(p, "html")) != NULL)
		p = skip_blanks(next);
	next = skip_tag(p, "head");
	if (next == NULL) {
		dispute_error(_("%s: the page must begin with <head>, within its first %d KiB "
		    "(after an optional <!DOCTYPE html>, <html> with plain attributes, and "
		    "comments), so that its security policy comes before anything else"),
		    f->template_path, POLICY_SCAN / 1024);
		return DISPUTE_FAILED;
	}
	at = (size_t)(next - f->head);
	f->passing = 1;
	if (f->write(f->head, at, f->ctx) != DISPUTE_OK ||
	    f->write("\n", 1, f->ctx) != DISPUTE_OK ||
	    f->write(PAGE_CSP, strlen(PAGE_CSP), f->ctx) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return f->write(f->head + at, f->len - at, f->ctx);
}

static int
write_filtered(const char *bytes, size_t n, void *ctx)
{
	struct policy_filter *f = ctx;
	size_t room;

	if (f->passing)
		return f->write(bytes, n, f->ctx);
	room = POLICY_SCAN - f->len;
	if (n < room) {
		memcpy(f->head + f->len, bytes, n);
		f->len += n;
		return DISPUTE_OK;
	}
	memcpy(f->head + f->len, bytes, room);
	f->len += room;
	if (add_policy(f) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return f->write(bytes + room, n - room, f->ctx);
}

static int
render(struct page_build *pb, page_write_fn write, void *ctx)
{
	struct policy_filter *f = calloc(1, sizeof *f);
	struct row_list lists[EVIDENCE_LISTS + 1];
	struct template_data data = { pb->view, lists, EVIDENCE_LISTS + 1 };
	char *path = NULL, *shipped_dir = NULL;
	int status = DISPUTE_FAILED;

	if (f == NULL)
		return dispute_oom();
	/* The view's lists, and the page's own. */
	memcpy(lists, pb->draft->data.lists, EVIDENCE_LISTS * sizeof *lists);
	lists[EVIDENCE_LISTS] = *page_evidence_list(pb->evidence);
	f->write = write;
	f->ctx = ctx;
	if (template_find(case_dir(pb->c), pb->en ? "en" : "zh-CN", "index.html", &path,
	    &shipped_dir) != DISPUTE_OK)
		goto out;
	f->template_path = path;
	/* A page shorter than the scan is still held whole when the render ends. */
	if (template_render_file_to(path, shipped_dir, &data, TEMPLATE_ESCAPE_HTML,
	    write_filtered, f) == DISPUTE_OK && (f->passing || add_policy(f) == DISPUTE_OK))
		status = DISPUTE_OK;
out:
	free(shipped_dir);
	free(path);
	free(f);
	return status;
}

int
page_add_to_bag(const struct dispute_case *c, const struct dossier_inputs *in, page_add_fn add,
    page_write_fn write, void *ctx)
{
	struct page_build pb;
	int status = DISPUTE_FAILED;

	memset(&pb, 0, sizeof pb);
	pb.c = c;
	pb.in = in;
	pb.date = in->date;
	pb.en = strcmp(draft_language(c), "en") == 0;
	pb.add = add;
	pb.ctx = ctx;
	pb.draft = in->view;
	pb.view = in->view->json;
	/* The page's own members go into the shared view while it renders, and leave it
	 * afterwards, so that whatever renders from the view next sees it unchanged. */
	pb.page = cJSON_AddObjectToObject(pb.view, "page");
	if (pb.page == NULL) {
		dispute_oom();
		goto out;
	}
	if (add_facts(&pb) != DISPUTE_OK || add_ladder(&pb) != DISPUTE_OK ||
	    page_evidence_add(c, in->view, pb.page, pb.en, add, ctx, &pb.evidence) != DISPUTE_OK ||
	    add_documents(&pb) != DISPUTE_OK ||
	    add_contacts(&pb) != DISPUTE_OK || add_timeline_svg(&pb) != DISPUTE_OK ||
	    render(&pb, write, ctx) != DISPUTE_OK)
		goto out;
	status = DISPUTE_OK;
out:
	page_evidence_free(pb.evidence);
	cJSON_DeleteItemFromObjectCaseSensitive(pb.view, "page");
	return status;
}
