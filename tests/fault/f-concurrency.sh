#!/bin/bash
# Concurrency: 8 parallel `add-evidence` (each a different generated JPEG or PNG) and 8
# parallel `log` on the same case, with 8 readers (`verify` of the case folder) running
# alongside: every item is recorded exactly once (E01..E08, each file's sha256 once,
# each contact once), nothing is lost, the case verifies, and every reader saw an
# intact case. Repeated for FAULT_ROUNDS rounds (default 5).
. "$(dirname "$0")/lib.sh"

started=$(date +%s.%N)
rounds=${FAULT_ROUNDS:-5}

# count FILE ERE: how many lines of FILE match.
count() {
	grep -cE -- "$2" "$1"
}

for round in $(seq 1 "$rounds"); do
	d=round$round
	new_case "$d" || exit 1
	: >files
	for i in 1 2 3 4 5 6 7 8; do
		if [ $((i % 2)) -eq 0 ]; then ext=png; else ext=jpg; fi
		media "$ext" "r$round-photo$i.$ext" "round $round photo $i" 65536
		printf '%s\n' "r$round-photo$i.$ext" >>files
	done
	xargs -P8 -n1 "$DISPUTE" -q -C "$d" add-evidence -k defect <files >adds.out 2>adds.err &
	adds=$!
	seq 1 8 | xargs -P8 -I{} "$DISPUTE" -q -C "$d" log -c merchant -d 2026-10-0{} \
	    "round $round contact {}" >logs.out 2>logs.err &
	logs=$!
	# Readers while the writers run: each must find the case intact.
	seq 1 8 | xargs -P8 -I{} "$DISPUTE" -q -C "$d" verify >reads.out 2>reads.err &
	reads=$!
	wait $adds
	adds_rc=$?
	wait $logs
	logs_rc=$?
	wait $reads
	reads_rc=$?

	title="round $round"
	cp adds.err err
	: >out
	check "$title: all 8 add-evidence commands succeeded (xargs exit $adds_rc)" [ "$adds_rc" -eq 0 ]
	cp logs.err err
	check "$title: all 8 log commands succeeded (xargs exit $logs_rc)" [ "$logs_rc" -eq 0 ]
	cp reads.err err
	cp reads.out out
	check "$title: all 8 readers found the case intact (xargs exit $reads_rc)" [ "$reads_rc" -eq 0 ]
	: >err
	: >out
	missing=""
	for i in 01 02 03 04 05 06 07 08; do
		[ "$(count "$d/case.json" "\"id\":[[:space:]]*\"E$i\"")" -eq 1 ] || missing="$missing E$i"
	done
	check "$title: E01..E08 are each recorded exactly once${missing:+ (not:$missing)}" [ -z "$missing" ]
	check "$title: no E09 or later" [ "$(count "$d/case.json" '"id":[[:space:]]*"E(09|[1-9][0-9])"')" -eq 0 ]
	missing=""
	while read -r f; do
		sum=$(sha256sum "$f" | cut -d' ' -f1)
		[ "$(count "$d/case.json" "\"sha256\":[[:space:]]*\"$sum\"")" -eq 1 ] || missing="$missing $f"
	done <files
	check "$title: every file's sha256 is recorded exactly once${missing:+ (not:$missing)}" [ -z "$missing" ]
	missing=""
	for i in 1 2 3 4 5 6 7 8; do
		[ "$(count "$d/case.json" "\"text\":[[:space:]]*\"round $round contact $i\"")" -eq 1 ] ||
		    missing="$missing $i"
	done
	check "$title: every contact is logged exactly once${missing:+ (not:$missing)}" [ -z "$missing" ]
	check "$title: the timeline has exactly 8 contacts" [ "$(count "$d/case.json" '"channel":')" -eq 8 ]
	check "$title: evidence/ holds exactly 8 files" [ "$(ls "$d/evidence" | wc -l)" -eq 8 ]
	no_temps "$d" "$title: no temporary file is left"
	case_intact "$d" "$title"
	expect 0 "$title: pack works" "$DISPUTE" -q -C "$d" pack -o "$d.zip"
	expect 0 "$title: its dossier verifies" "$DISPUTE" verify "$d.zip"
	rm -f r"$round"-photo*
done

note "f-concurrency took $(elapsed "$started")s"
finish
