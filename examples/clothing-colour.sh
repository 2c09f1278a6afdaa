#!/bin/sh
# The repeated platform complaint: a dress bought on Taobao arrived in a clearly different
# colour from the shop's pictures (grey-green instead of haze blue). The merchant called
# it normal colour variation and refused the return; the first platform review agreed.
# The buyer complained to the platform again, restating the whole history with the shop
# picture, a daylight photo of the dress and the chat records, and the platform ordered
# the merchant to take the dress back and refund it.
# Usage: clothing-colour.sh WORK-FOLDER
. "$(dirname "$0")/lib.sh"

"$DISPUTE" init "$case_dir"
dispute set case.platform taobao
dispute set order.id 3921765480217365418
dispute set order.product "法式收腰中长款针织连衣裙"
dispute set order.spec "雾霾蓝 M码"
dispute set order.amount 239.00
dispute set order.quantity 1
dispute set order.date 2026-10-20
dispute set order.received 2026-10-23
dispute set merchant.shop "南风衣橱女装店"
dispute set claimant.name "林婉清"
dispute set claimant.phone 13858027461
dispute set problem.category not-as-described
dispute set problem.description "店铺主图、详情页及所选规格均为浅雾霾蓝色，收到的实物为明显的灰绿色，在自然光和室内灯光下与店铺图片差异都很大，并非轻微色差。吊牌和包装完好，未穿着、未洗涤。"
dispute set demand.text "退货退款 239.00 元，退货运费由商家承担。"

write_chat 与商家的聊天记录.txt \
	"2026-10-23 19:12 买家：您好，裙子收到了，颜色是灰绿色，和店里图片的雾霾蓝完全不是一个颜色，我拍了自然光下的照片给您。" \
	"2026-10-23 19:40 客服：亲，我们的图片都是实物拍摄哦，不同屏幕显示会有色差，属于正常现象。" \
	"2026-10-23 19:46 买家：不是屏幕的问题，蓝色和绿色差别很明显。吊牌都在，没有穿过，请给我退货退款。" \
	"2026-10-24 10:05 客服：色差不属于质量问题，本店不同意退款，请理解。"
write_chat 平台介入聊天记录.txt \
	"2026-10-25 09:30 平台客服：您好，您申请的平台介入已受理，我们会在 48 小时内处理。" \
	"2026-10-26 15:20 平台客服：经核实商家提供的实拍图，颜色差异属于正常拍摄色差范围，本次介入不支持退款，售后申请已关闭。"
cp "$media/dress-listing.png" "$incoming/商品详情页截图-雾霾蓝.png"
cp "$media/dress-received.jpg" "$incoming/实物自然光照片-灰绿色.jpg"
cp "$media/order-screenshot.png" "$incoming/订单截图.png"

# The evidence is added on 2026-10-28, a day of the story (see on_day in lib.sh).
on_day 2026-10-28
dispute add-evidence -k other -n "商品详情页截图" \
	--proves "店铺展示并销售的商品颜色为浅雾霾蓝" "$incoming/商品详情页截图-雾霾蓝.png"
dispute add-evidence -k defect -n "实物自然光照片" \
	--proves "收到的实物为灰绿色，与店铺图片颜色差异很大" "$incoming/实物自然光照片-灰绿色.jpg"
dispute add-evidence -k order --proves "购买事实、商品名称、所选颜色、价格和下单时间" "$incoming/订单截图.png"
dispute add-evidence -k chat --proves "收货当天即告知商家颜色不符，商家以“正常色差”拒绝退款" \
	"$incoming/与商家的聊天记录.txt"
dispute add-evidence -k chat --proves "第一次平台介入未核对实物照片即关闭申请" "$incoming/平台介入聊天记录.txt"

dispute log -c merchant -o refused --demand -d 2026-10-24 "商家称属于正常拍摄色差，拒绝退货退款"
dispute log -c platform -o refused -d 2026-10-26 -r "TB-JR-20261025-3317" \
	"申请平台介入，平台依据商家实拍图认定为正常色差，关闭售后申请"

# The repeated complaint restates the history and the evidence. It is drafted as of the
# day it was filed (SOURCE_DATE_EPOCH is the program's "today": 2026-10-28 12:00 UTC), so
# its date and history match the timeline, then filed through the complaint entry.
SOURCE_DATE_EPOCH=1793188800
export SOURCE_DATE_EPOCH
dispute draft complaint --to platform -o "$work/平台投诉.txt"
unset SOURCE_DATE_EPOCH
grep -q "正常色差" "$work/平台投诉.txt"
dispute log -c platform -d 2026-10-28 -r "TB-TS-20261028-0512" \
	"通过淘宝投诉入口再次投诉，附沟通经过、商品详情页截图和实物自然光照片"
dispute log -c platform -o resolved -d 2026-11-02 -r "TB-TS-20261028-0512" \
	"平台复核认定商品与描述不符，判定商家退货退款 239.00 元，退货运费由商家承担"

dispute status >&2
pack_and_verify --date 2026-11-05

# Had the platform refused again: the lawsuit, with the facts a plaintiff records. The
# shop's company is in Hangzhou and so is the buyer: the Hangzhou internet court.
dispute set claimant.id_number 330106199303041821
dispute set claimant.ethnicity 汉族
dispute set claimant.occupation 设计师
dispute set claimant.address "浙江省杭州市拱墅区湖墅南路 88 号 2 幢 601 室"
dispute set claimant.e_service yes
dispute set case.mediate_first yes
dispute set case.forum_clause 无
dispute set merchant.company "杭州南风服饰有限公司"
dispute set merchant.credit_code 91330110MA2KC7R5XM
dispute set merchant.address "浙江省杭州市余杭区五常街道文一西路 998 号"
dispute set merchant.representative 周南风
dispute set order.promise "商品主图、详情页及所选规格均为浅雾霾蓝色。"
dispute set demand.terminate yes
court_complaint 杭州互联网法院 "$work/民事起诉状.txt"
