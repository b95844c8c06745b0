# A file with a syntax error in one function is still analyzed: the other
# function's leak is reported, stderr names the file, and the exit status
# follows the findings (1), not "could not be analyzed" (3).
set -u
S=$1
X=$2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

"$S" cases/syntax_error.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
grep -q 'syntax_error\.c' "$tmp/err" || fail "stderr does not mention the file"
grep -Eq '^cases/syntax_error\.c:17:9: warning: .*\[resource-leak\]$' "$tmp/out" ||
    fail "the leak at line 17 is not reported"

"$X" "$S" cases/syntax_error.c || fail "findings differ from the annotations"
exit 0
