# The time and origin of every file, on real media made here the way phones make them:
# videos and recordings get their duration and creation time from the container (MP4's
# creation_time in UTC, QuickTime's creationdate with the phone's zone), a portrait video
# its upright size, a camera photo its EXIF make, model and time zone, a PNG screenshot
# the time in its tIME chunk; the capture log of --method, --device and --app; warnings
# when a file's time precedes the order or follows its intake; all of it in case.json,
# status, the evidence list (text, CSV, JSON) and the page.
. "$TEST_LIB"

for tool in ffmpeg ffprobe convert identify unzip; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (sh tools/deps.sh)"
		finish
		exit $?
	fi
done
: "${AMR_ENCODE:?set AMR_ENCODE to tests/helpers/amr-encode}"
: "${EXIF_PHOTO:?set EXIF_PHOTO to tests/helpers/exif-photo}"

# field ITEM KEY: the value of KEY in the record ITEM of c/case.json or in one of its
# objects (media, camera, capture), as JSON; empty when it has none.
field() {
	python3 -c '
import json, sys
for item in json.load(open("c/case.json"))["evidence"]:
    if item["id"] != sys.argv[1]:
        continue
    for where in (item, item.get("media", {}), item.get("camera", {}), item.get("capture", {})):
        if sys.argv[2] in where:
            print(json.dumps(where[sys.argv[2]], ensure_ascii=False))
            break
' "$1" "$2"
}

# A phone video: H.264 and AAC in MP4, with the container's creation time (UTC).
ffmpeg -v error -f lavfi -i testsrc=size=320x240:rate=25:duration=3 \
    -f lavfi -i sine=frequency=440:duration=3 -c:v libx264 -pix_fmt yuv420p -c:a aac \
    -metadata creation_time=2026-10-11T11:50:12Z video.mp4 || exit 1
# An iPhone video: QuickTime with com.apple.quicktime.creationdate in the phone's zone.
ffmpeg -v error -f lavfi -i testsrc=size=320x240:rate=25:duration=2 \
    -f lavfi -i sine=frequency=330:duration=2 -c:v libx264 -pix_fmt yuv420p -c:a aac \
    -movflags use_metadata_tags -metadata com.apple.quicktime.creationdate=2026-10-11T19:50:12+0800 \
    -metadata creation_time=2026-10-11T11:50:12Z iphone.mov || exit 1
# A video recorded upright: landscape frames and the display matrix a phone writes
# (ffprobe says -90: turn a quarter clockwise), which ffmpeg writes on a stream copy.
ffmpeg -v error -f lavfi -i testsrc=size=320x240:rate=25:duration=2 -c:v libx264 \
    -pix_fmt yuv420p landscape.mp4 || exit 1
ffmpeg -v error -i landscape.mp4 -c copy -metadata:s:v:0 rotate=270 \
    -metadata creation_time=2026-10-12T08:00:00Z portrait.mp4 || exit 1
# A voice memo: AAC in M4A.
ffmpeg -v error -f lavfi -i sine=frequency=500:duration=5 -c:a aac \
    -metadata creation_time=2026-10-13T02:00:00Z memo.m4a || exit 1
# A call recording as Android phones make it: AMR-NB at 8 kHz, no creation time.
ffmpeg -v error -f lavfi -i sine=frequency=300:duration=4 -ar 8000 -ac 1 -f s16le - |
    "$AMR_ENCODE" >call.amr || exit 1
# A camera photo with the make, model and zone a phone writes.
convert -size 64x48 xc:orange plain.jpg || exit 1
"$EXIF_PHOTO" plain.jpg camera.jpg Xiaomi "Redmi Note 12" "2026:10:11 19:50:12" "+08:00" || exit 1
# A screenshot: a PNG with the tIME chunk ImageMagick writes (the time it was made).
# (ImageMagick leaves tIME out under SOURCE_DATE_EPOCH, which the tests' clock sets.)
env -u SOURCE_DATE_EPOCH convert -size 108x240 xc:white -fill black \
    -draw "rectangle 10,10 90,30" shot.png || exit 1
SHOT_TIME=$(identify -format '%[png:tIME]' shot.png)

check "ffprobe reads the AMR recording" sh -c \
    "ffprobe -v error -show_entries stream=codec_name -of csv=p=0 call.amr | grep -qx amr_nb"
check "ffprobe reads the portrait video's rotation as -90" sh -c \
    "ffprobe -v error -show_streams portrait.mp4 | grep -qx rotation=-90"
check "identify reads the screenshot's tIME" test -n "$SHOT_TIME"

new_case c
expect 0 "add the videos with a capture log" "$DISPUTE" -C c add-evidence -k defect \
    --method screen-recording --device "iPhone 15, iOS 18.1" --app 淘宝 video.mp4 iphone.mov portrait.mp4
lacks err "warning" "no warning for videos made after the order and before their intake"
check "E01: the container's creation time" test "$(field E01 captured)" = '"2026-10-11T11:50:12"'
check "E01: in UTC" test "$(field E01 captured_offset)" = '"+00:00"'
check "E01: read from the container" test "$(field E01 captured_source)" = '"container"'
ms=$(ffprobe -v error -show_entries format=duration -of csv=p=0 video.mp4 | awk '{ printf "%d", $1 * 1000 }')
check "E01: the duration in milliseconds, as ffprobe reads it ($ms)" test "$(field E01 duration_ms)" = "$ms"
check "E01: the codecs" sh -c "[ '$(field E01 video_codec)' = '\"h264\"' ] && [ '$(field E01 audio_codec)' = '\"aac\"' ]"
check "E02: QuickTime's creation date, in the phone's zone" test "$(field E02 captured)" = '"2026-10-11T19:50:12"'
check "E02: +08:00" test "$(field E02 captured_offset)" = '"+08:00"'
check "E02: read from QuickTime's creationdate" test "$(field E02 captured_source)" = '"quicktime"'
check "E03: the portrait video is 240 wide" test "$(field E03 width)" = 240
check "E03: and 320 high" test "$(field E03 height)" = 320
check "E03: turned 90 degrees clockwise" test "$(field E03 rotation)" = 90
check "the capture log: the method" test "$(field E01 method)" = '"screen-recording"'
check "the capture log: the device" test "$(field E02 device)" = '"iPhone 15, iOS 18.1"'
check "the capture log: the app" test "$(field E03 app)" = '"淘宝"'
check "the capture log: the original's name" test "$(field E02 original_name)" = '"iphone.mov"'
check "the capture log: the original's size" test "$(field E02 size)" = "$(stat -c %s iphone.mov)"
modified=$(TZ=UTC date -r iphone.mov +%Y-%m-%dT%H:%M:%S+00:00)
check "the capture log: the original's modification time ($modified)" \
    test "$(field E02 original_modified)" = "\"$modified\""

expect 0 "add the recordings" "$DISPUTE" -C c add-evidence -k communication-audio --method export memo.m4a call.amr
check "E04: the M4A's duration" test "$(field E04 duration_ms)" = 5000
check "E04: an audio recording has no picture size" test -z "$(field E04 width)"
check "E05: the AMR is read as AMR-NB" test "$(field E05 audio_codec)" = '"amr_nb"'
ms=$(ffprobe -v error -show_entries format=duration -of csv=p=0 call.amr | awk '{ printf "%d", $1 * 1000 }')
check "E05: the AMR's duration, as ffprobe reads it ($ms)" test "$(field E05 duration_ms)" = "$ms"
check "E05: an AMR states no creation time" test -z "$(field E05 captured)"

expect 0 "add the camera photo" "$DISPUTE" -C c add-evidence -k defect --method photo camera.jpg
check "E06: the EXIF capture time" test "$(field E06 captured)" = '"2026-10-11T19:50:12"'
check "E06: its zone (OffsetTimeOriginal)" test "$(field E06 captured_offset)" = '"+08:00"'
check "E06: the camera's make" test "$(field E06 make)" = '"Xiaomi"'
check "E06: the camera's model" test "$(field E06 model)" = '"Redmi Note 12"'

# The tests' clock is 2026-11-18 (SOURCE_DATE_EPOCH), the screenshot was made now.
expect 0 "add the screenshot" "$DISPUTE" -C c add-evidence -k order --method screenshot shot.png
check "E07: the time of the PNG's tIME chunk" test "$(field E07 captured)" = "\"${SHOT_TIME%Z}\""
check "E07: read from tIME" test "$(field E07 captured_source)" = '"png-time"'
contains err "shot.png: the file says it was made at ${SHOT_TIME%Z}+00:00, after it was added" \
    "a file made after its intake is warned about"
rm -rf now
"$DISPUTE" -q init now || exit 1
expect 0 "the same screenshot added at the real time" env -u SOURCE_DATE_EPOCH \
    "$DISPUTE" -C now add-evidence -k order shot.png
lacks err "after it was added" "no warning when the file is older than its intake"

"$DISPUTE" -q init late || exit 1
"$DISPUTE" -q -C late set order.date 2026-10-20 || exit 1
expect 0 "a defect video older than the order" "$DISPUTE" -C late add-evidence -k defect video.mp4
contains err "video.mp4: the file says it was made on 2026-10-11, before the order date 2026-10-20" \
    "the buyer is warned that the video predates the order"

# A damaged video (cut short: its index is lost) is still evidence: added, with a warning.
head -c 3000 video.mp4 >cut.mp4
check "libmagic still takes the cut file for an MP4" sh -c "file --mime-type -b cut.mp4 | grep -qx video/mp4"
expect 0 "a damaged video is added" "$DISPUTE" -C late add-evidence -k defect cut.mp4
contains err "cut.mp4: cannot read the recording (Invalid data found when processing input)" \
    "with a warning that says why it has no duration"
check "it is recorded without a duration (only the whole video has one)" \
    test "$(grep -c duration_ms late/case.json)" = 1

# The capture log is checked.
cp c/case.json before.json
expect 2 "an unknown --method is a usage error" "$DISPUTE" -C c add-evidence -k defect \
    --method video landscape.mp4
contains err 'unknown method "video"' "the refusal names the method"
contains err "photo, screenshot, screen-recording, export or scan" "and lists the methods"
expect 1 "a device with a control character is refused" "$DISPUTE" -C c add-evidence -k defect \
    --device "$(printf 'phone\033[2J')" landscape.mp4
same before.json c/case.json "nothing was added by the refusals"

# Shown in status, the evidence list (text, CSV, JSON).
expect 0 "status" "$DISPUTE" -C c status
line out "  E02 +defect +E02-defect\.mov .*iphone\.mov  taken 2026-10-11T19:50:12\+08:00, 2\.0 s long, by screen recording" \
    "status shows the time with its zone, the duration and the method"
line out "  E06 .*camera\.jpg  taken 2026-10-11T19:50:12\+08:00, by photo" "status shows the photo's time"
expect 0 "status in Chinese" env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 \
    "$DISPUTE" -C c status
contains out "形成于 2026-10-11T19:50:12+08:00，时长 2.0 秒，取得方式：录屏" \
    "status in Chinese names the method in Chinese"
expect 0 "the evidence list" "$DISPUTE" -C c draft evidence-list
cp out list.txt
contains list.txt "录制时间（视频文件QuickTime记录）：2026年10月11日 19:50:12（北京时间）" "the list says the QuickTime time"
contains list.txt "创建时间（音视频文件记录）：2026年10月11日 11:50:12（UTC）" "the list says the container's time"
contains list.txt "时长：3秒，画面 320×240" "the list gives the duration and size"
contains list.txt "时长：2秒，画面 240×320" "the portrait video's size is upright"
contains list.txt "拍摄时间（照片EXIF记录）：2026年10月11日 19:50:12（北京时间）" "the list gives the photo's time"
contains list.txt "拍摄设备（照片EXIF记录）：Xiaomi Redmi Note 12" "the list names the camera"
contains list.txt "写入时间（PNG文件tIME记录）：$(date -u -d "$SHOT_TIME" '+%Y年%-m月%-d日 %H:%M:%S')（UTC）" "the list gives the screenshot's time"
contains list.txt "取得方式：录屏" "the list gives the method"
contains list.txt "取得方式：截屏" "the list gives the screenshot's method"
contains list.txt "形成设备：iPhone 15, iOS 18.1" "the list gives the device"
contains list.txt "应用程序：淘宝" "the list gives the app"
contains list.txt "原始文件：iphone.mov（$(stat -c %s iphone.mov)字节，最后修改于 " "the list gives the original's name, size and time"
contains list.txt "登记时间：2026年11月18日 " "the list gives the intake time"
expect 0 "the evidence list as CSV" "$DISPUTE" -C c draft evidence-list --csv
matches out '^"2",".*","E02-defect.mov","[0-9a-f]{64}","1","电子数据","","2026年10月11日 19:50:12（北京时间）","录制时间（视频文件QuickTime记录）","2秒","录屏","iPhone 15, iOS 18.1","淘宝","iphone.mov","[0-9]+","[^"]+年[^"]+","2026年11月18日' \
    "the CSV row carries the time and origin"
# A duration or picture size edited past what any recording has is left out as
# unknown, not printed wrapped round.
cp -R c huge
python3 - huge/case.json <<'PY'
import json, sys
case = json.load(open(sys.argv[1]))
for item in case["evidence"]:
    if "duration_ms" in item.get("media", {}):
        item["media"].update(duration_ms=1e300, width=1e300, height=-5)
json.dump(case, open(sys.argv[1], "w"), ensure_ascii=False, indent="\t")
PY
expect 0 "the evidence list of a case edited by hand" "$DISPUTE" -C huge draft evidence-list
lacks out "时长：" "no duration is printed for a duration no recording has"
lacks out "画面 " "nor a picture size"
expect 0 "the evidence list as JSON" "$DISPUTE" -C c draft evidence-list --json
contains out '"captured_at":	"2026-10-11T19:50:12+08:00"' "the JSON list gives the time with its zone"
contains out '"method":	"screen-recording"' "the JSON list gives the method"
contains out '"duration_en":	"0:03"' "the JSON list gives the duration"

# The page: a poster frame for each video, a playable copy of the AMR recording bound
# to the original's SHA-256, all in the dossier's manifest, the same bytes every time.
expect 0 "pack" "$DISPUTE" -C c pack -o p1.zip
lacks err "warning" "pack makes the posters and the copy without a warning"
unzip -Z1 p1.zip >listing
BAG=$(head -n 1 listing | cut -d/ -f1)
for n in E01-defect E02-defect E03-defect; do
	contains listing "$BAG/data/posters/$n.jpg" "the dossier holds the poster frame of $n"
done
contains listing "$BAG/data/playable/E05-communication-audio.m4a" "the dossier holds a playable copy of the AMR recording"
lacks listing "data/playable/E04-" "the M4A memo, which browsers play, gets no copy"
unzip -p p1.zip "$BAG/data/posters/E03-defect.jpg" >poster.jpg
check "the portrait video's poster is upright, 240x320" \
    test "$(identify -format '%wx%h' poster.jpg)" = 240x320
check "the poster carries no metadata" sh -c "! identify -verbose poster.jpg | grep -qi exif"
unzip -p p1.zip "$BAG/data/playable/E05-communication-audio.m4a" >playable.m4a
check "ffprobe reads the copy as AAC" sh -c \
    "ffprobe -v error -show_entries stream=codec_name -of csv=p=0 playable.m4a | grep -qx aac"
# (ffprobe estimates an AMR file's duration from its bit rate: within a fifth of a second.)
copy=$(ffprobe -v error -show_entries format=duration -of csv=p=0 playable.m4a)
original=$(ffprobe -v error -show_entries format=duration -of csv=p=0 call.amr)
check "the copy lasts as long as the recording ($copy s, $original s)" \
    awk -v a="$copy" -v b="$original" 'BEGIN { d = a - b; exit !(d < 0.2 && d > -0.2) }'
unzip -p p1.zip "$BAG/data/playable/E05-communication-audio.m4a.txt" >sidecar.txt
contains sidecar.txt "sha256: $(sha256sum c/evidence/E05-communication-audio.amr | cut -d ' ' -f 1)" \
    "the sidecar names the original's SHA-256"
contains sidecar.txt "derived-from: data/evidence/E05-communication-audio.amr" "and the original"
unzip -p p1.zip "$BAG/manifest-sha256.txt" >manifest
contains manifest "$(sha256sum playable.m4a | cut -d ' ' -f 1)  data/playable/E05-communication-audio.m4a" \
    "the manifest lists the copy with its hash"
contains manifest "  data/playable/E05-communication-audio.m4a.txt" "the manifest lists the sidecar"
contains manifest "  data/posters/E01-defect.jpg" "the manifest lists the posters"
unzip -p p1.zip "$BAG/data/index.html" >page.html
contains page.html 'poster="posters/E01-defect.jpg"' "the page's video shows its poster"
contains page.html '<img class="thumb" src="posters/E03-defect.jpg"' "the printed page shows the poster"
contains page.html "本录音为 AMR 格式" "the page says the AMR recording is not playable in a browser"
contains page.html 'src="playable/E05-communication-audio.m4a"' "and plays the copy"
expect 0 "pack again" "$DISPUTE" -C c pack -o p2.zip
check "the same case gives the same dossier, posters and copies included" cmp -s p1.zip p2.zip
expect 0 "the dossier verifies" "$DISPUTE" verify p1.zip
contains out "p1.zip: intact" "the dossier with its derived files is intact"

# FFmpeg's libraries missing: dispute-av cannot start (the loader exits 127). The
# files are still added and the page still made, with warnings, and links the files.
mkdir broken
printf '#!/bin/sh\necho "dispute-av: error while loading shared libraries: libavcodec.so.59: cannot open shared object file" >&2\nexit 127\n' >broken/dispute-av
chmod +x broken/dispute-av
expect 0 "add a video when dispute-av cannot start" env DISPUTE_HELPERDIR="$PWD/broken" \
    "$DISPUTE" -C c add-evidence -k defect landscape.mp4
contains err "landscape.mp4: cannot read the recording (dispute-av could not be started)" \
    "the buyer is told why the video has no duration"
check "E08 was added, without a duration" sh -c "[ -n '$(field E08 sha256)' ] && [ -z '$(field E08 duration_ms)' ]"
expect 0 "pack when dispute-av cannot start" env DISPUTE_HELPERDIR="$PWD/broken" \
    "$DISPUTE" -C c pack -o p3.zip
contains err "E01-defect.mp4: cannot read the recording (dispute-av could not be started)" \
    "the pack warns that the poster is missing"
unzip -Z1 p3.zip >listing3
lacks listing3 "data/posters/" "no poster frames"
lacks listing3 "data/playable/" "no playable copy"
unzip -p p3.zip "*/data/index.html" >page3.html
contains page3.html '<video controls preload="metadata" src="evidence/E01-defect.mp4">' "the page still shows the video"
contains page3.html "请用支持 AMR 的播放器（如 VLC）打开原始文件" "and tells how to play the AMR recording"
expect 0 "that dossier verifies" "$DISPUTE" verify p3.zip

# A video whose frames are too large to decode safely (67 megapixels, a PNG-coded
# Matroska frame): added, and packed without a poster, with a warning.
ffmpeg -v error -f lavfi -i color=c=gray:size=8200x8200:rate=1:duration=1 -frames:v 1 \
    -c:v png huge.mkv || exit 1
expect 0 "add a video of 8200x8200 frames" "$DISPUTE" -C c add-evidence -k defect huge.mkv
check "E09 records its size" test "$(field E09 width)" = 8200
expect 0 "pack it" "$DISPUTE" -C c pack -o p4.zip
contains err "E09-defect.mkv: no frame at 500 ms (its frames have more than 64 megapixels)" \
    "the frame is refused from the header, not decoded"
unzip -Z1 p4.zip >listing4
lacks listing4 "data/posters/E09-defect.jpg" "no poster for it"
contains listing4 "data/posters/E01-defect.jpg" "the other videos keep theirs"

# dispute itself never links FFmpeg: dispute-av does.
check "dispute does not link libavformat or libavcodec" sh -c \
    "! readelf -d '$DISPUTE_BIN' | grep -q 'libav'"

finish
