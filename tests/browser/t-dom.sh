# The page as Chromium reads it: headless Chromium loads data/index.html from the
# unzipped bag with no network and dumps the DOM it built; every evidence item,
# thumbnail and document link must be there and resolve to a file in the bag, with no
# script and nothing remote. tidy checks the HTML itself.
. "$TEST_LIB"
. "$BROWSER_LIB"
chromium_or_skip
pack_test_case

if browser --dump-dom "file://$PAGE" >dom.html && [ -s dom.html ]; then
	pass "chromium --dump-dom loads the page"
else
	fail "chromium --dump-dom loads the page (see $SCRATCH/chromium.log)"
	tail -5 "$SCRATCH/chromium.log" | sed 's/^/#   /'
	finish
	exit 1
fi

contains dom.html '<html lang="zh-CN">' "the DOM has <html lang=zh-CN>"
contains dom.html '<meta charset="utf-8">' "the DOM has the UTF-8 declaration"
lacks dom.html "<script" "the DOM has no script"
lacks dom.html "<iframe" "the DOM has no frame"
contains dom.html "消费纠纷证据材料" "the Chinese title survives the round trip"

# Every file the manifest lists under evidence/, thumbs/ and documents/ is on the page.
manifest=$BAG/manifest-sha256.txt
sed -n 's/^[0-9a-f]*  data\/evidence\///p' "$manifest" >evidence.txt
sed -n 's/^[0-9a-f]*  data\/thumbs\///p' "$manifest" >thumbs.txt
sed -n 's/^[0-9a-f]*  data\/documents\///p' "$manifest" >documents.txt
check "the bag has 9 evidence files" test "$(wc -l <evidence.txt)" -eq 9
check "the bag has 3 thumbnails" test "$(wc -l <thumbs.txt)" -eq 3
check "the bag has documents" test -s documents.txt
while IFS= read -r f; do
	id=${f%%-*}
	contains dom.html "id=\"$id\" data-exhibit=" "the DOM has the section of $id"
	contains dom.html "href=\"evidence/$f\"" "the DOM links evidence/$f"
done <evidence.txt
while IFS= read -r f; do
	check "the DOM shows thumbs/$f as an image" grep -qE "<img [^>]*src=\"thumbs/$f\"" dom.html
done <thumbs.txt
grep -oE 'class="document" href="[^"]*"' dom.html | sed 's/.*href="//; s/"$//' >doc-links.txt
while IFS= read -r f; do
	found=0
	while IFS= read -r link; do
		[ "$(urldecode "$link")" = "documents/$f" ] && found=1
	done <doc-links.txt
	check "the DOM links documents/$f" test "$found" -eq 1
done <documents.txt
check "as many document links as documents" \
    test "$(wc -l <doc-links.txt)" -eq "$(wc -l <documents.txt)"
contains dom.html '<video controls="" preload="metadata" src="evidence/E02-defect.mp4" poster="posters/E02-defect.jpg">' \
    "the video has a player"
contains dom.html 'src="evidence/E09-communication-audio.mp3"' "the recording has a player"
contains dom.html "2026-10-03 10:15 商家客服：请提供视频。" "the chat log is shown as text"

# Every link and source in the DOM resolves to a file in the bag; none leaves it.
grep -oE '(src|href)="[^"]*"' dom.html | sed 's/^[a-z]*="//; s/"$//' | sort -u >links.txt
remote=$(grep -cE '^[a-zA-Z][a-zA-Z0-9+.-]*:|^//' links.txt)
check "no link or source points at the network or a file: URL ($remote found)" test "$remote" -eq 0
bad=0
n=0
while IFS= read -r link; do
	case $link in
	\#*) continue ;;
	esac
	n=$((n + 1))
	file=$(urldecode "${link%%#*}")
	case $file in
	../../*|/*) echo "# leaves the bag: $link"; bad=1; continue ;;
	esac
	[ -f "$BAG/data/$file" ] || { echo "# no file for $link"; bad=1; }
done <links.txt
check "all $n links and sources resolve to files in the bag" test "$bad" -eq 0
check "every #anchor points at an element" sh -c '
	for a in $(grep -oE "href=\"#[^\"]*\"" dom.html | sed "s/href=\"#//; s/\"$//" | sort -u); do
		grep -q "id=\"$a\"" dom.html || { echo "# no id=$a"; exit 1; }
	done'

# The page's Content-Security-Policy: the shipped page loads its thumbnails and media
# without a single violation, and a script or remote picture added to a case's own
# template is not run or loaded.
browser --enable-logging=stderr --v=0 --dump-dom "file://$PAGE" >/dev/null
check "Chromium reports no CSP violation on the shipped page" \
    sh -c "! grep -q 'Content Security Policy' '$SCRATCH/chromium.log'"
mkdir -p c/templates || exit 1
sed 's|</body>|<img src="http://evil.example/x.png"><script>document.title="SCRIPT-RAN"</script></body>|' \
    "$(dirname "$TEST_DATA_DIR")/../templates/zh-CN/index.html.mustache" >c/templates/index.html.mustache
"$DISPUTE" -q -C c pack -o hostile.zip >/dev/null && mkdir hostile &&
    (cd hostile && unzip -q ../hostile.zip) || exit 1
: >"$SCRATCH/chromium.log"
browser --enable-logging=stderr --v=0 --dump-dom "file://$(ls -d "$SCRATCH"/hostile/dispute-*)/data/index.html" >hostile.html
lacks hostile.html "<title>SCRIPT-RAN" "a script added by a case's template does not run"
contains "$SCRATCH/chromium.log" "violates the following Content Security Policy directive" \
    "Chromium refuses it by the page's policy"

# The HTML as written, checked by tidy (HTML5): no errors, no warnings.
if command -v tidy >/dev/null; then
	tidy -q -e "$PAGE" >tidy.txt 2>&1
	status=$?
	[ "$status" -ne 0 ] && sed 's/^/#   /' tidy.txt
	check "tidy finds neither errors nor warnings in the page" test "$status" -eq 0
else
	echo "# tidy is not installed: the HTML5 check by tidy is skipped"
fi

finish
