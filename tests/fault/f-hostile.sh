#!/bin/bash
# Hostile dossiers for `dispute verify` (tests/fault/data/h-*.zip, made once by
# make-hostile.py beside them): entry names with '..', absolute paths, backslashes,
# symbolic link entries, duplicate names, non-UTF-8 names, a zip bomb (1 GiB of zeros
# deflated, in the payload and as a tag file), lying declared sizes, manifests pointing
# outside the bag, CRLF manifests, NFD and NFC names (one file on macOS and Windows).
# Each verify must give the right verdict (1, or 0 for the bags that are legitimately
# fine), name each problem, finish in bounded memory (max RSS under 64 MiB) and write
# nothing: it runs in an empty folder, with a private /tmp where the system allows it,
# and both must stay empty.
. "$(dirname "$0")/lib.sh"

started=$(date +%s.%N)
RSS_MAX_KB=65536
# AddressSanitizer's shadow memory and quarantine roughly triple what a process holds;
# the bound is about the program's own buffers, so it scales with the build.
if [ "${DISPUTE_SANITIZED:-0}" = 1 ]; then
	RSS_MAX_KB=$((RSS_MAX_KB * 3))
fi

# A private, empty /tmp for each verify: a mount namespace with a tmpfs on /tmp. Not
# when the binary or the zips are under /tmp themselves: the tmpfs would hide them.
case "$DISPUTE:$FAULT_DATA" in
/tmp/* | */:/tmp/*) in_tmp=yes ;;
*) in_tmp=no ;;
esac
if [ "$in_tmp" = no ] && [ "$(id -u)" -eq 0 ] &&
    unshare -m sh -c 'mount -t tmpfs fault-tmp /tmp' 2>/dev/null; then
	private_tmp=yes
	note "verify runs with a private, empty /tmp (unshare -m)"
else
	private_tmp=no
	note "no mount namespace here: /tmp is compared before and after instead"
fi
if [ -x /usr/bin/time ]; then
	timer=(/usr/bin/time -f %M -o /dev/fd/4)
else
	timer=()
	skip "max RSS: /usr/bin/time is missing (Debian package 'time')"
fi

# hostile NAME WANT: runs `verify h-NAME.zip` as described above with stdout in ./out
# and stderr in ./err, and checks the exit status WANT, the memory and the writes.
hostile() {
	local name=$1 want=$2 zip=$FAULT_DATA/h-$1.zip dir=empty-$1 got rss left
	if [ ! -f "$zip" ]; then
		fail "$name: $zip is missing (run tests/fault/data/make-hostile.py)"
		return
	fi
	mkdir "$dir"
	: >rss
	if [ "$private_tmp" = yes ]; then
		(cd "$dir" && unshare -m sh -c '
			mount -t tmpfs -o size=64m fault-tmp /tmp || exit 125
			TMPDIR=/tmp timeout 300 "$@"
			rc=$?
			ls -A /tmp >&3
			exit $rc' sh "${timer[@]}" "$DISPUTE" verify "$zip") >out 2>err 3>tmp.after 4>rss
		got=$?
		: >tmp.before
	else
		ls -A /tmp >tmp.before
		(cd "$dir" && timeout 300 "${timer[@]}" "$DISPUTE" verify "$zip") >out 2>err 4>rss
		got=$?
		ls -A /tmp >tmp.after
	fi
	if [ "$got" -eq "$want" ]; then
		pass "$name: verify exits $want"
	else
		fail "$name: verify exits $want (exit $got)"
	fi
	left=$(ls -A "$dir")
	check "$name: verify wrote nothing in its folder${left:+ (left: $left)}" [ -z "$left" ]
	# Scratch folders of other test scripts running at the same time are not verify's.
	left=$(comm -13 tmp.before tmp.after | grep -v '^dispute-test\.' | tr '\n' ' ')
	check "$name: verify wrote nothing in /tmp${left:+ (new: $left)}" [ -z "$left" ]
	if [ ${#timer[@]} -gt 0 ]; then
		rss=$(tail -n 1 rss)
		check "$name: max RSS ${rss} KiB is under $RSS_MAX_KB KiB" [ "${rss:-999999999}" -lt "$RSS_MAX_KB" ]
	fi
	rmdir "$dir" 2>/dev/null
}

# Entry names that climb out of the bag.
hostile dotdot 1
contains out "unsafe: $ROOT/../evil-dotdot.txt: '..' component" "dotdot: names $ROOT/../evil-dotdot.txt"
contains out "unsafe: $ROOT/data/../../evil-dotdot2.txt: '..' component" "dotdot: names $ROOT/data/../../evil-dotdot2.txt"
hostile absolute 1
contains out "unsafe: /tmp/evil-absolute.txt: absolute path" "absolute: names /tmp/evil-absolute.txt"
contains out "unsafe: /$ROOT/data/evil.txt: absolute path" "absolute: names /$ROOT/data/evil.txt"
check "absolute: /tmp/evil-absolute.txt was not written" [ ! -e /tmp/evil-absolute.txt ]
hostile backslash 1
contains out "unsafe: $ROOT\\..\\evil-backslash.txt: backslash" "backslash: names $ROOT\\..\\evil-backslash.txt"
contains out "unsafe: $ROOT/data\\evil-backslash2.txt: backslash" "backslash: names $ROOT/data\\evil-backslash2.txt"

# Symbolic links, duplicates, names that are not UTF-8.
hostile symlink 1
contains out "unsafe: data/passwd-link: symbolic link" "symlink: names data/passwd-link"
contains out "unsafe: data/up-link: symbolic link" "symlink: names data/up-link"
hostile duplicate 1
contains out "unsafe: data/chat.txt: appears more than once" "duplicate: names data/chat.txt"
hostile non-utf8 1
# Without the UTF-8 flag a name is CP437 by the zip specification, so it reads as
# some (odd) valid name: what matters is that it is named and not taken as listed.
matches out "^extra: data/.*\\.txt: not listed in manifest-sha256\\.txt" "non-utf8: names the entry as not listed"
hostile non-utf8-flagged 1
contains err "h-non-utf8-flagged.zip" "non-utf8-flagged: the error names the zip"

# Zip bombs and lying sizes: finished, bounded memory, the real bytes counted.
hostile bomb 1
contains out "altered: data/zeros.bin: sha256 checksum differs" "bomb: the whole GiB was inflated and judged"
contains out "payload is 1073741884.3" "bomb: the real payload bytes are counted"
hostile bomb-tag 1
contains out "malformed: bag-info.txt: tag file too large" "bomb-tag: names bag-info.txt as too large"
hostile huge-size 0
contains out "intact, 4 payload files, 78 bytes" "huge-size: the real bytes are counted, not the declared ones"
hostile huge-stored 1
contains out "unsafe: data/past-end.txt: data that runs past the end of the zip" \
    "huge-stored: names data/past-end.txt as running past the end"

# Manifests that point outside the bag.
hostile manifest-outside 1
contains out "unsafe: ../x: '..' component (manifest-sha256.txt line 3)" "manifest-outside: names ../x"
contains out "unsafe: /etc/passwd: absolute path (manifest-sha256.txt line 4)" "manifest-outside: names /etc/passwd"
contains out "unsafe: data/../../x: '..' component (manifest-sha256.txt line 5)" "manifest-outside: names data/../../x"
lacks out "root:" "manifest-outside: nothing of /etc/passwd is shown"

# A legitimate bag with CRLF tag files; NFC and NFD spellings of one name, each listed
# as written, which one file on macOS and Windows: whichever is extracted last wins.
hostile crlf 0
contains out "intact, 2 payload files" "crlf: the bag is intact"
hostile nfc-nfd-both 1
contains out "on Windows and macOS (letter case, Unicode normalisation" \
    "nfc-nfd-both: the two spellings are named as one file elsewhere"
# A manifest line in NFC for a name the zip holds in NFD (as macOS writes it): the same
# name under normalisation, judged by its checksum, with a warning that says so.
hostile nfd-mismatch 0
contains out "$(printf 'warning: manifest-sha256.txt:1: names data/caf\303\251.txt in NFC, the bag holds it in NFD')" \
    "nfd-mismatch: the warning names both spellings and the line"
contains out "intact, 3 payload files" "nfd-mismatch: the bag is intact"

note "f-hostile took $(elapsed "$started")s"
finish
