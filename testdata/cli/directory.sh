# A directory argument is searched recursively for .c files (and only those).
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

"$S" -q cases/tree -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
grep -Eq '^cases/tree/sub/deeper/deep\.c:12:9: warning: .*\[resource-leak\]$' "$tmp/out" ||
    fail "the leak two levels down is not reported"
[ "$(grep -c ': warning: ' "$tmp/out")" -eq 1 ] || fail "expected exactly one warning"

"$S" -q --format json cases/tree -- >"$tmp/out" 2>"$tmp/err"
grep -Eq '"files":[[:space:]]*2[,}[:space:]]' "$tmp/out" || fail "summary does not count 2 files"
exit 0
