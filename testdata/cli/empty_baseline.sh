# A baseline that holds no findings (written from a clean file, or an empty
# "findings" array written by hand) hides nothing: every finding is
# reported and the exit status is 1.  Sorting its empty fingerprint list
# once called qsort(NULL, 0, ...), which UndefinedBehaviorSanitizer
# rejects: the sanitizer build of this test catches it.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

"$S" -q --fail-on never --write-baseline "$tmp/empty.json" -o /dev/null cases/clean.c -- \
    >"$tmp/out" 2>"$tmp/err" || fail "writing the empty baseline: exit status $?"
grep -q '"findings":[[:space:]]*\[\]' "$tmp/empty.json" || fail "the baseline is not empty"
echo '{"findings": []}' >"$tmp/hand.json"
echo '{"runs": [{"results": []}]}' >"$tmp/hand.sarif"

for b in "$tmp/empty.json" "$tmp/hand.json" "$tmp/hand.sarif"; do
    "$S" -q --baseline "$b" cases/leak.c -- >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 1 ] || fail "$(basename "$b"): exit status $rc, expected 1"
    grep -q 'warning: .*\[resource-leak\]' "$tmp/out" || fail "$(basename "$b"): the leak is hidden"
    grep -qi 'runtime error\|Sanitizer' "$tmp/err" && fail "$(basename "$b"): sanitizer report"
done
exit 0
