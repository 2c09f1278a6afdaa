# Shared by the command-line tests. A test script sources this file, drives the real
# binary ($DISPUTE) in a scratch folder and ends with `finish`, which prints
# "N passed, N failed" and fails the CTest test when any check failed.
set -u
: "${DISPUTE:?set DISPUTE to the dispute binary}"
: "${TEST_DATA_DIR:?set TEST_DATA_DIR to tests/data}"

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

passed=0
failed=0

pass() {
	passed=$((passed + 1))
	printf 'ok - %s\n' "$1"
}

fail() {
	failed=$((failed + 1))
	printf 'not ok - %s\n' "$1"
	[ -s err ] && sed 's/^/#   stderr: /' err
	[ -s out ] && sed 's/^/#   stdout: /' out | head -20
	return 0
}

# expect CODE TITLE COMMAND...: runs COMMAND with stdout in ./out and stderr in ./err
# and checks its exit status.
expect() {
	want=$1
	title=$2
	shift 2
	"$@" >out 2>err
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass "$title"
	else
		fail "$title (exit $got, wanted $want)"
	fi
}

# contains FILE TEXT TITLE: FILE holds the fixed string TEXT.
contains() {
	if grep -qF -- "$2" "$1"; then
		pass "$3"
	else
		fail "$3 ('$2' not in $1)"
	fi
}

# lacks FILE TEXT TITLE: FILE does not hold the fixed string TEXT.
lacks() {
	if grep -qF -- "$2" "$1"; then
		fail "$3 ('$2' found in $1)"
	else
		pass "$3"
	fi
}

# same FILE1 FILE2 TITLE: the two files are byte-identical.
same() {
	if cmp -s "$1" "$2"; then
		pass "$3"
	else
		fail "$3 ($1 and $2 differ)"
	fi
}

# check TITLE COMMAND...: COMMAND (a test, a pipeline in sh -c) succeeds.
check() {
	title=$1
	shift
	if "$@"; then
		pass "$title"
	else
		fail "$title"
	fi
}

# new_case DIR: a case with the facts every dossier needs.
new_case() {
	"$DISPUTE" -q init "$1" &&
	"$DISPUTE" -q -C "$1" set order.id 6912345678901234 &&
	"$DISPUTE" -q -C "$1" set order.amount 199.90 &&
	"$DISPUTE" -q -C "$1" set order.date 2026-10-01 &&
	"$DISPUTE" -q -C "$1" set claimant.name 张三
}

finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
}
