#!/bin/sh
# dispute read suggests facts: from an order page its number, amount, date and shop;
# from a tracking page the date the goods were signed for;
# from a business licence, shown on a shop page or photographed at an angle, the
# company, its credit code (check character verified), address and legal
# representative; as runnable `dispute set` lines, none from text read unclearly;
# --apply records the valid ones and names the rest.
. "$TEST_LIB"
. "$(dirname "$TEST_LIB")/../screens/make.sh"

# case_of NAME KIND FILE...: a new case NAME holding FILE... as evidence of KIND.
case_of() {
	name=$1 kind=$2
	shift 2
	"$DISPUTE" -q init "$name" && "$DISPUTE" -q -C "$name" add-evidence -k "$kind" "$@"
}

screen_order order.png
screen_licence licence.png
screen_licence_photo photo.jpg
screen_logistics tracking.png
case_of c order order.png
"$DISPUTE" -q -C c add-evidence -k licence licence.png
"$DISPUTE" -q -C c add-evidence -k licence photo.jpg
"$DISPUTE" -q -C c add-evidence -k logistics tracking.png

expect 0 "read" "$DISPUTE" -C c read
cp out facts.sh
for line in "dispute set order.id $SCREEN_ORDER_ID" "dispute set order.amount $SCREEN_AMOUNT" \
    "dispute set order.date $SCREEN_DATE" "dispute set merchant.shop '$SCREEN_SHOP'" \
    "dispute set merchant.credit_code $SCREEN_CODE" \
    "dispute set merchant.company '$SCREEN_COMPANY'" \
    "dispute set merchant.representative '$SCREEN_REPRESENTATIVE'" \
    "dispute set merchant.address '$SCREEN_ADDRESS'" "dispute set order.received $SCREEN_RECEIVED"; do
	check "suggested: $line" grep -q "^$line	# E0[1234] [0-9]*: " facts.sh
done
contains facts.sh "dispute set order.received $SCREEN_RECEIVED	# E04 " \
    "the date signed for comes from the tracking page"
contains facts.sh "# E01 " "each line names the item it came from"
contains facts.sh ": 订单编号" "and the text it came from"
check "each fact is suggested once" test "$(grep -c '^dispute set' facts.sh)" -eq 9
lacks facts.sh "claimant." "nothing about the buyer is suggested"

# The photo at an angle, on its own, field by field.
expect 0 "read --json the photographed licence" "$DISPUTE" -q -C c read --json E03
python3 - out "$SCREEN_CODE" "$SCREEN_COMPANY" "$SCREEN_ADDRESS" "$SCREEN_REPRESENTATIVE" \
    >photo-facts <<'PY'
import json, sys
got = {s["field"]: s for s in json.load(open(sys.argv[1]))["items"][0]["suggestions"]}
want = dict(zip(["merchant.credit_code", "merchant.company", "merchant.address",
                 "merchant.representative"], sys.argv[2:]))
for field, value in want.items():
    s = got.get(field)
    ok = s is not None and s["value"] == value and s["valid"] and s["confidence"] >= 70
    print(field, "right" if ok else "wrong: %r" % (s,))
PY
for field in merchant.credit_code merchant.company merchant.address merchant.representative; do
	contains photo-facts "$field right" "the photo at an angle gives $field"
done

# A photo whose pixels are stored on their side, as a phone held upright stores them,
# is read upright (its EXIF orientation, written by exiftool).
if command -v exiftool >/dev/null; then
	convert photo.jpg -rotate -90 side.jpg
	exiftool -q -overwrite_original -Orientation#=6 -n side.jpg
	case_of side licence side.jpg
	expect 0 "read a photo stored on its side" "$DISPUTE" -C side read
	contains out "dispute set merchant.credit_code $SCREEN_CODE	# E01 " \
	    "it is read upright: the credit code is found"
	contains out "dispute set merchant.address '$SCREEN_ADDRESS'" "and the address"
else
	echo "# exiftool is not installed: the photo stored on its side is not tested"
fi

# The printed lines are a script that records the facts.
sed "s|^dispute set|\"\$DISPUTE\" -q -C c set|" facts.sh >apply.sh
expect 0 "the suggested lines run" sh -c 'DISPUTE=$1; . ./apply.sh' sh "$DISPUTE"
expect 0 "show" "$DISPUTE" -C c show merchant.credit_code
contains out "$SCREEN_CODE" "the credit code is recorded"

# --apply in another case: records the valid facts, keeps what the case holds.
case_of a order order.png
"$DISPUTE" -q -C a set order.amount 188.00
expect 0 "read --apply" "$DISPUTE" -C a read --apply
contains err "order.id = $SCREEN_ORDER_ID" "the order number is recorded"
contains err "E01: order.amount 199.00 not recorded: the case holds 188.00" \
    "a fact the case holds is not replaced, and is named"
check "nothing on stdout with --apply" test ! -s out
expect 0 "show order.date" "$DISPUTE" -C a show order.date
contains out "$SCREEN_DATE" "the order date is recorded"
expect 0 "show order.amount" "$DISPUTE" -C a show order.amount
contains out "188.00" "the amount is the one the buyer recorded"

# A licence whose credit code fails its check character: a comment with the reason,
# and --apply leaves it out, naming it.
wrong=${SCREEN_CODE_BASE}X
[ "$wrong" = "$SCREEN_CODE" ] && wrong=${SCREEN_CODE_BASE}Y
screen_licence bad.png "$wrong"
case_of b licence bad.png
expect 0 "read a licence with a wrong check character" "$DISPUTE" -C b read
contains out "# dispute set merchant.credit_code $wrong	# E01 " \
    "the code is printed as a comment, not a command"
contains out "check character should be ${SCREEN_CODE#"$SCREEN_CODE_BASE"}" "with the reason"
expect 0 "read --apply" "$DISPUTE" -C b read --apply
contains err "E01: merchant.credit_code $wrong not recorded: check character should be" \
    "--apply names it and says why"
contains err "merchant.company = $SCREEN_COMPANY" "and records the rest"
expect 1 "the code is not recorded" "$DISPUTE" -C b show merchant.credit_code

# Two licences with valid codes that disagree: neither is recorded.
other=$(credit_code 91330100MA2H7QJ51)
screen_licence other.png "$other"
case_of two licence licence.png other.png
expect 0 "read --apply with two codes" "$DISPUTE" -C two read --apply
contains err "E01: merchant.credit_code $SCREEN_CODE not recorded: other evidence reads another value" \
    "contradicting values are named, not chosen between"
contains err "E02: merchant.credit_code $other not recorded" "both of them"
expect 1 "no code is recorded" "$DISPUTE" -C two show merchant.credit_code

# A reader of our own, in place of dispute-ocr: it reports of any picture the one line
# that fake_reader gave it.
mkdir helpers
cat >helpers/dispute-ocr <<'SH'
#!/bin/sh
cat >/dev/null
payload=$(cat "$(dirname "$0")/payload.json")
printf '{"item":0,"width":1080,"height":2400,"payload":%d}\n%s' "$(printf %s "$payload" | wc -c)" "$payload"
SH
chmod +x helpers/dispute-ocr

# fake_reader PAGE_CONFIDENCE LINE_CONFIDENCE TEXT: the reader's one line from now on,
# TEXT as a JSON string's contents (escapes and all).
fake_reader() {
	printf '{"engine":"test","confidence":%s,"lines":[{"text":"%s","confidence":%s,"box":[70,1361,599,1393],"words":[{"text":"%s","confidence":%s,"box":[70,1361,599,1393]}]}]}' \
	    "$1" "$3" "$2" "$3" "$2" >helpers/payload.json
}

# Nothing is suggested from text read with low confidence (a reader that reports the
# order page's lines at 40).
fake_reader 40 41 '订单编号：6938472910384756102'
case_of u order order.png
expect 0 "read a page read unclearly" env DISPUTE_HELPERDIR="$PWD/helpers" "$DISPUTE" -C u read
check "no line is suggested" test ! -s out
contains err "E01: values read too unclearly to be suggested: 1; check the picture" \
    "the buyer is told to check the picture"
expect 0 "read --apply a page read unclearly" env DISPUTE_HELPERDIR="$PWD/helpers" \
    "$DISPUTE" -C u read --apply
contains err "no fact recorded" "--apply records nothing"
expect 1 "order.id is not set" "$DISPUTE" -C u show order.id

# A line read with a newline or an escape in it is quoted escaped in the comment: the
# suggestions are a script (`dispute read > facts.sh`), and no read text may add a
# command to it or reach the terminal raw.
fake_reader 95 96 '订单编号：6938472910384756102\ntouch owned \u001b[2J'
case_of inj order order.png
expect 0 "read a line with a newline in it" env DISPUTE_HELPERDIR="$PWD/helpers" \
    "$DISPUTE" -C inj read
contains out "dispute set order.id 6938472910384756102" "the order number is still suggested"
check "on one line" test "$(wc -l <out)" = 1
lacks out "$(printf '\033')" "the escape does not reach the output raw"
check "no command of the read text's own" sh -c '! grep -q "^touch" out'
# A value with a direction override in it (U+202E reorders what a terminal shows after
# it) is not given to the shell: the line is a comment, the character escaped.
fake_reader 95 96 '企业名称：鲜味坊\u202e食品有限公司'
case_of bidi licence order.png
expect 0 "read a company name with a direction override" env DISPUTE_HELPERDIR="$PWD/helpers" \
    "$DISPUTE" -C bidi read
lacks out "$(printf '\342\200\256')" "the override does not reach the output raw"
contains out '\u{202E}' "it is shown escaped"
contains out "(the value holds control or direction characters)" "with the reason"
check "and no line sets the name" sh -c '! grep -q "^dispute set merchant.company" out'

finish
