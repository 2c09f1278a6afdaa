#!/bin/bash
# Full disk: small tmpfs mounts hold the case or the dossier. add-evidence of a file
# bigger than the free space, add-evidence whose copy fits but whose case.json does
# not, set on a full disk, and pack -o into a nearly full tmpfs: each must exit 1 with
# a clear error, leave no temporary file and leave case.json byte-identical; reading
# commands must still work on the full disk.
. "$(dirname "$0")/lib.sh"

started=$(date +%s.%N)
if [ "$(id -u)" -ne 0 ] || ! have_mount; then
	skip "full disk: cannot mount a tmpfs here (needs root and a container that allows mount)"
	finish
	exit
fi

# avail DIR: free bytes on the file system holding DIR.
avail() {
	df -B1 --output=avail "$1" | tail -n 1 | tr -d ' '
}

# fill DIR BYTES: fills the file system of DIR until BYTES are free (a multiple of the
# 4 KiB page size, the unit tmpfs counts in).
fill() {
	local n
	n=$(($(avail "$1") - $2))
	[ "$n" -gt 0 ] && head -c "$n" /dev/zero >"$1/.filler-$RANDOM"
	[ "$(avail "$1")" -eq "$2" ] || note "fill: wanted $2 bytes free in $1, got $(avail "$1")"
}

# listing DIR: every name in DIR and DIR/evidence with its size.
listing() {
	(cd "$1" && find . -maxdepth 2 -printf '%p %s\n' | sort)
}

# --- add-evidence of a 5 MB file into a 2 MB tmpfs --------------------------------
mount_tmpfs small 2m || exit 1
new_case small/c || exit 1
"$DISPUTE" -q -C small/c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
cp small/c/case.json before.json
listing small/c >before.list
media jpg five.jpg "five megabytes" 5M
expect 1 "add-evidence of a 5 MB file into a 2 MB tmpfs fails" \
    "$DISPUTE" -C small/c add-evidence -k defect five.jpg
contains err "No space left on device" "the error says the disk is full"
contains err "nothing was added" "the error says nothing was added"
same small/c/case.json before.json "case.json is byte-identical"
no_temps small/c "no temporary file is left"
listing small/c >after.list
same after.list before.list "the case folder holds the same files as before"
case_intact small/c "after the full-disk add-evidence"
expect 0 "a small add-evidence works afterwards" \
    "$DISPUTE" -q -C small/c add-evidence -k chat "$EVIDENCE/chat-merchant.txt"
case_intact small/c "after the small add-evidence"

# --- the copy fits, case.json does not --------------------------------------------
# Exactly the pages of the evidence copy are free: the copy is written and linked under
# its final name, then saving case.json fails. The final name must go again.
cp small/c/case.json before.json
listing small/c >before.list
media jpg exact.jpg "exactly four pages" 20000
truncate -s 16384 exact.jpg
fill small 16384
expect 1 "add-evidence whose copy fits but whose case.json does not fails" \
    "$DISPUTE" -C small/c add-evidence -k defect exact.jpg
contains err "No space left on device" "the error says the disk is full"
same small/c/case.json before.json "case.json is byte-identical"
no_temps small/c "no temporary file is left"
listing small/c >after.list
same after.list before.list "no evidence file was left under a final name"
case_intact small/c "after the failed case.json update"

# --- set on a full disk; reading commands still work ------------------------------
fill small 0
expect 1 "set on a full disk fails" "$DISPUTE" -C small/c set merchant.shop 小米旗舰店
contains err "No space left on device" "the error says the disk is full"
same small/c/case.json before.json "case.json is byte-identical"
no_temps small/c "no temporary file is left"
expect 0 "show works on a full disk" "$DISPUTE" -C small/c show --json
expect 0 "verify of the case folder works on a full disk" "$DISPUTE" -C small/c verify
expect 0 "pack of a case on a full disk, to elsewhere, works" "$DISPUTE" -C small/c pack -o elsewhere.zip
# The dossier cites exhibit numbers that case.json cannot record as fixed on a full disk:
# a warning says so, and case.json stays as it was.
contains err "case.json could not record that the exhibit numbers it cites are now fixed" \
    "pack warns that the numbers could not be recorded as fixed"
same small/c/case.json before.json "case.json is byte-identical after that pack"
expect 0 "that dossier verifies" "$DISPUTE" verify elsewhere.zip

# --- pack -o into a nearly full tmpfs ---------------------------------------------
new_case big || exit 1
media jpg photo1.jpg "photo one" 300000
media png photo2.png "photo two" 300000
"$DISPUTE" -q -C big add-evidence -k defect photo1.jpg "$EVIDENCE/no-power.mp4" >/dev/null || exit 1
"$DISPUTE" -q -C big add-evidence -k order photo2.png >/dev/null || exit 1
cp big/case.json before.json
# (4 MiB: the dossier, evidence book included, fits once the filler is gone.)
mount_tmpfs full 4m || exit 1
fill full 65536
ls -A full >before.list
expect 1 "pack -o into a nearly full tmpfs fails" "$DISPUTE" -C big pack -o "full/$ZIP"
contains err "no dossier was written" "the error says no dossier was written"
matches err "[Nn]o space left on device|[Ww]rite error" "the error says why"
check "no file under the dossier's final name" [ ! -e "full/$ZIP" ]
ls -A full >after.list
same after.list before.list "no temporary file is left in the tmpfs"
same big/case.json before.json "case.json is byte-identical"
no_temps big "no temporary file is left in the case folder"
rm -f full/.filler-*
expect 0 "with the space freed, the same pack works" "$DISPUTE" -q -C big pack -o "full/$ZIP"
expect 0 "and its dossier verifies" "$DISPUTE" verify "full/$ZIP"

note "f-full-disk took $(elapsed "$started")s"
finish
