# Shared by the fault-injection cases tests/fault/f-*.sh (bash). A case sources this
# file, drives the real binary ($DISPUTE) in a scratch folder and ends with `finish`,
# which prints "N passed, N failed" (the line run.sh adds up) and fails when any check
# failed. A check that cannot run here prints a "SKIP - ..." line and counts nothing.
set -u
: "${DISPUTE:?set DISPUTE to the dispute binary}"
: "${TEST_DATA_DIR:?set TEST_DATA_DIR to tests/data}"

FAULT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FAULT_DATA=$FAULT_DIR/data
EVIDENCE=$TEST_DATA_DIR/evidence
case $DISPUTE in /*) ;; *) DISPUTE=$(cd "$(dirname "$DISPUTE")" && pwd)/$(basename "$DISPUTE") ;; esac
case $EVIDENCE in /*) ;; *) EVIDENCE=$(cd "$EVIDENCE" && pwd) ;; esac

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/fault-suite.XXXXXX") || exit 1
MOUNTS=""
MAIN_PID=$BASHPID
# Only the case's own shell cleans up: a background command killed between fork and
# exec runs the traps it inherited, and must not take the scratch folder with it.
cleanup() {
	local m
	[ "$BASHPID" = "$MAIN_PID" ] || return 0
	cd / || true
	for m in $MOUNTS; do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
	done
	chmod -R u+w "$SCRATCH" 2>/dev/null
	rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cd "$SCRATCH" || exit 1

# Fixed clock: dates, timestamps and dossier names do not depend on when the suite runs,
# so the same command on the same case gives the same case.json byte for byte.
SOURCE_DATE_EPOCH=1795000000 # 2026-11-18
export SOURCE_DATE_EPOCH
ROOT=dispute-6912345678901234-20261118
ZIP=$ROOT.zip

# pass, fail, expect, contains, lacks, matches, line, same, check, new_case, urldecode.
. "$FAULT_DIR/../checks.sh"
skipped=0

skip() {
	skipped=$((skipped + 1))
	printf 'SKIP - %s\n' "$1"
}

note() {
	printf '# %s\n' "$*"
}

# media TYPE OUT TAG [BYTES]: a real JPEG or PNG (the header and body of a file from
# tests/data/evidence) followed by TAG and BYTES (default 4096) of random bytes, so
# that every file made is distinct content of a type libmagic recognizes.
media() {
	local src
	case $1 in
	jpg) src=$EVIDENCE/defect-photo.jpg ;;
	png) src=$EVIDENCE/order-screenshot.png ;;
	*) echo "media: unknown type $1" >&2; return 1 ;;
	esac
	{ cat "$src"; printf '%s\n' "$3"; head -c "${4:-4096}" /dev/urandom; } >"$2"
}

# temps DIR: lists the temporary files dispute leaves behind (hidden names) in DIR and
# DIR/evidence, one a line; prints nothing when there are none.
temps() {
	local d
	for d in "$1" "$1/evidence"; do
		[ -d "$d" ] || continue
		find "$d" -maxdepth 1 \( -name '.incoming.*' -o -name '.case.json.*' \
		    -o -name '.dossier-partial*' -o -name '.*.??????' \) -print
	done | sort -u
}

# no_temps DIR TITLE: DIR has no temporary files left.
no_temps() {
	local left
	left=$(temps "$1")
	if [ -z "$left" ]; then
		pass "$2"
	else
		fail "$2 (left: $(printf '%s' "$left" | tr '\n' ' '))"
	fi
}

# case_intact DIR TITLE: case.json parses (show --json exits 0) and evidence/ matches
# it (verify of the case folder exits 0).
case_intact() {
	expect 0 "$2: show --json parses case.json" "$DISPUTE" -C "$1" show --json
	expect 0 "$2: verify of the case folder passes" "$DISPUTE" -C "$1" verify
}

# elapsed START: seconds since START (a `date +%s.%N` value), with one decimal.
elapsed() {
	awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'
}

# have_mount: we may mount a tmpfs here (root, and the container allows it).
have_mount() {
	local probe=$SCRATCH/.mount-probe
	mkdir -p "$probe" || return 1
	if mount -t tmpfs -o size=64k fault-probe "$probe" 2>/dev/null; then
		umount "$probe"
		rmdir "$probe"
		return 0
	fi
	rmdir "$probe"
	return 1
}

# mount_tmpfs DIR SIZE: mounts a tmpfs of SIZE on DIR, unmounted again on exit.
mount_tmpfs() {
	local dir=$1
	case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
	mkdir -p "$dir" && mount -t tmpfs -o "size=$2,mode=0755" fault-tmpfs "$dir" || return 1
	MOUNTS="$dir $MOUNTS"
}

finish() {
	[ "$skipped" -gt 0 ] && printf '# %d skipped\n' "$skipped"
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
}
