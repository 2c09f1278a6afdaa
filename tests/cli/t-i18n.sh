# Translated messages: Chinese when the locale asks for it (LANG=zh_CN.UTF-8, even where
# that locale is not installed, or LANGUAGE=zh_CN), English otherwise; the exit status
# and every JSON output are the same in both languages.
. "$TEST_LIB"

# lib.sh fixes LC_ALL=C.UTF-8 for the other tests; here each run chooses its locale.
zh() {
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 "$DISPUTE" "$@"
}
en() {
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 "$DISPUTE" "$@"
}
no_locale() {
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u LANG "$DISPUTE" "$@"
}
language_zh() {
	env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE=zh_CN "$DISPUTE" "$@"
}

# The overview and one command's help.
expect 0 "help in Chinese" zh help
contains out "用法：dispute [-C DIR] [-q] COMMAND [ARGS]" "the usage line is translated"
contains out "命令：" "the commands heading is translated"
contains out "  init           创建案件文件夹" "command summaries are translated, names are not"
contains out "退出状态：0 表示成功" "the exit status is explained in Chinese"
lacks out "usage:" "no English left in the overview"
expect 0 "help add-evidence in Chinese" zh help add-evidence
contains out "用法：dispute add-evidence -k KIND" "usage lines keep the option syntax"
contains out "-k, --kind KIND" "option names stay as they are"
contains out "文件所示内容（必填；见下文）" "option help is translated"
contains out "  defect               图片和视频" "evidence kinds keep their names, types are translated"
expect 0 "help set in Chinese" zh help set
contains out "  order.amount           实付金额" "field names stay, field help is translated"
expect 0 "help in English" en help
contains out "usage: dispute [-C DIR] [-q] COMMAND [ARGS]" "LANG=C.UTF-8 gives English"
lacks out "用法" "no Chinese in the English overview"
expect 0 "help with no locale set" no_locale help
contains out "usage: dispute [-C DIR] [-q] COMMAND [ARGS]" "no locale gives English"
expect 0 "help with LANGUAGE=zh_CN" language_zh help
contains out "用法：dispute" "LANGUAGE=zh_CN with LANG=C.UTF-8 gives Chinese"
expect 0 "help with a locale we have no translation for" \
    env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=fr_FR.UTF-8 "$DISPUTE" help
contains out "usage: dispute" "an untranslated language gives English"
expect 0 "help with DISPUTE_LOCALEDIR pointing at no catalogue" \
    env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 DISPUTE_LOCALEDIR="$SCRATCH/none" \
    "$DISPUTE" help
contains out "usage: dispute" "DISPUTE_LOCALEDIR decides where the catalogue is looked for"

# Errors: translated, with the same exit status.
zh init mycase >/dev/null 2>&1
expect 2 "unknown field in Chinese exits 2" zh -C mycase set order.colour red
contains err "dispute set: 未知字段“order.colour”（\`dispute help set\` 列出了所有字段）" \
    "the unknown field is reported in Chinese"
contains err "用法：dispute set FIELD VALUE | --unset FIELD" "the usage line follows in Chinese"
expect 2 "unknown field in English exits 2" en -C mycase set order.colour red
contains err "unknown field \"order.colour\"" "the unknown field is reported in English"
expect 1 "a refused value in Chinese exits 1" zh -C mycase set order.amount 1,299
contains err "dispute: order.amount: 不允许使用千位分隔符" "the reason is translated"

expect 1 "a refused evidence type in Chinese exits 1" \
    zh -C mycase add-evidence -k defect "$EVIDENCE/chat-merchant.txt"
contains err "已拒绝：文件内容为 text/plain，而 defect 类证据必须是图片和视频" \
    "the refusal is in Chinese, the kind and MIME type are not"
expect 1 "a refused evidence type in English exits 1" \
    en -C mycase add-evidence -k defect "$EVIDENCE/chat-merchant.txt"
contains err "refused: the content is text/plain, but defect evidence must be images and videos" \
    "the refusal is in English"

expect 1 "a missing case in Chinese exits 1" zh -C nowhere status
contains err "dispute: nowhere/case.json：这里没有案件（请先运行 \`dispute init\`，或使用 -C DIR）" \
    "the missing case is reported in Chinese, with its prefix"
expect 1 "a missing case in English exits 1" en -C nowhere status
contains err "no case here (run \`dispute init\` first, or use -C DIR)" "and in English"
expect 1 "a missing case with LANGUAGE=zh_CN" language_zh -C nowhere status
contains err "这里没有案件" "LANGUAGE=zh_CN translates errors too"
expect 2 "an unknown command in Chinese exits 2" zh frobnicate
contains err "dispute: 未知命令：frobnicate（参见 \`dispute --help\`）" "unknown commands are translated"

# Human output is translated; JSON is the same byte for byte.
new_case case2
"$DISPUTE" -q -C case2 add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null
"$DISPUTE" -q -C case2 log -c merchant -o refused -d 2026-10-05 "refund refused" >/dev/null
expect 0 "status in Chinese" zh -C case2 status
contains out "维权阶梯：" "the status labels are translated"
contains out "证据：1 项" "the evidence count is translated"
contains out "E01  商品问题照片/视频" "IDs are not translated, kinds are named in Chinese"
expect 0 "verify in Chinese" zh verify case2
contains out "case2：完好" "the verdict is translated"
expect 0 "verify in English" en verify case2
contains out "case2: intact" "the verdict is English otherwise"
for command in "status --json" "show --json" "claim --json" "verify --json" \
    "draft evidence-list --json"; do
	# shellcheck disable=SC2086 # the command is split on purpose
	zh -C case2 $command >zh.json 2>zh.err
	zh_status=$?
	# shellcheck disable=SC2086
	en -C case2 $command >en.json 2>en.err
	en_status=$?
	check "$command exits the same in both languages ($zh_status, $en_status)" \
	    test "$zh_status" -eq "$en_status"
	check "$command prints JSON" test -s en.json
	same zh.json en.json "$command is byte-identical in Chinese and English"
done

finish
