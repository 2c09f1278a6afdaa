# Every listing command has --json with a named, versioned schema as its first member,
# so that scripts never parse the human text.
. "$TEST_LIB"

new_case c
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-03 "拒绝退款"

schema_first() { # TITLE SCHEMA COMMAND...
	title=$1
	schema=$2
	shift 2
	expect 0 "$title" "$@"
	check "$title: the first member is \"schema\": \"$schema\"" \
	    sh -c "sed -n 2p out | grep -q '^	\"schema\":	\"$schema\",\$'"
	check "$title: stdout is one JSON object" sh -c "head -c1 out | grep -q '{' && tail -n1 out | grep -q '^}\$'"
}

schema_first "show --json" "dispute-case/1" "$DISPUTE" -C c show --json
schema_first "status --json" "dispute-status/1" "$DISPUTE" -C c status --json
schema_first "claim --json" "dispute-claim/1" "$DISPUTE" -C c claim --json
schema_first "draft evidence-list --json" "dispute-evidence-list/1" "$DISPUTE" -C c draft evidence-list --json
contains out '"label_zh":	"证据1"' "the JSON evidence list carries the same numbering"
"$DISPUTE" -q -C c pack -o d.zip
schema_first "verify --json" "dispute-verify/2" "$DISPUTE" verify --json d.zip
contains out '"intact":	true' "verify --json says intact"
expect 2 "--json with a complaint is a usage error" "$DISPUTE" -C c draft complaint --to platform --json
expect 2 "--json with --csv is a usage error" "$DISPUTE" -C c draft evidence-list --json --csv

finish
