#!/bin/sh
# agencies-reference.sh - the agencies plugin on the reference draft
# (../shared/corpus/reference-statement.txt): nothing on the draft as it is,
# whose names are all right; and each kind of defect, made in a copy of it,
# reported at its line.  Prints TAP; skips when the corpus is absent.
: "${STMTLINT:?}" "${SRCDIR:?}"
corpus=${STMTLINT_CORPUS:-$SRCDIR/../shared/corpus}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
n=6
echo "1..$n"
if [ ! -f "$corpus/reference-statement.txt" ]; then
	i=0
	while [ $i -lt $n ]; do i=$((i + 1)); echo "ok $i # SKIP no corpus at $corpus"; done
	exit 0
fi
i=0
# findings FILE: the agencies findings of FILE as "RULE LINE" lines, or
# "not checked" when stmtlint could not check it.
findings() {
	(cd "$tmp" && "$STMTLINT" --format=json --disable structure --disable dates "$1" 2>/dev/null) |
		jq -r 'if .summary.files != 1 then "not checked" else
		       (.files[0].diagnostics[] | select(.rule | startswith("agencies")) |
		        "\(.rule) \(.line)") end'
}
# check NAME EXPECTED FILE: ok when the findings of FILE are EXPECTED.
check() {
	i=$((i + 1))
	got=$(findings "$3")
	if [ "$got" = "$2" ]; then
		echo "ok $i - $1"
	else
		echo "not ok $i - $1"
		printf '# expected: %s\n# got: %s\n' "$2" "$got"
	fi
}

cp "$corpus/reference-statement.txt" "$tmp/as-is.txt"
check "the reference draft: no agencies finding" "" as-is.txt

sed '7s/Ministry of Internal Affairs and Communications/Ministry of Internal Affairs and Communication/' \
	"$corpus/reference-statement.txt" >"$tmp/misspelt.txt"
check "a misspelt ministry is a variant at line 7" "agencies/variant 7" misspelt.txt

sed '7s/National Institute of Standards and Technology/National Institute of Standard and Technology/' \
	"$corpus/reference-statement.txt" >"$tmp/nist.txt"
check "a misspelt institute after a possessive is a variant at line 7" "agencies/variant 7" nist.txt

sed '13s/the OECD, and the ITU/the Organization for Economic Cooperation and Development, and the ITU/' \
	"$corpus/reference-statement.txt" >"$tmp/oecd.txt"
check "the OECD in American spelling is a variant at line 13" "agencies/variant 13" oecd.txt

sed '7s/the Ministry of Economy, Trade and Industry/the Ministry of International Trade and Industry/' \
	"$corpus/reference-statement.txt" >"$tmp/former.txt"
check "a name changed in 2001, in a draft of 2011, is a former name at line 7" \
	"agencies/former 7" former.txt

sed '58s/as well as in other bilateral fora/as well as in the Department of State'"'"'s bilateral fora/; 7s/the Department of State/the State Department/' \
	"$corpus/reference-statement.txt" >"$tmp/two-ways.txt"
check "one body named two ways: the way used once, the first, at line 7" \
	"agencies/inconsistent 7" two-ways.txt
