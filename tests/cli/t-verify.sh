# dispute verify: an intact dossier, a dossier with an altered, missing or extra file,
# --json, the case folder itself (no argument, -C, a path), an unzipped bag folder, and
# things that are not bags.
. "$TEST_LIB"

ROOT=dispute-6912345678901234-20261118
ZIP=$ROOT.zip

# rezip NAME: zips the bag folder NAME/$ROOT as NAME.zip, with the dossier's top folder.
rezip() {
	(cd "$1" && zip -q -r -X "../$1.zip" "$ROOT")
}

# flip FILE: changes one byte in the middle of FILE, keeping its size.
flip() {
	chmod u+w "$1"
	printf 'X' | dd of="$1" bs=1 seek=100 conv=notrunc 2>/dev/null
}

new_case c || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/no-power.mp4" \
    >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" >/dev/null || exit 1
"$DISPUTE" -q -C c pack >/dev/null || exit 1

# A fresh dossier.
payload=$(unzip -Z1 "$ZIP" | grep -c "^$ROOT/data/")
expect 0 "verify of a fresh dossier" "$DISPUTE" verify "$ZIP"
line out "$ZIP: intact, $payload payload files, [0-9]+ bytes \(BagIt 1\.0, sha256\)" \
    "verify says the dossier is intact, with its $payload payload files and BagIt version"
expect 0 "verify --json of a fresh dossier" "$DISPUTE" verify --json "$ZIP"
contains out '"intact":	true' "verify --json says intact: true"
contains out '"problems":	[]' "verify --json lists no problems"
contains out "\"payload_files\":	$payload," "verify --json counts the payload files"
contains out '"bagit_version":	"1.0"' "verify --json gives the BagIt version"

# The dossier unzipped: the bag folder verifies by path, and so does the re-zipped copy.
for d in same altered missing extra folder; do
	mkdir "$d" && (cd "$d" && unzip -q "../$ZIP") || exit 1
done
rezip same
expect 0 "a dossier unzipped and re-zipped with zip -r -X verifies" "$DISPUTE" verify same.zip
expect 0 "the unzipped bag folder verifies by path" "$DISPUTE" verify "folder/$ROOT"
contains out "intact" "verify says the bag folder is intact"

# One byte of one evidence file changed inside the zip.
flip "altered/$ROOT/data/evidence/E01-defect.jpg"
rezip altered
expect 1 "verify of a dossier with an altered file fails" "$DISPUTE" verify altered.zip
line out "altered: data/evidence/E01-defect\.jpg: .*" "verify names the altered file"
line out "altered\.zip: NOT intact, 1 problem\(s\)" "verify counts one problem"
lacks out "E02" "verify does not blame the untouched files"
expect 1 "verify --json of the altered dossier" "$DISPUTE" verify --json altered.zip
contains out '"intact":	false' "verify --json says intact: false"
contains out '"kind":	"altered"' "verify --json gives the problem kind"
contains out '"path":	"data/evidence/E01-defect.jpg"' "verify --json gives the problem path"

# A file removed from the zip.
rm -f "missing/$ROOT/data/evidence/E02-defect.mp4"
rezip missing
expect 1 "verify of a dossier with a missing file fails" "$DISPUTE" verify missing.zip
line out "missing: data/evidence/E02-defect\.mp4: .*" "verify names the missing file"
expect 1 "verify --json of the dossier with a missing file" "$DISPUTE" verify --json missing.zip
contains out '"intact":	false' "verify --json says intact: false for a missing file"
contains out '"kind":	"missing"' "verify --json reports the missing kind"

# A file added under data/.
printf 'added later\n' >"extra/$ROOT/data/evidence/E99-added.txt"
rezip extra
expect 1 "verify of a dossier with an extra file fails" "$DISPUTE" verify extra.zip
line out "extra: data/evidence/E99-added\.txt: .*" "verify names the extra file"
expect 1 "verify --json of the dossier with an extra file" "$DISPUTE" verify --json extra.zip
contains out '"kind":	"extra"' "verify --json reports the extra kind"
contains out '"path":	"data/evidence/E99-added.txt"' "verify --json names the extra file"

# An entry name with a carriage return and a line feed (no UTF-8 flag, so the bytes are
# read as they are) cannot forge a verdict line: verify shows them as \x0D\x0A.
python3 - "$ZIP" "$ROOT" <<'PY' || exit 1
import shutil, sys, zipfile
zip_path, root = sys.argv[1], sys.argv[2]
shutil.copy(zip_path, "spoof.zip")
forged = "%s: intact, 10 payload files, 30094 bytes (BagIt 1.0, sha256)" % zip_path
with zipfile.ZipFile("spoof.zip", "a") as z:
    name = "%s/data/evidence/E98-note.txt\r\n%s\r\n" % (root, forged)
    info = zipfile.ZipInfo(name, (2026, 11, 18, 0, 0, 0))
    assert not info.flag_bits & 0x800
    z.writestr(info, "forged\n")
PY
expect 1 "verify of a dossier with a line break in an entry name" "$DISPUTE" verify spoof.zip
contains out "extra: data/evidence/E98-note.txt\\x0D\\x0A$ZIP: intact, 10 payload files, 30094 bytes (BagIt 1.0, sha256)\\x0D\\x0A: not listed" \
    "verify shows the line break in the name escaped"
check "no line of verify's output is a forged verdict" sh -c "! grep -q '^$ZIP: intact' out"
check "verify prints no raw carriage return" sh -c "! grep -q \"\$(printf '\\r')\" out"
check "verify prints the extra entry, the Payload-Oxum and the verdict: three lines" \
    test "$(wc -l <out)" -eq 3

# The bag folder, tampered with on disk.
flip "folder/$ROOT/data/evidence/E03-chat.txt"
expect 1 "verify of a tampered bag folder fails" "$DISPUTE" verify "folder/$ROOT"
line out "altered: data/evidence/E03-chat\.txt: .*" "verify names the altered file in the folder"

# The case folder: no argument, -C, or its path.
expect 0 "verify with no argument checks the case in the current folder" \
    sh -c 'cd c && "$DISPUTE" verify'
line out "\.: intact, 3 payload files, [0-9]+ bytes" "verify says the case is intact"
expect 0 "verify -C checks that case" "$DISPUTE" -C c verify
expect 0 "verify CASE-FOLDER checks that case" "$DISPUTE" verify c
line out "c: intact, 3 payload files, [0-9]+ bytes" "verify names the case folder it checked"

cp c/case.json before.json
cp -p c/evidence/E01-defect.jpg E01.saved
flip c/evidence/E01-defect.jpg
expect 1 "verify of a case with altered evidence fails" "$DISPUTE" -C c verify
line out "altered: evidence/E01-defect\.jpg: .*" "verify names the altered case file"
contains out "recorded $(sha256sum <E01.saved | cut -d' ' -f1)" "verify gives the recorded SHA-256"
contains out "sha256 $(sha256sum <c/evidence/E01-defect.jpg | cut -d' ' -f1)" \
    "verify gives the actual SHA-256"
expect 1 "verify --json of the altered case" "$DISPUTE" -C c verify --json
contains out '"intact":	false' "verify --json says the case is not intact"
contains out '"path":	"evidence/E01-defect.jpg"' "verify --json names the altered case file"
same before.json c/case.json "verify leaves case.json byte-identical"
cp E01.saved c/evidence/E01-defect.jpg
expect 0 "the case verifies again once the file is restored" "$DISPUTE" -C c verify

printf 'stray\n' >c/evidence/stray.txt
expect 1 "verify of a case with an unrecorded file fails" "$DISPUTE" -C c verify
line out "extra: evidence/stray\.txt: .*" "verify names the extra case file"
rm c/evidence/stray.txt

chmod u+w c/evidence/E02-defect.mp4 && mv c/evidence/E02-defect.mp4 E02.saved
expect 1 "verify of a case with a missing file fails" "$DISPUTE" -C c verify
line out "missing: evidence/E02-defect\.mp4: .*" "verify names the missing case file"
mv E02.saved c/evidence/E02-defect.mp4
expect 0 "the case verifies once everything is back" "$DISPUTE" -C c verify

# Things that are not bags.
printf 'not a zip\n' >fake.zip
expect 1 "verify of a non-zip file fails" "$DISPUTE" verify fake.zip
contains err "fake.zip: not a zip file or bag folder" "the message says it is not a zip"
cp "$EVIDENCE/invoice.pdf" invoice.zip
expect 1 "verify of a PDF named .zip fails" "$DISPUTE" verify invoice.zip
expect 1 "verify of a missing file fails" "$DISPUTE" verify no-such.zip
contains err "no-such.zip" "the message names the missing file"
mkdir plain
expect 1 "verify of a folder that is neither a case nor a bag fails" "$DISPUTE" verify plain
contains out "malformed: bagit.txt" "verify says the folder has no bagit.txt"
(cd same && zip -q -r -X ../nobag.zip "$ROOT/data")
expect 1 "verify of a zip without bagit.txt fails" "$DISPUTE" verify nobag.zip
contains out "bagit.txt" "verify says bagit.txt is missing"
expect 2 "verify with two arguments is a usage error" "$DISPUTE" verify "$ZIP" same.zip
expect 2 "verify with an unknown option is a usage error" "$DISPUTE" verify --quick "$ZIP"

# A case folder received from someone else: links and special files in evidence/ are
# named, never followed or read (a FIFO would block, /dev/zero never end).
new_case links || exit 1
"$DISPUTE" -q -C links add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
"$DISPUTE" -q -C links add-evidence -k chat "$EVIDENCE/chat-merchant.txt" >/dev/null || exit 1
photo=$(ls links/evidence/E01-*) chat=$(ls links/evidence/E02-*)
cp "$photo" outside.jpg
chmod u+w "$photo" "$chat" && rm -f "$photo" "$chat"
ln -s "$SCRATCH/outside.jpg" "$photo"
mkfifo "$chat"
expect 1 "verify of a case whose evidence is a link and a FIFO fails" timeout 20 "$DISPUTE" -C links verify
contains out "unsafe: evidence/$(basename "$photo"): a symbolic link, not the copy that was fingerprinted" \
    "a link to an identical copy elsewhere is named, not called intact"
contains out "unsafe: evidence/$(basename "$chat"): not a regular file" "the FIFO is named without blocking"
rm -f "$chat" && ln -s /dev/zero "$chat"
expect 1 "verify with a link to /dev/zero ends" timeout 20 "$DISPUTE" -C links verify
contains out "unsafe: evidence/$(basename "$chat"): a symbolic link" "the link to /dev/zero is named"
new_case movedev || exit 1
mkdir elsewhere && rm -rf movedev/evidence && ln -s "$SCRATCH/elsewhere" movedev/evidence
expect 1 "verify of a case whose evidence/ is a link fails" "$DISPUTE" -C movedev verify
contains out "unsafe: evidence: a symbolic link, not the case's own folder" "the linked evidence/ is named"

# Warnings leave a bag intact and name the file and line: a name that matches its
# manifest line only under Unicode normalization, a 0.97 line repeated.
BAGS=$TEST_DATA_DIR/bags
expect 0 "a bag whose name is NFD in the zip, NFC in the manifest, verifies" "$DISPUTE" verify "$BAGS/nfd.zip"
line out "warning: manifest-sha256\.txt:1: names data/café\.txt in NFC, the bag holds it in NFD; .*" \
    "verify warns of the normalization, naming the manifest and line"
line out ".*/nfd\.zip: intact, 1 payload files, 8 bytes \(BagIt 1\.0, sha256\)" "the bag is intact"
expect 0 "verify --json of the NFD bag" "$DISPUTE" verify --json "$BAGS/nfd.zip"
contains out '"schema":	"dispute-verify/2"' "verify --json has schema dispute-verify/2"
contains out '"kind":	"normalization"' "verify --json gives the warning kind"
contains out '"line":	1' "verify --json gives the warning's line"
contains out '"intact":	true' "a warning leaves the bag intact in --json"
expect 1 "a 0.97 bag with a repeated line and a conflicting one fails" "$DISPUTE" verify "$BAGS/dup-097.zip"
contains out "warning: manifest-md5.txt:3: lists data/a.txt again, with the same checksum as line 1" \
    "the repeat with the same checksum is a warning naming its line"
contains out "malformed: manifest-md5.txt: line 4 lists data/b.txt again" \
    "the repeat with another checksum is an error"

# A holey bag (fetch.txt lists a file it lacks): its own verdict and exit status, so
# that a script can tell it from an altered or incomplete one.
expect 3 "a holey bag whose payload present verifies exits 3" "$DISPUTE" verify "$BAGS/fetch.zip"
line out ".*/fetch\.zip: payload present and verified; 1 files to fetch \(3 payload files, 133 bytes verified\)" \
    "verify says the payload is verified and how many files are to be fetched"
contains out "incomplete: data/video.mp4: to be fetched from https://example.com/evidence/video.mp4" \
    "verify names the file to be fetched and where from"
expect 3 "verify --json of the holey bag exits 3" "$DISPUTE" verify --json "$BAGS/fetch.zip"
contains out '"to_fetch":	1' "verify --json counts the files to fetch"
contains out '"intact":	false' "a holey bag is not intact in --json"
mkdir holey && (cd holey && unzip -q "$BAGS/fetch.zip") || exit 1
chmod u+w holey/fetch/data/receipt.txt && printf 'changed\n' >holey/fetch/data/receipt.txt
(cd holey && zip -q -r -X ../holey-altered.zip fetch) || exit 1
expect 1 "a holey bag with an altered file exits 1" "$DISPUTE" verify holey-altered.zip
line out "holey-altered\.zip: NOT intact, [0-9]+ problem\(s\)" "an altered holey bag is not intact"
contains out "altered: data/receipt.txt" "the altered file is named"
unzip -q "$BAGS/valid-sha256.zip" -d present && printf 'https://example.com/r - data/receipt.txt\n' \
    >present/valid-sha256/fetch.txt || exit 1
expect 0 "a file fetch.txt lists that is present is judged like any other" "$DISPUTE" verify present/valid-sha256
lacks out "incomplete" "a present file is not reported as to be fetched"

# A zip cut short, as one still being copied: said so, and not an error about the file.
head -c 3000 "$ZIP" >copying.zip
expect 1 "verify of a zip cut short fails" "$DISPUTE" verify copying.zip
line out "malformed: truncated or still being copied: .*after 3000 bytes.*" \
    "verify says the zip is truncated or still being copied"
line out "copying\.zip: NOT intact, 1 problem\(s\)" "it is one problem, not a pile of missing files"
lacks out "missing:" "no file is called missing"
{ cat "$ZIP"; printf 'trailing bytes after the end record'; } >appended.zip
expect 1 "verify of a zip with bytes after its end record fails" "$DISPUTE" verify appended.zip
lacks out "truncated" "bytes appended after the end record are not taken for a cut zip"

# A problem found on a line of a tag file names the file and the line in --json too,
# apart from the detail, so that a script need not parse the English.
BAGS=$TEST_DATA_DIR/bags
expect 1 "verify --json of a bag whose manifest lists a file twice" "$DISPUTE" verify --json \
    "$BAGS/dup-10.zip"
contains out '"file":	"manifest-sha256.txt",' "the problem names the manifest"
contains out '"line":	4,' "and the line that lists the file again"
expect 1 "verify --json of a bag with a malformed bagit.txt" "$DISPUTE" verify --json \
    "$BAGS/bagit-colon.zip"
check "each of bagit.txt's two bad lines is named" test "$(grep -c '"file":	"bagit.txt"' out)" -eq 2
contains out '"line":	2,' "the second by its number"
expect 3 "verify --json of a holey bag" "$DISPUTE" verify --json "$BAGS/fetch.zip"
contains out '"file":	"fetch.txt",' "a file to fetch names the fetch.txt line that lists it"
expect 1 "verify --json of an altered dossier" "$DISPUTE" verify --json altered.zip
lacks out '"line"' "a problem found in no tag file's line names none"

finish
