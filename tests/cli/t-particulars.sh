# The plaintiff's particulars (民事诉讼法 第一百二十四条): each new field stored or refused
# with case.json untouched; gender and birth date shown from the ID number; a recorded
# value that contradicts the number refused with both values named, in either order;
# the court draft's one-paragraph plaintiff line.
. "$TEST_LIB"

MALE_ID=110105199003071239     # 17th digit 3: male, born 1990-03-07
FEMALE_ID=11010519491231002X   # 17th digit 2: female, born 1949-12-31, X check digit
COURT_TEMPLATE=$TEST_DATA_DIR/../../templates/zh-CN/complaint-court.txt.mustache

"$DISPUTE" -q init c || exit 1

# stored FIELD VALUE: `set` succeeds and `show` prints VALUE back.
stored() {
	expect 0 "set $1 '$2'" "$DISPUTE" -C c set "$1" "$2"
	expect 0 "show $1" "$DISPUTE" -C c show "$1"
	printf '%s\n' "$2" >want
	same want out "$1 '$2' is stored as it was typed"
}

# Each field's own validation.
set_refused 'claimant.gender: "man" is not one of: male, female' claimant.gender man
set_refused 'claimant.gender: "女士" is not one of: male, female' claimant.gender 女士
set_refused 'claimant.birth_date: ' claimant.birth_date 1990-02-30
set_refused 'claimant.birth_date: ' claimant.birth_date 2030-01-01
set_refused 'claimant.birth_date: ' claimant.birth_date 07/03/1990
set_refused 'claimant.ethnicity: "汉" is not an ethnic group as the identity card writes it' \
    claimant.ethnicity 汉
set_refused 'claimant.ethnicity: "Han" is not an ethnic group' claimant.ethnicity Han
set_refused 'claimant.occupation: empty value' claimant.occupation ""
set_refused 'claimant.employer: empty value' claimant.employer ""
stored claimant.ethnicity 汉族
stored claimant.ethnicity 维吾尔族
stored claimant.occupation 教师
stored claimant.employer 杭州市西湖区某小学

# The ID number's particulars are shown for the buyer to check.
expect 0 "set a male ID number" "$DISPUTE" -C c set claimant.id_number "$MALE_ID"
contains err "the ID number gives male, born 1990-03-07: check them" \
    "setting the ID number shows the gender and birth date it carries"
expect 0 "set a female ID number" "$DISPUTE" -C c set claimant.id_number "$FEMALE_ID"
contains err "the ID number gives female, born 1949-12-31" \
    "a female number with an X check digit is read as female, born 1949-12-31"

# Recorded values that agree are kept; ones that contradict are refused with both values.
stored claimant.gender female
stored claimant.birth_date 1949-12-31
set_refused "claimant.gender male contradicts claimant.id_number $FEMALE_ID, which gives female" \
    claimant.gender male
set_refused "claimant.birth_date 1949-12-30 contradicts claimant.id_number $FEMALE_ID, which gives 1949-12-31" \
    claimant.birth_date 1949-12-30
# The other way round: a new ID number that contradicts the recorded gender.
set_refused "claimant.gender female contradicts claimant.id_number $MALE_ID, which gives male" \
    claimant.id_number "$MALE_ID"
expect 0 "nothing is shown to check once both are recorded" \
    "$DISPUTE" -C c set claimant.id_number "$FEMALE_ID"
lacks err "check them" "no derived particulars are shown when both are recorded"

# The court draft's plaintiff paragraph: recorded particulars, work as one clause.
for kv in "claimant.name 李红" "claimant.address 浙江省杭州市西湖区文三路1号" \
    "claimant.phone 13812345678" "claimant.ethnicity 汉族"; do
	# shellcheck disable=SC2086
	"$DISPUTE" -q -C c set $kv || exit 1
done
"$DISPUTE" -q init d || exit 1
"$DISPUTE" -q -C d set claimant.id_number "$MALE_ID" || exit 1
expect 0 "render the court template" "$DISPUTE" -C c render "$COURT_TEMPLATE"
cp out court.txt
line court.txt "原告：李红，女，1949年12月31日出生，汉族，教师，杭州市西湖区某小学，住浙江省杭州市西湖区文三路1号，公民身份号码$FEMALE_ID，联系电话13812345678。" \
    "the plaintiff paragraph carries every particular in the customary order"
expect 0 "render the court template for a case with only the ID number" \
    "$DISPUTE" -C d render "$COURT_TEMPLATE"
line out "原告：，男，1990年3月7日出生，民族（待填），职业或工作单位（待填），住，公民身份号码$MALE_ID，联系电话。" \
    "an unrecorded ethnic group and occupation are left for the buyer; gender and birth date come from the number"

finish
