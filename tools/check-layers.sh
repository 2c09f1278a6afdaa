#!/bin/sh
# The layer check: reads which core object file uses which other one's symbols (nm) and
# fails when files depend on each other in a cycle, or when a subsystem uses one that
# is not below it. What "below" means comes from src/core/CMakeLists.txt, which CMake
# writes out as BUILD/core-layers.txt: one line per subsystem, "NAME: LOWER...".
# usage: tools/check-layers.sh BUILD_DIR
set -eu
build=$1
layers=$build/core-layers.txt
[ -r "$layers" ] || { echo "check-layers: $layers: not found (configure first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "subsystem/file" for every core object, with the symbols it defines and uses.
found=0
for obj in "$build"/src/core/CMakeFiles/dispute_*.dir/*/*.c.o; do
	[ -e "$obj" ] || continue
	found=$((found + 1))
	file=$(basename "$(dirname "$obj")")/$(basename "$obj" .c.o)
	nm -P "$obj" | awk -v f="$file" '
		$2 == "U" { print "use", f, $1; next }
		$2 ~ /^[TDBRCV]$/ { print "def", f, $1 }'
done >"$work/symbols"
[ "$found" -gt 0 ] || { echo "check-layers: no object files under $build/src/core" >&2; exit 2; }

# One "user used" line per pair of files.
awk '$1 == "def" { owner[$3] = $2 }
	$1 == "use" { uses[NR] = $2 " " $3 }
	END { for (i in uses) { split(uses[i], u, " ")
		if ((u[2] in owner) && owner[u[2]] != u[1]) print u[1], owner[u[2]] } }' \
	"$work/symbols" | sort -u >"$work/edges"

status=0
# Cycles between files: tsort names the files of each loop it meets.
if ! tsort "$work/edges" >/dev/null 2>"$work/loops"; then
	echo "check-layers: these files depend on each other in a cycle:" >&2
	# One line per loop, its files in the order tsort met them.
	awk '/input contains a loop/ { if (loop != "") print loop; loop = ""; next }
		{ sub(/^tsort: /, ""); loop = loop == "" ? "  " $0 : loop " -> " $0 }
		END { if (loop != "") print loop }' "$work/loops" | sort -u >&2
	status=1
fi

# Uses between subsystems must go downward (the declared uses, transitively).
awk -F': *' 'NR == FNR { n = split($2, lower, " "); for (i = 1; i <= n; i++) may[$1, lower[i]] = 1
		names[$1] = 1; next }
	FNR == 1 { # close the relation over transitivity once the table is read
		for (k in names) for (i in names) for (j in names)
			if (may[i, k] && may[k, j]) may[i, j] = 1 }
	{ split($0, e, " "); split(e[1], a, "/"); split(e[2], b, "/")
		if (a[1] != b[1] && !may[a[1], b[1]]) { print "  " e[1] " uses " e[2] \
			" (" a[1] " may not use " b[1] ")"; bad = 1 } }
	END { exit bad }' "$layers" "$work/edges" >"$work/upward" || {
	echo "check-layers: a subsystem uses one that is not below it:" >&2
	cat "$work/upward" >&2
	status=1
}
[ "$status" -eq 0 ] && echo "check-layers: $(wc -l <"$work/edges") file dependencies, no cycles, all downward"
exit "$status"
