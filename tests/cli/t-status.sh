# dispute status: the recorded and missing facts, the evidence by kind, the timeline, in
# the human form and with --json, without ever writing to the case.
. "$TEST_LIB"

# missing: the facts status lists as needed (now or for a lawsuit), one a line, in
# ./missing; those needed now alone in ./now.
missing() {
	sed -n 's/^  needed now://p; s/^  needed for a lawsuit://p' out | tr ' ' '\n' |
	    grep -v '^$' >missing
	sed -n 's/^  needed now://p' out | tr ' ' '\n' | grep -v '^$' >now
}

# The number of documented fields, as `dispute help set` lists them.
fields=$("$DISPUTE" help set | sed -n '/^fields:/,/^$/p' | grep -c '^  [a-z]')
check "dispute help set lists at least the 20 documented fields" test "$fields" -ge 20

# An empty case first.
"$DISPUTE" -q init empty || exit 1
expect 0 "status of an empty case" "$DISPUTE" -C empty status
line out "facts: 0 recorded; needed now: 14, for a lawsuit: 11" \
    "an empty case counts the facts it needs now and for a lawsuit"
line out "  $((fields - 25)) other facts, to record where they apply \(\`dispute show\` lists them\)" \
    "the others are counted apart, not as missing"
missing
check "an empty case lists 25 facts as needed" test "$(wc -l <missing)" -eq 25
for f in case.platform order.id order.amount problem.description demand.text claimant.phone; do
	check "$f is needed now" grep -qxF "$f" now
done
for f in claimant.id_number merchant.representative case.court claimant.ethnicity; do
	check "$f is needed only for a lawsuit" sh -c "grep -qxF '$f' missing && ! grep -qxF '$f' now"
done
# Facts with a default, or for what the case does not have, are not missing.
for f in problem.food case.language claimant.gender claimant.birth_date platform.company \
    agent.name order.returned problem.loss order.promise problem.found; do
	check "$f is not counted as missing in a fresh case" sh -c "! grep -qxF '$f' missing"
done
line out "evidence: 0 item\(s\)" "an empty case has no evidence"
line out "timeline: 0 contact\(s\)" "an empty case has no contacts"

new_case c || exit 1
"$DISPUTE" -q -C c set merchant.shop "好物旗舰店" || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/no-power.mp4" \
    >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k communication-audio "$EVIDENCE/call.mp3" >/dev/null || exit 1
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-05 "商家拒绝退款" || exit 1
"$DISPUTE" -q -C c log -c platform -d 2026-10-09 -r P-7788 "platform ticket" || exit 1

cp c/case.json before.json
expect 0 "status" "$DISPUTE" -C c status
check "status prints nothing on stderr" test ! -s err

# Facts.
line out "facts: 5 recorded; needed now: 9, for a lawsuit: 11" \
    "status counts recorded and needed facts"
line out "  order\.id +6912345678901234" "status shows order.id"
line out "  order\.amount +199\.90" "status shows order.amount"
line out "  claimant\.name +张三" "status shows the Chinese name"
line out "  merchant\.shop +好物旗舰店" "status shows the shop"
missing
for f in case.platform claimant.phone claimant.id_number claimant.address merchant.company \
    merchant.credit_code merchant.address order.quantity \
    order.received problem.category problem.description demand.text; do
	check "status lists $f as needed" grep -qxF "$f" missing
done
for f in merchant.phone order.spec; do
	check "status does not count the optional $f as missing" sh -c "! grep -qxF '$f' missing"
done
for f in order.id order.amount order.date claimant.name merchant.shop; do
	check "status does not list the recorded $f as missing" sh -c "! grep -qxF '$f' missing"
done
check "status lists the 20 needed facts" test "$(wc -l <missing)" -eq 20


# Evidence by kind, in the order of the kinds table, then one line per item.
line out "evidence: 4 item\(s\), chat 1, defect 2, communication-audio 1" "status counts evidence by kind"
line out "  E01 +defect +E01-defect\.jpg +432 bytes +image/jpeg +defect-photo\.jpg" \
    "status lists E01 with kind, file, size, type and original name"
line out "  E02 +defect +E02-defect\.mp4 .*video/mp4 +no-power\.mp4  [0-9]+\.[0-9] s long" \
    "status lists E02 with its duration"
line out "  E03 +chat +E03-chat\.txt .*chat-merchant\.txt" "status lists E03"
line out "  E04 +communication-audio +E04-communication-audio\.mp3 .*call\.mp3  [0-9]+\.[0-9] s long" "status lists E04"

# Timeline.
line out "timeline: 2 contact\(s\)" "status counts the contacts"
line out "  2026-10-05 +merchant +refused +商家拒绝退款" "status shows the merchant contact"
line out "  2026-10-09 +platform +pending +platform ticket \[P-7788\]" "status shows the ref"
same before.json c/case.json "status leaves case.json byte-identical"

# After a removal the counts follow.
"$DISPUTE" -q -C c rm-evidence E02 || exit 1
expect 0 "status after rm-evidence" "$DISPUTE" -C c status
line out "evidence: 3 item\(s\), chat 1, defect 1, communication-audio 1" "the counts follow a removal"

# --json.
expect 0 "status --json" "$DISPUTE" -C c status --json
contains out '"schema":	"dispute-status/1"' "status --json names its schema"
contains out '"evidence_by_kind":	{' "status --json has evidence_by_kind"
contains out '"defect":	1,' "evidence_by_kind counts defect"
contains out '"chat":	1,' "evidence_by_kind counts chat"
contains out '"communication-audio":	1,' "evidence_by_kind counts communication-audio"
contains out '"order":	0,' "evidence_by_kind lists kinds with no evidence as 0"
contains out '"medical":	0,' "evidence_by_kind lists medical as 0"
contains out '"order.id":	"6912345678901234"' "status --json lists the facts"
grep '"missing_facts":' out >missing
contains missing '"claimant.phone"' "status --json lists a missing fact"
contains missing '"demand.text"' "status --json lists demand.text as missing"
lacks missing '"order.id"' "status --json does not list a recorded fact as missing"
contains missing '"agent.name"' "missing_facts still lists every fact not recorded"
grep '"facts_needed_now":' out >needed
contains needed '"claimant.phone"' "status --json lists the facts needed now"
lacks needed '"agent.name"' "status --json does not list an optional fact as needed"
grep '"facts_needed_for_court":' out >needed
contains needed '"claimant.id_number"' "status --json lists the facts needed for a lawsuit"
lacks needed '"claimant.phone"' "a fact needed now is not listed again for the lawsuit"
contains out '"original_name":	"call.mp3"' "status --json lists the evidence records"
contains out '"ref":	"P-7788"' "status --json lists the timeline"
lacks out '"E02"' "status --json no longer lists the removed item"
check "status --json starts with {" test "$(head -n 1 out)" = "{"
check "status --json ends with }" test "$(tail -n 1 out)" = "}"

expect 0 "status --json of an empty case" "$DISPUTE" -C empty status --json
contains out '"defect":	0,' "an empty case counts 0 defect items"
contains out '"evidence":	[]' "an empty case has an empty evidence list"
contains out '"timeline":	[]' "an empty case has an empty timeline"

# A file name is whatever the disk holds: a screen clear, a window title, a line break,
# a right-to-left override and a byte that is not UTF-8 reach neither status nor the
# add-evidence warning raw; they are shown as \xHH and \u{XXXX}.
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')
"$DISPUTE" -q init hostile || exit 1
hostile_name=$(printf 'x\033[2J\033]0;TITLE\007\nE09 forged\342\200\256gpj\377.png')
cp "$EVIDENCE/defect-photo.jpg" "$hostile_name" || exit 1
expect 0 "add-evidence of a file named with controls" "$DISPUTE" -C hostile add-evidence -k defect "$hostile_name"
contains err 'x\x1B[2J\x1B]0;TITLE\x07\x0AE09 forged\u{202E}gpj\xFF.png: the name says .png' \
    "the add-evidence warning shows the name escaped"
lacks err "$ESC" "the add-evidence warning holds no raw ESC"
lacks err "$RLO" "the add-evidence warning holds no raw U+202E"
check "the add-evidence warning is one line" test "$(grep -c "the name says" err)" -eq 1 -a "$(grep -vc "timestamp request" err)" -eq 1
expect 0 "status of that case" "$DISPUTE" -C hostile status
contains out 'x\x1B[2J\x1B]0;TITLE\x07\x0AE09 forged\u{202E}gpj�.png' \
    "status shows the original name escaped (the stray byte was stored as U+FFFD)"
lacks out "$ESC" "status prints no raw ESC"
lacks out "$RLO" "status prints no raw U+202E"
lacks out "$(printf '\007')" "status prints no raw BEL"
check "status prints no line of the name's own" sh -c "! grep -q '^E09 forged' out"

expect 2 "status with an argument is a usage error" "$DISPUTE" -C c status extra
expect 2 "status with an unknown option is a usage error" "$DISPUTE" -C c status --csv
expect 1 "status outside a case fails" "$DISPUTE" -C nowhere status
contains err "dispute init" "the message points to dispute init"

# What applies follows from the case: the seller's promise for goods unlike it, no date
# of receipt for goods never delivered, the platform complaint's facts needed now.
"$DISPUTE" -q init kinds || exit 1

# after TITLE FIELD VALUE: sets FIELD to VALUE in ./kinds, runs status (TITLE) and reads
# what it needs into ./missing and ./now.
after() {
	"$DISPUTE" -q -C kinds set "$2" "$3" || exit 1
	expect 0 "status of $1" "$DISPUTE" -C kinds status
	missing
}
# needs TITLE FIELD [FILE]: FIELD is among the needed facts (of FILE, default missing).
needs() {
	check "$1" grep -qxF "$2" "${3:-missing}"
}
# needs_not TITLE FIELD: FIELD is not among them.
needs_not() {
	check "$1" sh -c "! grep -qxF '$2' missing"
}

after "goods unlike their description" problem.category not-as-described
needs "goods unlike the promise need order.promise for a lawsuit" order.promise
needs "order.received is needed for a lawsuit" order.received
after "goods never delivered" problem.category not-delivered
needs_not "goods never delivered need no order.received" order.received
needs_not "nor order.promise" order.promise
after "a fraud claim" demand.compensation fraud
needs "a fraud claim needs the promise it says was broken" order.promise
needs_not "no platform, no question of self-operation" order.self_operated
after "a JD order" case.platform jd
needs "a JD order asks now whether JD sold it itself" order.self_operated now
after "a Douyin order" case.platform douyin
needs_not "a Douyin order does not" order.self_operated
needs_not "nor is the loss needed for goods that hurt no one" problem.loss
after "harmful goods" problem.category harmful
needs "harmful goods need the loss for a lawsuit" problem.loss
"$DISPUTE" -q -C kinds log -c consumer-association -d 2026-10-01 "投诉" || exit 1
expect 0 "status on the consumer-association route" "$DISPUTE" -C kinds status
missing
check "on that route merchant.company is needed only for a lawsuit" \
    sh -c 'grep -qxF merchant.company missing && ! grep -qxF merchant.company now'

finish
