#!/bin/bash
# Signals: SIGINT, SIGTERM and SIGKILL at random moments of `add-evidence` (a 200 MB
# file), `set`, `log` and `pack`, and SIGKILL at the one moment that matters most for
# add-evidence (the copy has just got its final name). Afterwards the case must be as
# before or fully updated (case.json byte-identical to one of the two), case.json must
# parse, `dispute verify` of the case folder must pass, no file may carry the dossier's
# final name unless it verifies, and the next add-evidence, pack and verify must work
# with the orphaned temporary files still there.
#
# FAULT_SEED=N repeats the random delays of an earlier run; FAULT_BIG_MB=N changes the
# size of the big evidence file (default 200).
. "$(dirname "$0")/lib.sh"

BIG_MB=${FAULT_BIG_MB:-200}
seed=${FAULT_SEED:-$$}
RANDOM=$seed
note "random seed $seed (run with FAULT_SEED=$seed to repeat the same delays)"

# A non-interactive shell starts background commands with SIGINT ignored, which would
# make `kill -INT` a no-op: give the command the default dispositions back.
if env --default-signal=INT true 2>/dev/null; then
	# shellcheck disable=SC2054 # the commas belong to the option
	launch=(env --default-signal=INT,TERM,QUIT)
else
	set -m
	launch=()
fi

signum() {
	case $1 in INT) echo 2 ;; TERM) echo 15 ;; KILL) echo 9 ;; esac
}

# interrupt SIG DELAY COMMAND...: runs COMMAND in the background with stdout in ./out
# and stderr in ./err, sends SIG after DELAY seconds and waits; sets rc.
interrupt() {
	local sig=$1 delay=$2 pid
	shift 2
	"${launch[@]}" "$@" >out 2>err &
	pid=$!
	sleep "$delay"
	kill -s "$sig" "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	rc=$?
}

# delay_for SECONDS FRACTION: FRACTION of SECONDS, give or take 15 %, at random.
delay_for() {
	awk -v t="$1" -v f="$2" -v r="$RANDOM" 'BEGIN { printf "%.3f", t * f * (0.85 + 0.3 * r / 32767) }'
}

# exit_ok TITLE SIG: the command either finished (0) or died of SIG, nothing else.
exit_ok() {
	if [ "$rc" -eq 0 ] || [ "$rc" -eq $((128 + $(signum "$2"))) ]; then
		pass "$1: exit status $rc (finished, or died of SIG$2)"
	else
		fail "$1: exit status $rc is neither 0 nor death by SIG$2"
	fi
}

# state DIR BEFORE AFTER TITLE: DIR/case.json is byte-identical to BEFORE or AFTER;
# sets st to before, after or neither.
state() {
	if cmp -s "$1/case.json" "$2"; then
		st=before
	elif cmp -s "$1/case.json" "$3"; then
		st=after
	else
		st=neither
	fi
	if [ "$st" = neither ]; then
		fail "$4: case.json is neither as before nor fully updated"
		diff "$2" "$1/case.json" | head -10 | sed 's/^/#   /'
	else
		pass "$4: case.json is $st"
	fi
}

started=$(date +%s.%N)

# The template case: one small evidence file and one contact.
new_case T || exit 1
"$DISPUTE" -q -C T add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
"$DISPUTE" -q -C T log -c merchant -d 2026-10-05 "asked for a refund" || exit 1
cp T/case.json T.json
{ head -c 2000 "$EVIDENCE/defect-photo.jpg"; head -c "${BIG_MB}M" /dev/urandom; } >big.jpg

# --- add-evidence -------------------------------------------------------------------
# The uninterrupted run gives the fully updated case.json (the clock is fixed) and the
# time that the random delays are spread over.
rm -rf ref && cp -a T ref
t0=$(date +%s.%N)
expect 0 "add-evidence of a $BIG_MB MB file, uninterrupted" "$DISPUTE" -q -C ref add-evidence -k defect big.jpg
T_ADD=$(elapsed "$t0")
cp ref/case.json add-after.json
note "add-evidence of $BIG_MB MB takes ${T_ADD}s here"

interrupted=0
n=0
for sig in INT TERM KILL; do
	for frac in 0 0.2 0.45 0.7 0.95 1.3; do
		n=$((n + 1))
		d=add$n
		cp -a T "$d"
		delay=$(delay_for "$T_ADD" "$frac")
		title="add-evidence, SIG$sig after ${delay}s"
		interrupt "$sig" "$delay" "$DISPUTE" -q -C "$d" add-evidence -k defect big.jpg
		exit_ok "$title" "$sig"
		[ "$rc" -ne 0 ] && interrupted=$((interrupted + 1))
		state "$d" T.json add-after.json "$title"
		case_intact "$d" "$title"
		# The next run, with whatever temporary files the killed one left: a defect JPEG
		# again, so that a stray copy under the next final name would be in its way.
		media jpg "next$n.jpg" "next $n"
		expect 0 "$title: the next add-evidence works" "$DISPUTE" -q -C "$d" add-evidence -k defect "next$n.jpg"
		case_intact "$d" "$title, then add-evidence"
		expect 0 "$title: the next pack works" "$DISPUTE" -q -C "$d" pack -o "$d.zip"
		expect 0 "$title: that dossier verifies" "$DISPUTE" verify "$d.zip"
		note "$title: exit $rc, case $st, left: $(temps "$d" | sed "s|^$d/||" | tr '\n' ' ')"
		rm -rf "$d" "$d.zip"
	done
done
check "at least one add-evidence was interrupted before it finished ($interrupted of $n)" \
    [ "$interrupted" -gt 0 ]

# --- add-evidence, killed the moment the copy gets its final name -------------------
# A busy loop watches for evidence/E02-defect.jpg and kills at once: the copy has its
# final name but case.json may not name it yet. The case must still be as before (or
# fully updated), with no unrecorded file in evidence/. Whether the kill lands before
# case.json is saved depends on scheduling, so each signal gets up to 8 attempts and
# stops at the first that lands there.
{ head -c 2000 "$EVIDENCE/defect-photo.jpg"; head -c 20M /dev/urandom; } >mid.jpg
rm -rf ref && cp -a T ref
"$DISPUTE" -q -C ref add-evidence -k defect mid.jpg >/dev/null
cp ref/case.json mid-after.json
for sig in KILL TERM INT; do
	landed=0
	for attempt in 1 2 3 4 5 6 7 8; do
		n=$((n + 1))
		d=win$n
		cp -a T "$d"
		title="add-evidence, SIG$sig as evidence/E02-defect.jpg appears (attempt $attempt)"
		"${launch[@]}" "$DISPUTE" -q -C "$d" add-evidence -k defect mid.jpg >out 2>err &
		pid=$!
		while [ ! -e "$d/evidence/E02-defect.jpg" ] && kill -0 "$pid" 2>/dev/null; do :; done
		kill -s "$sig" "$pid" 2>/dev/null
		{ wait "$pid"; } 2>/dev/null
		rc=$?
		exit_ok "$title" "$sig"
		state "$d" T.json mid-after.json "$title"
		[ "$rc" -ne 0 ] && [ -e "$d/evidence/E02-defect.jpg" ] && [ "$st" = before ] && landed=1
		case_intact "$d" "$title"
		media jpg "next$n.jpg" "next $n"
		expect 0 "$title: the next add-evidence works" "$DISPUTE" -q -C "$d" add-evidence -k defect "next$n.jpg"
		case_intact "$d" "$title, then add-evidence"
		note "$title: exit $rc, case $st, evidence/: $(ls -A "$d/evidence" | tr '\n' ' ')"
		rm -rf "$d"
		[ "$landed" -eq 1 ] && break
	done
	if [ "$landed" -eq 1 ]; then
		note "SIG$sig landed between the final name and the case.json update at attempt $attempt"
	else
		note "SIG$sig never landed between the final name and the case.json update in 8 attempts"
	fi
done

# --- set and log --------------------------------------------------------------------
# NAME COMMAND...: the same loop for a command that rewrites case.json.
small_command() {
	local name=$1 sig frac delay title d t
	shift
	rm -rf ref && cp -a T ref
	t=$(date +%s.%N)
	expect 0 "$name, uninterrupted" "$DISPUTE" -q -C ref "$@"
	t=$(elapsed "$t")
	cp ref/case.json "$name-after.json"
	for sig in INT TERM KILL; do
		for frac in 0 0.3 0.6 0.9 1.2; do
			n=$((n + 1))
			d=$name$n
			cp -a T "$d"
			# These take milliseconds: spread the delays over at least 20 ms.
			delay=$(delay_for "$(awk -v t="$t" 'BEGIN { print (t < 0.02 ? 0.02 : t) }')" "$frac")
			title="$name, SIG$sig after ${delay}s"
			interrupt "$sig" "$delay" "$DISPUTE" -q -C "$d" "$@"
			exit_ok "$title" "$sig"
			state "$d" T.json "$name-after.json" "$title"
			case_intact "$d" "$title"
			expect 0 "$title: the next set works" "$DISPUTE" -q -C "$d" set merchant.shop "小米旗舰店"
			expect 0 "$title: the next add-evidence works" "$DISPUTE" -q -C "$d" add-evidence -k chat "$EVIDENCE/chat-merchant.txt"
			case_intact "$d" "$title, then set and add-evidence"
			rm -rf "$d"
		done
	done
}
small_command set set order.amount 88.80
small_command log log -c platform -o refused -d 2026-10-09 "the platform refused the claim"

# --- pack ---------------------------------------------------------------------------
# The case with the big file; the dossier goes to packout/ under its default name.
cp -a T P
"$DISPUTE" -q -C P add-evidence -k defect big.jpg >/dev/null || exit 1
# A draft fixes the exhibit numbers first (t-exhibits), so that every pack below, cut
# short or not, finds case.json as it leaves it.
"$DISPUTE" -q -C P draft evidence-list >/dev/null || exit 1
cp P/case.json P.json
mkdir packout packref
t0=$(date +%s.%N)
expect 0 "pack of a case with a $BIG_MB MB file, uninterrupted" "$DISPUTE" -q -C P pack -o "packref/$ZIP"
T_PACK=$(elapsed "$t0")
note "pack takes ${T_PACK}s here"
interrupted=0
for sig in INT TERM KILL; do
	for frac in 0 0.2 0.45 0.7 0.95 1.3; do
		delay=$(delay_for "$T_PACK" "$frac")
		title="pack, SIG$sig after ${delay}s"
		interrupt "$sig" "$delay" "$DISPUTE" -q -C P pack -o "packout/$ZIP"
		exit_ok "$title" "$sig"
		[ "$rc" -ne 0 ] && interrupted=$((interrupted + 1))
		same P/case.json P.json "$title: case.json is untouched"
		if [ -e "packout/$ZIP" ]; then
			expect 0 "$title: the file under the dossier's final name verifies" "$DISPUTE" verify "packout/$ZIP"
			same "packout/$ZIP" "packref/$ZIP" "$title: and is the same dossier as an uninterrupted pack"
			rm -f "packout/$ZIP"
		else
			pass "$title: no file under the dossier's final name"
		fi
		note "$title: exit $rc, left in packout/: $(ls -A packout | tr '\n' ' ')"
	done
	# Whatever the interrupted packs left must not stop the next one, nor verify.
	expect 0 "after the SIG$sig packs: the next pack works" "$DISPUTE" -q -C P pack -o "packout/$ZIP"
	expect 0 "after the SIG$sig packs: that dossier verifies" "$DISPUTE" verify "packout/$ZIP"
	case_intact P "after the SIG$sig packs"
	rm -f packout/.dossier-partial* "packout/$ZIP"
done
check "at least one pack was interrupted before it finished ($interrupted of 18)" \
    [ "$interrupted" -gt 0 ]

# --- orphans of every kind at once --------------------------------------------------
# Whatever the random kills above happened to leave, every kind of temporary file is
# here at once, with damaged content: a half-written case.json, a partial evidence copy
# and a partial dossier (the first 64 KiB of a real one). The next commands ignore them.
rm -rf O && cp -a T O
head -c 200 T/case.json >O/.case.json.Xq3v9Z
head -c 65536 big.jpg >O/evidence/.incoming.Jk2LmP
chmod 444 O/evidence/.incoming.Jk2LmP
mkdir orphan-out
head -c 65536 "packref/$ZIP" >orphan-out/.dossier-partial.zip.Pz8TqW
head -c 65536 "packref/$ZIP" >orphan-out/.dossier-partial.zip.Pz8TqW.r4Nd0m
cp O/case.json O.json
case_intact O "with planted orphans"
same O/case.json O.json "with planted orphans: case.json is untouched by reading it"
media jpg orphan.jpg "orphan round"
expect 0 "with planted orphans: add-evidence works" "$DISPUTE" -q -C O add-evidence -k defect orphan.jpg
expect 0 "with planted orphans: log works" "$DISPUTE" -q -C O log -c merchant -d 2026-10-06 "asked again"
expect 0 "with planted orphans: set works" "$DISPUTE" -q -C O set merchant.shop 小米旗舰店
case_intact O "with planted orphans, after add-evidence, log and set"
expect 0 "with planted orphans: pack works" "$DISPUTE" -q -C O pack -o "orphan-out/$ZIP"
expect 0 "with planted orphans: that dossier verifies" "$DISPUTE" verify "orphan-out/$ZIP"
unzip -Z1 "orphan-out/$ZIP" >out 2>err
lacks out ".incoming" "with planted orphans: the dossier holds no partial evidence copy"
lacks out ".case.json." "with planted orphans: the dossier holds no half-written case.json"
check "with planted orphans: the dossier holds exactly E01 and E02" \
    [ "$(grep -c '/data/evidence/' out)" -eq 2 ]

note "f-signals took $(elapsed "$started")s"
finish
