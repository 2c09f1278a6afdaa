# dispute status: the escalation ladder. The next step after each rung, the 12315
# acceptance deadline in working days under the holiday table (shipped, the case's own,
# or $DISPUTE_HOLIDAYS) and the rule in force on the filing date, the limitation period,
# the evidence still missing, and a resolved case.
. "$TEST_LIB"
unset DISPUTE_HOLIDAYS

RULES=$TEST_DATA_DIR/../../rules/zh-CN.json
FLAG="[check the current official text]"

# rule ID EFFECTIVE FIELD: FIELD (law, article, confirmed) of the version of rule ID that
# takes effect on EFFECTIVE, from the shipped rule table.
rule() {
	awk -F'"' -v id="$1" -v eff="$2" -v field="$3" '
	    /"id":/ { cur = $4; law = ""; article = "" }
	    /"law":/ && law == "" { law = $4 }
	    /"article":/ && article == "" { article = $4 }
	    /"effective":/ && cur == id && $4 == eff { hit = 1 }
	    hit && /"confirmed":/ {
		c = $0; sub(/.*"confirmed": */, "", c); sub(/,.*/, "", c)
		if (field == "law") print law; else if (field == "article") print article;
		else print c
		exit
	    }' "$RULES"
}

# deadlines DIR [TABLE]: the deadline lines of `dispute -C DIR status`, into ./deadlines;
# with TABLE, run with DISPUTE_HOLIDAYS=TABLE.
deadlines() {
	if [ $# -ge 2 ]; then
		env DISPUTE_HOLIDAYS="$2" "$DISPUTE" -C "$1" status >out 2>err
	else
		"$DISPUTE" -C "$1" status >out 2>err
	fi
	grep '^deadline ' out >deadlines
}

# The 12315 acceptance rule: the interim measures (Order 20) until 2026-04-14, the new
# measures (Order 121) from 2026-04-15.
OLD_LAW=$(rule 12315-acceptance 2020-01-01 law)
OLD_ARTICLE=$(rule 12315-acceptance 2020-01-01 article)
NEW_LAW=$(rule 12315-acceptance 2026-04-15 law)
NEW_ARTICLE=$(rule 12315-acceptance 2026-04-15 article)
check "the old 12315 rule is 市场监督管理投诉举报处理暂行办法" test "$OLD_LAW" = 市场监督管理投诉举报处理暂行办法
check "the old 12315 rule is confirmed" test "$(rule 12315-acceptance 2020-01-01 confirmed)" = true
check "the new 12315 rule is 市场监督管理投诉举报处理办法" test "$NEW_LAW" = 市场监督管理投诉举报处理办法
check "the new 12315 rule is not confirmed" test "$(rule 12315-acceptance 2026-04-15 confirmed)" = false
check "the old rule's source is Order 20" sh -c "grep -q '总局令第20号' '$RULES'"

# A fresh case: ask the merchant first.
"$DISPUTE" -q init c || exit 1
"$DISPUTE" -q -C c set order.id 6912345678901234 || exit 1
cp c/case.json before.json
expect 0 "status of a fresh case" "$DISPUTE" -C c status
line out "ladder: keep evidence, ask the merchant \[here\] → complain to the platform → 12315 / consumer association → lawsuit → public post" \
    "a fresh case stands on the first rung"
line out "next step: ask the merchant for a refund .*" \
    "a fresh case's next step is to contact the merchant"
line out "  dispute log -c merchant -o OUTCOME TEXT" "the next step's command logs the merchant contact"
line out "  missing: .*\(dispute add-evidence -k defect FILE\)" "a fresh case misses a defect photo"
line out "  missing: .*\(dispute add-evidence -k order FILE\)" "a fresh case misses the order screenshot"
line out "  missing: a record of contacting the merchant .*" "a fresh case misses a record of contacting the merchant"
lacks out "deadline " "a fresh case without dates has no deadline"
lacks out "resolved" "a fresh case is not resolved"
same before.json c/case.json "status leaves case.json byte-identical"
expect 0 "status --json of a fresh case" "$DISPUTE" -C c status --json
contains out '"reached":	"evidence",' "JSON: the fresh case reached the evidence rung"
contains out '"resolved":	false,' "JSON: the fresh case is not resolved"
contains out '"command":	"dispute log -c merchant -o OUTCOME TEXT"' "JSON: the next step logs the merchant"
contains out '"command":	"dispute add-evidence -k defect FILE"' "JSON: a defect photo is missing"
contains out '"deadlines":	[]' "JSON: no deadlines yet"

# The merchant refused: complain to the platform.
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-09-01 "商家拒绝退款" || exit 1
expect 0 "status after the merchant refused" "$DISPUTE" -C c status
line out "next step: complain to the platform .*" \
    "after the merchant refused the next step is a platform complaint"
line out "  dispute draft complaint --to platform" "the command drafts the platform complaint"
lacks out "与商家联系的记录" "the merchant contact is no longer missing"
# 2029-09-01 is a Saturday: the period runs to Monday 2029-09-03 (Civil Code art. 203).
line out "deadline 2029-09-03: the limitation period for a lawsuit ends at the latest \(from 2026-09-01; 中华人民共和国民法典第一百八十八条\)  \[check the current official text\]" \
    "with no date recorded, the period runs from the first contact, to the next working day"
expect 0 "status --json after the merchant refused" "$DISPUTE" -C c status --json
contains out '"command":	"dispute draft complaint --to platform"' "JSON: the next step is the platform"
contains out '"reached":	"evidence",' "JSON: still on the evidence rung"

# The platform refused: 12315, once the seller is identified (tests/cli/t-seller.sh has
# the case where it is not).
"$DISPUTE" -q -C c set merchant.company 某某商贸有限公司 || exit 1
"$DISPUTE" -q -C c set merchant.credit_code 91440606MA4X7K2P4A || exit 1
"$DISPUTE" -q -C c set merchant.address 广东省佛山市顺德区某路1号 || exit 1
"$DISPUTE" -q -C c log -c platform -o refused -d 2026-09-10 "平台驳回" || exit 1
expect 0 "status after the platform refused" "$DISPUTE" -C c status
line out "ladder: keep evidence, ask the merchant → complain to the platform \[here\] → .*" "the platform rung is reached"
line out "next step: file with 12315 or the consumer association \(one of the two, not both in turn for the same dispute\)" \
    "after the platform refused the next step is 12315"
line out "  dispute draft complaint --to 12315" "the command drafts the 12315 complaint"
lacks out "决定是否受理" "no 12315 deadline before a 12315 complaint"
expect 0 "status --json after the platform refused" "$DISPUTE" -C c status --json
contains out '"reached":	"platform",' "JSON: the platform rung is reached"
contains out '"command":	"dispute draft complaint --to 12315"' "JSON: the next step is 12315"

# 12315 pending since 2026-09-30 (a Wednesday). The working days after it, under
# rules/holidays-cn.json 2026 (holidays 10-01..10-07, swapped working day Saturday 10-10):
#   10-01..10-07 holiday, 10-08 Thu 1, 10-09 Fri 2, 10-10 Sat (swapped) 3, 10-11 Sun -,
#   10-12 Mon 4, 10-13 Tue 5, 10-14 Wed 6, 10-15 Thu 7.
# The day of filing is not counted (Civil Code art. 201: a period in days starts the next
# day), so the seventh working day is 2026-10-15; counting 09-30 itself would give 10-14.
"$DISPUTE" -q -C c log -c 12315 -o pending -d 2026-09-30 "已在全国12315平台投诉" || exit 1
cp c/case.json before.json
deadlines c
line out "next step: wait for the answer.*" \
    "while 12315 is pending the next step is to wait"
line deadlines "deadline 2026-10-15: 12315 decides whether to accept the complaint \(from 2026-09-30; $NEW_LAW$NEW_ARTICLE\)  \[check the current official text\]  \[passed\]" \
    "12315 decides by 2026-10-15: 7 working days after 09-30 across National Day, with 10-10 worked"
expect 0 "status --json with 12315 pending" "$DISPUTE" -C c status --json
sed -n '/"zh":	"12315 决定是否受理"/,/"confirmed":/p' out >acc
contains acc '"date":	"2026-10-15",' "JSON: the acceptance deadline is 2026-10-15"
contains acc '"counted_from":	"2026-09-30",' "JSON: counted from the filing date"
contains acc "\"law\":	\"$NEW_LAW\"," "JSON: a complaint filed after 2026-04-14 cites the new measures"
contains acc '"confirmed":	false' "JSON: the new rule is flagged unconfirmed"
same before.json c/case.json "status with deadlines leaves case.json byte-identical"

# The case's own holiday table replaces the year 2026: with 10-08 off too, the deadline
# moves by one working day (10-09 is the 1st, … 10-16 the 7th).
awk '/"2026": \{/ { on = 1 } on { print } on && /^\t\t\}/ { exit }' \
    "$TEST_DATA_DIR/../../rules/holidays-cn.json" >year2026
check "the shipped 2026 holidays include 10-07" grep -q '"2026-10-07"' year2026
check "the shipped 2026 working days include 10-10" grep -q '"2026-10-10"' year2026
{
	printf '{\n\t"schema": "dispute-holidays/1",\n\t"years": {\n'
	sed 's/"2026-10-07"/"2026-10-07", "2026-10-08"/' year2026
	printf '\t}\n}\n'
} >plus-1008.json
check "the test table adds 10-08" grep -q '"2026-10-08"' plus-1008.json
cp plus-1008.json c/holidays.json
deadlines c
line deadlines "deadline 2026-10-16: 12315 decides whether to accept the complaint .*" "the case's holidays.json with 10-08 off moves the deadline to 10-16"
rm c/holidays.json
deadlines c
line deadlines "deadline 2026-10-15: 12315 decides whether to accept the complaint .*" "without the case's table the deadline is 10-15 again"
deadlines c "$SCRATCH/plus-1008.json"
line deadlines "deadline 2026-10-16: 12315 decides whether to accept the complaint .*" "DISPUTE_HOLIDAYS with 10-08 off moves the deadline to 10-16"
# A user's year replaces the shipped one in full: this table lists no swapped working
# day, so Saturday 10-10 is a day off as well (10-09 1st, 10-12..10-16 2nd-6th, 10-19 7th).
deadlines c "$TEST_DATA_DIR/holidays/user-2026.json"
line deadlines "deadline 2026-10-19: 12315 decides whether to accept the complaint .*" "a user's year replaces the shipped year, swapped days included"
DISPUTE_HOLIDAYS=$SCRATCH/no-such-table.json
export DISPUTE_HOLIDAYS
expect 1 "DISPUTE_HOLIDAYS naming a missing file fails" "$DISPUTE" -C c status
contains err "no-such-table.json" "the error names the missing table"
check "a missing table prints no status" test ! -s out
DISPUTE_HOLIDAYS=$TEST_DATA_DIR/holidays/not-json.json
expect 1 "DISPUTE_HOLIDAYS naming a damaged table fails" "$DISPUTE" -C c status
contains err "not-json.json" "the error names the damaged table"
unset DISPUTE_HOLIDAYS
printf 'not json\n' >c/holidays.json
expect 1 "a damaged holidays.json in the case fails" "$DISPUTE" -C c status
contains err "holidays.json" "the error names the case's table"
rm c/holidays.json
expect 0 "status works again without the damaged table" "$DISPUTE" -C c status

# 12315 refused: the court next, and no acceptance deadline any more.
"$DISPUTE" -q -C c log -c 12315 -o refused -d 2026-10-20 "不予受理" || exit 1
expect 0 "status after 12315 refused" "$DISPUTE" -C c status
line out "next step: consult a lawyer .*" \
    "after 12315 refused the next step is the court"
line out "  dispute draft complaint --to court" "the command drafts the court complaint"
lacks out "决定是否受理" "a refused 12315 complaint has no acceptance deadline"

# The 12315 acceptance deadline by filing date (each gone by on the test's 2026-11-18,
# so marked passed): the rule in force on that day decides
# the period and the article (Order 20 until 2026-04-14, the new measures from
# 2026-04-15), and the deadline carries the check note unless both the rule and the
# holiday year are confirmed. One case per row, in a folder named after the date.
#   filed      due        rule note    why (the working days counted)
while IFS=' ' read -r filed due rule note why <&3; do
	"$DISPUTE" -q init "acc-$filed" || exit 1
	"$DISPUTE" -q -C "acc-$filed" log -c 12315 -o pending -d "$filed" "投诉" || exit 1
	deadlines "acc-$filed"
	if [ "$rule" = old ]; then
		cite=$OLD_LAW$OLD_ARTICLE other=$NEW_LAW
	else
		cite=$NEW_LAW$NEW_ARTICLE other=$OLD_LAW
	fi
	if [ "$note" = flagged ]; then
		line deadlines "deadline $due: 12315 decides whether to accept the complaint \(from $filed; $cite\)  \[check the current official text\]  \[passed\]" \
		    "filed $filed: due $due under $cite, flagged ($why)"
	else
		line deadlines "deadline $due: 12315 decides whether to accept the complaint \(from $filed; $cite\)  \[passed\]" \
		    "filed $filed: due $due under $cite ($why)"
		grep 决定是否受理 deadlines >acceptance
		lacks acceptance "$FLAG" "filed $filed: a confirmed rule over a confirmed year carries no check note"
	fi
	lacks deadlines "$other" "filed $filed: the rule not in force that day is not cited"
done 3<<'TABLE'
2026-04-14 2026-04-23 old plain   the last day of Order 20, confirmed 2026; 04-15 1st, 16, 17, 20, 21, 22, 23 7th
2026-04-15 2026-04-24 new flagged the first day of the new measures; 04-16 1st … 04-24 7th
2025-09-26 2025-10-13 old plain    confirmed 2025: 09-28 (swapped Sunday) 1st, 29, 30, 10-09, 10, 11 (swapped Saturday), 13 7th
2023-09-28 2023-10-09 old flagged  no 2023 table, weekends only: 09-29 1st, 10-02..10-06, 10-09 7th
TABLE
deadlines acc-2026-04-14
lacks out "note: the holiday table for this span is not confirmed" \
    "the 2026 holiday table is confirmed: no note on a 2026 deadline"
expect 0 "status --json, 12315 of 2026-04-14" "$DISPUTE" -C acc-2026-04-14 status --json
sed -n '/"zh":	"12315 决定是否受理"/,/"confirmed":/p' out >acc
contains acc "\"law\":	\"$OLD_LAW\"," "JSON: the 2026-04-14 complaint cites Order 20"
contains acc '"confirmed":	true' "JSON: a confirmed rule over the confirmed 2026 holidays is confirmed"
deadlines acc-2023-09-28
contains out "note: no holiday table for part of this span" "the uncovered span is noted"

# The limitation period: three years from when the buyer found the problem (here the
# order, then the delivery date), not restarted by merchant contacts without a demand
# (tests/cli/t-limitation.sh has the restarts and the holidays). No holiday table
# covers 2029, so the dates are flagged.
"$DISPUTE" -q init lim || exit 1
"$DISPUTE" -q -C lim set order.date 2026-08-01 || exit 1
deadlines lim
line deadlines "deadline 2029-08-01: the limitation period for a lawsuit ends at the latest .*\(from 2026-08-01; .*" \
    "with no contact and no delivery date the period runs from the order date"
"$DISPUTE" -q -C lim set order.received 2026-08-03 || exit 1
deadlines lim
line deadlines "deadline 2029-08-03: the limitation period for a lawsuit ends at the latest .*\(from 2026-08-03; .*" \
    "with a delivery date the period runs from it"
"$DISPUTE" -q -C lim log -c merchant -o refused -d 2026-10-05 "第二次联系商家" || exit 1
"$DISPUTE" -q -C lim log -c merchant -o refused -d 2026-09-01 "第一次联系商家（补记）" || exit 1
"$DISPUTE" -q -C lim log -c platform -o refused -d 2026-10-20 "平台驳回" || exit 1
deadlines lim
line deadlines "deadline 2029-08-03: the limitation period for a lawsuit ends at the latest \(from 2026-08-03; 中华人民共和国民法典第一百八十八条\)  \[check the current official text\]" \
    "merchant contacts without a demand do not restart the period"
check "there is one limitation deadline" test "$(grep -c "the limitation period for a lawsuit" deadlines)" -eq 1
contains out "note: no holiday table for that year" "a date in a year without a holiday table says so"
"$DISPUTE" -q init leap || exit 1
"$DISPUTE" -q -C leap log -c merchant -o refused -d 2024-02-29 --demand "要求商家退款" || exit 1
deadlines leap
# 2027-02-28 is a Sunday: the period runs to Monday 2027-03-01.
line deadlines "deadline 2027-03-01: the limitation period for a lawsuit ends at the latest .*\(from 2024-02-29; .*" \
    "three years after 2024-02-29 end on 2027-02-28, a Sunday, so on 2027-03-01"

# Missing evidence: "defect" until a defect photo is added.
"$DISPUTE" -q init ev || exit 1
"$DISPUTE" -q -C ev log -c merchant -o refused -d 2026-10-05 "商家拒绝" || exit 1
expect 0 "status --json without a defect photo" "$DISPUTE" -C ev status --json
sed -n '/"missing_for_next_step":/,/\]/p' out >missing
contains missing '"command":	"dispute add-evidence -k defect FILE"' "JSON: a defect photo is missing"
contains missing '"command":	"dispute add-evidence -k order FILE"' "JSON: the order screenshot is missing"
"$DISPUTE" -q -C ev add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
expect 0 "status --json with a defect photo" "$DISPUTE" -C ev status --json
sed -n '/"missing_for_next_step":/,/\]/p' out >missing
lacks missing "-k defect" "JSON: the defect is no longer missing after adding a photo"
contains missing "-k order" "JSON: the order screenshot is still missing"
expect 0 "status with a defect photo" "$DISPUTE" -C ev status
lacks out "dispute add-evidence -k defect" "the defect is no longer listed as missing"
"$DISPUTE" -q -C ev add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null || exit 1
expect 0 "status --json with every item" "$DISPUTE" -C ev status --json
contains out '"missing_for_next_step":	[]' "JSON: nothing is missing for the platform complaint"
"$DISPUTE" -q -C ev log -c platform -o refused -d 2026-10-09 "平台驳回" || exit 1
"$DISPUTE" -q -C ev rm-evidence E01 2>/dev/null || exit 1
expect 0 "status after removing the defect photo" "$DISPUTE" -C ev status
line out "  missing: a photo or video of the defect .*\(dispute add-evidence -k defect FILE\)" \
    "removing the defect photo makes it missing again"
# Goods never delivered need the tracking record, not a defect photo.
"$DISPUTE" -q -C ev set problem.category not-delivered || exit 1
expect 0 "status for goods not delivered" "$DISPUTE" -C ev status
lacks out "dispute add-evidence -k defect" "undelivered goods need no defect photo"
line out "  missing: the delivery tracking record .*\(dispute add-evidence -k logistics FILE\)" \
    "undelivered goods need the tracking record"

# Resolved.
"$DISPUTE" -q -C c log -c merchant -o resolved -d 2026-11-01 "商家同意退款" || exit 1
expect 0 "status of a resolved case" "$DISPUTE" -C c status
line out "resolved" "the human form says resolved"
line out "next step: resolved: .*" "a resolved case keeps the dossier"
line out "  dispute pack" "the resolved case's command is dispute pack"
lacks out "  missing: " "a resolved case misses nothing"
expect 0 "status --json of a resolved case" "$DISPUTE" -C c status --json
contains out '"resolved":	true,' "JSON: resolved is true"
contains out '"command":	"dispute pack"' "JSON: the next step is dispute pack"
contains out '"missing_for_next_step":	[]' "JSON: nothing is missing once resolved"
line out "		\"reached\":	\"authority\"," "JSON: the highest rung reached stays 12315"

finish
