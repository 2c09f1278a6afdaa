# dispute status: every deadline rule of the table where it applies. A complaint 12315
# has accepted (-o accepted) starts its mediation period; a pending one under measures
# whose own period is unread also shows the statute's seven working days (CRPL art. 46);
# the merchant's refund falls due seven days after it had the goods back
# (order.returned); the seven-day return without reason says which goods it excludes.
. "$TEST_LIB"
unset DISPUTE_HOLIDAYS

# seller DIR: the facts that identify the seller, so that 12315 is open.
seller() {
	for kv in merchant.company=某某商贸有限公司 merchant.credit_code=91440606MA4X7K2P4A \
	    merchant.address=浙江省杭州市某路2号; do
		"$DISPUTE" -q -C "$1" set "${kv%%=*}" "${kv#*=}" || exit 1
	done
}

# Under the interim measures (Order 20, until 2026-04-14): accepted on Wednesday
# 2026-03-25, 45 working days skip the Qingming (4-04..4-06) and May Day (5-01..5-05,
# 5-09 worked) holidays and end on Monday 2026-06-01.
"$DISPUTE" -q init old || exit 1
seller old
"$DISPUTE" -q -C old set order.date 2026-02-10 || exit 1
"$DISPUTE" -q -C old log -c 12315 -o pending -d 2026-03-18 "向 12315 投诉" || exit 1
"$DISPUTE" -q -C old log -c 12315 -o accepted -d 2026-03-25 "12315 受理" || exit 1
expect 0 "status after 12315 accepted (Order 20)" "$DISPUTE" -C old status
line out "deadline 2026-06-01: 12315's mediation ends \(without an agreement by then, it stops\) \(from 2026-03-25; 市场监督管理投诉举报处理暂行办法第二十一条\)  \[passed\]" \
    "the 45-working-day mediation period ends on 2026-06-01"
line out "next step: accepted: wait for the mediation; .*" \
    "the next step is to wait for the mediation"
lacks out "12315 决定是否受理" "the acceptance deadline is gone once 12315 has accepted"
lacks out "mediation: " "a period the rule gives needs no notice"

# Under the measures of 2026 (Order 121) the mediation period was not read: no date, a
# notice to check the text instead.
"$DISPUTE" -q init new || exit 1
seller new
"$DISPUTE" -q -C new set order.date 2026-10-20 || exit 1
"$DISPUTE" -q -C new log -c 12315 -o pending -d 2026-11-02 "向 12315 投诉" || exit 1
expect 0 "status with a pending complaint (Order 121)" "$DISPUTE" -C new status
line out "deadline 2026-11-11: 12315 decides whether to accept the complaint  \[check the current official text\]  \[passed\]" \
    "the acceptance deadline under the new measures is flagged unconfirmed"
line out "deadline 2026-11-11: the regulator handles the complaint and tells you \(the statutory period\) \(from 2026-11-02; 中华人民共和国消费者权益保护法第四十六条\)  \[passed\]" \
    "the statute's seven working days stand beside it, confirmed"
"$DISPUTE" -q -C new log -c 12315 -o accepted -d 2026-11-09 "12315 受理" || exit 1
expect 0 "status after 12315 accepted (Order 121)" "$DISPUTE" -C new status
line out "mediation: 12315 has accepted the complaint: .*check the current official text.*" \
    "the unread mediation period is a notice, not a date"
lacks out "调解期限届满" "no mediation date is made up"
expect 0 "status --json after 12315 accepted" "$DISPUTE" -C new status --json
contains out '"mediation_note":' "JSON carries the notice"
"$DISPUTE" -q -C new log -c 12315 -o agreement -r "调解书2026-001" -d 2026-11-16 "达成调解协议" || exit 1
expect 0 "status after the agreement" "$DISPUTE" -C new status
lacks out "mediation: " "the notice goes once an agreement is signed"

# The refund after a return: received back 2026-11-10, due seven days later; for goods
# that fail their quality the note says the law sets no days for that return.
"$DISPUTE" -q init ret || exit 1
"$DISPUTE" -q -C ret set order.date 2026-11-01 || exit 1
"$DISPUTE" -q -C ret set order.received 2026-11-03 || exit 1
expect 1 "order.returned before order.received is refused" "$DISPUTE" -C ret set order.returned 2026-11-02
contains err "order.returned 2026-11-02 is before order.received 2026-11-03" "the refusal names both dates"
"$DISPUTE" -q -C ret set order.returned 2026-11-10 || exit 1
expect 0 "status after a return" "$DISPUTE" -C ret status
line out "deadline 2026-11-17: the merchant must refund after the return by \(from 2026-11-10; 中华人民共和国消费者权益保护法第二十五条\)  \[passed\]" \
    "the refund falls due seven days after the merchant had the goods back, and is marked passed"
lacks out "the law sets no number of days" "no quality caveat without a quality problem"
"$DISPUTE" -q -C ret set problem.category quality || exit 1
expect 0 "status after a return of faulty goods" "$DISPUTE" -C ret status
contains out "for goods returned because they fail their quality the seller must refund too" \
    "a quality return says the seven days are for returns without reason"
"$DISPUTE" -q -C ret log -c merchant -o resolved -d 2026-11-18 "已退款" || exit 1
expect 0 "status once refunded" "$DISPUTE" -C ret status
lacks out "退货后商家应退款期限" "a resolved case owes no refund deadline"

# The seven-day return without reason names what it excludes.
"$DISPUTE" -q init seven || exit 1
"$DISPUTE" -q -C seven set order.date 2026-11-12 || exit 1
"$DISPUTE" -q -C seven set order.received 2026-11-14 || exit 1
expect 0 "status within seven days of delivery" "$DISPUTE" -C seven status
line out "deadline 2026-11-21: the 7-day return without reason ends.*" "the seven days run from the day after delivery"
contains out "does not apply to the statutory exceptions: made-to-order goods, fresh or perishable goods" \
    "the exceptions are named"
expect 0 "status --json within seven days" "$DISPUTE" -C seven status --json
contains out "不适用于法定例外：定制商品、鲜活易腐商品" "JSON carries the Chinese note"
