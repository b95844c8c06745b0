# --list-rules prints one line per rule (id, default level, CWE,
# description) on stdout and exits 0 without analyzing anything; it shows
# what --disable turns off.  --enable/--disable work the same in every
# output format.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

"$S" --list-rules >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "exit status $rc, expected 0"
[ ! -s "$tmp/err" ] || fail "something on stderr"
[ "$(wc -l <"$tmp/out")" -eq 5 ] || fail "expected 5 lines"
for want in "resource-leak warning CWE-775" "shutdown-without-close warning CWE-775" \
            "double-close warning CWE-1341" "use-after-close warning CWE-672" \
            "use-before-check note CWE-252"; do
    tr -s ' ' <"$tmp/out" | grep -q "^$want [a-z]" || fail "no line '$want ...'"
done
"$S" --list-rules --disable double-close >"$tmp/out" 2>"$tmp/err"
grep -q '^double-close .*(disabled)' "$tmp/out" || fail "--disable not shown"
[ "$(grep -c '(disabled)' "$tmp/out")" -eq 1 ] || fail "other rules shown disabled"
"$S" --list-rules --disable nonsense >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "unknown rule: exit status $rc, expected 2"

# --disable / --enable in every format (last one wins)
for fmt in text json sarif; do
    "$S" -q --format "$fmt" --disable resource-leak cases/leak.c -- >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 0 ] || fail "$fmt --disable: exit status $rc, expected 0"
    grep -Eq '\[resource-leak\]|"(rule|ruleId)":[[:space:]]*"resource-leak"' "$tmp/out" &&
        fail "$fmt --disable: the disabled rule is reported"
    "$S" -q --format "$fmt" --disable resource-leak --enable resource-leak cases/leak.c -- >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 1 ] || fail "$fmt --enable: exit status $rc, expected 1"
    grep -Eq '\[resource-leak\]|"(rule|ruleId)":[[:space:]]*"resource-leak"' "$tmp/out" ||
        fail "$fmt --enable: the rule is not reported"
done
exit 0
