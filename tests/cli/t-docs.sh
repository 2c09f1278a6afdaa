# The manual page (docs/dispute.1.scd) and the shell completions (completions/) against
# what the program says it knows. Fails when a command, an option, a field, an evidence
# kind, a channel, an outcome, a recipient, an exit status or an environment variable
# is added to the program without being documented, and when the page documents one
# that the program does not know. Then drives the bash completion function (and the
# zsh one, when zsh is installed) as a shell would.
. "$TEST_LIB"

SRC=$(cd "$(dirname "$TEST_LIB")/../.." && pwd)
# DISPUTE_MAN_SOURCE: check another page (to see this test fail on a stale copy).
PAGE=${DISPUTE_MAN_SOURCE:-$SRC/docs/dispute.1.scd}
BASH_COMPLETION=$SRC/completions/dispute.bash
ZSH_COMPLETION=$SRC/completions/_dispute
BUILD=$(dirname "$DISPUTE_BIN")

check "the manual page source exists" test -s "$PAGE"

# section NAME: the lines of "# NAME" up to the next top-level heading.
section() {
	awk -v name="# $1" '$0 == name { on = 1; next } on && /^# / { exit } on' "$PAGE"
}
# command_section CMD: the lines of "## CMD" up to the next heading.
command_section() {
	awk -v name="## $1" '$0 == name { on = 1; next } on && /^##? / { exit } on' "$PAGE"
}
# terms: the terms of a definition list on stdin: lines of "*term*" or "*a*, *b*".
terms() {
	grep -E '^\*[^*]+\*(, \*[^*]+\*)*$' | grep -o '\*[^*]*\*' | tr -d '*'
}
# help_section HEADER [COMMAND]: first words of the lines of a help section.
help_section() {
	head=$1
	shift
	"$DISPUTE" help "$@" | awk -v head="$head" '$0 ~ head { on = 1; next } on && /^$/ { exit }
	    on && /^  [^ ]/ { print $1 }'
}
# same_set TITLE WANTED DOCUMENTED [MISSING EXTRA]: the two files hold the same lines,
# in any order; else the differences are shown, labelled MISSING and EXTRA.
same_set() {
	sort -u "$2" >"$2.sorted"
	sort -u "$3" >"$3.sorted"
	if cmp -s "$2.sorted" "$3.sorted"; then
		pass "$1"
	else
		fail "$1"
		comm -23 "$2.sorted" "$3.sorted" | sed "s/^/#   ${4:-undocumented}: /"
		comm -13 "$2.sorted" "$3.sorted" | sed "s/^/#   ${5:-documented but unknown}: /"
	fi
}

# Commands: every one in the table has its "## NAME" section, and no other.
help_section '^commands:' >commands
check "dispute help lists commands" test -s commands
grep '^## ' "$PAGE" | sed 's/^## //' >documented
same_set "every command, and only those, has a section under COMMANDS" commands documented

# Options: each command's section documents each of its options as a "*--long*" term
# (written in full), and its short letter as "*-x*"; -h/--help is documented once.
for cmd in $(cat commands); do
	"$DISPUTE" help "$cmd" | awk '/^options:/ { on = 1; next } on && /^ +-/ { print }' >opts
	sed -n 's/^ *\(-[^-], \)\{0,1\}\(--[a-z0-9-]*\).*/\2/p' opts | grep -vx -- '--help' >longs
	sed -n 's/^ *\(-[^-]\), .*/\1/p' opts | grep -vx -- '-h' >shorts
	command_section "$cmd" >sec
	grep '^\*-' sec | grep -o -- '\*--[a-z0-9-]*\*' | tr -d '*' >documented
	same_set "dispute $cmd: every long option, and only those, is documented in its section" \
	    longs documented
	grep '^\*-' sec | grep -o -- '\*-[a-zA-Z0-9]\*' | tr -d '*' >documented
	same_set "dispute $cmd: every short option, and only those, is documented in its section" \
	    shorts documented
	check "dispute $cmd: its section shows its usage" grep -q "^\*dispute $cmd[* ]" sec
done
"$DISPUTE" --help | awk '/^global options:/ { on = 1; next } on && /^$/ { exit }
    on && /^  -/ { sub(/,$/, "", $1); print $1; if ($2 ~ /^--/) print $2 }' >globals
section "GLOBAL OPTIONS" | grep '^\*-' | grep -o -- '\*--*[a-zA-Z][a-z-]*\*' | tr -d '*' >documented
same_set "every global option, and only those, is under GLOBAL OPTIONS" globals documented

# Fields, evidence kinds.
help_section '^fields:' set >fields
check "dispute help set lists fields" test -s fields
section FIELDS | terms >documented
same_set "every field of dispute help set, and only those, is under FIELDS" fields documented
help_section '^kinds' add-evidence >kinds
check "dispute help add-evidence lists kinds" test -s kinds
section "EVIDENCE KINDS" | terms >documented
same_set "every evidence kind, and only those, is under EVIDENCE KINDS" kinds documented

# Channels, outcomes, recipients: the lists in the options' help, as the completion
# reads them.
# bcomplete WORD...: what the bash completion offers for the command line WORD... (the
# last word is the one being completed), one per line.
bcomplete() {
	bash -c '. "$1" || exit 1; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _dispute
	    printf "%s\n" "${COMPREPLY[@]}"' bash "$BASH_COMPLETION" "$DISPUTE" "$@"
}
bcomplete log -c "" | sed '/^$/d' >channels
section CHANNELS | terms >documented
same_set "every channel of dispute help log, and only those, is under CHANNELS" \
    channels documented
bcomplete log -o "" | sed '/^$/d' >outcomes
section OUTCOMES | terms >documented
same_set "every outcome of dispute help log, and only those, is under OUTCOMES" \
    outcomes documented
bcomplete draft complaint --to "" | sed '/^$/d' >recipients
section RECIPIENTS | terms >documented
same_set "every recipient of dispute help draft, and only those, is under RECIPIENTS" \
    recipients documented

# Exit status: the codes of `dispute --help`, and those only.
"$DISPUTE" --help | sed -n 's/^exit status: //p' | grep -o '\(^\|, \)[0-9]' | tr -dc '0-9\n' >codes
# A code that only one command returns has a line of its own: "exit status 3: ...".
"$DISPUTE" --help | sed -n 's/^exit status \([0-9]\):.*/\1/p' >>codes
check "dispute --help gives exit codes" test -s codes
section "EXIT STATUS" | terms >documented
same_set "every exit status, and only those, is under EXIT STATUS" codes documented

# Environment: every variable the sources read and the README lists is documented.
grep -rho 'getenv("[A-Z_]*")' "$SRC/src" | sed 's/getenv("\(.*\)")/\1/' >env
# The locale variables may be read from a table (src/core/util/i18n.c).
grep -rhoE '"(LANG|LANGUAGE|LC_[A-Z]+)"' "$SRC/src" | tr -d '"' | grep -vx LC_NUMERIC >>env
sed -n '/^## Environment/,/^## /s/^- `\([A-Z_]*\)`.*/\1/p' "$SRC/README.md" >>env
echo NO_COLOR >>env
section ENVIRONMENT | terms >documented
same_set "every environment variable, and only those, is under ENVIRONMENT" env documented

# Files and the other sections a manual page needs.
for name in NAME SYNOPSIS DESCRIPTION COMMANDS FILES EXAMPLES "SEE ALSO"; do
	check "the page has a $name section" grep -qx "# $name" "$PAGE"
done
section FILES >files
for file in case.json evidence/ templates/ holidays.json rules/zh-CN.json rules/holidays-cn.json; do
	contains files "_${file}_" "FILES names $file"
done
check "the page starts with its title dispute(1)" sh -c 'head -1 "$1" | grep -qx "dispute(1)"' sh "$PAGE"
# Long options are written in full: every --word in the page is a real option (in
# literal blocks, only on lines of dispute commands; other programs have their own).
for cmd in $(cat commands); do
	"$DISPUTE" help "$cmd" | sed -n 's/^ *\(-[^-], \)\{0,1\}\(--[a-z0-9-]*\).*/\2/p'
done >all-longs
cat globals >>all-longs
awk '/^;/ { next } /^```/ { literal = !literal; next } !literal || $1 == "dispute"' "$PAGE" |
    grep -o -- '--[a-z][a-z0-9-]*' | sort -u >used
sort -u all-longs >all-longs.sorted
comm -23 used all-longs.sorted >unknown
check "every --option the page mentions is a real option, in full" test ! -s unknown
sed 's/^/#   not an option: /' unknown

# The page as built (scdoc), when the build made it.
if [ -f "$BUILD/docs/dispute.1" ]; then
	check "the built page is not older than its source" test ! "$PAGE" -nt "$BUILD/docs/dispute.1"
	if command -v man >/dev/null 2>&1; then
		LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$BUILD/docs/dispute.1" >rendered 2>err
		check "man renders the built page" test -s rendered
		check "man renders it without warnings" test ! -s err
		for cmd in $(cat commands); do
			check "the rendered page has dispute $cmd" grep -q "^   $cmd\$" rendered
		done
	fi
else
	echo "# SKIP the built page: $BUILD/docs/dispute.1 is missing (scdoc not found at configure time?)"
fi

# Bash completion, as `dispute ...<TAB>` runs it.
check "the bash completion parses" bash -n "$BASH_COMPLETION"
# completes TITLE WANTED-FILE WORD...: the completion offers exactly WANTED-FILE's lines.
completes() {
	title=$1
	wanted=$2
	shift 2
	bcomplete "$@" | sed '/^$/d' >offered
	same_set "$title" "$wanted" offered "not offered" "offered, not wanted"
}
completes "dispute <TAB> offers the commands" commands ""
completes "dispute help <TAB> offers the commands" commands help ""
grep '^ord' fields >wanted
completes "dispute set ord<TAB> offers order.id ..." wanted set ord
contains offered order.id "dispute set ord<TAB> offers order.id"
completes "dispute set --unset <TAB> offers the fields" fields set --unset ""
completes "dispute show <TAB> offers the fields" fields show ""
completes "dispute add-evidence -k <TAB> offers the kinds" kinds add-evidence -k ""
contains offered defect "dispute add-evidence -k <TAB> offers defect"
echo defect >wanted
completes "dispute add-evidence --kind d<TAB> offers defect" wanted add-evidence --kind d
completes "dispute add-evidence --kind=d<TAB> offers defect" wanted add-evidence --kind = d
printf '%s\n' photo screenshot screen-recording export scan >wanted
completes "dispute add-evidence --method <TAB> offers the ways of obtaining a file" wanted \
    add-evidence --method ""
completes "dispute log --channel <TAB> offers the channels" channels log --channel ""
contains channels consumer-association "the channels include consumer-association"
completes "dispute log --outcome <TAB> offers the outcomes" outcomes log --outcome ""
contains outcomes no-response "the outcomes include no-response"
contains recipients court "the recipients include court"
printf 'zh-CN\nen\n' >wanted
completes "dispute draft complaint --lang <TAB> offers zh-CN and en" wanted draft complaint --lang ""
printf 'html\nnone\n' >wanted
completes "dispute render --escape <TAB> offers html and none" wanted render --escape ""
printf 'complaint\nevidence-list\nevidence-book\nidentity-request\nsettlement\n' >wanted
completes "dispute draft <TAB> offers complaint, evidence-list, evidence-book and the letters" wanted draft ""
printf 'send\nattach\n' >wanted
completes "dispute timestamp <TAB> offers send and attach" wanted timestamp ""
printf '%s\n' -C -q --quiet -h --help -V --version >wanted
completes "dispute -<TAB> offers the global options" wanted -
completes "dispute -q <TAB> offers the commands" commands -q ""
for cmd in $(cat commands); do
	"$DISPUTE" help "$cmd" | awk '/^options:/ { on = 1; next } on && /^ +-/ { print }' |
	    sed 's/^ *\(-[^-]\), /\1\n      /' | sed -n 's/^ *\(--*[a-zA-Z0-9][a-z0-9-]*\).*/\1/p' >wanted
	completes "dispute $cmd -<TAB> offers its options" wanted "$cmd" -
done
# The option's value, not its options or the arguments, after an option that takes one.
completes "dispute log -c merchant -o <TAB> offers the outcomes" outcomes log -c merchant -o ""
mkdir -p tree/sub && : >tree/chat.txt
echo tree/chat.txt >wanted
completes "dispute draft -o tree/c<TAB> offers file names" wanted draft -o tree/c
completes "dispute add-evidence -k chat tree/c<TAB> offers file names" wanted \
    add-evidence -k chat tree/c
echo tree/sub >wanted
completes "dispute -C tree/s<TAB> offers folders" wanted -C tree/s
# Evidence IDs of the -C case after rm-evidence.
new_case c >/dev/null 2>&1 &&
    "$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null 2>err
printf 'E01\n' >wanted
completes "dispute -C c rm-evidence <TAB> offers the evidence IDs" wanted -C c rm-evidence ""
# Nothing is offered where anything may be typed.
: >wanted
completes "dispute log -c merchant <TAB> offers nothing (free text)" wanted log -c merchant ""
completes "dispute set order.id <TAB> offers nothing" wanted set order.id ""

# zsh completion, with the completion system's builtins replaced by functions that
# print what they are given.
if command -v zsh >/dev/null 2>&1; then
	check "the zsh completion parses" zsh -n "$ZSH_COMPLETION"
	zcomplete() {
		zsh -f -c '
		_describe() { local e; for e in ${(P)${@[-1]}}; do print -r -- "${${e%%:*}//\\/}"; done }
		_files() { print -r -- "<files $*>" }
		_message() { : }
		compset() { [[ $1 == -P ]] && PREFIX=${PREFIX#*=} }
		_call_program() { shift; eval "$@" }
		fpath=("${1:h}" $fpath); autoload -Uz _dispute; shift
		words=("$@"); CURRENT=$#words; PREFIX=${words[-1]}; _dispute' \
		    zsh "$ZSH_COMPLETION" "$DISPUTE" "$@"
	}
	# zcompletes TITLE WANTED-FILE WORD...: like completes (zsh filters by prefix itself).
	zcompletes() {
		title=$1
		wanted=$2
		shift 2
		zcomplete "$@" | sed '/^$/d' >offered
		same_set "$title" "$wanted" offered
	}
	zcompletes "zsh: dispute <TAB> offers the commands" commands ""
	zcompletes "zsh: dispute set <TAB> offers the fields" fields set ""
	zcompletes "zsh: dispute show <TAB> offers the fields" fields show ""
	zcompletes "zsh: dispute add-evidence -k <TAB> offers the kinds" kinds add-evidence -k ""
	zcompletes "zsh: dispute add-evidence --kind=<TAB> offers the kinds" kinds \
	    add-evidence --kind=
	zcompletes "zsh: dispute log -c <TAB> offers the channels" channels log -c ""
	zcompletes "zsh: dispute log -o <TAB> offers the outcomes" outcomes log -o ""
	zcompletes "zsh: dispute draft complaint --to <TAB> offers the recipients" recipients \
	    draft complaint --to ""
	for cmd in $(cat commands); do
		"$DISPUTE" help "$cmd" | awk '/^options:/ { on = 1; next } on && /^ +-/ { print }' |
		    sed 's/^ *\(-[^-]\), /\1\n      /' |
		    sed -n 's/^ *\(--*[a-zA-Z0-9][a-z0-9-]*\).*/\1/p' >wanted
		zcompletes "zsh: dispute $cmd -<TAB> offers its options" wanted "$cmd" -
	done
	echo '<files >' >wanted
	zcompletes "zsh: dispute draft -o <TAB> offers file names" wanted draft -o ""
	printf 'send\nattach\n' >wanted
	zcompletes "zsh: dispute timestamp <TAB> offers send and attach" wanted timestamp ""
	printf 'E01\n' >wanted
	zcompletes "zsh: dispute -C c rm-evidence <TAB> offers the evidence IDs" wanted \
	    -C c rm-evidence ""
else
	echo "# SKIP zsh completion: zsh is not installed"
fi

finish
