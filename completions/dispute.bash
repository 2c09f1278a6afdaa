# bash completion for dispute(1). Installed as
# share/bash-completion/completions/dispute; or source it from ~/.bashrc.
#
# Every list comes from the program itself at completion time (`dispute help`,
# `dispute help COMMAND`), so the completion follows the program it completes:
# subcommands, each command's options, field names (after set, show, set --unset),
# evidence kinds (after -k/--kind), and the values an option's help lists
# (channels after log -c, outcomes after log -o, recipients after --to, languages
# after --lang, html|none after --escape). File names are offered for FILE-like
# values and arguments. tests/cli/t-docs.sh drives this function.

# The program being completed: the command word as typed, when it runs.
_dispute_prog() {
	local prog=${COMP_WORDS[0]}

	[[ $prog == "~"* ]] && prog=$HOME${prog#"~"}
	if [[ -n $prog ]] && type -P -- "$prog" >/dev/null 2>&1; then
		printf '%s\n' "$prog"
	else
		printf '%s\n' dispute
	fi
}

# _dispute_help [COMMAND]: the help text, or nothing. In the C locale, so that its
# headings ("options:", "fields:") are those parsed here whatever the user's language.
_dispute_help() {
	LC_ALL=C "$_dispute_bin" help "$@" 2>/dev/null
}

# The first word of each line of the section that starts with a line matching $1
# ("^commands:", "^fields:", "^kinds") and ends at a blank line.
_dispute_section() {
	awk -v head="$1" '$0 ~ head { on = 1; next } on && /^$/ { exit }
	    on && /^  [^ ]/ { print $1 }'
}

# One line per option of a command's help: SHORT LONG VALUE HELP, with "-" for an
# absent short letter or value. A value name has no lower-case letter (FILE, KIND,
# YYYY-MM-DD) or lists its choices (html|none).
_dispute_options() {
	awk '/^options:/ { on = 1; next }
	on && /^ +-/ {
		line = $0; sub(/^ +/, "", line)
		short = "-"
		if (line ~ /^-[^-], /) { short = substr(line, 1, 2); line = substr(line, 5) }
		if (!match(line, /^--[^ =]+/)) next
		long = substr(line, 1, RLENGTH); line = substr(line, RLENGTH + 1)
		value = "-"
		if (line ~ /^ [^ ]/) {
			v = substr(line, 2); sub(/ .*/, "", v)
			if (v ~ /\|/ || v !~ /[a-z]/) { value = v; line = substr(line, length(v) + 2) }
		}
		sub(/^ +/, "", line)
		print short, long, value, line
	}'
}

# _dispute_choices VALUE HELP: the words an option accepts, when its value name or its
# help lists them ("a, b or c (default: a)", "complaint: a, b or c"); else nothing.
_dispute_choices() {
	local value=$1 help=$2 item out=()

	if [[ $value == *"|"* ]]; then
		printf '%s\n' ${value//|/ }
		return
	fi
	help=$(printf '%s\n' "$help" | sed -e 's/ *([^)]*)//g' -e 's/^[^:]*: //' -e 's/ or /, /g')
	local IFS=$'\n'
	for item in $(printf '%s\n' "$help" | sed 's/, /\n/g'); do
		[[ $item =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || return 0
		out+=("$item")
	done
	((${#out[@]} >= 2)) && printf '%s\n' "${out[@]}"
	return 0
}

# Sets COMPREPLY to the words of $1 (newline-separated) that start with $cur.
_dispute_words() {
	local IFS=$'\n'
	COMPREPLY=($(compgen -W "$1" -- "$cur"))
}

_dispute_files() {
	compopt -o filenames 2>/dev/null
	local IFS=$'\n'
	COMPREPLY=($(compgen -f -- "$cur"))
}

_dispute_dirs() {
	compopt -o filenames 2>/dev/null
	local IFS=$'\n'
	COMPREPLY=($(compgen -d -- "$cur"))
}

# Completes the value of option $1 (as typed, short or long) of command $cmd.
_dispute_value() {
	local opt=$1 short long value help choices

	while read -r short long value help; do
		[[ $opt == "$short" || $opt == "$long" ]] || continue
		choices=$(_dispute_choices "$value" "$help")
		if [[ -n $choices ]]; then
			_dispute_words "$choices"
		elif [[ $value == KIND ]]; then
			_dispute_words "$(_dispute_help add-evidence | _dispute_section '^kinds')"
		elif [[ $value == FIELD ]]; then
			_dispute_words "$(_dispute_help set | _dispute_section '^fields:')"
		elif [[ $value == DIR ]]; then
			_dispute_dirs
		elif [[ $value == DATE || $value == YYYY-MM-DD ]]; then
			_dispute_words "$(date +%Y-%m-%d)"
		elif [[ $value == *FILE* || $value == REPLY || $value == CERTS ||
		    $value == TEMPLATE || $value == *.* ]]; then
			_dispute_files
		fi
		return 0
	done <<<"$optlines"
	return 0
}

_dispute() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev= _dispute_bin case_dir= cmd= i word
	local optlines valopts=" " short long value help
	local -a args=() global=(-C -q --quiet -h --help -V --version)

	COMPREPLY=()
	_dispute_bin=$(_dispute_prog)

	# `--opt=va<TAB>`: bash splits it at "=" (COMP_WORDBREAKS).
	local cword=$COMP_CWORD
	if [[ $cur == "=" ]]; then
		cur=
		prev=${COMP_WORDS[cword - 1]}
	elif ((cword >= 2)) && [[ ${COMP_WORDS[cword - 1]} == "=" ]]; then
		prev=${COMP_WORDS[cword - 2]}
	elif ((cword >= 1)); then
		prev=${COMP_WORDS[cword - 1]}
		[[ $prev == --*=* ]] && prev=
	fi

	# The global options, up to the subcommand.
	i=1
	while ((i < cword)); do
		word=${COMP_WORDS[i]}
		if [[ $word == -C ]]; then
			if ((i + 1 == cword)); then
				_dispute_dirs
				return 0
			fi
			case_dir=${COMP_WORDS[i + 1]}
			((i += 2))
			continue
		fi
		[[ $word == -* ]] || break
		((i++))
	done
	if ((i >= cword)); then
		if [[ $cur == -* ]]; then
			_dispute_words "$(printf '%s\n' "${global[@]}")"
		else
			_dispute_words "$(_dispute_help | _dispute_section '^commands:')"
		fi
		return 0
	fi
	cmd=${COMP_WORDS[i]}
	optlines=$(_dispute_help "$cmd" | _dispute_options)
	while read -r short long value help; do
		[[ -n $long && $value != - ]] && valopts+="$short $long "
	done <<<"$optlines"
	[[ -n ${case_dir:-} ]] && case_dir=${case_dir/#\~/$HOME}

	# The value of an option.
	if [[ -n $prev && $valopts == *" $prev "* && $prev != - ]]; then
		_dispute_value "$prev"
		return 0
	fi

	# The positional arguments before the word being completed.
	local ended=
	((i++))
	while ((i < cword)); do
		word=${COMP_WORDS[i]}
		if [[ -z $ended && $word == -- ]]; then
			ended=1
		elif [[ -z $ended && $word == -?* && $word != *=* && $valopts == *" $word "* ]]; then
			((i++))
		elif [[ -z $ended && ($word == -?* || $word == "=") ]]; then
			:
		elif ((i >= 1)) && [[ ${COMP_WORDS[i - 1]} == "=" ]]; then
			:
		else
			args+=("$word")
		fi
		((i++))
	done

	if [[ -z $ended && $cur == -* ]]; then
		local words=
		while read -r short long value help; do
			[[ -n $long ]] || continue
			[[ $short != - ]] && words+="$short"$'\n'
			words+="$long"$'\n'
		done <<<"$optlines"
		_dispute_words "$words"
		return 0
	fi

	case $cmd in
	set)
		if ((${#args[@]} == 0)); then
			_dispute_words "$(_dispute_help set | _dispute_section '^fields:')"
		fi
		;;
	show)
		((${#args[@]} == 0)) && _dispute_words "$(_dispute_help set | _dispute_section '^fields:')"
		;;
	help)
		((${#args[@]} == 0)) && _dispute_words "$(_dispute_help | _dispute_section '^commands:')"
		;;
	draft)
		((${#args[@]} == 0)) && _dispute_words $'complaint\nevidence-list\nevidence-book\nidentity-request\nsettlement'
		;;
	rm-evidence | read)
		if [[ $cmd == read ]] || ((${#args[@]} == 0)); then
			_dispute_words "$("$_dispute_bin" -C "${case_dir:-.}" show --json 2>/dev/null |
			    sed -n 's/^[[:space:]]*"id":[[:space:]]*"\(E[0-9][0-9]*\)".*/\1/p')"
		fi
		;;
	timestamp)
		if ((${#args[@]} == 0)); then
			_dispute_words $'send\nattach'
		elif ((${#args[@]} == 1)) && [[ ${args[0]} == attach ]]; then
			_dispute_files
		fi
		;;
	init)
		((${#args[@]} == 0)) && _dispute_dirs
		;;
	add-evidence | render | verify)
		_dispute_files
		;;
	esac
	return 0
}

complete -F _dispute dispute
