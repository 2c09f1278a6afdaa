# dispute pack: the dossier's name and path, a valid zip holding a valid BagIt 1.0 bag
# (manifests, bag-info, Payload-Oxum), media stored and text deflated, reproducible
# bytes, refusal of altered or missing evidence with nothing left behind, UTF-8 names.
. "$TEST_LIB"

ROOT=dispute-6912345678901234-20261118
ZIP=$ROOT.zip

# leftovers DIR: no temporary dossier files in DIR.
no_leftovers() {
	if ls -A "$1" | grep -q 'dossier-partial'; then
		fail "$2 ($(ls -A "$1" | grep 'dossier-partial' | head -n 1) left in $1)"
	else
		pass "$2"
	fi
}

# The case is put together on 2026-10-20, so that dossiers dated after that may be packed.
SOURCE_DATE_EPOCH=1792497600
new_case c || exit 1
"$DISPUTE" -q -C c set order.product "充电宝 20000mAh" || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/no-power.mp4" \
    >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" "$EVIDENCE/invoice.pdf" \
    >/dev/null || exit 1
"$DISPUTE" -q -C c add-evidence -k communication-audio "$EVIDENCE/call.mp3" >/dev/null || exit 1
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-05 "商家拒绝退款" || exit 1
SOURCE_DATE_EPOCH=1795000000

# The default name, in the current folder; the path on stdout.
cp c/case.json before.json
expect 0 "pack" "$DISPUTE" -C c pack
printf '%s\n' "$ZIP" >want
same want out "pack prints the dossier's path"
check "the dossier is named dispute-<order.id>-<SOURCE_DATE_EPOCH date>.zip" test -f "$ZIP"
check "the dossier is written to the current folder, not the case" test ! -e "c/$ZIP"
check "the dossier is owner-only (0600)" test "$(stat -c %a "$ZIP")" = 600
# The first pack fixes the exhibit numbers it cites, and says so in case.json.
contains c/case.json '"exhibits_fixed"' "the first pack records that the exhibit numbers are fixed"
contains c/case.json '"by":	"pack"' "case.json says a pack fixed them"
cp c/case.json before.json
expect 0 "pack again" "$DISPUTE" -C c pack --force -o "$ZIP"
same before.json c/case.json "a second pack leaves case.json byte-identical"
no_leftovers . "no temporary files are left after a pack"

# A valid zip with one top folder holding the bag.
check "unzip -t passes" sh -c "unzip -t '$ZIP' >/dev/null"
unzip -Z1 "$ZIP" >names
check "every entry is under $ROOT/" sh -c "! grep -v '^$ROOT/' names"
for f in bagit.txt bag-info.txt manifest-sha256.txt tagmanifest-sha256.txt data/case.json \
    data/timeline.txt data/evidence/E01-defect.jpg data/evidence/E02-defect.mp4 \
    data/evidence/E03-chat.txt data/evidence/E04-chat.pdf \
    data/evidence/E05-communication-audio.mp3; do
	check "the zip holds $f" grep -qxF "$ROOT/$f" names
done

# Media stored as they are, text deflated.
unzip -v "$ZIP" >listing
line listing ".* Stored .* $ROOT/data/evidence/E01-defect\.jpg" "the jpg is stored"
line listing ".* Stored .* $ROOT/data/evidence/E02-defect\.mp4" "the mp4 is stored"
line listing ".* Stored .* $ROOT/data/evidence/E05-communication-audio\.mp3" "the mp3 is stored"
line listing ".* Defl:N .* $ROOT/data/case\.json" "case.json is deflated"
line listing ".* Defl:N .* $ROOT/data/evidence/E03-chat\.txt" "the chat text is deflated"
line listing ".* Defl:N .* $ROOT/manifest-sha256\.txt" "the manifest is deflated"

# The bag itself, checked with standard tools.
mkdir x && (cd x && unzip -q "../$ZIP") || exit 1
BAG=x/$ROOT
check "manifest-sha256.txt verifies with sha256sum -c" \
    sh -c "cd '$BAG' && sha256sum --quiet -c manifest-sha256.txt"
check "tagmanifest-sha256.txt verifies with sha256sum -c" \
    sh -c "cd '$BAG' && sha256sum --quiet -c tagmanifest-sha256.txt"
check "the manifest lists every file under data/" \
    test "$(wc -l <"$BAG/manifest-sha256.txt")" -eq "$(find "$BAG/data" -type f | wc -l)"
contains "$BAG/tagmanifest-sha256.txt" "  bag-info.txt" "the tag manifest covers bag-info.txt"
contains "$BAG/tagmanifest-sha256.txt" "  manifest-sha256.txt" "the tag manifest covers the manifest"
line "$BAG/bagit.txt" "BagIt-Version: 1\.0" "bagit.txt says BagIt-Version: 1.0"
line "$BAG/bagit.txt" "Tag-File-Character-Encoding: UTF-8" "bagit.txt names UTF-8"
line "$BAG/bag-info.txt" "Bagging-Date: 2026-11-18" "bag-info.txt has the Bagging-Date"
line "$BAG/bag-info.txt" "External-Identifier: 6912345678901234" \
    "bag-info.txt has the order id as External-Identifier"
contains "$BAG/bag-info.txt" "充电宝 20000mAh" "bag-info.txt names the product"
line "$BAG/bag-info.txt" "Contact-Name: 张三" "bag-info.txt names the claimant"
bytes=$(cd "$BAG" && find data -type f -exec cat {} + | wc -c)
count=$(cd "$BAG" && find data -type f | wc -l)
line "$BAG/bag-info.txt" "Payload-Oxum: $((bytes)).$((count))" "Payload-Oxum matches data/ ($((bytes)).$((count)))"
same c/case.json "$BAG/data/case.json" "the bag holds case.json exactly as on disk"
same "$EVIDENCE/no-power.mp4" "$BAG/data/evidence/E02-defect.mp4" "the bag holds the evidence bytes"
contains "$BAG/data/timeline.txt" "商家拒绝退款" "the bag holds the timeline"
expect 0 "dispute verify accepts the dossier" "$DISPUTE" verify "$ZIP"

# Same case, same date: the same bytes, even a second later.
expect 0 "pack -o a.zip" "$DISPUTE" -C c pack -o a.zip
sleep 1
expect 0 "pack -o b.zip a second later" "$DISPUTE" -C c pack -o b.zip
same a.zip b.zip "two packs with the same date are byte-identical"
same "$ZIP" a.zip "-o writes the same dossier as the default name"
expect 0 "pack -o utc.zip with TZ=UTC0" env TZ=UTC0 "$DISPUTE" -C c pack -o utc.zip
expect 0 "pack -o cst.zip with TZ=CST-8" env TZ=CST-8 "$DISPUTE" -C c pack -o cst.zip
same utc.zip cst.zip "the dossier's bytes do not depend on the time zone"

# --date and -o.
mkdir dossiers
expect 0 "pack --date 2026-11-01 -o dossiers/my.zip" "$DISPUTE" -C c pack --date 2026-11-01 -o dossiers/my.zip
printf 'dossiers/my.zip\n' >want
same want out "pack -o prints the given path"
check "the dossier is written to the -o path" test -f dossiers/my.zip
check "-o writes nothing under the default name" test ! -e dispute-6912345678901234-20261101.zip
no_leftovers dossiers "no temporary files are left in the -o folder"
unzip -Z1 dossiers/my.zip >names
check "the top folder carries the --date" grep -qxF "dispute-6912345678901234-20261101/bagit.txt" names
unzip -p dossiers/my.zip "dispute-6912345678901234-20261101/bag-info.txt" >info
line info "Bagging-Date: 2026-11-01" "bag-info.txt carries the --date"
expect 0 "pack --date 2026-10-31" "$DISPUTE" -C c pack --date 2026-10-31
printf 'dispute-6912345678901234-20261031.zip\n' >want
same want out "the default name carries the --date"
unzip -v dispute-6912345678901234-20261031.zip >listing
line listing ".* 2026-10-31 00:00 .*/bagit\.txt" "the zip entries are dated --date"
expect 2 "pack --date in the future is a usage error" "$DISPUTE" -C c pack --date 2026-11-19
contains err "in the future" "the message says the date is in the future"
expect 2 "pack --date 2026-02-30 is a usage error" "$DISPUTE" -C c pack --date 2026-02-30
expect 2 "pack with an argument is a usage error" "$DISPUTE" -C c pack extra
expect 1 "pack -o into a missing folder fails" "$DISPUTE" -C c pack -o missing/x.zip
check "no missing/ folder was made" test ! -e missing

# Altered evidence (same size): no dossier, nothing left behind, the old dossier kept.
cp c/case.json before.json
cp -p c/evidence/E01-defect.jpg E01.saved
chmod u+w c/evidence/E01-defect.jpg
printf 'X' | dd of=c/evidence/E01-defect.jpg bs=1 seek=200 conv=notrunc 2>/dev/null
rm -f "$ZIP"
expect 1 "pack refuses an altered evidence file" "$DISPUTE" -C c pack
contains err "E01-defect.jpg: changed since it was added" "the message names the altered file"
contains err "no dossier was written" "the message says no dossier was written"
check "no stdout after the refusal" test ! -s out
check "no dossier with the final name exists" test ! -e "$ZIP"
no_leftovers . "no .dossier-partial* files are left in the current folder"
no_leftovers c "no .dossier-partial* files are left in the case folder"
same before.json c/case.json "the refused pack leaves case.json byte-identical"
cp a.zip kept.zip
expect 1 "pack -o over an existing dossier refuses the altered file" "$DISPUTE" -C c pack -o kept.zip
same a.zip kept.zip "the existing dossier is left as it was"

# Altered evidence (grown by one byte).
cp E01.saved c/evidence/E01-defect.jpg && printf 'X' >>c/evidence/E01-defect.jpg
expect 1 "pack refuses a grown evidence file" "$DISPUTE" -C c pack
contains err "E01-defect.jpg: changed since it was added" "the message names the grown file"
check "no dossier after the grown file" test ! -e "$ZIP"
no_leftovers . "no temporary files after the grown file"

# Missing evidence.
cp E01.saved c/evidence/E01-defect.jpg
chmod u+w c/evidence/E02-defect.mp4 && mv c/evidence/E02-defect.mp4 E02.saved
expect 1 "pack refuses a missing evidence file" "$DISPUTE" -C c pack
contains err "E02-defect.mp4: missing" "the message names the missing file"
check "no dossier after the missing file" test ! -e "$ZIP"
no_leftovers . "no temporary files after the missing file"
mv E02.saved c/evidence/E02-defect.mp4
expect 0 "pack succeeds again once the files are restored" "$DISPUTE" -C c pack
same a.zip "$ZIP" "the restored case packs to the same bytes as before"

# No order.id.
"$DISPUTE" -q init noid && "$DISPUTE" -C noid status >/dev/null || exit 1
: >after.ls
ls -A . noid >before.ls
expect 1 "pack without order.id fails" "$DISPUTE" -C noid pack
contains err "dispute set order.id" "the message gives the dispute set order.id hint"
ls -A . noid >after.ls
same before.ls after.ls "nothing was written without order.id"

# Chinese order id and product: UTF-8 names in the zip.
mkdir zh
"$DISPUTE" -q init zhcase &&
"$DISPUTE" -q -C zhcase set order.id "订单123" &&
"$DISPUTE" -q -C zhcase set order.product "电热水壶" &&
"$DISPUTE" -q -C zhcase add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
(cd zh && "$DISPUTE" -C ../zhcase pack >../out 2>../err)
check "pack with a Chinese order id succeeds" test -f "zh/dispute-订单123-20261118.zip"
printf 'dispute-订单123-20261118.zip\n' >want
same want out "pack prints the Chinese dossier name"
unzip -l "zh/dispute-订单123-20261118.zip" >listing
contains listing "dispute-订单123-20261118/bagit.txt" "unzip -l shows the Chinese top folder"
contains listing "dispute-订单123-20261118/data/evidence/E01-defect.jpg" \
    "unzip -l shows the evidence under the Chinese folder"
unzip -p "zh/dispute-订单123-20261118.zip" "dispute-订单123-20261118/bag-info.txt" >info
line info "External-Identifier: 订单123" "bag-info.txt has the Chinese order id"
contains info "电热水壶" "bag-info.txt has the Chinese product name"
expect 0 "verify accepts the Chinese-named dossier" "$DISPUTE" verify "zh/dispute-订单123-20261118.zip"

# An order id with a slash and spaces cannot escape the folder or break the name.
"$DISPUTE" -q -C zhcase set order.id "A/B 1" || exit 1
(cd zh && "$DISPUTE" -C ../zhcase pack >../out 2>../err)
printf 'dispute-A_B_1-20261118.zip\n' >want
same want out "a slash and a space in order.id become _ in the name"
check "the dossier with the cleaned name exists" test -f zh/dispute-A_B_1-20261118.zip

# Files of several read blocks (1 MiB each; hashed on a second thread while they are
# copied and packed): a 3 MiB video, a real MP4 followed by random bytes.
"$DISPUTE" -q init big && "$DISPUTE" -q -C big set order.id 6912345678900001 || exit 1
{ cat "$EVIDENCE/no-power.mp4"; head -c 3145733 /dev/urandom; } >long.mp4
expect 0 "add-evidence takes a 3 MiB video" "$DISPUTE" -C big add-evidence -k defect long.mp4
sha256sum long.mp4 | cut -d' ' -f1 >want
"$DISPUTE" -C big show --json | sed -n 's/.*"sha256":[[:space:]]*"\([0-9a-f]*\)".*/\1/p' >got
same want got "its recorded SHA-256 is what sha256sum computes"
same long.mp4 big/evidence/E01-defect.mp4 "the kept copy is byte for byte the video"
expect 0 "pack the case with the 3 MiB video" "$DISPUTE" -C big pack -o big.zip
unzip -tq big.zip >unzip.out 2>&1
contains unzip.out "No errors detected" "unzip -t accepts the dossier"
unzip -p big.zip "dispute-6912345678900001-20261118/data/evidence/E01-defect.mp4" >unzipped.mp4
same long.mp4 unzipped.mp4 "the video comes out of the dossier unchanged"
expect 0 "verify accepts the dossier with the 3 MiB video" "$DISPUTE" verify big.zip
chmod u+w big/evidence/E01-defect.mp4
printf 'X' | dd of=big/evidence/E01-defect.mp4 bs=1 seek=2621440 conv=notrunc 2>/dev/null
expect 1 "pack refuses a byte changed in the third block" "$DISPUTE" -C big pack -o big2.zip
contains err "E01-defect.mp4: changed since it was added" "the message names the changed video"
check "no dossier after the change in the third block" test ! -e big2.zip
no_leftovers . "no temporary files after the change in the third block"

# -o never replaces what is not a plain file of the user's.
printf 'mine\n' >taken.zip
expect 1 "pack -o over an existing file is refused" "$DISPUTE" -C c pack -o taken.zip
contains err "taken.zip: exists; give --force to replace it" "the refusal says how to replace it"
check "the existing file is untouched" test "$(cat taken.zip)" = mine
check "no timestamp request either" test ! -e taken.tsq
printf 'old request\n' >renewed.tsq
expect 0 "pack -o beside a stale request" "$DISPUTE" -C c pack -o renewed.zip
check "the stale request is renewed with the zip" sh -c '! grep -q "old request" renewed.tsq'
ln -s "$SCRATCH/elsewhere.tsq" linked-req.tsq
expect 1 "pack -o whose request would replace a link is refused" "$DISPUTE" -C c pack -o linked-req.zip
check "nothing was written" sh -c 'test ! -e linked-req.zip && test ! -e elsewhere.tsq'
expect 0 "pack -o --force replaces it" "$DISPUTE" -C c pack -o taken.zip --force
expect 0 "the replaced file is the dossier" "$DISPUTE" verify taken.zip
ln -s "$SCRATCH/elsewhere.zip" linked.zip
expect 1 "pack -o onto a symbolic link is refused" "$DISPUTE" -C c pack -o linked.zip --force
contains err "linked.zip: is a symbolic link" "the refusal names the link"
check "the link is still a link, its target not created" sh -c 'test -L linked.zip && test ! -e elsewhere.zip'
for own in c/case.json c/.dispute.lock ./c/../c/case.json "$(ls c/evidence/E01-*)"; do
	before=$(sha256sum "$own" | cut -d' ' -f1)
	expect 1 "pack -o $own is refused" "$DISPUTE" -C c pack -o "$own" --force
	check "$own is unchanged" test "$(sha256sum "$own" | cut -d' ' -f1)" = "$before"
done
expect 1 "draft -o case.json is refused" "$DISPUTE" -C c draft evidence-list -o c/case.json --force
contains err "is one of the case's own files" "the draft refusal says why"
expect 0 "show works after the refusals" "$DISPUTE" -C c show --json
mkdir adir
expect 1 "pack -o onto a folder is refused" "$DISPUTE" -C c pack -o adir
# Written through, never replaced: /dev/null, standard output, a FIFO.
expect 0 "pack -o /dev/null" "$DISPUTE" -C c pack -o /dev/null
check "/dev/null is still a character device" test -c /dev/null
"$DISPUTE" -C c pack -o - >streamed.zip 2>err
check "pack -o - exits 0" test $? -eq 0
contains err "no timestamp request was written" "pack -o - says there is no timestamp request"
expect 0 "the zip streamed to stdout verifies" "$DISPUTE" verify streamed.zip
mkfifo pipe.zip
cat pipe.zip >from-fifo.zip &
reader=$!
expect 0 "pack -o FIFO" "$DISPUTE" -C c pack -o pipe.zip
wait "$reader"
check "the FIFO is still a FIFO" test -p pipe.zip
expect 0 "the zip read from the FIFO verifies" "$DISPUTE" verify from-fifo.zip

# An interrupted pack leaves no partial dossier: TERM while the finished zip waits for
# the FIFO's reader (its partial file then exists for sure), and after KILL the next
# pack removes the partial that is left. A background job of a script starts with
# SIGINT ignored, which pack rightly keeps: env --default-signal gives it the default.
mkdir tmp && rm -f pipe.zip && mkfifo pipe.zip
# wait_for_partial: until the zip in ./tmp has bytes, that is, pack has written it and
# waits for the FIFO's reader (at most 60 s: under valgrind pack is slow).
wait_for_partial() {
	for _ in $(seq 1200); do
		[ -n "$(find tmp -name '.dossier-partial*' -size +0 2>/dev/null)" ] && return
		sleep 0.05
	done
}
for sig in TERM INT HUP; do
	env --default-signal=INT TMPDIR="$SCRATCH/tmp" "$DISPUTE" -C c pack -o pipe.zip >/dev/null 2>&1 &
	pid=$!
	wait_for_partial
	check "SIG$sig: the partial dossier exists while pack waits" \
	    sh -c '[ -n "$(find tmp -name ".dossier-partial*" -size +0)" ]'
	kill -"$sig" "$pid"
	timeout 60 sh -c 'while kill -0 "$1" 2>/dev/null; do sleep 0.05; done' sh "$pid"
	check "SIG$sig ends pack" sh -c '! kill -0 "$1" 2>/dev/null' sh "$pid"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid"
	check "SIG$sig ends pack by the signal" test $? -gt 128
	no_leftovers tmp "SIG$sig removes the partial dossier"
done
env TMPDIR="$SCRATCH/tmp" "$DISPUTE" -C c pack -o pipe.zip >/dev/null 2>&1 &
pid=$!
wait_for_partial
kill -KILL "$pid"
wait "$pid"
check "KILL leaves the partial dossier behind" sh -c 'ls -A tmp | grep -q dossier-partial'
env TMPDIR="$SCRATCH/tmp" "$DISPUTE" -C c pack -o - >/dev/null 2>&1
no_leftovers tmp "the next pack removes the partial a KILL left"
# A partial that another pack holds locked is not touched.
head -c 100 /dev/urandom >.dossier-partial.zip.held
head -c 100 /dev/urandom >.dossier-partial.zip.gone
flock .dossier-partial.zip.held sleep 5 &
holder=$!
sleep 0.2
expect 0 "pack beside a held and an abandoned partial" "$DISPUTE" -C c pack -o beside.zip
check "the abandoned partial is removed" test ! -e .dossier-partial.zip.gone
check "the partial another pack holds stays" test -e .dossier-partial.zip.held
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
rm -f .dossier-partial.zip.held

finish
