#!/bin/sh
# dispute read: screenshots read offline into derived files bound to their originals,
# the originals untouched, chat screenshots turned into quotable lines, exported chat
# logs in GB18030 copied into UTF-8, and the derived files in the dossier's manifest.
. "$TEST_LIB"
. "$(dirname "$TEST_LIB")/../screens/make.sh"

screen_order order.png
screen_chat chat.png
"$DISPUTE" -q init c
"$DISPUTE" -q -C c add-evidence -k order order.png
"$DISPUTE" -q -C c add-evidence -k chat chat.png
"$DISPUTE" -q -C c add-evidence -k defect order.png 2>/dev/null ||
    "$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg"

expect 0 "read reads every order and chat item" "$DISPUTE" -C c read
contains err "E01: derived/E01-order.ocr.json, " "it names the order's derived file"
contains err "E02: derived/E02-chat.ocr.json, " "and the chat's"
lacks err "E03" "a defect photo is not read"
check "the derived file is there, read-only" test -f c/derived/E01-order.ocr.json -a \
    ! -w c/derived/E01-order.ocr.json -o "$(id -u)" = 0
same order.png c/evidence/E01-order.png "the original is byte-identical to what was added"
sha=$(sha256sum c/evidence/E01-order.png | cut -d' ' -f1)
contains c/derived/E01-order.ocr.json "\"source_sha256\":\"$sha\"" \
    "the derived file is bound to its original's SHA-256"
contains c/derived/E01-order.ocr.json '"source":"evidence/E01-order.png"' "and names it"
contains c/derived/E01-order.ocr.json "6938472910384756102" "the order number was read"
derived_sha=$(sha256sum c/derived/E01-order.ocr.json | cut -d' ' -f1)
contains c/case.json "\"sha256\":	\"$derived_sha\"" "case.json records the derived file's SHA-256"

# The chat's lines, each with its speaker and time.
contains c/case.json '"text":	"该商品已拆封使用，不支持退货退款"' "the merchant's refusal is quoted"
python3 - c/case.json >quotes <<'PY'
import json, sys
for q in json.load(open(sys.argv[1]))["evidence"][1]["quotes"]:
    print(q["speaker"], q.get("time", "-"), q["text"], "refusal" if q.get("refusal") else "")
PY
contains quotes "merchant 2026-10-05 14:32 该商品已拆封使用，不支持退货退款 refusal" \
    "the refusal is the merchant's, at the time shown above it, and marked as a refusal"
contains quotes "buyer 2026-10-05 14:30 收到的充电宝无法充电，我要退货退款" \
    "the buyer's two lines of one bubble make one quote"
contains quotes "merchant 2026-10-05 14:30 亲，请提供订单号和联系电话" \
    "the merchant's first answer is the merchant's"
lacks quotes "客服" "the window's title is not a quote"
lacks quotes "请输入消息" "nor the input bar"

# The drafts quote the merchant's refusal, citing the chat by its evidence number.
set_all c claimant.name 张三 claimant.phone 13812345678 claimant.id_number 11010519491231002X \
    claimant.address 北京市朝阳区建国路88号 merchant.shop "$SCREEN_SHOP" \
    merchant.company "$SCREEN_COMPANY" merchant.credit_code "$SCREEN_CODE" \
    merchant.address "$SCREEN_ADDRESS" merchant.representative "$SCREEN_REPRESENTATIVE" \
    case.platform douyin case.court 北京互联网法院 order.id "$SCREEN_ORDER_ID" \
    order.product 充电宝 order.amount 199.00 order.date 2026-09-28 problem.category quality \
    problem.description 无法充电 demand.text 退货退款
reply="商家于2026年10月5日答复称：“${SCREEN_REFUSAL}”（证据2）。"
expect 0 "draft complaint --to platform" "$DISPUTE" -C c draft complaint --to platform
contains out "$reply" "the platform complaint quotes the refusal with its date and exhibit"
expect 0 "draft complaint --to court" "$DISPUTE" -C c draft complaint --to court
contains out "   $reply" "so does the court complaint, under the negotiation"
check "which no longer says there was no negotiation" \
    sh -c 'grep -A1 "^7. 催告与协商" out | tail -n 1 | grep -qF "$1"' sh "$reply"
expect 0 "draft complaint --to court --lang en" "$DISPUTE" -C c draft complaint --to court \
    --lang en
contains out "The merchant replied on 2026-10-05: \"$SCREEN_REFUSAL\" (Exhibit 2)." \
    "and the English one"

expect 0 "read --json" "$DISPUTE" -q -C c read --json E02
check "--json is an array with the item's lines" python3 -c '
import json, sys
r = json.load(open("out"))
assert r["schema"] == "dispute-read/1"
r = r["items"]
assert r[0]["id"] == "E02" and r[0]["reading"]["method"] == "ocr"
assert any("不支持退货退款" in l["text"] for l in r[0]["lines"])'

"$DISPUTE" -q init empty
expect 0 "read a case with nothing to read" "$DISPUTE" -C empty read
contains err "nothing was read" "it says so"
check "and prints nothing on stdout" test ! -s out

# Refusals, before anything is read.
cp c/case.json before.json
expect 1 "an unknown item is refused" "$DISPUTE" -C c read E09
contains err "E09: no such evidence item" "the refusal names it"
expect 1 "a defect photo is refused" "$DISPUTE" -C c read E03
contains err "E03: defect evidence is not read" "the refusal says why"
same before.json c/case.json "case.json is untouched by a refusal"

# A reader that fails is an error; one that crashes on a picture costs that picture.
mkdir helpers
printf '#!/bin/sh\necho "dispute-ocr: broken on purpose" >&2\nexit 1\n' >helpers/dispute-ocr
chmod +x helpers/dispute-ocr
cp c/case.json before.json
expect 1 "read with a failing OCR helper" env DISPUTE_HELPERDIR="$PWD/helpers" \
    "$DISPUTE" -C c read E01
contains err "dispute-ocr: broken on purpose" "the helper's message is shown"
same before.json c/case.json "case.json is untouched"
printf '#!/bin/sh\nkill -SEGV $$\n' >helpers/dispute-ocr
expect 0 "read with an OCR helper that crashes" env DISPUTE_HELPERDIR="$PWD/helpers" \
    "$DISPUTE" -C c read E01
contains err "warning: E01: not read (dispute-ocr stopped: Segmentation fault)" \
    "the picture is passed over with a warning"

# An original changed since it was added is not read.
chmod u+w c/evidence/E01-order.png
printf 'x' >>c/evidence/E01-order.png
expect 1 "an altered original is not read" "$DISPUTE" -C c read E01
contains err "changed since it was added" "the error says so"
cp order.png c/evidence/E01-order.png
chmod 0400 c/evidence/E01-order.png

# Exported chat logs: GB18030 (PC WeChat, QQ) converted into a UTF-8 copy.
printf '2026-10-05 14:32 优品数码旗舰店客服\n%s\n' "$SCREEN_REFUSAL" >chat-utf8.txt
iconv -f UTF-8 -t GB18030 chat-utf8.txt >chat-gb.txt
"$DISPUTE" -q -C c add-evidence -k chat chat-gb.txt chat-utf8.txt 2>/dev/null
expect 0 "read converts a GB18030 chat log" "$DISPUTE" -C c read E04 E05
contains err "E04: derived/E04-chat.utf8.txt, converted from GB18030" "it says so"
same chat-utf8.txt c/derived/E04-chat.utf8.txt "the UTF-8 copy holds the same text"
same chat-gb.txt c/evidence/E04-chat.txt "the original stays byte-identical"
contains err "E05: already UTF-8 text; nothing to convert" "a UTF-8 log is left as it is"
lacks err "E05: derived" "and has no derived file"
check "no UTF-8 copy of it" test ! -e c/derived/E05-chat.utf8.txt
printf 'abc\377\377\377' >broken.txt
"$DISPUTE" -q -C c add-evidence -k chat broken.txt 2>/dev/null
expect 0 "read a log that is neither UTF-8 nor GB18030" "$DISPUTE" -C c read E06
contains err "E06: neither UTF-8 nor GB18030 text; not converted" "it is left unconverted"

# add-evidence --read reads the files it adds, and prints the facts after their IDs.
"$DISPUTE" -q init r
expect 0 "add-evidence --read" "$DISPUTE" -C r add-evidence -k order --read order.png
check "the item's line comes first" sh -c 'head -n 1 out | grep -q "^E01	E01-order.png	"'
contains out "dispute set order.id $SCREEN_ORDER_ID	# E01 " "then the facts read from it"
check "its derived file is written" test -f r/derived/E01-order.ocr.json
expect 2 "--read with a kind that is not read" "$DISPUTE" -C r add-evidence -k defect --read \
    "$EVIDENCE/defect-photo.jpg"
contains err "--read reads order, chat, licence and logistics evidence, not defect" \
    "the usage error says which kinds are read"
expect 0 "add-evidence --read with a reader that crashes" env DISPUTE_HELPERDIR="$PWD/helpers" \
    "$DISPUTE" -C r add-evidence -k chat --read chat.png
contains err "warning: E02: not read" "the picture is passed over with a warning"
printf '#!/bin/sh\necho "dispute-ocr: broken on purpose" >&2\nexit 1\n' >helpers/dispute-ocr
"$DISPUTE" -q -C r rm-evidence E02
expect 1 "add-evidence --read with a failing reader" env DISPUTE_HELPERDIR="$PWD/helpers" \
    "$DISPUTE" -C r add-evidence -k chat --read chat.png
contains err "the files were added, but not read; \`dispute read\` reads them" \
    "the files stay added, and the buyer is told how to read them"
contains out "E03	E03-chat.png	" "the item is added"

# rm-evidence takes the derived file with it: it holds the item's text.
"$DISPUTE" -q init rm
"$DISPUTE" -q -C rm add-evidence -k chat chat-gb.txt >/dev/null
"$DISPUTE" -q -C rm read >/dev/null 2>&1
check "the UTF-8 copy is written" test -f rm/derived/E01-chat.utf8.txt
expect 0 "rm-evidence of an item read" "$DISPUTE" -C rm rm-evidence E01
check "its derived file is gone" test ! -e rm/derived/E01-chat.utf8.txt

# A picture whose header claims 400 megapixels is refused from the header, not decoded.
python3 - <<'PY'
import struct, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 8, 0, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"\0" * 20001)) + chunk(b"IEND", b"")
open("bomb.png", "wb").write(png)
PY
"$DISPUTE" -q -C rm add-evidence -k order bomb.png >/dev/null
expect 0 "read a picture that claims 400 megapixels" "$DISPUTE" -C rm read
contains err "warning: E02: not read (more than 40 megapixels)" "it is refused from its header"

# The derived files go into the dossier, in its manifest.
"$DISPUTE" -q -C c set order.id 6938472910384756102
expect 0 "pack" "$DISPUTE" -C c pack -o d.zip
unzip -p d.zip '*/manifest-sha256.txt' >manifest
contains manifest "$derived_sha  data/derived/E01-order.ocr.json" \
    "the manifest lists the derived file with its SHA-256"
contains manifest "data/derived/E04-chat.utf8.txt" "and the UTF-8 copy"
expect 0 "the dossier verifies" "$DISPUTE" verify d.zip

expect 0 "verify the case folder" "$DISPUTE" verify c
contains out "intact" "the case folder with its derived files is intact"

# A derived file altered afterwards stops the dossier, and verify says so.
chmod u+w c/derived/E01-order.ocr.json
printf ' ' >>c/derived/E01-order.ocr.json
expect 1 "verify the case with an altered derived file" "$DISPUTE" verify c
contains out "derived/E01-order.ocr.json" "verify names the derived file"
contains out "recorded $derived_sha" "and the SHA-256 recorded for it"
expect 1 "pack with an altered derived file" "$DISPUTE" -C c pack -o e.zip --force
contains err "changed since it was written" "the error says so"
contains err "dispute read E01" "and how to write it again"
rm -f c/derived/E04-chat.utf8.txt
expect 1 "verify the case with a derived file missing" "$DISPUTE" verify c
contains out "recorded as the reading of E04 but not on disk" "verify says which is missing"

finish
