# Documents for their receivers: the evidence-list CSV opens in Excel on a Chinese
# Windows (UTF-8 with a byte order mark); the dossier's timestamp request says how to
# send it to an authority and how to check the reply; the consumer-association letter
# names the association; the court complaint argues what it claims (the facts of the
# fraud, the sale prohibition behind the expired-food compensation) and its account of
# the talks leaves out the lawsuit itself; with case.language en the dossier still
# carries every filing in Chinese, the English ones beside them marked as translations,
# and status flags the buyer's English words that the Chinese papers would print.
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
check "read as UTF-8 with its mark, the header starts with the Chinese columns" test \
    "$(python3 -c 'import csv,sys; print(next(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))[:6])' list.csv)" \
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

# The court complaint, in the furniture lawsuit and the expired-food case of examples/.
for example in furniture-lawsuit expired-food; do
	sh "$TEST_DATA_DIR/../../examples/$example.sh" "$SCRATCH/$example" >/dev/null \
	    2>"$example.log" || { fail "example $example runs"; cat "$example.log"; }
done
furniture=$SCRATCH/furniture-lawsuit/case
food=$SCRATCH/expired-food/case
expect 0 "the furniture court complaint" "$DISPUTE" -C "$furniture" draft complaint --to court
cp out court.txt
contains court.txt "关于欺诈：被告在销售时所作的宣传和承诺（见证据3）：商品标题和详情页标明“北美黑胡桃木全实木”；下单前客服书面确认“桌面、桌腿都是实木”。" \
    "the fraud claim states what was promised, with the listing's exhibit"
contains court.txt "被告实际交付的商品（见证据5、证据6）：商品标题、详情页均标明" \
    "and what was delivered, with the photo's and the report's exhibits"
contains court.txt "被告的行为构成欺诈。依据《中华人民共和国消费者权益保护法》第五十五条第一款，原告有权要求被告按所付价款的三倍增加赔偿。" \
    "and why that is fraud under CRPL art. 55"
lacks court.txt "关于食品安全" "furniture is not argued as food"
# 催告与协商: the talks, not the lawsuit (the case has its filing and judgment logged).
sed -n '/^7\. 催告与协商/,/^8\. /p' court.txt >talks
contains talks "消费者协会：消费者协会组织调解" "the talks list the mediation"
lacks talks "法院" "the talks never list the court filing or the judgment"
lacks talks "电子诉讼平台" "not even by its text"
expect 0 "the English furniture complaint" "$DISPUTE" -C "$furniture" draft complaint --to court --lang en
contains out "Fraud: what the defendant claimed and promised when selling (see Exhibit 3):" \
    "the English complaint argues the fraud with its exhibits"
contains out "What the defendant delivered (see Exhibit 5, Exhibit 6):" "and what was delivered"

expect 0 "the expired-food court complaint" "$DISPUTE" -C "$food" draft complaint --to court
cp out court.txt
contains court.txt "关于食品安全：被告所售食品在交付时已超过标注的保质期。《中华人民共和国食品安全法》第三十四条第（十）项规定：“禁止生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂。”（请核对现行官方文本）" \
    "expired food cites the sale prohibition, marked for checking"
contains court.txt "即经营不符合食品安全标准的食品（请核对现行官方文本），依据《中华人民共和国食品安全法》第一百四十八条第二款" \
    "which makes it food failing the standards of art. 148"
lacks court.txt "关于欺诈" "the food case claims no fraud"
sed -n '/^7\. 催告与协商/,/^8\. /p' court.txt >talks
contains talks "商家：商家称生产日期为喷码误差" "the food case's talks list the merchant's refusal"
# Without a fraud or food claim there is no such argument.
set_all "$furniture" demand.compensation none
expect 0 "the complaint without compensation" "$DISPUTE" -C "$furniture" draft complaint --to court
lacks out "关于欺诈" "no fraud argument when none is claimed"

# case.language en: the Chinese filings stay, with English translations beside them.
set_all "$furniture" case.language en demand.compensation fraud
"$DISPUTE" -q -C "$furniture" log -c platform -d 2026-11-01 "Called JD support again; they refused" ||
    exit 1
expect 0 "pack an English case" "$DISPUTE" -C "$furniture" pack --date 2026-11-08 -o en.zip
unzip -Z1 en.zip | sed -n 's#^[^/]*/data/documents/##p' >documents
for name in 00-证据清单 01-平台投诉 02-12315投诉 03-消费者协会投诉 04-民事起诉状; do
	check "the English case's dossier has the Chinese $name.txt" grep -qx "$name.txt" documents
	check "and its PDF" grep -qx "$name.pdf" documents
done
for name in 00-evidence-list 01-platform-complaint 04-civil-complaint; do
	check "the English case's dossier has $name.txt beside it" grep -qx "$name.txt" documents
done
unzip -p en.zip '*/data/documents/04-civil-complaint.txt' >civil-en.txt
check "the English complaint opens by saying it is a translation of the Chinese one" test \
    "$(head -n 1 civil-en.txt)" = "English translation, for reference only. The document to file with Chinese authorities and courts is the Chinese original, 04-民事起诉状.txt."
unzip -p en.zip '*/data/documents/04-民事起诉状.txt' >civil-zh.txt
check "the Chinese complaint is the Chinese draft" grep -q "^四、事实与理由" civil-zh.txt
lacks civil-zh.txt "English translation" "and is not marked as a translation"
# (The contact logged after the judgment reopens the case, so its public post is packed.)
check "the public post is in the case's language" grep -qx "05-public-post.txt" documents
check "and in that language alone" sh -c "! grep -qx '05-公开说明.txt' documents"
unzip -p en.zip '*/data/index.html' >page.html
contains page.html "04-民事起诉状.txt" "the cover page lists the Chinese complaint"
contains page.html "04-civil-complaint.txt" "and the English translation"
expect 0 "pack a Chinese case" "$DISPUTE" -C c pack --date 2026-11-18 -o zh-only.zip
check "a Chinese case's dossier has no English documents" sh -c \
    "! unzip -Z1 zh-only.zip | grep -q 'documents/0[0-9]-[a-z]'"

# The English words the Chinese documents would print, flagged by status.
expect 0 "status of the English case" "$DISPUTE" -C "$furniture" status
contains out "warning: the Chinese complaints and court papers print these words as written, in English; give them a Chinese wording before filing:" \
    "status warns about English text"
line out "  the timeline entry of 2026-11-01: Called JD support again; they refused" \
    "naming the timeline entry"
lacks out "  the timeline entry of 2026-05-15" "Chinese entries are not flagged"
set_all "$furniture" problem.loss_label "inspection fee"
expect 0 "status --json of the English case" "$DISPUTE" -C "$furniture" status --json
contains out '"where":	"problem.loss_label"' "status --json lists an English fact"
contains out '"where":	"timeline"' "and the English timeline entry"
contains out '"date":	"2026-11-01"' "with its date"
expect 0 "status in Chinese" env -u LC_ALL LANG=zh_CN.UTF-8 "$DISPUTE" -C "$furniture" status
contains out "警告：中文投诉书和起诉材料会照录以下英文内容；提交前请改写为中文：" "the warning is in Chinese under zh_CN"
expect 0 "a Chinese draft of the English case" "$DISPUTE" -C "$furniture" draft complaint --to court --lang zh-CN
contains err "warning: the Chinese draft prints 2 texts of the buyer's as written, in English; \`dispute status\` lists them" \
    "drafting in Chinese warns about the English texts it prints"
expect 0 "the English draft of the English case" "$DISPUTE" -C "$furniture" draft complaint --to court
lacks err "as written, in English" "the English draft does not"
contains err "this English draft is for reading: Chinese authorities and courts take the Chinese one (\`--lang zh-CN\`)" \
    "and says that the Chinese one is the one to file"
expect 0 "status of a case written in Chinese" "$DISPUTE" -C "$food" status
lacks out "give them a Chinese wording" "a case written in Chinese gets no such warning"

finish
