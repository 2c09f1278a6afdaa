#!/bin/sh
# The lawsuit: a dining set bought on JD was sold as "北美黑胡桃木全实木", and the seller's
# support confirmed "solid wood" before the sale, but a chipped edge showed particleboard
# under a wood-grain paper and an inspection found a particleboard top and rubberwood
# legs. The merchant refused, platform support closed the request and the consumer
# association's mediation failed. With a lawyer, the buyer sued the company on the shop's
# business licence in the Beijing Internet Court (the goods were delivered in Beijing),
# claiming the refund and threefold compensation for fraud (CPL art 55) with a numbered
# evidence list; the court ordered the refund and the costs.
# Usage: furniture-lawsuit.sh WORK-FOLDER
. "$(dirname "$0")/lib.sh"

"$DISPUTE" init "$case_dir"
dispute set case.platform jd
dispute set order.id 301847562913
dispute set order.product "北美黑胡桃木全实木餐桌椅组合"
dispute set order.spec "1.6米 一桌六椅 胡桃色"
dispute set order.amount 4680.00
dispute set order.quantity 1
dispute set order.date 2026-05-06
dispute set order.received 2026-05-13
dispute set merchant.shop "木韵居实木家具旗舰店"
dispute set merchant.company "佛山市顺德区木韵家居有限公司"
dispute set merchant.credit_code 91440606MA4X7K2P4A
dispute set merchant.address "广东省佛山市顺德区龙江镇东华路 18 号之二"
dispute set merchant.representative "黄志强"
dispute set merchant.phone 0757-23386150
dispute set claimant.name "赵宇航"
dispute set claimant.id_number 110105198803140533
dispute set claimant.phone 13911706284
dispute set claimant.address "北京市朝阳区广顺南大街 16 号院 3 号楼 1205 室"
dispute set problem.category not-as-described
dispute set problem.description "商品标题、详情页均标明“北美黑胡桃木全实木”，下单前客服亦书面确认“桌面、桌腿都是实木”。收货后发现桌面边缘磕破处露出刨花板芯材，外层为木纹装饰纸。经委托检测机构鉴定，桌面基材为刨花板，桌腿为橡胶木，均与“北美黑胡桃木全实木”的宣传不符，支付检验费 800.00 元。"
dispute set problem.loss 800.00
dispute set demand.text "退还货款 4680.00 元，按价款三倍赔偿 14040.00 元，承担检验费 800.00 元及本案诉讼费用；餐桌椅由被告上门取回。"
dispute set demand.compensation fraud

write_chat 下单前咨询客服记录.txt \
	"2026-05-05 21:14 买家：请问这款餐桌是全实木的吗？桌面是不是也是黑胡桃木？" \
	"2026-05-05 21:16 客服：亲，是的哦，桌面、桌腿都是实木，北美进口黑胡桃木，放心购买。" \
	"2026-05-05 21:18 买家：不是贴皮或者板材吧？" \
	"2026-05-05 21:19 客服：不是的亲，全实木，假一赔三。"
write_chat 收货后与商家的聊天记录.txt \
	"2026-05-14 10:02 买家：桌面边角磕了一下，里面露出来的是刨花板，表面是一层木纹纸，和你们说的全实木不一样，照片已发。" \
	"2026-05-14 15:40 客服：亲，实木指的是桌腿，桌面是实木复合工艺，属于行业通用说法。" \
	"2026-05-15 09:25 买家：下单前你们明确说桌面也是实木，请退货退款。" \
	"2026-05-15 11:03 客服：商品已安装使用，不支持退货退款。"
write_chat 京东客服聊天记录.txt \
	"2026-05-17 16:20 京东客服：您好，已为您申请客服介入，请耐心等待。" \
	"2026-05-20 10:45 京东客服：商家表示商品描述无误，如您对材质有异议需自行提供检测报告，本次售后申请已关闭。"
cp "$media/furniture-listing.png" "$incoming/商品详情页截图-全实木.png"
cp "$media/particleboard.jpg" "$incoming/桌面破损处刨花板照片.jpg"
cp "$media/order-screenshot.png" "$incoming/京东订单截图.png"
cp "$media/invoice.pdf" "$incoming/电子发票.pdf"
cp "$media/material-report.pdf" "$incoming/材质检验报告.pdf"

# The evidence is added on 2026-07-27, a day of the story (see on_day in lib.sh).
on_day 2026-07-27
dispute add-evidence -k order --proves "购买事实、商品名称、价格和下单时间" "$incoming/京东订单截图.png"
dispute add-evidence -k receipt -n "电子发票" --source "被告开具（电子发票服务平台）" --proves "被告收取货款 4680.00 元" "$incoming/电子发票.pdf"
dispute add-evidence -k listing -n "商品详情页截图" \
	--proves "被告在商品标题和详情页宣传“北美黑胡桃木全实木”" "$incoming/商品详情页截图-全实木.png"
dispute add-evidence -k chat -n "下单前咨询客服记录" \
	--proves "下单前被告客服确认桌面、桌腿均为黑胡桃木实木，非贴皮或板材" \
	"$incoming/下单前咨询客服记录.txt"
dispute add-evidence -k defect -n "桌面破损处照片" \
	--proves "桌面芯材为刨花板，表面为木纹装饰纸" "$incoming/桌面破损处刨花板照片.jpg"
dispute add-evidence -k report -n "材质检验报告" --source "某某家具质量检验检测中心出具" \
	--form original --proves "桌面基材为刨花板、桌腿为橡胶木，与宣传不符；检验费 800.00 元" \
	"$incoming/材质检验报告.pdf"
dispute add-evidence -k chat -n "收货后与商家的聊天记录" \
	--proves "原告及时提出异议，被告承认桌面非实木并拒绝退货退款" \
	"$incoming/收货后与商家的聊天记录.txt"
dispute add-evidence -k chat -n "京东客服聊天记录" --proves "平台介入后未解决" \
	"$incoming/京东客服聊天记录.txt"

dispute log -c merchant -o refused --demand -d 2026-05-15 "商家称“实木”仅指桌腿，桌面为实木复合，拒绝退货退款"
dispute log -c platform -o refused -d 2026-05-20 -r "JD-SH-20260517-77410" \
	"京东客服介入后要求自行提供检测报告，关闭售后申请"
dispute log -c consumer-association -d 2026-06-08 -r "BJCA-CY-20260608-1146" \
	"向北京市朝阳区消费者协会投诉，附检验报告和聊天记录"
dispute log -c consumer-association -o refused -d 2026-07-10 -r "BJCA-CY-20260608-1146" \
	"消费者协会组织调解，被告仅同意补偿 300 元，不同意退货退款，调解终止"

# Before suing: what may be claimed, with the article behind each amount, and the fee.
dispute claim >&2

# The complaint and the evidence list, drafted as of the day they were filed
# (SOURCE_DATE_EPOCH is the program's "today": 2026-07-27 12:00 UTC).
SOURCE_DATE_EPOCH=1785153600
export SOURCE_DATE_EPOCH
# What the element-style complaint asks beyond the facts of the dispute.
dispute set claimant.ethnicity 汉族
dispute set claimant.occupation 软件工程师
dispute set claimant.e_service yes
dispute set case.mediate_first no
dispute set case.forum_clause 无
dispute set order.promise "商品标题和详情页标明“北美黑胡桃木全实木”；下单前客服书面确认“桌面、桌腿都是实木”。"
dispute set problem.loss_kind expense
dispute set problem.loss_label 检验费
dispute set demand.terminate yes
dispute set agent.name 孙立新
dispute set agent.kind lawyer
dispute set agent.firm 北京市朝阳律师事务所
dispute set agent.phone 13601122334
# The buyer in Beijing, the seller in Foshan: the place of receipt gives the internet court.
court_complaint 北京互联网法院 "$work/民事起诉状.txt"
dispute draft evidence-list -o "$work/证据清单.txt"
dispute draft evidence-list --csv -o "$work/证据清单.csv"
unset SOURCE_DATE_EPOCH
grep -q "14040.00" "$work/民事起诉状.txt"
grep -q "91440606MA4X7K2P4A" "$work/民事起诉状.txt"

dispute log -c court -d 2026-07-27 -r "(2026)京0491民初18362号" \
	"通过北京互联网法院电子诉讼平台在线提交民事起诉状、证据清单和证据材料"
dispute log -c court -o resolved -d 2026-10-30 -r "(2026)京0491民初18362号" \
	"法院判决被告退还货款 4680.00 元，负担检验费 800.00 元及案件受理费；原告退还餐桌椅"

dispute status >&2
pack_and_verify --date 2026-11-06
