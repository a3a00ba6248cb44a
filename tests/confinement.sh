#!/bin/bash
# confinement.sh - a CI gate cannot be turned against the machine it runs
# on: no file outside the repository is read through a link, configuration
# discovery stops at the repository and distrusts files others could have
# planted, folders that cannot be searched are reported, and a plugin
# folder cannot hang the run.  Each case failed before the change that
# made it pass (hostile input, round 2, cases 4 to 8).  Prints TAP.
: "${STMTLINT:?}"
tmp=$(mktemp -d) || exit 99
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
cd "$tmp" || exit 99

n=0
echo "1..11"
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' out | head -20; }
# run NAME EXPECTED-STATUS PATTERN ARGS...: PATTERN (extended regex) must match the output
run() {
	name=$1 want=$2 pattern=$3
	shift 3
	timeout 20 "$STMTLINT" --color=never "$@" >out 2>&1
	got=$?
	if [ "$got" = "$want" ] && grep -Eq -- "$pattern" out; then ok "$name"; else not_ok "$name (exit $got)"; fi
}
# absent NAME TEXT: TEXT (fixed) is nowhere in the last output
absent() {
	if grep -qF -- "$2" out; then not_ok "$1"; else ok "$1"; fi
}
# deep DIR LEVELS [COMMAND...]: makes DIR/d.../d... LEVELS folders deep
# (names of 200 characters), stepping in one at a time since the whole path
# is too long for one call, runs COMMAND in the deepest, and prints its path
name200=$(printf 'd%.0s' $(seq 200))
deep() {
	local top=$1 levels=$2 i path
	shift 2
	path=$top
	for (( i = 0; i < levels; i++ )); do
		path=$path/$name200
	done
	mkdir -p "$top"
	(
		cd "$top" || exit 1
		for (( i = 0; i < levels; i++ )); do
			mkdir -p "$name200" && cd "$name200" || exit 1
		done
		"$@"
	) >/dev/null 2>&1 || echo "deep: cannot make $top, $levels levels" >&2
	printf '%s' "$path"
}
draft='Joint Statement

June 9, 2011

1. Cooperation:

- Sharing information.
• Sharing more information.
'

# ---- 4. a link whose resolved path is longer than PATH_MAX ----------------------------
mkdir -p repo/.git outside
far=$(deep outside 24 sh -c "printf 'rules:\\n  SECRET-KEY-FROM-OUTSIDE: off\\n' >x.yaml")
# two hops, so that neither link's text is too long but the whole path is
half=$(printf '%s/' $(echo "$far" | cut -d/ -f2-13 | tr / ' '))
rest=$(echo "$far" | cut -d/ -f14-)
ln -s "../outside/${half%/}" repo/hop
ln -s "hop/$rest/x.yaml" repo/inc.yaml
printf 'description: includes a far file\ninclude:\n  - inc.yaml\n' >repo/profile.yaml
printf 'profile: profile.yaml\n' >repo/.stmtlint.yaml
printf '%s' "$draft" >repo/draft.txt
run "an include that cannot be resolved is refused" 2 \
	"^/.*/repo/profile.yaml:3:5: error: rule data 'inc.yaml' cannot be resolved \(File name too long\); it is not read \[config\]$" \
	repo/draft.txt
absent "... and nothing of the file outside is read" SECRET-KEY-FROM-OUTSIDE
rm repo/.stmtlint.yaml

# ---- 5. configuration discovery stops at the repository ----------------------------------
mkdir -p ww/repo/.git ww/repo/sub
chmod 1777 ww
printf 'rules:\n  structure: off\n  dates: off\n' >ww/.stmtlint.yaml
chown 65534 ww/.stmtlint.yaml 2>/dev/null
printf '%s' "$draft" >ww/repo/sub/draft.txt
run "a configuration above the repository is not used" 0 \
	"^ww/repo/sub/draft.txt:8:1: warning: bullet" ww/repo/sub/draft.txt
mkdir -p ww/norepo
printf '%s' "$draft" >ww/norepo/draft.txt
if [ "$(stat -c %u ww/.stmtlint.yaml)" != "$(id -u)" ]; then
	run "another user's configuration in a folder anyone can write to is ignored, with a warning" 0 \
		"^/.*/ww/.stmtlint.yaml: warning: ignored: it belongs to another user \(uid 65534\) and lies in a folder anyone can write to \[config\]$" \
		ww/norepo/draft.txt
else
	ok "# SKIP cannot give a file to another user here"
fi

# ---- 6. a draft that is a link out of the repository -------------------------------------------
mkdir -p repo/drafts
printf 'Secret\n\nJune 31, 2011 SECRET-LINE-FROM-OUTSIDE\n' >outside/secret.txt
ln -s ../../outside/secret.txt repo/drafts/link.txt
printf '%s' "$draft" >repo/drafts/own.txt
run "searching a folder, a link to a draft outside is not followed" 0 \
	"^repo/drafts/link.txt: warning: not checked: a link to /.*/outside/secret.txt, outside the repository searched \(/.*/repo\); name it on the command line to check it \[input\]$" \
	repo/drafts
absent "... and its lines are not quoted" SECRET-LINE-FROM-OUTSIDE
run "named on the command line, it is checked" 1 "^repo/drafts/link.txt:3:1: error: " repo/drafts/link.txt

# ---- 7. folders that cannot be searched ------------------------------------------------------
mkdir -p locked/inner
printf '%s' "$draft" >locked/inner/draft.txt
chmod 444 locked/inner
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && [ -z "${STMTLINT_UNDER_VALGRIND:-}" ] &&
   setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$STMTLINT"; then
	setpriv --reuid=65534 --regid=65534 --clear-groups timeout 20 "$STMTLINT" --color=never locked >out 2>&1
	got=$?
	if [ $got = 2 ] && grep -Eq '^locked/inner/draft.txt: error: cannot read: Permission denied \[input\]$' out; then
		ok "a folder that can be read but not entered is reported, exit 2"
	else
		not_ok "a folder that can be read but not entered is reported, exit 2 (exit $got)"
	fi
else
	ok "# SKIP needs root, setpriv and a stmtlint another user can run"
fi
chmod 755 locked/inner
deep longpaths 22 sh -c "printf 'Title\\n\\nText.\\n' >draft.txt" >/dev/null
run "a path longer than PATH_MAX is reported, exit 2" 2 \
	"error: 'd+' in this folder makes a path longer than 4095 bytes; not searched \[input\]$" longpaths

# ---- 8. a FIFO among the plugins ----------------------------------------------------------------
mkdir fifo-plugins
mkfifo fifo-plugins/evil.so
printf '%s' "$draft" >plain.txt
start=$(date +%s)
run "a FIFO named *.so is refused, not opened" 2 \
	"^fifo-plugins/evil.so: error: cannot load plugin: not a regular file \[plugin\]$" \
	--plugin-dir fifo-plugins plain.txt
if [ $(( $(date +%s) - start )) -lt 10 ]; then ok "... at once"; else not_ok "... at once"; fi
