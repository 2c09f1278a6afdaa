#!/bin/bash
# A damaged case.json: truncated, not JSON, a syntax error at a known place, trailing
# bytes, a NUL byte, empty, wrong types (including an evidence file name that leaves
# evidence/), an unknown schema version, and a 70 MB file. Every command refuses (exit
# 1), says file:line:column where the damage is a JSON syntax error, names case.json
# otherwise, and leaves case.json byte-identical, with no temporary file and no dossier.
. "$(dirname "$0")/lib.sh"

started=$(date +%s.%N)
new_case good || exit 1
"$DISPUTE" -q -C good add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null || exit 1
"$DISPUTE" -q -C good log -c merchant -d 2026-10-05 "asked for a refund" || exit 1
media jpg new.jpg "new evidence"

# The commands run against each damaged case (one per line, after `dispute -C DIR`).
commands() {
	cat <<-'EOF'
	show
	show --json
	status
	claim
	draft evidence-list
	set merchant.shop 小米旗舰店
	log -c platform -d 2026-10-09 contacted
	add-evidence -k defect new.jpg
	rm-evidence E01
	pack -o damaged.zip
	verify
	EOF
}

# damaged TITLE WORDS: every command refuses the case in ./bad, with WORDS (a fixed
# string) in its error, and leaves it as it was.
damaged() {
	local title=$1 words=$2 cmd
	cp bad/case.json bad.json
	(cd bad && find . | sort) >bad.list
	while read -r cmd; do
		# shellcheck disable=SC2086 # the command line is split on purpose
		expect 1 "$title: $cmd refuses" "$DISPUTE" -C bad $cmd
		contains err "$words" "$title: $cmd says $words"
	done < <(commands)
	same bad/case.json bad.json "$title: case.json is byte-identical"
	(cd bad && find . | sort) >after.list
	same after.list bad.list "$title: no file was added to the case folder"
	check "$title: no dossier was written" [ ! -e damaged.zip ]
	rm -rf bad
}

# from_good: ./bad is a copy of the good case, for its case.json to be damaged.
from_good() {
	rm -rf bad
	cp -a good bad
}

# with_json TEXT: ./bad is the good case with case.json replaced by TEXT.
with_json() {
	from_good
	printf '%s\n' "$1" >bad/case.json
}

# Syntax errors, located by line and column.
from_good
head -n 20 good/case.json >bad/case.json
damaged "truncated after line 20" "bad/case.json:21:1: not valid JSON"
from_good
head -c 333 good/case.json >bad/case.json
damaged "truncated in the middle of a line" "bad/case.json:"
contains err "not valid JSON" "truncated in the middle of a line: the error says why"
with_json "this is not JSON"
damaged "not JSON" "bad/case.json:1:1: not valid JSON"
from_good
sed '3s/,$//' good/case.json >bad/case.json # the comma after "created"
damaged "a comma missing at the end of line 3" "bad/case.json:4:2: not valid JSON"
from_good
lines=$(wc -l <good/case.json)
printf '}\n' >>bad/case.json
damaged "a '}' after the record" "bad/case.json:$((lines + 1)):1: not valid JSON"
from_good
: >bad/case.json
damaged "an empty file" "bad/case.json:1:1: not valid JSON"
from_good
printf '{"schema": "dispute-case/1"\0}\n' >bad/case.json
damaged "a NUL byte" "bad/case.json: contains a NUL byte"

# Valid JSON of the wrong shape: named, since there is no syntax error to locate.
facts='"case": {}, "claimant": {}, "merchant": {}, "order": {"id": "6912345678901234"}, "problem": {}, "demand": {}'
item='"id": "E01", "kind": "defect", "file": "E01-defect.jpg", "sha256": "'$(sha256sum "$EVIDENCE/defect-photo.jpg" | cut -d' ' -f1)'", "mime": "image/jpeg", "original_name": "defect-photo.jpg", "added": "2026-11-18T00:00:00+00:00"'
head='"schema": "dispute-case/1", "created": "2026-11-18T00:00:00+00:00"'
# The hand-written record itself is fine: each damage below is the only one.
with_json "{ $head, $facts, \"evidence\": [{ $item, \"size\": 432 }], \"timeline\": [{ \"date\": \"2026-10-05\", \"channel\": \"merchant\", \"outcome\": \"pending\", \"text\": \"asked\" }] }"
expect 0 "the hand-written record, undamaged, is accepted (show --json)" "$DISPUTE" -C bad show --json
expect 0 "the hand-written record, undamaged, verifies" "$DISPUTE" -C bad verify
with_json "[]"
damaged "a JSON array" "bad/case.json: not a case record"
with_json "{ \"created\": \"2026-11-18T00:00:00+00:00\", $facts, \"evidence\": [], \"timeline\": [] }"
damaged "no schema" "bad/case.json: no \"schema\" member"
with_json "{ \"schema\": \"dispute-case/99\", \"created\": \"x\", $facts, \"evidence\": [], \"timeline\": [] }"
damaged "an unknown schema version" "bad/case.json: unknown schema \"dispute-case/99\""
with_json "{ \"schema\": 1, \"created\": \"x\", $facts, \"evidence\": [], \"timeline\": [] }"
damaged "a number for the schema" "bad/case.json: no \"schema\" member"
with_json "{ $head, $facts, \"evidence\": [], \"timeline\": [] }"
sed -i 's/"order": {"id": "6912345678901234"}/"order": "6912345678901234"/' bad/case.json
damaged "a string for the order section" "bad/case.json: \"order\" must be an object"
with_json "{ $head, $facts, \"evidence\": [], \"timeline\": [] }"
sed -i 's/"id": "6912345678901234"/"id": 6912345678901234/' bad/case.json
damaged "a number for order.id" "bad/case.json: order.id must be a string"
with_json "{ $head, $facts, \"evidence\": {}, \"timeline\": [] }"
damaged "an object for evidence" "bad/case.json: \"evidence\" and \"timeline\" must be arrays"
with_json "{ $head, $facts, \"evidence\": [{ $item, \"size\": \"432\" }], \"timeline\": [] }"
damaged "a string for evidence[0].size" "bad/case.json: evidence[0].size must be a whole number"
with_json "{ $head, $facts, \"evidence\": [{ $item, \"size\": -1 }], \"timeline\": [] }"
damaged "a negative evidence[0].size" "bad/case.json: evidence[0].size must be a whole number"
with_json "{ $head, $facts, \"evidence\": [{ $item, \"size\": 432 }], \"timeline\": [] }"
sed -i 's|"file": "E01-defect.jpg"|"file": "../../../etc/passwd"|' bad/case.json
damaged "an evidence file name outside evidence/" "bad/case.json: evidence[0].file \"../../../etc/passwd\" is not a plain file name"
with_json "{ $head, $facts, \"evidence\": [{ $item, \"size\": 432 }], \"timeline\": [] }"
sed -i 's|"id": "E01", ||' bad/case.json
damaged "evidence[0] without an id" "bad/case.json: evidence[0].id must be a string"
with_json "{ $head, $facts, \"evidence\": [], \"timeline\": [{ \"date\": \"2026-10-05\", \"channel\": \"merchant\", \"outcome\": \"pending\" }] }"
damaged "timeline[0] without text" "bad/case.json: timeline[0].text must be a string"
with_json "{ $head, $facts, \"evidence\": [], \"timeline\": [7] }"
damaged "a number in the timeline" "bad/case.json: timeline[0] is not an object"

# 70 MB of valid JSON: over the 64 MiB a case file may have.
from_good
{
	printf '{ %s, "case": {"note": "' "$head"
	head -c 70M /dev/zero | tr '\0' 'a'
	printf '"}, "claimant": {}, "merchant": {}, "order": {"id": "1"}, "problem": {}, "demand": {}, "evidence": [], "timeline": [] }\n'
} >bad/case.json
damaged "a 70 MB file" "bad/case.json: file is too large"

note "f-damaged took $(elapsed "$started")s"
finish
