# dispute add-evidence: the types each kind accepts (by content), refusals naming the
# detected type and leaving case.json and evidence/ untouched, all-or-nothing batches,
# duplicates, renamed types, read-only copies with matching SHA-256, untouched originals,
# Chinese names, and files that are not regular files.
. "$TEST_LIB"

TAB=$(printf '\t')

sha() {
	sha256sum "$1" | cut -d' ' -f1
}

# snap DIR: remember DIR's case.json and the long listing of DIR/evidence.
snap() {
	cp "$1/case.json" "$1.json.before"
	ls -lA --time-style=full-iso "$1/evidence" >"$1.ls.before"
}

# unchanged DIR TITLE: DIR's case.json and evidence/ are as snap left them.
unchanged() {
	ls -lA --time-style=full-iso "$1/evidence" >"$1.ls.after"
	same "$1.json.before" "$1/case.json" "$2: case.json is byte-identical"
	same "$1.ls.before" "$1.ls.after" "$2: the evidence/ listing is unchanged"
}

# refused DIR MESSAGE ARGS...: `add-evidence ARGS` in case DIR exits 1, says MESSAGE and
# "nothing was added", prints nothing on stdout and changes nothing.
refused() {
	dir=$1
	msg=$2
	shift 2
	snap "$dir"
	expect 1 "add-evidence $* is refused" $WRAP "$DISPUTE" -C "$dir" add-evidence "$@"
	contains err "$msg" "add-evidence $*: the message says '$msg'"
	contains err "nothing was added" "add-evidence $*: the message says nothing was added"
	check "add-evidence $*: nothing on stdout" test ! -s out
	unchanged "$dir" "add-evidence $*"
}

# stored_line ID FILE SOURCE: the stdout line add-evidence prints for SOURCE stored as FILE.
stored_line() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$(sha "$3")"
}

# A command to run the program under (a time limit for the FIFO, which must not block).
WRAP=

for k in defect chat medical audio order batch dup same renamed orig named odd; do
	"$DISPUTE" -q init "$k" || exit 1
done

# Each kind accepts its types, whatever the order; stdout is ID<TAB>FILE<TAB>SHA256.
expect 0 "defect accepts jpg, png and mp4 in one call" "$DISPUTE" -C defect add-evidence \
    -k defect "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/order-screenshot.png" "$EVIDENCE/no-power.mp4"
{
	stored_line E01 E01-defect.jpg "$EVIDENCE/defect-photo.jpg"
	stored_line E02 E02-defect.png "$EVIDENCE/order-screenshot.png"
	stored_line E03 E03-defect.mp4 "$EVIDENCE/no-power.mp4"
} >want
same want out "defect: stdout has one ID<TAB>FILE<TAB>SHA256 line per file"
contains defect/case.json '"mime":	"video/mp4"' "defect: the mp4's detected type is recorded"
contains defect/case.json '"kind":	"defect"' "defect: the kind is recorded"

expect 0 "chat accepts txt, csv, png and pdf" "$DISPUTE" -C chat add-evidence -k chat \
    "$EVIDENCE/chat-merchant.txt" "$EVIDENCE/chat-platform.csv" \
    "$EVIDENCE/order-screenshot.png" "$EVIDENCE/invoice.pdf"
{
	stored_line E01 E01-chat.txt "$EVIDENCE/chat-merchant.txt"
	stored_line E02 E02-chat.csv "$EVIDENCE/chat-platform.csv"
	stored_line E03 E03-chat.png "$EVIDENCE/order-screenshot.png"
	stored_line E04 E04-chat.pdf "$EVIDENCE/invoice.pdf"
} >want
same want out "chat: stdout lists the four files"

expect 0 "medical accepts pdf and jpg" "$DISPUTE" -C medical add-evidence -k medical \
    "$EVIDENCE/invoice.pdf" "$EVIDENCE/defect-photo.jpg"
{
	stored_line E01 E01-medical.pdf "$EVIDENCE/invoice.pdf"
	stored_line E02 E02-medical.jpg "$EVIDENCE/defect-photo.jpg"
} >want
same want out "medical: stdout lists the two files"

expect 0 "communication-audio accepts mp3" "$DISPUTE" -C audio add-evidence \
    -k communication-audio "$EVIDENCE/call.mp3"
stored_line E01 E01-communication-audio.mp3 "$EVIDENCE/call.mp3" >want
same want out "communication-audio: stdout lists the mp3"
contains audio/case.json '"mime":	"audio/mpeg"' "communication-audio: the type is recorded"

expect 0 "order accepts png and pdf, with a note and --proves" "$DISPUTE" -C order add-evidence \
    -k order -n "下单页面" --proves "the price paid" "$EVIDENCE/order-screenshot.png" \
    "$EVIDENCE/invoice.pdf"
{
	stored_line E01 E01-order.png "$EVIDENCE/order-screenshot.png"
	stored_line E02 E02-order.pdf "$EVIDENCE/invoice.pdf"
} >want
same want out "order: stdout lists the two files"
contains order/case.json '"note":	"下单页面"' "order: the note is recorded"
contains order/case.json '"proves":	"the price paid"' "order: --proves is recorded"

# Copies: read-only, same bytes and SHA-256 as the original and as recorded.
for f in E01-defect.jpg:defect-photo.jpg E02-defect.png:order-screenshot.png \
    E03-defect.mp4:no-power.mp4; do
	copy=defect/evidence/${f%%:*}
	orig=$EVIDENCE/${f#*:}
	check "$copy is read-only and the owner's alone (400)" test "$(stat -c %a "$copy")" = 400
	check "$copy is a regular file, not a link" sh -c "[ -f '$copy' ] && [ ! -L '$copy' ]"
	same "$orig" "$copy" "$copy has the original's bytes"
	check "$copy has the original's SHA-256" test "$(sha "$copy")" = "$(sha "$orig")"
	contains defect/case.json "\"sha256\":	\"$(sha "$copy")\"" "$copy: case.json records its SHA-256"
	contains defect/case.json "\"size\":	$(wc -c <"$orig")," "$copy: case.json records its size"
done

# Refusals by content, naming the detected type.
cp "$DISPUTE_BIN" photo.jpg
refused defect "photo.jpg: refused: the content is application/" -k defect photo.jpg
contains err "defect evidence must be images and videos" "the ELF refusal says what defect needs"
refused defect "refused: the content is audio/mpeg, but defect evidence must be" \
    -k defect "$EVIDENCE/call.mp3"
refused medical "refused: the content is text/plain, but medical evidence must be images or PDF" \
    -k medical "$EVIDENCE/chat-merchant.txt"
refused audio "refused: the content is image/jpeg" -k communication-audio "$EVIDENCE/defect-photo.jpg"
refused order "refused: the content is video/mp4" -k order "$EVIDENCE/no-power.mp4"

# A batch whose last file is refused adds none of them, and uses up no numbers.
refused batch "call.mp3: refused: the content is audio/mpeg" -k defect \
    "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/no-power.mp4" "$EVIDENCE/call.mp3"
check "the refused batch left evidence/ empty" sh -c '[ -z "$(ls -A batch/evidence)" ]'
lacks batch/case.json '"E01"' "the refused batch recorded nothing"
expect 0 "the same batch without the refused file is accepted" "$DISPUTE" -C batch add-evidence \
    -k defect "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/no-power.mp4"
contains out "E01${TAB}E01-defect.jpg" "the refused batch used up no evidence number"

# Duplicates: already in the case, or twice in one call.
cp "$EVIDENCE/defect-photo.jpg" again.jpg
refused defect "again.jpg: refused: the same content is already evidence E01 (defect-photo.jpg)" \
    -k defect again.jpg
refused defect "already evidence E02" -k chat "$EVIDENCE/order-screenshot.png"
cp "$EVIDENCE/call.mp3" copy.mp3
refused same "refused: the same content as" -k communication-audio "$EVIDENCE/call.mp3" copy.mp3

# A PNG named .jpg is accepted, stored as .png, with a warning.
cp "$EVIDENCE/order-screenshot.png" shot.jpg
expect 0 "a PNG named .jpg is accepted" "$DISPUTE" -C renamed add-evidence -k order shot.jpg
stored_line E01 E01-order.png shot.jpg >want
same want out "the PNG named .jpg is stored as E01-order.png"
contains err "warning: shot.jpg: the name says .jpg but the content is image/png; stored as .png" \
    "a warning names the mismatch"
check "E01-order.png exists" test -f renamed/evidence/E01-order.png
check "no E01-order.jpg was made" test ! -e renamed/evidence/E01-order.jpg
contains renamed/case.json '"original_name":	"shot.jpg"' "the original name is recorded"
contains renamed/case.json '"mime":	"image/png"' "the detected type is recorded"

# Nothing is stored as a web document the page's link would open and run. A chat log
# that merely quotes <script> and <img src=http://...> (libmagic calls it text/html) is
# kept as plain text; so is a saved order page.
"$DISPUTE" -q init markup || exit 1
printf '%s\n' '2026-10-05 10:02 商家：<script>document.title="SCRIPT-RAN"</script>' \
    '2026-10-05 10:03 我：<img src=http://evil.example/x.png onerror=alert(1)>' >chat.txt
check "libmagic calls the chat log text/html" test "$(file -b --mime-type chat.txt)" = text/html
expect 0 "a chat log that quotes HTML is accepted" "$DISPUTE" -C markup add-evidence -k chat chat.txt
stored_line E01 E01-chat.txt chat.txt >want
same want out "the chat log is stored as E01-chat.txt"
contains markup/case.json '"mime":	"text/plain"' "the chat log is recorded as text/plain"
lacks markup/case.json 'text/html' "text/html is recorded nowhere"
contains err "chat.txt: the content is text/html; kept as plain text (.txt)" "a warning says so"
printf '<!DOCTYPE html>\n<html><head><script>fetch("http://evil.example/")</script></head><body>订单 6912345678901234</body></html>\n' >order.html
expect 0 "a saved order page is accepted" "$DISPUTE" -C markup add-evidence -k order order.html
stored_line E02 E02-order.txt order.html >want
same want out "the saved order page is stored as E02-order.txt"
check "no .html file is in evidence/" sh -c '! ls markup/evidence | grep -q "\.html\$"'
# An SVG with a script is refused for every kind that takes pictures.
printf '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>document.documentElement.setAttribute("data-ran","yes")</script><rect width="10" height="10"/></svg>\n' >defect.svg
check "libmagic calls the SVG image/svg+xml" test "$(file -b --mime-type defect.svg)" = image/svg+xml
for k in defect order chat other; do
	refused markup "defect.svg: refused: an SVG picture can carry scripts" -k "$k" defect.svg
done

# The original file is left exactly as it was: bytes, mode and modification time.
cp "$EVIDENCE/defect-photo.jpg" orig.jpg
chmod 644 orig.jpg
touch -d "2020-01-02 03:04:05" orig.jpg
mtime=$(stat -c %Y orig.jpg)
expect 0 "add a file with a known mtime" "$DISPUTE" -C orig add-evidence -k defect orig.jpg
same "$EVIDENCE/defect-photo.jpg" orig.jpg "the original's content is unchanged"
check "the original's mtime is unchanged" test "$(stat -c %Y orig.jpg)" = "$mtime"
check "the original's mode is unchanged (644)" test "$(stat -c %a orig.jpg)" = 644
check "the original is still there" test -f orig.jpg

# A symbolic link to a regular file is followed; the link's name is recorded.
ln -s "$EVIDENCE/invoice.pdf" link.pdf
expect 0 "a symlink to a regular file is followed" "$DISPUTE" -C orig add-evidence -k receipt link.pdf
stored_line E02 E02-receipt.pdf "$EVIDENCE/invoice.pdf" >want
same want out "the symlink's target is stored as E02-receipt.pdf"
check "the copy is a regular file, not a link" \
    sh -c '[ -f orig/evidence/E02-receipt.pdf ] && [ ! -L orig/evidence/E02-receipt.pdf ]'
same "$EVIDENCE/invoice.pdf" orig/evidence/E02-receipt.pdf "the copy holds the target's bytes"
contains orig/case.json '"original_name":	"link.pdf"' "the link's name is recorded"
check "the link is left in place" test -L link.pdf

# Names with spaces and Chinese characters.
cp "$EVIDENCE/chat-merchant.txt" "聊天 记录.txt"
cp "$EVIDENCE/defect-photo.jpg" "商品 照片 (1).jpg"
expect 0 "names with spaces and Chinese characters are accepted" "$DISPUTE" -C named \
    add-evidence -k chat "聊天 记录.txt" "商品 照片 (1).jpg"
{
	stored_line E01 E01-chat.txt "聊天 记录.txt"
	stored_line E02 E02-chat.jpg "商品 照片 (1).jpg"
} >want
same want out "the Chinese-named files are stored under plain names"
contains named/case.json '"original_name":	"聊天 记录.txt"' "the Chinese name is recorded"
contains named/case.json '"original_name":	"商品 照片 (1).jpg"' "a name with parentheses is recorded"
same "$EVIDENCE/chat-merchant.txt" named/evidence/E01-chat.txt "the copy of the Chinese-named file"

# Things that are not readable regular files.
mkdir folder.jpg
refused odd "folder.jpg: refused: a folder" -k defect folder.jpg
mkfifo pipe.jpg
WRAP="timeout 20"
refused odd "pipe.jpg: refused: a pipe (FIFO)" -k defect pipe.jpg
WRAP=
ln -s does-not-exist.jpg dangling.jpg
refused odd "dangling.jpg: refused: a symbolic link whose target does not exist" -k defect dangling.jpg
: >empty.jpg
refused odd "empty.jpg: refused: the file is empty" -k defect empty.jpg
refused odd "no-such-file.jpg: refused: cannot open" -k defect no-such-file.jpg
cp "$EVIDENCE/defect-photo.jpg" unreadable.jpg
chmod 000 unreadable.jpg
if [ "$(id -u)" -eq 0 ]; then
	printf 'ok - unreadable file refused # SKIP running as root: chmod 000 does not stop reading\n'
else
	refused odd "unreadable.jpg: refused: cannot open: Permission denied" -k defect unreadable.jpg
fi
WRAP="timeout 20"
refused odd "pipe.jpg: refused: a pipe (FIFO)" -k defect "$EVIDENCE/defect-photo.jpg" pipe.jpg
WRAP=
check "the refusals left odd/evidence empty" sh -c '[ -z "$(ls -A odd/evidence)" ]'

# A file already bearing a final name that no record holds (an interrupted add-evidence
# leaves one) is moved aside, never deleted, and the batch goes ahead.
"$DISPUTE" -q init stray || exit 1
printf 'stray\n' >stray/evidence/E02-defect.mp4
expect 1 "a refused add leaves the stray file alone" \
    "$DISPUTE" -C stray add-evidence -k defect /nonexistent.jpg
expect 0 "add-evidence goes ahead past an unrecorded file with a final name" \
    "$DISPUTE" -C stray add-evidence -k defect "$EVIDENCE/defect-photo.jpg" "$EVIDENCE/no-power.mp4"
contains err "moved aside to .leftover.E02-defect.mp4" "the warning says where the file went"
check "the stray file keeps its content under the hidden name" \
    test "$(cat stray/evidence/.leftover.E02-defect.mp4)" = stray
check "E02 is the new copy" cmp -s stray/evidence/E02-defect.mp4 "$EVIDENCE/no-power.mp4"
expect 0 "the case verifies afterwards" "$DISPUTE" -C stray verify

# case.json stays UTF-8 text whatever bytes a note holds (refused or repaired).
"$DISPUTE" -q init notes || exit 1
"$DISPUTE" -C notes add-evidence -k defect -n "$(printf 'bad\377note')" \
    --proves "$(printf 'bad\376proof')" "$EVIDENCE/defect-photo.jpg" >out 2>err
check "a note that is not UTF-8 does not make case.json invalid UTF-8" \
    sh -c 'iconv -f UTF-8 -t UTF-8 notes/case.json >/dev/null 2>&1'

# Usage errors change nothing either.
snap defect
expect 2 "an unknown kind is a usage error" "$DISPUTE" -C defect add-evidence -k photo \
    "$EVIDENCE/invoice.pdf"
contains err 'unknown kind "photo"' "the message names the unknown kind"
expect 2 "a missing -k is a usage error" "$DISPUTE" -C defect add-evidence "$EVIDENCE/invoice.pdf"
contains err "-k KIND" "the message asks for -k KIND"
expect 2 "no file is a usage error" "$DISPUTE" -C defect add-evidence -k defect
expect 2 "an unknown option is a usage error" "$DISPUTE" -C defect add-evidence -k defect \
    --colour "$EVIDENCE/invoice.pdf"
unchanged defect "after the usage errors"

expect 1 "add-evidence outside a case fails" "$DISPUTE" -C nowhere add-evidence -k defect \
    "$EVIDENCE/defect-photo.jpg"
contains err "dispute init" "the message points to dispute init"

# A case folder with links planted in it: nothing is written through them.
new_case planted || exit 1
mkdir elsewhere && rm -rf planted/evidence && ln -s "$SCRATCH/elsewhere" planted/evidence
expect 1 "add-evidence into a linked evidence/ is refused" "$DISPUTE" -C planted add-evidence -k defect "$EVIDENCE/defect-photo.jpg"
contains err "a symbolic link; the case's files must stay inside the case folder" "the refusal says why"
check "nothing was written through the link" test -z "$(ls -A elsewhere)"
new_case locked || exit 1
rm -f locked/.dispute.lock && ln -s "$SCRATCH/lock-target" locked/.dispute.lock
expect 1 "a lock file planted as a link is refused" "$DISPUTE" -C locked set order.amount 1.00
check "the link's target was not created" test ! -e lock-target

finish
