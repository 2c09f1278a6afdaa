# Progress bars: on a terminal for large inputs (add-evidence, pack, verify), never when
# stderr is not a terminal, never with --quiet.
. "$TEST_LIB"

if ! command -v script >/dev/null 2>&1; then
	echo "SKIP: script(1) is needed to give the command a terminal"
	finish
	exit $?
fi

new_case c
# 80 MB with a real JPEG header: large enough for a bar (64 MB and up).
{ cat "$EVIDENCE/defect-photo.jpg"; head -c 80000000 /dev/zero | tr '\0' 'x'; } >big.jpg

on_tty() { # OUTPUT COMMAND: runs COMMAND with a terminal as stdout and stderr
	out_file=$1
	shift
	timeout 120 script -qec "$*" /dev/null >"$out_file" 2>&1
}

on_tty tty-add "\"$DISPUTE\" -C c add-evidence -k defect big.jpg"
contains tty-add "adding evidence [" "add-evidence draws a bar on a terminal"
contains tty-add "100%" "the bar reaches 100%"
on_tty tty-pack "\"$DISPUTE\" -C c pack -o d.zip"
contains tty-pack "packing [" "pack draws a bar on a terminal"
on_tty tty-verify "\"$DISPUTE\" verify d.zip"
contains tty-verify "verifying [" "verify draws a bar on a terminal"
contains tty-verify "intact" "and still prints its verdict"

expect 0 "verify with stderr not a terminal" "$DISPUTE" verify d.zip
lacks err "verifying [" "no bar when stderr is not a terminal"
on_tty tty-quiet "\"$DISPUTE\" -q verify d.zip"
lacks tty-quiet "verifying [" "no bar with --quiet"
"$DISPUTE" -q init small || exit 1
on_tty tty-small "\"$DISPUTE\" -C small add-evidence -k defect \"$EVIDENCE/defect-photo.jpg\""
lacks tty-small "adding evidence [" "no bar for a small file"

finish
