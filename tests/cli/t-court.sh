# dispute court: the courts with jurisdiction from the place of receipt and the
# defendants' domiciles, the internet courts of the three cities, unlisted addresses said
# plainly, the platform-clause warning, --json; `set case.court` with a warning for an
# unlisted court; the court complaint's sentence on jurisdiction.
. "$TEST_LIB"

"$DISPUTE" -q init c || exit 1
expect 0 "dispute court with no address recorded" "$DISPUTE" -C c court
contains out "No court found" "no address: says no court was found"
expect 2 "dispute court takes no argument" "$DISPUTE" -C c court 北京

# The expired-food case (legal review A3): a Chengdu buyer, a Linyi seller, no internet court.
set_all c case.platform taobao claimant.address "四川省成都市武侯区武侯祠大街 266 号" \
    merchant.address "山东省临沂市兰山区金雀山街道沂蒙路 157 号"
expect 0 "dispute court for a Chengdu buyer and a Linyi seller" "$DISPUTE" -C c court
line out "1\\. 成都市武侯区人民法院" "the court of the place of receipt is listed first"
line out "   place of receipt \\(收货地\\): 成都市武侯区, from claimant.address \\(.*\\)" \
    "the receipt ground defaults to claimant.address"
line out "2\\. 临沂市兰山区人民法院" "the court of the defendant's domicile is listed"
contains out "《中华人民共和国民事诉讼法》第二十四条、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二十条" \
    "the receipt court's basis is 第二十四条 and 民诉法解释 第二十条"
lacks out "互联网法院" "no internet court outside the three cities"
contains out "may bind you if it was brought to your attention" "the platform-clause warning"
contains out "第三十一条, check the current official text" "the clause rule is marked unconfirmed"
contains out "not checked against each court: confirm the name before filing" \
    "the unconfirmed court names are flagged"
contains out "Record the court with \`dispute set case.court NAME\`" "says how to record the court"

# The delivery address decides over the buyer's own; a Hangzhou delivery goes to the
# internet court, in the basic court's place.
set_all c order.delivery_address "浙江省杭州市西湖区古墩路 588 号"
expect 0 "dispute court with a Hangzhou delivery address" "$DISPUTE" -C c court
line out "1\\. 杭州互联网法院" "a platform order delivered in Hangzhou goes to 杭州互联网法院"
contains out "from order.delivery_address" "the receipt ground is the delivery address"
lacks out "成都市武侯区人民法院" "the buyer's own address no longer counts"
contains out "the internet court hears these cases instead of 杭州市西湖区人民法院" \
    "the listing says which basic court it replaces"
contains out "《最高人民法院关于互联网法院审理案件若干问题的规定》第二条" "the internet court's basis"

# Without a platform there is no internet court.
"$DISPUTE" -q -C c set --unset case.platform || exit 1
expect 0 "dispute court without case.platform" "$DISPUTE" -C c court
line out "1\\. 杭州市西湖区人民法院" "without a platform order the basic court is listed"
set_all c case.platform taobao

# Unlisted addresses are said plainly.
set_all c merchant.address "广东省佛山市顺德区龙江镇东华路 18 号"
expect 0 "dispute court with an unlisted seller address" "$DISPUTE" -C c court
contains out "Not in the court table: merchant.address \"广东省佛山市顺德区龙江镇东华路 18 号\" names no city of the table" \
    "an address in no city of the table is unlisted"
set_all c merchant.address "浙江省杭州市某新区1号" order.delivery_address "北京市朝阳区建国路 88 号"
expect 0 "dispute court with a known city and an unknown district" "$DISPUTE" -C c court
line out "2\\. 杭州互联网法院" "an internet court city is placed by its city alone"
set_all c case.platform other merchant.address "四川省成都市某新区1号"
expect 0 "dispute court with a capital and an unknown district" "$DISPUTE" -C c court
contains out "is in 成都市, but no district of the table is named" \
    "a known city with an unknown district is said so"

# The platform as second defendant adds its domicile.
set_all c merchant.address "山东省临沂市兰山区金雀山街道" platform.company 某平台有限公司 \
    platform.address "广东省广州市天河区某路1号"
expect 0 "dispute court with the platform sued" "$DISPUTE" -C c court
contains out "广州互联网法院" "the platform company's domicile gives its court"
contains out "the platform company's domicile (被告二住所地): 广州市天河区, from platform.address" \
    "the platform ground is named"

# --json.
expect 0 "dispute court --json" "$DISPUTE" -C c court --json
check "court --json is JSON with its schema first" python3 -c '
import json, sys
d = json.load(open("out"))
assert list(d)[0] == "schema" and d["schema"] == "dispute-court/1"
names = [c["court"] for c in d["courts"]]
assert names == ["北京互联网法院", "临沂市兰山区人民法院", "广州互联网法院"], names
first = d["courts"][0]
assert first["kind"] == "internet" and first["replaces"] == "北京市朝阳区人民法院"
assert first["grounds"][0]["field"] == "order.delivery_address"
assert d["courts"][1]["kind"] == "basic" and d["courts"][1]["confirmed"] is True
assert d["clause"]["confirmed"] is False and d["table"]["confirmed"] is False
assert d["unlisted"] == []
'

# set case.court: a listed court quietly, any other name with a warning.
expect 0 "set case.court to a listed court" "$DISPUTE" -C c set case.court 北京互联网法院
lacks err "warning" "a listed court is taken without a warning"
expect 0 "set case.court to an unlisted court" "$DISPUTE" -C c set case.court 上海市黄浦区人民法院
contains err "warning: 上海市黄浦区人民法院 is not among the courts \`dispute court\` lists" \
    "an unlisted court is taken with a warning"
expect 0 "show case.court" "$DISPUTE" -C c show case.court
line out "上海市黄浦区人民法院" "the unlisted court is recorded all the same"
expect 0 "court marks the recorded court" "$DISPUTE" -C c set case.court 临沂市兰山区人民法院
expect 0 "dispute court after choosing" "$DISPUTE" -C c court
line out "2\\. 临沂市兰山区人民法院 \\(case.court\\)" "the listing marks the chosen court"

# The court complaint's sentence on jurisdiction.
set_all c claimant.name 张三 claimant.phone 13812345678 claimant.id_number 11010519491231002X \
    merchant.company 临沂某食品有限公司 merchant.representative 李四 order.id 123456789 \
    order.product 牛肉干 order.amount 59.90 order.date 2026-10-01 problem.category expired \
    problem.description 已过期。 demand.text 退款并赔偿。
"$DISPUTE" -q -C c add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null || exit 1
expect 0 "draft the court complaint" "$DISPUTE" -C c draft complaint --to court
line out "1\\. 管辖：本案被告住所地位于临沂市兰山区，依据《中华人民共和国民事诉讼法》第二十四条，贵院有管辖权。" \
    "the court draft says why the chosen court has jurisdiction"
"$DISPUTE" -q -C c set case.court 某某人民法院 2>/dev/null || exit 1
expect 0 "draft the court complaint for an unlisted court" "$DISPUTE" -C c draft complaint --to court
line out "1\\. 管辖：（待填：.*）" "an unlisted court leaves the jurisdiction sentence to the buyer"

finish
