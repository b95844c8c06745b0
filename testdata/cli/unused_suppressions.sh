# --report-unused-suppressions: every sockleak-ignore / NOLINT(sockleak-...)
# marker in an analyzed file that suppresses no finding is named on stderr
# as a compiler-style warning, and counts as a warning for --fail-on (exit 1
# by default, 0 with --fail-on error or never).  Used markers and other
# tools' NOLINT comments are not named; markers that name only disabled
# rules are not named either.  Without the flag nothing changes.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }
F=cases/unused_suppressions.c

"$S" -q "$F" -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "without the flag: exit status $rc, expected 0"
! grep -q 'unused' "$tmp/err" || fail "without the flag: unused suppressions reported"

cat >"$tmp/expected" <<EOT
$F:20:23: warning: unused suppression 'sockleak-ignore' [unused-suppression]
$F:27:39: warning: unused suppression 'sockleak-ignore(resource-laek)' [unused-suppression]
$F:30:19: warning: unused suppression 'NOLINT(sockleak-double-close)' [unused-suppression]
EOT
"$S" -q --report-unused-suppressions "$F" -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "with the flag: exit status $rc, expected 1"
diff -u "$tmp/expected" "$tmp/err" >&2 || fail "with the flag: wrong warnings"
[ ! -s "$tmp/out" ] || fail "with the flag: something on stdout"

# gates: the warnings stay, the exit status follows --fail-on
"$S" -q --report-unused-suppressions --fail-on error "$F" -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "--fail-on error: exit status $rc, expected 0"
[ "$(grep -c 'unused suppression' "$tmp/err")" -eq 3 ] || fail "--fail-on error: expected 3 warnings"

# a disabled rule: this run cannot tell whether its marker is used
"$S" -q --report-unused-suppressions --disable double-close "$F" -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "--disable: exit status $rc, expected 1"
grep -q 'NOLINT(sockleak-double-close)' "$tmp/err" && fail "--disable: a disabled rule's marker is reported"
[ "$(grep -c 'unused suppression' "$tmp/err")" -eq 2 ] || fail "--disable: expected 2 warnings"

# every marker used: nothing to say, exit 0; machine output unaffected
"$S" -q --report-unused-suppressions --format json cases/suppressed.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "all used: exit status $rc, expected 0"
[ ! -s "$tmp/err" ] || fail "all used: something reported"
grep -q '"findings":' "$tmp/out" || fail "all used: no JSON report"
exit 0
