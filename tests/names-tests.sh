#!/bin/sh
# names-tests.sh - the acronyms and terms plugins on the reference draft and
# on copies of it with one defect each (made here, in a temporary folder:
# the reference draft is never copied into the project), and their
# configuration errors.  The reference draft is read from ../shared/corpus;
# its tests are skipped when it is absent.  Prints TAP.
: "${STMTLINT:?}" "${SRCDIR:?}"
corpus=${STMTLINT_CORPUS:-$SRCDIR/../shared/corpus}
names=$SRCDIR/tests/names
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# The acronyms golden tests' small registry (DHS, NIST, MIC, ...) beside the
# drafts: a configuration may only name files in its own tree, and a source
# tree without .git (a tarball) is no repository.
cp "$SRCDIR/tests/golden/acronyms/registry-profile.yaml" \
	"$SRCDIR/tests/golden/acronyms/test-registry.yaml" "$tmp/" || exit 99
printf 'profile: registry-profile.yaml\n' >"$tmp/registry.stmtlint.yaml"
registry=$tmp/registry.stmtlint.yaml
echo "1..14"
i=0

# findings CONFIG DRAFT: "RULE LINE" of each warning and error of the
# acronyms and terms plugins, one a line, sorted; CONFIG may be "".
findings() {
	(cd "$tmp" && "$STMTLINT" -q --format=json ${1:+--config="$1"} "$2") |
		jq -r '.files[0].diagnostics[] | select(.severity != "note") |
			select(.rule | test("^(acronyms|terms)")) | "\(.rule) \(.line)"' | sort
}

# expect NAME WANT GOT: one TAP line.
expect() {
	i=$((i + 1))
	if [ "$2" = "$3" ]; then
		echo "ok $i - $1"
	else
		echo "not ok $i - $1"
		printf '# want: %s\n# got:  %s\n' "$2" "$3" | sed 's/$/ /'
	fi
}

# defect NAME LINE SED-SCRIPT RULE [CONFIG]: a copy of the reference draft
# changed by SED-SCRIPT has a finding of RULE (any severity) at LINE.
defect() {
	sed "$3" "$corpus/reference-statement.txt" >"$tmp/copy.txt"
	got=$(cd "$tmp" && "$STMTLINT" -q --format=json ${5:+--config="$5"} copy.txt |
		jq -r --arg rule "$4" --argjson line "$2" \
			'[.files[0].diagnostics[] | select(.rule == $rule and .line == $line)] | length')
	expect "$1: $4 at line $2" "1" "$got"
}

if [ ! -f "$corpus/reference-statement.txt" ]; then
	for n in 1 2 3 4 5 6 7 8 9 10; do echo "ok $n # SKIP no corpus at $corpus"; done
	i=10
else
	cp "$corpus/reference-statement.txt" "$tmp/reference.txt"
	# The reference draft's real inconsistencies: US-Japan, Director
	# General-Level, ICT before its definition; DHS never defined, a
	# warning where the registry knows DHS, a note where no registry does.
	want="acronyms/before-definition 7
terms/mixed 3
terms/mixed 7"
	for profile in default us-japan-internet-economy; do
		got=$(cd "$tmp" && "$STMTLINT" -q --format=json --profile "$profile" reference.txt |
			jq -r '.files[0].diagnostics[] | select(.severity != "note") |
				select(.rule | test("^(acronyms|terms)")) | "\(.rule) \(.line)"' |
			grep -v '^acronyms/undefined 45$' | sort)
		expect "the reference draft, profile $profile: only its real inconsistencies" "$want" "$got"
	done
	expect "the reference draft with a registry: DHS never defined too" \
		"acronyms/before-definition 7
acronyms/undefined 45
terms/mixed 3
terms/mixed 7" "$(findings "$registry" reference.txt)"
	defect "cyber security where the draft writes cybersecurity" 48 \
		'48s/emerging security issues/emerging cyber security issues/' terms/mixed
	defect "an acronym used in a heading before its definition" 3 \
		'3s/Second /Second MIC /' acronyms/before-definition
	defect "a registered body's acronym never defined" 54 \
		'54s/Sharing best/Sharing NIST best/' acronyms/undefined "$registry"
	defect "an acronym defined again with other words" 42 \
		'42s/development$/development with the Ministry of Internal Affairs and Communication (MIC)/' \
		acronyms/expansions
	defect "an expansion the registry abbreviates otherwise" 7 \
		'7s/Standards and Technology and/Standards and Technology (NTIS) and/' acronyms/expansion \
		"$registry"
	defect "an acronym defined and never used again" 7 \
		'7s/National Science Foundation,/National Science Foundation (NSF),/' acronyms/unused
	defect "an expansion whose initials are in another order" 50 \
		'50s/(NWGN)/(GNN)/' acronyms/expansion-order
fi

# Configuration errors: one clear message at the place, exit status 2.
for bad in one-form:'a group has 2 to 16 forms' duplicate:"form 'cyber security' is already in a group" \
	prefer:"'cyber securities' is no form of any group of terms" \
	registry:"each file of dataset 'agencies' must be a mapping"; do
	name=${bad%%:*}
	message=${bad#*:}
	config=$names/bad-$name.yaml
	[ "$name" = registry ] && config=$names/bad-registry.stmtlint.yaml
	(cd "$names" && "$STMTLINT" -q --config="$config" bad-groups.txt) >"$tmp/out" 2>&1
	status=$?
	i=$((i + 1))
	if [ "$status" = 2 ] && grep -qF "error: [$( [ "$name" = registry ] && echo acronyms || echo terms)] $message" "$tmp/out"; then
		echo "ok $i - bad configuration ($name): exit 2 and its message"
	else
		echo "not ok $i - bad configuration ($name): exit $status"
		sed 's/^/# /' "$tmp/out"
	fi
done
