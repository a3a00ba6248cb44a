#!/bin/sh
# install.sh - what `make install` ships works where it is installed.
#  (a) The build tree installed into a staging folder (DESTDIR): no libtool
#      .la files beside the plugins; the staged program, run from another
#      folder with STMTLINT_PLUGIN_PATH and STMTLINT_DATA_PATH pointing into
#      the staging folder, finds its plugins and profiles and reports a known
#      defect; the variables replace the built-in places; `make uninstall`
#      removes every file `make install` put there.
#  (b) A copy of the sources (make distdir) configured with --prefix=P1,
#      built and installed, runs from another folder without any variable;
#      the SAME tree reconfigured with --prefix=P2, rebuilt and installed
#      still runs after P1 is deleted (a changed prefix rebuilds what
#      embeds it).
# Prints TAP.  Needs STMTLINT, SRCDIR and BUILDDIR (set by the test harness).

: "${STMTLINT:?}" "${SRCDIR:?}" "${BUILDDIR:?}"

echo "1..12"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/stmtlint-install.XXXXXX") || exit 99
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
failed=0
started=$(date +%s)

# shellcheck source=tests/tap.sh
. "$SRCDIR/tests/tap.sh"

# make, not steered by the `make check` that runs this test (its MAKEFLAGS
# carry its jobserver and its command-line variables).
run_make() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u DESTDIR -u srcdir make "$@"
}

# Only what a test sets may steer the programs it runs.
unset STMTLINT_PLUGIN_PATH STMTLINT_DATA_PATH
XDG_CONFIG_HOME="$tmp/xdg"
HOME="$tmp/home"
export XDG_CONFIG_HOME HOME
mkdir -p "$tmp/xdg" "$tmp/home" "$tmp/elsewhere" "$tmp/empty"

# A draft with one known defect: June 9, 2011 was a Thursday.
cat >"$tmp/elsewhere/draft.txt" <<'DRAFT'
Joint Statement

June 9, 2011

On Friday, June 9, 2011, the participants met.
DRAFT
finding="draft.txt:5:4: error: ‘Friday’ does not match the date: June 9, 2011 is a Thursday [dates/weekday]"

# memcheck PROGRAM: how to run PROGRAM, as words: under valgrind memcheck in
# `make check-valgrind`, except $STMTLINT, which then runs under it already.
memcheck() {
	if [ -n "${VALGRIND_MEMCHECK:-}" ] && [ "$1" != "$STMTLINT" ]; then
		echo "$VALGRIND_MEMCHECK"
	fi
}

# check_draft N LABEL PROGRAM [VAR=VALUE]...: runs PROGRAM on the draft from
# $tmp/elsewhere with the variables set, and expects exactly the finding and
# exit status 1.
check_draft() {
	n=$1 label=$2 program=$3
	shift 3
	status=0
	# shellcheck disable=SC2046
	(cd "$tmp/elsewhere" && env "$@" $(memcheck "$program") "$program" --color=never -q \
		draft.txt) >"$tmp/out" 2>"$tmp/log" || status=$?
	if [ "$status" -eq 1 ] && [ "$(head -n 1 "$tmp/out")" = "$finding" ] &&
		[ "$(grep -c ': error: \|: warning: \|: note: ' "$tmp/out")" -eq 1 ]; then
		ok "$n" "$label"
	else
		{ echo "exit $status"; cat "$tmp/out"; } >>"$tmp/log"
		not_ok "$n" "$label"
	fi
}

# list_rules PROGRAM [VAR=VALUE]...: the plugin lines of --list-rules (the
# core's own rules left out), as "dates principles structure", in
# $tmp/plugins; returns its exit status.
list_rules() {
	program=$1
	shift
	list_status=0
	# shellcheck disable=SC2046
	env "$@" $(memcheck "$program") "$program" --list-rules >"$tmp/rules" 2>"$tmp/log" ||
		list_status=$?
	grep -o '^[a-z][a-z-]*' "$tmp/rules" |
		grep -vxE 'bidi|comment|config|encoding|front-matter|input|limit|pattern-limit|plugin|suppression' |
		tr '\n' ' ' | sed 's/ $//' >"$tmp/plugins"
	return $list_status
}

# ---- (a) the build tree, installed into a staging folder ---------------------
stage="$tmp/stage"
: >"$tmp/stamp"
if run_make -s -C "$BUILDDIR" install DESTDIR="$stage" >"$tmp/log" 2>&1; then
	# Installing must not rebuild: other tests use the build tree meanwhile.
	rebuilt=$(find "$BUILDDIR/src" "$BUILDDIR/plugins" -newer "$tmp/stamp" -type f)
	if [ -z "$rebuilt" ]; then
		ok 1 "make install DESTDIR=… from the build tree, rebuilding nothing"
	else
		echo "rebuilt: $rebuilt" >>"$tmp/log"
		not_ok 1 "make install DESTDIR=… from the build tree rebuilt files"
	fi
else
	not_ok 1 "make install DESTDIR=… from the build tree"
fi
bin=$(find "$stage" -type f -path '*/bin/stmtlint' | head -n 1)
plugindir=$(find "$stage" -name structure.so | head -n 1)
plugindir=${plugindir%/*}
datadir=$(find "$stage" -path '*/profiles/default.yaml' | head -n 1)
datadir=${datadir%/profiles/default.yaml}

# 2: the three plugins, and no .la file.
: >"$tmp/log"
las=$(find "$plugindir" -name '*.la' 2>>"$tmp/log")
if [ -n "$plugindir" ] && [ -f "$plugindir/dates.so" ] && [ -f "$plugindir/principles.so" ] &&
	[ -z "$las" ]; then
	ok 2 "the installed plugin folder holds the plugins and no .la file"
else
	{ echo "plugin folder '$plugindir'; .la files: $las"; ls -l "$plugindir"; } >>"$tmp/log" 2>&1
	not_ok 2 "the installed plugin folder holds the plugins and no .la file"
fi

# 3: the staged program, from another folder, with the variables.
check_draft 3 "the staged program with STMTLINT_PLUGIN_PATH and STMTLINT_DATA_PATH reports the defect" \
	"$bin" STMTLINT_PLUGIN_PATH="$plugindir" STMTLINT_DATA_PATH="$datadir"

# 4: --list-rules lists the five plugins; empty entries are ignored.
if list_rules "$bin" STMTLINT_PLUGIN_PATH="::$tmp/empty::$plugindir:" \
	STMTLINT_DATA_PATH="$datadir" && [ "$(cat "$tmp/plugins")" = "brackets dates principles structure typography" ]; then
	ok 4 "--list-rules lists every plugin from STMTLINT_PLUGIN_PATH"
else
	cat "$tmp/rules" >>"$tmp/log"
	not_ok 4 "--list-rules lists every plugin from STMTLINT_PLUGIN_PATH"
fi

# 5: the variables replace the built-in places, the build tree's too: with
# an empty plugin folder no plugin is listed; with an empty data folder the
# default profile is not found.
data_status=0
(cd "$tmp/elsewhere" && env STMTLINT_DATA_PATH="$tmp/empty" "$STMTLINT" --color=never -q draft.txt) \
	>"$tmp/out" 2>"$tmp/err" || data_status=$?
if list_rules "$STMTLINT" STMTLINT_PLUGIN_PATH="$tmp/empty" && [ ! -s "$tmp/plugins" ] &&
	[ "$data_status" -eq 2 ] && grep -q "$tmp/empty/profiles/default.yaml" "$tmp/err"; then
	ok 5 "STMTLINT_PLUGIN_PATH and STMTLINT_DATA_PATH replace the build tree's folders"
else
	{ echo "plugins: $(cat "$tmp/plugins")"; echo "exit $data_status"; cat "$tmp/err"; } >>"$tmp/log"
	not_ok 5 "STMTLINT_PLUGIN_PATH and STMTLINT_DATA_PATH replace the build tree's folders"
fi

# 6: a folder in STMTLINT_PLUGIN_PATH that does not exist is an error.
status=0
list_rules "$bin" STMTLINT_PLUGIN_PATH="$plugindir:$tmp/missing" || status=$?
if [ "$status" -eq 2 ] &&
	grep -q "^$tmp/missing: error: cannot read plugin folder: No such file or directory \[plugin\]$" "$tmp/log"; then
	ok 6 "a missing folder in STMTLINT_PLUGIN_PATH is reported, exit 2"
else
	echo "exit $status" >>"$tmp/log"
	not_ok 6 "a missing folder in STMTLINT_PLUGIN_PATH is reported, exit 2"
fi

# 7: make uninstall removes every file make install put there.
if run_make -s -C "$BUILDDIR" uninstall DESTDIR="$stage" >"$tmp/log" 2>&1 &&
	[ -z "$(find "$stage" -type f)" ]; then
	ok 7 "make uninstall DESTDIR=… leaves no file"
else
	find "$stage" -type f >>"$tmp/log"
	not_ok 7 "make uninstall DESTDIR=… leaves no file"
fi
echo "# (a) took $(($(date +%s) - started)) s"

# ---- (b) a copy of the sources, installed under one prefix, then another ------
# Under valgrind this part is skipped: it checks the build system, not
# memory, and building a second tree would double the slowest run of the
# suite.  Its programs are the same code that (a) ran under memcheck.
if [ -n "$STMTLINT_UNDER_VALGRIND" ]; then
	for i in 8 9 10 11 12; do
		skip $i "a second build under valgrind checks nothing more about memory"
	done
	exit $failed
fi
started=$(date +%s)
src="$tmp/src"
# 8: the distributed sources, configured with --prefix=P1, built, installed.
if run_make -s -C "$BUILDDIR" distdir distdir="$src" >"$tmp/log" 2>&1 &&
	(cd "$src" && ./configure -q -C --prefix="$tmp/p1" && run_make -s -j2 && run_make -s install) \
	>>"$tmp/log" 2>&1; then
	ok 8 "a copy of the sources configured with --prefix=P1, built and installed"
else
	not_ok 8 "a copy of the sources configured with --prefix=P1, built and installed"
fi

# 9: P1's program finds its plugins and profiles by itself.
check_draft 9 "P1/bin/stmtlint, run from another folder, finds its plugins and profiles" \
	"$tmp/p1/bin/stmtlint"

# 10: the same tree reconfigured with --prefix=P2, rebuilt, installed.
if (cd "$src" && ./configure -q -C --prefix="$tmp/p2" && run_make -s -j2 && run_make -s install) \
	>"$tmp/log" 2>&1; then
	ok 10 "the same tree reconfigured with --prefix=P2, rebuilt and installed"
else
	not_ok 10 "the same tree reconfigured with --prefix=P2, rebuilt and installed"
fi

# 11: P2's program does not look in P1.
rm -rf "$tmp/p1"
check_draft 11 "P2/bin/stmtlint works with P1 deleted" "$tmp/p2/bin/stmtlint"

# 12: and lists its plugins.
if list_rules "$tmp/p2/bin/stmtlint" && [ "$(cat "$tmp/plugins")" = "brackets dates principles structure typography" ]; then
	ok 12 "P2/bin/stmtlint --list-rules lists every plugin"
else
	cat "$tmp/rules" >>"$tmp/log"
	not_ok 12 "P2/bin/stmtlint --list-rules lists every plugin"
fi
echo "# (b) took $(($(date +%s) - started)) s"

exit $failed
