# dispute pack of a case of many items, whose page, manifests and record are written
# into the zip through an unnamed spool file instead of memory: the dossier verifies,
# lists every item, carries its page's security policy once, comes out the same twice,
# and leaves nothing behind, whether written to a file or to a stream. A page template
# whose <head> comes later than the part of the page held back for the policy is
# refused.
. "$TEST_LIB"

N=1200
ROOT=dispute-6912345678901234-20261118
"$DISPUTE" -q init c && "$DISPUTE" -q -C c set order.id 6912345678901234 || exit 1
# Small files behind real headers, added in two calls like a phone's camera roll.
# A real JPEG header as printf's octal escapes (POSIX printf knows no \x).
jpg=$(head -c 20 "$EVIDENCE/defect-photo.jpg" | od -An -v -to1 | tr -s ' \n' '  ' |
    sed 's/ \([0-7][0-7][0-7]\)/\\\1/g; s/ //g')
mkdir a b
i=1
while [ $i -le $N ]; do
	dir=a
	[ $i -gt $((N / 2)) ] && dir=b
	printf "$jpg"'photo %06d\n' $i >$dir/IMG_$i.jpg
	i=$((i + 1))
done
"$DISPUTE" -q -C c add-evidence -k defect a/* >/dev/null &&
    "$DISPUTE" -q -C c add-evidence -k defect b/* >/dev/null || exit 1

# The first pack fixes the exhibit numbers in case.json; the dossiers after it compare.
expect 0 "a first pack of $N items" "$DISPUTE" -q -C c pack -o first.zip
mkdir dest
expect 0 "pack of $N items" "$DISPUTE" -q -C c pack -o dest/d.zip
expect 0 "the dossier of $N items verifies" "$DISPUTE" -q verify dest/d.zip
check "unzip -t finds every entry sound" unzip -tq dest/d.zip
unzip -q dest/d.zip -d x
check "the dossier holds the $N evidence files" \
    test "$(ls x/$ROOT/data/evidence | wc -l)" -eq $N
check "the payload manifest has a line for each of them" \
    test "$(grep -c '  data/evidence/' x/$ROOT/manifest-sha256.txt)" -eq $N
check "the page lists every item" \
    test "$(grep -o 'id="list-E[0-9]*"' x/$ROOT/data/index.html | wc -l)" -eq $N
check "the page is larger than what is held back for its policy" \
    test "$(stat -c %s x/$ROOT/data/index.html)" -gt 65536
check "the page carries its security policy once" \
    test "$(grep -c 'http-equiv="Content-Security-Policy"' x/$ROOT/data/index.html)" -eq 1
contains x/$ROOT/data/index.html '<head>
<meta http-equiv="Content-Security-Policy"' "the policy comes right after <head>"
check "the record in the dossier is case.json as on disk" cmp c/case.json x/$ROOT/data/case.json
check "the output folder holds only the dossier and its request" \
    test "$(ls -A dest | tr '\n' ' ')" = "d.tsq d.zip "
expect 0 "pack again" "$DISPUTE" -q -C c pack -o again.zip
check "the same case and date give the same bytes" cmp dest/d.zip again.zip

# To a stream, the zip and its spool are made in TMPDIR, and leave it empty.
mkdir tmp
expect 0 "pack to standard output" env TMPDIR="$SCRATCH/tmp" "$DISPUTE" -q -C c pack -o -
check "the stream is the same dossier" cmp out dest/d.zip
check "nothing is left in TMPDIR" test -z "$(ls -A tmp)"

# The policy goes after <head>, looked for in the first 64 KiB of the page only.
mkdir c/templates
{ printf '<!DOCTYPE html>\n<!-- '; head -c 70000 /dev/zero | tr '\0' x
  printf ' -->\n<head><title>t</title></head><body></body></html>\n'; } >c/templates/index.html.mustache
expect 1 "pack refuses a page whose <head> comes after 64 KiB" "$DISPUTE" -C c pack -o late.zip
contains err "c/templates/index.html.mustache: the page must begin with <head>, within its first 64 KiB" \
    "the refusal names the template and the limit"
check "no dossier is written for it" test ! -e late.zip

finish
