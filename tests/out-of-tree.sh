#!/bin/sh
# out-of-tree.sh - builds a plugin outside the source tree, against only the
# installed <stmtlint/plugin.h> and stmtlint-plugin.pc, then loads it with
# --plugin-dir and runs it.  Prints TAP.
#
# Needs STMTLINT, SRCDIR and BUILDDIR (set by the test harness).

: "${STMTLINT:?}" "${SRCDIR:?}" "${BUILDDIR:?}"
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}

echo "1..7"

if ! command -v "$PKG_CONFIG" >/dev/null 2>&1 || ! command -v "$CC" >/dev/null 2>&1; then
	for i in 1 2 3 4 5 6 7; do
		echo "ok $i # SKIP no $PKG_CONFIG or no $CC"
	done
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/stmtlint-oot.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0

# shellcheck source=tests/tap.sh
. "$SRCDIR/tests/tap.sh"

# 1: install only the header and the .pc file into a staging folder.
if make -s -C "$BUILDDIR" install-stmtlintincludeHEADERS install-pkgconfigDATA \
	DESTDIR="$tmp/root" >"$tmp/log" 2>&1; then
	ok 1 "install the plugin header and stmtlint-plugin.pc"
else
	not_ok 1 "install the plugin header and stmtlint-plugin.pc"
fi
pc=$(find "$tmp/root" -name stmtlint-plugin.pc | head -n 1)

# 2: pkg-config finds the header's folder in the staging tree.
cflags=
if [ -n "$pc" ] && cflags=$(PKG_CONFIG_SYSROOT_DIR="$tmp/root" \
	PKG_CONFIG_PATH="$(dirname "$pc")" PKG_CONFIG_LIBDIR="$(dirname "$pc")" \
	"$PKG_CONFIG" --cflags stmtlint-plugin 2>"$tmp/log") &&
	[ -f "$(echo "$cflags" | sed 's/^ *-I//; s/ *$//')/stmtlint/plugin.h" ]; then
	ok 2 "pkg-config --cflags stmtlint-plugin points at the installed header ($cflags)"
else
	echo "pc='$pc' cflags='$cflags'" >>"$tmp/log"
	not_ok 2 "pkg-config --cflags stmtlint-plugin points at the installed header"
fi

# 3: the test plugin compiles as strict C99 against the installed header,
# with no access to the source tree (a copy, in a folder of its own).
mkdir -p "$tmp/src" "$tmp/pl"
cp "$SRCDIR/tests/plugins/good.c" "$tmp/src/good.c"
# shellcheck disable=SC2086
if (cd "$tmp/src" && $CC -std=c99 -pedantic -Wall -Wextra -Werror -shared -fPIC $cflags \
	-o "$tmp/pl/good.so" good.c) >"$tmp/log" 2>&1; then
	ok 3 "compile good.c out of tree with the installed header"
else
	not_ok 3 "compile good.c out of tree with the installed header"
fi

# 4: the header also compiles as C++.
CXX=${CXX:-c++}
if ! command -v "$CXX" >/dev/null 2>&1; then
	echo "ok 4 # SKIP no C++ compiler"
else
	printf '#include <stmtlint/plugin.h>\nint main() { return STMTLINT_ABI_VERSION == 1u ? 0 : 1; }\n' \
		>"$tmp/src/t.cc"
	# shellcheck disable=SC2086
	if $CXX -Wall -Wextra -Werror $cflags -fsyntax-only "$tmp/src/t.cc" >"$tmp/log" 2>&1; then
		ok 4 "the installed header compiles as C++"
	else
		not_ok 4 "the installed header compiles as C++"
	fi
fi

# 5: --plugin-dir loads it and --list-rules shows it with its check.
if "$STMTLINT" --plugin-dir "$tmp/pl" --list-rules >"$tmp/rules" 2>"$tmp/log" &&
	grep -q '^good  *warning  *a test plugin that reports one word$' "$tmp/rules" &&
	grep -q '^  good/word  *warning ' "$tmp/rules"; then
	ok 5 "--plugin-dir loads the plugin and --list-rules lists it"
else
	cat "$tmp/rules" >>"$tmp/log"
	not_ok 5 "--plugin-dir loads the plugin and --list-rules lists it"
fi

# 6: --enable runs it on a draft: the finding, at the right line and column.
cat >"$tmp/draft.txt" <<'DRAFT'
Joint Statement on a Test

The participants agreed that nothing is forbidden.
DRAFT
status=0
(cd "$tmp" && "$STMTLINT" --color=never --plugin-dir "$tmp/pl" --enable good draft.txt) \
	>"$tmp/out" 2>"$tmp/log" || status=$?
if grep -q "^draft.txt:3:41: warning: the draft uses 'forbidden' \[good/word\]$" "$tmp/out" &&
	[ "$status" -eq 0 ]; then
	ok 6 "--enable good reports its finding"
else
	{ echo "exit $status"; cat "$tmp/out"; } >>"$tmp/log"
	not_ok 6 "--enable good reports its finding"
fi

# 7: without --enable (the default profile does not name it) it stays quiet.
(cd "$tmp" && "$STMTLINT" --color=never --plugin-dir "$tmp/pl" draft.txt) \
	>"$tmp/out" 2>"$tmp/log"
if ! grep -q 'good/word' "$tmp/out"; then
	ok 7 "a plugin the profile does not enable does not run"
else
	cat "$tmp/out" >>"$tmp/log"
	not_ok 7 "a plugin the profile does not enable does not run"
fi

exit $failed
