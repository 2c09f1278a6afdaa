# dispute log: every channel and outcome, the defaults (outcome pending, date today),
# -r REF, refusals that leave case.json unchanged, usage errors, and date order.
. "$TEST_LIB"

"$DISPUTE" -q init c || exit 1

# entry TEXT: the timeline record of case.json whose text is TEXT, in ./entry.
entry() {
	awk -v t="\"text\":	\"$1\"" 'BEGIN { RS = "}" } index($0, t) { print }' c/case.json >entry
}

# logged TITLE ARGS...: `log ARGS` succeeds and adds exactly one timeline record.
logged() {
	title=$1
	shift
	n=$(grep -c '"recorded":' c/case.json)
	expect 0 "$title" "$DISPUTE" -C c log "$@"
	check "$title: one timeline record added" \
	    test "$(grep -c '"recorded":' c/case.json)" -eq $((n + 1))
}

# refused MESSAGE ARGS...: `log ARGS` exits 1, says MESSAGE, and case.json is unchanged.
refused() {
	msg=$1
	shift
	cp c/case.json before.json
	expect 1 "log $* is refused" "$DISPUTE" -C c log "$@"
	contains err "$msg" "log $*: the message says '$msg'"
	same before.json c/case.json "log $*: case.json is byte-identical afterwards"
}

# Every channel, every outcome, long options, and -r.
logged "log -c platform -o refused -r" -c platform -o refused -d 2026-10-10 -r T20261010 \
    "platform refused the refund"
entry "platform refused the refund"
contains entry '"outcome":	"refused"' "outcome refused is stored"
contains entry '"ref":	"T20261010"' "-r REF is stored"
contains entry '"date":	"2026-10-10"' "-d DATE is stored"

logged "log -c 12315 -o no-response" -c 12315 -o no-response -d 2026-10-20 "complaint to 12315"
entry "complaint to 12315"
contains entry '"channel":	"12315"' "channel 12315 is stored"
contains entry '"outcome":	"no-response"' "outcome no-response is stored"

logged "log --channel consumer-association --outcome partial" --channel consumer-association \
    --outcome partial --date 2026-10-25 --ref 消协2026-88 "消费者协会调解"
entry "消费者协会调解"
contains entry '"channel":	"consumer-association"' "channel consumer-association is stored"
contains entry '"outcome":	"partial"' "outcome partial is stored"
contains entry '"ref":	"消协2026-88"' "a Chinese ref is stored"

logged "log -c court -o resolved" -c court -o resolved -d 2026-11-01 "court settled"
entry "court settled"
contains entry '"channel":	"court"' "channel court is stored"
contains entry '"outcome":	"resolved"' "outcome resolved is stored"

logged "log -c social -o pending" -c social -o pending -d 2026-11-02 "posted on weibo"
entry "posted on weibo"
contains entry '"channel":	"social"' "channel social is stored"
contains entry '"outcome":	"pending"' "an explicit outcome pending is stored"

# Defaults: outcome pending, date today.
logged "log with only -c" -c merchant "asked the shop for a refund"
contains err "logged $TODAY merchant (pending)" "log reports the date, channel and outcome"
entry "asked the shop for a refund"
contains entry '"date":	"2026-11-18"' "the default date is today (SOURCE_DATE_EPOCH)"
contains entry '"channel":	"merchant"' "the channel is stored"
contains entry '"outcome":	"pending"' "the default outcome is pending"
lacks entry '"ref":' "no ref is stored without -r"

expect 0 "status after logging" "$DISPUTE" -C c status
contains out "timeline: 6 contact(s)" "status counts the six contacts"
contains out "platform refused the refund [T20261010]" "status shows the ref"

# Refusals.
refused 'channel "email" is not one of: merchant, platform, 12315' -c email "sent an email"
refused 'channel "Merchant" is not one of' -c Merchant "capitalised channel"
refused 'outcome "won" is not one of: pending, accepted, refused' -c court -o won "won in court"
refused "date 2026-11-19 is in the future" -c merchant -d 2026-11-19 "tomorrow"
refused "day 30 does not exist in 2026-02" -c merchant -d 2026-02-30 "no such day"
refused "YYYY-MM-DD" -c merchant -d 01/10/2026 "day first"
refused "empty text" -c merchant ""

# Usage errors.
cp c/case.json before.json
expect 2 "log without -c is a usage error" "$DISPUTE" -C c log "no channel"
contains err "-c CHANNEL" "the usage error asks for -c CHANNEL"
expect 2 "log without text is a usage error" "$DISPUTE" -C c log -c merchant
expect 2 "log with two texts is a usage error" "$DISPUTE" -C c log -c merchant one two
expect 2 "log -c without a value is a usage error" "$DISPUTE" -C c log -c
expect 2 "log with an unknown option is a usage error" "$DISPUTE" -C c log -x -c merchant t
same before.json c/case.json "case.json is unchanged after the usage errors"

# Date order: a contact logged late lands in its place, before later ones and after
# earlier ones and equal dates (logging order among equals).
"$DISPUTE" -q init o || exit 1
"$DISPUTE" -q -C o log -c merchant -d 2026-11-10 step-d || exit 1
expect 0 "log an earlier contact (goes first)" "$DISPUTE" -C o log -c merchant -d 2026-10-01 step-a
expect 0 "log a contact between two others" "$DISPUTE" -C o log -c platform -d 2026-10-20 step-b
contains o/case.json '"text":	"step-b"' "the contact logged between two others is kept in case.json"
expect 0 "log a contact after the last" "$DISPUTE" -C o log -c merchant -d 2026-11-15 step-e
expect 0 "log a second contact on an existing date" "$DISPUTE" -C o log -c 12315 -d 2026-10-20 step-c
contains o/case.json '"text":	"step-c"' "the second contact on an existing date is kept in case.json"
check "case.json holds all five contacts" test "$(grep -c '"recorded":' o/case.json)" -eq 5
expect 0 "status of the out-of-order case" "$DISPUTE" -C o status
sed -n '/^timeline:/,/^$/p' out | awk 'NR > 1 && NF > 0 { print $1, $NF }' >got
printf '%s\n' "2026-10-01 step-a" "2026-10-20 step-b" "2026-10-20 step-c" \
    "2026-11-10 step-d" "2026-11-15 step-e" >want
same want got "status lists the timeline in date order"
grep -o '"text":	"step-[a-e]"' o/case.json | cut -d'"' -f4 >got
printf '%s\n' step-a step-b step-c step-d step-e >want
same want got "case.json keeps the timeline in date order"

finish
