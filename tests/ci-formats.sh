#!/bin/bash
# ci-formats.sh - the CI gate's outputs and many files (issue 14): SARIF
# 2.1.0 valid against the schema in ../shared/schemas (or $SARIF_SCHEMA)
# with Debian's python3-jsonschema (skipped when either is absent), with
# fingerprints that survive a shifted draft and errors as tool execution
# notifications;
# GitHub annotation lines in the documented syntax with GitHub's escaping;
# file names with spaces, colons, commas, newlines and bytes that are not
# UTF-8 in both; --fail-on=warning in every format; -j 2 output equal to
# -j 1 on a folder of 1,000 drafts in every format; --exclude and ignore:
# (a file named is still checked); the progress line on a terminal only.
# Prints TAP.
: "${STMTLINT:?}" "${SRCDIR:?}"
# The schema beside the shared corpus: ../shared from the source tree, or
# next to $STMTLINT_CORPUS (a tree elsewhere, as .ci/run's sanitizer build).
shared=$SRCDIR/../shared
if [ -n "${STMTLINT_CORPUS:-}" ]; then
	shared=$STMTLINT_CORPUS/..
fi
schema=${SARIF_SCHEMA:-$shared/schemas/sarif-schema-2.1.0.json}
schema=$(cd "$(dirname "$schema")" 2>/dev/null && pwd)/$(basename "$schema")
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
failed=0
n=0
# shellcheck source=tests/tap.sh
. "$SRCDIR/tests/tap.sh"
echo "1..15"

lint() {
	"$STMTLINT" --color=never "$@"
}
# jq_true FILE FILTER: FILE is not empty and FILTER is true of it.
jq_true() {
	[ -s "$1" ] && jq -e "$2" "$1"
}

# The schema validator: Debian's python3-jsonschema, Draft 4 as the schema says.
python=$(python_with jsonschema)
# validate FILE: validates a SARIF log against the schema.
validate() {
	"$python" - "$schema" "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
jsonschema.Draft4Validator(schema).validate(log)
PY
}

# A draft with errors, warnings, notes (a mixed bullet) and fixes.
draft() {
	printf 'Joint Statement\n\nJune 9, 2011\n\n%sOn Friday, June 9, 2011, we met on October 3rd, 2011.\n\n' "$1"
	printf -- '- We agree.\n\xe2\x80\xa2 We will work.\n'
}
draft '' >draft.txt
draft $'An added paragraph.\n\nAnother one.\n\n' >shifted.txt
weird=$'we ird:a,b\nc\377.txt'
cp draft.txt "$weird"
mkdir broken
printf 'rules: [\n' >broken/.stmtlint.yaml
cp draft.txt broken/x.txt

lint -q -f sarif draft.txt "$weird" broken/x.txt >sarif.json 2>log
status=$?
if [ ! -r "$schema" ] || [ -z "$python" ]; then
	skip_next "no SARIF schema ($schema) or no python3-jsonschema"
	skip_next "no SARIF schema or no python3-jsonschema"
else
	validate sarif.json >>log 2>&1
	result "SARIF output is valid SARIF 2.1.0 (findings, fixes, notes, odd names, errors)" \
		$(( $? != 0 || status != 2 ))
	lint -q -f sarif --enable=nonexistent draft.txt >sarif2.json 2>log
	validate sarif2.json >>log 2>&1
	result "... also when the configuration fails" $?
fi
jq_true sarif.json '.runs[0].tool.driver | .name == "stmtlint" and (.version | length > 0) and
	(.rules | map(.id) | index("dates/weekday") != null) and
	(.rules[] | select(.id == "dates/weekday") | .defaultConfiguration.level == "error" and
	 (.shortDescription.text | length > 0) and (.help.text | length > 0))' >log 2>&1
result "SARIF: the driver lists every rule with its description, level and help" $?
jq_true sarif.json '.runs[0].columnKind == "utf16CodeUnits" and
	([.runs[0].results[] | select(.ruleId == "dates/weekday")][0] |
	 .level == "error" and .locations[0].physicalLocation.region ==
	   {"startLine": 5, "startColumn": 4, "endLine": 5, "endColumn": 24} and
	 .fixes[0].artifactChanges[0].replacements[0].insertedContent.text == "Thursday") and
	([.runs[0].results[] | select(.ruleId == "structure/bullets")][0] |
	 .relatedLocations[0].message.text | test("most bullets"))' >log 2>&1
result "SARIF: regions, fixes and notes as related locations" $?
jq_true sarif.json '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] |
	index("we%20ird%3Aa%2Cb%0Ac%FF.txt") != null' >log 2>&1
result "SARIF: an odd file name is a percent-encoded URI" $?
jq_true sarif.json '.runs[0].invocations[0] | .executionSuccessful == false and
	(.toolExecutionNotifications | map(select(.level == "error" and .descriptor.id == "config"
	 and (.locations[0].physicalLocation.artifactLocation.uri | endswith(".stmtlint.yaml"))))
	 | length > 0)' >log 2>&1
result "SARIF: a configuration error is a tool execution notification" $?

lint -q -f sarif draft.txt >a.json 2>/dev/null
lint -q -f sarif shifted.txt >b.json 2>/dev/null
fp() {
	jq -r '.runs[0].results[] | "\(.ruleId) \(.partialFingerprints.primaryLocationLineHash)"' "$1" | sort
}
lines() {
	jq -r '.runs[0].results[].locations[0].physicalLocation.region.startLine' "$1" | sort -n | head -1
}
{ fp a.json; echo ---; fp b.json; } >log
[ "$(fp a.json)" = "$(fp b.json)" ] && [ -n "$(fp a.json)" ] && [ "$(lines a.json)" != "$(lines b.json)" ]
result "SARIF: fingerprints stay the same when unrelated lines move" $?

# ---- GitHub annotations ----------------------------------------------------------------
lint -q -f github draft.txt "$weird" broken/x.txt >gh.txt 2>log
status=$?
cp gh.txt log
syntax='^::(error|warning|notice)( (file=[^,:]+(,line=[0-9]+(,col=[0-9]+)?(,endLine=[0-9]+,endColumn=[0-9]+)?)?,)?title=[^,:]+)?::[^'$'\r'']*$'
LC_ALL=C grep -Evq "$syntax" gh.txt
bad=$?
[ "$bad" -eq 1 ] && [ "$status" -eq 2 ] && [ "$(wc -l <gh.txt)" -ge 7 ]
result "GitHub: every line is a workflow command in GitHub's syntax" $?
grep -qxF '::error file=draft.txt,line=5,col=4,endLine=5,endColumn=24,title=dates/weekday::‘Friday’ does not match the date: June 9, 2011 is a Thursday' gh.txt &&
	grep -q '^::warning file=draft.txt,line=8,col=1,endLine=8,endColumn=2,title=structure/bullets::.*%0Anote (line 7): most bullets' gh.txt
result "GitHub: positions, titles and notes" $?
grep -qF '::error file=we ird%3Aa%2Cb%0Ac\xff.txt,line=5,col=4,' gh.txt &&
	grep -q '^::error file=[^,]*broken/.stmtlint.yaml,line=[0-9]*.*title=config::' gh.txt
result "GitHub: an odd file name escaped (%3A %2C %0A, \\xff), configuration errors annotated" $?

# ---- --fail-on=warning in every format ----------------------------------------------------
printf 'Joint Statement\n\nJune 9, 2011\n\n- We agree.\n\xe2\x80\xa2 We will work.\n' >warn.txt
ok=0
for f in text json sarif github; do
	lint -q -f "$f" warn.txt >/dev/null 2>&1
	a=$?
	lint -q -f "$f" --fail-on=warning warn.txt >/dev/null 2>&1
	b=$?
	echo "$f: $a without, $b with --fail-on=warning" >>log
	[ "$a" -eq 0 ] && [ "$b" -eq 1 ] || ok=1
done
: >log
result "--fail-on=warning exits 1 on a warning in text, json, sarif and github" $ok

# ---- many files ---------------------------------------------------------------------------
count=1000
if [ -n "${STMTLINT_UNDER_VALGRIND:-}" ]; then
	# eight runs of 1,000 drafts under memcheck would take many minutes; more
	# than RUN_PROGRESS_MIN_FILES (40) for the progress line
	count=50
fi
"$SRCDIR/bench/gen-corpus.sh" corpus "$count" >/dev/null
same=0
: >log
for f in text json sarif github; do
	lint -f "$f" -j 1 corpus >one.out 2>one.err
	a=$?
	lint -f "$f" -j 2 corpus >two.out 2>two.err
	b=$?
	if ! cmp -s one.out two.out || ! cmp -s one.err two.err || [ "$a" != "$b" ]; then
		echo "$f differs (exit $a and $b)" >>log
		same=1
	fi
done
[ -s one.out ] || same=1
result "-j 2 output equals -j 1 on $count drafts, in text, json, sarif and github" $same

mkdir -p repo/old repo/drafts
printf 'ignore:\n  - README.md\n  - drafts/skip-*.txt\n' >repo/.stmtlint.yaml
for f in README.md old/a.txt drafts/a.txt drafts/skip-1.txt; do
	cp draft.txt "repo/$f"
done
lint -q -f json --exclude old repo >ex.json 2>log
jq -r '.files[].path' ex.json >log
[ "$(cat log)" = "repo/drafts/a.txt" ]
result "--exclude and ignore: leave out drafts found in folders" $?
lint -q -f json --exclude old repo/README.md repo/drafts/skip-1.txt >ex.json 2>log
jq -r '.files[].path' ex.json >log
[ "$(tr '\n' ' ' <log)" = "repo/README.md repo/drafts/skip-1.txt " ]
result "... but a file named on the command line is always checked" $?

# A terminal gets the progress line (script(1) gives one); a pipe never does.
lint -j 2 corpus >/dev/null 2>pipe.err
if command -v script >/dev/null 2>&1; then
	script -qec "$STMTLINT --color=never corpus >/dev/null" /dev/null >tty.err 2>&1
	script -qec "$STMTLINT --color=never -q corpus >/dev/null" /dev/null >quiet.err 2>&1
	cp tty.err log
	grep -q "stmtlint: [0-9]* of $count drafts checked" tty.err && ! grep -q 'drafts checked' quiet.err &&
		! grep -q 'drafts checked' pipe.err
	result "a progress line on a terminal only, never with -q" $?
else
	skip_next "no script(1) to give a terminal"
fi

exit $failed
