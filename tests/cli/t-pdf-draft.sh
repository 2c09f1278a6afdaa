# dispute draft --pdf and the dossier's PDFs, read back with Poppler's tools: A4 pages
# numbered "第 k 页 共 m 页", every font embedded, the draft's own text in the text layer,
# the same bytes on every run; the default name, -o FILE, -o -, and the -o rules;
# usage errors; a print helper that finds no Chinese font; pack's data/documents/*.pdf
# in the manifest of an intact dossier.
. "$TEST_LIB"

ORDER=6912345678901234

# pdf_checks FILE PAGES-WORD TEXT-FILE WHAT: A4, every page numbered, every font
# embedded, and the text of TEXT-FILE read back from FILE (spaces and line breaks aside:
# the PDF wraps lines the text does not), the footers taken out.
pdf_checks() {
	pdf=$1 footer=$2 text=$3 what=$4
	pdfinfo "$pdf" >info 2>&1
	contains info "Page size:       595.276 x 841.89 pts (A4)" "$what is A4"
	pages=$(awk '/^Pages:/ { print $2 }' info)
	check "$what has pages" test "${pages:-0}" -ge 1
	pdffonts "$pdf" >fonts 2>&1
	# The "emb" column of every font (the names hold no blanks, the types may).
	awk 'NR > 2 { print $(NF - 4) }' fonts | sort -u >embedded
	printf 'yes\n' >want
	same want embedded "$what embeds every font it uses"
	pdftotext -raw "$pdf" raw
	k=1
	while [ "$k" -le "${pages:-0}" ]; do
		if [ "$footer" = zh ]; then
			contains raw "第 $k 页 共 $pages 页" "$what numbers page $k of $pages"
		else
			contains raw "Page $k of $pages" "$what numbers page $k of $pages"
		fi
		k=$((k + 1))
	done
	tr -d ' \n\f\t' <"$text" >text.flat
	tr -d '\f' <raw | sed -e '/^第 [0-9]* 页 共 [0-9]* 页$/d' -e '/^Page [0-9]* of [0-9]*$/d' |
	    tr -d ' \n\t' >pdf.flat
	same text.flat pdf.flat "$what holds the draft's text, as text"
}

"$DISPUTE" -q init c || exit 1
set_all c claimant.name 张三 claimant.phone 13812345678 claimant.id_number 11010519491231002X \
    claimant.address 北京市朝阳区建国路88号1单元101室 merchant.shop 好物旗舰店 \
    merchant.company 福州好物贸易有限公司 merchant.credit_code 91350100M000100Y43 \
    merchant.address 福建省福州市鼓楼区五四路100号 merchant.representative 李四 \
    case.platform douyin case.court 北京互联网法院 order.id "$ORDER" \
    order.product "充电宝 20000mAh" order.amount 199.90 order.date 2026-10-01 \
    order.received 2026-10-03 problem.category quality \
    problem.description "收到后充电宝无法充电，指示灯不亮。" demand.text "退货退款，退还货款199.90元。"
"$DISPUTE" -q -C c add-evidence -k defect -n 指示灯不亮 "$EVIDENCE/defect-photo.jpg" >/dev/null ||
    exit 1
"$DISPUTE" -q -C c log -c merchant -o refused -d 2026-10-05 "商家拒绝退款" || exit 1

# The court complaint: without -o, its dossier name in the current folder.
"$DISPUTE" -C c draft complaint --to court >court.txt 2>/dev/null || exit 1
mkdir here
(cd here && "$DISPUTE" -C ../c draft complaint --to court --pdf >../out 2>../err)
check "draft --pdf succeeds" test $? -eq 0
check "draft --pdf prints nothing on stdout" test ! -s out
contains err "wrote 04-民事起诉状.pdf" "draft --pdf says which file it wrote"
check "draft --pdf writes the dossier name in the current folder" \
    test -f here/04-民事起诉状.pdf
pdf_checks here/04-民事起诉状.pdf zh court.txt "the court complaint's PDF"
contains info "Title:           民事起诉状" "the PDF's title is the draft's first line"
contains info "CreationDate:    Wed Nov 18 00:00:00 2026 UTC" \
    "the PDF is dated with the draft's date, not the time of the run"
check "the court complaint runs over more than one page" test "$pages" -ge 2
# Run again: the default name is renewed, with the same bytes.
cp here/04-民事起诉状.pdf first.pdf
(cd here && "$DISPUTE" -q -C ../c draft complaint --to court --pdf 2>../err)
check "draft --pdf renews its default file" test $? -eq 0
check "the same case and date give the same PDF bytes" cmp -s first.pdf here/04-民事起诉状.pdf

# -o FILE, -o - and the -o rules.
expect 0 "draft --pdf -o FILE" "$DISPUTE" -C c draft complaint --to court --pdf -o a.pdf
check "-o FILE gets the same PDF" cmp -s first.pdf a.pdf
expect 1 "draft --pdf -o an existing FILE" "$DISPUTE" -C c draft complaint --to court --pdf \
    -o a.pdf
contains err "a.pdf: exists; give --force to replace it" "an existing -o FILE is kept"
check "the refused file is untouched" cmp -s first.pdf a.pdf
ln -s a.pdf link.pdf
expect 1 "draft --pdf -o a link" "$DISPUTE" -C c draft complaint --to court --pdf --force \
    -o link.pdf
contains err "link.pdf" "a link is refused by name"
expect 0 "draft --pdf -o -" "$DISPUTE" -C c draft complaint --to court --pdf -o -
check "-o - puts the PDF on stdout" cmp -s first.pdf out

# The evidence list and a letter, and English page numbers.
"$DISPUTE" -C c draft evidence-list >list.txt 2>/dev/null || exit 1
expect 0 "draft evidence-list --pdf -o" "$DISPUTE" -C c draft evidence-list --pdf -o list.pdf
pdf_checks list.pdf zh list.txt "the evidence list's PDF"
"$DISPUTE" -C c draft complaint --to 12315 --lang en >en.txt 2>/dev/null || exit 1
expect 0 "draft --pdf --lang en" "$DISPUTE" -C c draft complaint --to 12315 --lang en --pdf \
    -o en.pdf
pdf_checks en.pdf en en.txt "an English draft's PDF"

# Usage errors.
expect 2 "draft --pdf --csv" "$DISPUTE" -C c draft evidence-list --pdf --csv -o x.pdf
contains err "--pdf prints the text draft" "--pdf with --csv is a usage error"
expect 2 "draft --pdf --json" "$DISPUTE" -C c draft evidence-list --pdf --json -o x.pdf
check "nothing is written on a usage error" test ! -e x.pdf

# No Chinese font: the helper says what to install, and nothing is written.
printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s/fc</cachedir></fontconfig>\n' \
    "$PWD" >nofonts.conf
expect 1 "draft --pdf without a Chinese font" env FONTCONFIG_FILE="$PWD/nofonts.conf" \
    "$DISPUTE" -C c draft complaint --to court --pdf -o nofont.pdf
contains err "no Chinese font found through fontconfig (Debian: apt-get install fonts-noto-cjk)" \
    "a missing font is named with its package"
check "no PDF without a font" test ! -e nofont.pdf

# pack: a PDF beside each text draft, in the manifest, the dossier intact and the same
# bytes on every run.
expect 0 "pack" "$DISPUTE" -C c pack -o p1.zip
unzip -Z1 p1.zip | sed -n 's|^[^/]*/data/documents/||p' | sort >documents
sed -n 's/\.txt$//p' documents >texts
sed -n 's/\.pdf$//p' documents | grep -vx evidence-book >pdfs
check "the dossier holds drafts" test -s texts
same texts pdfs "every text draft in data/documents/ has its PDF"
check "and the evidence book beside them" grep -qx evidence-book.pdf documents
unzip -p p1.zip "*/manifest-sha256.txt" >manifest
while read -r name; do
	contains manifest "data/documents/$name.pdf" "the manifest lists $name.pdf"
done <pdfs
unzip -p p1.zip "*/data/documents/04-民事起诉状.pdf" >packed.pdf
unzip -p p1.zip "*/data/documents/04-民事起诉状.txt" >packed.txt
pdf_checks packed.pdf zh packed.txt "the dossier's court complaint PDF"
expect 0 "verify the dossier with PDFs" "$DISPUTE" verify p1.zip
contains out "p1.zip: intact" "the dossier with its PDFs verifies intact"
expect 0 "pack again" "$DISPUTE" -C c pack -o p2.zip
check "the same case and date give the same dossier, PDFs included" cmp -s p1.zip p2.zip

# A print helper that fails stops the pack: no dossier without its PDFs.
mkdir helpers
printf '#!/bin/sh\necho "dispute-print: broken on purpose" >&2\nexit 1\n' >helpers/dispute-print
chmod +x helpers/dispute-print
expect 1 "pack with a failing print helper" env DISPUTE_HELPERDIR="$PWD/helpers" \
    "$DISPUTE" -C c pack -o p3.zip
contains err "dispute-print: broken on purpose" "the print helper's message is shown"
check "no dossier is written when a PDF cannot be made" test ! -e p3.zip

finish
