#!/bin/sh
# corpus-tests.sh - stmtlint on the project's reference drafts in ../shared/corpus:
# the findings the reference draft really has, at their lines, and none on
# the clean statement; the whole JSON document of the reference draft.
# Expected outputs are tests/corpus/*.out.  Prints TAP.
: "${STMTLINT:?}" "${SRCDIR:?}"
corpus=${STMTLINT_CORPUS:-$SRCDIR/../shared/corpus}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
echo "1..7"
if [ ! -f "$corpus/reference-statement.txt" ]; then
	for i in 1 2 3 4 5 6 7; do echo "ok $i # SKIP no corpus at $corpus"; done
	exit 0
fi

i=0
# compare NAME ARGS...: runs stmtlint in the corpus folder, compares with tests/corpus/NAME.out
compare() {
	name=$1
	shift
	i=$((i + 1))
	(cd "$corpus" && "$STMTLINT" --color=never -q "$@"; echo "exit $?") >"$tmp/out" 2>"$tmp/err"
	[ -n "$GOLDEN_UPDATE" ] && cp "$tmp/out" "$SRCDIR/tests/corpus/$name.out"
	if cmp -s "$SRCDIR/tests/corpus/$name.out" "$tmp/out"; then
		echo "ok $i - $name"
	else
		echo "not ok $i - $name"
		diff -u "$SRCDIR/tests/corpus/$name.out" "$tmp/out" | sed 's/^/# /'
		sed 's/^/# stderr: /' "$tmp/err"
	fi
}

compare reference-default --fail-on=warning reference-statement.txt
compare reference-us-japan --fail-on=warning --profile us-japan-internet-economy reference-statement.txt
compare clean-default --fail-on=note clean-statement.md
# The JSON contract, compared whole: positions in every unit, end positions,
# byte offsets, notes, fixes with their titles and whether they apply.
compare reference-json --fail-on=warning --format=json --profile us-japan-internet-economy \
	reference-statement.txt

i=$((i + 1))
if ! (cd "$corpus" && "$STMTLINT" -q --format=json reference-statement.txt) >"$tmp/json"; then
	echo "not ok $i - json exit status (expected 0 at fail-on=error)"
elif jq -e '.version == 1 and (.files | length) == 1 and .summary.warnings == (.files[0].diagnostics | map(select(.severity == "warning")) | length) and all(.files[0].diagnostics[]; .line >= 1 and .column >= 1 and .end_line >= .line)' "$tmp/json" >/dev/null; then
	echo "ok $i - json output parses and agrees with its summary"
else
	echo "not ok $i - json output"
	sed 's/^/# /' "$tmp/json" | head -40
fi

i=$((i + 1))
if (cd "$corpus" && "$STMTLINT" -q --profile us-japan-internet-economy reference-statement.txt) | grep -q '\[principles'; then
	echo "not ok $i - the reference draft has no principles finding"
else
	echo "ok $i - the reference draft has no principles finding"
fi

i=$((i + 1))
# The same draft with CRLF line ends gives the same findings at the same places.
tr -d '\r' <"$corpus/reference-statement.txt" | sed 's/$/\r/' >"$tmp/crlf.txt"
cp "$corpus/reference-statement.txt" "$tmp/lf.txt"
(cd "$tmp" && "$STMTLINT" --color=never -q --format=json crlf.txt | jq -c '.files[0].diagnostics[] | [.rule, .line, .column, .end_column, .message]') >"$tmp/a" 2>/dev/null
(cd "$tmp" && "$STMTLINT" --color=never -q --format=json lf.txt | jq -c '.files[0].diagnostics[] | [.rule, .line, .column, .end_column, .message]') >"$tmp/b" 2>/dev/null
if [ -s "$tmp/b" ] && cmp -s "$tmp/a" "$tmp/b"; then
	echo "ok $i - CRLF line ends give the same findings"
else
	echo "not ok $i - CRLF line ends give the same findings"
	diff "$tmp/b" "$tmp/a" | sed 's/^/# /'
fi
