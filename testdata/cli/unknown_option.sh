# An unknown option is a usage error: exit 2, named on stderr.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

"$S" --frobnicate cases/clean.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "exit status $rc, expected 2"
grep -q -- '--frobnicate' "$tmp/err" || fail "stderr does not name the option"
[ ! -s "$tmp/out" ] || fail "stdout is not empty"

# An option that needs a value and has none, and a bad value.
"$S" cases/clean.c --format >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "--format without a value: exit status $rc, expected 2"
"$S" --format yaml cases/clean.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "--format yaml: exit status $rc, expected 2"
grep -q 'yaml' "$tmp/err" || fail "stderr does not name the bad value"
"$S" --fail-on sometimes cases/clean.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "--fail-on sometimes: exit status $rc, expected 2"
exit 0
