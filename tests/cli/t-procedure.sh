# The procedure `dispute claim` and `dispute status` name: small claims at or below the
# province's published limit, by agreement up to twice it, simplified above; a province
# without a figure said so; the fee halved and halved again; the buyer's own wages.json
# and DISPUTE_WAGES.
. "$TEST_LIB"

"$DISPUTE" -q init c || exit 1
set_all c case.platform taobao claimant.address "江苏省南京市鼓楼区中山北路1号" \
    order.amount 624.50 order.date 2026-10-01 problem.category quality

expect 0 "claim for a Nanjing buyer" "$DISPUTE" -C c claim
contains out "procedure: small claims (小额诉讼): at or below 64610.00 yuan in 江苏省, final at first instance with no appeal" \
    "a 624.50 claim in Jiangsu goes to small claims"
contains out "limit in force from 2026-01-04 (2024 wages)" "the limit's date and wage year are given"
contains out "court fee 50.00 yuan; halved under the simplified procedure or small claims: 25.00 yuan; halved again if the case ends in mediation or is withdrawn: 12.50 yuan" \
    "the fee with both halvings"
contains out "whether the two halvings combine is not confirmed" "the combined halving is marked unconfirmed"
expect 0 "status for the same case" "$DISPUTE" -C c status
contains out "procedure: small claims (小额诉讼)" "status names the procedure too"

set_all c order.amount 100000.00
expect 0 "claim above the limit, below twice it" "$DISPUTE" -C c claim
contains out "procedure: simplified (简易程序): above the small-claims limit of 64610.00 yuan in 江苏省; up to 258440.00 yuan both parties may agree to small claims" \
    "above the limit: simplified, small claims by agreement"
set_all c order.amount 300000.00
expect 0 "claim above twice the limit" "$DISPUTE" -C c claim --json
check "claim --json carries the procedure" python3 -c '
import json
p = json.load(open("out"))["procedure"]
assert p["kind"] == "simplified" and p["province"] == "江苏省", p
assert p["limit"] == "64610.00" and p["agreed_limit"] == "258440.00"
assert p["fee"] == "5800.00" and p["fee_halved"] == "2900.00" and p["fee_mediation"] == "1450.00"
assert p["limit_stale"] is False and p["fee_confirmed"] is False
'

# Zhejiang's figure is old: applied, with a warning.
set_all c order.amount 624.50 order.delivery_address "浙江省杭州市西湖区古墩路588号"
expect 0 "claim for a Hangzhou delivery" "$DISPUTE" -C c claim
contains out "at or below 54323.00 yuan in 浙江省" "the Zhejiang figure applies"
contains out "a later notice may have raised it" "an old figure is flagged"

# The chosen court decides the province before the address.
set_all c case.court 北京互联网法院
expect 0 "claim with a Beijing court" "$DISPUTE" -C c claim
contains out "procedure: no small-claims limit of 北京市 is in the table" \
    "a province without a figure says so"
expect 0 "status --json with no figure" "$DISPUTE" -C c status --json
check "status --json carries the procedure" python3 -c '
import json
p = json.load(open("out"))["procedure"]
assert p["kind"] == "no-figure" and p["province"] == "北京市" and "limit" not in p, p
'

# The buyer's own figure for Beijing.
cat >c/wages.json <<'JSON'
{"schema": "dispute-wages/1", "provinces": {"北京市": [{"from": "2026-01-01",
 "wage_year": 2025, "limit_fen": 6000000, "agreed_limit_fen": 24000000,
 "confirmed": false, "source": "我从北京高院网站抄录"}]}}
JSON
expect 0 "claim with the case's wages.json" "$DISPUTE" -C c claim
contains out "at or below 60000.00 yuan in 北京市" "the case's wages.json adds a province"
contains out "我从北京高院网站抄录 (check the current official text)" \
    "an unconfirmed figure is marked"
expect 1 "a missing DISPUTE_WAGES file is an error" env DISPUTE_WAGES=/nonexistent/w.json \
    "$DISPUTE" -C c claim
contains err "/nonexistent/w.json" "the error names the missing file"

# No address and no court: the province is unknown.
"$DISPUTE" -q init d || exit 1
"$DISPUTE" -q -C d set order.amount 10 && "$DISPUTE" -q -C d set order.date 2026-10-01
expect 0 "claim with no place" "$DISPUTE" -C d claim
contains out "the province is not known" "no place: the limit cannot be checked"

finish
