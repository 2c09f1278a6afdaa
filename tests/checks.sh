# The checks (and helpers) every shell test shares (tests/cli/lib.sh and tests/fault/lib.sh source
# this file): each prints "ok - TITLE" or "not ok - TITLE" and counts it in $passed or
# $failed for the suite's `finish`. POSIX sh, so that sh and bash tests can use it.

passed=0
failed=0

pass() {
	passed=$((passed + 1))
	printf 'ok - %s\n' "$1"
}

# fail TITLE: counts a failure and shows the start of what the last command printed.
fail() {
	failed=$((failed + 1))
	printf 'not ok - %s\n' "$1"
	[ -s err ] && sed 's/^/#   stderr: /' err | head -20
	[ -s out ] && sed 's/^/#   stdout: /' out | head -20
	return 0
}

# expect CODE TITLE COMMAND...: runs COMMAND with stdout in ./out and stderr in ./err
# and checks its exit status.
expect() {
	local want=$1 title=$2 got
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

# matches FILE ERE TITLE: some line of FILE matches the extended regular expression.
matches() {
	if grep -qE -- "$2" "$1"; then
		pass "$3"
	else
		fail "$3 (no line matching '$2' in $1)"
	fi
}

# line FILE ERE TITLE: some line of FILE matches the whole extended regular expression.
line() {
	if grep -qE -- "^$2\$" "$1"; then
		pass "$3"
	else
		fail "$3 (no line matching '$2' in $1)"
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
	local title=$1
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

# urldecode TEXT: TEXT with every %XX turned back into its byte.
urldecode() {
	printf '%s\n' "$1" | LC_ALL=C awk '
	function hex(s,   i, n) {
		n = 0
		for (i = 1; i <= 2; i++)
			n = n * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1
		return n
	}
	{
		out = ""
		while (match($0, /%[0-9A-Fa-f][0-9A-Fa-f]/)) {
			out = out substr($0, 1, RSTART - 1) sprintf("%c", hex(substr($0, RSTART + 1, 2)))
			$0 = substr($0, RSTART + 3)
		}
		print out $0
	}'
}
