#!/usr/bin/env bash
# Pack's memory against the number of items (bench/run calls it; it also runs alone):
#
#   bench/pack-items.sh DISPUTE [COUNT...]
#
# For each COUNT (default: 100 5000), a case of that many small evidence items (photos
# and screenshots of a few dozen bytes behind real JPEG and PNG headers, added 1,000 at
# a time), packed once under /usr/bin/time: the peak RSS of `dispute pack`, whose page,
# manifests and record grow with the items while the bytes stay few. Each dossier is
# then checked with `dispute verify`. Target: <= 32 MiB at 5,000 items, and flat.
# Beside it, on the same case, what does not depend on pack: `dispute show`, which
# opens the case and holds its record as every command does, and `zip -r` of the case
# folder, which holds what any zip writer holds for each entry until the end.
# Prints KEY=VALUE lines: counts (the list), and for each COUNT rss_COUNT_kb (pack),
# show_COUNT_kb, ziprss_COUNT_kb and zip_COUNT_bytes (the dossier's size).
# Exit status 1 when a command failed.
set -u
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795000000}
D=$(realpath "${1:?usage: bench/pack-items.sh DISPUTE [COUNT...]}") || exit 1
shift
counts=${*:-100 5000}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd) || exit 1
EVID=$top/tests/data/evidence
work=$(mktemp -d "${TMPDIR:-/tmp}/dispute-bench-items.XXXXXX") || exit 1
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
say() { printf 'bench/pack-items: %s\n' "$*" >&2; }

# hexesc FILE N: the first N bytes of FILE as printf escapes (\xff\xd8...).
hexesc() { od -An -v -tx1 -N "$2" "$1" | tr -s ' \n' '  ' | sed 's/ \([0-9a-f][0-9a-f]\)/\\x\1/g; s/ //g'; }
jpg_head=$(hexesc "$EVID/defect-photo.jpg" 20)
png_head=$(hexesc "$EVID/order-screenshot.png" 33)

# items_case CASE N: a case of N small items.
items_case() {
	local c=$1 n=$2 i batch
	"$D" -q init "$c" && "$D" -q -C "$c" set order.id 6920451873301942 &&
	    "$D" -q -C "$c" set order.product "充电宝 20000mAh" || return 1
	for ((batch = 0; batch * 1000 < n; batch++)); do
		rm -rf "$work/files"
		mkdir "$work/files" || return 1
		for ((i = batch * 1000 + 1; i <= n && i <= (batch + 1) * 1000; i++)); do
			if ((i % 2)); then
				printf "$jpg_head"'photo %06d\n' "$i" >"$work/files/IMG_$i.jpg"
			else
				printf "$png_head"'screenshot %06d\n' "$i" >"$work/files/Screenshot_$i.png"
			fi
		done
		"$D" -q -C "$c" add-evidence -k defect "$work/files"/* >/dev/null || return 1
	done
	rm -rf "$work/files"
}

echo "counts=$counts"
for n in $counts; do
	say "a case of $n items: adding, packing once, verifying"
	items_case "$work/case-$n" "$n" || { say "making the case of $n items failed"; exit 1; }
	/usr/bin/time -o "$work/rss" -f %M "$D" -q -C "$work/case-$n" pack -o "$work/d-$n.zip" \
	    >/dev/null || { say "pack of $n items failed"; exit 1; }
	"$D" -q verify "$work/d-$n.zip" >/dev/null || { say "verify of $n items failed"; exit 1; }
	echo "rss_${n}_kb=$(grep -E '^[0-9]+$' "$work/rss" | tail -n 1)"
	echo "zip_${n}_bytes=$(stat -c %s "$work/d-$n.zip")"
	/usr/bin/time -o "$work/rss" -f %M "$D" -q -C "$work/case-$n" show >/dev/null ||
	    { say "show of $n items failed"; exit 1; }
	echo "show_${n}_kb=$(grep -E '^[0-9]+$' "$work/rss" | tail -n 1)"
	(cd "$work/case-$n" && /usr/bin/time -o "$work/rss" -f %M zip -q -r -n .jpg:.png \
	    "$work/z-$n.zip" .) || { say "zip -r of $n items failed"; exit 1; }
	echo "ziprss_${n}_kb=$(grep -E '^[0-9]+$' "$work/rss" | tail -n 1)"
	chmod -R u+w "$work/case-$n" 2>/dev/null
	rm -rf "$work/case-$n" "$work/d-$n.zip" "$work/z-$n.zip"
done
