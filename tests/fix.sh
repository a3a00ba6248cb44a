#!/bin/bash
# fix.sh - --fix and --diff (issue 14): the certain fix-its applied and
# checked again, a guess never applied, --fix a second time changing
# nothing, --diff applying with patch -p1 to what --fix writes, standard
# input fixed to standard output; and the bad input of the issue, each
# leaving the original intact with exit status 2 and a reason: a read-only
# file, a symbolic link, a file changed on disk while it was checked, a
# full disk (a tiny tmpfs, when this user may mount one), and a run killed
# between writing the new contents and renaming them over the file (strace
# fault injection, when strace can trace).  Prints TAP.
: "${STMTLINT:?}" "${BUILDDIR:?}" "${SRCDIR:?}"
tmp=$(mktemp -d) || exit 99
mnt=""
cleanup() {
	if [ -n "$mnt" ]; then
		umount "$mnt" 2>/dev/null
	fi
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 99
failed=0
n=0
# shellcheck source=tests/tap.sh
. "$SRCDIR/tests/tap.sh"
echo "1..16"

mkdir plugins
cp "$BUILDDIR/tests/plugins/.libs/fixer.so" plugins/
lint() {
	"$STMTLINT" --color=never --plugin-dir "$tmp/plugins" --enable fixer "$@"
}
# A draft with a certain fix (teh), a guess (recieve), a wrong weekday and
# a mixed bullet (certain fixes of the default profile).
draft() {
	printf 'Joint Statement\n\nJune 9, 2011\n\nOn Friday, June 9, 2011, we met.\n\n'
	printf -- '- We will do teh work.\n- We recieve the plan.\n\xe2\x80\xa2 We agree.\n'
}
draft >orig.txt
# ... and as --fix must leave it: the guess stays.
printf 'Joint Statement\n\nJune 9, 2011\n\nOn Thursday, June 9, 2011, we met.\n\n' >fixed.txt
printf -- '- We will do the work.\n- We recieve the plan.\n- We agree.\n' >>fixed.txt

cp orig.txt a.txt
lint --fix a.txt >log 2>&1
status=$?
grep -q 'teh\|Friday\|•' a.txt
result "--fix applies the certain fixes (typo, weekday, bullet), exit 0" \
	$(( status != 0 || $? == 0 ))
cmp -s a.txt fixed.txt
result "... with the replacement text" $?
grep -q 'We recieve the plan' a.txt && grep -q 'a.txt:8:6: warning:.*recieve.*\[fixer/guess\]' log
result "... never a guess, which stays a finding" $?
grep -q '^stmtlint: a\.txt: fixed 3 findings$' log
result "... and says what it fixed" $?

cp fixed.txt once.txt
lint --fix a.txt >log 2>&1
status=$?
cmp -s a.txt once.txt && ! grep -q 'fixed' log
result "--fix a second time changes nothing, exit 0" $(( status != 0 || $? != 0 ))

mkdir d
cp orig.txt d/a.txt
(cd d && lint --diff a.txt) >diff.patch 2>log
status=$?
cmp -s d/a.txt orig.txt && (cd d && patch -s -p1 <../diff.patch) >>log 2>&1 && cmp -s d/a.txt once.txt
result "--diff changes nothing, and its diff applies with patch -p1 to what --fix writes" \
	$(( status != 0 || $? != 0 ))

# File names patch must read quoted: a space, a newline, a byte not UTF-8.
mkdir odd
ok=0
for name in 'sp ace.txt' $'new\nline.txt' $'we:ird,\377.txt'; do
	cp orig.txt "odd/$name"
	(cd odd && lint --diff "$name" 2>/dev/null | patch -s -p1) >>log 2>&1
	cmp -s "odd/$name" once.txt || ok=1
done
result "--diff of odd file names applies with patch -p1" $ok

lint --fix - <orig.txt >stdout.txt 2>log
cmp -s stdout.txt once.txt && lint --fix -f sarif <orig.txt 2>>log | cmp -s - once.txt
result "--fix on standard input writes the fixed text to standard output (only)" $?

lint --fix - orig.txt >log 2>&1
[ $? -eq 2 ] && grep -q 'name no other draft' log
result "--fix with standard input among other drafts is refused, exit 2" $?

# ---- bad input: the original is intact, exit 2, and the message says why ----

# expect_refused DESCRIPTION FILE ORIGINAL PATTERN [ENV...]: runs --fix FILE.
expect_refused() {
	local what=$1 file=$2 before=$3 pattern=$4
	shift 4
	env "$@" "$STMTLINT" --color=never --plugin-dir plugins --enable fixer --fix "$file" \
		>log 2>&1
	local status=$?
	cmp -s "$file" "$before" && [ "$status" -eq 2 ] && grep -Eq "$pattern" log
	result "$what" $?
}

cp orig.txt ro.txt
chmod 444 ro.txt
expect_refused "--fix on a read-only file" ro.txt orig.txt \
	'^ro\.txt: error: not fixed: refusing to replace a read-only file \[input\]$'

cp orig.txt target.txt
ln -s target.txt link.txt
expect_refused "--fix on a symbolic link" link.txt orig.txt \
	'^link\.txt: error: not fixed: refusing to replace a symbolic link \[input\]$'

# The fixer plugin appends a line to the draft each time it checks it: what
# is on disk then is the original and those lines, never the fixes.
cp orig.txt moving.txt
STMTLINT_TEST_TOUCH=moving.txt lint --fix moving.txt >log 2>&1
status=$?
head -c "$(wc -c <orig.txt)" moving.txt | cmp -s - orig.txt && grep -q 'teh' moving.txt &&
	grep -q '^Changed meanwhile\.$' moving.txt && [ "$status" -eq 2 ] &&
	grep -q '^moving\.txt: error: not fixed: changed on disk meanwhile; not replaced \[input\]$' log
result "--fix on a file changed on disk while it was checked" $?

# A full disk: a 64 KiB tmpfs holding the draft, then filled up.
mkdir full
if mount -t tmpfs -o size=64k tmpfs full 2>/dev/null; then
	mnt=$tmp/full
	cp orig.txt full/draft.txt
	dd if=/dev/zero of=full/filler bs=4k 2>/dev/null
	expect_refused "--fix on a full disk" full/draft.txt orig.txt \
		'^full/draft\.txt: error: not fixed: cannot write the temporary file .*: No space left on device \[input\]$'
	umount full && mnt=""
else
	skip_next "cannot mount a tmpfs here (not root?)"
fi

# Killed between writing the new contents and renaming them over the file:
# strace kills stmtlint as it enters rename().
cp orig.txt killed.txt
if [ -n "${STMTLINT_UNDER_VALGRIND:-}" ]; then
	# memcheck's log of a process killed on purpose is no clean log
	skip_next "not under valgrind"
elif command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
	strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
		-e inject=rename,renameat,renameat2:signal=KILL \
		"$STMTLINT" --plugin-dir plugins --enable fixer --fix killed.txt >log 2>&1
	status=$?
	cmp -s killed.txt orig.txt && [ "$status" -ne 0 ] && ls -a | grep -q '^\.killed\.txt\.stmtlint-'
	result "--fix killed between writing and renaming leaves the original intact" $?
else
	skip_next "strace cannot trace here"
fi

# Invalid UTF-8 is read as '?': a fix beside it applies, the byte stays.
printf 'Joint Statement\n\nJune 9, 2011\n\nWe will do teh work \377 now.\n' >bad-utf8.txt
lint --fix bad-utf8.txt >log 2>&1
printf 'Joint Statement\n\nJune 9, 2011\n\nWe will do the work \377 now.\n' | cmp -s - bad-utf8.txt
result "--fix keeps bytes that are not UTF-8 as they were" $?

# Many drafts fixed by two threads: the same files as one thread.
mkdir j1 j2
for i in 1 2 3 4 5 6 7 8; do
	cp orig.txt "j1/draft-$i.txt"
	cp orig.txt "j2/draft-$i.txt"
done
lint -q -j 1 --fix j1 >out1 2>&1
lint -q -j 2 --fix j2 >out2 2>&1
sed 's/j2/j1/g' out2 | cmp -s - out1 && for i in 1 2 3 4 5 6 7 8; do
	cmp -s "j2/draft-$i.txt" once.txt || exit 1
done
result "--fix -j 2 fixes every draft as -j 1 does, with the same output" $?

exit $failed
