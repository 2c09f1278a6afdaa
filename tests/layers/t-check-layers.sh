# The layer check itself (tools/check-layers.sh): it passes a tree whose files depend
# only downward and fails, naming the files, one with a cycle or an upward use. The
# object files are compiled here from two-line C files, as CMake lays them out.
set -u
. "$(dirname "$0")/../checks.sh"
CHECK="$(cd "$(dirname "$0")/../.." && pwd)/tools/check-layers.sh"
CC=${CC:-cc}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/dispute-layers.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
cd "$SCRATCH" || exit 1

# object TREE SUBSYSTEM FILE SOURCE: compiles SOURCE into TREE's object for SUBSYSTEM/FILE.
object() {
	mkdir -p "$1/src/core/CMakeFiles/dispute_$2.dir/$2" &&
	printf '%s\n' "$4" >"$1/$3.c" &&
	"$CC" -c -o "$1/src/core/CMakeFiles/dispute_$2.dir/$2/$3.c.o" "$1/$3.c"
}

# tree NAME: the subsystems low and high, high above low.
tree() {
	mkdir -p "$1" && printf 'low: \nhigh: low\n' >"$1/core-layers.txt"
}

tree down
object down low a 'int a(void) { return 1; }'
object down low c 'int a(void); int c(void) { return a(); }'
object down high b 'int c(void); int b(void) { return c(); }'
expect 0 "a tree that depends only downward passes" sh "$CHECK" down
contains out "2 file dependencies" "it counts the dependencies it read"

tree cycle
object cycle low a 'int c(void); int a(void) { return c(); }'
object cycle low c 'int a(void); int c(void) { return a(); }'
expect 1 "two files that use each other fail" sh "$CHECK" cycle
contains err "in a cycle" "the cycle is named as such"
contains err "low/a" "the cycle names the first file"
contains err "low/c" "the cycle names the second file"

tree upward
object upward high b 'int b(void) { return 2; }'
object upward low a 'int b(void); int a(void) { return b(); }'
expect 1 "a lower subsystem that uses a higher one fails" sh "$CHECK" upward
contains err "low/a uses high/b (low may not use high)" "the upward use is named"

tree transitive
printf 'low: \nmiddle: low\nhigh: middle\n' >transitive/core-layers.txt
object transitive low a 'int a(void) { return 1; }'
object transitive high b 'int a(void); int b(void) { return a(); }'
expect 0 "a subsystem may use one below the one it declares" sh "$CHECK" transitive

expect 2 "a build folder without the layer table is a usage error" sh "$CHECK" missing
contains err "core-layers.txt: not found" "the missing table is named"

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
