#!/bin/sh
# golden-update-refused.sh - GOLDEN_UPDATE makes the golden tests rewrite
# their expected output before comparing, so every one passes: .ci/run
# refuses to run with it set, and golden-tests.sh refuses it when CI is set.
# Each is run on a copy (.ci/run in an empty folder, where it could do
# nothing else; the golden tests on a copy of tests/golden with one expected
# output made wrong), so that a refusal taken out fails here and harms
# nothing.  Prints TAP.
: "${STMTLINT:?}" "${SRCDIR:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

echo "1..5"

# refused N NAME STATUS OUTPUT: test N passes when the command that exited
# with STATUS and wrote OUTPUT refused, saying that GOLDEN_UPDATE is set.
refused() {
	if [ "$3" -ne 0 ] && grep -q 'GOLDEN_UPDATE is set' "$4"; then
		echo "ok $1 - $2"
	else
		echo "not ok $1 - $2 (exit $3)"
		sed 's/^/# /' "$4" | head -5
	fi
}

mkdir -p "$tmp/ci/.ci"
cp "$SRCDIR/.ci/run" "$tmp/ci/.ci/run"
GOLDEN_UPDATE=1 "$tmp/ci/.ci/run" >"$tmp/ci.out" 2>&1
refused 1 ".ci/run refuses to run with GOLDEN_UPDATE set" $? "$tmp/ci.out"

# A copy of the golden tests of one rule, with one expected output wrong.
mkdir -p "$tmp/src/tests/golden"
cp -R "$SRCDIR/tests/golden/structure" "$tmp/src/tests/golden/"
cp "$SRCDIR/tests/golden-tests.sh" "$tmp/src/tests/"
chmod -R u+w "$tmp/src"   # make distcheck's source tree is read-only
echo "wrong" >>"$tmp/src/tests/golden/structure/bullets.out"
cp "$tmp/src/tests/golden/structure/bullets.out" "$tmp/wrong.out"

CI=true GOLDEN_UPDATE=1 SRCDIR="$tmp/src" sh "$tmp/src/tests/golden-tests.sh" >"$tmp/golden.out" 2>&1
refused 2 "golden-tests.sh refuses GOLDEN_UPDATE under CI" $? "$tmp/golden.out"
if cmp -s "$tmp/wrong.out" "$tmp/src/tests/golden/structure/bullets.out"; then
	echo "ok 3 - ... and rewrites no expected output"
else
	echo "not ok 3 - ... and rewrites no expected output"
fi

# Without CI the update still works, and the wrong output is rewritten.
unset CI
GOLDEN_UPDATE=1 SRCDIR="$tmp/src" GOLDEN_RULE=structure \
	sh "$tmp/src/tests/golden-tests.sh" >"$tmp/update.out" 2>&1
status=$?
if [ $status -eq 0 ]; then
	echo "ok 4 - outside CI, GOLDEN_UPDATE rewrites the expected output"
else
	echo "not ok 4 - outside CI, GOLDEN_UPDATE rewrites the expected output (exit $status)"
fi
if cmp -s "$SRCDIR/tests/golden/structure/bullets.out" "$tmp/src/tests/golden/structure/bullets.out"; then
	echo "ok 5 - ... back to what stmtlint prints"
else
	echo "not ok 5 - ... back to what stmtlint prints"
fi
