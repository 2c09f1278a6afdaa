#!/bin/sh
# The demo case's page in one command: builds dispute, runs examples/power-bank.sh,
# unzips its dossier and has Debian's headless Chromium (offline, fresh profile) take
# out/screenshot.png of data/index.html as a browser shows it, and print
# out/screenshot.pdf, the exhibit bundle a printer gets, and out/book-page-1.png to
# out/book-page-3.png, the first pages of the dossier's evidence book
# (data/documents/evidence-book.pdf) as pdftoppm renders them. Prints every path.
# WIDTH and HEIGHT (default 1280 x 5200: the whole demo page) set the window.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
out=$top/out
width=${WIDTH:-1280}
height=${HEIGHT:-5200}

sh "$top/tools/deps.sh" chromium poppler-utils fonts-wqy-microhei
cmake -S "$top" -B "$build" -DDISPUTE_WERROR=ON >/dev/null
cmake --build "$build" --target dispute -j "$(nproc)" >/dev/null
mkdir -p "$out"
dossier=$(DISPUTE=$build/dispute sh "$top/examples/power-bank.sh" "$out/examples/power-bank" \
    2>/dev/null | tail -n 1)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dispute-screenshot.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && unzip -q "$dossier")
page=$(ls -d "$scratch"/*/data/index.html)

# chromium ARGS...: headless, no sandbox (root), no GPU, nothing reaching the network.
chromium_run() {
	profile=$(mktemp -d "$scratch/profile.XXXXXX")
	timeout 180 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --disable-extensions --hide-scrollbars \
	    "$@" >/dev/null 2>>"$scratch/chromium.log" || {
		tail -n 5 "$scratch/chromium.log" >&2
		echo "screenshot.sh: chromium failed" >&2
		exit 1
	}
}
chromium_run --window-size="$width,$height" --screenshot="$out/screenshot.png" "file://$page"
chromium_run --no-pdf-header-footer --print-to-pdf="$out/screenshot.pdf" "file://$page"
book=$(ls "$scratch"/*/data/documents/evidence-book.pdf)
for k in 1 2 3; do
	pdftoppm -r 72 -f $k -l $k -singlefile -png "$book" "$out/book-page-$k"
done
echo "$out/screenshot.png"
echo "$out/screenshot.pdf"
for k in 1 2 3; do
	echo "$out/book-page-$k.png"
done
