# Under zh_CN no English reaches what the buyer reads: every read-only command is run on
# full cases (the five stories of examples/, each with
# its dossier) and on a tampered copy, and any run of Latin words fails the test unless
# it is one of the whitelisted things below. Under English, claim, status and the court
# table's note are English.
# `help` is left out: it teaches the option syntax and the values to type, all Latin by
# design (cli/t-i18n checks its translation).
. "$TEST_LIB"

zh() {
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 "$DISPUTE" "$@"
}

# latin FILE: each run of Latin words in FILE that is not whitelisted, one per line.
# Whitelisted: URLs and domain names; commands (`...` and "dispute ..."); file names and
# paths; field names (case.court); MIME types (image/png); anything holding a digit
# (order numbers, E01, SHA-256 values, RFC 3161); options (--force); the checkbox [x];
# a lone capital letter, as the buyer's own text has them (a size M, a block B 栋); and
# these names of standards, formats and their parts (PNG tIME) and of the programs that
# check a SHA-256 (sha256sum, Windows certutil), which Chinese text writes
# in Latin letters.
latin() {
	sed -E \
	    -e 's#https?://[^ ，。；）)」”]*##g' \
	    -e 's#`[^`]*`##g' \
	    -e 's#dispute( +[!-~]+)*##g' \
	    -e 's#\b(image|video|audio|text|application)/[a-z0-9.+-]+##g' \
	    -e 's#[A-Za-z0-9_./-]*\.(json|txt|csv|zip|tsq|tsr|html|pdf|jpg|jpeg|png|mp4|mp3|m4a|amr|heic|webp|mov|ics|mustache)([^A-Za-z]|$)#\2#g' \
	    -e 's#[A-Za-z0-9._-]*(/[A-Za-z0-9._-]*)+##g' \
	    -e 's#\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(cn|com|org|net)\b##g' \
	    -e 's#\b[a-z_]+\.[a-z_]+\b##g' \
	    -e 's#[A-Za-z0-9-]*[0-9][A-Za-z0-9-]*##g' \
	    -e 's#(^|[^A-Za-z])--?[a-z][a-z-]*#\1#g' \
	    -e 's#\[x\]##g' \
	    -e 's#(^|[^A-Za-z])[A-Z]([^A-Za-z]|$)#\1\2#g' \
	    -e ':names' -e 's#(^|[^A-Za-z])(BagIt|sha256|sha256sum|certutil|Windows|RFC|TSA|UTC|CSV|PDF|PNG|tIME|JPEG|HEIC|JSON|HTML|EXIF|GPS|UTF)([^A-Za-z]|$)#\1\3#g' -e 't names' \
	    "$1" | grep -oE "[A-Za-z][A-Za-z']*( +[A-Za-z][A-Za-z']*)*"
}

# no_english TITLE ARGS...: `dispute ARGS` under zh_CN prints (on stdout and stderr) no
# Latin words but the whitelisted ones.
no_english() {
	title=$1
	shift
	zh "$@" >out 2>err
	cat out err >both
	latin both >leaks
	if [ -s leaks ]; then
		fail "$title: no English ($(sort -u leaks | head -8 | tr '\n' '|'))"
	else
		pass "$title: no English"
	fi
}

# The checker itself: it catches English and passes the whitelisted words.
printf '下一步：ask the merchant\n状态：jd\n注：a\n' >sample
latin sample >leaks
check "the checker finds a run of English words" grep -qx "ask the merchant" leaks
check "the checker finds a single English word" grep -qx "jd" leaks
check "even a lone small letter" grep -qx "a" leaks
printf '见 https://a.example/x?y=1 与 gsxt.gov.cn；运行 `dispute pack` 或 dispute add-evidence -k order FILE；\n文件 evidence/E01-order.png（image/png，BagIt 1.0，sha256）；填写 claimant.address，[x]\n规格 M 码，B 栋，PNG tIME 记录\n' >sample
check "the checker passes the whitelisted words" test -z "$(latin sample)"

for example in furniture-lawsuit expired-food power-bank clothing-colour skin-care-allergy; do
	# The stories are dated by their own clock, not the suite's fixed day.
	env -u SOURCE_DATE_EPOCH sh "$TEST_DATA_DIR/../../examples/$example.sh" \
	    "$SCRATCH/$example" >/dev/null 2>"$example.log" ||
		{ fail "example $example runs"; cat "$example.log"; continue; }
	dir=$SCRATCH/$example/case
	for command in "status" "status --checklist" "show" "claim" "court" "verify" \
		"draft evidence-list" "draft identity-request"; do
		# shellcheck disable=SC2086 # the command's words are meant to split
		no_english "$example: $command" -C "$dir" $command
	done
	for to in platform 12315 consumer-association court social; do
		no_english "$example: draft complaint --to $to" -C "$dir" draft complaint --to "$to"
	done
	no_english "$example: verify the dossier" verify "$SCRATCH/$example"/dispute-*.zip
done

# A tampered copy and a tampered dossier: verify names each problem, and says what is
# wrong, in Chinese; --json keeps the English kinds and details.
cp -R "$SCRATCH/furniture-lawsuit/case" tampered
chmod -R u+w tampered
printf 'x' >>tampered/evidence/E05-defect.jpg
rm tampered/evidence/E04-chat.txt
printf 'x' >tampered/evidence/extra.txt
no_english "verify the tampered case" -C "$SCRATCH/tampered" verify
line out "已改动：evidence/E05-defect\.jpg：sha256 为 [0-9a-f]{64}，登记时为 [0-9a-f]{64}" \
    "an altered file is said to be altered, in Chinese"
line out "缺失：evidence/E04-chat\.txt：已登记为 E04，但磁盘上没有该文件" \
    "a missing file is said to be missing, in Chinese"
line out "多出：evidence/extra\.txt：未在 case\.json 中登记" "an extra file is named, in Chinese"
zh -C tampered verify --json >out 2>err
contains out '"kind":	"altered"' "verify --json keeps the English kind"
contains out '"detail":	"recorded as E04 but not on disk"' "and the English detail"
mkdir bag && (cd bag && unzip -q "$SCRATCH"/furniture-lawsuit/dispute-*.zip) || exit 1
bag=$(ls bag)
chmod -R u+w bag
printf 'x' >>"bag/$bag/data/timeline.txt"
rm "bag/$bag/bagit.txt"
no_english "verify a tampered dossier" verify "$SCRATCH/bag/$bag"
line out "已改动：data/timeline\.txt：sha256 校验值不符（manifest-sha256\.txt）" \
    "an altered file of the dossier is named, in Chinese"

# The columns of status line up in Chinese as in English: a Chinese character takes two
# terminal columns, so the evidence's file names and the timeline's texts start in one
# column on every line.
zh -C "$SCRATCH/furniture-lawsuit/case" status >out 2>err
# start_columns PATTERN FIELD: the terminal column where field FIELD (2-spaces apart)
# starts, on each line matching PATTERN, one a line.
start_columns() {
	python3 -c '
import re, sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in open("out", encoding="utf-8"):
    if re.match(sys.argv[1], line):
        m = re.match(sys.argv[2], line)
        print(width(line[:m.end()]))
' "$1" "$2" | sort -u
}
check "the evidence's file names start in one column" \
    test "$(start_columns '  E0[0-9] ' '  E0[0-9]  \S+ +' | wc -l)" -eq 1
check "the timeline's texts start in one column" \
    test "$(start_columns '  2026-' '  2026-\S+  \S+ +\S+ +' | wc -l)" -eq 1

# Under English, claim and status are English.
dir=$SCRATCH/furniture-lawsuit/case
expect 0 "claim in English" "$DISPUTE" -C "$dir" claim
contains out "total demanded: 19520.00 yuan" "the English claim gives its total in English"
contains out "punitive damages for fraud 14040.00 yuan" "its lines are English"
for zh_word in 主张合计 计算： 依据： 退还货款 欺诈惩罚性赔偿 案件受理费; do
	lacks out "$zh_word" "the English claim has no $zh_word"
done
expect 0 "status in English" "$DISPUTE" -C "$dir" status
contains out "next step: resolved: keep the dossier" "the English status is English"
lacks out "已解决" "the English status has no Chinese outcome"
lacks out "维权阶梯" "nor Chinese labels"
expect 0 "court in English" "$DISPUTE" -C "$dir" court
contains out "Court names: the list of districts: the current administrative divisions" \
    "the court table's note is given in English"
lacks out "区县名单" "not in Chinese"

finish
