#!/bin/sh
# realcheck.sh - stmtlint on the published statements in ../shared/corpus/real
# through ../shared/tools/realcheck: every label of their LABELS.tsv must
# hold, and the warnings and errors of each group of plugins must stay at or
# under its bar in tests/corpus/real-bars.tsv (the statements were reviewed before release:
# almost anything found there is a false alarm; tests/corpus/REAL-FINDINGS.md
# reads every one that is left).  The statements are found beside the
# source tree, or through $STMTLINT_CORPUS (the folder holding real/, as
# for tests/corpus-tests.sh).  Skips when the statements, the tool or
# python3 are absent.  Prints TAP.
: "${STMTLINT:?}" "${SRCDIR:?}"
corpus=${STMTLINT_CORPUS:-$SRCDIR/../shared/corpus}
real=$corpus/real
tool=$corpus/../tools/realcheck
# The bars per group of plugins: tests/corpus/real-bars.tsv.
bars=$SRCDIR/tests/corpus/real-bars.tsv
groups=$(grep -v '^#' "$bars" | grep -c .)
echo "1..$((groups + 1))"
if [ ! -f "$real/LABELS.tsv" ] || [ ! -f "$tool" ] || ! command -v python3 >/dev/null 2>&1; then
	echo "ok 1 # SKIP no published statements, realcheck or python3 (looked in $real)"
	i=2; while [ $i -le $((groups + 1)) ]; do echo "ok $i # SKIP no published statements, realcheck or python3"; i=$((i + 1)); done
	exit 0
fi
# 81 statements under valgrind take minutes; the labels do not depend on it.
if [ -n "$STMTLINT_UNDER_VALGRIND" ]; then
	i=1; while [ $i -le $((groups + 1)) ]; do echo "ok $i # SKIP too slow under valgrind"; i=$((i + 1)); done
	exit 0
fi
out=$(python3 "$tool" "$STMTLINT" "$real" 2>&1)
status=$?
if [ $status -eq 0 ]; then
	echo "ok 1 - the labels of the published statements hold"
else
	echo "not ok 1 - realcheck exit $status: a label of the published statements fails"
	printf '%s\n' "$out" | sed 's/^/# /'
fi
n=1
grep -v '^#' "$bars" | grep . | while IFS='	' read -r rules max_rate; do
	n=$((n + 1))
	out=$(python3 "$tool" --rules="$rules" "$STMTLINT" "$real" 2>&1)
	rate=$(printf '%s\n' "$out" | sed -n 's/^warnings + errors: [0-9]* = \([0-9.]*\) per 1,000 words.*$/\1/p')
	if [ -n "$rate" ] && awk -v r="$rate" -v m="$max_rate" 'BEGIN { exit !(r <= m) }'; then
		echo "ok $n - $rules: $rate warnings and errors per 1,000 words of published statements (at most $max_rate)"
	else
		echo "not ok $n - $rules: ${rate:-no} warnings and errors per 1,000 words of published statements (at most $max_rate)"
		printf '%s\n' "$out" | sed -n '/^every warning/,$p' | sed 's/^/# /' | head -60
	fi
done
