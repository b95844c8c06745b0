# Fix-its round trip: every fix sockleak offers in cases/fixits.c (a return
# in braces, unbraced returns after if/else, a comment before the return,
# continue and break in loops), applied to a copy with fixit_apply (built
# next to expect_check), gives a file that still compiles and in which
# sockleak finds nothing.  Fixes that cannot be made safe (the exit is a
# macro, or follows a preprocessor line: cases/fixits_dropped.c) are not
# offered, though the leaks are still reported.
set -u
S=$1
X=$2
A=$(dirname "$X")/fixit_apply
CC=${CC:-cc}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" 2>/dev/null >&2; exit 1; }
[ -x "$A" ] || fail "no fixit_apply next to $X"

"$S" -q --format json cases/fixits.c -- >"$tmp/before.json" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "before: exit status $rc, expected 1"
nfind=$(grep -c '"rule":' "$tmp/before.json")
[ "$nfind" -eq 7 ] || fail "before: $nfind findings, expected 7"

# each fix alone: the file compiles and that finding is gone
i=0
for fp in $(grep -Eo '"fingerprint":[[:space:]]*"[0-9a-f]+"' "$tmp/before.json" | grep -Eo '[0-9a-f]{16}'); do
    i=$((i + 1))
    n=$("$A" "$tmp/before.json" cases/fixits.c "$tmp/fixed.c" "$fp" 2>"$tmp/err") || fail "fix $i: fixit_apply failed"
    [ "$n" -eq 1 ] || fail "fix $i: finding $fp has no fix"
    "$CC" -fsyntax-only -Wall -Werror "$tmp/fixed.c" 2>"$tmp/err" || fail "fix $i: the fixed file does not compile"
    "$S" -q --format json "$tmp/fixed.c" -- >"$tmp/after.json" 2>"$tmp/err"
    left=$(grep -c '"rule":' "$tmp/after.json")
    [ "$left" -eq $((nfind - 1)) ] || { diff cases/fixits.c "$tmp/fixed.c" >&2; fail "fix $i: $left findings left, expected $((nfind - 1))"; }
done
[ "$i" -eq "$nfind" ] || fail "$i fingerprints for $nfind findings"

# all fixes at once: nothing left, exit 0
n=$("$A" "$tmp/before.json" cases/fixits.c "$tmp/fixed.c" 2>"$tmp/err") || fail "all: fixit_apply failed"
[ "$n" -eq "$nfind" ] || fail "all: $n fixes applied, expected $nfind"
"$CC" -fsyntax-only -Wall -Werror "$tmp/fixed.c" 2>"$tmp/err" || fail "all: the fixed file does not compile"
"$S" -q "$tmp/fixed.c" -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/out" >&2; fail "all: exit status $rc after fixing, expected 0"; }
[ ! -s "$tmp/out" ] || fail "all: findings left after fixing"

# no fix where it cannot be made safe; the leaks are still reported
"$X" "$S" cases/fixits_dropped.c || fail "fixits_dropped.c findings differ from the annotations"
"$S" -q --format json cases/fixits_dropped.c -- >"$tmp/dropped.json" 2>"$tmp/err"
grep -q '"fix":' "$tmp/dropped.json" && fail "dropped: a fix is offered for a macro or after a directive"
exit 0
