# The parties of the court complaint beyond the buyer and the shop: the new fields'
# validation, the 委托诉讼代理人 block, the platform as second defendant on the basis of
# 消费者权益保护法 第四十四条, a self-operated order where the platform is the seller,
# and the number of 副本 following the number of defendants.
. "$TEST_LIB"

"$DISPUTE" -q init c || exit 1

# Validation of each new field.
set_refused 'agent.kind: "attorney" is not one of: lawyer, citizen' agent.kind attorney
set_refused 'agent.phone: ' agent.phone 12345
set_refused 'agent.name: empty value' agent.name ""
set_refused 'agent.firm: empty value' agent.firm ""
set_refused 'platform.credit_code: ' platform.credit_code 91330100MA2XXXXXX1
set_refused 'platform.company: empty value' platform.company ""
set_refused 'platform.address: empty value' platform.address ""
set_refused 'platform.representative: empty value' platform.representative ""
set_refused 'order.self_operated: "maybe" is not one of: yes, no' order.self_operated maybe

set_all c claimant.name 张三 claimant.phone 13812345678 claimant.id_number 11010519491231002X \
    claimant.address 北京市朝阳区建国路88号 merchant.shop 好物旗舰店 \
    merchant.company 福州好物贸易有限公司 merchant.address 福建省福州市鼓楼区五四路100号 \
    merchant.representative 李四 case.platform taobao case.court 北京互联网法院 \
    order.id 6912345678901234 order.product 电饭煲 order.amount 299.00 order.date 2026-10-01 \
    problem.category quality problem.description 通电后不加热。 demand.text 退货退款。

"$DISPUTE" -q -C c add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null || exit 1

draft() {
	expect 0 "$1" "$DISPUTE" -C c draft complaint --to court
	cp out court.txt
}

# One defendant, no agent.
draft "the court draft with the shop alone"
line court.txt "被告：福州好物贸易有限公司" "a single defendant is 被告, unnumbered"
lacks court.txt "被告二" "no second defendant without platform.company"
lacks court.txt "委托诉讼代理人" "no agent block without agent.name"
contains court.txt "附：本起诉状副本一份" "one defendant: one copy"

# A lawyer as agent.
set_all c agent.name 王律师 agent.kind lawyer agent.firm 北京某某律师事务所 agent.phone 010-12345678
draft "the court draft with a lawyer"
line court.txt "委托诉讼代理人：王律师，北京某某律师事务所律师，联系电话010-12345678。" \
    "the agent block names the lawyer, the firm and the phone"
set_all c agent.kind citizen
draft "the court draft with a citizen agent"
line court.txt "委托诉讼代理人：王律师（公民代理），联系电话010-12345678。" \
    "a citizen agent is marked as such, without the firm"

# The platform as second defendant.
set_all c platform.company 浙江天猫网络有限公司 platform.credit_code 91350100M000100Y43 \
    platform.address 浙江省杭州市余杭区文一西路969号
draft "the court draft with the platform as second defendant"
line court.txt "被告一：福州好物贸易有限公司" "the shop's company becomes 被告一"
line court.txt "被告二：浙江天猫网络有限公司" "the platform's company is 被告二"
line court.txt "统一社会信用代码：91350100M000100Y43" "the platform's credit code is given"
line court.txt "住所地：浙江省杭州市余杭区文一西路969号" "the platform's address is given"
line court.txt "法定代表人：（待填）" "an unrecorded legal representative is left for the buyer"
line court.txt "身份：淘宝平台经营者" "the platform defendant's capacity is stated"
contains court.txt "《中华人民共和国消费者权益保护法》第四十四条" "suing the platform cites 第四十四条"
contains court.txt "不能提供销售者的真实名称、地址和有效联系方式" "the basis is the platform's failure to name the seller"
contains court.txt "附：本起诉状副本二份" "two defendants: two copies"

# Self-operated: the platform alone, as the seller.
set_all c order.self_operated yes
draft "the court draft for a self-operated order"
line court.txt "被告：浙江天猫网络有限公司" "a self-operated order sues the platform company alone"
lacks court.txt "福州好物贸易有限公司" "the shop's company is not a defendant of a self-operated order"
lacks court.txt "第四十四条" "the seller itself is sued, so 第四十四条 is not the basis"
contains court.txt "平台自营商品，被告即为出卖人" "the draft says the platform is the seller"
contains court.txt "附：本起诉状副本一份" "one defendant again: one copy"
set_all c order.self_operated no
draft "self_operated no is the same as unset"
line court.txt "被告二：浙江天猫网络有限公司" "self_operated no keeps the platform as second defendant"

# The evidence list names every defendant as an opposing party.
expect 0 "draft evidence-list with two defendants" "$DISPUTE" -C c draft evidence-list
line out "对方当事人：福州好物贸易有限公司、浙江天猫网络有限公司" \
    "the evidence list names both defendants"

# A case written before the platform and agent sections existed still loads and takes them.
"$DISPUTE" -q init old || exit 1
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("platform"); d.pop("agent"); json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False, indent="\t")' old/case.json
lacks old/case.json '"agent"' "the old-style case.json has no agent section"
expect 0 "show on a case without the new sections" "$DISPUTE" -C old show
expect 0 "set platform.company on it" "$DISPUTE" -C old set platform.company 某平台公司
expect 0 "set agent.name on it" "$DISPUTE" -C old set agent.name 王某
contains old/case.json '"company":	"某平台公司"' "the platform section is added when first set"

# English.
set_all c case.language en
draft "the English court draft with two defendants"
line court.txt "Defendant 2: 浙江天猫网络有限公司" "the English draft numbers the defendants"
contains court.txt "Attached: 2 copy(ies) of this complaint" "the English draft counts two copies"
contains court.txt "article 44 of the Consumer Rights Protection Law" "the English draft gives the basis"

finish
