#!/bin/sh
# golden-tests.sh - runs stmtlint on every tests/golden/RULE/NAME.txt or NAME.md and
# compares its output, followed by "exit N", with NAME.out beside it.
# Each folder's .stmtlint.yaml chooses the profile and rules for its drafts.
# A NAME.args beside a draft runs it once per line of that file, with the
# line's words as options before the draft's name; NAME.out then holds each
# run's output after a "# args: LINE" line.
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
	args="$dir/${name%.*}.args"
	(
		cd "$dir" || exit 99
		if [ -f "$args" ]; then
			while IFS= read -r line; do
				echo "# args: $line"
				# shellcheck disable=SC2086 # the line's words are the options
				"$STMTLINT" --color=never -q $line "$name" </dev/null
				echo "exit $?"
			done <"$args"
		else
			"$STMTLINT" --color=never -q "$name"
			echo "exit $?"
		fi
	) >"$tmp/actual" 2>"$tmp/stderr"
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
