#!/bin/bash
# bad-input.sh - what stmtlint does with bad and hostile input: one clear
# message with a position where there is one, the documented exit status,
# the other files still checked, no crash, no hang (each case has 60 s), and
# memory bounded (each case runs under a 2 GiB address-space limit, except
# under a sanitizer or valgrind, which reserve more).  Table-driven; prints
# TAP.
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
printf 'Joint Statement\r\rJune 9, 2011\r\r1. One:\r\rText.\r\r3. Three:\r\rText.\r' >cr.txt
mkdir folder folder-empty draft.txt.d
mkdir -p conf-bad conf-unknown conf-option
printf 'rules:\n  structure: [on\n' >conf-bad/.stmtlint.yaml
printf '%s' "$good" >conf-bad/draft.txt
printf 'rules:\n  strucure: off\n' >conf-unknown/.stmtlint.yaml
printf '%s' "$good" >conf-unknown/draft.txt
printf 'profle: default\n' >conf-option/.stmtlint.yaml
printf '%s' "$good" >conf-option/draft.txt
cp good.txt folder/a.txt

# ---- hostile input ----------------------------------------------------------
printf 'Title\n\nText.\n' | iconv -t UTF-16 >utf16.txt
printf 'Title\n\nText.\n' | iconv -t UTF-16LE >utf16le.txt
printf 'Title\n\nA slash written overlong: \xc0\xaf and \xe0\x80\xaf.\n' >overlong.txt
printf 'Title\n\nA surrogate: \xed\xa0\x80 here.\n' >surrogate.txt
truncate -s 200M huge.txt
# 100,000 lines of a plausible draft.
{
	printf 'Joint Statement\n\nJune 9, 2011\n\n'
	i=0
	while [ $i -lt 20000 ]; do
		printf 'The participants met on June 9, 2011.\n\n- Sharing information.\n- More.\n\n'
		i=$((i + 1))
	done
} | head -n 100000 >lines.txt
# Lists nested 2,000 deep, and block quotes 2,000 deep.
awk 'BEGIN { print "# Title\n\nJune 9, 2011\n"; for (i = 0; i < 2000; i++) printf "%*s- item %d\n", 2 * i, "", i }' >nested.md
awk 'BEGIN { print "# Title\n\nJune 9, 2011\n"; for (i = 1; i < 2000; i++) { s = ""; for (j = 0; j < i; j++) s = s ">"; print s " quoted " i } }' >quotes.md
printf -- '---\ntitle: Joint Statement\ndate: 2011-06-09\n---\n' >only-front-matter.md
printf -- '---\ntitle: Joint Statement\n\nJune 9, 2011\n\nText.\n' >unterminated.md
laughs='a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]'
mkdir conf-laughs conf-self conf-escape conf-plugins
printf '%s\n' "$laughs" >conf-laughs/.stmtlint.yaml
printf '%s' "$good" >conf-laughs/draft.txt
printf -- '---\n%s\n---\n\nTitle\n\nText.\n' "$laughs" >laughs-front-matter.md
printf 'profile: mine.yaml\n' >conf-self/.stmtlint.yaml
printf 'description: includes itself\ninclude:\n  - mine.yaml\n' >conf-self/mine.yaml
printf '%s' "$good" >conf-self/draft.txt
printf 'profile: ../../../../../../../../../../etc/passwd\n' >conf-escape/.stmtlint.yaml
printf '%s' "$good" >conf-escape/draft.txt
printf 'plugin-dirs:\n  - plugins\nrules:\n  good: on\n' >conf-plugins/.stmtlint.yaml
mkdir conf-plugins/plugins
cp "$BUILDDIR/tests/plugins/.libs/good.so" conf-plugins/plugins/
printf '%s' "$good" >conf-plugins/draft.txt
ln -s loop-b.txt loop-a.txt
ln -s loop-a.txt loop-b.txt
mkfifo fifo.txt
mkdir failing-plugin
cp "$BUILDDIR/tests/plugins/.libs/failing_init.so" failing-plugin/
# A plugin that deletes the file named by STMTLINT_TEST_DELETE when it checks
# a draft: checking a.txt deletes b.txt, before b.txt is read.
mkdir deleting-plugin deleting
cp "$BUILDDIR/tests/plugins/.libs/delete_file.so" deleting-plugin/
printf '%s' "$good" >deleting/a.txt
printf '%s' "$good" >deleting/b.txt
# A rule file with a catastrophic pattern, and a line it backtracks on.
mkdir catastrophic
printf 'principles:\n  announce: %s\n  items:\n    - id: one\n      number: 1\n      agreed: "Sharing information"\n      key: [sharing information]\n' \
	"'(?<count>(a+)+\$)'" >catastrophic/rules.yaml
printf 'description: a catastrophic pattern\ninclude: [rules.yaml]\nrules:\n  principles: on\n' >catastrophic/profile.yaml
printf 'profile: profile.yaml\n' >catastrophic/.stmtlint.yaml
{ printf 'Joint Statement\n\nJune 9, 2011\n\n1. Sharing information.\n\n'; head -c 50000 /dev/zero | tr '\0' a; printf '!\n'; } >catastrophic/draft.txt
# A rule file with a pattern that stays under the match limit at each of
# 100,000 places before the list: a few hundred thousand steps each.
mkdir budget
printf 'principles:\n  announce: %s\n  items:\n    - id: one\n      number: 1\n      agreed: "Sharing information"\n      key: [sharing information]\n' \
	"'(?<count>\\d)(?:(a+)+b)?'" >budget/rules.yaml
printf 'description: a pattern just under the match limit\ninclude: [rules.yaml]\nrules:\n  principles: on\n' >budget/profile.yaml
printf 'profile: profile.yaml\n' >budget/.stmtlint.yaml
{
	printf 'Joint Statement\n\nJune 9, 2011\n\n'
	yes '1aaaaaaaaaaaaaa' | head -n 100000 | tr '\n' ' '
	printf '\n\n- (1) Sharing information.\n'
} >budget/draft.txt
mkdir many
i=0
while [ $i -lt 200 ]; do
	printf '%s' "$good" >many/draft$i.txt
	i=$((i + 1))
done

# A limit on address space shows that memory stays bounded; sanitizers and
# valgrind reserve far more address space than they use, so not under them.
limit_memory=no
if head -c 4 "$STMTLINT" | grep -q ELF && ! grep -q __asan_init "$STMTLINT"; then
	limit_memory=yes
fi

# 200 KB of nested flow brackets, in front matter and in a configuration.
brackets=$(head -c 200000 /dev/zero | tr '\0' '[')
printf -- '---\ntitle: %s\n---\n\nTitle\n\nText.\n' "$brackets" >flow.md
mkdir conf-flow
printf 'rules: %s\n' "$brackets" >conf-flow/.stmtlint.yaml
printf '%s' "$good" >conf-flow/draft.txt

# A configuration over the fixed limit for configurations (4 MiB), and one
# with a second YAML document.
mkdir conf-big conf-two
{ printf 'rules:\n  structure: on\n'; head -c 4200000 /dev/zero | tr '\0' '#'; echo; } >conf-big/.stmtlint.yaml
printf '%s' "$good" >conf-big/draft.txt
printf 'rules:\n  structure: on\n---\nrules:\n  structure: off\n' >conf-two/.stmtlint.yaml
printf '%s' "$good" >conf-two/draft.txt

# 20,000 cross-references to 999 items, and a wrong one after them.
awk 'BEGIN { print "Joint Statement\n\nJune 9, 2011\n\n1. Items:\n"
	for (i = 1; i <= 999; i++) printf "(%d) Item.\n", i
	print "\n2. References:\n"
	for (i = 0; i < 20000; i++) print "See 1.(1)-(999)."
	print "See 2.(4)." }' >xref.txt

# Items (1) to (1200), and references to items above 999.
awk 'BEGIN { print "Joint Statement\n\nJune 9, 2011\n\n1. Items:\n"
	for (i = 1; i <= 1200; i++) printf "(%d) Item.\n", i
	print "\n2. References:\n\nAs 1.(1100) and 1.(998)-(1010) say." }' >items-1200.txt

# 20,000 suppression comments on one line, a million blank lines, then the
# line they silence.
{
	printf '# Title\n\nJune 9, 2011\n\n- First.\n\n'
	yes '<!-- stmtlint-disable-next-line structure/bullets -->' | head -n 20000 | tr -d '\n'
	head -c 1000001 /dev/zero | tr '\0' '\n'
	printf '* Second.\n'
} >suppressions.md

# 100,000 ranges opened and 100,000 "enable" comments that close none of
# them; 40,000 ranges and 40,000 findings, all silenced by the last one.
{
	printf '# Title\n\nJune 9, 2011\n\n- First.\n\n'
	yes '<!-- stmtlint-disable structure -->' | head -n 100000
	yes '<!-- stmtlint-enable dates -->' | head -n 100000
	printf '\n* Second.\n'
} >enables.md
{
	printf '# Title\n\nJune 9, 2011\n\n- First.\n\n'
	yes '<!-- stmtlint-disable dates -->' | head -n 40000
	printf '<!-- stmtlint-disable structure/items -->\n\n'
	yes '(1) Item.' | head -n 40000
} >silenced.md

# 64 MB of one-word bullets (4 MB under a sanitizer or valgrind, which are
# slower and reserve memory of their own): a model of 42 times the draft.
bullets_size=64000000
[ $limit_memory = no ] && bullets_size=4000000
yes -- '- a' | head -c $bullets_size >bullets.txt

# Cases that took tens of seconds or minutes before their fix (a complexity
# bug) get this many seconds; sanitizers and valgrind are far slower.
quick=10
[ $limit_memory = no ] && quick=300

n=0
plan=55
echo "1..$plan"

# run NAME EXPECTED-STATUS PATTERN ARGS...: EXPECTED-STATUS is one status or
# several as "0|2"; PATTERN is an extended regex that the combined output
# must match.  The run gets $time_limit seconds (60 unless set for the call,
# as in time_limit=$quick run ...); when they are up it fails with exit 124.
run() {
	name=$1 want=$2 pattern=$3
	shift 3
	n=$((n + 1))
	(
		[ $limit_memory = yes ] && ulimit -v 2097152
		# Under a sanitizer or valgrind the large cases run 50 to 100 times
		# slower and would pass stmtlint's own time limit for the plugins
		# (30 s a draft): this table measures complexity with its own limit.
		[ $limit_memory = no ] && set -- --time-limit=0 "$@"
		exec timeout "${time_limit:-60}" "$STMTLINT" --color=never "$@"
	) >out 2>&1
	got=$?
	if ! [[ "$got" =~ ^($want)$ ]]; then
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
run "lone CR line ends" 1 '^cr\.txt:9:1: error: section 3 where 2 was expected' cr.txt
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

# ---- hostile input ----------------------------------------------------------
run "a UTF-16 file with a byte-order mark" 2 \
	'^utf16\.txt:1:1: error: the file is UTF-16 \(little-endian, by its byte-order mark\)' utf16.txt
run "a UTF-16 file without one" 2 \
	'^utf16le\.txt:1:1: error: the file looks like UTF-16 \(little-endian' utf16le.txt
run "overlong UTF-8 encodings" 1 \
	'^overlong\.txt:3:34: error: invalid UTF-8 bytes 0xE0 0x80 0xAF \(an overlong encoding\)' overlong.txt
run "a UTF-16 surrogate encoded in UTF-8" 1 \
	'^surrogate\.txt:3:14: error: invalid UTF-8 bytes 0xED 0xA0 0x80 \(a UTF-16 surrogate' surrogate.txt
run "a 200 MB file, refused above the size limit" 2 \
	'^huge\.txt: error: file is 209715200 bytes, larger than the limit of 67108864 bytes \(--max-file-size\)' \
	huge.txt good.txt
run "the size limit is configurable" 2 \
	'^long\.txt: error: file is 10000000 bytes, larger than the limit of 1000000 bytes' \
	--max-file-size=1000000 long.txt
run "a draft of short bullets too large to model" 2 \
	'^bullets\.txt:[0-9]+:1: error: the draft is not checked: its model .* passes the memory budget of [0-9]+ MiB .*\[input\]' \
	bullets.txt
time_limit=$quick run "20,000 cross-references to 999 items" 1 \
	'^xref\.txt:21009:5: error: ‘2\.\(4\)’ refers to item \(4\) of section 2, which has no numbered items \[structure/xref\]' \
	xref.txt
run "cross-references to items numbered above 999" 0 'stmtlint: 0 errors, 0 warnings, 0 notes in 1 file$' \
	items-1200.txt
time_limit=$quick run "20,000 suppression comments before a million blank lines" 0 \
	'stmtlint: 0 errors, 0 warnings, 20000 notes in 1 file$' suppressions.md
time_limit=$quick run "100,000 suppressed ranges and 100,000 enables of another rule" 0 \
	'stmtlint: 0 errors, 0 warnings, 100000 notes in 1 file$' enables.md
time_limit=$quick run "40,000 suppressed ranges and 40,000 findings" 0 \
	'stmtlint: 0 errors, 0 warnings, 40001 notes in 1 file$' silenced.md
run "100,000 lines" 0 'stmtlint: 0 errors, 0 warnings, 0 notes in 1 file$' lines.txt
run "lists nested 2,000 deep" 0 'in 1 file$' nested.md
run "block quotes nested 2,000 deep" 0 'in 1 file$' quotes.md
run "a Markdown file that is only front matter" 1 \
	'^only-front-matter\.md:1:1: error: the draft is only front matter: there is no text to check \[input\]' \
	only-front-matter.md
run "unterminated front matter" 1 \
	"^unterminated\.md:1:1: error: front matter opened here is never closed with '---'" unterminated.md
run "YAML aliases that expand exponentially, in a configuration" 2 \
	'conf-laughs/\.stmtlint\.yaml:[0-9]+:[0-9]+: error: YAML document expands to more than 200000 nodes' \
	conf-laughs/draft.txt
run "... and in front matter" 1 \
	'^laughs-front-matter\.md:[0-9]+:[0-9]+: error: YAML document expands to more than 200000 nodes.*\[front-matter\]' \
	laughs-front-matter.md
time_limit=$quick run "front matter of 200 KB of nested flow brackets" 1 \
	"^flow\.md:2:72: error: YAML flow collections \('\[', '\{'\) nested deeper than 64 levels \[front-matter\]" \
	flow.md
time_limit=$quick run "... and a configuration of them" 2 \
	"conf-flow/\.stmtlint\.yaml:1:72: error: YAML flow collections \('\[', '\{'\) nested deeper than 64 levels" \
	conf-flow/draft.txt
run "a configuration over the fixed limit for configurations" 2 \
	'conf-big/\.stmtlint\.yaml: error: file is 4200024 bytes, larger than the limit of 4194304 bytes for configurations, profiles and rule data \[config\]$' \
	conf-big/draft.txt
run "a configuration with a second YAML document" 2 \
	'conf-two/\.stmtlint\.yaml:3:1: error: a second YAML document starts here; the file must hold one \[config\]$' \
	conf-two/draft.txt
run "a configuration that includes itself" 2 \
	"conf-self/mine\.yaml:3:5: error: rule data 'mine\.yaml' loops back to .*/conf-self/mine\.yaml" \
	conf-self/draft.txt
run "a profile path that escapes the repository" 2 \
	"conf-escape/\.stmtlint\.yaml:1:10: error: profile '[./]*etc/passwd' resolves to /etc/passwd, outside the repository" \
	conf-escape/draft.txt
run "a repository configuration that names a plugin folder" 2 \
	"conf-plugins/\.stmtlint\.yaml:1:1: error: refused: this configuration asks to load plugins \('plugin-dirs'\).*--allow-repo-plugins" \
	conf-plugins/draft.txt good.txt
n=$((n + 1))
if grep -q '^good.txt:8:1: warning: bullet' out && ! grep -q '^conf-plugins/draft' out; then
	echo "ok $n - the refused configuration's drafts are not checked, the others are"
else
	echo "not ok $n - the refused configuration's drafts are not checked, the others are"
fi
run "... which --allow-repo-plugins lets load" 0 'stmtlint: 0 errors, 1 warning, 0 notes in 1 file' \
	--allow-repo-plugins conf-plugins/draft.txt
run "a symbolic-link loop among the inputs" 2 \
	'^loop-a\.txt: error: cannot open: Too many levels of symbolic links' loop-a.txt good.txt
run "a FIFO as input" 2 '^fifo\.txt: error: not a regular file' fifo.txt good.txt
n=$((n + 1))
if grep -q '^good.txt:8:1: warning: bullet' out; then
	echo "ok $n - a FIFO does not block the other files"
else
	echo "not ok $n - a FIFO does not block the other files"
fi
run "a plugin that fails its init" 2 \
	"failing_init\.so: error: plugin 'failing-init' failed to start \(see above\); the drafts are checked without it" \
	--plugin-dir failing-plugin --enable failing-init good.txt
n=$((n + 1))
if grep -q '^good.txt:8:1: warning: bullet' out; then
	echo "ok $n - the other plugins still check the draft"
else
	echo "not ok $n - the other plugins still check the draft"
fi
start=$(date +%s%N)
run "a catastrophic pattern in a rule file" 1 \
	"warning: pattern '\(\?<count>\(a\+\)\+\\$\)' \(.*catastrophic/rules\.yaml:2:13\) of rule 'principles' hit the match or depth limit" \
	catastrophic/draft.txt
elapsed=$((($(date +%s%N) - start) / 1000000))
n=$((n + 1))
if [ $limit_memory = no ]; then
	echo "ok $n - # SKIP the catastrophic pattern's time is not measured under a sanitizer or valgrind"
elif [ $elapsed -lt 1000 ]; then
	echo "ok $n - the catastrophic pattern gives up in ${elapsed} ms"
else
	echo "not ok $n - the catastrophic pattern took ${elapsed} ms (1000 allowed)"
fi
time_limit=$quick run "a pattern just under the match limit at 100,000 places" 0 \
	"^budget/draft\.txt:[0-9]+:[0-9]+: warning: pattern '\(\?<count>\\\\d\)\(\?:\(a\+\)\+b\)\?' \(.*budget/rules\.yaml:2:13\) of rule 'principles' used up the pattern budget of this draft \([0-9]+ steps\) here; the rest of this check was skipped \[pattern-limit\]" \
	budget/draft.txt
# A file deleted while stmtlint checks the one before it: the first is
# checked, the second reported as gone, exit 2; exactly that.  One thread
# (-j 1): with more, b.txt may be read while a.txt is checked.
STMTLINT_TEST_DELETE=deleting/b.txt run "a file deleted while the one before it is checked" 2 \
	'^deleting/b\.txt: error: cannot open: No such file or directory \[input\]$' \
	-j 1 --plugin-dir deleting-plugin --enable delete-file deleting/a.txt deleting/b.txt
cat >expected <<'EXPECTED'
deleting/a.txt:8:1: warning: bullet ‘•’ where this draft's bullets are ‘-’ [structure/bullets]
    8 | • Sharing more information.
      | ^
      | -
deleting/a.txt:7:1: note: most bullets are ‘-’, as here
    7 | - Sharing information.
      | ^
deleting/b.txt: error: cannot open: No such file or directory [input]
stmtlint: 1 error, 1 warning, 0 notes in 1 file (some could not be checked)
EXPECTED
n=$((n + 1))
if [ -e deleting/b.txt ]; then
	echo "not ok $n - ... b.txt was not deleted during the check"
elif cmp -s expected out; then
	echo "ok $n - ... with a.txt's findings, then one message for b.txt"
else
	echo "not ok $n - ... with a.txt's findings, then one message for b.txt"
	diff expected out | sed 's/^/# /'
fi
ln -s gone.txt many/dangling.txt
run "a listed file that is gone when it is read" 2 \
	'^many/dangling\.txt: error: cannot open: No such file or directory' many
