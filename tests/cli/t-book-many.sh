# The evidence list of a case of 3,000 items cites every item's page in the evidence
# book: the print helper's answer to "where does each item fall" is longer than a
# reply's header may be (64 KiB), and goes as its payload. Before, any case of more
# than about 2,700 items could not have its list drafted nor be packed.
. "$TEST_LIB"

N=3000
"$DISPUTE" -q init c && "$DISPUTE" -q -C c set order.id 6912345678901234 &&
    "$DISPUTE" -q -C c set claimant.name 张三 || exit 1
# Small files behind a real JPEG header (as printf's octal escapes), added 1,000 a call.
jpg=$(head -c 20 "$EVIDENCE/defect-photo.jpg" | od -An -v -to1 | tr -s ' \n' '  ' |
    sed 's/ \([0-7][0-7][0-7]\)/\\\1/g; s/ //g')
batch=0
while [ $batch -lt $((N / 1000)) ]; do
	rm -rf files && mkdir files || exit 1
	i=$((batch * 1000 + 1))
	while [ $i -le $(((batch + 1) * 1000)) ]; do
		printf "$jpg"'photo %06d\n' $i >files/IMG_$i.jpg
		i=$((i + 1))
	done
	"$DISPUTE" -q -C c add-evidence -k defect files/* >/dev/null || exit 1
	batch=$((batch + 1))
done

expect 0 "the evidence list of $N items, with the book's pages" \
    "$DISPUTE" -q -C c draft evidence-list --csv
# Columns: ..., 页数 (the next to last), 页码 (the last); one row for each item.
tr -d '\r' <out | tail -n +2 | awk -F'","' '{ print $(NF - 1) " " $NF }' | tr -d '"' >pages
check "a row for each of the $N items" test "$(wc -l <pages)" -eq $N
first=$(head -n 1 pages | cut -d' ' -f2)
last=$(tail -n 1 pages | cut -d' ' -f2)
check "every item has its page count and page" \
    test "$(grep -c '^1 [0-9][0-9]*$' pages)" -eq $N
check "the pages follow one another to the last item" test "${last:-0}" -eq $((${first:-0} + N - 1))

finish
