# The reading part of bench/run (sourced by it; bash): `dispute read` on screenshots
# made as phones make them (tests/screens/make.sh: an order page, a chat, a business
# licence and a tracking page at 1080x2400, and a photo of the printed licence at an
# angle), each read
# REPS times on its own. Reported: recognition accuracy, the facts read right out of
# the facts the pictures show (the order's number, amount, date and shop; the
# licence's company, credit code, address and representative, from each licence; the
# date signed for on the tracking page; the
# chat's five messages, each right when its speaker, time and text are), and the
# seconds per screenshot, wall and processor (the helper's included); the processor
# time is held to the target of under 2 s on one core (dispute-ocr runs Tesseract on
# one thread, so that is the work; the wall time adds what a loaded machine waits).

# ocr_bench: measures; sets OCR_OK (1 when every read succeeded) and fills OCR_LINES.
ocr_bench() {
	local dir=$work/ocr id r kind file cpu
	OCR_OK=1
	OCR_LINES=()
	. "$src/tests/screens/make.sh"
	mkdir -p "$dir" || return 1
	(cd "$dir" && screen_order order.png && screen_chat chat.png &&
	    screen_licence licence.png && screen_licence_photo photo.jpg &&
	    screen_logistics tracking.png) ||
		die "cannot render the screenshots (ImageMagick and fonts-noto-cjk)"
	"$D" -q init "$dir/case" || { fail "init (ocr)"; OCR_OK=0; return; }
	for kind_file in order:order.png chat:chat.png licence:licence.png licence:photo.jpg \
	    logistics:tracking.png; do
		kind=${kind_file%%:*} file=${kind_file#*:}
		"$D" -q -C "$dir/case" add-evidence -k "$kind" "$dir/$file" >/dev/null 2>>"$errlog" ||
			{ fail "add-evidence (ocr)"; OCR_OK=0; return; }
	done
	say "read: 5 screenshots, $reps repetitions each"
	for ((r = 1; r <= reps; r++)); do
		for id in E01 E02 E03 E04 E05; do
			timeit /usr/bin/time -o "$dir/cpu" -f '%U %S' \
			    "$D" -q -C "$dir/case" read --json "$id" >"$dir/$id.json" 2>>"$errlog"
			[ $RC -eq 0 ] || { fail "read $id"; OCR_OK=0; return; }
			SAMPLES[ocr_$id]="${SAMPLES[ocr_$id]:-} $T"
			cpu=$(awk '{ printf "%d", ($1 + $2) * 1e6 }' "$dir/cpu")
			SAMPLES[ocr_cpu_$id]="${SAMPLES[ocr_cpu_$id]:-} $cpu"
		done
	done
	mapfile -t OCR_LINES < <(python3 - "$dir" "$SCREEN_ORDER_ID" "$SCREEN_AMOUNT" \
	    "$SCREEN_DATE" "$SCREEN_SHOP" "$SCREEN_CODE" "$SCREEN_COMPANY" "$SCREEN_ADDRESS" \
	    "$SCREEN_REPRESENTATIVE" "$SCREEN_REFUSAL" "$SCREEN_BUYER_PHONE" \
	    "$SCREEN_OTHER_PHONE" "$SCREEN_RECEIVED" <<'PY'
import json, sys
d, oid, amount, date, shop, code, company, address, rep, refusal, phone, other, \
    received = sys.argv[1:]
def facts(item):
    return {s["field"]: s["value"] for s in json.load(open("%s/%s.json" % (d, item)))["items"][0]
            ["suggestions"] if s["valid"]}
licence = {"merchant.company": company, "merchant.credit_code": code,
           "merchant.address": address, "merchant.representative": rep}
want = {"E01": {"order.id": oid, "order.amount": amount, "order.date": date,
                "merchant.shop": shop}, "E03": licence, "E04": licence,
        "E05": {"order.received": received}}
names = {"E01": "order page", "E02": "chat", "E03": "business licence",
         "E04": "licence photo, at an angle", "E05": "tracking page"}
chat = [("buyer", "2026-10-05 14:30", "收到的充电宝无法充电，我要退货退款"),
        ("merchant", "2026-10-05 14:30", "亲，请提供订单号和联系电话"),
        ("buyer", "2026-10-05 14:30", "电话" + phone),
        ("merchant", "2026-10-05 14:32", refusal),
        ("merchant", "2026-10-05 14:32", "售后主管电话" + other)]
for item in ["E01", "E02", "E03", "E04", "E05"]:
    if item == "E02":
        case = json.load(open("%s/case/case.json" % d))
        quotes = [(q["speaker"], q.get("time"), q["text"])
                  for q in case["evidence"][1].get("quotes", [])]
        right = sum(1 for m in chat if m in quotes)
        wrong = [m[2] for m in chat if m not in quotes]
        print("%s\t%s\t%d\t%d\t%s" % (item, names[item], right, len(chat), "; ".join(wrong)))
        continue
    got = facts(item)
    right = sum(1 for f, v in want[item].items() if got.get(f) == v)
    wrong = ["%s=%s" % (f, got.get(f)) for f, v in want[item].items() if got.get(f) != v]
    print("%s\t%s\t%d\t%d\t%s" % (item, names[item], right, len(want[item]), "; ".join(wrong)))
PY
)
}

# ocr_report: the table.
ocr_report() {
	local line id name right present wrong all_right=0 all_present=0 wall cpu worst=0 v
	echo "reading screenshots (dispute read, Tesseract chi_sim+eng on one thread; medians of $reps):"
	printf '  %-28s %-16s %9s %9s  %s\n' "screenshot (1080x2400)" "facts right" "wall s" "CPU s" \
	    "misread"
	for line in "${OCR_LINES[@]}"; do
		IFS=$'\t' read -r id name right present wrong <<<"$line"
		median ${SAMPLES[ocr_$id]}; wall=$REPLY
		median ${SAMPLES[ocr_cpu_$id]}; cpu=$REPLY
		# On one core the work is the processor time; wall time adds the waits of a
		# loaded machine.
		[ "$cpu" -gt "$worst" ] && worst=$cpu
		printf '  %-28s %-16s %9s %9s  %s\n' "$name" "$right / $present" "$(secs "$wall")" \
		    "$(secs "$cpu")" "${wrong:--}"
		all_right=$((all_right + right))
		all_present=$((all_present + present))
	done
	v=0
	le "$(secs "$worst")" 2 && v=1
	printf '  accuracy: %d of %d facts right (%s %%); slowest screenshot %s s of processor time (target < 2 s on one core: %s)\n' \
	    "$all_right" "$all_present" \
	    "$(awk -v a="$all_right" -v b="$all_present" 'BEGIN { printf "%.1f", b ? 100 * a / b : 0 }')" \
	    "$(secs "$worst")" "$(verdict $v)"
}
