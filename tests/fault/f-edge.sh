#!/bin/bash
# Evidence edge cases: an empty file (refused, with a message), names with spaces, a
# newline, Chinese characters, NFC and NFD forms of the same name (both accepted and
# distinct when the content differs; the same content is a duplicate), a name that is
# not UTF-8; then the dossier of all of them. Last, a file over 4 GiB (zip64): a sparse
# file with a real JPEG header, added, packed, tested with `unzip -t` and verified.
# That takes time and about 9 GB of disk: it is skipped with less than 15 GB free, or
# with FAULT_SKIP_ZIP64=1.
. "$(dirname "$0")/lib.sh"

started=$(date +%s.%N)
new_case c || exit 1
cp c/case.json before.json

# --- an empty file --------------------------------------------------------------------
: >empty.jpg
expect 1 "an empty file is refused" "$DISPUTE" -C c add-evidence -k defect empty.jpg
contains err "empty.jpg: refused: the file is empty" "the error names the file and says it is empty"
same c/case.json before.json "case.json is byte-identical"
no_temps c "no temporary file is left"

# added TITLE NAME ID: NAME (made by media) is added as evidence ID, and case.json keeps
# NAME (as JSON text, given as the 3rd argument's escaped form) as its original name.
added() {
	local title=$1 name=$2 id=$3 json_name=$4 sum
	expect 0 "$title: accepted" "$DISPUTE" -C c add-evidence -k defect -- "$name"
	contains out "$id	$id-defect." "$title: recorded as $id"
	sum=$(sha256sum <"$name" | cut -d' ' -f1)
	contains c/case.json "\"sha256\":	\"$sum\"" "$title: its sha256 is recorded"
	contains c/case.json "\"original_name\":	\"$json_name\"" "$title: its name is kept as given"
	expect 0 "$title: show --json parses case.json" "$DISPUTE" -C c show --json
}

media jpg "photo of the defect.jpg" "spaces"
added "a name with spaces" "photo of the defect.jpg" E01 "photo of the defect.jpg"
media jpg "$(printf 'first line\nsecond line.jpg')" "newline"
added "a name with a newline" "$(printf 'first line\nsecond line.jpg')" E02 'first line\nsecond line.jpg'
media jpg "破损照片.jpg" "chinese"
added "a name in Chinese" "破损照片.jpg" E03 "破损照片.jpg"
nfc=$(printf 'caf\303\251.jpg')
nfd=$(printf 'cafe\314\201.jpg')
mkdir nfc nfd
media jpg "nfc/$nfc" "nfc"
media jpg "nfd/$nfd" "nfd"
added "the NFC name café.jpg" "nfc/$nfc" E04 "$nfc"
added "the NFD name café.jpg, other content" "nfd/$nfd" E05 "$nfd"
cp c/case.json before.json
mkdir same
cp "nfc/$nfc" "same/$nfd"
expect 1 "the NFD name with the NFC file's content is refused as a duplicate" \
    "$DISPUTE" -C c add-evidence -k defect "same/$nfd"
contains err "the same content is already evidence E04" "the error names the earlier evidence"
same c/case.json before.json "case.json is byte-identical"
gbk=$(printf '\266\251\265\245.jpg') # 订单.jpg in GBK
media jpg "$gbk" "gbk"
expect 0 "a name that is not UTF-8 (GBK bytes) is accepted" "$DISPUTE" -C c add-evidence -k defect "$gbk"
expect 0 "case.json stays valid JSON (show --json)" "$DISPUTE" -C c show --json
check "case.json stays valid UTF-8" iconv -f UTF-8 -t UTF-8 -o /dev/null c/case.json
no_temps c "no temporary file is left"
case_intact c "with every name"
expect 0 "pack of the case with every name" "$DISPUTE" -q -C c pack -o "$ZIP"
expect 0 "unzip -t of that dossier" unzip -tq "$ZIP"
expect 0 "verify of that dossier" "$DISPUTE" verify "$ZIP"
contains out "intact, " "the dossier is intact"

# --- a file over 4 GiB (zip64) --------------------------------------------------------
free_kb=$(df -Pk "$SCRATCH" | awk 'NR == 2 { print $4 }')
if [ "${FAULT_SKIP_ZIP64:-0}" = 1 ]; then
	skip "a file over 4 GiB: FAULT_SKIP_ZIP64=1"
elif [ "$free_kb" -lt $((15 * 1024 * 1024)) ]; then
	skip "a file over 4 GiB: only $((free_kb / 1024 / 1024)) GB free in $SCRATCH, 15 GB wanted"
else
	t0=$(date +%s.%N)
	new_case big || exit 1
	cat "$EVIDENCE/defect-photo.jpg" >huge.jpg
	truncate -s 4200M huge.jpg
	size=$(stat -c %s huge.jpg)
	expect 0 "add-evidence of a 4200 MiB file" "$DISPUTE" -C big add-evidence -k defect huge.jpg
	contains big/case.json "\"size\":	$size," "its size is recorded exactly ($size bytes)"
	rm -f huge.jpg
	note "add-evidence of 4200 MiB took $(elapsed "$t0")s"
	t0=$(date +%s.%N)
	expect 0 "pack of the case with the 4200 MiB file" "$DISPUTE" -q -C big pack -o huge.zip
	note "pack took $(elapsed "$t0")s"
	check "the dossier is over 4 GiB" [ "$(stat -c %s huge.zip)" -gt 4294967296 ]
	t0=$(date +%s.%N)
	expect 0 "unzip -t of the zip64 dossier" unzip -tq huge.zip
	note "unzip -t took $(elapsed "$t0")s"
	t0=$(date +%s.%N)
	expect 0 "verify of the zip64 dossier" "$DISPUTE" verify huge.zip
	bytes=$(sed -n 's/^huge\.zip: intact, [0-9]* payload files, \([0-9]*\) bytes.*/\1/p' out)
	check "verify counts the 4200 MiB file in the payload (${bytes:-?} bytes)" \
	    [ "${bytes:-0}" -gt "$size" ]
	note "verify took $(elapsed "$t0")s"
	rm -rf big huge.zip
fi

note "f-edge took $(elapsed "$started")s"
finish
