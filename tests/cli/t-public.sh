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

# Photos as phones and hostile files make them (the review's public-leak): a real
# progressive JPEG carrying a position and a phone number after EOI, in a JFXX APP0 and
# in a comment between its scans. The copy holds none of it and decodes to the same
# pixels.
SECRET="GPS 31.2304N 121.4737E owner 13912345678"
convert -size 40x40 gradient:red-blue -quality 90 -interlace JPEG progressive.jpg
check "ImageMagick made a progressive JPEG" \
	sh -c '[ "$(identify -format %[interlace] progressive.jpg)" = JPEG ]'
python3 - "$SECRET" <<'EOF'
import sys
secret = sys.argv[1].encode()
d = open("progressive.jpg", "rb").read()
def segment(marker, body):
    return bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body
assert d[2:4] == b"\xff\xe0"  # ImageMagick's JFIF header
jfif_end = 4 + int.from_bytes(d[4:6], "big")
# The marker that ends the first scan's entropy-coded data: the next scan's tables.
i = d.index(b"\xff\xda")
i += 2 + int.from_bytes(d[i + 2:i + 4], "big")
while not (d[i] == 0xFF and d[i + 1] != 0 and not 0xD0 <= d[i + 1] <= 0xD7):
    i += 1
assert d[i + 1] in (0xC4, 0xDA), hex(d[i + 1])
hostile = (d[:jfif_end] + segment(0xE0, b"JFXX\0\x10" + secret) + d[jfif_end:i] +
           segment(0xFE, secret) + d[i:] + b"\0\0\0\x18ftypmp42" + secret)
open("hostile.jpg", "wb").write(hostile)
EOF
check "the hostile photo holds the secret three times" \
	sh -c '[ "$(grep -aoF "$1" hostile.jpg | wc -l)" -eq 3 ]' sh "$SECRET"
"$DISPUTE" -q -C c add-evidence -k defect hostile.jpg >/dev/null || exit 1
mkdir outdir2
expect 0 "pack --public with the hostile photo" "$DISPUTE" -C c pack --public -o outdir2/full.zip
unzip -p outdir2/dispute-6912____1234-20261118-public.zip "*/data/photos/E05-defect.jpg" \
	>hostile-copy.jpg
lacks hostile-copy.jpg "GPS 31.2304N" "no position in the copy of the hostile photo"
lacks hostile-copy.jpg "13912345678" "no phone number in it"
lacks hostile-copy.jpg "ftypmp42" "nothing after EOI"
lacks hostile-copy.jpg "JFXX" "no JFXX"
convert progressive.jpg ppm:- >progressive.ppm
convert hostile-copy.jpg ppm:- >copy.ppm
same progressive.ppm copy.ppm "the copy decodes to the progressive JPEG's pixels"
check "it is still progressive" \
	sh -c '[ "$(identify -format %[interlace] hostile-copy.jpg)" = JPEG ]'

# A portrait photo from a phone: landscape pixels, left half red, right half blue, and
# EXIF orientation 6 (written here after SOI, as a phone does). Stripped of its tag it
# would be published on its side, so its copy is turned upright: 20x40, red on top,
# still without EXIF.
convert -size 20x20 xc:red -size 20x20 xc:blue +append -quality 95 landscape.jpg
python3 - <<'EOF'
d = open("landscape.jpg", "rb").read()
# APP1 "Exif", a little-endian TIFF header, IFD0 with one entry: Orientation (274) = 6.
tiff = (b"II*\0" + (8).to_bytes(4, "little") + (1).to_bytes(2, "little") +
        (274).to_bytes(2, "little") + (3).to_bytes(2, "little") +
        (1).to_bytes(4, "little") + (6).to_bytes(4, "little") + bytes(4))
app1 = b"\xff\xe1" + (len(tiff) + 8).to_bytes(2, "big") + b"Exif\0\0" + tiff
open("portrait.jpg", "wb").write(d[:2] + app1 + d[2:])
EOF
check "the portrait photo says orientation 6" \
	sh -c '[ "$(identify -format %[orientation] portrait.jpg)" = RightTop ]'
check "and is stored 40x20" sh -c '[ "$(identify -format %wx%h portrait.jpg)" = 40x20 ]'
"$DISPUTE" -q -C c add-evidence -k defect portrait.jpg >/dev/null || exit 1
mkdir outdir3
expect 0 "pack --public with the portrait photo" "$DISPUTE" -C c pack --public -o outdir3/full.zip
unzip -p outdir3/dispute-6912____1234-20261118-public.zip "*/data/photos/E06-defect.jpg" \
	>portrait-copy.jpg
check "the portrait copy is upright: 20x40" \
	sh -c '[ "$(identify -format %wx%h portrait-copy.jpg)" = 20x40 ]'
check "red on top, blue below" sh -c '
	top=$(convert portrait-copy.jpg -crop 20x20+0+0 -resize 1x1 -format "%[fx:int(255*r)] %[fx:int(255*b)]" info:)
	bottom=$(convert portrait-copy.jpg -crop 20x20+0+20 -resize 1x1 -format "%[fx:int(255*r)] %[fx:int(255*b)]" info:)
	[ "${top% *}" -gt 200 ] && [ "${top#* }" -lt 60 ] && [ "${bottom% *}" -lt 60 ] && [ "${bottom#* }" -gt 200 ]'
lacks portrait-copy.jpg "Exif" "the upright copy has no EXIF"
check "and no orientation left to apply twice" \
	sh -c '[ "$(identify -format %[orientation] portrait-copy.jpg)" = Undefined ]'
unzip -p outdir3/dispute-6912____1234-20261118-public.zip "*/data/photos/E01-defect.jpg" \
	>unturned-copy.jpg
same pub/*/data/photos/E01-defect.jpg unturned-copy.jpg \
	"a photo that needs no turning is copied as before, its pixels byte for byte"
unzip -p outdir3/dispute-6912____1234-20261118-public.zip "*/data/sources.txt" >sources3
contains sources3 "turned upright and" "sources.txt says such photos are encoded again"

# The post, with the buyer's private facts typed as people type them (the review's
# public-leak): full-width and spaced digits, the order number with separators, the ID
# number with a lowercase x, and the address without its province.
new_case p
for fact in "case.platform douyin" "merchant.shop 闪充数码旗舰店" "order.product 移动电源" \
    "problem.category quality" "claimant.phone 13912345678" "claimant.id_number 11010519491231002X" \
    "claimant.address 四川省成都市武侯区人民南路四段1号" "demand.text 退货退款" "order.id 6920451873301942"; do
	# shellcheck disable=SC2086
	"$DISPUTE" -q -C p set $fact || exit 1
done
"$DISPUTE" -q -C p set problem.description "充电后无法开机。请回电１３９１２３４５６７８或1 3 9 1 2 3 4 5 6 7 8，订单6920-4518-7330-1942（也写作692045187330 1942），身份证11010519491231002x，住成都市武侯区人民南路四段1号。" || exit 1
"$DISPUTE" -q -C p add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
mkdir outdir4
expect 0 "pack --public with private facts in the description" \
	"$DISPUTE" -C p pack --public -o outdir4/full.zip
contains err "masked" "the masking is warned about"
unzip -p outdir4/dispute-6920____1942-20261118-public.zip "*/data/post.txt" >post
lacks post "１３９１２３４５６７８" "no full-width phone number in the post"
lacks post "1 3 9 1 2 3 4 5 6 7 8" "no phone number spaced digit by digit"
lacks post "6920-4518-7330-1942" "no order number with hyphens"
lacks post "692045187330 1942" "no order number with a space"
lacks post "110105" "no ID number with a lowercase x, not even in part"
lacks post "人民南路" "no address written without its province"
contains post "请回电***或***，订单6920****1942（也写作6920****1942），身份证***，住***。" \
	"each mask stands in its place, the order number in its masked form"
check "the post is valid UTF-8" iconv -f UTF-8 -t UTF-8 -o /dev/null post

"$DISPUTE" -q init bare || exit 1
"$DISPUTE" -q -C bare set order.id 555555555 || exit 1
expect 1 "pack --public without the post's facts is refused" "$DISPUTE" -C bare pack --public -o bare.zip
contains err "dispute set merchant.shop" "the refusal lists the missing facts"

finish
