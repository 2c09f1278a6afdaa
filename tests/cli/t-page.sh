# dispute pack adds data/index.html and data/thumbs/: listed in the manifest like every
# other file, a self-contained HTML5 page (doctype, lang, UTF-8, no script, nothing from
# the network, every link inside the bag), thumbnails without EXIF, the buyer's words
# escaped, English for an English case, and the same bytes for the same case and date.
. "$TEST_LIB"

ROOT=dispute-6912345678901234-20261118
ZIP=$ROOT.zip

new_case c || exit 1
"$DISPUTE" -q -C c set order.product "充电宝 20000mAh" &&
"$DISPUTE" -q -C c set merchant.shop "闪充数码旗舰店" &&
"$DISPUTE" -q -C c add-evidence -k defect --note '<script>alert(1)</script> 指示灯不亮' \
    "$EVIDENCE/defect-photo.jpg" >/dev/null &&
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/no-power.mp4" "$EVIDENCE/camera-photo.jpg" \
    >/dev/null &&
"$DISPUTE" -q -C c add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null &&
"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" "$EVIDENCE/chat-platform.csv" \
    "$EVIDENCE/invoice.pdf" >/dev/null &&
"$DISPUTE" -q -C c add-evidence -k communication-audio "$EVIDENCE/call.mp3" >/dev/null &&
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-05 "商家拒绝退款 <b>" &&
"$DISPUTE" -q -C c log -c platform -o pending -d 2026-10-09 "平台处理中" || exit 1

expect 0 "pack" "$DISPUTE" -C c pack
mkdir x && (cd x && unzip -q "../$ZIP") || exit 1
BAG=x/$ROOT
PAGE=$BAG/data/index.html

# The page and its thumbnails are payload like any other file.
check "the dossier holds data/index.html" test -s "$PAGE"
for t in E01-defect E03-defect E04-order; do
	check "the dossier holds data/thumbs/$t.jpg" test -s "$BAG/data/thumbs/$t.jpg"
	contains "$BAG/manifest-sha256.txt" "  data/thumbs/$t.jpg" "data/thumbs/$t.jpg is in the manifest"
done
contains "$BAG/manifest-sha256.txt" "  data/index.html" "data/index.html is in the manifest"
check "only photos get thumbnails" test "$(ls "$BAG/data/thumbs" | wc -l)" -eq 3
check "the manifest lists every file under data/" \
    test "$(wc -l <"$BAG/manifest-sha256.txt")" -eq "$(find "$BAG/data" -type f | wc -l)"
check "sha256sum -c accepts the manifest" sh -c "cd '$BAG' && sha256sum --quiet -c manifest-sha256.txt"
expect 0 "dispute verify accepts the dossier" "$DISPUTE" verify "$ZIP"
expect 0 "dispute verify accepts the unzipped folder" "$DISPUTE" verify "$BAG"
unzip -v "$ZIP" >listing
check "the thumbnails are stored, not deflated" \
    grep -qE " Stored .* $ROOT/data/thumbs/E01-defect\.jpg\$" listing
check "the page is deflated" grep -qE " Defl:N .* $ROOT/data/index\.html\$" listing

# Real JPEG thumbnails, small, with nothing of the camera's EXIF block (GPS, model).
for t in "$BAG"/data/thumbs/*.jpg; do
	check "$(basename "$t") is a JPEG" sh -c "file -b '$t' | grep -q '^JPEG image data'"
	size=$(file -b "$t" | sed -n 's/.*, \([0-9]*\)x\([0-9]*\),.*/\1 \2/p')
	check "$(basename "$t") is at most 480 pixels on each side ($size)" \
	    sh -c "set -- $size; [ \"\$1\" -le 480 ] && [ \"\$2\" -le 480 ]"
done
check "the camera photo keeps its EXIF block in the evidence" grep -q Exif "$BAG/data/evidence/E03-defect.jpg"
check "its thumbnail has none" sh -c "! grep -q -e Exif -e Xiaomi '$BAG/data/thumbs/E03-defect.jpg'"

# HTML5, UTF-8, a language, and self-contained.
check "the page starts with the HTML5 doctype" test "$(head -n 1 "$PAGE")" = "<!DOCTYPE html>"
contains "$PAGE" '<html lang="zh-CN">' "the page sets lang=zh-CN"
contains "$PAGE" '<meta charset="utf-8">' "the page declares UTF-8"
check "the page is valid UTF-8" sh -c "iconv -f UTF-8 -t UTF-8 '$PAGE' >/dev/null"
contains "$PAGE" "</html>" "the page is complete"
lacks "$PAGE" "<script" "the page has no script"
lacks "$PAGE" "<link" "the page loads no stylesheet"
lacks "$PAGE" "@import" "the page imports no CSS"
lacks "$PAGE" "url(" "the CSS fetches nothing"
check "no src or href points at the network or outside the bag" \
    sh -c "! grep -oE '(src|href)=\"[^\"]*\"' '$PAGE' | grep -E '=\"([a-zA-Z][a-zA-Z0-9+.-]*:|/|\\.\\./\\.\\.)'"

# Every link resolves to a file in the bag (relative to data/, percent-decoded).
grep -oE '(src|href)="[^"#][^"]*"' "$PAGE" | sed 's/^[a-z]*="//; s/"$//' | sort -u >links
bad=0
while IFS= read -r link; do
	file=$(urldecode "$link")
	[ -f "$BAG/data/$file" ] || { echo "# no file for $link"; bad=1; }
done <links
check "every link on the page resolves to a file in the bag ($(wc -l <links) links)" test "$bad" -eq 0
for f in $(cd "$BAG/data" && ls evidence); do
	contains "$PAGE" "href=\"evidence/$f\"" "the page links evidence/$f"
done
for f in $(cd "$BAG/data" && ls thumbs); do
	contains "$PAGE" "src=\"thumbs/$f\"" "the page shows thumbs/$f"
done
check "the page links every document in the dossier, text and PDF" \
    test "$(grep -o 'class="document"' "$PAGE" | wc -l)" -eq "$(ls "$BAG/data/documents" | wc -l)"

# The numbers every draft uses, one printed section per item.
for n in 1 2 3 4 5 6 7 8; do
	contains "$PAGE" ">证据$n</a>" "the evidence list has 证据$n"
	contains "$PAGE" "证据$n 第1页 / 共1页" "证据$n has its running label"
done
lacks "$PAGE" "证据9" "there is no 证据9"
contains "$PAGE" '<video controls preload="metadata" src="evidence/E02-defect.mp4" poster="posters/E02-defect.jpg">' \
    "the video has a player, with its poster frame"
contains "$PAGE" "2026-10-03 10:15 商家客服：请提供视频。" "the chat log is shown as text"
contains "$PAGE" 'href="evidence/E07-chat.pdf"' "the PDF is linked"
contains "$PAGE" '<svg class="timeline-svg"' "the timeline is drawn"

# The buyer's words are text.
contains "$PAGE" "&lt;script&gt;alert(1)&lt;/script&gt; 指示灯不亮" "the note is escaped"
contains "$PAGE" "商家拒绝退款 &lt;b&gt;" "the timeline text is escaped"
lacks "$PAGE" "<script>alert" "no note becomes markup"

# Reproducible: the same case and date give the same bytes.
expect 0 "pack -o a.zip" "$DISPUTE" -C c pack -o a.zip
sleep 1
expect 0 "pack -o b.zip a second later" "$DISPUTE" -C c pack -o b.zip
same a.zip b.zip "two packs with the same date are byte-identical"
expect 0 "pack -o tz.zip with TZ=CST-8" env TZ=CST-8 "$DISPUTE" -C c pack -o tz.zip
same a.zip tz.zip "the page's bytes do not depend on the time zone"

# The capture checklist, ticked by the kinds in the case, and passed deadlines marked.
contains "$PAGE" "<h3>趁早保存</h3>" "the page has the capture checklist"
contains "$PAGE" "<li>☑ 订单页面（订单号、金额、下单时间）</li>" "the order page is ticked: an order screenshot is kept"
contains "$PAGE" "<li>☐ 店铺公示的营业执照 <code>dispute add-evidence -k licence FILE</code></li>" \
    "the licence is not, with the command that adds it"
contains "$PAGE" "平台自身的介入或申诉时限：未经来源核实" "the platform's window is said to be unknown"

# An English case gets the English page.
"$DISPUTE" -q -C c set case.language en || exit 1
expect 0 "pack an English case" "$DISPUTE" -C c pack -o en.zip
unzip -p en.zip "$ROOT/data/index.html" >en.html
contains en.html '<html lang="en">' "the English page sets lang=en"
contains en.html "Exhibit 1 — page 1 of 1" "the English page labels its exhibits"
contains en.html 'href="documents/00-evidence-list.txt"' "the English page links the English drafts"
contains en.html "<h3>Capture now</h3>" "the English page has the checklist"

# A case's own templates/index.html.mustache restyles the page.
"$DISPUTE" -q -C c set case.language zh-CN && mkdir -p c/templates || exit 1
printf '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{{order.id}}</title></head><body>{{#page.evidence}}<p>{{label_zh}} {{name_zh}}</p>{{/page.evidence}}</body></html>\n' \
    >c/templates/index.html.mustache
expect 0 "pack with the case's own page template" "$DISPUTE" -C c pack -o own.zip
unzip -p own.zip "$ROOT/data/index.html" >own.html
contains own.html "<title>6912345678901234</title>" "the case's template is used"
contains own.html "&lt;script&gt;" "the case's template is rendered with HTML escaping on"

# The Content-Security-Policy is the program's, right after <head>, whatever the
# template: nothing on the page may run a script or load from elsewhere.
CSP="<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'\">"
check "the shipped page carries the CSP right after <head>" \
    test "$(sed -n '3,4p' "$PAGE")" = "<head>
$CSP"
check "the shipped page carries it once" test "$(grep -cF "$CSP" "$PAGE")" -eq 1
lacks own.html "Content-Security-Policy\" content=\"default-src *" "the template's page does not allow everything"
check "the case's template, which has none, gets the CSP right after <head>" \
    test "$(sed -n '2p' own.html)" = '<html lang="zh-CN"><head>'
contains own.html "$CSP<meta charset=\"utf-8\"><title>" "the CSP comes before the template's own head"
# Comments, a byte order mark and plain attributes before <head> are fine.
printf '\357\273\277<!-- a comment -->\n<!doctype html>\n<!-- another --><html lang="zh-CN" data-x='"'a b'"' hidden><head data-y=1><title>t</title></head><body>{{order.id}}</body></html>\n' \
    >c/templates/index.html.mustache
expect 0 "pack with comments and attributes before <head>" "$DISPUTE" -C c pack -o comment.zip
unzip -p comment.zip "$ROOT/data/index.html" >comment.html
check "the CSP follows a <head> with attributes" \
    test "$(sed -n '3,4p' comment.html)" = '<!-- another --><html lang="zh-CN" data-x='"'a b'"' hidden><head data-y=1>
'"$CSP"'<title>t</title></head><body>6912345678901234</body></html>'
# Anything else before <head> could run before the policy applies: refused. So are the
# forms a browser reads differently from a simple scan: "<!-->" is a whole comment, and
# a quote inside an unquoted value opens nothing.
for before in '<script>alert(1)</script>' '<meta http-equiv="refresh" content="0;url=http://evil.example/">' \
    'text' '<body>' '<!--><script>alert(1)</script>-->' '<!---><script>alert(1)</script>-->' \
    '<!-- x --!><script>alert(1)</script>-->'; do
	printf '<!DOCTYPE html>\n<html>%s<head><title>t</title></head><body></body></html>\n' "$before" \
	    >c/templates/index.html.mustache
	expect 1 "pack refuses a template with $before before <head>" "$DISPUTE" -C c pack -o refused.zip
	contains err "c/templates/index.html.mustache: the page must begin with <head>" \
	    "the refusal of $before names the template"
	check "no dossier is written for it" test ! -e refused.zip
done
for html in '<html a=b"><script>alert(1)</script><x y=">' '<html a="x>"><script>alert(1)</script>'; do
	printf '<!DOCTYPE html>\n%s<head><title>t</title></head><body></body></html>\n' "$html" \
	    >c/templates/index.html.mustache
	expect 1 "pack refuses a template starting $html" "$DISPUTE" -C c pack -o refused.zip
	contains err "c/templates/index.html.mustache: the page must begin with <head>" \
	    "the refusal of $html names the template"
	check "no dossier is written for it" test ! -e refused.zip
done
printf '<!DOCTYPE html>\n<html><body>no head</body></html>\n' >c/templates/index.html.mustache
expect 1 "pack refuses a template without <head>" "$DISPUTE" -C c pack -o refused.zip
rm c/templates/index.html.mustache

# A picture that does not decode: a warning, the original linked, the dossier still made.
"$DISPUTE" -q init broken && "$DISPUTE" -q -C broken set order.id 123456 || exit 1
printf '\377\330\377\340\000\020JFIF\000\001\001\000\000\001\000\001\000\000\377\300\000\021\010\177\377\177\377\003garbage' >broken.jpg
"$DISPUTE" -q -C broken add-evidence -k defect broken.jpg >/dev/null 2>&1 || exit 1
expect 0 "pack with a picture that does not decode" "$DISPUTE" -C broken pack -o broken.zip
contains err "E01-defect.jpg: no thumbnail" "the warning names the picture"
unzip -p broken.zip "dispute-123456-20261118/data/index.html" >broken.html
contains broken.html 'href="evidence/E01-defect.jpg"' "the page links the original"
lacks broken.html 'src="thumbs/' "the page shows no thumbnail for it"
expect 0 "verify accepts that dossier" "$DISPUTE" verify broken.zip

# An animated GIF cut off in the middle of its second frame: GdkPixbuf returns the first
# frame together with an error. The thumbnail is made from it with a warning, and the
# error is not carried into the JPEG encoder (a GdkPixbuf-CRITICAL, fatal here).
command -v convert >/dev/null || { echo "not ok - ImageMagick's convert is needed"; exit 1; }
convert -size 64x64 xc:red xc:blue -loop 0 anim.gif || exit 1
python3 - <<'PY' || exit 1
data = open("anim.gif", "rb").read()
gce = b"\x21\xf9\x04"
second = data.index(gce, data.index(gce) + 1)
pixels = second + 8 + 10  # its graphic control extension, then its image descriptor
open("cut.gif", "wb").write(data[:(pixels + len(data) - 1) // 2])
PY
check "the cut GIF is still image/gif" test "$(file -b --mime-type cut.gif)" = image/gif
"$DISPUTE" -q init gif && "$DISPUTE" -q -C gif set order.id 123456 &&
"$DISPUTE" -q -C gif add-evidence -k defect cut.gif >/dev/null || exit 1
G_DEBUG=fatal-criticals expect 0 "pack with a GIF whose second frame is cut off" \
    "$DISPUTE" -C gif pack -o gif.zip
lacks err "CRITICAL" "packing it raises no GLib critical"
lacks err "dispute-image stopped" "the image helper does not die on it"
contains err "E01-defect.gif: the picture is damaged" "a warning says the picture is damaged"
check "its thumbnail is made from the frame that loaded" \
    sh -c "unzip -p gif.zip dispute-123456-20261118/data/thumbs/E01-defect.jpg | file - | grep -q 'JPEG image data'"

finish
