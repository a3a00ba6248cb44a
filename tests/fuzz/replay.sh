#!/bin/sh
# replay.sh - runs every harness built in tests/fuzz once over its seed inputs
# and its regressions (tests/fuzz/regressions/HARNESS/), one TAP line per
# harness: any crash, sanitizer report or unreadable input fails it, and so
# does an input of fuzz_large that takes over 5 s (30 s in a sanitizer
# build, 300 s under valgrind), since its regressions are work that once
# grew too fast: 5 to 20 s or more each in a plain build, 0.33 s at most now.
: "${SRCDIR:?}" "${BUILDDIR:?}"
out=$(mktemp) || exit 99
trap 'rm -f "$out"' EXIT

harnesses=""
for h in "$SRCDIR"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$h" .c)
	case $name in
	fuzz_plugin) ;;
	fuzz_support) ;;
	*) harnesses="$harnesses $name" ;;
	esac
done
for h in "$BUILDDIR"/tests/fuzz/fuzz_plugin_*; do
	case $h in
	*.o | *.obj | *.c) continue ;;
	esac
	[ -f "$h" ] && [ -x "$h" ] && harnesses="$harnesses $(basename "$h")"
done

set -- $harnesses
echo "1..$#"
i=0
for name in $harnesses; do
	i=$((i + 1))
	prog="$BUILDDIR/tests/fuzz/$name"
	if [ ! -x "$prog" ]; then
		echo "not ok $i - $name (not built)"
		continue
	fi
	set --
	while IFS= read -r f; do
		[ -n "$f" ] && set -- "$@" "$f"
	done <<SEEDS
$(SRCDIR=$SRCDIR "$SRCDIR/tests/fuzz/seeds" "$name")
SEEDS
	if [ -d "$SRCDIR/tests/fuzz/regressions/$name" ]; then
		for f in "$SRCDIR/tests/fuzz/regressions/$name"/*; do
			[ -f "$f" ] && set -- "$@" "$f"
		done
	fi
	if [ $# -eq 0 ]; then
		echo "not ok $i - $name (no seed inputs)"
		continue
	fi
	timeout=
	if [ "$name" = fuzz_large ]; then
		timeout=5
		grep -q __asan_init "$prog" && timeout=30
		[ -n "$VALGRIND_MEMCHECK" ] && timeout=300
	fi
	# make check-valgrind sets VALGRIND_MEMCHECK: the harness runs under it.
	if FUZZ_REPLAY_TIMEOUT=$timeout ${VALGRIND_MEMCHECK:+"$VALGRIND_MEMCHECK"} "$prog" "$@" \
		>"$out" 2>&1; then
		echo "ok $i - $name ($# inputs)"
	else
		echo "not ok $i - $name"
		tail -40 "$out" | sed 's/^/# /'
	fi
done
