# dispute status --ics: the deadlines as an iCalendar file written through libical (the
# helper dispute-calendar), read back by libical (ics-check) and by python3-icalendar; one
# all-day event a deadline naming its rule and article, display alarms one and three days
# before, UIDs that stay the same when a date moves, and passed deadlines marked and
# left without alarms.
. "$TEST_LIB"
: "${ICS_CHECK:?set ICS_CHECK to the ics-check program}"

# A Python that has Debian's python3-icalendar (pyenv's python3 may not).
ICAL_PYTHON=
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import icalendar' 2>/dev/null; then
		ICAL_PYTHON=$py
		break
	fi
done

new_case c || exit 1
"$DISPUTE" -q -C c set order.received 2026-11-12 || exit 1
"$DISPUTE" -q -C c set problem.found 2026-11-12 || exit 1
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-11-13 "商家拒绝" || exit 1
"$DISPUTE" -q -C c log -c 12315 -o pending -d 2026-09-30 "向12315投诉（补记）" || exit 1
cp c/case.json before.json

expect 0 "status --ics" "$DISPUTE" -C c status --ics
cp out cal1.ics
contains cal1.ics "BEGIN:VCALENDAR" "stdout is a calendar"
check "lines end in CRLF (RFC 5545)" test "$(head -1 cal1.ics | od -An -tx1 | tr -d ' \n')" = 424547494e3a5643414c454e4441520d0a
same before.json c/case.json "the export leaves case.json byte-identical"
expect 0 "libical reads it back" "$ICS_CHECK" cal1.ics
cp out events1
cat events1
line events1 "12315-acceptance-0\.[0-9a-f]{16}@dispute 2026-10-15 12315-acceptance - \[已过期 passed\] 12315 决定是否受理 / .*" \
    "the acceptance deadline of 2026-10-15 is passed: marked, no alarms"
line events1 "return-without-reason-0\.[0-9a-f]{16}@dispute 2026-11-19 return-without-reason -P3D,-P1D 七日无理由退货期限 / .*" \
    "the open 7-day return deadline has alarms 3 and 1 days before"
# From the 12315 complaint of 2026-09-30, the earliest contact: 2029-09-30 is a Sunday.
line events1 "limitation-period-0\.[0-9a-f]{16}@dispute 2029-10-01 limitation-period -P3D,-P1D 诉讼时效最迟届满 / .*" \
    "the limitation deadline is an event"
check "one event per deadline" test "$(wc -l <events1)" -eq "$("$DISPUTE" -C c status | grep -c '^deadline ')"
tr -d '\r' <cal1.ics | awk '/^ / { line = line substr($0, 2); next } { if (line != "") print line; line = $0 } END { print line }' >unfolded
contains unfolded "DESCRIPTION:中华人民共和国民法典第一百八十八条 (rule limitation-period)" \
    "each event names its law, article and rule"
contains unfolded "X-DISPUTE-RULE:limitation-period" "and carries the rule id"
contains unfolded "[check the current official text]" "an unconfirmed one says so"
contains unfolded "DTSTART;VALUE=DATE:20291001" "the events are all-day"
contains unfolded "DTSTAMP:20261118T000000Z" "stamped with the day of export"
lacks unfolded "6912345678901234" "the order number is not in the calendar"

# A demand moves the limitation date; the event keeps its UID, so an import updates it.
uid=$(awk '/^limitation-period-/ { print $1 }' events1)
"$DISPUTE" -q -C c log -c merchant -o refused --demand -d 2026-11-16 "书面要求退款" || exit 1
expect 0 "status --ics -o FILE" "$DISPUTE" -C c status --ics -o cal2.ics
check "-o writes nothing to stdout" test ! -s out
contains err "wrote cal2.ics" "the file is named"
"$ICS_CHECK" cal2.ics >events2 || fail "libical reads the second export"
line events2 "$uid 2029-11-16 limitation-period .*" "the moved deadline keeps its UID"
expect 0 "the same case exports the same calendar" "$DISPUTE" -C c status --ics -o cal3.ics
same cal2.ics cal3.ics "two exports on one day are byte-identical"

# A second, independent parser.
if [ -n "$ICAL_PYTHON" ]; then
	"$ICAL_PYTHON" - cal2.ics >py-events <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert cal['VERSION'] == '2.0'
for event in cal.walk('VEVENT'):
    alarms = [str(a['TRIGGER'].dt) for a in event.walk('VALARM')]
    print(event['UID'], event['DTSTART'].dt.isoformat(), event['X-DISPUTE-RULE'],
          len(alarms), ','.join(alarms))
PY
	check "python3-icalendar reads it" test -s py-events
	line py-events "$uid 2029-11-16 limitation-period 2 -3 days, 0:00:00,-1 day, 0:00:00" \
	    "python3-icalendar sees the same UID, date, rule and two alarms"
	line py-events "12315-acceptance-0\.[0-9a-f]{16}@dispute 2026-10-15 12315-acceptance 0 " \
	    "and no alarm on the passed one"
else
	fail "python3-icalendar is installed (tools/deps.sh installs it)"
fi

# Another case: other UIDs.
new_case d || exit 1
"$DISPUTE" -q -C d set order.id 7000000000000001 || exit 1
"$DISPUTE" -q -C d set order.received 2026-11-12 || exit 1
"$DISPUTE" -C d status --ics >cal4.ics 2>err || fail "status --ics of another case"
"$ICS_CHECK" cal4.ics >events4 || fail "libical reads the other case"
other=$(awk '/^limitation-period-/ { print $1 }' events4)
check "another case's events have other UIDs" test -n "$other" -a "$other" != "$uid"

# Usage.
expect 2 "-o without --ics" "$DISPUTE" -C c status -o x.ics
expect 2 "--ics with --json" "$DISPUTE" -C c status --ics --json
check "nothing was written" test ! -e x.ics

finish
