#!/bin/sh
# pack --public with order and chat screenshots: each read (the reading `dispute read`
# kept, or read now), the boxes holding the buyer's name, phone and address, the full
# order number and other people's phone numbers filled solid black in a PNG copy
# without metadata; sources.txt ties each copy to its original's SHA-256 and says what
# was covered; read back by the same OCR, the copy shows none of it; a screenshot read
# with too little confidence is left out with a warning, and one that cannot be covered
# stops the public copy.
. "$TEST_LIB"
. "$(dirname "$TEST_LIB")/../screens/make.sh"

screen_order order.png
screen_chat chat.png
screen_blurred blurred.png
"$DISPUTE" -q init c
set_all c claimant.name "$SCREEN_BUYER" claimant.phone "$SCREEN_BUYER_PHONE" \
    claimant.address "$SCREEN_BUYER_ADDRESS" merchant.shop "$SCREEN_SHOP" case.platform douyin \
    order.id "$SCREEN_ORDER_ID" order.product 充电宝 order.amount 199.00 order.date 2026-09-28 \
    problem.category quality problem.description 无法充电 demand.text 退货退款
"$DISPUTE" -q -C c add-evidence -k order order.png >/dev/null
"$DISPUTE" -q -C c add-evidence -k chat chat.png >/dev/null
"$DISPUTE" -q -C c add-evidence -k order blurred.png >/dev/null
# The order page's reading is kept; the chat is read while packing.
"$DISPUTE" -q -C c read E01 >/dev/null

mkdir outdir outdir3
expect 0 "pack --public" "$DISPUTE" -C c pack --public -o outdir/full.zip
PUBLIC=outdir/dispute-6938____6102-20261118-public.zip
check "the public copy exists" test -f "$PUBLIC"
contains err "warning: E03: its text was read with confidence 0, too low to be sure that no private data shows; left out of the public copy" \
    "the screenshot that cannot be read is left out, with a warning"
expect 0 "the public copy verifies" "$DISPUTE" verify "$PUBLIC"
unzip -Z1 "$PUBLIC" >names
contains names "data/screens/E01-order.png" "the order page is in it"
contains names "data/screens/E02-chat.png" "and the chat"
lacks names "E03" "not the blurred page"
lacks names "data/evidence" "no original is in it"
same order.png c/evidence/E01-order.png "the original stays byte-identical"

rm -rf pub && mkdir pub && (cd pub && unzip -q "../$PUBLIC")
sources=$(echo pub/*/data/sources.txt)
sha1=$(sha256sum order.png | cut -d' ' -f1)
sha2=$(sha256sum chat.png | cut -d' ' -f1)
contains "$sources" "screens/E01-order.png	E01	$sha1	" "sources.txt ties the order page's copy to its original"
contains "$sources" "screens/E02-chat.png	E02	$sha2	" "and the chat's"
grep "^screens/E01" "$sources" >line1
for what in 完整订单号 买家电话 地址 买家姓名; do
	contains line1 "$what" "sources.txt says the order page's $what was covered"
done
grep "^screens/E02" "$sources" >line2
contains line2 "买家电话" "and the chat's buyer's phone"
contains line2 "他人电话" "and the other phone number in the chat"
contains "$sources" "实心黑块遮盖" "the header says how they were covered"

# No metadata: only the chunks that describe pixels.
for f in pub/*/data/screens/*.png; do
	python3 - "$f" >chunks <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
at = 8
while at < len(data):
    n, kind = struct.unpack(">I4s", data[at:at + 8])
    print(kind.decode())
    at += 12 + n
PY
	check "$(basename "$f") holds only pixel chunks" sh -c \
	    '! grep -qvxE "IHDR|PLTE|IDAT|IEND|tRNS|gAMA|cHRM|sRGB|sBIT|bKGD" chunks'
done

# Read back by the same OCR, the copies show none of the covered values, and still
# show the rest.
"$DISPUTE" -q init back
"$DISPUTE" -q -C back add-evidence -k order pub/*/data/screens/E01-order.png >/dev/null
"$DISPUTE" -q -C back add-evidence -k chat pub/*/data/screens/E02-chat.png >/dev/null
expect 0 "read the copies back" "$DISPUTE" -q -C back read --json
python3 -c '
import json, sys
for r in json.load(open("out"))["items"]:
    for l in r["lines"]:
        print(l["text"].replace(" ", ""))' >back.txt
for value in "$SCREEN_ORDER_ID" "$SCREEN_BUYER_PHONE" "$SCREEN_OTHER_PHONE" 建国路 朝阳区 \
    "$SCREEN_BUYER" 6938472 1381234 1398765; do
	lacks back.txt "$value" "read back, the copies do not show $value"
done
contains back.txt "$SCREEN_REFUSAL" "the merchant's refusal still reads"
contains back.txt "2026-09-28" "and the order date"
contains back.txt "$SCREEN_SHOP" "and the shop"

# A chat screenshot stored on its side (EXIF orientation 6): read upright, covered
# upright, published upright.
if command -v exiftool >/dev/null; then
	convert chat.png -rotate -90 -quality 95 side.jpg
	exiftool -q -overwrite_original -Orientation#=6 -n side.jpg
	"$DISPUTE" -q -C c add-evidence -k chat side.jpg >/dev/null
	expect 0 "pack --public with a screenshot stored on its side" "$DISPUTE" -C c pack \
	    --public -o outdir3/full.zip --force
	unzip -p outdir3/*-public.zip "*/data/screens/E04-chat.png" >side-copy.png
	check "the copy is upright" test "$(identify -format %wx%h side-copy.png)" = 1080x2400
	"$DISPUTE" -q init side
	"$DISPUTE" -q -C side add-evidence -k chat side-copy.png >/dev/null
	"$DISPUTE" -q -C side read --json >side.json
	python3 -c '
import json
for r in json.load(open("side.json"))["items"]:
    for l in r["lines"]:
        print(l["text"].replace(" ", ""))' >side.txt
	lacks side.txt "$SCREEN_BUYER_PHONE" "read back, it does not show the buyer's phone"
	lacks side.txt "$SCREEN_OTHER_PHONE" "nor the other phone number"
	contains side.txt "$SCREEN_REFUSAL" "and still shows the refusal"
else
	echo "# exiftool is not installed: the screenshot stored on its side is not tested"
fi

# A screenshot that cannot be covered stops the public copy: it is never published
# as it is.
mkdir helpers
printf '#!/bin/sh\nkill -SEGV $$\n' >helpers/dispute-image
chmod +x helpers/dispute-image
mkdir outdir2
expect 1 "pack --public with an image helper that crashes" env DISPUTE_HELPERDIR="$PWD/helpers" \
    "$DISPUTE" -C c pack --public -o outdir2/full.zip
contains err "cannot be covered for the public copy" "the error says so"
check "no public copy is written" sh -c '! ls outdir2/*public* 2>/dev/null'

finish
