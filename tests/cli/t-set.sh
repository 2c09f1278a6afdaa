# dispute set: every field type stored in its canonical form, every refusal leaving
# case.json byte-identical, unknown fields, the order.received/order.date rule, --unset.
. "$TEST_LIB"

"$DISPUTE" -q init c || exit 1

# stored FIELD VALUE WANT: `set FIELD VALUE` succeeds and `show FIELD` prints WANT.
stored() {
	expect 0 "set $1 '$2'" "$DISPUTE" -C c set "$1" "$2"
	expect 0 "show $1 after setting '$2'" "$DISPUTE" -C c show "$1"
	printf '%s\n' "$3" >want
	same want out "$1 '$2' is stored as '$3'"
}

# Free text keeps every byte, Chinese and inner spaces included.
stored claimant.name 张三 张三
stored merchant.shop "好物 旗舰店" "好物 旗舰店"
stored order.id 6912345678901234 6912345678901234
contains c/case.json '"name":	"张三"' "the name is written to case.json as UTF-8"

# Choices.
stored case.platform taobao taobao
stored case.platform pinduoduo pinduoduo
stored problem.category not-as-described not-as-described

# Dates: today and a real leap day are fine.
stored order.date 2024-02-29 2024-02-29
stored order.date "$TODAY" "$TODAY"
stored order.date 2026-10-01 2026-10-01

# Amounts: always two decimals.
stored order.amount 199.9 199.90
stored order.amount 5 5.00
stored order.amount 0.5 0.50
stored order.amount 199.90 199.90
contains c/case.json '"amount":	"199.90"' "case.json holds the canonical amount"

# Counts.
stored order.quantity 2 2

# Phones: separators and +86 dropped from mobiles; landlines and 400 numbers grouped.
stored claimant.phone "138 0013 8000" 13800138000
stored claimant.phone "+86 138-0013-8000" 13800138000
stored merchant.phone 01012345678 010-12345678
stored merchant.phone "4008 123 456" 400-812-3456
contains c/case.json '"phone":	"13800138000"' "case.json holds the canonical mobile number"

# ID numbers: a lowercase x check digit is stored as X.
stored claimant.id_number 11010519491231002x 11010519491231002X
stored claimant.id_number 440304199003071248 440304199003071248
stored claimant.id_number 11010519491231002x 11010519491231002X
lacks c/case.json 11010519491231002x "no lowercase x is left in case.json"

# Credit codes: letters upper-cased.
stored merchant.credit_code 91350100m000100y43 91350100M000100Y43

# Every refusal below leaves the values above in place.
set_refused "in the future" order.date 2026-11-19
set_refused "in the future" order.date 2027-01-01
set_refused "day 29 does not exist in 2025-02" order.date 2025-02-29
set_refused "YYYY-MM-DD" order.date 01/10/2026
set_refused "thousands separators are not allowed" order.amount 1,000
set_refused "exponents are not allowed" order.amount 1e3
set_refused "more than two decimal places" order.amount 12.345
set_refused "negative amounts are not allowed" -- order.amount -5
set_refused "not a whole number" order.quantity 0
set_refused "check digit should be 8, not 0" claimant.id_number 440304199003071240
set_refused "check digit should be X, not 1" claimant.id_number 110105194912310021
set_refused "check character should be 3, not 4" merchant.credit_code 91350100M000100Y44
set_refused "check character should be 2, not 3" merchant.credit_code 91350100M000100X43
set_refused "claimant.phone" claimant.phone 12345
set_refused "mobile number should have 11 digits" claimant.phone 1380013800
set_refused "only mainland China numbers" claimant.phone "+1 650 253 0000"
set_refused '"amazon" is not one of: douyin, taobao' case.platform amazon
set_refused '"broken" is not one of: quality' problem.category broken
set_refused "empty value" claimant.name ""

expect 0 "order.amount still reads 199.90 after the refusals" "$DISPUTE" -C c show order.amount
printf '199.90\n' >want
same want out "refused amounts did not replace the stored one"

# Without `--`, "-5" is taken for an option: a usage error, and nothing stored.
cp c/case.json before.json
expect 2 "set order.amount -5 without -- is a usage error" "$DISPUTE" -C c set order.amount -5
contains err "unknown option" "the usage error names the unknown option"
same before.json c/case.json "case.json is unchanged after the usage error"

# Unknown field names are refused as usage errors and never stored.
cp c/case.json before.json
expect 2 "an unknown field is a usage error" "$DISPUTE" -C c set order.colour red
contains err 'unknown field "order.colour"' "the message names the unknown field"
contains err "dispute help set" "the message points to dispute help set"
lacks c/case.json colour "the unknown field is not in case.json"
same before.json c/case.json "case.json is unchanged after an unknown field"
expect 2 "set with a field but no value is a usage error" "$DISPUTE" -C c set order.amount
expect 2 "set with three arguments is a usage error" "$DISPUTE" -C c set order.amount 1 2
same before.json c/case.json "case.json is unchanged after the usage errors"

# The goods cannot be received before they were ordered (order.date is 2026-10-01).
set_refused "order.received 2026-09-30 is before order.date 2026-10-01" order.received 2026-09-30
stored order.received 2026-10-01 2026-10-01
stored order.received 2026-10-05 2026-10-05
set_refused "order.received 2026-10-05 is before order.date 2026-10-06" order.date 2026-10-06

# --unset clears a field.
expect 0 "set --unset order.received" "$DISPUTE" -C c set --unset order.received
contains err "order.received cleared" "--unset says the field was cleared"
lacks c/case.json '"received"' "order.received is gone from case.json"
expect 1 "show of the cleared field fails" "$DISPUTE" -C c show order.received
contains err "order.received: not set" "show says the cleared field is not set"
expect 0 "order.date can move after the cleared order.received" "$DISPUTE" -C c set order.date 2026-10-06
cp c/case.json before.json
expect 2 "--unset of an unknown field is a usage error" "$DISPUTE" -C c set --unset order.colour
expect 2 "--unset with a value is a usage error" "$DISPUTE" -C c set --unset order.id 1
same before.json c/case.json "case.json is unchanged after the --unset usage errors"
expect 0 "--unset of a field that is not set succeeds" "$DISPUTE" -C c set --unset demand.text

# set needs a case.
expect 1 "set outside a case fails" "$DISPUTE" -C nowhere set order.id 1
contains err "dispute init" "the message points to dispute init"
check "set outside a case creates nothing" test ! -e nowhere

# `dispute help set` lists every field.
expect 0 "dispute help set" "$DISPUTE" help set
for f in case.platform claimant.name claimant.phone claimant.id_number claimant.address \
    merchant.shop merchant.company merchant.credit_code merchant.address merchant.phone \
    order.id order.product order.spec order.amount order.quantity order.date \
    order.received problem.category problem.description demand.text; do
	contains out "  $f " "help set lists $f"
done
contains out "douyin, taobao, jd, pinduoduo, kuaishou, other" "help set lists the platforms"

finish
