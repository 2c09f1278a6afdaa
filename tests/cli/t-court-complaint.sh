# The element-style (要素式) court complaint: numbered claims each with its amount and
# computation and the total; termination; the loss's basis by its kind; the food
# compensation's knowledge condition; the cause of action; every element printed or left
# for the buyer, never dropped; preservation, mediation, service and e-service answers;
# the new fields' validation.
. "$TEST_LIB"

"$DISPUTE" -q init c || exit 1

set_refused 'problem.loss_kind: "medical" is not one of: injury, property, expense' \
    problem.loss_kind medical
set_refused 'claimant.e_service: "ok" is not one of: yes, no' claimant.e_service ok
set_refused 'case.mediate_first: "1" is not one of: yes, no' case.mediate_first 1
set_refused 'case.preservation: "Y" is not one of: yes, no' case.preservation Y
set_refused 'demand.terminate: "true" is not one of: yes, no' demand.terminate true
for f in case.cause case.forum_clause claimant.service_address order.promise problem.loss_label; do
	set_refused "$f: empty value" "$f" ""
done

set_all c claimant.name 张三 claimant.phone 13812345678 claimant.id_number 11010519491231002X \
    claimant.address 北京市朝阳区建国路88号 merchant.shop 好物旗舰店 \
    merchant.company 福州好物贸易有限公司 merchant.address 福建省福州市鼓楼区五四路100号 \
    merchant.representative 李四 case.platform taobao case.court 北京互联网法院 \
    order.id 6912345678901234 order.product 实木餐桌 order.amount 4680.00 \
    order.date 2026-10-01 problem.category not-as-described \
    problem.description 桌面为贴皮板材。 demand.text 退货退款并三倍赔偿。
"$DISPUTE" -q -C c add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null || exit 1

draft() {
	expect 0 "$1" "$DISPUTE" -C c draft complaint --to court
	cp out court.txt
}

# Nothing recorded beyond the required facts: every element is still there.
draft "the element-style complaint from the required facts"
lacks court.txt "{{" "no tag is left unrendered"
lacks court.txt "要素式起诉状，买卖合同纠纷中买受人起诉用" "the header comment is not printed"
line court.txt "案由：网络购物合同纠纷" "the default cause is 网络购物合同纠纷"
line court.txt "1\\. 判令被告向原告退还货款人民币4680\\.00元；" "the refund is claim 1"
line court.txt "   计算方式：退还实付货款 4680\\.00 元" "each money claim gives its computation"
line court.txt "2\\. 判令本案诉讼费用由被告承担；" "costs are the last claim"
line court.txt "标的总额：人民币4680\\.00元" "the total follows the claims"
for element in "1. 合同的订立：" "2. 标的物：" "3. 价款及支付：" "4. 交付与验收：（待填" \
    "5. 质量约定：（待填" "6. 违约情形：" "7. 催告与协商：" "8. 解除合同：无"; do
	contains court.txt "$element" "the facts carry the element '$element'"
done
contains court.txt "订单提交成功时原告与被告之间的网络购物合同成立" \
    "the contract is formed on submitting the order"
contains court.txt "《中华人民共和国民法典》第四百九十一条第二款" "formation cites 第四百九十一条第二款"
lacks court.txt "原告付款后" "formation is not tied to payment"
line court.txt "2\\. 有无仲裁、法院管辖约定：（待填.*）" "an unrecorded forum clause is left for the buyer"
line court.txt "3\\. 是否已经诉前保全：否" "preservation is no unless recorded"
line court.txt "是否愿意在诉讼前先行调解：（待填：愿意／不愿意）" "an unrecorded mediation wish is left"
line court.txt "送达地址：北京市朝阳区建国路88号" "service goes to claimant.address by default"
line court.txt "是否同意电子送达：（待填：同意／不同意）" "an unrecorded e-service answer is left"
line court.txt "   无" "no contact recorded: the negotiation element says 无"
contains court.txt "《中华人民共和国民事诉讼法》第一百二十二条" "the filing cites 第一百二十二条"

# Everything recorded.
set_all c demand.terminate yes problem.loss 800 problem.loss_label 检验费 \
    demand.compensation fraud order.received 2026-10-03 order.quantity 1 \
    order.promise 商品页面标注“北美黑胡桃木实木”。 case.forum_clause 无 case.preservation yes \
    case.mediate_first yes claimant.service_address 北京市海淀区中关村大街1号 \
    claimant.e_service yes
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-05 "商家拒绝退货" || exit 1
draft "the element-style complaint with every fact recorded"
line court.txt "1\\. 判令解除原告与被告之间的网络购物合同，原告将所购商品退还被告，退货运费由被告承担；" \
    "demand.terminate yes makes termination and the return claim 1"
line court.txt "2\\. 判令被告向原告退还货款人民币4680\\.00元；" "the refund is claim 2"
line court.txt "3\\. 判令被告向原告支付检验费人民币800\\.00元；" "the loss carries the buyer's label"
line court.txt "   计算方式：检验费 800\\.00 元" "the loss's computation names it"
line court.txt "4\\. 判令被告向原告支付欺诈惩罚性赔偿人民币14040\\.00元；" "the chosen compensation"
line court.txt "   计算方式：4680\\.00 元 × 3 = 14040\\.00 元" "the compensation's computation"
line court.txt "5\\. 判令本案诉讼费用由被告承担；" "costs last"
line court.txt "标的总额：人民币19520\\.00元" "the total of the money claims"
lacks court.txt "如医疗费" "formal text never says 如医疗费"
line court.txt "检验费：《中华人民共和国民法典》第五百七十七条、第五百八十四条（请核对现行官方文本）" \
    "an expense cites the contract articles, marked unconfirmed"
lacks court.txt "第四十九条" "an inspection fee does not cite 第四十九条"
contains court.txt "4. 交付与验收：原告于2026年10月3日签收商品。" "the receipt element"
contains court.txt "5. 质量约定：商品页面标注“北美黑胡桃木实木”。" "the quality promise element"
contains court.txt "2026年10月5日，商家：商家拒绝退货（结果：拒绝）" "the negotiation element lists contacts"
contains court.txt "8. 解除合同：原告请求解除合同并退还商品" "the termination element"
line court.txt "2\\. 有无仲裁、法院管辖约定：无" "a recorded forum clause"
line court.txt "3\\. 是否已经诉前保全：是" "preservation recorded"
line court.txt "是否愿意在诉讼前先行调解：愿意" "mediation wish recorded"
line court.txt "送达地址：北京市海淀区中关村大街1号" "claimant.service_address is used for service"
line court.txt "是否同意电子送达：同意，以手机号码13812345678接收" "e-service consent"
set_all c case.mediate_first no claimant.e_service no
draft "the complaint refusing mediation and e-service"
line court.txt "是否愿意在诉讼前先行调解：不愿意" "mediate_first no"
line court.txt "是否同意电子送达：不同意" "e_service no"

# The loss's kind decides its basis.
set_all c problem.loss_kind property
draft "a property loss"
contains court.txt "《中华人民共和国消费者权益保护法》第五十二条；《中华人民共和国民法典》第五百七十七条" \
    "property cites 第五十二条 and the contract articles"
set_all c problem.loss_kind injury problem.loss_label 医疗费
draft "an injury loss"
contains court.txt "医疗费：《中华人民共和国消费者权益保护法》第四十九条" "injury cites 第四十九条"

# The cause of action.
set_all c problem.category harmful demand.compensation none
draft "harmful goods that injured the buyer"
line court.txt "案由：产品责任纠纷" "harmful goods with an injury: 产品责任纠纷"
set_all c problem.loss_kind expense
draft "harmful goods with only an expense"
line court.txt "案由：网络购物合同纠纷" "harmful goods without an injury stay a contract dispute"
set_all c case.cause 买卖合同纠纷
draft "case.cause recorded"
line court.txt "案由：买卖合同纠纷" "case.cause overrides"

# Food: the knowledge condition, and the expired-goods interpretation.
set_all c problem.category expired problem.food yes demand.compensation food
"$DISPUTE" -q -C c set --unset problem.loss || exit 1
draft "expired food"
contains court.txt "且被告作为经营者明知" "the food compensation states the seller's knowledge"
contains court.txt "所售食品已超过标注的保质期，依《最高人民法院关于审理食品安全民事纠纷案件适用法律若干问题的解释（一）》第六条视为明知（条号待核实）" \
    "expired food cites the interpretation that treats selling it as knowing"
expect 0 "dispute claim on expired food" "$DISPUTE" -C c claim
contains out "selling food past its marked shelf life is" "dispute claim states the condition too"

# English.
set_all c case.language en
draft "the English element-style complaint"
line out "Cause of action: 买卖合同纠纷" "the English draft takes case.cause"
contains out "II. Claims" "the English draft has the claims part"
contains out "Consents to electronic service: no" "the English draft answers e-service"
lacks out "{{" "the English draft has no unrendered tag"

finish
