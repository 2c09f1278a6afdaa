# Capture time: a photo's EXIF DateTimeOriginal is read at intake, shown by status and in
# the evidence list, and a defect photo taken before the order date gets a warning.
. "$TEST_LIB"

new_case c
# tests/data/evidence/camera-photo.jpg: a real JPEG with DateTimeOriginal 2026:10:11
# 20:05:00 and GPS tags, written by exiftool.
expect 0 "a photo with EXIF is accepted" "$DISPUTE" -C c add-evidence -k defect "$EVIDENCE/camera-photo.jpg"
contains c/case.json '"captured":	"2026-10-11T20:05:00"' "case.json records the capture time"
lacks err "before the order date" "no warning: taken after the order date 2026-10-01"
expect 0 "a photo without EXIF is accepted" "$DISPUTE" -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg"
check "only the EXIF photo has a capture time" sh -c '[ "$(grep -c "\"captured\"" c/case.json)" = 1 ]'
expect 0 "status" "$DISPUTE" -C c status
contains out "taken 2026-10-11T20:05:00" "status shows when the photo was taken"
expect 0 "the evidence list" "$DISPUTE" -C c draft evidence-list
contains out "拍摄时间（照片EXIF记录）：2026年10月11日 20:05:00" "the evidence list shows the capture time the Chinese way"
lacks out "2026-10-11T20:05:00" "the Chinese evidence list has no ISO time"

"$DISPUTE" -q init late || exit 1
"$DISPUTE" -q -C late set order.date 2026-10-20 || exit 1
expect 0 "a defect photo older than the order is still accepted" \
    "$DISPUTE" -C late add-evidence -k defect "$EVIDENCE/camera-photo.jpg"
contains err "says it was made on 2026-10-11, before the order date 2026-10-20" \
    "the buyer is warned that the photo predates the order"
"$DISPUTE" -q init chat || exit 1
"$DISPUTE" -q -C chat set order.date 2026-10-20 || exit 1
expect 0 "an older photo as a chat screenshot" "$DISPUTE" -C chat add-evidence -k order "$EVIDENCE/camera-photo.jpg"
lacks err "before the order date" "only defect photos are held to the order date"

finish
