# The evidence people really have, made with the tools that make it: a Word contract
# (.docx and .odt from pandoc), a Taobao order export as CSV with Chinese headers (UTF-8
# and GB18030), a zip of screenshots (refused, with the hint to add the pictures), and
# an iPhone-style HEIC photo (from heif-enc), which the public copy leaves out and says so.
. "$TEST_LIB"

for tool in pandoc zip heif-enc convert iconv; do
	command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed (tools/deps.sh)"; exit 1; }
done

printf '# 实木餐桌买卖合同\n\n甲方（卖方）：某某家具有限公司\n\n乙方（买方）：张三\n\n商品：北美黑胡桃木实木餐桌，材质为黑胡桃木实木。\n' >contract.md
pandoc contract.md -o 买卖合同.docx || exit 1
pandoc contract.md -o 买卖合同.odt || exit 1
# A Taobao "已买到的宝贝" export: Chinese headers, quoted order number.
printf '%s\r\n' '订单编号,买家会员名,买家应付货款,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,店铺名称' \
    '"3456789012345678","tb_zhang3","4680.00","4680.00","交易成功","2026-07-01 10:12:00","2026-07-01 10:13:05","北美黑胡桃木实木餐桌 1.6米","1","某某家具旗舰店"' \
    >淘宝订单导出.csv
iconv -f UTF-8 -t GB18030 淘宝订单导出.csv >订单导出-gbk.csv || exit 1
convert -size 120x200 xc:white -fill black -draw 'rectangle 10,10 110,40' shot1.png || exit 1
convert -size 120x200 xc:white -fill black -draw 'rectangle 10,60 110,90' shot2.png || exit 1
zip -q 聊天截图.zip shot1.png shot2.png || exit 1
convert -size 64x48 xc:red red.png || exit 1
heif-enc red.png -o IMG_0001.heic >/dev/null 2>&1 || exit 1
convert -size 64x48 xc:blue photo.jpg || exit 1

TAB=$(printf '\t')
new_case c || exit 1
set_all c case.platform taobao order.product "实木餐桌" merchant.shop "某某家具旗舰店" \
    problem.category not-as-described problem.description "收到的餐桌为橡胶木贴皮" \
    demand.text "退货退款"

# Word contracts: a kind of their own, and under other.
expect 0 "a .docx contract is accepted as contract" "$DISPUTE" -C c add-evidence -k contract 买卖合同.docx
line out "E01${TAB}E01-contract.docx${TAB}.*" "it is stored as .docx"
contains c/case.json '"mime":	"application/vnd.openxmlformats-officedocument.wordprocessingml.document"' \
    "its type is what libmagic says of its content"
expect 0 "an .odt contract is accepted as contract" "$DISPUTE" -C c add-evidence -k contract 买卖合同.odt
contains out "E02-contract.odt" "it is stored as .odt"
cp 买卖合同.docx renamed.docx && printf 'x' >>renamed.docx
expect 0 "a Word document is accepted as other" "$DISPUTE" -C c add-evidence -k other renamed.docx
contains out "E03-other.docx" "under other too"
cp c/case.json before.json
expect 1 "a Word document is not a chat log" "$DISPUTE" -C c add-evidence -k chat 买卖合同.docx
contains err "but chat evidence must be" "the refusal names what chat takes"
cp 买卖合同.docx fake.jpg
expect 1 "a .docx named .jpg is judged by its content" "$DISPUTE" -C c add-evidence -k defect fake.jpg
contains err "wordprocessingml" "the refusal names the content's type"
same before.json c/case.json "refused Word files leave case.json byte-identical"

# The platform's CSV order export, in UTF-8 and in GB18030, keeps its .csv name.
expect 0 "a Taobao CSV export is accepted as order" "$DISPUTE" -C c add-evidence -k order 淘宝订单导出.csv
contains out "E04-order.csv" "it keeps its .csv name"
lacks err "stored as" "no warning about its name"
expect 0 "a GB18030 CSV export is accepted as order" "$DISPUTE" -C c add-evidence -k order 订单导出-gbk.csv
contains out "E05-order.csv" "the GB18030 export keeps its .csv name too"
check "the kept copy is byte-identical to the export" cmp -s 订单导出-gbk.csv c/evidence/E05-order.csv

# A zip of screenshots: refused, whatever the kind, with the hint to add the pictures.
cp c/case.json before.json
for kind in chat order other; do
	expect 1 "a zip of screenshots is refused as $kind" "$DISPUTE" -C c add-evidence -k $kind 聊天截图.zip
	contains err "聊天截图.zip: refused: an archive is not evidence anyone can read as it is; unpack it and add the pictures" \
	    "the $kind refusal says to add the pictures themselves"
done
expect 1 "a zip among good files refuses the batch" "$DISPUTE" -C c add-evidence -k chat shot1.png 聊天截图.zip
same before.json c/case.json "refused zips leave case.json byte-identical"
check "no copy of the zip is kept" sh -c '! ls c/evidence | grep -q zip'
expect 0 "the pictures themselves are accepted" "$DISPUTE" -C c add-evidence -k chat shot1.png shot2.png

# An iPhone HEIC photo of the defect: kept in the full dossier, left out of the public
# copy, which says so.
expect 0 "a HEIC photo is accepted as defect" "$DISPUTE" -C c add-evidence -k defect IMG_0001.heic photo.jpg
contains out "E08-defect.heic" "it is stored as .heic"
expect 0 "pack --public" "$DISPUTE" -C c pack --public -o full.zip
contains err "E08 (IMG_0001.heic): left out of the public copy: the metadata of this image/heic photo" \
    "pack --public says the HEIC photo is left out"
PUBLIC=$(sed -n 2p out)
check "the public copy is written" test -f "$PUBLIC"
unzip -Z1 "$PUBLIC" >public.list
check "the public copy holds the JPEG photo" grep -q "photos/E09-defect.jpg" public.list
check "the public copy does not hold the HEIC photo" sh -c '! grep -q E08 public.list'
unzip -p "$PUBLIC" '*/data/sources.txt' >sources.txt
contains sources.txt "# Left out: E08 (IMG_0001.heic, image/heic)" "sources.txt says the HEIC photo is left out"
contains sources.txt "# 未收入：E08（IMG_0001.heic，image/heic）" "and says so in Chinese"
unzip -Z1 full.zip >full.list
check "the full dossier keeps the HEIC photo" grep -q "data/evidence/E08-defect.heic" full.list
expect 0 "the full dossier verifies" "$DISPUTE" verify full.zip
expect 0 "the public copy verifies" "$DISPUTE" verify "$PUBLIC"

# The list names each with its kind.
expect 0 "draft evidence-list" "$DISPUTE" -C c draft evidence-list
contains out "证据名称：合同/协议（买卖合同.docx）" "the list names the contract"
contains out "证据名称：订单截图（淘宝订单导出.csv）" "the list names the order export"

finish
