# shellcheck shell=sh disable=SC2034,SC2154
# tap.sh - TAP result lines for the shell tests that keep a log of the step
# under test in "$tmp/log"; sourced, not run.  A failure sets failed=1, for
# the test's exit status, and prints the log as TAP comments.

# ok N DESCRIPTION
ok() {
	echo "ok $1 - $2"
}
# not_ok N DESCRIPTION
not_ok() {
	echo "not ok $1 - $2"
	failed=1
	if [ -s "$tmp/log" ]; then
		sed 's/^/# /' "$tmp/log"
	fi
}
# skip N REASON
skip() {
	echo "ok $1 # SKIP $2"
}
# result DESCRIPTION STATUS: the next test, numbered by the counter n (which
# the test sets to 0), ok when STATUS is 0.
result() {
	n=$((n + 1))
	if [ "$2" -eq 0 ]; then
		ok "$n" "$1"
	else
		not_ok "$n" "$1"
	fi
}
# skip_next REASON: the next test, skipped.
skip_next() {
	n=$((n + 1))
	skip "$n" "$1"
}
# python_with MODULE: prints the first python3 that can import MODULE
# (Debian's own first, for its python3-* packages); nothing when none can.
python_with() {
	local p
	for p in /usr/bin/python3 python3; do
		if "$p" -c "import $1" 2>/dev/null; then
			echo "$p"
			return
		fi
	done
}
