# Exhibit numbers a court can hold the buyer to: they follow the evidence until a draft
# or pack cites them, then stay; a removed item's number stays in the list as withdrawn
# (已撤回); groups are numbered 证据N-k; `dispute renumber` closes the gaps only when told.
. "$TEST_LIB"

TAB=$(printf '\t')
CR=$(printf '\r')

new_case c || exit 1
set_all c case.platform douyin order.product "充电宝 20000mAh" merchant.shop "某某数码专营店" \
    problem.category quality problem.description "收到后无法开机" demand.text "退货退款"
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/no-power.mp4" \
    >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" >/dev/null || exit 1

# Before anything cites them, numbers follow the evidence: removing closes the gap.
expect 0 "rm-evidence before any draft" "$DISPUTE" -C c rm-evidence E02
lacks err "已撤回" "an item no draft cited leaves no withdrawn line"
lacks c/case.json '"exhibits_fixed"' "add-evidence and rm-evidence fix no numbers"
expect 0 "draft evidence-list" "$DISPUTE" -C c draft evidence-list
line out "序号：2" "E03 is 证据2 while nothing cites the numbers"
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/no-power.mp4" >/dev/null || exit 1

# The draft above fixed the numbers, and case.json says when and by what.
contains c/case.json '"exhibits_fixed"' "the first draft records that the numbers are fixed"
contains c/case.json '"by":	"draft"' "case.json says a draft fixed them"
expect 0 "draft complaint --to platform" "$DISPUTE" -C c draft complaint --to platform
contains out "证据4：" "the item added after the draft is 证据4"
cp out platform-before.txt

# Removing a cited item leaves its number, withdrawn, in every form of the list.
expect 0 "rm-evidence E03 (证据2) after the drafts" "$DISPUTE" -C c rm-evidence E03
contains err "证据2 stays in the evidence list as withdrawn (已撤回)" \
    "rm-evidence says the number stays as withdrawn"
contains c/case.json '"withdrawn":' "case.json keeps the withdrawn number"
expect 0 "draft evidence-list after the removal" "$DISPUTE" -C c draft evidence-list
line out "序号：2" "证据2 is still listed"
contains out "状态：已撤回" "the text list shows 证据2 as withdrawn (已撤回)"
line out "序号：3" "the chat log is still 证据3"
line out "序号：4" "the later photo is still 证据4"
contains out "证据数量：3项（另有1个编号已撤回，保留不用）" "the count is of the items still there, and says one number is withdrawn"
expect 0 "draft complaint --to platform after the removal" "$DISPUTE" -C c draft complaint \
    --to platform
contains out "证据3：聊天记录（chat-merchant.txt）" "the complaint still cites the chat log as 证据3"
contains out "证据4：" "and the later photo as 证据4"
lacks out "证据2：" "no item took 证据2"
expect 0 "draft evidence-list --csv" "$DISPUTE" -C c draft evidence-list --csv
line out "\"2\",\"订单截图（order-screenshot.png）\",\"\",\"\",\"\",\"\",\"\",\"\",\"已撤回\",.*$CR" \
    "the CSV has 证据2 as a withdrawn row"
expect 0 "draft evidence-list --json" "$DISPUTE" -C c draft evidence-list --json
check "the JSON's withdrawn member holds 证据2 (E03)" sh -c \
    "python3 -c 'import json,sys; d=json.load(sys.stdin); w=d[\"withdrawn\"]; sys.exit(not (len(w)==1 and w[0][\"id\"]==\"E03\" and w[0][\"label_zh\"]==\"证据2\" and [e[\"serial\"] for e in d[\"evidence\"]]==[\"1\",\"3\",\"4\"]))' <out"

# The page of the dossier shows it too, and the dossier keeps the numbers.
expect 0 "pack" "$DISPUTE" -C c pack -o d.zip
unzip -p d.zip '*/data/index.html' >page.html
contains page.html 'class="withdrawn"' "the page's evidence list has the withdrawn row"
contains page.html "已撤回" "the page says 已撤回"
contains page.html ">证据4</a>" "the page keeps 证据4"

# A new item after the removal takes a new number, never 证据2.
"$DISPUTE" -q -C c add-evidence -k receipt "$EVIDENCE/invoice.pdf" >/dev/null || exit 1
expect 0 "draft evidence-list with a new item" "$DISPUTE" -C c draft evidence-list --csv
line out "\"5\",\"付款凭证（invoice.pdf）\".*" "the new item is 证据5"

# Groups: 证据N-1, N-2.
expect 0 "add two chat screenshots as 证据6" "$DISPUTE" -C c add-evidence -k chat --group 6 \
    "$EVIDENCE/camera-photo.jpg" "$EVIDENCE/chat-platform.csv"
expect 0 "draft evidence-list with a group" "$DISPUTE" -C c draft evidence-list
line out "序号：6-1" "the group's first item is 6-1"
line out "序号：6-2" "the group's second item is 6-2"
expect 0 "draft complaint with a group" "$DISPUTE" -C c draft complaint --to platform
contains out "证据6-2：聊天记录（chat-platform.csv）" "the complaint cites 证据6-2"
cp c/case.json before.json
expect 1 "--group of a single exhibit is refused" "$DISPUTE" -C c add-evidence -k chat \
    --group 3 "$EVIDENCE/call.mp3"
contains err "证据3 is a single exhibit (E04)" "the message names the single exhibit"
expect 1 "--group of a withdrawn number is refused" "$DISPUTE" -C c add-evidence -k other \
    --group 2 "$EVIDENCE/call.mp3"
contains err "证据2 was withdrawn" "the message says 证据2 was withdrawn"
expect 2 "--group 0 is a usage error" "$DISPUTE" -C c add-evidence -k other --group 0 \
    "$EVIDENCE/call.mp3"
expect 2 "--group x is a usage error" "$DISPUTE" -C c add-evidence -k other --group x \
    "$EVIDENCE/call.mp3"
same before.json c/case.json "refused groups leave case.json byte-identical"

# Renumbering is refused while drafts cite the numbers, and warned with --force.
expect 1 "renumber without --force is refused" "$DISPUTE" -C c renumber
contains err "the exhibit numbers are fixed since" "the refusal says the numbers are fixed"
contains err "see --force" "the refusal names --force"
same before.json c/case.json "the refused renumber leaves case.json byte-identical"
expect 0 "renumber --force" "$DISPUTE" -C c renumber --force
contains err "warning: renumbered: documents drafted or packed before now cite the old numbers" \
    "renumber --force warns that documents cite the old numbers"
line out "E04${TAB}证据3${TAB}证据2" "renumber prints E04's move from 证据3 to 证据2"
line out "E07${TAB}证据6-1${TAB}证据5-1" "and the group's move from 6-1 to 5-1"
lacks c/case.json '"withdrawn":' "the withdrawn numbers are gone"
lacks c/case.json '"exhibits_fixed"' "the numbers are no longer fixed"
expect 0 "rm-evidence E01 after renumbering" "$DISPUTE" -C c rm-evidence E01
lacks err "已撤回" "after renumbering, nothing cites the numbers until the next draft"
expect 0 "renumber without --force while nothing cites the numbers" "$DISPUTE" -C c renumber
lacks err "warning" "renumbering numbers nothing cites warns of nothing"
line out "E07${TAB}证据5-1${TAB}证据4-1" "the group moves up to 证据4"
expect 0 "draft evidence-list after renumbering" "$DISPUTE" -C c draft evidence-list
lacks out "已撤回" "no withdrawn line after renumbering"
line out "序号：1" "E04 is 证据1"
line out "序号：4-2" "the group's second item is 证据4-2"
expect 0 "the renumbered case verifies" "$DISPUTE" verify c

finish
