# A PATH that does not exist: exit 2, one line on stderr naming it, nothing
# on stdout.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

"$S" -q cases/no_such_file.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "exit status $rc, expected 2"
[ ! -s "$tmp/out" ] || fail "stdout is not empty"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "expected exactly one line on stderr"
grep -q 'no_such_file\.c' "$tmp/err" || fail "stderr does not name the file"
exit 0
