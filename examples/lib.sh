# Shared by the example scripts: where the binary is, a fresh work folder, and small
# generated evidence files. An example sources this with the work folder as $1.
set -eu
examples=$(cd "$(dirname "$0")" && pwd)
media=$examples/media
DISPUTE=${DISPUTE:-$examples/../build/dispute}
work=${1:?usage: $0 WORK-FOLDER}

# The work folder is the example's own output: start it afresh every run.
if [ -e "$work" ]; then
	chmod -R u+w "$work"
	rm -rf "$work"
fi
mkdir -p "$work/incoming"
incoming=$work/incoming
case_dir=$work/case

# on_day DATE: the program's clock reads DATE (noon UTC) until the story sets it again,
# so that the evidence is added on a day of the story, and never after the date of the
# dossier that lists it (pack refuses a --date before the latest intake).
on_day() {
	SOURCE_DATE_EPOCH=$(date -u -d "$1 12:00" +%s)
	export SOURCE_DATE_EPOCH
}

dispute() {
	"$DISPUTE" -C "$case_dir" "$@"
}

# write_chat FILE LINE...: a chat log exported as UTF-8 text, one message per line.
write_chat() {
	file=$1
	shift
	printf '%s\n' "$@" >"$incoming/$file"
}

# pack_and_verify: the dossier in the work folder, verified, its path printed last.
pack_and_verify() {
	dossier=$(cd "$work" && "$DISPUTE" -q -C "$case_dir" pack "$@")
	"$DISPUTE" verify "$work/$dossier" >&2
	echo "$work/$dossier"
}

# court_complaint COURT FILE: the lawsuit step as a filing clerk takes it. `dispute court`
# must name COURT among the courts with jurisdiction; it is recorded, and the element-style
# complaint drafted into FILE must leave no element to fill in.
court_complaint() {
	dispute court >"$work/有管辖权的法院.txt"
	grep -q "^[0-9]*\. $1\( (case.court)\)\?\$" "$work/有管辖权的法院.txt" || {
		echo "dispute court does not name $1:" >&2
		cat "$work/有管辖权的法院.txt" >&2
		exit 1
	}
	dispute set case.court "$1"
	dispute draft complaint --to court -o "$2"
	if grep -n "待填" "$2" >&2; then
		echo "$2: the elements above are left to fill in" >&2
		exit 1
	fi
}
