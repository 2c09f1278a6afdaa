# The evidence list holds what 证据规定 第十九条 asks for: for each item 序号, 名称,
# 来源 (add-evidence --source, else the kind's), 证明对象, 份数 (--copies) and the form as
# it really is (--form original|copy|electronic, else the kind's): in the text draft,
# the CSV, the JSON and the page.
. "$TEST_LIB"

CR=$(printf '\r')
new_case c || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
expect 0 "a report with its source, copies and form" "$DISPUTE" -C c add-evidence -k report \
    --source "某某检测技术有限公司出具" --copies 2 --form original -n "材质检验报告" \
    "$EVIDENCE/invoice.pdf"
expect 0 "a contract with the kind's defaults" "$DISPUTE" -C c add-evidence -k contract \
    "$EVIDENCE/order-screenshot.png"
contains c/case.json '"source":	"某某检测技术有限公司出具"' "case.json records --source"
contains c/case.json '"copies":	2' "case.json records --copies"
contains c/case.json '"form":	"original"' "case.json records --form"

expect 0 "draft evidence-list" "$DISPUTE" -C c draft evidence-list
cp out list.txt
line list.txt "证据来源：某某检测技术有限公司出具" "the text list gives the recorded source"
line list.txt "份数：2份" "the text list gives the copies"
line list.txt "证据形式：原件" "the text list gives the recorded form"
line list.txt "证据来源：合同双方签订" "a contract's source defaults from its kind"
line list.txt "证据形式：复印件" "a contract is a copy unless said otherwise"
line list.txt "证据形式：电子数据" "a photo is electronic data"
line list.txt "份数：1份" "one copy by default"
lacks list.txt "以上证据均为电子数据" "the list no longer calls every item electronic data"

expect 0 "draft evidence-list --csv" "$DISPUTE" -C c draft evidence-list --csv
line out "\"2\",\"检验/鉴定报告（材质检验报告）\",\"某某检测技术有限公司出具\",\"[^\"]*\",\"E02-report.pdf\",\"[0-9a-f]{64}\",\"2\",\"原件\",\"\",.*$CR" \
    "the CSV row carries source, copies and form"
expect 0 "draft evidence-list --csv --lang en" "$DISPUTE" -C c draft evidence-list --csv --lang en
line out "\"3\",\"contract or agreement \(order-screenshot.png\)\",\"signed by the parties\",.*,\"1\",\"copy\",\"\",.*$CR" \
    "the English CSV gives the kind's source and form in English"
expect 0 "draft evidence-list --json" "$DISPUTE" -C c draft evidence-list --json
check "the JSON gives source, copies and form of each item" sh -c \
    "python3 -c 'import json,sys; e=json.load(sys.stdin)[\"evidence\"]; sys.exit(not ([(x[\"source_zh\"], x[\"copies\"], x[\"form\"], x[\"form_zh\"]) for x in e] == [(\"消费者自行拍摄\", 1, \"electronic\", \"电子数据\"), (\"某某检测技术有限公司出具\", 2, \"original\", \"原件\"), (\"合同双方签订\", 1, \"copy\", \"复印件\")]))' <out"

expect 0 "pack" "$DISPUTE" -C c pack -o d.zip
unzip -p d.zip '*/data/index.html' >page.html
contains page.html "<dt>证据形式</dt><dd>原件，2份</dd>" "the exhibit's page gives the form and copies"
contains page.html "某某检测技术有限公司出具<br><small>原件 · 2份</small>" "the page's list gives them too"

# Usage errors leave the case as it was.
cp c/case.json before.json
expect 2 "--copies 0 is a usage error" "$DISPUTE" -C c add-evidence -k other --copies 0 "$EVIDENCE/call.mp3"
contains err "--copies: \"0\" is not a whole number from 1 to 99" "the message gives the range"
expect 2 "--copies 100 is a usage error" "$DISPUTE" -C c add-evidence -k other --copies 100 "$EVIDENCE/call.mp3"
expect 2 "--copies 2x is a usage error" "$DISPUTE" -C c add-evidence -k other --copies 2x "$EVIDENCE/call.mp3"
expect 2 "--form paper is a usage error" "$DISPUTE" -C c add-evidence -k other --form paper "$EVIDENCE/call.mp3"
contains err "--form: \"paper\" is not original, copy or electronic" "the message lists the forms"
printf 'bad\377source' >bad.txt
expect 1 "--source that is not UTF-8 is refused" "$DISPUTE" -C c add-evidence -k other \
    --source "$(cat bad.txt)" "$EVIDENCE/call.mp3"
contains err "source: " "the message names --source"
same before.json c/case.json "refused options leave case.json byte-identical"

finish
