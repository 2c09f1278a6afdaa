# pack --date before what the dossier tells of (the latest timeline entry or evidence
# intake) is refused with a message naming the entry; --force packs it anyway with a
# warning inside the dossier: on the page and in bag-info.txt.
. "$TEST_LIB"

# The evidence is added on 2026-10-10, the refusal logged for 2026-10-14.
SOURCE_DATE_EPOCH=1791633600 # 2026-10-10 12:00 UTC
new_case c || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
SOURCE_DATE_EPOCH=1795000000 # 2026-11-18
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-14 "商家拒绝退款" || exit 1

cp c/case.json before.json
expect 1 "pack --date before the latest timeline entry is refused" "$DISPUTE" -C c pack \
    --date 2026-10-12 -o early.zip
contains err "--date 2026-10-12 is before the timeline entry of 2026-10-14 (merchant, refused)" \
    "the refusal names the timeline entry"
contains err "see --force" "the refusal names --force"
check "no dossier is written" test ! -e early.zip
same before.json c/case.json "the refused pack leaves case.json byte-identical"
expect 0 "pack --date on the day of the latest entry" "$DISPUTE" -C c pack --date 2026-10-14 \
    -o ontime.zip
unzip -p ontime.zip '*/bag-info.txt' >info
lacks info "Date-Warning" "a dossier dated on time carries no date warning"

# Evidence added later than the dossier's date.
SOURCE_DATE_EPOCH=1792497600 # 2026-10-20 12:00 UTC
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" >/dev/null || exit 1
SOURCE_DATE_EPOCH=1795000000
expect 1 "pack --date before the latest evidence intake is refused" "$DISPUTE" -C c pack \
    --date 2026-10-16 -o early.zip
contains err "--date 2026-10-16 is before evidence E02 (chat-merchant.txt), added on 2026-10-20" \
    "the refusal names the evidence item and its intake day"
check "no dossier is written for the early date" test ! -e early.zip

# --force: packed, with the warning on stderr and inside the dossier.
expect 0 "pack --date 2026-10-16 --force" "$DISPUTE" -C c pack --date 2026-10-16 --force \
    -o forced.zip
contains err "warning: --date 2026-10-16 is before evidence E02" "--force warns on stderr"
unzip -p forced.zip '*/bag-info.txt' >info
line info "Date-Warning: this dossier is dated 2026-10-16, before evidence E02 \(chat-merchant.txt\), added on 2026-10-20 that it describes; the date was chosen knowingly \(--force\)" \
    "bag-info.txt carries the date warning"
unzip -p forced.zip '*/data/index.html' >page.html
contains page.html "注意：本案卷的制作日期（2026年10月16日）早于其中记载的2026年10月20日添加的证据 E02（chat-merchant.txt）" \
    "the page says, in Chinese, that the dossier is dated before what it lists"
expect 0 "the forced dossier verifies" "$DISPUTE" verify forced.zip
"$DISPUTE" -q -C c set case.language en || exit 1
expect 0 "pack --force in English" "$DISPUTE" -C c pack --date 2026-10-16 --force -o en.zip
unzip -p en.zip '*/data/index.html' >en.html
contains en.html "Note: this dossier is dated 2026-10-16, before evidence E02" \
    "the English page carries the warning in English"

finish
