# A malformed rule pack is rejected with exit 2 and its file, line and
# column: a JSON syntax error, and an unknown key.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

"$S" -q --rules cases/bad_syntax.json cases/clean.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "syntax error: exit status $rc, expected 2"
grep -Eq 'bad_syntax\.json:4:[0-9]+:' "$tmp/err" ||
    fail "syntax error: stderr lacks bad_syntax.json:4:COL:"
[ ! -s "$tmp/out" ] || fail "syntax error: stdout is not empty"

"$S" -q --rules cases/bad_key.json cases/clean.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "unknown key: exit status $rc, expected 2"
grep -Eq 'bad_key\.json:5:[0-9]+:.*relase' "$tmp/err" ||
    fail "unknown key: stderr lacks bad_key.json:5:COL: ... relase"
[ ! -s "$tmp/out" ] || fail "unknown key: stdout is not empty"

"$S" -q --rules cases/no_such_pack.json cases/clean.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "missing pack: exit status $rc, expected 2"
grep -q 'no_such_pack\.json' "$tmp/err" || fail "missing pack: not named on stderr"
exit 0
