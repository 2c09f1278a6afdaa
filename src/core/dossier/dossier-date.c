/* Whether a dossier's date comes before what it describes: the latest timeline entry
 * or evidence intake (dossier.h). Letters signed 2026年10月1日 cannot tell of a refusal
 * of 10月14日, nor can a page list evidence added in December. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/date.h"
#include "dispute/dossier.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/timeline.h"

static const char *
member(const cJSON *item, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, name));
}

/* The latest entry: its day, and the record it is (a timeline entry or an evidence
 * record). Each day is the first ten characters of "date" or "added". */
struct latest {
	char day[DATE_LEN];
	const cJSON *entry;
	int is_evidence;
};

static void
consider(struct latest *l, const cJSON *entry, const char *stamp, int is_evidence)
{
	char day[DATE_LEN];

	if (stamp == NULL || strlen(stamp) < 10)
		return;
	snprintf(day, sizeof day, "%.10s", stamp);
	if (!date_valid(day) || strcmp(day, l->day) <= 0)
		return;
	memcpy(l->day, day, sizeof day);
	l->entry = entry;
	l->is_evidence = is_evidence;
}

/* How an entry is described: for the buyer (translated), or inside the dossier in
 * English or in Chinese whatever the locale. */
enum wording { FOR_USER, IN_ENGLISH, IN_CHINESE };

/* "the timeline entry of 2026-10-14 (merchant, refused)" or "evidence E05
 * (chat.txt), added on 2026-12-01", worded as HOW says. */
static char *
describe(const struct latest *l, enum wording how)
{
	const char *id = member(l->entry, "id"), *name = member(l->entry, "original_name");
	const char *channel = member(l->entry, "channel"), *outcome = member(l->entry, "outcome");
	char zh[32], *text = NULL;
	int n;

	date_format_zh(l->day, zh);
	if (how == IN_CHINESE && l->is_evidence)
		n = asprintf(&text, "%s添加的证据 %s（%s）", zh, id, name);
	else if (how == IN_CHINESE)
		n = asprintf(&text, "%s的时间线记录（%s，%s）", zh, timeline_label_zh(channel),
		    timeline_label_zh(outcome));
	else if (l->is_evidence)
		n = asprintf(&text, how == FOR_USER ? _("evidence %s (%s), added on %s") :
		    "evidence %s (%s), added on %s", id, name, l->day);
	else
		n = asprintf(&text, how == FOR_USER ? _("the timeline entry of %s (%s, %s)") :
		    "the timeline entry of %s (%s, %s)", l->day, channel, outcome);
	if (n == -1) {
		dispute_error(_("out of memory"));
		return NULL;
	}
	return text;
}

/* The latest entry of C after DATE, described for the user and for the dossier in
 * English and Chinese (malloc'd); all NULL when nothing comes after DATE. */
static int
conflict(const struct dispute_case *c, const char *date, char *text[3])
{
	struct latest l = { "", NULL, 0 };
	const cJSON *item;
	int i;

	text[FOR_USER] = text[IN_ENGLISH] = text[IN_CHINESE] = NULL;
	cJSON_ArrayForEach(item, case_timeline(c))
		consider(&l, item, member(item, "date"), 0);
	cJSON_ArrayForEach(item, case_evidence(c))
		consider(&l, item, member(item, "added"), 1);
	if (l.entry == NULL || strcmp(l.day, date) <= 0)
		return DISPUTE_OK;
	for (i = 0; i < 3; i++) {
		if ((text[i] = describe(&l, (enum wording)i)) == NULL) {
			while (i-- > 0) {
				free(text[i]);
				text[i] = NULL;
			}
			return DISPUTE_FAILED;
		}
	}
	return DISPUTE_OK;
}

int
dossier_inputs_check_date(const struct dispute_case *c, struct dossier_inputs *in, int force)
{
	char *text[3], *warn_en, *warn_zh, day_zh[32];
	int status = DISPUTE_FAILED, i;

	if (conflict(c, in->date, text) != DISPUTE_OK)
		return DISPUTE_FAILED;
	if (text[FOR_USER] == NULL)
		return DISPUTE_OK;
	if (!force) {
		dispute_error(_("--date %s is before %s: letters and a page dated then would tell "
		    "of what had not happened yet; nothing was written (see --force)"), in->date,
		    text[FOR_USER]);
		goto out;
	}
	dispute_warning(_("--date %s is before %s; packed anyway (--force), with a warning "
	    "inside the dossier"), in->date, text[FOR_USER]);
	date_format_zh(in->date, day_zh);
	if (asprintf(&warn_en, "this dossier is dated %s, before %s that it describes; the "
	    "date was chosen knowingly (--force)", in->date, text[IN_ENGLISH]) == -1)
		warn_en = NULL;
	if (asprintf(&warn_zh, "本案卷的制作日期（%s）早于其中记载的%s；该日期系制作人明知而"
	    "指定（--force）。", day_zh, text[IN_CHINESE]) == -1)
		warn_zh = NULL;
	if (warn_en == NULL || warn_zh == NULL) {
		dispute_error(_("out of memory"));
		free(warn_en);
		free(warn_zh);
		goto out;
	}
	in->date_warning_en = warn_en;
	in->date_warning_zh = warn_zh;
	status = DISPUTE_OK;
out:
	for (i = 0; i < 3; i++)
		free(text[i]);
	return status;
}
