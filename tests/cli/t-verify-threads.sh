# dispute verify on 1, 2 and 8 hashing threads: the same report, byte for byte, and the
# same exit status, for good and altered bags, zipped (stored, deflated and bzip2
# entries) and as folders; --threads and DISPUTE_THREADS refuse what is not a count as
# usage errors.
. "$TEST_LIB"

ROOT=dispute-6912345678901234-20261118
ZIP=$ROOT.zip

# flip FILE OFFSET: changes one byte of FILE at OFFSET, keeping its size.
flip() {
	chmod u+w "$1"
	printf 'X' | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

new_case c || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/no-power.mp4" \
    >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" >/dev/null || exit 1
"$DISPUTE" -q -C c pack >/dev/null || exit 1
mkdir dossier && (cd dossier && unzip -q "../$ZIP") || exit 1

# A bag of 40 files of many sizes under two manifests, then the same bag with files
# altered, missing and extra, so that many problems come from many threads at once.
mkdir -p many/data/sub
i=1
while [ $i -le 40 ]; do
	head -c $((i * i * 400)) /dev/urandom >"many/data/sub/f$i.bin"
	i=$((i + 1))
done
(cd many && printf 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n' >bagit.txt &&
    find data -type f | sort | xargs md5sum >manifest-md5.txt &&
    find data -type f | sort | xargs sha256sum >manifest-sha256.txt) || exit 1
cp -R many broken
for n in 3 17 29 40; do
	flip "broken/data/sub/f$n.bin" 500
done
rm broken/data/sub/f11.bin broken/data/sub/f23.bin
printf 'late\n' >broken/data/sub/added.txt
(zip -q -r -X -0 many-stored.zip many && zip -q -r -X many-deflated.zip many &&
    zip -q -r -X -0 broken-stored.zip broken && zip -q -r -X broken-deflated.zip broken) || exit 1
# bzip2 entries are read through libzip, one thread at a time, while others hash.
zip -q -r -X -Z bzip2 broken-bzip2.zip broken || exit 1
# One byte of an entry's data changed inside the zip: stored, the CRC-32 check fails;
# deflated, the CRC or the inflater does.
cp many-stored.zip crc.zip
cp many-deflated.zip crc-deflated.zip
python3 - crc.zip crc-deflated.zip <<'PY' || exit 1
import sys, zipfile
for path in sys.argv[1:]:
    info = zipfile.ZipFile(path).getinfo("many/data/sub/f30.bin")
    data = bytearray(open(path, "rb").read())
    n, e = data[info.header_offset + 26], data[info.header_offset + 28]
    data[info.header_offset + 30 + n + e + 500] ^= 1
    open(path, "wb").write(data)
PY

# across TITLE WANT TARGET [OPTIONS...]: verify TARGET with 1, 2 and 8 threads exits WANT
# each time and prints the same stdout and stderr.
across() {
	title=$1 want=$2
	shift 2
	for n in 1 2 8; do
		expect "$want" "$title: exit $want with DISPUTE_THREADS=$n" \
		    env DISPUTE_THREADS=$n "$DISPUTE" verify "$@"
		mv out "out.$n"
		mv err "err.$n"
	done
	same out.1 out.2 "$title: the same report on 1 and 2 threads"
	same out.1 out.8 "$title: the same report on 1 and 8 threads"
	same err.1 err.2 "$title: the same messages on 1 and 2 threads"
	same err.1 err.8 "$title: the same messages on 1 and 8 threads"
}

across "the dossier" 0 "$ZIP"
contains out.8 "intact" "the dossier is intact on 8 threads"
across "the dossier, --json" 0 --json "$ZIP"
across "the unzipped dossier" 0 "dossier/$ROOT"
across "a 40-file bag folder" 0 many
across "the bag zipped stored" 0 many-stored.zip
across "the bag zipped deflated" 0 many-deflated.zip
contains out.8 "intact, 40 payload files" "the deflated bag is intact on 8 threads"
across "the altered bag folder" 1 broken
across "the altered bag zipped stored" 1 broken-stored.zip
across "the altered bag zipped deflated, --json" 1 --json broken-deflated.zip
across "the altered bag zipped stored, --json" 1 --json broken-stored.zip
across "the altered bag zipped with bzip2" 1 broken-bzip2.zip
expect 1 "the altered bag on 8 threads" env DISPUTE_THREADS=8 "$DISPUTE" verify broken-stored.zip
line out "altered: data/sub/f17\.bin: md5 checksum differs \(manifest-md5\.txt\); sha256 checksum differs \(manifest-sha256\.txt\)" \
    "an altered file is named with both of its checksums"
line out "missing: data/sub/f23\.bin: .*" "a missing file is named"
line out "extra: data/sub/added\.txt: .*" "the extra file is named"
line out "broken-stored\.zip: NOT intact, 7 problem\(s\)" "4 altered, 2 missing and 1 extra"
cp out broken.out
across "a stored entry with a bad CRC" 1 crc.zip
contains out.8 "malformed: data/sub/f30.bin: cannot read: CRC error" \
    "the damaged stored entry fails its CRC check on 8 threads"
across "a deflated entry with a changed byte" 1 crc-deflated.zip
contains out.8 "malformed: data/sub/f30.bin: cannot read: " \
    "the damaged deflated entry cannot be read on 8 threads"
# The option and the variable say the same, and the option wins.
expect 1 "--threads 1" "$DISPUTE" verify --threads 1 broken-stored.zip
same out broken.out "--threads 1 reports what DISPUTE_THREADS=8 did"
expect 1 "--threads 2 wins over DISPUTE_THREADS=junk" \
    env DISPUTE_THREADS=junk "$DISPUTE" verify --threads 2 broken-stored.zip
same out broken.out "--threads 2 reports the same"
expect 0 "an empty DISPUTE_THREADS is one per core" env DISPUTE_THREADS= "$DISPUTE" verify "$ZIP"
expect 0 "the case folder verifies with --threads" "$DISPUTE" -C c verify --threads 2

# What is not a count from 1 to 64 is refused before anything is read.
for bad in 0 -1 65 abc 2x "" " 2"; do
	expect 2 "--threads '$bad' is a usage error" "$DISPUTE" verify --threads "$bad" "$ZIP"
	contains err "--threads: \"$bad\" is not a whole number from 1 to 64" \
	    "--threads '$bad': the message says what is wanted"
	lacks out "intact" "--threads '$bad': nothing is judged"
done
for bad in 0 100 many; do
	expect 2 "DISPUTE_THREADS=$bad is a usage error" \
	    env DISPUTE_THREADS=$bad "$DISPUTE" verify "$ZIP"
	contains err "DISPUTE_THREADS: \"$bad\" is not a whole number from 1 to 64" \
	    "DISPUTE_THREADS=$bad: the message names the variable"
done
expect 2 "--threads without a value is a usage error" "$DISPUTE" verify "$ZIP" --threads
expect 0 "dispute help verify documents --threads" "$DISPUTE" help verify
contains out "--threads N" "the help shows --threads N"
contains out "DISPUTE_THREADS" "the help names DISPUTE_THREADS"

finish
