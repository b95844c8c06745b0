# Inline suppressions: sockleak-ignore(RULE) on the line, sockleak-ignore on
# the line above, NOLINT(sockleak-RULE).  Suppressed findings stay in JSON,
# marked, and do not affect the exit status.
set -u
S=$1
X=$2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

"$S" -q --format json cases/suppressed.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "exit status $rc, expected 0"
[ "$(grep -Eo '"suppressed":[[:space:]]*true' "$tmp/out" | wc -l)" -eq 3 ] ||
    fail "expected three suppressed findings"
! grep -Eq '"suppressed":[[:space:]]*false' "$tmp/out" || fail "an unsuppressed finding"

"$S" -q cases/suppressed.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "text: exit status $rc, expected 0"
! grep -q ': warning: ' "$tmp/out" || fail "text: a suppressed finding is shown"

"$X" "$S" cases/suppressed.c || fail "expect_check disagrees"
exit 0
