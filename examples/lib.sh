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
