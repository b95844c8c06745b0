# A directory with no .c file anywhere below it is "no input": exit 2.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

mkdir -p "$tmp/src/include"
echo "int x;" >"$tmp/src/include/x.h"
echo "notes" >"$tmp/src/README.txt"
"$S" -q "$tmp/src" -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "exit status $rc, expected 2"
[ -s "$tmp/err" ] || fail "no message on stderr"
[ ! -s "$tmp/out" ] || fail "stdout is not empty"
exit 0
