# The settlement letter (an offer; once an agreement is logged, a 和解协议 draft from the
# same facts and claim lines) in both languages, and the 12315 draft's order (respondent
# first, as the online form) with the regulator that handles it.
. "$TEST_LIB"

new_case c || exit 1
for fact in "case.platform taobao" "merchant.shop 优选家居店" "order.product 实木餐椅" \
    "problem.category not-as-described" "problem.description 宣传实木，实为刨花板" \
    "demand.text 退货退款" "claimant.phone 13912345678" "claimant.address 北京市朝阳区某路1号" \
    "merchant.company 某某家居有限公司" "merchant.credit_code 91440606MA4X7K2P4A" \
    "merchant.address 广东省佛山市顺德区某路2号"; do
	# shellcheck disable=SC2086
	"$DISPUTE" -q -C c set $fact || exit 1
done
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
"$DISPUTE" -q -C c log -c merchant -o refused --demand -d 2026-10-05 "要求退货退款被拒" || exit 1

expect 0 "the settlement offer" "$DISPUTE" -C c draft settlement
contains out "关于“实木餐椅”售后问题的和解方案" "the offer has its title"
contains out "致：某某家居有限公司（网店“优选家居店”）" "it is addressed to the company and its shop"
contains out "退货退款" "it carries the demand"
contains out "人民币199.90元" "it carries the claim lines"
contains out "要求退货退款被拒" "it carries the history"
contains out "七日内答复" "it asks for an answer"
lacks out "和解协议（草稿）" "no agreement before one is logged"
expect 0 "the settlement offer in English" "$DISPUTE" -C c draft settlement --lang en
contains out 'A settlement offer about "实木餐椅"' "the English offer has its title"
contains out "CNY 199.90" "the English offer carries the claim lines"
lacks out "Settlement agreement (draft)" "no English agreement before one is logged"

"$DISPUTE" -q -C c log -c consumer-association -o agreement -r 朝消调〔2026〕12号 -d 2026-10-20 \
    "经消费者协会调解，商家同意退货退款" || exit 1
expect 0 "the settlement agreement" "$DISPUTE" -C c draft settlement
contains out "和解协议（草稿）" "after an agreement the letter is the 和解协议"
contains out "乙方（经营者）：某某家居有限公司" "the seller is party B"
contains out "统一社会信用代码：91440606MA4X7K2P4A" "with its credit code"
contains out "经消费者协会，双方于2026年10月20日达成一致（编号：朝消调〔2026〕12号）" \
    "it names the channel, the date and the reference"
contains out "一、双方约定的内容：经消费者协会调解，商家同意退货退款" "it states what was agreed"
contains out "人民币199.90元" "it starts from the same claim lines"
contains out "要求乙方履行本协议" "it says how it is enforced"
lacks out "和解方案" "the offer is not repeated"
expect 0 "the settlement agreement in English" "$DISPUTE" -C c draft settlement --lang en -o agreement-en.txt
contains agreement-en.txt "Settlement agreement (draft)" "the English agreement has its title"
contains agreement-en.txt "reference 朝消调〔2026〕12号" "the English agreement gives the reference"
contains agreement-en.txt "may require its performance" "the English agreement says how it is enforced"
new_case bare || exit 1
expect 1 "the settlement letter needs its facts" "$DISPUTE" -C bare draft settlement
contains err "merchant.shop" "the missing facts are named"

# The 12315 draft: respondent first, and who handles it under the rules of the day.
new_case d || exit 1
for fact in "case.platform taobao" "merchant.shop 优选家居店" "order.product 实木餐椅" \
    "problem.category quality" "problem.description 椅腿开裂" "demand.text 退货退款" \
    "claimant.phone 13912345678" "claimant.address 北京市朝阳区某路1号" \
    "merchant.company 某某家居有限公司" "merchant.address 广东省佛山市顺德区某路2号"; do
	# shellcheck disable=SC2086
	"$DISPUTE" -q -C d set $fact || exit 1
done
"$DISPUTE" -q -C d add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
expect 0 "the 12315 draft" "$DISPUTE" -C d draft complaint --to 12315
grep -n '被投诉人信息\|投诉人信息' out | head -2 >order
line order "[0-9]+:一、被投诉人信息" "the respondent comes first"
contains out "二、投诉人信息" "the complainant second"
contains out "与在线表单一样先列被投诉人" "the draft says why"
lacks out "按全国12315平台在线投诉的填写顺序" "no claim to follow the form's exact order"
contains out "受理部门：对平台内经营者的投诉，由其实际经营地的市场监督管理部门处理；平台内经营者未公示地址或按公示地址无法联系的，由平台经营者住所地的市场监督管理部门处理" \
    "today's rule: the seller's place of business, else the platform's domicile"
contains out "市场监督管理投诉举报处理办法管辖条款（条号待核实），请核对现行官方文本" "flagged as unconfirmed"
# Drafted on a day under Order 20: its rule.
SOURCE_DATE_EPOCH=1767268800 expect 0 "the 12315 draft on 2026-01-01" "$DISPUTE" -C d draft complaint --to 12315
contains out "由其实际经营地或者平台经营者住所地的县级市场监督管理部门处理" "Order 20's rule before 2026-04-15"
contains out "暂行办法第十二条" "citing its article"
expect 0 "the 12315 draft in English" "$DISPUTE" -C d draft complaint --to 12315 --lang en
grep -n 'Respondent\|Complainant' out | head -2 >order
line order "[0-9]+:1\. Respondent" "the English respondent comes first"
contains out "Handled by: a complaint against a seller on a platform goes to the market regulator where the seller does business; when the shop shows no address" \
    "the English draft says who handles it"

finish
