# pack --public: a second, separate bag with only what may be shown: the public post and
# the defect photos without metadata, each tied to its original's SHA-256; the buyer's
# phone, ID number and address appear nowhere in it; the originals stay untouched.
. "$TEST_LIB"

new_case c
for fact in "case.platform douyin" "merchant.shop 闪充数码旗舰店" "order.product 移动电源" \
    "problem.category quality" "claimant.phone 13912345678" "claimant.id_number 11010519491231002X" \
    "claimant.address 北京市朝阳区幸福路12号" "demand.text 退货退款"; do
	# shellcheck disable=SC2086
	"$DISPUTE" -q -C c set $fact || exit 1
done
"$DISPUTE" -q -C c set problem.description "充电后无法开机，请联系13912345678" || exit 1
# camera-photo.jpg carries EXIF with GPS; chat and order files must stay out.
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/camera-photo.jpg" "$EVIDENCE/no-power.mp4" >/dev/null
"$DISPUTE" -q -C c add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" >/dev/null
cp c/evidence/E01-defect.jpg original.jpg

mkdir outdir
expect 0 "pack --public" "$DISPUTE" -C c pack --public -o outdir/full.zip
PUBLIC=outdir/dispute-6912____1234-20261118-public.zip
contains out "outdir/full.zip" "stdout names the dossier"
contains out "$PUBLIC" "stdout names the public copy, beside the dossier"
check "the public copy exists" test -f "$PUBLIC"
expect 0 "the public copy is a valid bag" "$DISPUTE" verify "$PUBLIC"
unzip -Z1 "$PUBLIC" >names
contains names "data/post.txt" "the public copy has the post"
contains names "data/photos/E01-defect.jpg" "the defect photo is in it"
contains names "data/sources.txt" "and the list of sources"
lacks names "no-power.mp4" "videos stay out (their metadata cannot be removed)"
lacks names "order" "screenshots stay out"
lacks names "chat" "chat logs stay out"
lacks names "case.json" "the case record stays out"

rm -rf pub && mkdir pub && (cd pub && unzip -q "../$PUBLIC")
cat pub/*/data/* pub/*/*.txt >everything
lacks everything "13912345678" "the phone number appears nowhere"
lacks everything "11010519491231002X" "the ID number appears nowhere"
lacks everything "幸福路" "the address appears nowhere"
lacks everything "6912345678901234" "the full order number appears nowhere"
lacks everything "张三" "the buyer's name appears nowhere"
check "the photo copy has no EXIF" sh -c '! grep -q Exif pub/*/data/photos/E01-defect.jpg'
check "the photo copy has no camera model" sh -c '! grep -q Redmi pub/*/data/photos/E01-defect.jpg'
check "the original had both" sh -c 'grep -q Exif original.jpg && grep -q Redmi original.jpg'
same original.jpg c/evidence/E01-defect.jpg "the evidence copy is untouched"
check "the original is byte-identical to the file given" cmp -s original.jpg "$EVIDENCE/camera-photo.jpg"
grep -v '^#' pub/*/data/sources.txt >sources
sha=$(sha256sum "$EVIDENCE/camera-photo.jpg" | cut -c1-64)
contains sources "photos/E01-defect.jpg	E01	$sha" "sources.txt maps the copy to the original's SHA-256"
unzip -p outdir/full.zip "*/manifest-sha256.txt" >full-manifest
contains full-manifest "$sha  data/evidence/E01-defect.jpg" "that SHA-256 is the full dossier's"

"$DISPUTE" -q init bare || exit 1
"$DISPUTE" -q -C bare set order.id 555555555 || exit 1
expect 1 "pack --public without the post's facts is refused" "$DISPUTE" -C bare pack --public -o bare.zip
contains err "dispute set merchant.shop" "the refusal lists the missing facts"

finish
