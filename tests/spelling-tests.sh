#!/bin/sh
# spelling-tests.sh - the spelling plugin beyond its goldens: the word meant
# comes first among the suggestions for at least 90 % of the misspellings of
# tests/spelling/misspellings.tsv; a language without a dictionary is one
# error naming the language and the folders searched (exit 2); DICPATH is
# searched first; en_US and en-US are one language; the reference draft
# with its profile has no spelling warning.  Prints TAP.
: "${STMTLINT:?}" "${SRCDIR:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
mkdir .git
echo "1..9"
n=0
failed=0
# check DESCRIPTION COMMAND...: one TAP line for whether COMMAND succeeds.
check() {
	what=$1
	shift
	n=$((n + 1))
	if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; failed=1; fi
}

# The share of misspellings whose first suggestion is the word meant (%).
min_percent=90

# ---- suggestions ----------------------------------------------------------------
# Hunspell's suggestions take tens of milliseconds a word: 77 of them under
# valgrind take many minutes, and their ranking does not depend on it.
if [ -n "$STMTLINT_UNDER_VALGRIND" ]; then
	n=1
	echo "ok 1 # SKIP too slow under valgrind"
else
list=$SRCDIR/tests/spelling/misspellings.tsv
# Drafts of 25 misspellings (the plugin works out suggestions for 50 words
# of a draft), each on its own line from line 3, checked by one process.
grep -v '^#' "$list" >pairs.tsv
split -l 25 -d pairs.tsv part-
for part in part-*; do
	{ printf '# Joint Statement\n\n'; cut -f1 "$part" | sed 's/.*/We saw & today./'; } >"$part.md"
done
printf 'rules: {structure: off, dates: off}\n' >.stmtlint.yaml
"$STMTLINT" --format=json --time-limit=3600 part-*.md >words.json 2>err
# FILE<TAB>LINE<TAB>first suggestion, from the message of each finding
jq -r '.files[] | .path as $p | .diagnostics[] | select(.rule | startswith("spelling")) |
	[$p, .line, (.message | capture("(did you mean|run together:) .(?<s>[^'"'"']*)'"'"'").s // "")] | @tsv' \
	words.json >first.tsv 2>>err
for part in part-*[0-9]; do
	line=3
	while IFS='	' read -r wrong meant; do
		got=$(awk -F'\t' -v f="$part.md" -v l="$line" '$1 == f && $2 == l { print $3; exit }' first.tsv)
		if [ "$got" = "$meant" ]; then echo "hit"; else echo "miss $wrong: '$got', not '$meant'"; fi
		line=$((line + 1))
	done <"$part"
done >results
total=$(grep -c . results)
hits=$(grep -c '^hit$' results)
grep '^miss' results | sed 's/^/# /'
check "the word meant is the first suggestion for $hits of $total misspellings (>= $min_percent %)" \
	test "$total" -ge 60 -a $((hits * 100)) -ge $((total * min_percent))
fi

# ---- languages and dictionaries --------------------------------------------------
printf '# Joint Statement\n\nThe goverment and the colour.\n' >lang.md
printf 'language: xx-YY\n' >.stmtlint.yaml
"$STMTLINT" --color=never lang.md >out 2>&1
check "a language without a dictionary stops the check, exit 2" test $? -eq 2
check "... naming the language, its files and the folders searched" \
	grep -q "no Hunspell dictionary for language 'xx-YY': xx_YY.aff and xx_YY.dic are in none of .*/usr/share/hunspell" out
mkdir dicts
cp /usr/share/hunspell/en_US.aff dicts/xx_YY.aff && cp /usr/share/hunspell/en_US.dic dicts/xx_YY.dic
DICPATH=$tmp/nowhere:$tmp/dicts "$STMTLINT" --color=never lang.md >out 2>&1
check "DICPATH's folders are searched first" grep -q "unknown word 'goverment'" out
printf 'language: en_US\n' >.stmtlint.yaml
"$STMTLINT" --color=never lang.md >out_us 2>&1
printf 'language: en-US\n' >.stmtlint.yaml
"$STMTLINT" --color=never lang.md >out_dash 2>&1
check "en_US and en-US are one language" cmp -s out_us out_dash
check "... in which 'colour' is unknown" grep -q "unknown word 'colour'; did you mean 'color'" out_us
printf 'language: en\n' >.stmtlint.yaml
"$STMTLINT" --color=never lang.md >out 2>&1
check "under en, 'colour' is a word" sh -c "! grep -q \"unknown word 'colour'\" out"

# ---- the reference draft -------------------------------------------------------------
reference=${STMTLINT_CORPUS:-$SRCDIR/../shared/corpus}/reference-statement.txt
if [ -f "$reference" ]; then
	"$STMTLINT" --format=json -p us-japan-internet-economy "$reference" >ref.json 2>/dev/null
	count=$(jq '[.files[0].diagnostics[] | select((.rule | startswith("spelling")) and .severity != "note")] | length' ref.json)
	check "the reference draft with its profile has no spelling warning ($count)" test "$count" = 0
	# misspellings made in a copy of it: a dropped, a doubled, a swapped and a
	# wrong letter, and two words run together; each is a spelling finding
	# at its line and column whose fix-it is the word meant
	cp "$reference" copy.txt
	sed -i '13s/and recognized the need/and recognzed the need/; 9s/to improve/to improove/' copy.txt
	sed -i '9s/quality of life/qaulity of life/; 9s/stimulates economic/stimulates econimic/' copy.txt
	sed -i '13s/of best practices/of bestpractices/' copy.txt
	"$STMTLINT" --format=json -p us-japan-internet-economy copy.txt >copy.json 2>/dev/null
	missing=""
	for want in recognzed:recognized improove:improve qaulity:quality econimic:economic \
		bestpractices:"best practices"; do
		bad=${want%%:*}
		meant=${want#*:}
		line=$(grep -n "$bad" copy.txt | head -n 1 | cut -d: -f1)
		col=$(($(sed -n "${line}p" copy.txt | awk -v w="$bad" '{ print index($0, w) }')))
		jq -e --argjson l "$line" --argjson c "$col" --arg m "$meant" \
			'[.files[0].diagnostics[] | select((.rule | startswith("spelling")) and
			  .line == $l and .column == $c and .fixes[0].replacement == $m)] | length == 1' \
			copy.json >/dev/null || missing="$missing $bad@$line:$col"
	done
	check "misspellings made in a copy of the reference draft: each at its place, the word meant as fix-it${missing:+ (not:$missing)}" \
		test -z "$missing"
else
	echo "ok 8 # SKIP no reference draft ($reference)"
	echo "ok 9 # SKIP no reference draft ($reference)"
fi
exit $failed
