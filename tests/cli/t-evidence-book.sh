# dispute draft evidence-book and the book in the dossier, read back with Poppler's
# tools: A4, every page numbered through the book, every font embedded, each item's
# heading "证据N" on the page the evidence list says (text, CSV and JSON alike), photos
# at full resolution (pdfimages) and upright, a tall screenshot in strips at full width,
# HEIC and WebP shown like JPEG, a PDF's pages and a chat log's numbered lines as text,
# the same bytes on every run and in pack's dossier, the first two pages as rendered
# (against tests/data/book/, regenerated with REGENERATE=1); usage errors, -o rules, a
# picture that does not decode.
. "$TEST_LIB"

FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
REFERENCE=$TEST_DATA_DIR/book

"$DISPUTE" -q init c || exit 1
set_all c claimant.name 张三 claimant.phone 13812345678 claimant.id_number 11010519491231002X \
    claimant.address 北京市朝阳区建国路88号1单元101室 merchant.shop 好物旗舰店 \
    merchant.company 福州好物贸易有限公司 merchant.credit_code 91350100M000100Y43 \
    merchant.address 福建省福州市鼓楼区五四路100号 merchant.representative 李四 \
    case.platform douyin case.court 北京互联网法院 order.id 6912345678901234 \
    order.product "充电宝 20000mAh" order.amount 199.90 order.date 2026-10-01 \
    order.received 2026-10-03 problem.category quality \
    problem.description "收到后充电宝无法充电，指示灯不亮。" demand.text "退货退款，退还货款199.90元。"
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-05 "商家拒绝退款" || exit 1

# A 4000x3000 phone photo taken upright: stored on its side with EXIF orientation 6 and
# its capture time, red in the upper half of the upright picture, blue in the lower.
convert -size 3000x2000 xc:red -size 3000x2000 xc:blue -append -rotate -90 -quality 90 \
    photo.jpg || exit 1
exiftool -q -overwrite_original -Orientation#=6 -DateTimeOriginal="2026:10:04 09:30:00" \
    -GPSLatitude=39.9 -GPSLatitudeRef=N photo.jpg || exit 1
check "the photo is stored 4000x3000, orientation 6" \
    sh -c '[ "$(identify -format "%wx%h %[orientation]" photo.jpg)" = "4000x3000 RightTop" ]'
# A long phone screenshot with Chinese text, 1080x4800.
set -- -size 1080x4800 xc:white -font "$FONT" -pointsize 44 -fill black
i=0
while [ $i -lt 20 ]; do
	set -- "$@" -annotate +40+$((120 + i * 230)) "第$((i + 1))条：客服称商品无质量问题，不予退款"
	i=$((i + 1))
done
convert "$@" shot.png || exit 1
# An iPhone-style HEIC photo and a WebP, 1200x900.
convert -size 1200x900 gradient:orange-purple source.png || exit 1
heif-enc -q 80 source.png -o photo.heic >/dev/null 2>&1 || exit 1
cwebp -quiet -q 80 source.png -o photo.webp || exit 1
# A 2-page PDF: the first two pages of a court complaint as Cairo prints it.
cp -R c src && "$DISPUTE" -q -C src add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null &&
"$DISPUTE" -q -C src draft complaint --to court --pdf -o court.pdf || exit 1
pdfseparate -f 1 -l 2 court.pdf part-%d.pdf && pdfunite part-1.pdf part-2.pdf report.pdf ||
    exit 1
printf '%s\r\n' "2026-10-03 10:02 我：收到的充电宝无法开机。" \
    "2026-10-03 10:15 商家客服：请提供视频。" "2026-10-05 09:00 商家客服：不予退款。" >chat.txt

"$DISPUTE" -q -C c add-evidence -k defect -n 正面照片 photo.jpg >/dev/null &&
"$DISPUTE" -q -C c add-evidence -k chat -n 客服截图 shot.png >/dev/null &&
"$DISPUTE" -q -C c add-evidence -k defect photo.heic photo.webp >/dev/null &&
"$DISPUTE" -q -C c add-evidence -k order report.pdf >/dev/null &&
"$DISPUTE" -q -C c add-evidence -k chat chat.txt >/dev/null || exit 1

# The book: A4, numbered through, every font embedded.
expect 0 "draft evidence-book -o book.pdf" "$DISPUTE" -C c draft evidence-book -o book.pdf
contains err "wrote book.pdf" "it says which file it wrote"
pdfinfo book.pdf >info 2>&1
contains info "Page size:       595.276 x 841.89 pts (A4)" "the book is A4"
contains info "CreationDate:    Wed Nov 18 00:00:00 2026 UTC" "the book is dated with the case's date"
pages=$(awk '/^Pages:/ { print $2 }' info)
pdffonts book.pdf >fonts 2>&1
awk 'NR > 2 { print $(NF - 4) }' fonts | sort -u >embedded
printf 'yes\n' >want
same want embedded "the book embeds every font it uses"
k=1
while [ "$k" -le "${pages:-0}" ]; do
	pdftotext -f $k -l $k book.pdf p$k.txt
	contains p$k.txt "第 $k 页 共 $pages 页" "page $k says 第 $k 页 共 $pages 页"
	k=$((k + 1))
done
contains p1.txt "证据材料" "page 1 is the cover"
contains p1.txt "sha256sum" "the cover says how to check the files"
tr -d ' \n' <p1.txt >p1.flat
contains p1.flat "不能证明文件形成或登记的时间" "and what a party's own hash does not prove"
lacks p1.txt "未被改动" "no claim that the hash shows the file unchanged"
contains p2.txt "证据清单" "page 2 is the evidence list"

# Where each item is, from the JSON list; its heading on the first of its pages.
expect 0 "draft evidence-list --json" "$DISPUTE" -C c draft evidence-list --json
cp out list.json
python3 -c '
import json
for e in json.load(open("list.json"))["evidence"]:
    print(e["label_zh"], e["page_count"], e["page_range"], e["file"])' >ranges
check "the JSON list gives every item its pages" test "$(wc -l <ranges)" -eq 6
while read -r label count range file; do
	first=${range%-*}
	last=${range#*-}
	line p$first.txt "$label" "$label ($file) is headed on page $first, as the list says"
	check "$label takes $count pages, $range" test $((last - first + 1)) -eq "$count"
	matches p2.txt "^$range\$" "the book's own list gives $label page $range"
done <ranges
expect 0 "draft evidence-list" "$DISPUTE" -C c draft evidence-list
cp out list.txt
while read -r label count range file; do
	contains list.txt "页码：$range" "the text list gives $label page $range"
done <ranges
expect 0 "draft evidence-list --csv" "$DISPUTE" -C c draft evidence-list --csv
while read -r label count range file; do
	matches out "\"$file\",\"[0-9a-f]{64}\",.*,\"$count\",\"$range\"$(printf '\r')\$" \
	    "the CSV gives $file its pages, in the last two columns"
done <ranges
expect 0 "draft evidence-list --csv --lang en" "$DISPUTE" -C c draft evidence-list --csv --lang en
matches out "Pages,Page no.$(printf '\r')\$" "the English CSV heads the page columns"

# range_of FILE: the page range of the item stored as FILE.
range_of() { awk -v f="$1" '$4 == f { print $3 }' ranges; }
first_of() { r=$(range_of "$1"); echo "${r%-*}"; }

# Photos at full resolution, the JPEG as its own data without its EXIF.
pdfimages -list book.pdf >images
p=$(first_of E01-defect.jpg)
matches images "^ +$p +[0-9]+ image +4000 +3000 .* jpeg " "the 4000x3000 photo keeps its 4000x3000 pixels"
contains p$p.txt "拍摄时间（照片EXIF记录）：2026-10-04" "the photo's capture time is printed"
pdfimages -j -f "$p" -l "$p" book.pdf photo-out
lacks photo-out-000.jpg "Exif" "the photo goes in without its EXIF (GPS position)"
# Upright: in the rendered page, red above blue.
pdftoppm -r 20 -f "$p" -l "$p" book.pdf upright
check "the photo is shown upright: red above blue" python3 -c '
import sys
parts = open(sys.argv[1], "rb").read().split(b"\n", 3)
w, h = map(int, parts[1].split())
px = parts[3]
red = [y for y in range(h) for x in range(0, w, 4)
       if px[3 * (y * w + x)] > 180 and px[3 * (y * w + x) + 2] < 90]
blue = [y for y in range(h) for x in range(0, w, 4)
        if px[3 * (y * w + x) + 2] > 180 and px[3 * (y * w + x)] < 90]
sys.exit(not (red and blue and max(red) <= min(blue) + 1))
' "$(ls upright*.ppm)"
# The tall screenshot: in strips of its full width over its pages.
r=$(range_of E02-chat.png)
check "the 1080x4800 screenshot takes more than one page" test "${r%-*}" -lt "${r#*-}"
strips=$(awk -v a="${r%-*}" -v b="${r#*-}" '$1 >= a && $1 <= b && $3 == "image" && $4 == 1080' images | wc -l)
check "each of its pages shows a strip 1080 pixels wide" test "$strips" -eq $((${r#*-} - ${r%-*} + 1))
contains p$((${r%-*} + 1)).txt "证据2（续）" "its next page is headed as continued"
for f in E03-defect.heic E04-defect.webp; do
	p=$(first_of $f)
	matches images "^ +$p +[0-9]+ image +1200 +900 " "$f is shown at 1200x900"
done
# The PDF's pages as text, the chat log in numbered lines.
r=$(range_of E05-order.pdf)
pdftotext -f "${r%-*}" -l "${r#*-}" book.pdf report.txt
contains report.txt "民事起诉状" "the PDF's pages keep their text"
check "the 2-page PDF takes 2 pages" test "$(awk '$4 == "E05-order.pdf" { print $2 }' ranges)" -eq 2
pdftotext -layout -f "$(first_of E06-chat.txt)" -l "$(first_of E06-chat.txt)" book.pdf chat-out.txt
matches chat-out.txt "^ *3 +2026-10-05 09:00 商家客服：不予退款。" "the chat log's third line is numbered 3"

# The same bytes again, and in the dossier.
expect 0 "draft evidence-book again" "$DISPUTE" -C c draft evidence-book -o again.pdf
same book.pdf again.pdf "the same case and date give the same book"
expect 0 "pack" "$DISPUTE" -C c pack -o d.zip
unzip -p d.zip "*/data/documents/evidence-book.pdf" >packed.pdf
same book.pdf packed.pdf "the dossier holds the same book"
unzip -p d.zip "*/manifest-sha256.txt" >manifest
contains manifest "data/documents/evidence-book.pdf" "the book is in the payload manifest"
# The browser page shows the HEIC and WebP photos, which no browser of a court's
# computer opens, as JPEG thumbnails of their own.
unzip -p d.zip "*/data/index.html" >index.html
for f in E03-defect E04-defect; do
	contains index.html "<img class=\"thumb\" src=\"thumbs/$f.jpg\" width=\"480\" height=\"360\"" \
	    "the page shows $f as a 480x360 thumbnail"
	unzip -p d.zip "*/data/thumbs/$f.jpg" >thumb.jpg
	check "which is a JPEG of that size" test "$(identify -format '%m %wx%h' thumb.jpg)" = "JPEG 480x360"
done
# On a machine without the HEIF and WebP decoders (GdkPixbuf's loaders), the buyer is
# told which photos the page only links, and the dossier is still written.
: >no-loaders.cache
expect 0 "pack without the picture decoders" env GDK_PIXBUF_MODULE_FILE="$PWD/no-loaders.cache" \
    "$DISPUTE" -C c pack -o bare.zip
contains err "E03-defect.heic: no thumbnail (the picture does not decode); the page links the file instead" \
    "the HEIC photo without a thumbnail is named"
contains err "E04-defect.webp: no thumbnail" "and the WebP one"
unzip -p d.zip "*/data/documents/00-证据清单.txt" >packed-list.txt
same list.txt packed-list.txt "the packed evidence list cites the same pages"
unzip -p d.zip "*/data/index.html" >index.html
contains index.html 'href="documents/evidence-book.pdf"' "the page links the book"

# The first two pages as they look, against the reference within a tolerance.
pdftoppm -r 50 -gray -f 1 -l 2 book.pdf look
for k in 1 2; do
	got=$(ls look*-$k.pgm 2>/dev/null || ls look-0$k.pgm)
	if [ "${REGENERATE:-0}" = 1 ]; then
		mkdir -p "$REFERENCE" && cp "$got" "$REFERENCE/page-$k.pgm"
	fi
	check "page $k looks as the reference (tests/data/book/page-$k.pgm)" python3 -c '
import sys
def pgm(path):
    data = open(path, "rb").read()
    magic, w, h, depth, px = data.split(maxsplit=4)
    return int(w), int(h), px
w1, h1, a = pgm(sys.argv[1])
w2, h2, b = pgm(sys.argv[2])
if (w1, h1) != (w2, h2):
    sys.exit("size %dx%d, wanted %dx%d" % (w1, h1, w2, h2))
# Share of pixels that differ by more than a quarter of the grey scale: glyph edges
# may move a pixel, a layout change moves whole lines.
off = sum(1 for x, y in zip(a, b) if abs(x - y) > 64) / len(a)
print("# %.4f of the pixels differ" % off)
sys.exit(off > 0.01)
' "$got" "$REFERENCE/page-$k.pgm"
done

# Usage errors and the -o rules.
expect 2 "evidence-book --csv is a usage error" "$DISPUTE" -C c draft evidence-book --csv
contains err "the evidence book is a PDF" "it says why"
expect 1 "evidence-book -o an existing file" "$DISPUTE" -C c draft evidence-book -o book.pdf
contains err "book.pdf: exists; give --force to replace it" "an existing file is kept"
same again.pdf book.pdf "and left as it was"
mkdir here
(cd here && "$DISPUTE" -C ../c draft evidence-book >../out 2>../err)
check "without -o it writes evidence-book.pdf in the current folder" test -s here/evidence-book.pdf
expect 0 "evidence-book -o - writes to stdout" "$DISPUTE" -C c draft evidence-book -o -
same book.pdf out "stdout gets the same book"

# A picture that does not decode is said, not fatal; a video is a contact sheet, and it
# and a recording are listed with their names and SHA-256.
"$DISPUTE" -q init broken || exit 1
set_all broken claimant.name 张三 order.id 6912345678901234
# A JPEG header (32767 x 32767 pixels) and nothing that decodes after it.
printf '\377\330\377\340\000\020JFIF\000\001\001\000\000\001\000\001\000\000\377\300\000\021\010\177\377\177\377\003garbage' >cut.jpg
"$DISPUTE" -q -C broken add-evidence -k defect cut.jpg "$EVIDENCE/no-power.mp4" >/dev/null || exit 1
# A recording cut short after its first 200 bytes: FFmpeg finds no duration in it.
head -c 200 "$EVIDENCE/call.mp3" >cut.mp3
"$DISPUTE" -q -C broken add-evidence -k communication-audio "$EVIDENCE/call.mp3" cut.mp3 \
    >/dev/null 2>&1 || exit 1
# A photo whose first marker has fill bytes before it, as the JPEG standard allows, and
# a text of one line of 100 KB (a file without line breaks), then a short one.
python3 -c '
d = open("photo.jpg", "rb").read()
open("filled.jpg", "wb").write(d[:2] + b"\xff\xff\xff" + d[2:])'
head -c 75000 /dev/zero | tr '\0' 'x' >long.txt
printf '\nthe second line\n' >>long.txt
"$DISPUTE" -q -C broken add-evidence -k defect filled.jpg >/dev/null 2>&1 &&
"$DISPUTE" -q -C broken add-evidence -k chat long.txt >/dev/null 2>&1 || exit 1
mkdir tmp
expect 0 "a book with a broken photo, a video and a recording" \
    env TMPDIR="$PWD/tmp" "$DISPUTE" -C broken draft evidence-book -o broken.pdf
pdftotext broken.pdf broken.txt
contains broken.txt "此文件的内容无法在此显示" "the broken photo is said not to show"
# The video: a contact sheet of six frames evenly spaced, each with its time.
"$DISPUTE" -C broken draft evidence-list --json >list.json 2>/dev/null
video_page=$(python3 -c '
import json
for e in json.load(open("list.json"))["evidence"]:
    if e["file"] == "E02-defect.mp4": print(e["page_range"].split("-")[0])')
pdfimages -list -f "$video_page" -l "$video_page" broken.pdf | awk 'NR > 2 && $3 == "image"' >frames
check "the video's page shows 6 key frames" test "$(wc -l <frames)" -eq 6
pdftotext -f "$video_page" -l "$video_page" broken.pdf video.txt
check "each with its time offset" test "$(grep -cE '^[0-9]{2}:[0-9]{2}\.[0-9]$' video.txt)" -eq 6
contains video.txt "时长：1秒" "the video's duration is printed"
contains broken.txt "时长：未知" "a recording whose duration is not known says so"
pdfimages -list broken.pdf >broken-images
matches broken-images " 4000 +3000 .* jpeg " "a JPEG with fill bytes goes in as its own data"
pdftotext -layout broken.pdf broken-layout.txt
matches broken-layout.txt "^ *2 +the second line" "a 100 KB line is numbered once: the next is 2"
check "no frames are left behind" test -z "$(ls -A tmp)"
for f in E02-defect.mp4 E03-communication-audio.mp3; do
	contains broken.txt "$f" "$f is listed with its name"
	contains broken.txt "$(sha256sum "broken/evidence/$f" | cut -c1-64)" "and its SHA-256"
done
finish
