# dispute status and draft on the route through the authorities: 12315 and the consumer
# association are alternatives for one dispute (12315 does not take a dispute the
# association or a court has handled), the 12315 window of three years from when the
# buyer learned of the harm, and a signed agreement, after which the advice is to have it
# performed rather than to sue on the original claim.
. "$TEST_LIB"

# complete DIR: every fact the 12315 draft needs, and one evidence item.
complete() {
	for kv in claimant.name=张三 claimant.phone=13800138000 claimant.address=北京市海淀区某路1号 \
	    merchant.shop=某某旗舰店 merchant.company=某某商贸有限公司 merchant.credit_code=91440606MA4X7K2P4A merchant.address=浙江省杭州市某路2号 order.id=6912345678901234 \
	    order.product=电热水壶 order.amount=199.00 order.date=2026-08-01 problem.category=quality \
	    problem.description=加热时漏水 demand.text=退货退款; do
		"$DISPUTE" -q -C "$1" set "${kv%%=*}" "${kv#*=}" || exit 1
	done
	"$DISPUTE" -q -C "$1" add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null || exit 1
}

"$DISPUTE" -q init a || exit 1
complete a
"$DISPUTE" -q -C a log -c merchant -o refused -d 2026-09-01 "商家拒绝退款" || exit 1
"$DISPUTE" -q -C a log -c platform -o refused -d 2026-09-05 "平台驳回" || exit 1
expect 0 "status before any authority" "$DISPUTE" -C a status
line out "next step: file with 12315 or the consumer association .*one of the two, not both.*" \
    "before either, the next step offers 12315 or the association as alternatives"
line out "deadline 2029-08-01: 12315 accepts the complaint until \(counted from learning of the harm\) \(from 2026-08-01; .*\)  \[check the current official text\]" \
    "the 12315 window ends 3 years after the order date when nothing later is known, flagged under the new measures"
"$DISPUTE" -q -C a set problem.found 2026-08-20 || exit 1
expect 0 "status with problem.found" "$DISPUTE" -C a status
line out "deadline 2029-08-20: 12315 accepts the complaint until.*\(from 2026-08-20; .*" "the 12315 window runs from problem.found"

# 12315 after the consumer association.
"$DISPUTE" -q -C a log -c consumer-association -o pending -d 2026-09-12 "向消费者协会投诉" || exit 1
"$DISPUTE" -q -C a log -c consumer-association -o refused -d 2026-09-20 "调解不成" || exit 1
expect 0 "status after the consumer association" "$DISPUTE" -C a status
line out "ladder: .* → consumer association \[here\] → lawsuit → public post" "the authority rung names the consumer association"
line out "route: this dispute went to the consumer association on 2026-09-12; .*does not accept.*" "status says 12315 will not take it"
lacks out "next step: file with 12315" "status no longer offers 12315"
lacks out "--to 12315" "no 12315 draft is suggested"
lacks out "12315 受理窗口" "the 12315 window is not shown once the association has the dispute"
expect 0 "status --json after the consumer association" "$DISPUTE" -C a status --json
contains out '"authority_route":	"consumer-association"' "JSON: the route is the consumer association"
cp a/case.json before.json
expect 1 "a 12315 draft after the consumer association is refused" "$DISPUTE" -C a draft complaint --to 12315 -o c12315.txt
contains err "went to the consumer association on 2026-09-12" "the refusal gives the reason, from the day the association first had it"
contains err "--force" "the refusal says how to write it anyway"
check "nothing was written" test ! -e c12315.txt
same before.json a/case.json "the refused draft leaves case.json unchanged"
expect 0 "--force writes it" "$DISPUTE" -C a draft complaint --to 12315 --force
# The first draft fixed the exhibit numbers it cites (t-exhibits); nothing else changes.
cp a/case.json before.json
line out "【注意】本争议已于2026年9月12日向消费者协会投诉；.*不予受理投诉.*" "the forced draft carries the warning at its head"
contains err "written anyway" "the forced draft is warned about"
expect 0 "--force --lang en" "$DISPUTE" -C a draft complaint --to 12315 --force --lang en
line out "WARNING: this dispute went to the consumer association on 2026-09-12; .*" "the English draft carries it in English"
same before.json a/case.json "drafting again leaves case.json unchanged"
expect 0 "the consumer-association draft is still written" "$DISPUTE" -C a draft complaint --to consumer-association

# 12315 after a court contact.
"$DISPUTE" -q init b || exit 1
complete b
"$DISPUTE" -q -C b log -c court -o pending -d 2026-10-08 "已向法院起诉" || exit 1
expect 1 "a 12315 draft after a court contact is refused" "$DISPUTE" -C b draft complaint --to 12315
contains err "went to court on 2026-10-08" "the refusal names the court contact"
expect 0 "status after a court contact" "$DISPUTE" -C b status
line out "route: this dispute went to court on 2026-10-08; .*" "status says 12315 will not take a dispute in court"
lacks out "12315 受理窗口" "no 12315 window once in court"

# 12315 first: the consumer association is no longer offered.
"$DISPUTE" -q init d || exit 1
complete d
"$DISPUTE" -q -C d log -c 12315 -o refused -d 2026-10-08 "不予受理" || exit 1
expect 0 "status after 12315" "$DISPUTE" -C d status
line out "ladder: .* → 12315 \[here\] → lawsuit → public post" "the authority rung names 12315"
line out "route: filed with 12315: .*do not complain to the association about the same dispute as well" "status says not to go to the association too"
lacks out "消费者协会投诉（" "the association is not offered"
expect 0 "a 12315 draft after a 12315 contact is written" "$DISPUTE" -C d draft complaint --to 12315
lacks out "【注意】" "no warning when no other body has the dispute"

# A signed agreement: perform it, do not sue on the original claim.
"$DISPUTE" -q init g || exit 1
complete g
"$DISPUTE" -q -C g log -c merchant -o refused -d 2026-09-01 "商家拒绝" || exit 1
"$DISPUTE" -q -C g log -c platform -o refused -d 2026-09-05 "平台驳回" || exit 1
"$DISPUTE" -q -C g log -c consumer-association -o agreement -r 西消调〔2026〕88号 -d 2026-09-25 \
    "消保委主持调解，签订调解协议：退款199元" || exit 1
expect 0 "status after an agreement" "$DISPUTE" -C g status
line out "next step: an agreement is signed: .*rather than suing on the original dispute" \
    "after an agreement the next step is to have it performed"
lacks out "--to court" "no lawsuit on the original claim is suggested"
line out ".*consumer-association +agreement +消保委主持调解.* \[西消调〔2026〕88号\]" "the timeline shows the agreement and its reference"
expect 0 "status --json after an agreement" "$DISPUTE" -C g status --json
contains out '"ref":	"西消调〔2026〕88号"' "JSON: the agreement's reference"
"$DISPUTE" -q -C g log -c merchant -o no-response -d 2026-10-20 "约定期限已过，未退款" || exit 1
expect 0 "status after the agreement went unperformed" "$DISPUTE" -C g status
line out "next step: an agreement is signed: .*in court if need be.*" "an unperformed agreement is enforced, not sued over anew"
"$DISPUTE" -q -C g log -c merchant -o resolved -d 2026-10-25 "已按协议退款" || exit 1
expect 0 "status once the agreement is performed" "$DISPUTE" -C g status
line out "next step: resolved: .*" "a performed agreement resolves the case"
lacks out "route: " "a resolved case gets no route advice"
lacks out "seller not identified" "nor the seller's identification"

finish
