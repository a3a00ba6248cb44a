#!/bin/bash
# bad-input.sh - what stmtlint does with bad input: one clear message with a
# position where there is one, the documented exit status, the other files
# still checked.  Table-driven; prints TAP.
: "${STMTLINT:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99

good='Joint Statement

June 9, 2011

1. Cooperation:

- Sharing information.
• Sharing more information.
'
printf '%s' "$good" >good.txt
printf 'Title\n\nJune 9, 2011\n\nText with a \0 NUL byte.\n' >nul.txt
printf 'Title\n\nA line with a bad byte \xff here.\n' >latin1.txt
: >empty.txt
printf '\n  \n\n' >blank.txt
head -c 10000000 /dev/zero | tr '\0' 'a' >long.txt
printf '%s' "$good" | sed 's/$/\r/' >crlf.txt
mkdir folder folder-empty draft.txt.d
mkdir -p conf-bad conf-unknown conf-option
printf 'rules:\n  structure: [on\n' >conf-bad/.stmtlint.yaml
printf '%s' "$good" >conf-bad/draft.txt
printf 'rules:\n  strucure: off\n' >conf-unknown/.stmtlint.yaml
printf '%s' "$good" >conf-unknown/draft.txt
printf 'profle: default\n' >conf-option/.stmtlint.yaml
printf '%s' "$good" >conf-option/draft.txt
cp good.txt folder/a.txt

n=0
plan=15
echo "1..$plan"

# run NAME EXPECTED-STATUS PATTERN ARGS...: PATTERN is an extended regex that
# the combined output must match.
run() {
	name=$1 want=$2 pattern=$3
	shift 3
	n=$((n + 1))
	timeout 60 "$STMTLINT" --color=never "$@" >out 2>&1
	got=$?
	if [ "$got" != "$want" ]; then
		echo "not ok $n - $name: exit $got, expected $want"
		sed 's/^/# /' out | head -20
	elif ! grep -Eq -- "$pattern" out; then
		echo "not ok $n - $name: output does not match /$pattern/"
		sed 's/^/# /' out | head -20
	else
		echo "ok $n - $name"
	fi
}

run "missing file, other files still checked" 2 \
	'^missing\.txt: error: cannot open: No such file or directory' missing.txt good.txt
n=$((n + 1))
if grep -q '^good.txt:8:1: warning: bullet' out; then
	echo "ok $n - the other files are still checked"
else
	echo "not ok $n - the other files are still checked"
fi
run "a folder given as the configuration" 2 '^folder: error: is a directory' --config folder good.txt
run "a folder with no drafts" 2 '^folder-empty: error: no drafts' folder-empty
run "a file with a NUL byte" 2 '^nul\.txt:5:13: error: the file has a NUL byte' nul.txt
run "invalid UTF-8" 1 '^latin1\.txt:3:24: error: invalid UTF-8 byte 0xFF.*\[encoding\]' latin1.txt
run "an empty file" 1 '^empty\.txt:1:1: error: the draft is empty.*\[input\]' empty.txt
run "a file of blank lines" 1 '^blank\.txt:1:1: error: the draft is empty' blank.txt
run "a 10 MB single-line file" 0 'stmtlint: 0 errors, 0 warnings, 0 notes in 1 file' long.txt
run "CRLF line ends" 0 '^crlf\.txt:8:1: warning: bullet ‘•’' crlf.txt
run "a YAML syntax error in the configuration" 2 \
	'conf-bad/\.stmtlint\.yaml:3:1: error: YAML: did not find expected' conf-bad/draft.txt
run "an unknown rule in the configuration" 2 \
	"conf-unknown/\.stmtlint\.yaml:2:3: error: unknown rule 'strucure'; did you mean 'structure'\?" \
	conf-unknown/draft.txt
run "an unknown configuration key" 2 \
	"conf-option/\.stmtlint\.yaml:1:1: error: unknown configuration key 'profle'; did you mean 'profile'\?" \
	conf-option/draft.txt
run "an unknown option" 2 "unrecognized option '--frobnicate'" --frobnicate good.txt
run "standard input with a name" 0 '^named\.txt:8:1: warning: bullet' --stdin-filename named.txt - <good.txt
