# dispute render: a template against a JSON file or the case, to stdout; HTML escaping by
# the template's name or --escape; partials next to the template, then the shipped ones;
# syntax errors in templates and data located by file, line and column, with nothing on
# stdout; usage errors.
. "$TEST_LIB"

TEMPLATES=$TEST_DATA_DIR/../../templates

cat >data.json <<'EOF'
{
	"x": "<b>Tom & \"Jerry\"</b>",
	"name": "张三",
	"order": { "id": "A-1", "amount": "129.00" },
	"items": [ { "n": "一" }, { "n": "二" } ],
	"none": []
}
EOF
ESCAPED='&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;'
RAW='<b>Tom & "Jerry"</b>'

# Escaping follows the template's name: *.html.mustache escapes, letters do not.
printf '%s\n' 'x={{x}}' 'triple={{{x}}}' 'amp={{&x}}' >page.html.mustache
printf '%s\n' 'x={{x}}' >letter.txt.mustache
printf '%s\n' 'x={{x}}' >plain.mustache
expect 0 "render an .html.mustache template" "$DISPUTE" render page.html.mustache data.json
printf '%s\n' "x=$ESCAPED" "triple=$RAW" "amp=$RAW" >want
same want out "{{x}} is HTML-escaped in *.html.mustache, {{{x}}} and {{&x}} are not"
check "render prints nothing on stderr" test ! -s err
expect 0 "render a .txt.mustache template" "$DISPUTE" render letter.txt.mustache data.json
printf '%s\n' "x=$RAW" >want
same want out "{{x}} is not escaped in *.txt.mustache"
expect 0 "render a plain .mustache template" "$DISPUTE" render plain.mustache data.json
same want out "{{x}} is not escaped in a template not named *.html.mustache"
expect 0 "--escape none on an HTML template" "$DISPUTE" render --escape none page.html.mustache data.json
printf '%s\n' "x=$RAW" "triple=$RAW" "amp=$RAW" >want
same want out "--escape none turns escaping off for *.html.mustache"
expect 0 "--escape html on a letter" "$DISPUTE" render --escape html letter.txt.mustache data.json
printf '%s\n' "x=$ESCAPED" >want
same want out "--escape html turns escaping on for *.txt.mustache"
expect 0 "--escape html after the arguments" "$DISPUTE" render letter.txt.mustache data.json --escape html
same want out "--escape works after the arguments too"

# Sections, inverted sections, dotted names.
printf '%s\n' '{{name}} {{order.id}} {{order.amount}}' '{{#items}}[{{n}}]{{/items}}' \
    '{{^none}}empty{{/none}}{{#none}}never{{/none}}' '{{#order}}{{id}}{{/order}}' \
    '[{{missing}}]' >sections.txt.mustache
expect 0 "render sections" "$DISPUTE" render sections.txt.mustache data.json
printf '%s\n' '张三 A-1 129.00' '[一][二]' 'empty' 'A-1' '[]' >want
same want out "sections, inverted sections, dotted names and absent names render per the spec"

# Partials come from next to the template, not from the current folder.
mkdir tpl other || exit 1
printf '%s\n' 'head' '{{> part}}' 'tail' >tpl/main.txt.mustache
printf '%s\n' '{{#items}}<{{n}}>{{/items}} {{x}}' >tpl/part.mustache
printf '%s\n' 'WRONG PARTIAL' >part.mustache
printf '%s\n' 'WRONG PARTIAL' >other/part.mustache
expect 0 "render a template with a partial" "$DISPUTE" render tpl/main.txt.mustache data.json
printf '%s\n' 'head' "<一><二> $RAW" 'tail' >want
same want out "the partial next to the template is used"
(cd other && "$DISPUTE" render ../tpl/main.txt.mustache ../data.json) >out 2>err
same want out "the partial next to the template is used whatever the current folder"
cp tpl/main.txt.mustache tpl/main.html.mustache
expect 0 "render an HTML template with a partial" "$DISPUTE" render tpl/main.html.mustache data.json
printf '%s\n' 'head' "<一><二> $ESCAPED" 'tail' >want
same want out "a partial of an *.html.mustache template is escaped too"
printf '%s\n' 'A{{> nothere}}B' >nopartial.txt.mustache
expect 0 "a missing partial renders as nothing" "$DISPUTE" render nopartial.txt.mustache data.json
printf '%s\n' 'AB' >want
same want out "a missing partial is empty"
printf '%s\n' 'A{{> ../tpl/part}}B' >escape.txt.mustache
expect 0 "a partial name with a path is ignored" "$DISPUTE" render escape.txt.mustache data.json
same want out "a partial outside the template folders is not read"
contains err "../tpl/part" "the ignored partial is warned about"

# Syntax errors in templates and data: FILE:LINE:COLUMN (columns count characters, not
# bytes), exit 1 and nothing on stdout, even when text before the error would render.
# One row per file: its name, its content (printf %b), where and what is reported, and
# why. A .json file is rendered as the data of letter.txt.mustache, any other as the
# template over data.json.
while IFS='|' read -r file content want why <&3; do
	printf '%b' "$content" >"$file"
	case $file in
	*.json) expect 1 "$why: fails" "$DISPUTE" render letter.txt.mustache "$file" ;;
	*) expect 1 "$why: fails" "$DISPUTE" render "$file" data.json ;;
	esac
	contains err "$file:$want" "$why: reported as $file:$want"
	check "$why: nothing on stdout" test ! -s out
done 3<<'TABLE'
unclosed.txt.mustache|line one\n  第二行 {{#items}}\nx\n|2:7: unclosed section "items"|an unclosed section, at its opening tag
stray.txt.mustache|ok\n{{/items}}\n|2:1: closing tag "items" without an open section|a stray closing tag
mismatch.txt.mustache|{{#items}}\n  {{/order}}\n|2:3: closing tag "order" does not match open section "items"|a mismatched closing tag
opentag.txt.mustache|a\nbc {{x\n|2:4: unclosed tag|an unclosed tag
bad.json|{\n  "a": 1,\n  "b": ,\n}\n|3:8:|invalid JSON, at the comma
wide.json|{"名字": x}\n|1:8:|invalid JSON after Chinese text, in characters
trailing.json|{"x": "a"} trailing|1:12:|JSON with text after the value
two.json|{"x": "a"}\n{"x": "b"}\n|2:1:|two JSON values, at the second
TABLE
expect 1 "a template path in a folder is named as given" "$DISPUTE" render tpl/../unclosed.txt.mustache \
    data.json
contains err 'tpl/../unclosed.txt.mustache:2:7:' "the error names the template as given"
# An error inside a partial names the partial's file.
printf '%s\n' 'A' '{{> broken}}' >usesbroken.txt.mustache
printf '%s\n' 'x' ' {{#s}}' >broken.mustache
expect 1 "a partial with an unclosed section fails" "$DISPUTE" render usesbroken.txt.mustache data.json
check "nothing is printed when a partial does not parse" test ! -s out
contains err ':2:2: unclosed section "s"' "the partial's error is at 2:2"
contains err 'broken.mustache:2:2:' "the partial's error names its file, broken.mustache"
printf '%s\n' '{{> self.txt}}' >self.txt.mustache
expect 1 "a partial that includes itself fails" "$DISPUTE" render self.txt.mustache data.json
contains err "too deep" "the self-inclusion is reported"
check "self-inclusion prints nothing on stdout" test ! -s out

printf '[1, 2]\n' >array.json
expect 0 "a JSON array is data too" "$DISPUTE" render letter.txt.mustache array.json
printf 'x=\n' >want
same want out "names not in an array render empty"
expect 1 "a missing data file fails" "$DISPUTE" render letter.txt.mustache missing.json
contains err "missing.json" "the error names the data file"
expect 1 "a missing template fails" "$DISPUTE" render missing.mustache data.json
contains err "missing.mustache" "the error names the template"
check "a missing template prints nothing on stdout" test ! -s out

# Without DATA, inside a case: the case's view.
new_case c || exit 1
"$DISPUTE" -q -C c set case.platform douyin || exit 1
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-05 "商家拒绝退款" || exit 1
printf '%s\n' '{{order.id}} {{order.amount}} {{order.date_zh}} {{platform.name_zh}} {{claimant.name}}' \
    '{{today}} {{today_zh}} {{#claim}}{{total}}{{/claim}}' >view.txt.mustache
cp c/case.json before.json
expect 0 "render against the case" "$DISPUTE" -C c render view.txt.mustache
printf '%s\n' '6912345678901234 199.90 2026年10月1日 抖音 张三' '2026-11-18 2026年11月18日 199.90' >want
same want out "without DATA the case's view is rendered"
same before.json c/case.json "render leaves case.json byte-identical"
(cd c && "$DISPUTE" render ../view.txt.mustache) >out 2>err
same want out "the case in the current folder is found without -C"
# Partials: next to the template first, then the shipped ones of the case's language.
printf '%s\n' '{{> timeline-items}}' >tpl/timeline.txt.mustache
expect 0 "render a shipped partial against the case" "$DISPUTE" -C c render tpl/timeline.txt.mustache
contains out "2026年10月5日" "the shipped timeline partial renders the contact's date"
contains out "沟通对象：商家" "the shipped zh-CN timeline partial is used"
printf '%s\n' 'OWN {{#timeline}}{{date}}{{/timeline}}' >tpl/timeline-items.mustache
expect 0 "render with an own partial of a shipped name" "$DISPUTE" -C c render tpl/timeline.txt.mustache
printf '%s\n' 'OWN 2026-10-05' >want
same want out "a partial next to the template wins over the shipped one"
rm tpl/timeline-items.mustache
if [ -f "$TEMPLATES/en/timeline-items.mustache" ]; then
	"$DISPUTE" -q -C c set case.language en || exit 1
	expect 0 "render a shipped partial in an English case" "$DISPUTE" -C c render tpl/timeline.txt.mustache
	lacks out "沟通对象" "an English case falls back to the English partials"
	"$DISPUTE" -q -C c set --unset case.language || exit 1
else
	echo "SKIP - templates/en/timeline-items.mustache not present"
fi
# A shipped letter rendered against the case is the draft.
expect 0 "the shipped 12315 template against a case without all facts" \
    "$DISPUTE" -C c render "$TEMPLATES/zh-CN/complaint-12315.txt.mustache"
contains out "订单号：6912345678901234" "render does not require the draft's facts"
"$DISPUTE" -q -C c set order.product 充电宝 || exit 1
"$DISPUTE" -q -C c set merchant.shop 好物旗舰店 || exit 1
"$DISPUTE" -q -C c set problem.category quality || exit 1
"$DISPUTE" -q -C c set problem.description 无法充电 || exit 1
"$DISPUTE" -q -C c set demand.text 退货退款 || exit 1
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
"$DISPUTE" -C c draft complaint --to platform >draft.txt 2>/dev/null
expect 0 "render the shipped platform template" "$DISPUTE" -C c render \
    "$TEMPLATES/zh-CN/complaint-platform.txt.mustache"
same draft.txt out "render of the shipped template equals draft complaint --to platform"
expect 1 "render without DATA outside a case fails" "$DISPUTE" -C nowhere render view.txt.mustache
contains err "dispute init" "the message points to dispute init"
check "outside a case nothing is printed" test ! -s out
expect 0 "DATA wins over the case" "$DISPUTE" -C c render sections.txt.mustache data.json
contains out "张三 A-1 129.00" "with DATA the case is not used"

# Usage errors.
expect 2 "--escape bogus is a usage error" "$DISPUTE" render --escape bogus letter.txt.mustache data.json
contains err "html or none" "the usage error lists html and none"
check "a usage error prints nothing on stdout" test ! -s out
expect 2 "--escape without a value is a usage error" "$DISPUTE" render letter.txt.mustache --escape
expect 2 "render without a template is a usage error" "$DISPUTE" render
expect 2 "render with three arguments is a usage error" "$DISPUTE" render letter.txt.mustache \
    data.json data.json
expect 2 "render with an unknown option is a usage error" "$DISPUTE" render --json letter.txt.mustache

finish
