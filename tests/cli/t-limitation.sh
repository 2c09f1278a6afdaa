# dispute status: the limitation period (Civil Code art. 188). It runs from when the buyer
# found the problem (problem.found, else order.received, else order.date), restarts only on
# a demand the buyer logged (--demand), an agreement, or a complaint to 12315 or the
# consumer association (art. 195), and a last day that is a day off moves to the next
# working day under the holiday table (art. 203). Harmful goods add the two-year
# product-defect caution (Product Quality Law art. 45).
. "$TEST_LIB"
unset DISPUTE_HOLIDAYS

# limitation DIR: the limitation deadline line of `dispute -C DIR status`, into ./lim.
limitation() {
	"$DISPUTE" -C "$1" status >out 2>err
	grep 'the limitation period for a lawsuit ends' out >lim
}

# A last day in National Day 2026 (10-01..10-07 off under rules/holidays-cn.json): found
# 2023-10-04, three years end on Sunday 2026-10-04, inside the holiday; the period runs to
# Thursday 2026-10-08, the first working day after it.
"$DISPUTE" -q init nd || exit 1
"$DISPUTE" -q -C nd set order.date 2023-09-20 || exit 1
"$DISPUTE" -q -C nd set problem.found 2023-10-04 || exit 1
limitation nd
line lim "deadline 2026-10-08: the limitation period for a lawsuit ends at the latest \(from 2023-10-04; 中华人民共和国民法典第一百八十八条\).*  \[passed\]" \
    "a last day inside National Day moves to 2026-10-08"
contains out "note: the last day falls on a day off, so the period runs to the next working day (Civil Code art. 203)" \
    "the move is explained with its article"
lacks out "holidays: the table has no year" "a 2026 deadline needs no missing-year warning"
# Found 2023-10-10: 2026-10-10 is a Saturday worked in exchange for the holiday, so the
# period ends that day.
"$DISPUTE" -q -C nd set problem.found 2023-10-10 || exit 1
limitation nd
line lim "deadline 2026-10-10: the limitation period for a lawsuit ends at the latest .*\(from 2023-10-10; .*" \
    "a swapped working Saturday is a working day: the period ends on it"
lacks out "the last day falls on a day off" "no move is noted when none is made"
# problem.found replaces the delivery date; without it the delivery date counts.
"$DISPUTE" -q -C nd set order.received 2023-09-25 || exit 1
limitation nd
line lim "deadline 2026-10-10: .*\(from 2023-10-10; .*" "problem.found comes before order.received"
"$DISPUTE" -q -C nd set --unset problem.found || exit 1
limitation nd
# 2026-09-25..27 is the Mid-Autumn holiday: Monday 09-28.
line lim "deadline 2026-09-28: .*\(from 2023-09-25; .*" "without problem.found the period runs from order.received"

# A demand logged months later restarts it; merchant messages without one do not.
"$DISPUTE" -q init dm || exit 1
"$DISPUTE" -q -C dm set order.date 2026-02-20 || exit 1
"$DISPUTE" -q -C dm set order.received 2026-03-01 || exit 1
"$DISPUTE" -q -C dm log -c merchant -o refused -d 2026-04-01 "商家回复：不予处理" || exit 1
"$DISPUTE" -q -C dm log -c merchant -o pending -d 2026-06-01 "商家发来消息称会跟进" || exit 1
limitation dm
line lim "deadline 2029-03-01: the limitation period for a lawsuit ends at the latest .*\(from 2026-03-01; .*" \
    "merchant messages without a demand leave the period running from delivery"
"$DISPUTE" -q -C dm log -c merchant -o refused -d 2026-09-15 --demand "书面要求商家退货退款" || exit 1
limitation dm
# 2029-09-15 is a Saturday; no holiday table for 2029, so weekends only and flagged.
line lim "deadline 2029-09-17: the limitation period for a lawsuit ends at the latest .*\(from 2026-09-15; .*\)  \[check the current official text\]" \
    "a demand logged months later restarts the period, to the Monday after"
contains out "note: no holiday table for that year" "the year without a holiday table is noted"
lacks lim "[passed]" "a deadline still ahead is not marked passed"
line out "holidays: the table has no year 2029, so deadlines in it skip weekends only; add the year to rules/holidays-cn.json .*" \
    "status names the year the holiday table lacks, and where to add it"
check "it is named once" test "$(grep -c '^holidays: the table has no year 2029' out)" -eq 1
expect 0 "status --json names the missing year" "$DISPUTE" -C dm status --json
contains out '"holiday_years_missing":	[2029]' "JSON: holiday_years_missing"
check "the demand is stored in case.json" grep -q '"demand":	true' dm/case.json
"$DISPUTE" -q -C dm log -c merchant -o refused -d 2026-10-01 "商家再次拒绝" || exit 1
limitation dm
line lim "deadline 2029-09-17: .*\(from 2026-09-15; .*" "a later refusal does not restart it"
# A complaint to 12315 restarts it from its filing, flagged (the SPC's rule is unread).
"$DISPUTE" -q -C dm log -c 12315 -o pending -d 2026-10-20 "向12315投诉" || exit 1
"$DISPUTE" -q -C dm log -c 12315 -o refused -d 2026-11-02 "不予受理" || exit 1
limitation dm
line lim "deadline 2029-10-22: the limitation period for a lawsuit ends at the latest .*\(from 2026-10-20; .*\)  \[check the current official text\]" \
    "a 12315 complaint restarts it from the day it was filed, not the refusal"
# An agreement restarts it too.
"$DISPUTE" -q -C dm log -c merchant -o agreement -d 2026-11-10 "商家同意退款" || exit 1
limitation dm
line lim "deadline 2029-11-12: .*\(from 2026-11-10; .*" "the seller's agreement to perform restarts it"

# A damaged case.json: "demand" must be a boolean.
sed 's/"demand":	true/"demand":	"yes"/' dm/case.json >bad.json && cp bad.json dm/case.json
expect 1 "a non-boolean demand is refused" "$DISPUTE" -C dm status
contains err "timeline[2].demand must be true or false" "the error names the entry"

# Harmful goods: the two-year product-defect caution beside the three years.
"$DISPUTE" -q init hm || exit 1
"$DISPUTE" -q -C hm set order.date 2026-08-10 || exit 1
"$DISPUTE" -q -C hm set problem.found 2026-08-20 || exit 1
"$DISPUTE" -q -C hm set problem.category harmful || exit 1
expect 0 "status of harmful goods" "$DISPUTE" -C hm status
line out "deadline 2028-08-21: damage caused by a product defect: to be safe, count two years \(from 2026-08-20; 中华人民共和国产品质量法第四十五条\)  \[check the current official text\]" \
    "harmful goods get the two-year caution, moved off Sunday 2028-08-20"
contains out "still applies beside the Civil Code is disputed" "the caution says why"
line out "deadline 2029-08-20: the limitation period for a lawsuit ends at the latest .*" "the three years are still shown"
"$DISPUTE" -q -C hm set problem.category quality || exit 1
expect 0 "status of other goods" "$DISPUTE" -C hm status
lacks out "产品缺陷" "other categories get no product-defect caution"

# The return periods from delivery (the test's today is 2026-11-18): for goods that fail
# their quality, CRPL art. 24's seven days beside the return without reason.
"$DISPUTE" -q init rt || exit 1
"$DISPUTE" -q -C rt set order.date 2026-11-12 || exit 1
"$DISPUTE" -q -C rt set order.received 2026-11-14 || exit 1
"$DISPUTE" -q -C rt set problem.category quality || exit 1
expect 0 "status of goods that fail their quality" "$DISPUTE" -C rt status
line out "deadline 2026-11-21: the 7-day return for goods that fail their quality ends \(from 2026-11-14; 中华人民共和国消费者权益保护法第二十四条\)" \
    "the quality return runs seven days from delivery, citing art. 24"
line out "deadline 2026-11-21: the 7-day return without reason ends.*" "beside the return without reason"
"$DISPUTE" -q -C rt set problem.category not-delivered || exit 1
expect 0 "status of goods not delivered" "$DISPUTE" -C rt status
lacks out "质量问题七日内退货期限" "no quality return for goods that never came"

finish
