# Chinese documents write dates and times the Chinese way (2026年10月11日 19:50:12), in the
# drafts, the evidence list and the page, with a photo's own time zone (EXIF
# OffsetTimeOriginal) kept: never an ISO string.
. "$TEST_LIB"

if ! command -v exiftool >/dev/null 2>&1 || ! command -v convert >/dev/null 2>&1; then
	echo "exiftool (libimage-exiftool-perl) and ImageMagick are needed (tools/deps.sh)"
	exit 1
fi
# Photos as a camera writes them: taken in Tokyo (+09:00), in Beijing (+08:00), and by a
# camera that records no zone.
convert -size 64x48 xc:gray tokyo.jpg || exit 1
exiftool -q -overwrite_original -DateTimeOriginal="2026:10:11 19:50:12" \
    -OffsetTimeOriginal="+09:00" tokyo.jpg || exit 1
convert -size 64x48 xc:white beijing.jpg || exit 1
exiftool -q -overwrite_original -DateTimeOriginal="2026:10:12 08:05:09" \
    -OffsetTimeOriginal="+08:00" beijing.jpg || exit 1
convert -size 64x48 xc:black nozone.jpg || exit 1
exiftool -q -overwrite_original -DateTimeOriginal="2026:10:13 21:00:00" nozone.jpg || exit 1

new_case c || exit 1
set_all c case.platform douyin order.product "充电宝" merchant.shop "某某数码专营店" \
    problem.category quality problem.description "收到后无法开机" demand.text "退货退款" \
    claimant.phone 13912345678 claimant.address "浙江省杭州市西湖区文三路 1 号" \
    merchant.company "杭州某某数码有限公司" merchant.address "浙江省杭州市余杭区某路 2 号"
"$DISPUTE" -q -C c add-evidence -k defect tokyo.jpg beijing.jpg nozone.jpg \
    >/dev/null || exit 1
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-14 "商家拒绝退款" || exit 1

contains c/case.json '"captured_offset":	"+09:00"' "case.json keeps the photo's own zone"
check "a photo without a recorded zone has none" \
    test "$(grep -c '"captured_offset"' c/case.json)" -eq 2

expect 0 "draft evidence-list" "$DISPUTE" -C c draft evidence-list
cp out list.txt
contains list.txt "拍摄时间（照片EXIF记录）：2026年10月11日 19:50:12（UTC+09:00）" \
    "the Tokyo photo's time is written the Chinese way, in its own zone"
contains list.txt "拍摄时间（照片EXIF记录）：2026年10月12日 08:05:09（北京时间）" \
    "a +08:00 photo says 北京时间"
line list.txt "拍摄时间（照片EXIF记录）：2026年10月13日 21:00:00" \
    "a photo without a zone is written as recorded, with no zone"
contains list.txt "提交日期：2026年11月18日" "the list is dated the Chinese way"
check "the Chinese evidence list holds no ISO date or time" sh -c \
    "! grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]T[0-9]' list.txt"

for to in platform 12315 consumer-association; do
	expect 0 "draft complaint --to $to" "$DISPUTE" -C c draft complaint --to $to --force
	check "the $to complaint holds no ISO date" sh -c \
	    "! grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}' out"
done

expect 0 "pack" "$DISPUTE" -C c pack -o d.zip
unzip -p d.zip '*/data/index.html' >page.html
contains page.html "拍摄时间（照片EXIF记录） 2026年10月11日 19:50:12（UTC+09:00）" "the page's list gives the capture time the Chinese way"
contains page.html "<dt>拍摄时间（照片EXIF记录）</dt><dd>2026年10月11日 19:50:12（UTC+09:00）</dd>" \
    "the exhibit's page gives it too"
contains page.html "添加 2026年11月18日 " "the page gives the time added the Chinese way"
contains page.html "添加 2026年11月18日 11:06:40（UTC）</td>" \
    "the time added names its zone (the clock of SOURCE_DATE_EPOCH is UTC)"
contains page.html "制作于 2026年11月18日" "the page's footer is dated the Chinese way"
# The page's own text, without the chat logs (evidence, shown as they are) or markup.
sed -e '/<pre class="log">/,/<\/pre>/d' -e 's/<[^>]*>/ /g' page.html >page.txt
check "the Chinese page holds no ISO date or time" sh -c \
    "! grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}:[0-9]{2}:[0-9]{2}[+Z]' page.txt"

# English documents keep the ISO form, with the zone.
expect 0 "draft evidence-list --lang en" "$DISPUTE" -C c draft evidence-list --lang en
contains out "Taken (photo EXIF): 2026-10-11T19:50:12+09:00" \
    "the English list keeps the ISO time and its zone"

finish
