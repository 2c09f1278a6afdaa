# Who the seller is: the licence evidence kind; status treating a seller without a
# company, a valid credit code or an address as not identified (12315 and court blocked,
# the next step a request to the platform); the identity request in both languages; and
# the capture checklist ticked by the kinds in the case.
. "$TEST_LIB"

new_case c || exit 1
for fact in "case.platform pinduoduo" "merchant.shop 好物优选小店" "order.product 电热水壶" \
    "problem.category quality" "claimant.phone 13912345678"; do
	# shellcheck disable=SC2086
	"$DISPUTE" -q -C c set $fact || exit 1
done
"$DISPUTE" -q -C c log -c merchant -o refused --demand -d 2026-10-05 "要求退款被拒" || exit 1
"$DISPUTE" -q -C c log -c platform -o refused -d 2026-10-09 "平台驳回" || exit 1

expect 0 "status with the seller unknown" "$DISPUTE" -C c status
line out "seller not identified: 12315 and the court are blocked until these are recorded: merchant.company merchant.credit_code merchant.address" \
    "status names what identifies the seller"
line out "next step: the seller is not identified: .*" \
    "the next step is the request to the platform"
line out "  dispute draft identity-request" "its command drafts the request"
lacks out "--to 12315" "12315 is not suggested"
expect 0 "status --json with the seller unknown" "$DISPUTE" -C c status --json
contains out '"identified":	false' "JSON: not identified"
contains out '"blocks_next_step":	true' "JSON: it blocks the next step"
contains out '"blocked":	true' "JSON: rungs are blocked"

# An invalid credit code in a hand-edited case.json does not identify the seller.
"$DISPUTE" -q -C c set merchant.company 某某电器有限公司 || exit 1
"$DISPUTE" -q -C c set merchant.address 浙江省慈溪市某路8号 || exit 1
python3 -c 'import json, sys
c = json.load(open(sys.argv[1]))
c["merchant"]["credit_code"] = "91440606MA4X7K2P4B"
json.dump(c, open(sys.argv[2], "w"), ensure_ascii=False, indent="\t")' c/case.json edited.json
check "the test put a code with a wrong check character in" grep -q 91440606MA4X7K2P4B edited.json
cp c/case.json good.json
cp edited.json c/case.json
expect 0 "status with a bad credit code" "$DISPUTE" -C c status
line out "seller not identified: .* merchant.credit_code" "a code failing its check character does not count"
cp good.json c/case.json

# The request, in both languages.
expect 0 "the identity request" "$DISPUTE" -C c draft identity-request
contains out "关于请求提供网店经营者真实身份信息的申请" "it has its title"
contains out "拼多多平台：" "it is addressed to the platform"
contains out "好物优选小店" "it names the shop"
contains out "未能查到或无法核实经营者的统一社会信用代码" "it says what the shop's pages lack"
contains out "电子商务法》第二十七条" "it cites E-Commerce Law art. 27"
contains out "消费者权益保护法》第四十四条" "it cites CRPL art. 44"
contains out "直接向贵平台主张赔偿" "it says the platform answers itself if it cannot"
expect 0 "the identity request in English" "$DISPUTE" -C c draft identity-request --lang en -o id-en.txt
contains id-en.txt "Request for the real identity of a shop's operator" "the English request has its title"
contains id-en.txt "unified social credit code on the shop's pages" "it says what is missing, in English"
contains id-en.txt "article 44 of the Consumer Rights Protection Law" "it cites art. 44 in English"
new_case bare || exit 1
expect 1 "the request needs the shop" "$DISPUTE" -C bare draft identity-request
contains err "merchant.shop" "the missing shop is named"
expect 2 "a letter is not a recipient" "$DISPUTE" -C c draft complaint --to identity-request
expect 2 "an unknown draft names the letters" "$DISPUTE" -C c draft nothing
contains err "identity-request" "the usage error lists the letters"

# The licence kind, and identification complete.
"$DISPUTE" -q -C c add-evidence -k licence "$EVIDENCE/order-screenshot.png" >/dev/null || exit 1
expect 0 "status --json with a licence" "$DISPUTE" -C c status --json
contains out '"licence":	1' "the licence is counted as its kind"
"$DISPUTE" -q -C c set merchant.credit_code 91440606MA4X7K2P4A || exit 1
expect 0 "status with the seller identified" "$DISPUTE" -C c status
lacks out "seller not identified" "a seller with all three is identified"
line out "next step: file with 12315 or the consumer association.*" "12315 is offered again"

# The checklist, ticked by kinds.
expect 0 "status --checklist" "$DISPUTE" -C c status --checklist
line out "  \[x\] the business licence the shop displays" "the licence is ticked"
line out "  \[ \] the order page .*\(dispute add-evidence -k order FILE\)" "the order page is not, with its command"
line out "  \[ \] the live-stream replay or a recording.*" "the live replay is listed"
contains out "店铺资质 → 查看更多资质" "it says where Pinduoduo shows the licence"
contains out "http://www.cymth.com/service/20183.html" "with the source"
contains out "escalation window: not known" "the platform's window is not known"
contains out "gsxt.gov.cn" "it points to the registry lookup"
"$DISPUTE" -q -C c add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null 2>&1 || true
"$DISPUTE" -q -C c add-evidence -k livestream "$EVIDENCE/no-power.mp4" >/dev/null || exit 1
expect 0 "status --checklist --json" "$DISPUTE" -C c status --checklist --json
sed -n '/"id":	"livestream"/,/"done"/p' out >live
contains live '"done":	true' "JSON: the replay is ticked once added"
"$DISPUTE" -q -C c set case.platform jd || exit 1
expect 0 "status --checklist on JD" "$DISPUTE" -C c status --checklist
contains out "where this platform shows the licence: not known" "no source for JD: said so"
expect 0 "status without --checklist" "$DISPUTE" -C c status
lacks out "capture now" "the checklist only on request"

finish
