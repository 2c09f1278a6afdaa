# `cmake --install` and `cpack -G DEB` of the build that made $DISPUTE: every file in its
# standard place, an installed program that finds its templates without any flag, and a
# .deb whose Depends names the package of every library the program links. Installing
# the .deb system-wide is left to tools/check-deb.sh (root, throwaway machine).
. "$TEST_LIB"

SRC=$(cd "$(dirname "$TEST_LIB")/../.." && pwd)
BUILD=$(cd "$(dirname "$DISPUTE_BIN")" && pwd)
unset DESTDIR DISPUTE_DATADIR

for tool in cmake cpack dpkg-deb; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (apt-get install cmake dpkg)"
		finish
		exit $?
	fi
done

check "the program's folder is its CMake build folder" test -f "$BUILD/CMakeCache.txt"
cache() {
	sed -n "s/^$1:[A-Z]*=//p" "$BUILD/CMakeCache.txt"
}
PREFIX=$(cache CMAKE_INSTALL_PREFIX)
# Where the program looks for its data when DISPUTE_DATADIR is not set.
DATADIR=$(sed -n 's/^#define DISPUTE_INSTALLED_DATADIR "\(.*\)"$/\1/p' \
    "$BUILD/generated/dispute/config.h")
check "the build says where the installed program finds its data" test -n "$DATADIR"
check "that is PREFIX/share/dispute" test "$DATADIR" = "$PREFIX/share/dispute"
# Where zsh looks: DISPUTE_ZSH_COMPLETION_DIR, else by prefix (see CMakeLists.txt).
ZSH_DIR=$(cache DISPUTE_ZSH_COMPLETION_DIR)
if [ -z "$ZSH_DIR" ] && [ "$PREFIX" = /usr ]; then
	ZSH_DIR=share/zsh/vendor-completions
elif [ -z "$ZSH_DIR" ]; then
	ZSH_DIR=share/zsh/site-functions
fi
VERSION=$("$DISPUTE" --version | sed 's/^dispute //')
# The translations the build compiles (po/LINGUAS), if any.
LINGUAS=
[ -f "$SRC/po/LINGUAS" ] && LINGUAS=$(sed 's/#.*//' "$SRC/po/LINGUAS")
MAN=yes
case $(cache SCDOC) in
*-NOTFOUND | "")
	MAN=
	echo "# SKIP the manual page: scdoc was not found when $BUILD was configured"
	;;
esac

# installed_tree ROOT TITLE ZSH-DIR: ROOT holds everything `cmake --install` puts in
# place, with the zsh completion in ZSH-DIR.
installed_tree() {
	root=$1
	what=$2
	check "$what: bin/dispute is an executable" test -x "$root/bin/dispute"
	check "$what: libexec/dispute/dispute-image is an executable" \
	    test -x "$root/libexec/dispute/dispute-image"
	check "$what: libexec/dispute/dispute-print is an executable" \
	    test -x "$root/libexec/dispute/dispute-print"
	check "$what: libexec/dispute/dispute-av is an executable" \
	    test -x "$root/libexec/dispute/dispute-av"
	(cd "$SRC" && find templates rules -type f) | sort >shipped
	missing=0
	while read -r file; do
		[ -f "$root/share/dispute/$file" ] || { echo "#   missing: share/dispute/$file"; missing=1; }
	done <shipped
	check "$what: every template and rule table is in share/dispute" test "$missing" -eq 0
	check "$what: share/dispute/templates/zh-CN/complaint-platform.txt.mustache" \
	    test -f "$root/share/dispute/templates/zh-CN/complaint-platform.txt.mustache"
	if [ -n "$MAN" ]; then
		check "$what: the manual page is in share/man/man1" \
		    sh -c 'test -f "$1/share/man/man1/dispute.1.gz" || test -f "$1/share/man/man1/dispute.1"' \
		    sh "$root"
	fi
	same "$SRC/completions/dispute.bash" "$root/share/bash-completion/completions/dispute" \
	    "$what: the bash completion is share/bash-completion/completions/dispute"
	same "$SRC/completions/_dispute" "$root/$3/_dispute" \
	    "$what: the zsh completion is $3/_dispute"
	for doc in README.md LICENSE copyright; do
		check "$what: share/doc/dispute/$doc" test -s "$root/share/doc/dispute/$doc"
	done
	for lang in $LINGUAS; do
		check "$what: share/locale/$lang/LC_MESSAGES/dispute.mo" \
		    test -s "$root/share/locale/$lang/LC_MESSAGES/dispute.mo"
	done
}

# 1. cmake --install into a scratch prefix.
expect 0 "cmake --install --prefix" cmake --install "$BUILD" --prefix "$SCRATCH/root"
installed_tree "$SCRATCH/root" "--prefix install" "$ZSH_DIR"
expect 0 "the installed program runs" "$SCRATCH/root/bin/dispute" --version
contains out "dispute $VERSION" "the installed program is this version"
if [ -n "$MAN" ] && command -v man >/dev/null 2>&1; then
	page=$(ls "$SCRATCH"/root/share/man/man1/dispute.1* | head -1)
	LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" >out 2>err
	contains out "add-evidence" "man renders the installed page"
	check "man renders it without warnings" test ! -s err
fi

# The installed data is complete: the example case, driven by the installed program from
# a folder outside the source tree and reading only the installed templates and rules,
# drafts and packs as the build does.
mkdir outside && cd outside || exit 1
DISPUTE_DATADIR=$SCRATCH/root/share/dispute
export DISPUTE_DATADIR
# (The example packs with --date 2026-11-20: the clock is set after it.)
expect 0 "the power-bank example runs on the installed program and data" \
    env DISPUTE="$SCRATCH/root/bin/dispute" SOURCE_DATE_EPOCH=1795300000 \
    sh "$SRC/examples/power-bank.sh" "$SCRATCH/pb"
expect 0 "draft complaint --to platform with the installed templates" \
    "$SCRATCH/root/bin/dispute" -C "$SCRATCH/pb/case" draft complaint --to platform
cp out installed.txt
contains installed.txt "订单" "the complaint is drafted"
unset DISPUTE_DATADIR
expect 0 "draft complaint --to platform by the build, from the source tree" \
    "$DISPUTE" -C "$SCRATCH/pb/case" draft complaint --to platform
same installed.txt out "the installed templates draft the same complaint as the source tree"
cd "$SCRATCH" || exit 1

# 2. Without any flag: an installed program finds its templates where it was installed.
# A build remembers its source tree as a last resort, so this is built from a copy of
# the sources that is gone before the installed program runs.
mkdir -p relocated/src
check "copy the sources" sh -c 'tar -C "$1" --exclude=./.git --exclude="./build*" \
    --exclude=./out -cf - . | tar -C "$2" -xf -' sh "$SRC" relocated/src
expect 0 "configure a copy of the sources with CMAKE_INSTALL_PREFIX=$SCRATCH/prefix" \
    cmake -S relocated/src -B relocated/build -DBUILD_TESTING=OFF -DDISPUTE_SOURCE_DATA=OFF \
    -DCMAKE_INSTALL_PREFIX="$SCRATCH/prefix"
expect 0 "build it" cmake --build relocated/build -j 2
expect 0 "install it" cmake --install relocated/build
rm -rf relocated
check "the copy of the sources and its build are gone" test ! -e relocated
installed_tree "$SCRATCH/prefix" "relocated install" share/zsh/site-functions
mkdir elsewhere && cd elsewhere || exit 1
expect 0 "the installed program, without DISPUTE_DATADIR or -C, drafts from its templates" \
    sh -c 'cd "$1/pb/case" && "$1/prefix/bin/dispute" draft complaint --to platform' sh "$SCRATCH"
same "$SCRATCH/outside/installed.txt" out "it drafts the same complaint"
expect 0 "and finds its rule tables (status)" \
    "$SCRATCH/prefix/bin/dispute" -C "$SCRATCH/pb/case" status
# (The example added its evidence on 2026-11-20, after the tests' clock: packs after it.)
expect 0 "and packs" env SOURCE_DATE_EPOCH=1795300000 "$SCRATCH/prefix/bin/dispute" -C "$SCRATCH/pb/case" pack -o "$SCRATCH/relocated.zip"
expect 0 "and the dossier verifies" "$SCRATCH/prefix/bin/dispute" verify "$SCRATCH/relocated.zip"
unzip -l "$SCRATCH/relocated.zip" >relocated.list 2>&1
contains relocated.list "data/thumbs/" "and its installed helper dispute-image made the page's thumbnails"
for lang in $LINGUAS; do
	for args in --help "help set" "help pack"; do
		LC_ALL=C "$SCRATCH/prefix/bin/dispute" $args
	done >english 2>&1
	for args in --help "help set" "help pack"; do
		env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG="$lang.UTF-8" \
		    "$SCRATCH/prefix/bin/dispute" $args
	done >translated 2>&1
	rm -f out err
	check "with LANG=$lang.UTF-8 it speaks $lang (finds its installed catalogue)" \
	    sh -c '! cmp -s english translated'
done
cd "$SCRATCH" || exit 1

# 3. The Debian package.
# In the build folder (its preinstall step builds there, a no-op when up to date); the
# package and CPack's staging go to the scratch folder.
expect 0 "cpack -G DEB" sh -c 'cd "$1" && cpack -G DEB -B "$2"' sh "$BUILD" "$SCRATCH/pkg"
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
deb=$SCRATCH/pkg/dispute_${VERSION}_$arch.deb
check "the package is dispute_${VERSION}_$arch.deb (DEB-DEFAULT)" test -s "$deb"
dpkg-deb -f "$deb" >control 2>err
contains control "Package: dispute" "the package is named dispute"
contains control "Version: $VERSION" "its version is the project's"
contains control "Section: utils" "its section is utils"
check "it has a maintainer" grep -q '^Maintainer: .*<.*@.*>' control
check "it has a description" grep -q '^Description: .' control
dpkg-deb -f "$deb" Depends >depends 2>err
sed 's/^/# Depends: /' depends
# Every library the program links, by the package that ships it.
readelf -d "$DISPUTE_BIN" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >needed
check "the program links shared libraries" test -s needed
while read -r soname; do
	package=$(dpkg -S "$soname" 2>/dev/null | grep "/$soname\$" | head -1 | sed 's/[:,].*//')
	if [ -z "$package" ]; then
		echo "# $soname: no package ships it here"
		continue
	fi
	check "Depends names $package (for $soname)" grep -Eq "(^|, )$package( |,|\$)" depends
done <needed
# The helpers' libraries too: GdkPixbuf is linked by dispute-image alone.
check "Depends names libgdk-pixbuf-2.0-0 (for the helper dispute-image)" \
    grep -Eq "(^|, )libgdk-pixbuf-2.0-0( |,|\$)" depends
# dispute-print links Pango and Cairo, and needs a Chinese font no library names.
for package in libpango-1.0-0 libcairo2 fonts-noto-cjk; do
	check "Depends names $package (for the helper dispute-print)" \
	    grep -Eq "(^|, )$package( |,|\$)" depends
done
# dispute-ocr links Tesseract and reads with its Chinese and English models.
for package in libtesseract5 tesseract-ocr-chi-sim tesseract-ocr-eng; do
	check "Depends names $package (for the helper dispute-ocr)" \
	    grep -Eq "(^|, )$package( |,|\$)" depends
done
for package in libzip4 libcjson1 libmagic1 libssl3 libc6; do
	check "Depends names $package" grep -Eq "(^|, )$package( |,|\$)" depends
done

dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' >contents
for path in "$PREFIX/bin/dispute" \
    "$DATADIR/templates/zh-CN/complaint-platform.txt.mustache" \
    "$DATADIR/templates/en/complaint-court.txt.mustache" \
    "$DATADIR/rules/zh-CN.json" "$DATADIR/rules/holidays-cn.json" \
    "$PREFIX/share/bash-completion/completions/dispute" \
    "$PREFIX/$ZSH_DIR/_dispute" \
    "$PREFIX/share/doc/dispute/copyright" "$PREFIX/libexec/dispute/dispute-image"; do
	check "the package holds $path" grep -qx -- "$path" contents
done
if [ -n "$MAN" ]; then
	check "the package holds the manual page" grep -q "^$PREFIX/share/man/man1/dispute\.1" contents
fi
for lang in $LINGUAS; do
	check "the package holds the $lang message catalogue" \
	    grep -qx -- "$PREFIX/share/locale/$lang/LC_MESSAGES/dispute.mo" contents
done
# The packaged data lies where the packaged program looks for it.
mkdir debroot
check "the package unpacks" dpkg-deb -x "$deb" debroot
check "its program names $DATADIR" grep -aq -- "$DATADIR" "debroot$PREFIX/bin/dispute"
same "$SRC/templates/zh-CN/complaint-platform.txt.mustache" \
    "debroot$DATADIR/templates/zh-CN/complaint-platform.txt.mustache" \
    "its templates are at $DATADIR/templates"
expect 0 "its program runs" "debroot$PREFIX/bin/dispute" --version
contains out "dispute $VERSION" "its program is this version"
check "its program is stripped" sh -c '! readelf -S "$1" | grep -q "\.symtab"' sh \
    "debroot$PREFIX/bin/dispute"

finish
