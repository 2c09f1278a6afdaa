#!/bin/sh
# The public post: beef jerky bought on Pinduoduo arrived a month past its shelf life
# (made 2026-03-20, 180 days, so expired on 2026-09-16). The buyer filmed the printed
# date label on delivery; the merchant called it a printing error and refused, and
# platform support closed the request. The buyer drafted the 12315 complaint, but first
# posted a factual account on Weibo with the video, the masked order screenshot and the
# chat records; the post carries no phone, ID number, address or full order number. The
# merchant then refunded the price and paid the Food Safety Law compensation.
# Usage: expired-food.sh WORK-FOLDER
. "$(dirname "$0")/lib.sh"

order=261009-384750192736458
phone=13980642157
id_number=510107199507212485
address="四川省成都市武侯区武侯祠大街 266 号 2 栋 3 单元 801 室"

"$DISPUTE" init "$case_dir"
dispute set case.platform pinduoduo
dispute set order.id "$order"
dispute set order.product "手撕风干牛肉干"
dispute set order.spec "香辣味 250g×2袋"
dispute set order.amount 59.90
dispute set order.quantity 1
dispute set order.date 2026-10-09
dispute set order.received 2026-10-12
dispute set merchant.shop "鲜味坊零食专营店"
dispute set merchant.company "临沂市鲜味坊食品商贸有限公司"
dispute set merchant.credit_code 91371302MA3C9T5R46
dispute set merchant.address "山东省临沂市兰山区金雀山街道沂蒙路 157 号"
dispute set claimant.name "陈晓雯"
dispute set claimant.phone "$phone"
dispute set claimant.id_number "$id_number"
dispute set claimant.address "$address"
dispute set problem.category expired
dispute set problem.description "收到的两袋牛肉干外包装均标注生产日期 2026年3月20日、保质期 180 天，即已于 2026年9月16日到期，收货时已过期近一个月。商品详情页未提示临期或过期。拆开其中一袋后发现肉干发硬、有油脂酸败气味，未食用。"
dispute set demand.text "退还货款 59.90 元，并依照《中华人民共和国食品安全法》第一百四十八条支付价款十倍的赔偿金，不足一千元的按一千元计。"
dispute set demand.compensation food
# problem.food is left unset: expired goods are food unless said otherwise, so the
# claim offers the Food Safety Law compensation (10x the price, at least 1000 yuan).
dispute claim >&2

write_chat 与商家的聊天记录.txt \
	"2026-10-12 18:21 买家：您好，收到的牛肉干生产日期是 2026年3月20日，保质期 180 天，9月16日就过期了，视频已发给您。" \
	"2026-10-12 18:55 客服：亲，这个是喷码机的日期误差，产品是新鲜的，可以放心食用。" \
	"2026-10-12 19:03 买家：包装上印的就是过期的日期，我不能吃过期食品，请退款并按食品安全法赔偿。" \
	"2026-10-13 09:40 客服：只能给您补偿 5 元优惠券，不支持退款。"
write_chat 平台客服聊天记录.txt \
	"2026-10-14 11:12 平台客服：您好，已收到您的售后申请，正在联系商家核实。" \
	"2026-10-15 16:30 平台客服：商家已提供进货凭证并说明为喷码误差，建议您与商家协商，本次申请已关闭。"
cp "$media/expiry-label.mp4" "$incoming/开箱拍摄生产日期.mp4"
cp "$media/expiry-label.jpg" "$incoming/包装生产日期标签.jpg"
cp "$media/order-screenshot.png" "$incoming/拼多多订单截图.png"

# The evidence is added on 2026-10-16, a day of the story (see on_day in lib.sh).
on_day 2026-10-16
dispute add-evidence -k defect -n "开箱视频" \
	--proves "收货开箱时包装标注的生产日期为 2026年3月20日、保质期 180 天，商品已过期" \
	"$incoming/开箱拍摄生产日期.mp4"
dispute add-evidence -k defect -n "生产日期标签照片" --proves "两袋商品的生产日期和保质期标注" \
	"$incoming/包装生产日期标签.jpg"
dispute add-evidence -k order --proves "购买事实、商品名称、价格和下单时间" "$incoming/拼多多订单截图.png"
dispute add-evidence -k chat --proves "收货当天告知商家商品过期，商家拒绝退款" \
	"$incoming/与商家的聊天记录.txt"
dispute add-evidence -k chat --proves "平台介入后未解决并关闭申请" "$incoming/平台客服聊天记录.txt"

dispute log -c merchant -o refused --demand -d 2026-10-13 "商家称生产日期为喷码误差，只愿补偿 5 元优惠券，拒绝退款"
dispute log -c platform -o refused -d 2026-10-15 -r "PDD-SH-20261014-2291" \
	"平台客服介入后以商家提供进货凭证为由关闭申请"

# Both drafts as of the day they were written (SOURCE_DATE_EPOCH is the program's "today":
# 2026-10-16 12:00 UTC). The 12315 complaint is kept ready; the post goes out first.
SOURCE_DATE_EPOCH=1792152000
export SOURCE_DATE_EPOCH
dispute draft complaint --to 12315 -o "$work/12315投诉.txt"
dispute draft complaint --to social -o "$work/公开说明.txt"
unset SOURCE_DATE_EPOCH
grep -q "91371302MA3C9T5R46" "$work/12315投诉.txt"
grep -q "1000.00" "$work/12315投诉.txt"

# The post must not identify or locate the buyer, nor carry the full order number.
for private in "$phone" "$id_number" "$address" "$order"; do
	if grep -qF "$private" "$work/公开说明.txt"; then
		echo "expired-food: the public post contains \"$private\"" >&2
		exit 1
	fi
done

dispute log -c social -d 2026-10-16 \
	"在微博发布情况说明，附生产日期视频、打码后的订单截图和聊天记录"
dispute log -c merchant -o resolved -d 2026-10-19 \
	"商家看到公开说明后主动联系，退还货款 59.90 元并支付赔偿金 1000.00 元"

dispute status >&2
pack_and_verify --date 2026-10-21

# Had the complaint failed: the lawsuit. No internet court serves Chengdu or Linyi; the
# buyer sues where she received the goods (or could sue at the seller's domicile).
dispute set claimant.ethnicity 汉族
dispute set claimant.occupation 教师
dispute set claimant.e_service yes
dispute set case.mediate_first yes
dispute set case.forum_clause 无
dispute set merchant.representative 王海涛
dispute set order.promise "商品详情页未提示临期或过期，标称保质期 180 天。"
court_complaint 成都市武侯区人民法院 "$work/民事起诉状.txt"
grep -q "^2\. 临沂市兰山区人民法院\$" "$work/有管辖权的法院.txt"
grep -q "超过标注的保质期" "$work/民事起诉状.txt"
