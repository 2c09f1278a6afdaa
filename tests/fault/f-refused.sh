#!/bin/bash
# Refused inputs for add-evidence: an unreadable file (as a user who cannot read it),
# a folder, a FIFO, a device, a dangling symbolic link, links to a folder and a FIFO:
# each exits 1 with a message naming the file, adds nothing and leaves no temporary
# file. A symbolic link to a regular file is accepted and its target's content is kept.
. "$(dirname "$0")/lib.sh"

started=$(date +%s.%N)
new_case c || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
cp c/case.json before.json

# refused TITLE FILE WORDS COMMAND...: COMMAND (an add-evidence of FILE) exits 1, the
# error names FILE and says WORDS, and the case is untouched.
refused() {
	local title=$1 file=$2 words=$3
	shift 3
	expect 1 "$title: refused" "$@"
	contains err "$file:" "$title: the error names the file"
	contains err "$words" "$title: the error says why ($words)"
	same c/case.json before.json "$title: case.json is byte-identical"
	no_temps c "$title: no temporary file is left"
}

mkdir a-folder
refused "a folder" a-folder "a folder" "$DISPUTE" -C c add-evidence -k other a-folder
mkfifo a-pipe
# A FIFO must be refused at once, not read (that would wait for a writer forever).
refused "a FIFO" a-pipe "FIFO" timeout 20 "$DISPUTE" -C c add-evidence -k other a-pipe
refused "/dev/null (a device)" /dev/null "a device" "$DISPUTE" -C c add-evidence -k other /dev/null
ln -s does-not-exist.jpg dangling.jpg
refused "a dangling symbolic link" dangling.jpg "does not exist" \
    "$DISPUTE" -C c add-evidence -k defect dangling.jpg
ln -s a-folder link-to-folder
refused "a symbolic link to a folder" link-to-folder "a folder" \
    "$DISPUTE" -C c add-evidence -k other link-to-folder
ln -s a-pipe link-to-pipe
refused "a symbolic link to a FIFO" link-to-pipe "FIFO" \
    timeout 20 "$DISPUTE" -C c add-evidence -k other link-to-pipe
media png good.png "good"
refused "a batch of a good file and a folder" a-folder "a folder" \
    "$DISPUTE" -C c add-evidence -k order good.png a-folder
check "the good file of that batch was not kept" [ ! -e c/evidence/E02-order.png ]

# Unreadable: root reads everything, so as root the check runs as nobody.
media jpg secret.jpg "secret"
mkdir locked
media jpg locked/inside.jpg "inside a locked folder"
if [ "$(id -u)" -ne 0 ]; then
	chmod 000 secret.jpg
	chmod 000 locked
	refused "a file without read permission" secret.jpg "Permission denied" \
	    "$DISPUTE" -C c add-evidence -k defect secret.jpg
	refused "a file in a folder without permission" locked/inside.jpg "Permission denied" \
	    "$DISPUTE" -C c add-evidence -k defect locked/inside.jpg
	chmod 755 locked
else
	skip "a file without read permission, as root: root can read everything (run as nobody below)"
	if command -v setpriv >/dev/null; then
		as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	elif command -v runuser >/dev/null; then
		as_nobody=(runuser -u nobody --)
	else
		as_nobody=()
	fi
	if [ ${#as_nobody[@]} -gt 0 ] && "${as_nobody[@]}" test -x "$DISPUTE"; then
		chmod 755 "$SCRATCH"
		chown -R 65534:65534 c
		chmod 600 secret.jpg
		chmod 700 locked
		refused "as nobody, a file without read permission" secret.jpg "Permission denied" \
		    "${as_nobody[@]}" "$DISPUTE" -C c add-evidence -k defect secret.jpg
		refused "as nobody, a file in a folder without permission" locked/inside.jpg \
		    "Permission denied" "${as_nobody[@]}" "$DISPUTE" -C c add-evidence -k defect locked/inside.jpg
		expect 0 "as nobody, a readable file is accepted" \
		    "${as_nobody[@]}" "$DISPUTE" -q -C c add-evidence -k order good.png
		case_intact c "as nobody"
		chown -R 0:0 c
		"$DISPUTE" -q -C c rm-evidence E02 || exit 1
		cp c/case.json before.json
	else
		skip "as nobody: neither setpriv nor runuser can run $DISPUTE as nobody here"
	fi
fi

# A symbolic link to a regular file: accepted, the target's bytes are kept.
ln -s "$EVIDENCE/order-screenshot.png" link.png
expect 0 "a symbolic link to a regular file is accepted" "$DISPUTE" -C c add-evidence -k order link.png
id=$(cut -f1 out)
file=$(cut -f2 out)
sum=$(sha256sum "$EVIDENCE/order-screenshot.png" | cut -d' ' -f1)
contains out "$sum" "the sha256 recorded is the target's"
contains c/case.json "\"sha256\":	\"$sum\"" "case.json records the target's sha256"
contains c/case.json "\"size\":	$(stat -c %s "$EVIDENCE/order-screenshot.png")," "case.json records the target's size"
check "the kept copy is a regular file, not a link" test -f "c/evidence/$file" -a ! -L "c/evidence/$file"
same "c/evidence/$file" "$EVIDENCE/order-screenshot.png" "the kept copy has the target's bytes"
expect 0 "the case with the linked file verifies" "$DISPUTE" -C c verify
note "the linked file is $id ($file)"

note "f-refused took $(elapsed "$started")s"
finish
