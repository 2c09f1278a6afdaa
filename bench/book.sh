#!/usr/bin/env bash
# The evidence book's part of the benchmark (bench/run calls it; it also runs alone):
#
#   bench/book.sh DISPUTE [REPS]
#
# 1. the time of `draft evidence-book` for the demo case (examples/power-bank.sh), the
#    median of REPS runs (default 5), page cache warm; target < 1 s;
# 2. its peak RSS (/usr/bin/time %M of dispute and the helpers it waits for) on cases of
#    real, decodable 12-megapixel phone photos (4000x3000 JPEG with EXIF orientation 6,
#    2-4 MB each), 1080x2400 PNG screenshots and a 2 MB Chinese chat log: one with 4
#    photos, one with 16, so that memory flat in the number of items shows; target
#    < 64 MiB.
# Prints KEY=VALUE lines: demo_us, demo_pages, rss_small_kb, rss_large_kb, items_small,
# items_large, pages_large. Exit status 1 when a command failed.
set -u
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795000000}
D=$(realpath "${1:?usage: bench/book.sh DISPUTE [REPS]}") || exit 1
reps=${2:-5}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd) || exit 1
work=$(mktemp -d "${TMPDIR:-/tmp}/dispute-bench-book.XXXXXX") || exit 1
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
say() { printf 'bench/book: %s\n' "$*" >&2; }
failed=0

# 1. The demo case (it packs with a date of its own: not under the fixed "now").
env -u SOURCE_DATE_EPOCH DISPUTE=$D sh "$top/examples/power-bank.sh" "$work/demo" >/dev/null 2>&1 ||
	{ say "examples/power-bank.sh failed"; exit 1; }
"$D" -q -C "$work/demo/case" draft evidence-book -o "$work/demo.pdf" ||
	{ say "draft evidence-book failed on the demo case"; exit 1; }
times=()
for ((r = 1; r <= reps; r++)); do
	t0=$EPOCHREALTIME
	"$D" -q -C "$work/demo/case" draft evidence-book --force -o "$work/demo.pdf" || failed=1
	t1=$EPOCHREALTIME
	times+=($((${t1/./} - ${t0/./})))
done
echo "demo_us=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
echo "demo_pages=$(pdfinfo "$work/demo.pdf" | awk '/^Pages:/ { print $2 }')"

# 2. Cases of real photos. One photo of noise (it compresses like a photo), made once
# and varied by a comment, so that every file differs.
say "making 12-megapixel photos"
mkdir -p "$work/media"
convert -size 4000x3000 xc:gray +noise Random -blur 0x1 -quality 88 "$work/media/base.jpg" ||
	{ say "convert failed"; exit 1; }
exiftool -q -overwrite_original -Orientation#=6 "$work/media/base.jpg"
for ((i = 1; i <= 16; i++)); do
	{ head -c 2 "$work/media/base.jpg"
	  printf '\xff\xfe\x00\x10photo %08d' "$i"
	  tail -c +3 "$work/media/base.jpg"; } >"$work/media/IMG_$i.jpg"
done
convert -size 1080x2400 xc:white -fill black -draw "rectangle 40,40 1040,400" \
    "$work/media/Screenshot_1.png" && convert "$work/media/Screenshot_1.png" -flip \
    "$work/media/Screenshot_2.png" || exit 1
awk 'BEGIN { for (i = 0; i < 20000; i++)
	printf "2026-10-%02d %02d:%02d 客服：您好，关于订单 6912345678901234 的售后申请已收到，请耐心等待处理结果。\n",
	    1 + i % 28, 8 + i % 12, i % 60 }' >"$work/media/chat.txt"

# book_rss PHOTOS: the peak RSS (KB) of the book of a case with PHOTOS photos, the two
# screenshots and the chat log; ITEMS and PAGES set.
book_rss() {
	local c=$work/case-$1 i
	"$D" -q init "$c" && "$D" -q -C "$c" set claimant.name 张三 &&
	    "$D" -q -C "$c" set order.id 6912345678901234 || return 1
	for ((i = 1; i <= $1; i++)); do
		"$D" -q -C "$c" add-evidence -k defect "$work/media/IMG_$i.jpg" >/dev/null || return 1
	done
	"$D" -q -C "$c" add-evidence -k chat "$work/media/Screenshot_1.png" \
	    "$work/media/Screenshot_2.png" "$work/media/chat.txt" >/dev/null || return 1
	ITEMS=$(($1 + 3))
	/usr/bin/time -o "$work/rss" -f %M "$D" -q -C "$c" draft evidence-book -o "$work/b-$1.pdf" ||
		return 1
	PAGES=$(pdfinfo "$work/b-$1.pdf" | awk '/^Pages:/ { print $2 }')
	REPLY=$(grep -E '^[0-9]+$' "$work/rss" | tail -n 1)
}
say "the book of 4 photos, 2 screenshots and a chat log"
book_rss 4 || { say "the book of 4 photos failed"; exit 1; }
echo "rss_small_kb=$REPLY"
echo "items_small=$ITEMS"
say "the book of 16 photos, 2 screenshots and a chat log"
book_rss 16 || { say "the book of 16 photos failed"; exit 1; }
echo "rss_large_kb=$REPLY"
echo "items_large=$ITEMS"
echo "pages_large=$PAGES"
exit $failed
