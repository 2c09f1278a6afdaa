# The page printed to PDF by headless Chromium: an exhibit bundle of one cover page,
# one page of the evidence list, then every evidence item on pages of its own whose
# running label ("证据N 第k页 / 共m页") matches the page it is printed on.
. "$TEST_LIB"
. "$BROWSER_LIB"
chromium_or_skip
pack_test_case

if browser --no-pdf-header-footer --print-to-pdf="$SCRATCH/bundle.pdf" "file://$PAGE" &&
    [ -s bundle.pdf ]; then
	pass "chromium --print-to-pdf prints the page"
else
	fail "chromium --print-to-pdf prints the page (see $SCRATCH/chromium.log)"
	tail -5 "$SCRATCH/chromium.log" | sed 's/^/#   /'
	finish
	exit 1
fi

pdfinfo bundle.pdf >info.txt
pages=$(sed -n 's/^Pages: *//p' info.txt)
contains info.txt "(A4)" "the bundle is printed on A4"

# The layout's own account: one section per printed exhibit page, data-pages each.
grep -oE 'data-exhibit="[0-9]+" data-page="[0-9]+" data-pages="[0-9]+"' "$PAGE" |
    sed 's/[^0-9]*\([0-9]*\)[^0-9]*\([0-9]*\)[^0-9]*\([0-9]*\).*/\1 \2 \3/' >sections.txt
exhibit_pages=$(wc -l <sections.txt)
items=$(grep -c ' 1 [0-9]*$' sections.txt)
check "9 evidence items" test "$items" -eq 9
check "the long chat log is split over several pages" grep -qE '^6 2 [0-9]+$' sections.txt
want=$((1 + 1 + exhibit_pages))
check "the PDF has $want pages: the cover, the evidence list and $exhibit_pages exhibit pages (got $pages)" \
    test "$pages" = "$want"

# Each page carries what the layout puts there.
page_text() {
	pdftotext -layout -f "$1" -l "$1" bundle.pdf - 2>/dev/null | tr -d ' '
}
page_text 1 >p.txt
contains p.txt "消费纠纷证据材料" "page 1 is the cover"
contains p.txt "案件概要" "the cover has the case at a glance"
contains p.txt "维权进度" "the cover has the ladder"
lacks p.txt "证据目录" "the evidence list is not on the cover"
page_text 2 >p.txt
contains p.txt "证据目录" "page 2 is the evidence list"
contains p.txt "证据9" "the whole list fits on page 2"
n=3
while read -r exhibit k m; do
	page_text "$n" >p.txt
	contains p.txt "证据${exhibit}第${k}页/共${m}页" "page $n is 证据$exhibit 第${k}页 / 共${m}页"
	n=$((n + 1))
done <sections.txt
page_text 4 >p.txt
contains p.txt "SHA-256" "an exhibit page carries the file's SHA-256"

finish
