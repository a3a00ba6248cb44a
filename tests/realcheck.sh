#!/bin/sh
# realcheck.sh - stmtlint on the published statements in ../shared/corpus/real
# through ../shared/tools/realcheck: every label of their LABELS.tsv must
# hold, and the warnings and errors of all plugins together must stay at or
# under 0.05 per 1,000 words (the statements were reviewed before release:
# almost anything found there is a false alarm; tests/corpus/REAL-FINDINGS.md
# reads every one that is left).  The statements are found beside the
# source tree, or through $STMTLINT_CORPUS (the folder holding real/, as
# for tests/corpus-tests.sh).  Skips when the statements, the tool or
# python3 are absent.  Prints TAP.
: "${STMTLINT:?}" "${SRCDIR:?}"
corpus=${STMTLINT_CORPUS:-$SRCDIR/../shared/corpus}
real=$corpus/real
tool=$corpus/../tools/realcheck
# The most warnings and errors per 1,000 words of published statements.
max_rate=0.05
echo "1..2"
if [ ! -f "$real/LABELS.tsv" ] || [ ! -f "$tool" ] || ! command -v python3 >/dev/null 2>&1; then
	echo "ok 1 # SKIP no published statements, realcheck or python3 (looked in $real)"
	echo "ok 2 # SKIP no published statements, realcheck or python3"
	exit 0
fi
# 81 statements under valgrind take minutes; the labels do not depend on it.
if [ -n "$STMTLINT_UNDER_VALGRIND" ]; then
	echo "ok 1 # SKIP too slow under valgrind"
	echo "ok 2 # SKIP too slow under valgrind"
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
rate=$(printf '%s\n' "$out" | sed -n 's/^warnings + errors: [0-9]* = \([0-9.]*\) per 1,000 words$/\1/p')
if [ -n "$rate" ] && awk -v r="$rate" -v m="$max_rate" 'BEGIN { exit !(r <= m) }'; then
	echo "ok 2 - $rate warnings and errors per 1,000 words of published statements (at most $max_rate)"
else
	echo "not ok 2 - ${rate:-no} warnings and errors per 1,000 words of published statements (at most $max_rate)"
	printf '%s\n' "$out" | sed -n '/^every warning/,$p' | sed 's/^/# /' | head -60
fi
