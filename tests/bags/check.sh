#!/bin/sh
# One test of the verifier as data: runs bag-print on tests/data/bags/NAME.zip and
# fails, showing the difference, unless it prints exactly NAME.expected (whose lines
# starting with "# " say what the bag is and are not compared).
#   check.sh BAG-PRINT BAGS-FOLDER NAME
set -u
print=$1 bags=$2 name=$3
got=$(mktemp "${TMPDIR:-/tmp}/bag-check.XXXXXX") || exit 1
want=$(mktemp "${TMPDIR:-/tmp}/bag-want.XXXXXX") || exit 1
trap 'rm -f "$got" "$want"' EXIT
grep -v '^# ' "$bags/$name.expected" >"$want"
"$print" "$bags/$name.zip" >"$got" || { echo "bag-print failed on $name.zip"; exit 1; }
if ! diff -u "$want" "$got"; then
	echo "not ok - $name.zip: the verifier's report differs from $name.expected"
	exit 1
fi
echo "ok - $name.zip"
