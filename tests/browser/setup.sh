# The browser tests' fixture: installs Debian's chromium, poppler-utils (pdfinfo,
# pdftotext), a small CJK font so that Chinese renders, and tidy through tools/deps.sh.
# When that is impossible (not root, no package mirror) it says so and succeeds: each
# browser test then prints SKIP.
top=$(cd "$(dirname "$0")/../.." && pwd)
if command -v chromium >/dev/null && command -v pdfinfo >/dev/null &&
    command -v tidy >/dev/null && fc-list 2>/dev/null | grep -qi 'WenQuanYi\|Noto Sans CJK'; then
	echo "chromium, poppler-utils, tidy and a CJK font are installed"
	exit 0
fi
if sh "$top/tools/deps.sh" chromium poppler-utils fonts-wqy-microhei tidy; then
	echo "installed chromium, poppler-utils, fonts-wqy-microhei and tidy"
else
	echo "SKIP: chromium could not be installed (tools/deps.sh chromium poppler-utils" \
	    "fonts-wqy-microhei tidy); the browser tests will be skipped"
fi
exit 0
