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
