# The JSON report has "tool", "findings" and "summary" in that order, the
# finding's fields, and matches the file's annotations (checked by
# expect_check, which parses it with cJSON).
set -u
S=$1
X=$2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

"$S" -q --format json cases/leak.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
order=$(grep -Eo '"(tool|findings|summary)":' "$tmp/out" | head -3 | tr -d '\n')
[ "$order" = '"tool":"findings":"summary":' ] || fail "top-level keys out of order: $order"
for key in name version rule level message file line column function variable \
           resource acquired trace fingerprint suppressed files failed_files functions; do
    grep -q "\"$key\":" "$tmp/out" || fail "no \"$key\" key"
done
grep -Eq '"name":[[:space:]]*"sockleak"' "$tmp/out" || fail "tool name is not sockleak"
grep -Eq '"file":[[:space:]]*"cases/leak\.c"' "$tmp/out" || fail "file is not relative to the current directory"
grep -Eq '"variable":[[:space:]]*"fd"' "$tmp/out" || fail "variable is not fd"
grep -Eq '"call":[[:space:]]*"socket"' "$tmp/out" || fail "acquiring call is not socket"
grep -Eq '"suppressed":[[:space:]]*false' "$tmp/out" || fail "suppressed is not false"

"$X" "$S" cases/leak.c || fail "findings differ from the annotations"
"$X" "$S" cases/clean.c || fail "clean.c has findings"

"$S" -q --format json cases/clean.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "clean: exit status $rc, expected 0"
grep -Eq '"findings":[[:space:]]*\[[[:space:]]*\]' "$tmp/out" || fail "clean: findings is not an empty array"
exit 0
