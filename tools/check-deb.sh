#!/bin/sh
# Builds the Debian package and installs it system-wide, as a user would, then runs the
# installed program: `dispute --version`, `man -w dispute`, the bash completion, and the
# power-bank example from /tmp. Root only, on a throwaway machine or container
# (Debian 12): it runs apt-get and leaves the package installed (apt-get remove dispute).
#
# The package is built from a copy of the sources configured with
# CMAKE_INSTALL_PREFIX=/usr and Debian's compiler flags (dpkg-buildflags); the copy and
# its build are deleted before the installed program runs, so that it can only find its
# templates, rules and message catalogues where the package put them.
#
# Usage: sh tools/check-deb.sh [OUT-DIR]   (the .deb is kept in OUT-DIR, default out/deb)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/out/deb}

if [ "$(id -u)" -ne 0 ]; then
	echo "check-deb: run as root on a throwaway machine: it installs a package with apt-get" >&2
	exit 1
fi
step() {
	printf '\n== %s\n' "$*"
}

step "build dependencies (tools/deps.sh) and man-db for man -w"
sh "$top/tools/deps.sh" man-db

work=$(mktemp -d /tmp/dispute-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
step "copy the sources to $work/src and build with CMAKE_INSTALL_PREFIX=/usr"
mkdir "$work/src"
tar -C "$top" --exclude=./.git --exclude='./build*' --exclude=./out -cf - . |
	tar -C "$work/src" -xf -
cmake -S "$work/src" -B "$work/build" -DBUILD_TESTING=OFF -DDISPUTE_SOURCE_DATA=OFF -DCMAKE_INSTALL_PREFIX=/usr \
	-DCMAKE_C_FLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CFLAGS)" \
	-DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" >"$work/configure.log" ||
	{ cat "$work/configure.log"; exit 1; }
cmake --build "$work/build" -j "$(nproc)" >"$work/build.log" 2>&1 || { tail -50 "$work/build.log"; exit 1; }
# Debian's flags (-O2, _FORTIFY_SOURCE) let gcc see more than the usual build does.
grep 'warning:' "$work/build.log" | sed "s|$work/src/||" || true

step "cpack -G DEB"
mkdir -p "$out"
(cd "$work/build" && cpack -G DEB -B "$work/pkg") >"$work/cpack.log" ||
	{ cat "$work/cpack.log"; exit 1; }
version=$(sed -n 's/^#define DISPUTE_VERSION "\(.*\)"$/\1/p' "$work/build/generated/dispute/config.h")
deb=dispute_${version}_$(dpkg --print-architecture).deb
cp "$work/pkg/$deb" "$out/$deb"
rm -rf "$work/src" "$work/build" "$work/pkg"
echo "$out/$deb (the sources' copy and its build are deleted)"
dpkg-deb -f "$out/$deb"
dpkg-deb -c "$out/$deb" | awk '{ print "  " $NF }'

step "apt-get install $out/$deb"
if dpkg-query -W -f='${Status}' dispute 2>/dev/null | grep -q "ok installed"; then
	DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq dispute >/dev/null
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$out/$deb"
dpkg -L dispute

failed=0
check() {
	title=$1
	shift
	if "$@"; then
		echo "ok - $title"
	else
		echo "not ok - $title"
		failed=$((failed + 1))
	fi
}

step "run the installed program"
cd /tmp
unset DISPUTE_DATADIR DISPUTE_LOCALEDIR
check "dispute is /usr/bin/dispute" test "$(command -v dispute)" = /usr/bin/dispute
dispute --version
check "dispute --version" sh -c 'dispute --version | grep -qx "dispute $1"' sh "$version"
man -w dispute || true
check "man -w dispute finds the manual page" sh -c 'man -w dispute | grep -q "^/usr/share/man/man1/dispute\.1"'
check "man dispute renders it" sh -c 'MANWIDTH=80 man dispute 2>/dev/null | grep -q "add-evidence"'
check "the bash completion offers the channels after dispute log -c" bash -c '
	. /usr/share/bash-completion/completions/dispute
	COMP_WORDS=(dispute log -c ""); COMP_CWORD=3; _dispute
	[ "${COMPREPLY[*]}" = "merchant platform 12315 consumer-association court social" ]'
check "the zsh completion is where zsh looks" test -f /usr/share/zsh/vendor-completions/_dispute

example=/tmp/dispute-deb-example
step "the power-bank example with /usr/bin/dispute, from /tmp"
check "the example runs, packs and verifies" \
	env DISPUTE=/usr/bin/dispute sh "$top/examples/power-bank.sh" "$example"
check "draft complaint --to platform finds the installed templates" \
	sh -c 'dispute -C "$1/case" draft complaint --to platform >"$1/complaint.txt"' sh "$example"
head -5 "$example/complaint.txt"
check "the complaint names the platform" grep -q "抖音" "$example/complaint.txt"
check "status finds the installed rule tables" sh -c 'dispute -C "$1/case" status >/dev/null' sh "$example"

step "result"
if [ "$failed" -ne 0 ]; then
	echo "check-deb: $failed check(s) failed" >&2
	exit 1
fi
echo "check-deb: $deb installs with apt-get and runs (remove it with: apt-get remove dispute)"
