# dispute show: the table of all fields, one field's canonical value, --json for the whole
# record and for one field, unset and unknown fields, and that show never writes.
. "$TEST_LIB"

"$DISPUTE" -q init c || exit 1
"$DISPUTE" -q -C c set order.id 6912345678901234 &&
"$DISPUTE" -q -C c set order.amount 199.9 &&
"$DISPUTE" -q -C c set claimant.name 张三 &&
"$DISPUTE" -q -C c set claimant.phone "138 0013 8000" &&
"$DISPUTE" -q -C c set claimant.id_number 11010519491231002x &&
"$DISPUTE" -q -C c set case.platform jd &&
"$DISPUTE" -q -C c set problem.description "充电宝 无法充电" || exit 1

# One field: the canonical value alone on stdout.
for pair in "order.amount=199.90" "claimant.phone=13800138000" \
    "claimant.id_number=11010519491231002X" "claimant.name=张三" "case.platform=jd" \
    "problem.description=充电宝 无法充电"; do
	field=${pair%%=*}
	printf '%s\n' "${pair#*=}" >want
	expect 0 "show $field" "$DISPUTE" -C c show "$field"
	same want out "show $field prints '${pair#*=}' and nothing else"
done

# All fields: one line each, unset ones marked.
cp c/case.json before.json
expect 0 "show with no field" "$DISPUTE" -C c show
line out "order\.amount +199\.90" "the table shows order.amount canonically"
line out "claimant\.id_number +11010519491231002X" "the table shows the ID number canonically"
line out "claimant\.name +张三" "the table shows the Chinese name"
line out "merchant\.shop +\(not set\)" "the table marks unset fields"
fields=$("$DISPUTE" help set | sed -n '/^fields:/,/^$/p' | grep -c '^  [a-z]')
check "the table has one line per field of \`dispute help set\` ($fields)" \
    test "$(wc -l <out)" -eq "$fields"
check "the table is at least the 20 documented fields" test "$fields" -ge 20
same before.json c/case.json "show does not rewrite case.json"

# Unset and unknown fields.
expect 1 "show of an unset field fails" "$DISPUTE" -C c show merchant.shop
contains err "merchant.shop: not set" "the message says the field is not set"
check "nothing on stdout for an unset field" test ! -s out
expect 2 "show of an unknown field is a usage error" "$DISPUTE" -C c show merchant.colour
contains err 'unknown field "merchant.colour"' "the message names the unknown field"
expect 2 "show with two fields is a usage error" "$DISPUTE" -C c show order.id order.amount

# --json: the whole record.
expect 0 "show --json" "$DISPUTE" -C c show --json
contains out '"schema":	"dispute-case/1"' "show --json prints the schema"
contains out '"amount":	"199.90"' "show --json prints the canonical amount"
contains out '"id_number":	"11010519491231002X"' "show --json prints the canonical ID number"
contains out '"name":	"张三"' "show --json prints Chinese text unescaped"
contains out '"evidence":	[]' "show --json prints the evidence list"
contains out '"timeline":	[]' "show --json prints the timeline"
check "show --json starts with {" sh -c '[ "$(head -n 1 out)" = "{" ]'
check "show --json ends with }" sh -c '[ "$(tail -n 1 out)" = "}" ]'

# --json with one field: a JSON string, or null when unset.
expect 0 "show --json order.amount" "$DISPUTE" -C c show --json order.amount
printf '"199.90"\n' >want
same want out "show --json order.amount prints a JSON string"
expect 0 "show --json of an unset field" "$DISPUTE" -C c show --json merchant.shop
printf 'null\n' >want
same want out "show --json of an unset field prints null"

# A value with a quote and a backslash comes out escaped in JSON and raw otherwise.
"$DISPUTE" -q -C c set demand.text 'refund "all" \ now' || exit 1
expect 0 "show demand.text" "$DISPUTE" -C c show demand.text
printf '%s\n' 'refund "all" \ now' >want
same want out "show prints the text exactly as typed"
expect 0 "show --json demand.text" "$DISPUTE" -C c show --json demand.text
printf '%s\n' '"refund \"all\" \\ now"' >want
same want out "show --json escapes quotes and backslashes"

# A case.json from someone else may hold anything: show keeps a text's line breaks when it
# prints that text alone, and escapes every control character and bidirectional override.
cp -R c sent || exit 1
python3 - sent/case.json <<'PY' || exit 1
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    case = json.load(f)
case["problem"]["description"] = "第一行\n\x1b[2J第二行\u202e\x07"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(case, f, ensure_ascii=False)
PY
expect 0 "show problem.description from a case that was sent" "$DISPUTE" -C sent show problem.description
printf '%s\n' '第一行' '\x1B[2J第二行\u{202E}\x07' >want
same want out "show keeps the lines of one text and escapes its controls"
expect 0 "show of that case" "$DISPUTE" -C sent show
line out 'problem\.description +第一行\\x0A\\x1B\[2J第二行\\u\{202E\}\\x07' \
    "the table shows that text on one line, escaped"
lacks out "$(printf '\033')" "show prints no raw ESC"

# show needs a case.
expect 1 "show outside a case fails" "$DISPUTE" -C nowhere show
contains err "dispute init" "the message points to dispute init"

finish
