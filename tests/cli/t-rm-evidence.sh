# dispute rm-evidence: removes the record and the copy, never gives a number out again,
# and refuses unknown IDs without touching the case.
. "$TEST_LIB"

TAB=$(printf '\t')

"$DISPUTE" -q init c || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/no-power.mp4" \
    >/dev/null || exit 1

expect 0 "rm-evidence E02" "$DISPUTE" -C c rm-evidence E02
contains err "removed evidence E02" "rm-evidence says what it removed"
check "the copy E02-defect.mp4 is deleted" test ! -e c/evidence/E02-defect.mp4
lacks c/case.json '"E02"' "the E02 record is gone from case.json"
lacks c/case.json "E02-defect.mp4" "no record names the removed copy"
check "E01's copy is still there" test -f c/evidence/E01-defect.jpg
contains c/case.json '"id":	"E01"' "E01's record is still there"
check "evidence/ holds only E01" test "$(ls -A c/evidence)" = E01-defect.jpg
expect 0 "the case verifies after the removal" "$DISPUTE" verify c

# Numbers are never reused: the next item is E03, not E02.
expect 0 "add evidence after the removal" "$DISPUTE" -C c add-evidence -k chat \
    "$EVIDENCE/chat-merchant.txt"
contains out "E03${TAB}E03-chat.txt${TAB}" "the next item is E03"
lacks out "E02" "E02 is not given out again"
check "no E02 file was made" sh -c '! ls c/evidence | grep -q "^E02"'

# Removing the newest item does not free its number either.
expect 0 "rm-evidence E03 (the newest)" "$DISPUTE" -C c rm-evidence E03
expect 0 "add evidence after removing the newest" "$DISPUTE" -C c add-evidence -k chat \
    "$EVIDENCE/chat-platform.csv"
contains out "E04${TAB}E04-chat.csv${TAB}" "after removing E03 the next item is E04"

# Nor does removing every item.
expect 0 "rm-evidence E01" "$DISPUTE" -C c rm-evidence E01
expect 0 "rm-evidence E04" "$DISPUTE" -C c rm-evidence E04
check "evidence/ is empty" sh -c '[ -z "$(ls -A c/evidence)" ]'
expect 0 "add the removed content again" "$DISPUTE" -C c add-evidence -k defect \
    "$EVIDENCE/defect-photo.jpg"
contains out "E05${TAB}E05-defect.jpg${TAB}" "with every item removed the next item is E05"

# Unknown IDs.
cp c/case.json before.json
ls -lA c/evidence >before.ls
expect 1 "rm-evidence of an unknown ID fails" "$DISPUTE" -C c rm-evidence E99
contains err "E99: no evidence with this ID" "the message names the unknown ID"
expect 1 "rm-evidence of a removed ID fails" "$DISPUTE" -C c rm-evidence E02
contains err "E02: no evidence with this ID" "the message names the removed ID"
expect 1 "rm-evidence of a lowercase ID fails" "$DISPUTE" -C c rm-evidence e05
expect 1 "rm-evidence of a file name fails" "$DISPUTE" -C c rm-evidence E05-defect.jpg
expect 2 "rm-evidence with no ID is a usage error" "$DISPUTE" -C c rm-evidence
expect 2 "rm-evidence with two IDs is a usage error" "$DISPUTE" -C c rm-evidence E05 E06
ls -lA c/evidence >after.ls
same before.json c/case.json "case.json is byte-identical after the failures"
same before.ls after.ls "evidence/ is unchanged after the failures"
check "E05's copy survived the failures" test -f c/evidence/E05-defect.jpg

# A copy the user already deleted: the record still goes.
chmod u+w c/evidence/E05-defect.jpg && rm c/evidence/E05-defect.jpg
expect 0 "rm-evidence of an item whose copy is already gone" "$DISPUTE" -C c rm-evidence E05
lacks c/case.json '"E05"' "the record of the vanished copy is removed"

expect 1 "rm-evidence outside a case fails" "$DISPUTE" -C nowhere rm-evidence E01

finish
