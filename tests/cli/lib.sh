# Shared by the command-line tests. A test script sources this file, drives the real
# binary ($DISPUTE) in a scratch folder and ends with `finish`, which prints
# "N passed, N failed" and fails the CTest test when any check failed.
set -u
: "${DISPUTE:?set DISPUTE to the dispute binary}"
: "${TEST_DATA_DIR:?set TEST_DATA_DIR to tests/data}"
# pass, fail, expect, contains, lacks, matches, line, same, check, new_case, urldecode.
. "$(dirname "$TEST_LIB")/../checks.sh"

EVIDENCE=$TEST_DATA_DIR/evidence
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/dispute-test.XXXXXX")
# Evidence copies are read-only; make them removable before cleaning up.
trap 'chmod -R u+w "$SCRATCH" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
cd "$SCRATCH" || exit 1
# The program itself, even when DISPUTE below becomes a wrapper (tests copy it as a
# real ELF file).
DISPUTE_BIN=$DISPUTE
# DISPUTE_WRAPPER (e.g. "valgrind --error-exitcode=125 ...") runs every invocation
# under a checking tool; its own failure code then fails whichever check ran it.
if [ -n "${DISPUTE_WRAPPER:-}" ]; then
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$DISPUTE_WRAPPER" "$DISPUTE" >"$SCRATCH/.dispute"
	chmod +x "$SCRATCH/.dispute"
	DISPUTE=$SCRATCH/.dispute
fi
# Messages in English whatever the machine's locale: checks grep for them.
unset LANGUAGE LC_MESSAGES LANG
LC_ALL=C.UTF-8
export LC_ALL
# Fixed clock: dates and dossier names do not depend on when the suite runs.
SOURCE_DATE_EPOCH=1795000000 # 2026-11-18
export SOURCE_DATE_EPOCH
TODAY=2026-11-18

# set_all DIR FIELD VALUE [FIELD VALUE ...]: records facts, stopping the test on a refusal.
set_all() {
	dir=$1
	shift
	while [ $# -ge 2 ]; do
		"$DISPUTE" -q -C "$dir" set "$1" "$2" || { echo "cannot set $1"; exit 1; }
		shift 2
	done
}

# set_refused MESSAGE FIELD [VALUE]: `dispute -C c set FIELD VALUE` fails with MESSAGE
# and leaves c/case.json byte-identical.
set_refused() {
	msg=$1
	shift
	cp c/case.json before.json
	expect 1 "set $* is refused" "$DISPUTE" -C c set "$@"
	contains err "$msg" "set $*: the message says '$msg'"
	same before.json c/case.json "set $*: case.json is byte-identical afterwards"
}

finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
}
