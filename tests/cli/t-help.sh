# dispute --help, help, help COMMAND, COMMAND --help, --version, and the usage errors
# for unknown commands and options and for no command at all.
. "$TEST_LIB"

COMMANDS="init set show add-evidence rm-evidence log status pack verify help"

# The overview, three ways, on stdout.
for how in "--help" "-h" "help"; do
	expect 0 "dispute $how" "$DISPUTE" $how
	contains out "usage: dispute [-C DIR] [-q] COMMAND [ARGS]" "dispute $how prints the usage line"
	contains out "exit status: 0 success, 1 the operation failed or found a problem, 2 usage error" \
	    "dispute $how explains the exit status"
	check "dispute $how prints nothing on stderr" test ! -s err
	for cmd in $COMMANDS; do
		contains out "  $cmd " "dispute $how lists $cmd"
	done
done
expect 0 "--help after -C is still the overview" "$DISPUTE" -C nowhere --help
contains out "usage: dispute [-C DIR]" "-C DIR --help prints the overview"

# One command's help, both ways, for every command.
for cmd in $COMMANDS; do
	expect 0 "dispute help $cmd" "$DISPUTE" help "$cmd"
	contains out "usage: dispute $cmd" "dispute help $cmd prints its usage line"
	contains out "-h, --help" "dispute help $cmd lists -h, --help"
	cp out help.out
	expect 0 "dispute $cmd --help" "$DISPUTE" "$cmd" --help
	same help.out out "dispute $cmd --help prints the same as dispute help $cmd"
	expect 0 "dispute $cmd -h" "$DISPUTE" "$cmd" -h
	same help.out out "dispute $cmd -h prints the same as dispute help $cmd"
done

expect 0 "dispute help pack" "$DISPUTE" help pack
contains out "usage: dispute pack [-o FILE [--force]] [--date YYYY-MM-DD]" "help pack gives pack's usage"
contains out "-o, --output FILE" "help pack lists -o"
contains out "--date YYYY-MM-DD" "help pack lists --date"
expect 0 "dispute help add-evidence" "$DISPUTE" help add-evidence
for kind in order chat defect receipt logistics medical communication-audio other; do
	contains out "  $kind " "help add-evidence lists the kind $kind"
done
expect 0 "dispute help log" "$DISPUTE" help log
contains out "merchant, platform, 12315, consumer-association, court or social" \
    "help log lists the channels"
contains out "pending (default), accepted, refused, no-response, resolved, partial or agreement" \
    "help log lists the outcomes"

# --help wins over missing arguments and does not touch anything.
expect 0 "dispute log --help needs no -c" "$DISPUTE" log --help
expect 0 "dispute -C nowhere pack --help needs no case" "$DISPUTE" -C nowhere pack --help
check "--help created no case" test ! -e nowhere

# Version.
expect 0 "dispute --version" "$DISPUTE" --version
check "--version prints 'dispute 0.' and one line" \
    sh -c 'grep -q "^dispute 0\.[0-9][0-9]*\.[0-9][0-9]*$" out && [ "$(wc -l <out)" -eq 1 ]'
cp out version.out
expect 0 "dispute -V" "$DISPUTE" -V
same version.out out "-V prints the same as --version"

# Usage errors: exit 2, a message on stderr, nothing on stdout.
expect 2 "an unknown command is a usage error" "$DISPUTE" frobnicate
contains err "unknown command: frobnicate" "the message names the unknown command"
check "nothing on stdout for an unknown command" test ! -s out
expect 2 "an unknown global option is a usage error" "$DISPUTE" --frobnicate status
contains err "unknown global option: --frobnicate" "the message names the unknown global option"
check "nothing on stdout for an unknown global option" test ! -s out
expect 2 "an unknown command option is a usage error" "$DISPUTE" pack --frobnicate
contains err "unknown option or missing value: --frobnicate" "the message names the unknown option"
contains err "usage: dispute pack" "the usage error shows pack's usage"
check "nothing on stdout for an unknown command option" test ! -s out
expect 2 "an unknown short option is a usage error" "$DISPUTE" status -z
contains err "unknown option or missing value: -z" "the message names the unknown short option"
expect 2 "an option without its value is a usage error" "$DISPUTE" pack -o
expect 2 "no command is a usage error" "$DISPUTE"
contains err "usage: dispute [-C DIR] [-q] COMMAND [ARGS]" "no command prints the usage on stderr"
check "nothing on stdout without a command" test ! -s out
expect 2 "-C without a folder and no command is a usage error" "$DISPUTE" -C
contains err "-C needs a folder" "the message says what -C lacks"
mkdir -p joined && "$DISPUTE" -q init joined/case
expect 0 "-CDIR, joined as in git and make, names the case folder" "$DISPUTE" -Cjoined/case status
contains out "ladder:" "status ran on the case given by -CDIR"
expect 2 "help of an unknown command is a usage error" "$DISPUTE" help frobnicate
contains err "unknown command: frobnicate" "help names the unknown command"
expect 2 "help with two commands is a usage error" "$DISPUTE" help pack verify

finish
