#!/bin/bash
# The fault-injection suite: runs every case tests/fault/f-*.sh (or the ones named on
# the command line, e.g. `run.sh signals hostile`), shows their output, a summary line
# per case with its time, and last the summed line "N passed, N failed". Exits 1 when
# any check failed or a case did not finish.
#
# Needs DISPUTE (the binary) and TEST_DATA_DIR (tests/data) in the environment; CTest
# sets both for its tests fault/f-NAME, each of which runs this with one NAME. Runs as
# root on CI: the full-disk case mounts tmpfs file systems, the hostile-dossier case
# uses a mount namespace, and the unreadable-file check runs the binary as nobody;
# without root those are skipped.
set -u
: "${DISPUTE:?set DISPUTE to the dispute binary}"
: "${TEST_DATA_DIR:?set TEST_DATA_DIR to tests/data}"
export DISPUTE TEST_DATA_DIR

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -gt 0 ]; then
	cases=()
	for name in "$@"; do
		name=${name#f-}
		cases+=("$here/f-${name%.sh}.sh")
	done
else
	cases=("$here"/f-*.sh)
fi

log=$(mktemp "${TMPDIR:-/tmp}/fault-suite-log.XXXXXX") || exit 1
trap 'rm -f "$log"' EXIT
total_passed=0
total_failed=0
summary=""
suite_start=$(date +%s.%N)

for script in "${cases[@]}"; do
	name=$(basename "$script" .sh)
	printf '# --- %s\n' "$name"
	start=$(date +%s.%N)
	if [ -f "$script" ]; then
		bash "$script" 2>&1 | tee "$log"
		rc=${PIPESTATUS[0]}
	else
		echo "no such case: $script" | tee "$log"
		rc=127
	fi
	secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
	counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	skips=$(grep -c '^SKIP - ' "$log")
	if [ -n "$counts" ]; then
		p=${counts%% *}
		f=${counts#*, }
		f=${f%% *}
	else
		p=0
		f=0
	fi
	# A case that stopped early (exit status without a failed check) counts as failed.
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		printf 'not ok - %s stopped early (exit status %d)\n' "$name" "$rc"
	fi
	total_passed=$((total_passed + p))
	total_failed=$((total_failed + f))
	summary=$summary$(printf '#   %-14s %4d passed, %3d failed, %2d skipped  %6ss' \
	    "$name" "$p" "$f" "$skips" "$secs")$'\n'
done

printf '# --- summary (%ss in all)\n%s' \
    "$(awk -v s="$suite_start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')" "$summary"
printf '%d passed, %d failed\n' "$total_passed" "$total_failed"
[ "$total_failed" -eq 0 ]
