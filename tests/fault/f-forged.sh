#!/bin/bash
# Forged dossiers that other readers see differently from `dispute verify`, built by
# forge.py from a dossier packed here (as the attack review describes each): link
# entries made on non-Unix hosts, a local entry no central record lists, a local header
# naming another file, entries sharing bytes, an overlap bomb, plain entries beside
# encrypted ones, a zip of 100,001 entries, names that land on one file on Windows or
# macOS, and a bag folder with a case.json dropped in. Each verify must say NOT intact
# and name the forgery, in bounded time and memory; an uncovered tag file is named but
# leaves the bag intact.
. "$(dirname "$0")/lib.sh"

started=$(date +%s.%N)
RSS_MAX_KB=65536
if [ "${DISPUTE_SANITIZED:-0}" = 1 ]; then
	RSS_MAX_KB=$((RSS_MAX_KB * 3))
fi
FORGE=$FAULT_DIR/forge.py

new_case c || exit 1
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
"$DISPUTE" -q -C c pack -o genuine.zip >/dev/null || exit 1
printf 'forged-dossier-password\n' >pw
"$DISPUTE" -q -C c pack --encrypt --password-file pw -o sealed.zip >/dev/null || exit 1
expect 0 "the genuine dossier verifies" "$DISPUTE" verify genuine.zip

# forged KIND FROM WANT [VERIFY OPTIONS]: forges KIND from FROM.zip into KIND.zip and
# verifies it with stdout in ./out, checking exit status WANT, a 60 s bound and RSS.
forged() {
	local kind=$1 from=$2 want=$3 got rss
	shift 3
	if ! python3 "$FORGE" "$kind" "$from.zip" "$kind.zip" 2>err; then
		fail "$kind: forge.py failed: $(cat err)"
		return
	fi
	timeout 60 /usr/bin/time -f %M -o rss "$DISPUTE" verify "$@" "$kind.zip" >out 2>err
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass "$kind: verify exits $want"
	else
		fail "$kind: verify exits $want (exit $got)"
	fi
	rss=$(tail -n 1 rss)
	check "$kind: max RSS ${rss} KiB is under $RSS_MAX_KB KiB" [ "${rss:-999999999}" -lt "$RSS_MAX_KB" ]
}

CHAT=data/evidence/E01-chat.txt

# Defect 1: the link's mode counts whatever host the entry names.
for host in 3 5 16 30; do
	forged "symlink-host-$host" genuine 1
	contains out "unsafe: $CHAT: symbolic link in the zip" "symlink-host-$host: the link is named"
done

# Defect 3: what a streaming extractor would write is what the verifier judges.
forged hidden-local genuine 1
contains out "unsafe: $CHAT: a local entry at byte" "hidden-local: the unlisted local entry is named"
forged local-name genuine 1
contains out "unsafe: $CHAT: another name in its local header than in the central directory" \
    "local-name: the disagreeing local header is named"
lacks out ": intact," "local-name: never called intact"
forged overlap genuine 1
contains out "unsafe: data/inner.txt: shares bytes with another entry" "overlap: the overlapping entry is named"

# Defect 6: 400 central records over one deflate stream of 64 MiB of zeros.
forged overlap-bomb genuine 1
contains out "unsafe: data/zeros.bin: shares bytes with another entry" "overlap-bomb: the copies are refused unread"
check "overlap-bomb: 400 refused copies are named" [ "$(grep -c 'shares bytes' out)" -ge 400 ]

# Defect 12: plain entries beside encrypted ones.
forged mixed-encryption sealed 1 --password-file pw
contains out "unsafe: data/chat.txt: not encrypted, in a dossier whose other entries are" \
    "mixed-encryption: the plain payload is named"
contains out "unsafe: manifest-sha256.txt: not encrypted" "mixed-encryption: the plain manifest is named"

# Defect 15: the entry count is read from the end record before anything else.
forged many-entries genuine 1
contains out "entries, more than the 100000 a bag is judged with" "many-entries: refused as too many"
check "many-entries: one line of problems, not a million" [ "$(wc -l <out)" -le 2 ]

# Defect 4: names that collide once extracted on Windows or macOS.
for kind in collide-case-folder collide-dot collide-space collide-case-file collide-nfd; do
	forged "$kind" genuine 1
	contains out "on Windows and macOS" "$kind: the collision is named"
done
forged uncovered-tag genuine 0
contains out "note: index.html: a tag file that no tag manifest covers" "uncovered-tag: the tag file is named"
contains out "uncovered-tag.zip: intact," "uncovered-tag: an uncovered tag file leaves the bag intact"

# Defect 5: a bag folder is judged as a bag even with a case.json beside bagit.txt.
mkdir folder && (cd folder && unzip -q ../genuine.zip) || exit 1
bag=$(ls -d folder/*/)
printf 'forged\n' >"$bag/$CHAT"
expect 1 "bag-as-case: the tampered bag folder fails" "$DISPUTE" verify "$bag"
cp c/case.json "$bag/case.json" && mkdir -p "$bag/evidence"
expect 1 "bag-as-case: with a case.json beside bagit.txt it still fails" "$DISPUTE" verify "$bag"
contains out "altered: $CHAT" "bag-as-case: the forged file is named"

note "f-forged took $(elapsed "$started")s"
finish
