#!/bin/sh
# golden-tests.sh - runs stmtlint on every tests/golden/RULE/NAME.txt or NAME.md and
# compares its output, followed by "exit N", with NAME.out beside it.
# Each folder's .stmtlint.yaml chooses the profile and rules for its drafts.
# Prints TAP.  Set GOLDEN_UPDATE=1 to rewrite the .out files (then review the
# diff); never in CI (CI set), where it would make every test pass.
# GOLDEN_RULE=NAME limits the run to tests/golden/NAME.
: "${STMTLINT:?}" "${SRCDIR:?}"
if [ -n "$GOLDEN_UPDATE" ] && [ -n "$CI" ]; then
	echo "Bail out! GOLDEN_UPDATE is set under CI: the expected output would be rewritten" \
		"before the comparison"
	echo "golden-tests.sh: error: GOLDEN_UPDATE is set under CI (CI=$CI); unset it" >&2
	exit 99
fi
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

n=0
for draft in "$SRCDIR"/tests/golden/${GOLDEN_RULE:-*}/*.txt "$SRCDIR"/tests/golden/${GOLDEN_RULE:-*}/*.md; do
	[ -f "$draft" ] && n=$((n + 1))
done
echo "1..$n"
i=0
for draft in "$SRCDIR"/tests/golden/${GOLDEN_RULE:-*}/*.txt "$SRCDIR"/tests/golden/${GOLDEN_RULE:-*}/*.md; do
	[ -f "$draft" ] || continue
	i=$((i + 1))
	dir=$(dirname "$draft")
	name=$(basename "$draft")
	expected="$dir/${name%.*}.out"
	label="$(basename "$dir")/$name"
	(cd "$dir" && "$STMTLINT" --color=never -q "$name"; echo "exit $?") >"$tmp/actual" 2>"$tmp/stderr"
	if [ -n "$GOLDEN_UPDATE" ]; then
		cp "$tmp/actual" "$expected"
	fi
	if [ ! -f "$expected" ]; then
		echo "not ok $i - $label (no ${name%.*}.out)"
	elif cmp -s "$expected" "$tmp/actual"; then
		echo "ok $i - $label"
	else
		echo "not ok $i - $label"
		diff -u "$expected" "$tmp/actual" | sed 's/^/# /'
		sed 's/^/# stderr: /' "$tmp/stderr"
	fi
done
