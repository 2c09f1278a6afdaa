# dispute pack --encrypt and verify of an encrypted dossier: AES-256 entries, the
# password from a file, the environment or a no-echo terminal prompt, never argv.
. "$TEST_LIB"

new_case c
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null
printf 'correct horse 电池\n' >pw
printf 'wrong\n' >bad

expect 0 "pack --encrypt with --password-file" "$DISPUTE" -C c pack --encrypt --password-file pw -o enc.zip
check "the dossier exists" test -f enc.zip
check "the dossier is owner-only (0600)" sh -c '[ "$(stat -c %a enc.zip)" = 600 ]'
unzip -Z -v enc.zip >zipinfo 2>&1
contains zipinfo "encrypted" "zipinfo shows encrypted entries"
unzip -l enc.zip >listing 2>&1
contains listing "data/evidence/E01-defect.jpg" "file names stay visible in an encrypted zip"
unzip -p -P nothing enc.zip "*/data/case.json" >plain 2>/dev/null
lacks plain "6912345678901234" "the content cannot be read without the password"
# What the zip still shows: names and sizes, but neither the full order number in the
# names nor, for AE-2, the CRC-32 of any entry's plain text.
lacks listing "6912345678901234" "the entry names carry no full order number"
contains listing "dispute-6912____1234-" "the bag folder is named by the masked order number"
python3 - enc.zip >crcs <<'PY' || fail "python3 could not read the zip"
import struct, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for i in z.infolist():
    x, ae = i.extra, None
    while len(x) >= 4:
        hid, n = struct.unpack("<HH", x[:4])
        if hid == 0x9901:
            ae = struct.unpack("<H", x[4:6])[0]
        x = x[4 + n:]
    print("AE-%s crc %08x %s" % (ae, i.CRC, i.filename))
PY
check "every entry is AE-2" sh -c '! grep -v "^AE-2 " crcs'
check "every entry's CRC is 0" sh -c '! grep -v " crc 00000000 " crcs'
check "and there are entries" test -s crcs
if command -v 7z >/dev/null; then
	mkdir seven
	(cd seven && 7z x -p"correct horse 电池" ../enc.zip >../7z.log 2>&1)
	check "7-Zip extracts the AE-2 dossier and checks its authentication codes" test $? -eq 0
	check "7-Zip's copy of case.json names the order" grep -rq 6912345678901234 seven
else
	echo "SKIP: 7z (p7zip-full) not installed"
fi
# One flipped bit of ciphertext: the entry's authentication code no longer matches.
python3 - enc.zip tampered.zip <<'PY'
import struct, sys, zipfile
data = bytearray(open(sys.argv[1], "rb").read())
entry = next(i for i in zipfile.ZipFile(sys.argv[1]).infolist()
             if i.filename.endswith("data/evidence/E01-defect.jpg"))
n, e = struct.unpack("<HH", data[entry.header_offset + 26:entry.header_offset + 30])
data[entry.header_offset + 30 + n + e + 18 + 100] ^= 1
open(sys.argv[2], "wb").write(data)
PY
expect 1 "a dossier with one bit of ciphertext changed fails" "$DISPUTE" verify --password-file pw tampered.zip
contains out "data/evidence/E01-defect.jpg: cannot read: the AES authentication code does not match" \
    "the altered entry is named"

expect 0 "verify with the right password file" "$DISPUTE" verify --password-file pw enc.zip
contains out "intact" "verify says intact"
expect 1 "verify with a wrong password" "$DISPUTE" verify --password-file bad enc.zip
contains err "wrong password" "the error says the password is wrong"
expect 1 "verify without any password and no terminal" "$DISPUTE" verify enc.zip </dev/null
contains err "password is needed" "the error asks for a password"
DISPUTE_PASSWORD='correct horse 电池'
export DISPUTE_PASSWORD
expect 0 "verify with DISPUTE_PASSWORD" "$DISPUTE" verify enc.zip
expect 0 "pack --encrypt with DISPUTE_PASSWORD" "$DISPUTE" -C c pack --encrypt -o env.zip
expect 0 "that dossier verifies with the same password" "$DISPUTE" verify --password-file pw env.zip
unset DISPUTE_PASSWORD

expect 2 "a password is never taken as an argument" "$DISPUTE" -C c pack --encrypt --password secret -o arg.zip
check "no dossier from the refused command" test ! -e arg.zip
expect 2 "--password-file alone is a usage error" "$DISPUTE" -C c pack --password-file pw -o x.zip
expect 1 "a DISPUTE_PASSWORD over 1024 bytes is refused" \
    env DISPUTE_PASSWORD="$(printf '%01025d' 0)" "$DISPUTE" -C c pack --encrypt -o long-env.zip
contains err "longer than 1024 bytes" "the error says the password is too long"

# The terminal prompt: script(1) gives the command a terminal to ask on. Like getpass,
# the prompt discards what was typed before it appeared, so each answer waits until its
# question is on the screen (in ./screen), however slowly the command starts (valgrind),
# and the terminal stays open until the command has finished (./finished).
# wait_until COMMAND...: polls COMMAND for up to five minutes.
wait_until() {
	tries=0
	until "$@"; do
		tries=$((tries + 1))
		[ "$tries" -gt 1500 ] && return 1
		sleep 0.2
	done
}
wait_for_text() { wait_until grep -q "$2" "$1" 2>/dev/null; }

answer() {
	wait_for_text screen "dossier password:" && printf '%s\n' "$1" &&
		wait_for_text screen "again:" && printf '%s\n' "$2" &&
		wait_for_text finished "exit"
}

on_terminal() {
	rm -f screen finished
	answer "$1" "$2" |
		timeout 300 script -qec "\"$DISPUTE\" -C c pack --encrypt -o $3; echo exit >finished" \
			/dev/null >screen 2>&1
}

if command -v script >/dev/null 2>&1; then
	on_terminal 'tty secret' 'tty secret' tty.zip
	contains screen "dossier password:" "pack asks for the password on the terminal"
	lacks screen "tty secret" "the password is not echoed"
	printf 'tty secret\n' >ttypw
	expect 0 "the prompted password encrypts the dossier" "$DISPUTE" verify --password-file ttypw tty.zip
	on_terminal one two mismatch.zip
	contains screen "differ" "two different passwords are refused"
	check "no dossier when the passwords differ" test ! -e mismatch.zip
	# Interrupted at the question, the terminal gets its echo back. The shell inside
	# script(1) (sh: bash would leave on Ctrl-C whatever it ignores) runs with job
	# control (set -m), as a login shell does, so that pack is
	# a foreground job of its own that Ctrl-C and Ctrl-Z reach and can stop; the shell
	# ignores Ctrl-C itself (env gives pack the default back), reports the terminal's
	# settings once pack is gone, and stays until ./released. ./pid names pack.
	interrupted() {
		rm -f screen finished ttyname settings pid released
		{
			wait_for_text screen "dossier password:" && $1
			touch released && wait_for_text finished "exit"
		} | SHELL=/bin/sh timeout 300 script -qec "set -m; trap '' INT; tty >ttyname; sh -c 'echo \$\$ >pid; exec env --default-signal=INT \"$DISPUTE\" -C c pack --encrypt -o $2'; stty -a >settings; until [ -e released ]; do sleep 0.1; done; echo exit >finished" \
			/dev/null >screen 2>&1
	}
	echoes() { grep -qE '(^| )echo( |$)' "$1"; }
	ctrl_c() { printf '\003'; }
	interrupted ctrl_c int.zip
	check "Ctrl-C at the question stops pack" test ! -e int.zip
	check "after Ctrl-C the terminal echoes again" echoes settings
	term() { kill -TERM "$(cat pid)"; }
	interrupted term term.zip
	check "SIGTERM at the question stops pack" test ! -e term.zip
	check "after SIGTERM the terminal echoes again" echoes settings
	# Ctrl-Z stops the program with the terminal restored; the terminal is read from
	# outside while the program is stopped, then the program is ended.
	ctrl_z() {
		printf '\032'
		wait_until grep -q '^State:.*T' "/proc/$(cat pid)/status" 2>/dev/null || return 1
		stty -F "$(cat ttyname)" -a >stopped
		kill -TERM "$(cat pid)" && kill -CONT "$(cat pid)"
	}
	# Under valgrind (DISPUTE_WRAPPER) the wait for the stopped state in /proc never
	# ended in the memcheck run, so this part runs in the plain and sanitized builds.
	if [ -z "${DISPUTE_WRAPPER:-}" ]; then
		interrupted ctrl_z stop.zip
		check "Ctrl-Z stops pack at the question" test -s stopped
		check "while stopped by Ctrl-Z the terminal echoes" echoes stopped
		check "nothing was packed after Ctrl-Z" test ! -e stop.zip
	else
		echo "SKIP: Ctrl-Z under $DISPUTE_WRAPPER"
	fi
	# An answer longer than 1024 bytes is refused at once, not cut to fit.
	too_long() { printf '%01025d\n' 0; }
	interrupted too_long long.zip
	contains screen "longer than 1024 bytes" "a password over 1024 bytes is refused, not cut"
	check "no dossier from an over-long password" test ! -e long.zip
else
	echo "SKIP: script(1) not available for the terminal prompt"
fi

finish
