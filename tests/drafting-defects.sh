#!/bin/sh
# drafting-defects.sh - the brackets and typography plugins on the reference
# draft (../shared/corpus/reference-statement.txt): none of their findings
# on the draft as it is (no brackets finding, no typography warning or
# error), and each defect of issue 16 made in a copy of it reported at its
# line and column with the plugin's rule id.  Skips when the draft is
# absent.  Prints TAP.
: "${STMTLINT:?}" "${SRCDIR:?}"
corpus=${STMTLINT_CORPUS:-$SRCDIR/../shared/corpus}
reference=$corpus/reference-statement.txt
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
total=11
echo "1..$total"
if [ ! -f "$reference" ] || ! command -v jq >/dev/null 2>&1; then
	i=1; while [ $i -le $total ]; do echo "ok $i # SKIP no reference draft at $reference, or no jq"; i=$((i + 1)); done
	exit 0
fi
i=0

# findings FILE: the draft's findings as "RULE LINE COLUMN SEVERITY" lines.
findings() {
	(cd "$tmp" && "$STMTLINT" -q --format=json "$1") |
		jq -r '.files[0].diagnostics[] | "\(.rule) \(.line) \(.column) \(.severity)"'
}

i=$((i + 1))
cp "$reference" "$tmp/reference.txt"
findings reference.txt >"$tmp/clean"
if grep -q '^brackets' "$tmp/clean"; then
	echo "not ok $i - the reference draft has no brackets finding"
	grep '^brackets' "$tmp/clean" | sed 's/^/# /'
else
	echo "ok $i - the reference draft has no brackets finding"
fi
i=$((i + 1))
if grep -E -q '^typography[^ ]* [0-9]+ [0-9]+ (warning|error)$' "$tmp/clean"; then
	echo "not ok $i - the reference draft has no typography warning or error"
	grep '^typography' "$tmp/clean" | sed 's/^/# /'
else
	echo "ok $i - the reference draft has no typography warning or error"
fi

# plant NAME LINE OLD NEW MARK RULE [SKIP]: replaces the first OLD of line
# LINE of the reference with NEW ("\n" starts a new line) and expects a
# finding of RULE (a plugin or PLUGIN/CHECK) where MARK starts in that line
# (SKIP characters after it).  The lines used hold only ASCII before the
# defect, so a byte is a column.
plant() {
	name=$1 line=$2 old=$3 new=$4 mark=$5 rule=$6 skip=${7:-0}
	i=$((i + 1))
	LC_ALL=C awk -v l="$line" -v old="$old" -v new="$new" '
		NR == l { k = index($0, old); if (k == 0) exit 3
		          $0 = substr($0, 1, k - 1) new substr($0, k + length(old)) }
		{ print }' "$reference" >"$tmp/$name.txt" || {
		echo "not ok $i - $name: '$old' is not in line $line of the reference draft"
		return
	}
	column=$(sed -n "${line}p" "$tmp/$name.txt" | LC_ALL=C awk -v m="$mark" -v s="$skip" '{ print index($0, m) + s }')
	findings "$name.txt" >"$tmp/found"
	if awk -v r="$rule" -v l="$line" -v c="$column" '
		($1 == r || index($1, r "/") == 1) && $2 == l && $3 == c { hit = 1 }
		END { exit !hit }' "$tmp/found"; then
		echo "ok $i - $name: $rule at $line:$column"
	else
		echo "not ok $i - $name: no $rule finding at $line:$column"
		grep -E '^(brackets|typography)' "$tmp/found" | sed 's/^/# /'
	fi
}

plant bracketed-phrase 23 'The participants shared views' \
	'The participants [shared views]' '[shared' brackets
plant delegation 38 'cloud services.' 'cloud services [Japan: delete].' '[Japan' brackets
plant two-lines 13 'participants exchanged views regarding' \
	'[participants exchanged\nviews] regarding' '[participants' brackets
plant link 42 'research and development' 'research and development (see [LINK])' '[LINK]' \
	brackets/placeholder
plant tbd 33 'in the following areas' 'in TBD areas' 'TBD' brackets/placeholder
plant xx 7 'On June 9 and 10' 'On June XX and 10' 'XX' brackets/placeholder
plant doubled-word 17 'such as the dissemination' 'such as the\nthe dissemination' \
	'such as the' typography/repeated-word 8
plant space-before-semicolon 19 'commercial networks;' 'commercial networks ;' ' ;' \
	typography/space-before
plant unbalanced-parenthesis 27 ', in order to allow' ', (in order to allow' '(in' \
	typography/unbalanced
