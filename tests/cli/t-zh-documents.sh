# Documents for their receivers: the evidence-list CSV opens in Excel on a Chinese
# Windows (UTF-8 with a byte order mark); the dossier's timestamp request says how to
# send it to an authority and how to check the reply; the consumer-association letter
# names the association.
. "$TEST_LIB"

new_case c || exit 1
"$DISPUTE" -q -C c add-evidence -k defect -n "破损照片" --proves "商品破损" \
    "$EVIDENCE/defect-photo.jpg" >/dev/null 2>&1 || exit 1

# bom FILE: the first three bytes of FILE in hex, as od writes them.
bom() {
	head -c3 "$1" | od -An -tx1 | tr -d ' \n'
}

expect 0 "draft evidence-list --csv" "$DISPUTE" -C c draft evidence-list --csv -o list.csv
check "the CSV starts with the UTF-8 byte order mark EF BB BF" test "$(bom list.csv)" = efbbbf
check "the rest is valid UTF-8" iconv -f UTF-8 -t UTF-8 list.csv -o /dev/null
check "one byte order mark only" test "$(grep -c "$(printf '\357\273\277')" list.csv)" -eq 1
# Read as Excel does with the mark: UTF-8, the mark dropped, the header in Chinese.
check "read as UTF-8 with its mark, the header is Chinese" test \
    "$(python3 -c 'import csv,sys; print(next(csv.reader(open(sys.argv[1], encoding="utf-8-sig"))))' list.csv)" \
    = "['序号', '证据名称', '证据来源', '证明目的', '文件名', 'SHA-256']"
expect 0 "draft evidence-list --csv --lang en" "$DISPUTE" -C c draft evidence-list --csv --lang en -o list-en.csv
check "the English CSV carries the mark too" test "$(bom list-en.csv)" = efbbbf
expect 0 "the text evidence list" "$DISPUTE" -C c draft evidence-list -o list.txt
check "the text list has no byte order mark" test "$(bom list.txt)" != efbbbf

# The .tsq beside the dossier: the notice gives the whole command to send it and the
# verify line for its reply, with the real file names.
expect 0 "pack" "$DISPUTE" -C c pack --date "$TODAY"
dossier=$(cat out)
stem=${dossier%.zip}
check "pack wrote the timestamp request beside the dossier" test -s "$stem.tsq"
contains err "curl -H 'Content-Type: application/timestamp-query' --data-binary @$stem.tsq URL > $stem.tsr" \
    "the notice says how to send the request"
contains err "\`dispute verify --tsr $stem.tsr $stem.zip\`" "and how to check the reply with the dossier"
zh_pack() {
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 "$DISPUTE" "$@"
}
expect 0 "pack in Chinese" zh_pack -C c pack --date "$TODAY" -o zh.zip
contains err "zh.tsq：已生成针对标签清单的时间戳请求；请提交给时间戳机构（RFC 3161），例如 curl" \
    "the notice is in Chinese under zh_CN"
contains err "\`dispute verify --tsr zh.tsr zh.zip\`" "with the same commands"

# The consumer-association letter: addressed to the association by name.
set_all c claimant.phone 13800138000 claimant.address "浙江省杭州市西湖区文三路1号" \
    merchant.shop "好物旗舰店" order.product "充电宝" \
    problem.category quality problem.description "充电宝无法开机" demand.text "退货退款"
expect 0 "the letter before any contact" "$DISPUTE" -C c draft complaint --to consumer-association
line out "消费者协会：" "with no name known, it is addressed to 消费者协会"
"$DISPUTE" -q -C c log -c 消协 -d 2026-10-20 -r XBW-2026-1 \
    "向杭州市西湖区消费者权益保护委员会提交投诉，附聊天记录" || exit 1
expect 0 "the letter after the contact" "$DISPUTE" -C c draft complaint --to consumer-association
line out "杭州市西湖区消费者权益保护委员会：" "it is addressed to the association the contact names"
contains err "addressed to 杭州市西湖区消费者权益保护委员会, as the logged contact names it" \
    "draft says where the name came from"
expect 0 "the English letter" "$DISPUTE" -C c draft complaint --to consumer-association --lang en
line out "To 杭州市西湖区消费者权益保护委员会 \(the consumers' association\):" \
    "the English letter names it too"
set_all c case.association "杭州市消费者权益保护委员会"
expect 0 "the letter with case.association" "$DISPUTE" -C c draft complaint --to consumer-association
line out "杭州市消费者权益保护委员会：" "case.association overrides the name in the timeline"
lacks err "as the logged contact names it" "and draft no longer says it read the timeline"
expect 0 "pack" "$DISPUTE" -C c pack --date 2026-11-18 -o named.zip
check "the packed letter is addressed by name" sh -c \
    "unzip -p named.zip '*/data/documents/03-消费者协会投诉.txt' | grep -qx '杭州市消费者权益保护委员会：'"

finish
