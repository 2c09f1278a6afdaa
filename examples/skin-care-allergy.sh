#!/bin/sh
# The health-harm case: a face serum bought on Douyin caused an allergic reaction the
# evening it was first used. A hospital diagnosed allergic contact dermatitis; the
# merchant blamed the buyer's skin and refused a refund because the bottle was opened,
# and platform support closed the request. The buyer filed with the local consumer
# association (in Zhejiang, the 消费者权益保护委员会) with the order, the diagnosis,
# the medical bill and the chat records; its mediation got the price refunded and part
# of the medical costs paid.
# Usage: skin-care-allergy.sh WORK-FOLDER
. "$(dirname "$0")/lib.sh"

"$DISPUTE" init "$case_dir"
dispute set case.platform douyin
dispute set order.id 6931847205518379264
dispute set order.product "玻色因多肽修护精华液"
dispute set order.spec "30ml 单瓶"
dispute set order.amount 268.00
dispute set order.quantity 1
dispute set order.date 2026-09-12
dispute set order.received 2026-09-15
dispute set merchant.shop "颜悦护肤旗舰店"
dispute set merchant.company "广州颜悦生物科技有限公司"
dispute set merchant.credit_code 91440111MA5D2Q8W23
dispute set merchant.address "广东省广州市白云区太和镇大源北路 213 号 B 栋 4 楼"
dispute set merchant.phone 020-86153927
dispute set claimant.name "周雨桐"
dispute set claimant.phone 13967152038
dispute set claimant.address "浙江省杭州市西湖区古墩路 588 号 3 幢 1502 室"
dispute set problem.category harmful
dispute set problem.description "2026年9月16日晚洁面后按说明取适量精华液涂抹面部，约半小时后面颊及额部出现红斑、肿胀、瘙痒和灼热感，停用后次日仍加重。9月18日到杭州市明湖医院皮肤科就诊，诊断为过敏性接触性皮炎（化妆品皮炎），医嘱停用该产品并用药治疗，支付医疗费 356.50 元。本人此前无类似过敏史。"
dispute set problem.loss 356.50
dispute set demand.text "退还货款 268.00 元，赔偿医疗费 356.50 元，合计 624.50 元。"

write_chat 与商家的聊天记录.txt \
	"2026-09-17 08:52 买家：您好，我昨晚第一次用你们的修护精华，半小时后整张脸发红发肿，又痒又烫，照片已发给您。" \
	"2026-09-17 09:30 客服：亲，我们的产品都有检测报告，温和无刺激，可能是您个人肤质敏感哦。" \
	"2026-09-18 17:05 买家：今天去医院皮肤科看了，诊断是化妆品引起的过敏性接触性皮炎，病历和收费票据已上传，请退款并承担医疗费。" \
	"2026-09-19 10:16 客服：产品已拆封使用，不支持退款，医疗费也无法承担，建议您先做皮肤测试再使用。"
write_chat 平台客服聊天记录.txt \
	"2026-09-20 14:03 平台客服：您好，您的投诉已收到，我们将联系商家核实。" \
	"2026-09-22 11:47 平台客服：商家反馈产品已拆封使用且有合格检测报告，平台暂无法支持退款，本次申请已关闭，建议您通过其他合法途径解决。"
cp "$media/order-screenshot.png" "$incoming/订单截图.png"
cp "$media/face-redness.jpg" "$incoming/使用后面部红肿照片.jpg"
cp "$media/diagnosis.pdf" "$incoming/明湖医院皮肤科门诊病历.pdf"
cp "$media/medical-bill.pdf" "$incoming/明湖医院门诊收费票据.pdf"

# The evidence is added on 2026-09-25, a day of the story (see on_day in lib.sh).
on_day 2026-09-25
dispute add-evidence -k order --proves "购买事实、商品名称、价格和下单时间" "$incoming/订单截图.png"
dispute add-evidence -k defect -n "使用后面部红肿照片" \
	--proves "使用该精华液当晚面部出现红斑、肿胀" "$incoming/使用后面部红肿照片.jpg"
dispute add-evidence -k medical -n "皮肤科门诊病历" \
	--proves "使用该护肤品后被诊断为过敏性接触性皮炎（化妆品皮炎）" \
	"$incoming/明湖医院皮肤科门诊病历.pdf"
dispute add-evidence -k medical -n "门诊收费票据" --proves "因治疗过敏支付医疗费 356.50 元" \
	"$incoming/明湖医院门诊收费票据.pdf"
dispute add-evidence -k chat --proves "出现过敏后当即告知商家并提供病历，商家拒绝退款和赔偿" \
	"$incoming/与商家的聊天记录.txt"
dispute add-evidence -k chat --proves "平台介入后未解决并关闭申请" "$incoming/平台客服聊天记录.txt"

dispute log -c merchant -o refused --demand -d 2026-09-19 "商家称属个人肤质问题且商品已拆封，拒绝退款和承担医疗费"
dispute log -c platform -o refused -d 2026-09-22 -r "DY-KF-20260920-5521" \
	"平台客服介入后以已拆封使用为由关闭申请"

# The complaint to the consumer association, drafted as of the day it was filed
# (SOURCE_DATE_EPOCH is the program's "today": 2026-09-25 12:00 UTC).
SOURCE_DATE_EPOCH=1790337600
export SOURCE_DATE_EPOCH
dispute set case.association "杭州市西湖区消费者权益保护委员会"
dispute draft complaint --to consumer-association -o "$work/消费者协会投诉.txt"
unset SOURCE_DATE_EPOCH
grep -q "356.50" "$work/消费者协会投诉.txt"
grep -qx "杭州市西湖区消费者权益保护委员会：" "$work/消费者协会投诉.txt"
dispute log -c consumer-association -d 2026-09-25 -r "XBW-XH-2026-0925-0318" \
	"向杭州市西湖区消费者权益保护委员会提交投诉及调解申请，附病历、收费票据和聊天记录"
dispute log -c consumer-association -o agreement -d 2026-10-16 -r "XBW-XH-2026-0925-0318" \
	"经消保委调解，商家同意退还货款 268.00 元并承担医疗费 200.00 元，双方签署调解协议"

# The mediation agreement, written out for both sides to sign; status now advises
# having it performed rather than suing on the original claim.
dispute draft settlement -o "$work/和解协议.txt"
grep -q "和解协议（草稿）" "$work/和解协议.txt"
grep -q "XBW-XH-2026-0925-0318" "$work/和解协议.txt"

dispute status >&2
pack_and_verify --date 2026-10-20

# Had the mediation failed: the lawsuit, with what a plaintiff records for the
# element-style complaint. Bought on Douyin and received in Hangzhou, the case goes to
# the Hangzhou internet court (the seller's Guangzhou domicile would give Guangzhou's).
dispute set claimant.id_number 330106199508152445
dispute set claimant.ethnicity 汉族
dispute set claimant.occupation 会计
dispute set claimant.employer 杭州某会计师事务所
dispute set claimant.e_service yes
dispute set case.mediate_first yes
dispute set case.forum_clause 无
dispute set merchant.representative 陈建华
dispute set order.promise "商品详情页宣称“温和无刺激，敏感肌可用”。"
dispute set problem.loss_kind injury
dispute set problem.loss_label 医疗费
court_complaint 杭州互联网法院 "$work/民事起诉状.txt"
grep -q "案由：产品责任纠纷" "$work/民事起诉状.txt"
grep -q "医疗费：《中华人民共和国消费者权益保护法》第四十九条" "$work/民事起诉状.txt"
