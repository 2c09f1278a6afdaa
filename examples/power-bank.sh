#!/bin/sh
# The evidence-first case: a power bank that would not switch on. The merchant said the
# buyer broke it and platform support closed the request; the buyer keeps the video,
# the chat records and the order screenshot, and packs a dossier for the next step.
# Usage: power-bank.sh WORK-FOLDER
. "$(dirname "$0")/lib.sh"

"$DISPUTE" init "$case_dir"
dispute set case.platform douyin
dispute set order.id 6920451873301942
dispute set order.product "20000mAh 快充移动电源"
dispute set order.spec "白色 PD22.5W"
dispute set order.amount 129.00
dispute set order.quantity 1
dispute set order.date 2026-10-08
dispute set order.received 2026-10-11
dispute set merchant.shop "闪充数码旗舰店"
dispute set claimant.name "李明"
dispute set claimant.phone 13912345678
dispute set problem.category quality
dispute set problem.description "收货当天充电两小时后按电源键无任何反应，指示灯不亮，无法为手机充电。"
dispute set demand.text "退货退款 129.00 元，运费由商家承担。"

write_chat chat-merchant.txt \
	"2026-10-11 20:05 买家：您好，移动电源收到后充电两小时，按键完全没反应，指示灯也不亮。" \
	"2026-10-11 20:31 客服：亲，请拍视频给我们看一下。" \
	"2026-10-11 20:40 买家：视频已发送，请处理退货退款。" \
	"2026-10-12 09:12 客服：经查看属于人为损坏，不支持退款。"
write_chat chat-platform.txt \
	"2026-10-13 10:02 平台客服：您好，已收到您的售后申请。" \
	"2026-10-14 16:45 平台客服：商家已提供说明，本次申请暂不支持，申请已关闭。"
cp "$media/no-power.mp4" "$incoming/开机无反应.mp4"
cp "$media/defect-photo.jpg" "$incoming/指示灯不亮.jpg"
cp "$media/order-screenshot.png" "$incoming/订单截图.png"

# The evidence is added on 2026-11-20, a day of the story (see on_day in lib.sh).
on_day 2026-11-20
dispute add-evidence -k defect --proves "商品收到后无法开机" \
	"$incoming/开机无反应.mp4" "$incoming/指示灯不亮.jpg"
dispute add-evidence -k order --proves "购买事实、商品名称、价格和下单时间" "$incoming/订单截图.png"
dispute add-evidence -k chat --proves "已及时告知商家，商家拒绝退款" "$incoming/chat-merchant.txt"
dispute add-evidence -k chat --proves "平台客服介入后未解决" "$incoming/chat-platform.txt"

dispute log -c merchant -o refused --demand -d 2026-10-12 "商家称人为损坏，拒绝退货退款"
dispute log -c platform -o refused -d 2026-10-14 -r "SH20261013-0088" "平台客服介入后关闭售后申请"

# The shop page shows no company, so neither 12315 nor a court could take the case yet:
# status says to ask the platform who the seller is, and lists what to capture first.
dispute status --checklist >&2
dispute draft identity-request -o "$work/商家身份信息披露申请.txt"
grep -q "闪充数码旗舰店" "$work/商家身份信息披露申请.txt"
grep -q "第四十四条" "$work/商家身份信息披露申请.txt"

dispute status >&2
pack_and_verify --date 2026-11-20

# Had the dossier been needed in court: the lawsuit, with the facts a plaintiff records
# (the shop's company from its business licence, the buyer's particulars). The buyer in
# Guangzhou goes to the Guangzhou internet court.
dispute set claimant.id_number 440306199206113519
dispute set claimant.ethnicity 汉族
dispute set claimant.occupation 工程师
dispute set claimant.address "广东省广州市天河区天河路 385 号 1203 室"
dispute set claimant.e_service yes
dispute set case.mediate_first yes
dispute set case.forum_clause 无
dispute set merchant.company "深圳市闪充数码科技有限公司"
dispute set merchant.credit_code 91440101MA59TQ3E02
dispute set merchant.address "广东省深圳市宝安区西乡街道宝源路 18 号"
dispute set merchant.representative 刘明辉
dispute set order.promise "商品详情页标明“20000mAh，支持 PD22.5W 快充，一年质保”。"
dispute set demand.terminate yes
court_complaint 广州互联网法院 "$work/民事起诉状.txt"
