# dispute claim: the refund, the statutory compensation at and around its minimums, the
# court fee by bands with its rounding, the article behind each amount as the rule table
# words it, the note on unconfirmed rules, the court draft's total, and the refusals.
. "$TEST_LIB"

RULES=$TEST_DATA_DIR/../../rules/zh-CN.json

# law ID: 《law》article of the first version of rule ID in the shipped rule table.
law() {
	awk -v id="\"id\": \"$1\"" '
	    index($0, id) { found = 1 }
	    found && /"law":/ { split($0, a, "\""); l = a[4] }
	    found && /"article":/ { split($0, a, "\""); printf "《%s》%s\n", l, a[4]; exit }' "$RULES"
}

# confirmed ID: true or false for the first version of rule ID.
confirmed() {
	awk -v id="\"id\": \"$1\"" '
	    index($0, id) { found = 1 }
	    found && /"confirmed":/ { sub(/.*"confirmed": */, ""); sub(/,.*/, ""); print; exit }' "$RULES"
}

# amounts: from `claim --json` in ./out, "basis=amount" for every line, then
# "total=…", "fee=…" and "simplified=…", into ./amounts.
amounts() {
	awk -F'"' '
	    /"chosen_lines":/ { skip = 1 }
	    !skip && /"basis":/ { basis = $4 }
	    !skip && /^\t\t\t"amount":/ { print basis "=" $4 }
	    /^\t"total":/ { print "total=" $4 }
	    /^\t"filing_fee":/ { print "fee=" $4 }
	    /^\t"filing_fee_simplified":/ { print "simplified=" $4 }' out >amounts
}

# claim_is TITLE LINE...: `dispute -C k claim --json` succeeds and gives exactly these lines.
claim_is() {
	title=$1
	shift
	expect 0 "claim --json: $title" "$DISPUTE" -C k claim --json
	amounts
	printf '%s\n' "$@" >want
	same want amounts "$title"
}

setk() {
	"$DISPUTE" -q -C k set "$1" "$2" || { echo "cannot set $1 $2"; exit 1; }
}

FRAUD_LAW=$(law fraud-compensation)
FOOD_LAW=$(law food-compensation)
REFUND_LAW=$(law refund)
check "the rule table words the fraud article as 第五十五条" sh -c "echo '$FRAUD_LAW' | grep -q 第五十五条"
check "the rule table words the food article as 第一百四十八条" sh -c "echo '$FOOD_LAW' | grep -q 第一百四十八条"

"$DISPUTE" -q init k || exit 1
setk order.date 2026-10-01

# No price: refused with the `dispute set` lines.
expect 1 "claim without order.amount is refused" "$DISPUTE" -C k claim
contains err "dispute set order.amount" "the refusal gives the dispute set line for the amount"
check "the refusal prints nothing on stdout" test ! -s out
expect 1 "claim --json without order.amount is refused" "$DISPUTE" -C k claim --json
check "the JSON refusal prints nothing on stdout" test ! -s out

# Counterfeit: three times the price, at least 500.00.
setk problem.category counterfeit
setk order.amount 166.66
claim_is "counterfeit 166.66: 3 × 166.66 = 499.98 is raised to 500.00" \
    refund=166.66 fraud=500.00 total=166.66 fee=50.00 simplified=25.00
contains out '"calculation_zh":	"166.66 元 × 3 = 499.98 元，低于法定最低 500.00 元，按 500.00 元计"' \
    "the calculation shows the product and the minimum"
contains out "\"law\":	\"$FRAUD_LAW\"" "the fraud line cites $FRAUD_LAW"
contains out "\"law\":	\"$REFUND_LAW\"" "the refund line cites $REFUND_LAW"
contains out '"condition_zh":	"经认定商家存在欺诈行为"' "the fraud line states its condition"
contains out '"chosen":	false' "the fraud line is not chosen by default"
setk order.amount 166.67
claim_is "counterfeit 166.67: 3 × 166.67 = 500.01, above the minimum" \
    refund=166.67 fraud=500.01 total=166.67 fee=50.00 simplified=25.00
contains out '"calculation_zh":	"166.67 元 × 3 = 500.01 元"' "no minimum clause above the minimum"
setk order.amount 200.00
claim_is "counterfeit 200.00: fraud 600.00" refund=200.00 fraud=600.00 total=200.00 fee=50.00 \
    simplified=25.00
setk problem.category not-as-described
claim_is "not-as-described also has the fraud line" refund=200.00 fraud=600.00 total=200.00 \
    fee=50.00 simplified=25.00

# The chosen compensation is added to the total.
setk problem.category counterfeit
setk demand.compensation fraud
claim_is "demand.compensation fraud: the total adds the fraud line" \
    refund=200.00 fraud=600.00 total=800.00 fee=50.00 simplified=25.00
sed -n '/"chosen_lines":/,$p' out >chosen
contains chosen '"basis":	"fraud"' "the fraud line is among the chosen lines"
contains chosen '"amount":	"600.00"' "the chosen fraud line is 600.00"
expect 0 "claim (human form) with fraud chosen" "$DISPUTE" -C k claim
line out "1\. refund of the price paid 200\.00 yuan" "the human form lists the refund"
line out "2\. punitive damages for fraud 600\.00 yuan" "the human form lists the chosen fraud line without the not-chosen note"
line out "   basis: $FRAUD_LAW" "the human form cites $FRAUD_LAW"
line out "total demanded: 800\.00 yuan" "the human form gives the total"
setk demand.compensation none
claim_is "demand.compensation none: the refund only" refund=200.00 fraud=600.00 total=200.00 \
    fee=50.00 simplified=25.00
expect 0 "claim (human form) with none chosen" "$DISPUTE" -C k claim
line out "2\. punitive damages for fraud 600\.00 yuan \(possible, not chosen\)" \
    "the human form marks the fraud line as possible, not chosen"
setk demand.compensation food
expect 1 "demand.compensation food for counterfeit goods is refused" "$DISPUTE" -C k claim --json
contains err "demand.compensation" "the refusal names demand.compensation"
check "the refusal prints nothing on stdout" test ! -s out
"$DISPUTE" -q -C k set --unset demand.compensation || exit 1

# Expired goods are food unless said otherwise: ten times the price, at least 1000.00.
setk problem.category expired
setk order.amount 99.99
claim_is "expired 99.99: 10 × 99.99 = 999.90 is raised to 1000.00" \
    refund=99.99 food=1000.00 total=99.99 fee=50.00 simplified=25.00
contains out '"calculation_zh":	"价款 99.99 元 × 10 = 999.90 元，低于法定最低 1000.00 元，按 1000.00 元计"' \
    "the food calculation shows the product and the minimum"
contains out "\"law\":	\"$FOOD_LAW\"" "the food line cites $FOOD_LAW"
setk order.amount 100.00
claim_is "expired 100.00: exactly 1000.00" refund=100.00 food=1000.00 total=100.00 fee=50.00 \
    simplified=25.00
contains out '"calculation_zh":	"价款 100.00 元 × 10 = 1000.00 元"' "no minimum clause at the minimum"
setk order.amount 100.01
claim_is "expired 100.01: 1000.10" refund=100.01 food=1000.10 total=100.01 fee=50.00 \
    simplified=25.00
setk demand.compensation food
claim_is "demand.compensation food: the total adds the food line" \
    refund=100.01 food=1000.10 total=1100.11 fee=50.00 simplified=25.00
"$DISPUTE" -q -C k set --unset demand.compensation || exit 1
setk problem.food no
claim_is "expired goods that are not food: no food line" refund=100.01 total=100.01 fee=50.00 \
    simplified=25.00
lacks out '"basis":	"food"' "no food basis for goods that are not food"
setk demand.compensation food
expect 1 "demand.compensation food for goods that are not food is refused" "$DISPUTE" -C k claim
contains err "not food" "the refusal says the goods are not food"
"$DISPUTE" -q -C k set --unset demand.compensation || exit 1
# Harm to health from food, with a loss: the larger of 10 × price and 3 × loss.
setk problem.category harmful
setk problem.food yes
setk order.amount 50.00
setk problem.loss 400.00
claim_is "harmful food 50.00 with a 400.00 loss: 3 × 400.00 = 1200.00 beats 500.00" \
    refund=50.00 loss=400.00 food=1200.00 total=450.00 fee=50.00 simplified=25.00
contains out "取较高者 1200.00 元" "the calculation picks the higher figure"
"$DISPUTE" -q -C k set --unset problem.loss || exit 1

# The food rule is not confirmed against the official text: the human form says so, on
# the food line only.
check "the shipped food rule is unconfirmed" test "$(confirmed food-compensation)" = false
check "the shipped refund rule is confirmed" test "$(confirmed refund)" = true
expect 0 "claim (human form) with the unconfirmed food rule" "$DISPUTE" -C k claim
line out "   basis: $FOOD_LAW \(check the current official text\)" \
    "the unconfirmed food line says check the current official text"
line out "   basis: $REFUND_LAW" "the confirmed refund line carries no such note"
check "the note appears once, on the food line" test "$(grep -c 'check the current official text' out)" -eq 1
expect 0 "claim --json with the unconfirmed food rule" "$DISPUTE" -C k claim --json
sed -n '/"basis":	"food"/,/"chosen":/p' out >food
contains food '"confirmed":	false' "the food line is marked unconfirmed in JSON"

# Quality problems: the refund only.
setk problem.category quality
"$DISPUTE" -q -C k set --unset problem.food || exit 1
setk order.amount 199.90
claim_is "quality: the refund only" refund=199.90 total=199.90 fee=50.00 simplified=25.00
setk demand.compensation fraud
expect 1 "demand.compensation fraud for a quality problem is refused" "$DISPUTE" -C k claim --json
contains err "counterfeit" "the refusal says which categories allow fraud"
setk demand.compensation none

# The court fee: 50.00 up to 10000.00, then 2.5 % up to 100000.00, then 2 %; rounded half
# up to the fen, and halved (ties up) under the simplified procedure.
setk order.amount 10000.00
claim_is "fee on 10000.00 is 50.00" refund=10000.00 total=10000.00 fee=50.00 simplified=25.00
contains out '"filing_fee_confirmed":	true' "the fee on 10000.00 is confirmed"
contains out "\"filing_fee_law\":	\"《诉讼费用交纳办法》第十三条、第十六条\"" "the fee cites 第十三条 and 第十六条"
setk order.amount 10000.19
claim_is "fee on 10000.19: 0.475 fen rounds down" refund=10000.19 total=10000.19 fee=50.00 \
    simplified=25.00
setk order.amount 10000.20
claim_is "fee on 10000.20: 0.5 fen rounds up, half of 50.01 is 25.01" refund=10000.20 \
    total=10000.20 fee=50.01 simplified=25.01
setk order.amount 10001.00
claim_is "fee on 10001.00: 50.025 → 50.03, half 25.015 → 25.02" refund=10001.00 total=10001.00 \
    fee=50.03 simplified=25.02
setk order.amount 20000.00
claim_is "fee on 20000.00 is 300.00" refund=20000.00 total=20000.00 fee=300.00 simplified=150.00
setk order.amount 100000.00
claim_is "fee on 100000.00 is 2300.00" refund=100000.00 total=100000.00 fee=2300.00 \
    simplified=1150.00
setk order.amount 200000.00
claim_is "fee on 200000.00 is 4300.00, still confirmed" refund=200000.00 total=200000.00 \
    fee=4300.00 simplified=2150.00
contains out '"filing_fee_confirmed":	true' "the fee up to 200000.00 is confirmed"
setk order.amount 200000.01
claim_is "fee on 200000.01 reaches the next band" refund=200000.01 total=200000.01 fee=4300.00 \
    simplified=2150.00
contains out '"filing_fee_confirmed":	true' "the bands above 200000.00 are confirmed too"
expect 0 "claim (human form) above 200000.00" "$DISPUTE" -C k claim
line out "   basis: 《诉讼费用交纳办法》第十三条、第十六条" \
    "the confirmed fee carries no check-the-text note"
line out "court fee: 4300\.00 yuan \(halved under the simplified procedure: 2150\.00 yuan\)" \
    "the human form gives the fee and the halved fee"
# The fee is on the total demanded, compensation included.
setk problem.category counterfeit
setk order.amount 5000.00
setk demand.compensation fraud
claim_is "fee on 5000.00 + 15000.00 = 20000.00 is 300.00" refund=5000.00 fraud=15000.00 \
    total=20000.00 fee=300.00 simplified=150.00

# The court draft claims the same total as `dispute claim`.
setk order.amount 200.00
for kv in "claimant.name 张三" "claimant.phone 13812345678" "claimant.id_number 11010519491231002X" \
    "claimant.address 北京市朝阳区建国路88号" "merchant.shop 好物旗舰店" \
    "merchant.company 福州好物贸易有限公司" "merchant.address 福建省福州市鼓楼区五四路100号" \
    "merchant.representative 李四" "case.platform douyin" "case.court 北京互联网法院" \
    "order.id 6912345678901234" "order.product 运动鞋" "problem.description 鞋底无正品标识" \
    "demand.text 退一赔三"; do
	setk "${kv%% *}" "${kv#* }"
done
"$DISPUTE" -q -C k add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null || exit 1
expect 0 "claim --json for the court case" "$DISPUTE" -C k claim --json
amounts
total=$(sed -n 's/^total=//p' amounts)
check "the claim's total is 800.00" test "$total" = 800.00
expect 0 "the court draft" "$DISPUTE" -C k draft complaint --to court
line out "标的总额：人民币$total元" "the court draft's total is the claim's total"
line out "2\. 判令被告向原告支付欺诈惩罚性赔偿人民币600\.00元；" \
    "the court draft claims the fraud line on its own line"
line out "   计算方式：200\.00 元 × 3 = 600\.00 元" "the court draft gives the fraud line's computation"
line out "欺诈惩罚性赔偿：$FRAUD_LAW（条件：.*）" "the court draft cites $FRAUD_LAW for the fraud line"
expect 0 "the 12315 draft" "$DISPUTE" -C k draft complaint --to 12315
line out "合计：人民币$total元" "the 12315 draft's total is the claim's total"
line out "  依据：$FRAUD_LAW" "the 12315 draft cites $FRAUD_LAW"
setk demand.compensation none
expect 0 "the court draft without compensation" "$DISPUTE" -C k draft complaint --to court
line out "标的总额：人民币200\.00元" "without compensation the court claims the refund"
lacks out "欺诈惩罚性赔偿" "an unchosen line is not claimed in court"

# No order date: refused too.
"$DISPUTE" -q -C k set --unset order.date || exit 1
expect 1 "claim without order.date is refused" "$DISPUTE" -C k claim
contains err "dispute set order.date" "the refusal gives the dispute set line for the date"
check "the refusal prints nothing on stdout" test ! -s out

expect 2 "claim with an argument is a usage error" "$DISPUTE" -C k claim 200
expect 2 "claim with an unknown option is a usage error" "$DISPUTE" -C k claim --csv
expect 1 "claim outside a case fails" "$DISPUTE" -C nowhere claim
contains err "dispute init" "the message points to dispute init"

finish
