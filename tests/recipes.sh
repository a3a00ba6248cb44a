#!/bin/bash
# recipes.sh - the CI recipes of the repository tried as users would run
# them, offline (issue 14):
#  - .pre-commit-hooks.yaml through `pre-commit try-repo` (Debian's
#    pre-commit; the hooks are `language: system` and run the stmtlint under
#    test): a draft with an error fails the hook, a clean one passes, the
#    stmtlint-fix hook fixes a draft;
#  - examples/github-workflow.yml: its steps' scripts (read from the YAML)
#    in a clone whose pull-request branch changes one draft of two, with the
#    runner's variables set (the install step and the upload are GitHub's).
# Each part is skipped when what it needs (git; pre-commit; a python3 with
# yaml) is absent.  Prints TAP.
: "${STMTLINT:?}" "${SRCDIR:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
failed=0
n=0
# shellcheck source=tests/tap.sh
. "$SRCDIR/tests/tap.sh"
echo "1..6"
export HOME="$tmp" GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_HOME="$tmp/cache" \
	GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t \
	GIT_COMMITTER_EMAIL=t@example.org
# stmtlint on PATH, as `language: system` and the workflow need it: a script
# rather than a link, since $STMTLINT may be a script that finds its
# neighbours by its own path (make check-valgrind's)
mkdir bin
printf '#!/bin/sh\nexec "%s" "$@"\n' "$STMTLINT" >bin/stmtlint
chmod +x bin/stmtlint
export PATH="$tmp/bin:$PATH"
bad='Joint Statement\n\nJune 9, 2011\n\nOn Friday, June 9, 2011, we met.\n'
good='Joint Statement\n\nJune 9, 2011\n\nOn Thursday, June 9, 2011, we met.\n'
have_git=0
command -v git >/dev/null 2>&1 && have_git=1

# ---- pre-commit ----------------------------------------------------------------------
if [ $have_git = 0 ] || ! command -v pre-commit >/dev/null 2>&1; then
	for i in 1 2 3; do skip_next "pre-commit or git is not installed"; done
else
	# The hooks in a repository of their own (the source tree need not be a
	# git checkout: make distcheck builds from a tarball).
	mkdir hooks drafts
	cp "$SRCDIR/.pre-commit-hooks.yaml" hooks/
	(cd hooks && git init -q && git add .pre-commit-hooks.yaml && git commit -qm hooks) || exit 99
	cd drafts || exit 99
	git init -q || exit 99
	printf "$bad" >bad.txt
	printf "$good" >good.txt
	git add bad.txt good.txt
	pre-commit try-repo ../hooks stmtlint --files bad.txt >"$tmp/log" 2>&1
	status=$?
	[ $status -eq 1 ] && grep -q 'bad.txt:5:4: error:' "$tmp/log"
	result "pre-commit try-repo: the hook fails on a draft with an error and shows it" $?
	pre-commit try-repo ../hooks stmtlint --files good.txt >"$tmp/log" 2>&1
	result "pre-commit try-repo: the hook passes a clean draft" $?
	pre-commit try-repo ../hooks stmtlint-fix --files bad.txt >"$tmp/log" 2>&1
	grep -q 'On Thursday' bad.txt
	result "pre-commit try-repo: the stmtlint-fix hook fixes the draft" $?
	cd "$tmp" || exit 99
fi

# ---- the GitHub Actions workflow ------------------------------------------------------
python=$(python_with yaml)
# step NAME: the run script of the workflow's step called NAME.
step() {
	"$python" - "$SRCDIR/examples/github-workflow.yml" "$1" <<'PY'
import sys, yaml
flow = yaml.safe_load(open(sys.argv[1]))
for job in flow["jobs"].values():
    for s in job["steps"]:
        if s.get("name") == sys.argv[2]:
            sys.stdout.write(s["run"])
PY
}
if [ $have_git = 0 ] || [ -z "$python" ]; then
	for i in 1 2 3; do skip_next "no git, or no python3 with yaml"; done
	exit $failed
fi
git init -q -b main origin
printf "$good" >origin/kept.txt
printf 'Joint Statement\n\nJune 9, 2011\n\nWe met.\n' >origin/changed.md
(cd origin && git add . && git commit -qm base) || exit 99
git clone -q origin work || exit 99
cd work || exit 99
git checkout -qb pr
printf "$bad" >changed.md
git add changed.md && git commit -qm change || exit 99
export GITHUB_BASE_REF=main RUNNER_TEMP="$tmp/runner" GITHUB_OUTPUT="$tmp/output" \
	GITHUB_PATH="$tmp/path"
mkdir "$RUNNER_TEMP"
: >"$GITHUB_OUTPUT"

bash -e -c "$(step 'Drafts this pull request changes')" >"$tmp/log" 2>&1
status=$?
[ $status -eq 0 ] && grep -qx 'any=true' "$GITHUB_OUTPUT" &&
	[ "$(tr '\0' ' ' <"$RUNNER_TEMP/drafts")" = "changed.md " ]
result "the workflow finds the one draft the pull request changes" $?

bash -e -c "$(step 'Check them (annotations on the pull request)')" >"$tmp/log" 2>&1
status=$?
[ $status -ne 0 ] && grep -q '^::error file=changed.md,line=5,col=4,.*title=dates/weekday::' "$tmp/log"
result "its check step fails and annotates the pull request" $?

bash -e -c "$(step 'The same as SARIF')" >"$tmp/log" 2>&1
status=$?
[ $status -eq 0 ] && [ -s stmtlint.sarif ] && jq -e '.runs[0].results | length > 0 and all(.[];
	.locations[0].physicalLocation.artifactLocation.uri == "changed.md")' stmtlint.sarif >>"$tmp/log" 2>&1
result "its SARIF step writes the SARIF to upload" $?
exit $failed
