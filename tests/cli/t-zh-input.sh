# The Chinese a buyer types for choice values and dates: platforms, problem categories,
# yes/no, the log's channels and outcomes, and dates written 2026/10/11, 2026.10.11 or
# 2026年10月11日 are accepted and stored in their canonical form; what is neither a value
# nor an alias is still refused, naming the values, and case.json is left unchanged.
. "$TEST_LIB"

"$DISPUTE" -q init c || exit 1

# stored FIELD TYPED CANONICAL: `set FIELD TYPED` stores CANONICAL.
stored() {
	expect 0 "set $1 $2" "$DISPUTE" -C c set "$1" "$2"
	check "$1 $2 is stored as $3" test "$("$DISPUTE" -C c show "$1")" = "$3"
}

stored case.platform 抖音 douyin
stored case.platform 淘宝 taobao
stored case.platform 拼多多 pinduoduo
stored case.platform 快手 kuaishou
stored case.platform 京东 jd
stored problem.category 质量问题 quality
stored problem.category 货不对板 not-as-described
stored problem.category 过期 expired
stored problem.category 假货 counterfeit
stored problem.food 否 no
stored demand.compensation 退一赔三 fraud
stored claimant.gender 女 female
stored case.language 中文 zh-CN
# The canonical words still work.
stored problem.category quality quality
stored order.date 2026-10-09 2026-10-09
stored order.date 2026/10/09 2026-10-09
stored order.date 2026.10.9 2026-10-09
stored order.received 2026年10月11日 2026-10-11
stored problem.found "2026 年 10 月 12 日" 2026-10-12
stored order.returned ２０２６年１０月１３日 2026-10-13

set_refused '"天猫" is not one of: douyin, taobao, jd, pinduoduo, kuaishou, other' \
	case.platform 天猫
set_refused "\"2026年10月11\" is not a date in the form YYYY-MM-DD, 2026/10/11, 2026.10.11 or 2026年10月11日" order.date 2026年10月11
set_refused "day 30 does not exist in 2026-02" order.date 2026/2/30
set_refused "in the future" order.date 2099年1月1日
# An alias belongs to its own field: a channel is not a platform.
set_refused '"消协" is not one of' case.platform 消协

# The log's channels, outcomes and dates.
expect 0 "log -c 商家 -o 拒绝 -d 2026/10/12" "$DISPUTE" -C c log -c 商家 -o 拒绝 -d 2026/10/12 \
	--demand "要求退款被拒"
contains err "logged 2026-10-12 merchant (refused)" "the log confirms the canonical words"
expect 0 "log -c 平台 -o 处理中" "$DISPUTE" -C c log -c 平台 -o 处理中 -d 2026.10.13 "平台介入"
expect 0 "log -c 消协" "$DISPUTE" -C c log -c 消协 -o 已受理 -d "2026年10月14日" "向消协投诉"
expect 0 "log -c 消费者协会 -o 已解决" "$DISPUTE" -C c log -c 消费者协会 -o 已解决 \
	-d 2026年10月15日 "调解成功"
expect 0 "log -c 12315 -o 未答复" "$DISPUTE" -C c log -c 12315 -o 未答复 -d 2026-10-15 "x"
expect 0 "log -c 法院 -o 部分解决" "$DISPUTE" -C c log -c 法院 -o 部分解决 -d 2026-10-16 "y"
expect 0 "status --json" "$DISPUTE" -C c status --json
for word in '"channel":	"merchant"' '"outcome":	"refused"' '"channel":	"platform"' \
	'"outcome":	"pending"' '"channel":	"consumer-association"' '"outcome":	"accepted"' \
	'"outcome":	"resolved"' '"outcome":	"no-response"' '"channel":	"court"' \
	'"outcome":	"partial"' '"date":	"2026-10-13"' '"date":	"2026-10-14"'; do
	contains c/case.json "$word" "case.json stores $word"
done
lacks c/case.json "商家\"" "no Chinese channel word is stored"
lacks c/case.json "2026年" "no Chinese date is stored"

cp c/case.json before.json
expect 1 "log -c 天猫 is refused" "$DISPUTE" -C c log -c 天猫 "x"
contains err 'channel "天猫" is not one of' "the refusal names the channels"
expect 1 "log -d 2026年13月1日 is refused" "$DISPUTE" -C c log -c 商家 -d 2026年13月1日 "x"
contains err "month 13" "the refusal says which part of the date is wrong"
same before.json c/case.json "refused logs leave case.json byte-identical"

# Under zh_CN the confirmations name the values in Chinese, beside the stored word.
zhc() {
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 "$DISPUTE" "$@"
}
expect 0 "set in Chinese under zh_CN" zhc -C c set case.platform 拼多多
contains err "case.platform = pinduoduo（拼多多）" "set confirms the word and its Chinese name"
expect 0 "log in Chinese under zh_CN" zhc -C c log -c 平台 -o 未答复 -d 2026年10月16日 "平台未答复"
contains err "已记录 2026-10-16 平台（未答复）" "log confirms in Chinese"
expect 0 "set in English" "$DISPUTE" -C c set case.platform 京东
contains err "case.platform = jd" "the English confirmation gives the word"
lacks err "（京东）" "and not the Chinese name"

# The Chinese names are shown where the values are listed.
expect 0 "help set in Chinese" env -u LC_ALL LANG=zh_CN.UTF-8 "$DISPUTE" help set
contains out "(douyin 抖音, taobao 淘宝, jd 京东, pinduoduo 拼多多, kuaishou 快手, other 其他)" \
    "help set names each platform in Chinese beside its word"
contains out "(yes 是, no 否)" "and yes and no"
expect 0 "help set in English" "$DISPUTE" help set
contains out "(douyin, taobao, jd, pinduoduo, kuaishou, other)" "the English help lists the words alone"
expect 0 "show in Chinese" env -u LC_ALL LANG=zh_CN.UTF-8 "$DISPUTE" -C c show
line out "case.platform +京东" "show names a choice by its Chinese name under zh_CN"
expect 0 "show FIELD" env -u LC_ALL LANG=zh_CN.UTF-8 "$DISPUTE" -C c show case.platform
check "show FIELD prints the stored word, for scripts" test "$(cat out)" = jd

finish
