#!/bin/bash
# platform.sh - what the platform promises, end to end through the command
# line: plugins built against the ABI 1.0 header still load; datasets and
# process-wide resources are loaded once for every configuration; the
# core's rules are listed, configured and suppressed like any other;
# configuration and input errors reach JSON with positions; a draft with
# more findings than the cap still fails; overlapping fix-its are told
# apart.  Prints TAP.
: "${STMTLINT:?}" "${BUILDDIR:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
plugins=$BUILDDIR/tests/plugins/.libs

n=0
echo "1..20"
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	[ -f out ] && sed 's/^/# /' out | head -30
}
# check NAME COMMAND...: ok when COMMAND succeeds.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}
# jq_true FILTER FILE: whether FILTER is true of the JSON in FILE.
jq_true() { jq -e "$1" "$2" >/dev/null; }
# lint EXPECTED-STATUS ARGS...: runs stmtlint into ./out (both streams) and
# ./json (standard output alone); returns whether the status is as expected.
lint() {
	want=$1
	shift
	"$STMTLINT" --color=never "$@" >json 2>err
	got=$?
	cat json err >out
	[ "$got" = "$want" ] || { echo "exit $got, expected $want" >>out; return 1; }
}

# ---- a plugin built against the ABI 1.0 header ----------------------------------
mkdir abi1
cp "$plugins/abi1_plugin.so" abi1/
printf 'Title\n\nThis obsolete text.\n' >old.txt
check "a plugin built for ABI 1.0 loads and reports" \
	lint 0 --plugin-dir abi1 --enable abi-one old.txt
check "its finding and fix-it are the host's" \
	grep -q "^old.txt:3:6: warning: 'obsolete' found by a plugin built for ABI 1.0 \[abi-one/word\]" out
grep -A3 '^old.txt:3:6' out | grep -q '^      |      current$' && ok "its fix-it is printed" ||
	not_ok "its fix-it is printed"

# ---- datasets and resources shared by two configurations -------------------------
mkdir -p repo/.git repo/a repo/b shared
cp "$plugins/shared_data.so" shared/
printf 'alpha\n# a comment\n\nbravo\n' >repo/words.txt
printf 'description: two configurations, one dataset\ndata:\n  words: words.txt\nrules:\n  shared-data: on\n' >repo/profile.yaml
printf 'profile: ../profile.yaml\nlanguage: en-GB\n' >repo/a/.stmtlint.yaml
printf 'profile: ../profile.yaml\nlanguage: en-US\ndictionaries: [../words.txt]\n' >repo/b/.stmtlint.yaml
printf 'Title\n\nThe alpha text.\n' >repo/a/draft.txt
printf 'Title\n\nThe bravo text.\n' >repo/b/draft.txt
lint 0 --plugin-dir shared repo/a/draft.txt repo/b/draft.txt
check "configuration a reads the dataset and the resource" \
	grep -q "^repo/a/draft.txt:3:5: warning: dataset word 'alpha' (dataset shared, resource made 1 time, language en-GB, 0 dictionaries) \[shared-data\]" out
check "configuration b gets the same dataset and resource, made once" \
	grep -q "^repo/b/draft.txt:3:5: warning: dataset word 'bravo' (dataset shared, resource made 1 time, language en-US, 1 dictionary) \[shared-data\]" out
# a check stopped by the time limit while it holds a locked resource: the
# lock is let go (another configuration's check does not wait for ever) and
# the resource is not used again
printf 'Title\n\nThe alpha text, hang-holding.\n' >repo/a/draft.txt
status=0
timeout 60 "$STMTLINT" --color=never -j 1 --time-limit=1 --plugin-dir shared \
	repo/a/draft.txt repo/b/draft.txt >out 2>&1 || status=$?
check "a check stopped holding a locked resource leaves no one waiting (exit $status, 2 wanted)" \
	test "$status" -eq 2
check "... and the resource is abandoned, not used again" \
	grep -q "^repo/b/draft.txt:1:1: warning: resource abandoned \[shared-data\]" out
printf 'Title\n\nThe alpha text.\n' >repo/a/draft.txt
printf 'description: a dataset outside\ndata:\n  words: /etc/hostname\nrules:\n  shared-data: on\n' >repo/profile.yaml
check "a dataset outside the repository is refused at its position" \
	lint 2 --plugin-dir shared repo/a/draft.txt
check "... naming the file" \
	grep -q "^/.*/repo/a/../profile.yaml:3:10: error: dataset '/etc/hostname' resolves to /etc/hostname, outside the repository .* \[config\]$" out

# ---- the core's rules ------------------------------------------------------------
lint 0 --list-rules
check "--list-rules lists the core's rules" \
	grep -Eq '^suppression +warning +a suppression comment that names an unknown rule; a note when one names no directive or suppresses nothing$' out
printf 'Title\n\n<!-- stmtlint-disable nosuchrule -->\nText.\n' >sup.txt
lint 0 sup.txt
check "an unknown rule in a suppression is a [suppression] warning" \
	grep -q "^sup.txt:3:23: warning: suppression names unknown rule 'nosuchrule' \[suppression\]" out
check "--disable=suppression turns it off" bash -c \
	"'$STMTLINT' --disable=suppression sup.txt >out 2>&1 && ! grep -q suppression out"
mkdir fixed
printf 'rules:\n  input: off\n' >fixed/.stmtlint.yaml
printf 'Title\n\nText.\n' >fixed/draft.txt
lint 2 fixed/draft.txt
check "a rule that means 'not checked' cannot be turned off" \
	grep -q "^/.*/fixed/.stmtlint.yaml:2:3: error: rule 'input' cannot be turned off: it says that something could not be checked \[config\]$" out

# ---- errors in JSON, with positions ---------------------------------------------
mkdir conf
printf 'rules:\n  strucure: off\n' >conf/.stmtlint.yaml
printf 'Title\n\nText.\n' >conf/draft.txt
"$STMTLINT" conf/draft.txt >conf.out 2>&1
lint 2 -f json conf/draft.txt missing.txt
check "a configuration error and an unreadable file in JSON" bash -c '
	jq -e ".files[0].path == \"$PWD/conf/.stmtlint.yaml\" and
	       .files[0].diagnostics[0].rule == \"config\" and
	       .files[0].diagnostics[0].line == 2 and .files[0].diagnostics[0].column == 3 and
	       (.files[0].diagnostics[0].message | startswith(\"unknown rule '"'"'strucure'"'"'\")) and
	       .files[1].path == \"missing.txt\" and .files[1].diagnostics[0].rule == \"input\" and
	       .summary.errors == 2" json >/dev/null'

# ---- the finding cap --------------------------------------------------------------
{ printf 'Joint Statement\n\nJune 9, 2011\n\n'
  i=0; while [ $i -lt 10001 ]; do printf 'On 06/09/2011 they met.\n'; i=$((i + 1)); done
  printf 'They met on June 31, 2011.\n'; } >many.txt
lint 1 -q many.txt
check "10,001 findings and then an error: the error is kept, and the draft fails" \
	grep -q "^many.txt:10006:13: error: .*June 31.* \[dates/invalid\]" out
check "one note says how many were not shown" \
	grep -Eq "^many.txt:[0-9]+:[0-9]+: note: [0-9]+ more findings not shown \(0 errors, [0-9]+ warnings, 0 notes\): the limit is 10000 per file; .* \[limit\]$" out

# ---- fix-its that overlap --------------------------------------------------------------
printf 'Joint Statement\n\nJune 9, 2011\n\n1. Cooperation:\n\n- Sharing.\n- Caring.\n\n(1) First item.\n(2) Second item.\n\xe2\x80\xa2 (3) Third item.\n' >overlap.txt
lint 0 -f json overlap.txt
check "the later of two overlapping fix-its is a suggestion only" jq_true '
	[.files[0].diagnostics[] | select(.line == 12) | {rule, a: .fixes[0].applicable, t: .fixes[0].title}] ==
	[{rule: "structure/bullets", a: true, t: "Replace \u2018\u2022\u2019 with \u2018-\u2019"},
	 {rule: "structure/item-form", a: false, t: "Delete \u2018\u2022 \u2019"}]' json

# ---- the reader's findings, as data ---------------------------------------------------
printf 'Title\n\nThe \xe2\x80\xaeparties\xe2\x80\xac agreed.\n' >bidi.txt
lint 0 bidi.txt
check "a bidirectional control is a [bidi] finding of its own" \
	grep -q "^bidi.txt:3:5: warning: bidirectional control character U+202E: the text may display in another order than it reads; delete it unless the draft needs it \[bidi\]$" out
mkdir -p 'odd error: name'
printf -- '---\ntitle: [unclosed\n---\n\nTitle\n\nText.\n' >'odd error: name/fm.md'
lint 1 'odd error: name/fm.md'
check "a front-matter error in a file named with 'error: ' keeps its position and message" \
	grep -q "^odd error: name/fm.md:3:1: error: YAML: did not find expected ',' or ']' while parsing a flow sequence \[front-matter\]$" out
check "a configuration error names its file, position and rule in text" \
	grep -q "^/.*/conf/.stmtlint.yaml:2:3: error: unknown rule 'strucure'; did you mean 'structure'? (see --list-rules) \[config\]$" conf.out
