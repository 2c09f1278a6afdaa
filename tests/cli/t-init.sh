# dispute init: creates an owner-only case folder and never overwrites a case.
. "$TEST_LIB"

expect 0 "init creates a case folder" "$DISPUTE" init mycase
check "case.json exists" test -f mycase/case.json
check "evidence/ exists" test -d mycase/evidence
check "the folder is owner-only (0700)" sh -c '[ "$(stat -c %a mycase)" = 700 ]'
check "case.json is owner-only (0600)" sh -c '[ "$(stat -c %a mycase/case.json)" = 600 ]'
contains mycase/case.json '"schema":	"dispute-case/1"' "case.json names its schema"

cp mycase/case.json before.json
expect 1 "init refuses an existing case" "$DISPUTE" init mycase
contains err "already exists" "the refusal says the case exists"
same before.json mycase/case.json "the existing case.json is untouched"

mkdir here
expect 0 "init with -C makes the case in that folder" "$DISPUTE" -C here init
check "case.json made under -C" test -f here/case.json

expect 1 "other commands refuse a folder without a case" "$DISPUTE" -C nowhere status
contains err "dispute init" "the message points to dispute init"

finish
