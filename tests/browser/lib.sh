# Shared by the browser tests, after tests/cli/lib.sh: skips when Debian's chromium is
# missing, runs it headless and offline in a fresh profile, and packs the test case
# whose page the tests open.

# chromium_or_skip: exits 0 with a SKIP line when chromium or poppler-utils is missing.
chromium_or_skip() {
	for tool in chromium pdfinfo pdftotext; do
		if ! command -v "$tool" >/dev/null; then
			echo "SKIP: $tool is not installed and tests/browser/setup.sh could not install it"
			exit 0
		fi
	done
}

# browser ARGS... URL: headless Chromium with no sandbox (root in CI), no GPU, a fresh
# profile, and nothing that reaches for the network (the machine has none).
browser() {
	profile=$(mktemp -d "$SCRATCH/profile.XXXXXX")
	timeout 180 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --disable-extensions \
	    --disable-default-apps --hide-scrollbars "$@" 2>>"$SCRATCH/chromium.log"
	status=$?
	rm -rf "$profile"
	return $status
}

# pack_test_case: a case with every kind of evidence (photos, a video, audio, a PDF, chat
# logs, one of them long enough for several printed pages) packed and unzipped; sets
# BAG (the bag folder) and PAGE (its data/index.html).
pack_test_case() {
	new_case c || exit 1
	i=1
	while [ "$i" -le 120 ]; do
		printf '2026-10-03 10:%02d 商家客服：第%d条回复，请耐心等待处理结果。\n' $((i % 60)) "$i"
		i=$((i + 1))
	done >long-chat.txt
	"$DISPUTE" -q -C c set order.product "20000mAh 快充移动电源" &&
	"$DISPUTE" -q -C c set merchant.shop "闪充数码旗舰店" &&
	"$DISPUTE" -q -C c set case.platform douyin &&
	"$DISPUTE" -q -C c set problem.category quality &&
	"$DISPUTE" -q -C c set problem.description "收货当天充电两小时后按电源键无任何反应。" &&
	"$DISPUTE" -q -C c set demand.text "退货退款 199.90 元。" &&
	"$DISPUTE" -q -C c set order.received 2026-10-03 &&
	"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" \
	    "$EVIDENCE/no-power.mp4" "$EVIDENCE/camera-photo.jpg" >/dev/null &&
	"$DISPUTE" -q -C c add-evidence -k order "$EVIDENCE/order-screenshot.png" >/dev/null &&
	"$DISPUTE" -q -C c add-evidence -k chat "$EVIDENCE/chat-merchant.txt" long-chat.txt \
	    "$EVIDENCE/chat-platform.csv" >/dev/null &&
	"$DISPUTE" -q -C c add-evidence -k receipt "$EVIDENCE/invoice.pdf" >/dev/null &&
	"$DISPUTE" -q -C c add-evidence -k communication-audio "$EVIDENCE/call.mp3" >/dev/null &&
	"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-05 "商家称人为损坏，拒绝退款" &&
	"$DISPUTE" -q -C c log -c platform -o refused -d 2026-10-09 -r SH-0088 "平台关闭售后申请" &&
	"$DISPUTE" -q -C c log -c 12315 -o pending -d 2026-11-02 "已向12315提交投诉" &&
	"$DISPUTE" -q -C c pack -o dossier.zip >/dev/null || exit 1
	mkdir bag && (cd bag && unzip -q ../dossier.zip) || exit 1
	BAG=$(ls -d "$SCRATCH"/bag/dispute-*)
	PAGE=$BAG/data/index.html
}
