# The public post (draft complaint --to social, pack --public): a resolved case is not
# posted as unresolved (refused, or with --force an account of how it was resolved); the
# tone check reads everything the post prints and knows threats; legal conclusions,
# tracking numbers and other people's names are warned about; court wording never
# appears in the post.
. "$TEST_LIB"

new_case c || exit 1
for fact in "case.platform douyin" "merchant.shop 闪充数码旗舰店" "order.product 移动电源" \
    "problem.category quality" "problem.description 充电后无法开机" "demand.text 退货退款"; do
	# shellcheck disable=SC2086
	"$DISPUTE" -q -C c set $fact || exit 1
done
"$DISPUTE" -q -C c add-evidence -k defect --proves "被告交付的移动电源无法开机" \
    "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
"$DISPUTE" -q -C c log -c merchant -o refused --demand -d 2026-10-05 "客服“小王”称人为损坏，拒绝退款" || exit 1
"$DISPUTE" -q -C c log -c platform -o refused -d 2026-10-09 "退货单号SF1234567890123被拒收" || exit 1

expect 0 "the post of an open case" "$DISPUTE" -C c draft complaint --to social
contains out "至今未能解决" "an open case's post says it is unresolved"
lacks out "原告" "no 原告 in the post"
lacks out "被告" "no 被告 in the post, even from a proof text written for court"
contains out "商家交付的移动电源无法开机" "the proof text speaks of the shop instead"
contains err "names someone after \"客服\"" "a staff member's name in the timeline is warned about"
contains err "SF1234567890123" "a tracking number in the timeline is warned about"
lacks err "legal conclusion" "a factual post gets no legal-conclusion warning"

# Threats and insults anywhere the post prints, named by where they are.
cp -R c t || exit 1
"$DISPUTE" -q -C t log -c merchant -o refused -d 2026-10-10 "再不退款我就去你店里闹，曝光你，让你关店" || exit 1
expect 0 "threats warn but do not refuse" "$DISPUTE" -C t draft complaint --to social
contains err "the timeline entry of 2026-10-10 contains \"曝光你\"" "曝光你 in a timeline text is flagged there"
contains err "\"让你关店\"" "让你关店 is flagged"
contains err "\"店里闹\"" "闹 as a threat is flagged"
"$DISPUTE" -q -C t add-evidence -k chat --proves "商家就是骗子" "$EVIDENCE/chat-merchant.txt" >/dev/null || exit 1
expect 0 "an insult in an evidence purpose" "$DISPUTE" -C t draft complaint --to platform
contains err "what E02 proves contains \"骗子\"" "the tone check reads the evidence purposes"

# Legal conclusions in the post.
cp -R c l || exit 1
"$DISPUTE" -q -C l set problem.description "商家卖假货，属于欺诈，明显违法" || exit 1
expect 0 "legal conclusions warn" "$DISPUTE" -C l draft complaint --to social
contains err "the public post says \"假货\": that is a legal conclusion" "假货 is flagged as a conclusion"
contains err "\"欺诈\"" "欺诈 is flagged"
contains err "\"违法\"" "违法 is flagged"
contains err "经……认定" "the advice says to name who found it"
expect 0 "legal words in a court draft are not conclusions to warn about" \
    "$DISPUTE" -C l draft complaint --to platform
lacks err "legal conclusion" "only the public post is checked for conclusions"

# Resolved: refused, or an account of the resolution.
"$DISPUTE" -q -C c log -c merchant -o resolved -d 2026-10-20 "商家已全额退款 199.90 元" || exit 1
expect 1 "the post of a resolved case is refused" "$DISPUTE" -C c draft complaint --to social -o post.txt
contains err "resolved on 2026-10-20" "the refusal says when it was resolved"
check "no post was written" test ! -e post.txt
expect 0 "--force writes the account of the resolution" "$DISPUTE" -C c draft complaint --to social --force
lacks out "至今未能解决" "the forced post does not say it is unresolved"
contains out "已于2026年10月20日解决（商家：商家已全额退款 199.90 元）" "it says how and when it was resolved"
contains out "本问题已经解决" "its closing says so too"
lacks out "【注意】" "the post carries no internal warning"
expect 0 "--force --lang en" "$DISPUTE" -C c draft complaint --to social --force --lang en
contains out "It was resolved on 2026-10-20" "the English account says when it was resolved"
lacks out "has not been resolved" "nor that it is unresolved"

expect 0 "status of the resolved case" "$DISPUTE" -C c status
lacks out "seller not identified" "a resolved case is not told to identify the seller"

# pack --public of the resolved case: the post is the account, not the unresolved one.
mkdir outdir
expect 0 "pack --public of a resolved case" "$DISPUTE" -C c pack --public -o outdir/full.zip
rm -rf pub && mkdir pub && (cd pub && unzip -q ../outdir/*-public.zip)
cat pub/*/data/post.txt >post
lacks post "至今未能解决" "the public copy does not call a resolved case unresolved"
contains post "已于2026年10月20日解决" "the public copy tells the resolution"
lacks post "结果：已解决 至今" "no contradiction in the public copy"

finish
