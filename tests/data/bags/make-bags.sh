#!/bin/sh
# Builds the zipped BagIt bags that tests/bags/check.sh judges against NAME.expected
# (one CTest test each; a new bag needs its .expected beside it). The zips are
# committed, so the tests never run this; rerun it only to change a bag, from anywhere:
#   sh tests/data/bags/make-bags.sh
# Needs zip, iconv, python3 and coreutils' md5sum/sha*sum. Entries are added in sorted order with
# fixed times, so that a rerun gives the same bags.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC

# payload_manifest ALG ROOT: manifest-ALG.txt for every file under ROOT/data.
payload_manifest() {
	(cd "$work/$2" && find data -type f | LC_ALL=C sort | while IFS= read -r f; do
		"$1sum" "$f"
	done >"manifest-$1.txt")
}

# tag_manifest ALG ROOT: tagmanifest-ALG.txt for the top-level tag files.
tag_manifest() {
	(cd "$work/$2" && find . -maxdepth 1 -type f ! -name 'tagmanifest-*' |
		sed 's|^\./||' | LC_ALL=C sort | while IFS= read -r f; do
		"$1sum" "$f"
	done >"tagmanifest-$1.txt")
}

# oxum ROOT: OCTETS.COUNT of ROOT/data.
oxum() {
	(cd "$work/$1" && find data -type f -exec cat {} + | wc -c | tr -d ' \n' &&
		printf '.' && find data -type f | wc -l | tr -d ' ')
}

# pack ROOT ZIP [OPTION]: zips ROOT (folder and all) with links stored as links.
pack() {
	rm -f "$here/$2"
	(cd "$work" && find "$1" -exec touch -h -d '2024-05-01 12:00:00' {} + &&
		find "$1" | LC_ALL=C sort | zip -q -X -y ${3:-} -@ "$here/$2")
}

bagit() {
	printf 'BagIt-Version: %s\nTag-File-Character-Encoding: %s\n' "$2" "$3" \
		>"$work/$1/bagit.txt"
}

# A BagIt 1.0 sha256 bag like `dispute pack` makes: the base of the tampered ones.
base() {
	rm -rf "${work:?}/$1"
	mkdir -p "$work/$1/data/chat"
	bagit "$1" 1.0 UTF-8
	printf 'Order 2024-0518-7731\nSeller: Example Flagship Store\nPaid: 129.50 CNY\n' \
		>"$work/$1/data/receipt.txt"
	printf '\211PNG\r\n\032\n\000\000\000\rIHDR fake screenshot bytes\000\377' \
		>"$work/$1/data/chat/screenshot.png"
	printf 'half price, as promised\n' >"$work/$1/data/50%off.txt"
	payload_manifest sha256 "$1"
	# 1.0 percent-encodes '%' in manifest paths.
	sed -i 's|data/50%off.txt|data/50%25off.txt|' "$work/$1/manifest-sha256.txt"
	{
		printf 'Source-Organization: dispute\n'
		printf 'Contact-Name: 张三\n'
		printf 'External-Description: Evidence for a refund claim against an online\n'
		printf '  seller, packed by dispute.\n'
		printf 'Bagging-Date: 2024-05-01\n'
		printf 'Payload-Oxum: %s\n' "$(oxum "$1")"
	} >"$work/$1/bag-info.txt"
}

base valid-sha256
tag_manifest sha256 valid-sha256
pack valid-sha256 valid-sha256.zip

# 0.97: CRLF lines, a tab and upper-case hex in the manifest, no percent-decoding.
rm -rf "$work/valid-097"
mkdir -p "$work/valid-097/data"
printf 'BagIt-Version: 0.97\r\nTag-File-Character-Encoding: UTF-8\r\n' >"$work/valid-097/bagit.txt"
printf 'scan of the delivery note\n' >"$work/valid-097/data/delivery note.txt"
printf 'a literal percent name\n' >"$work/valid-097/data/100%25.txt"
payload_manifest md5 valid-097
awk '{ h = toupper($1); sub(/^[^ ]+  /, ""); printf "%s\t%s\r\n", h, $0 }' \
	"$work/valid-097/manifest-md5.txt" >"$work/valid-097/m" &&
	mv "$work/valid-097/m" "$work/valid-097/manifest-md5.txt"
pack valid-097 valid-097-md5.zip

# sha1 and sha512 manifests; bagit.txt with CR-only line ends.
rm -rf "$work/two-algs"
mkdir -p "$work/two-algs/data"
printf 'BagIt-Version: 1.0\rTag-File-Character-Encoding: UTF-8\r' \
	>"$work/two-algs/bagit.txt"
printf 'tracking number SF1234567890\n' >"$work/two-algs/data/tracking.txt"
printf 'empty?\n' >"$work/two-algs/data/note.txt"
: >"$work/two-algs/data/empty.txt"
payload_manifest sha1 two-algs
payload_manifest sha512 two-algs
printf 'Payload-Oxum: %s\n' "$(oxum two-algs)" >"$work/two-algs/bag-info.txt"
tag_manifest sha512 two-algs
pack two-algs sha1-sha512.zip

# Tag files in ISO-8859-1, a payload file named in French.
rm -rf "$work/latin1"
mkdir -p "$work/latin1/data"
bagit latin1 1.0 ISO-8859-1
printf 'facture\n' >"$work/latin1/data/café.txt"
payload_manifest md5 latin1
{
	printf 'Contact-Name: José Müller\n'
	printf 'Payload-Oxum: %s\n' "$(oxum latin1)"
} >"$work/latin1/bag-info.txt"
for f in manifest-md5.txt bag-info.txt; do
	iconv -f UTF-8 -t ISO-8859-1 "$work/latin1/$f" >"$work/latin1/x" &&
		mv "$work/latin1/x" "$work/latin1/$f"
done
tag_manifest md5 latin1
pack latin1 latin1.zip

# One byte of the receipt changed after bagging (same size, so the Oxum still holds).
base altered
tag_manifest sha256 altered
sed -i 's/129.50/329.50/' "$work/altered/data/receipt.txt"
pack altered altered.zip

base missing
tag_manifest sha256 missing
rm "$work/missing/data/chat/screenshot.png"
pack missing missing.zip

base extra
tag_manifest sha256 extra
printf 'added later\n' >"$work/extra/data/extra.txt"
pack extra extra.zip

# Payload-Oxum off by one file; the tag manifest agrees with the edited bag-info.txt.
base bad-oxum
sed -i 's/^Payload-Oxum: \([0-9]*\)\.\([0-9]*\)$/Payload-Oxum: \1.4/' "$work/bad-oxum/bag-info.txt"
tag_manifest sha256 bad-oxum
pack bad-oxum bad-oxum.zip

# A payload file to be fetched: listed in the manifest and fetch.txt, not in the zip.
base fetch
printf 'not really a video\n' >"$work/fetch/data/video.mp4"
payload_manifest sha256 fetch
sed -i 's|data/50%off.txt|data/50%25off.txt|' "$work/fetch/manifest-sha256.txt"
rm "$work/fetch/data/video.mp4"
printf 'https://example.com/evidence/video.mp4 19 data/video.mp4\n' >"$work/fetch/fetch.txt"
tag_manifest sha256 fetch
pack fetch fetch.zip

base dotdot
printf '%s  ../evil\n' "$(printf x | sha256sum | cut -d' ' -f1)" >>"$work/dotdot/manifest-sha256.txt"
tag_manifest sha256 dotdot
pack dotdot dotdot.zip

base absolute
printf '%s  /etc/passwd\n' "$(printf x | sha256sum | cut -d' ' -f1)" \
	>>"$work/absolute/manifest-sha256.txt"
tag_manifest sha256 absolute
pack absolute absolute.zip

base symlink
tag_manifest sha256 symlink
ln -s ../../../../etc/passwd "$work/symlink/data/link"
pack symlink symlink.zip

# A valid bag, a second top-level folder and a file beside them.
base two-roots
tag_manifest sha256 two-roots
mkdir -p "$work/two-roots-zip" && mv "$work/two-roots" "$work/two-roots-zip/bag"
mkdir -p "$work/two-roots-zip/other"
printf 'not part of the bag\n' >"$work/two-roots-zip/other/readme.txt"
printf 'stray\n' >"$work/two-roots-zip/stray.txt"
rm -f "$here/two-roots.zip"
(cd "$work/two-roots-zip" && find . -exec touch -h -d '2024-05-01 12:00:00' {} + &&
	find bag other stray.txt | LC_ALL=C sort | zip -q -X -y -@ "$here/two-roots.zip")

# A zip that holds no bag at all.
rm -rf "$work/photos"
mkdir -p "$work/photos"
printf 'just a photo\n' >"$work/photos/a.jpg"
pack photos not-a-bag.zip

# An unknown manifest algorithm next to a good one.
base unknown-alg
printf '%s  data/receipt.txt\n' "$(printf x | sha256sum | cut -d' ' -f1)" \
	>"$work/unknown-alg/manifest-sha3.txt"
tag_manifest sha256 unknown-alg
pack unknown-alg unknown-alg.zip

# The manifest names café.txt in NFC, the zip holds it in NFD (as macOS may write it).
rm -rf "$work/nfd"
mkdir -p "$work/nfd/data"
bagit nfd 1.0 UTF-8
printf 'facture\n' >"$work/nfd/data/cafe$(printf '\314\201').txt"
printf '%s  data/caf\303\251.txt\n' "$(printf 'facture\n' | sha256sum | cut -d' ' -f1)" \
	>"$work/nfd/manifest-sha256.txt"
pack nfd nfd.zip

# The tag manifest lists bag-info.txt, which has gone.
base tag-missing
tag_manifest sha256 tag-missing
rm "$work/tag-missing/bag-info.txt"
pack tag-missing tag-missing.zip

# One byte of a stored (uncompressed) entry changed inside the zip itself, so that
# libzip's CRC check fails while reading it.
base damaged
tag_manifest sha256 damaged
pack damaged damaged.zip -0
off=$(grep -abo 'Paid: 129.50' "$here/damaged.zip" | head -n 1 | cut -d: -f1)
printf '3' | dd of="$here/damaged.zip" bs=1 seek=$((off + 6)) conv=notrunc status=none

printf 'This is a text file, not a zip.\n' >"$here/not-a-zip.zip"

# Forgeries of valid-sha256.zip that other readers see differently (the attack review;
# tests/fault/forge.py says how each is made): a link entry from a non-Unix host, a
# local entry no central record lists, a local header with another name, an entry
# inside another's bytes, names that are one file on Windows or macOS, and an uncovered
# tag file. Each is also a seed of the verifier's fuzz corpus.
for kind in symlink-host-5 hidden-local local-name overlap collide-case-folder \
	collide-case-file collide-nfd uncovered-tag; do
	python3 "$here/../../fault/forge.py" "$kind" "$here/valid-sha256.zip" "$here/forged-$kind.zip"
	cp "$here/forged-$kind.zip" "$here/../../fuzz/corpus/bag_verify/forged-$kind.zip"
done

# A 0.97 bag whose manifest is the output of `find . -type f | xargs md5sum -b`, run in
# the bag folder: "./" before each path and the binary-mode marker '*'.
rm -rf "$work/md5sum-b"
mkdir -p "$work/md5sum-b/data/scans"
printf 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n' >"$work/md5sum-b/bagit.txt"
printf 'scan of the receipt\n' >"$work/md5sum-b/data/scans/receipt.txt"
printf 'chat log\n' >"$work/md5sum-b/data/chat.txt"
(cd "$work/md5sum-b" && find ./data -type f | LC_ALL=C sort | xargs md5sum -b >manifest-md5.txt)
pack md5sum-b md5sum-b.zip

# sha224 and sha384 manifests separated by a tab, by several spaces, by spaces and tabs.
rm -rf "$work/separators"
mkdir -p "$work/separators/data"
bagit separators 1.0 UTF-8
printf 'one\n' >"$work/separators/data/one.txt"
printf 'two\n' >"$work/separators/data/two words.txt"
printf 'three\n' >"$work/separators/data/three.txt"
for alg in sha224 sha384; do
	(cd "$work/separators" && {
		printf '%s\tdata/one.txt\n' "$("${alg}sum" data/one.txt | cut -d' ' -f1)"
		printf '%s     data/three.txt\n' "$("${alg}sum" data/three.txt | cut -d' ' -f1)"
		printf '%s \t data/two words.txt\n' "$("${alg}sum" 'data/two words.txt' | cut -d' ' -f1)"
	} >"manifest-$alg.txt")
done
pack separators separators.zip

# SHA-3 manifests, named both ways: manifest-sha3-256.txt (as bagit-python writes it)
# and manifest-sha3512.txt (RFC 8493 §2.4: lowercased, punctuation removed).
rm -rf "$work/sha3"
mkdir -p "$work/sha3/data"
bagit sha3 1.0 UTF-8
printf 'hashed with keccak\n' >"$work/sha3/data/note.txt"
(cd "$work/sha3" && python3 -c '
import hashlib
data = open("data/note.txt", "rb").read()
for name, alg in (("sha3-256", "sha3_256"), ("sha3512", "sha3_512")):
    with open("manifest-%s.txt" % name, "w") as f:
        f.write("%s  data/note.txt\n" % hashlib.new(alg, data).hexdigest())
')
pack sha3 sha3.zip

# bagit.txt held to its exact form (RFC 8493 §2.1.1, the same in 0.97): a byte-order
# mark, blanks around the colon, a third line, a missing second line.
bagit_variant() {
	base "$1"
	printf "$2" >"$work/$1/bagit.txt"
	tag_manifest sha256 "$1"
	pack "$1" "$1.zip"
}
bagit_variant bagit-bom '\357\273\277BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'
bagit_variant bagit-colon 'BagIt-Version : 1.0\nTag-File-Character-Encoding:UTF-8\n'
bagit_variant bagit-extra 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nContact-Name: someone\n'
bagit_variant bagit-missing 'BagIt-Version: 1.0\n'

# The other way round: the manifest was written on macOS (NFD), the zip holds the name
# in NFC; and the file itself was changed, so it verifies as altered, not as missing.
rm -rf "$work/nfc"
mkdir -p "$work/nfc/data"
bagit nfc 1.0 UTF-8
printf 'facture modifiée\n' >"$work/nfc/data/caf$(printf '\303\251').txt"
printf '%s  data/cafe\314\201.txt\n' "$(printf 'facture\n' | sha256sum | cut -d' ' -f1)" \
	>"$work/nfc/manifest-sha256.txt"
pack nfc nfc.zip

# Repeated manifest lines. 1.0 (RFC 8493 §2.1.3: every payload file listed once): an
# error even with the same checksum. 0.97: the same checksum again is a warning, a
# different one an error.
base dup-10
sed -n 1p "$work/dup-10/manifest-sha256.txt" >>"$work/dup-10/manifest-sha256.txt"
tag_manifest sha256 dup-10
pack dup-10 dup-10.zip
rm -rf "$work/dup-097"
mkdir -p "$work/dup-097/data"
bagit dup-097 0.97 UTF-8
printf 'first\n' >"$work/dup-097/data/a.txt"
printf 'second\n' >"$work/dup-097/data/b.txt"
payload_manifest md5 dup-097
(cd "$work/dup-097" && md5sum data/a.txt >>manifest-md5.txt &&
	printf '%s  data/b.txt\n' "$(printf 'other\n' | md5sum | cut -d' ' -f1)" >>manifest-md5.txt)
pack dup-097 dup-097.zip

# Zips cut short, as when verify runs on one still being copied or written: in the
# middle of an entry, and in the end record itself (APPNOTE 4.3.16: a zip ends with it).
size=$(wc -c <"$here/valid-sha256.zip")
head -c $((size / 2)) "$here/valid-sha256.zip" >"$here/truncated-half.zip"
head -c $((size - 10)) "$here/valid-sha256.zip" >"$here/truncated-end.zip"
