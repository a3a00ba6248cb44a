#!/bin/bash
# plugin-faults.sh - a plugin that crashes, aborts, calls exit(0) or never
# returns is reported by name with the draft it was checking, exit status
# 2, and the run goes on: the other plugins check that draft, and the next
# draft is checked without the faulty plugin (and says so).  Also the
# command line's own hostile cases: output that cannot be written, bad
# numbers, standard input named twice.  Prints TAP.
: "${STMTLINT:?}" "${BUILDDIR:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99

mkdir plugins
cp "$BUILDDIR/tests/plugins/.libs/misbehave.so" plugins/
draft='Joint Statement

June 9, 2011

1. Cooperation:

- Sharing information.
• Sharing more information.
'
printf '%s\nMISBEHAVE here.\n' "$draft" >a.txt
printf '%s' "$draft" >b.txt

n=0
echo "1..19"
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' out | head -20; }

# fault KIND PHRASE [ARGS]: runs a.txt and b.txt with the plugin doing KIND.
fault() {
	kind=$1 phrase=$2
	shift 2
	# AddressSanitizer takes SIGSEGV for itself unless told to leave it to us.
	# The spelling plugin is off: loading its dictionary under a sanitizer
	# takes longer than the hang case's 0.5 s limit.
	STMTLINT_TEST_MISBEHAVE=$kind \
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0:handle_abort=0:allow_user_segv_handler=1" \
	timeout 60 "$STMTLINT" --color=never --plugin-dir plugins \
		--enable misbehave --disable spelling "$@" a.txt b.txt >out 2>&1
	status=$?
	if [ $status = 2 ] &&
	   grep -qxF "a.txt: error: internal error: plugin 'misbehave' (plugins/misbehave.so) $phrase while checking this draft; its findings on it are incomplete and it is left out of the rest of the run [plugin]" out; then
		ok "$kind: reported naming the plugin and the draft, exit 2"
	else
		not_ok "$kind: reported naming the plugin and the draft, exit 2 (exit $status)"
	fi
	if grep -q '^a.txt:8:1: warning: bullet' out && grep -q '^b.txt:8:1: warning: bullet' out &&
	   grep -q "^b.txt: error: not checked by plugin 'misbehave', which was left out after it failed on an earlier draft \[plugin\]$" out; then
		ok "$kind: the other plugins still check both drafts"
	else
		not_ok "$kind: the other plugins still check both drafts"
	fi
}

if [ -n "${STMTLINT_UNDER_VALGRIND:-}" ]; then
	# valgrind counts the null write as a memory error of its own
	ok "segv: # SKIP under valgrind"
	ok "segv: # SKIP under valgrind"
else
	fault segv 'crashed (signal 11, Segmentation fault)'
fi
fault abort 'crashed (signal 6, Aborted)'
fault exit 'called exit(0)'
start=$(date +%s%N)
fault hang 'ran past its time limit of 500 ms' --time-limit=0.5
elapsed=$((($(date +%s%N) - start) / 1000000))
if [ $elapsed -lt 20000 ]; then ok "hang: stopped after ${elapsed} ms"; else not_ok "hang: took ${elapsed} ms"; fi

# ---- the command line ------------------------------------------------------------
# run NAME EXPECTED-STATUS PATTERN ARGS...
run() {
	name=$1 want=$2 pattern=$3
	shift 3
	"$STMTLINT" --color=never "$@" >out 2>&1
	got=$?
	if [ "$got" = "$want" ] && grep -Eq -- "$pattern" out; then ok "$name"; else not_ok "$name (exit $got)"; fi
}
# to_full NAME ARGS...: standard output is /dev/full
to_full() {
	name=$1
	shift
	"$STMTLINT" --color=never "$@" >/dev/full 2>err
	got=$?
	cp err out
	if [ $got = 2 ] && grep -q '^stmtlint: error: cannot write to standard output: No space left on device$' err; then
		ok "$name"
	else
		not_ok "$name (exit $got)"
	fi
}
to_full "findings to a full disk: exit 2" b.txt
to_full "--help to a full disk: exit 2" --help
to_full "--version to a full disk: exit 2" --version
to_full "--list-rules to a full disk: exit 2" --list-rules
"$STMTLINT" --color=never b.txt >&- 2>out
got=$?
if [ -n "${STMTLINT_UNDER_VALGRIND:-}" ]; then
	# valgrind opens its own files first, and one takes the closed descriptor
	ok "a closed standard output: # SKIP under valgrind"
elif [ $got = 2 ] && grep -q '^stmtlint: error: cannot write to standard output: it is closed$' out; then
	ok "a closed standard output: exit 2"
else
	not_ok "a closed standard output: exit 2 (exit $got)"
fi
run "--max-file-size=-1 is a usage error" 2 "^stmtlint: error: --max-file-size takes a number of bytes from 1 to" --max-file-size=-1 b.txt
run "an overflowing --max-file-size is a usage error" 2 "^stmtlint: error: --max-file-size takes" --max-file-size=99999999999999999999999 b.txt
run "--time-limit=abc is a usage error" 2 "^stmtlint: error: --time-limit takes seconds" --time-limit=abc b.txt
run "--config - says why it cannot be" 2 "^stmtlint: error: --config takes a file; standard input \('-'\) is for a draft$" --config - b.txt
run "standard input named twice" 2 "^stmtlint: error: standard input \('-'\) is named more than once; it can be read only once$" - -
