# -o FILE writes the report to FILE and nothing to stdout.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

"$S" -q --format json -o "$tmp/report.json" cases/leak.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "json: exit status $rc, expected 1"
[ ! -s "$tmp/out" ] || fail "json: stdout is not empty"
[ -s "$tmp/report.json" ] || fail "json: the report file is missing or empty"
grep -Eq '"rule":[[:space:]]*"resource-leak"' "$tmp/report.json" || fail "json: no finding in the file"

"$S" -q -o "$tmp/report.txt" cases/leak.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "text: exit status $rc, expected 1"
[ ! -s "$tmp/out" ] || fail "text: stdout is not empty"
grep -Eq '^cases/leak\.c:12:9: warning: .*\[resource-leak\]$' "$tmp/report.txt" ||
    fail "text: the warning line is not in the file"
exit 0
