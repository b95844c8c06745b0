# --write-baseline FILE writes every finding as a JSON report; --baseline
# FILE then hides the findings whose fingerprint is in it.  Fingerprints
# hold no line numbers: shifting every line keeps the baseline valid.  Two
# identical leaks in one function stay distinct (ordinals), so adding a
# third is reported.  A stale entry is harmless; a missing or malformed
# baseline is exit 2.  A SARIF log works as a baseline too.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
X=$2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }
mkdir "$tmp/src"
cp cases/baseline.c "$tmp/src/net.c"
cp cases/clean.c "$tmp/src/clean.c"
here=$(pwd)
cd "$tmp" || exit 1
run() { "$S" -q "$@" >"$tmp/out" 2>"$tmp/err"; }
warnings() { grep -c ': warning: ' "$tmp/out"; }

# write: the report is unchanged, and the baseline is the JSON report
run --write-baseline base.json src/net.c --; rc=$?
[ "$rc" -eq 1 ] || fail "write: exit status $rc, expected 1"
[ "$(warnings)" -eq 3 ] || fail "write: expected 3 warnings in the text report"
[ "$(grep -c '"fingerprint":' base.json)" -eq 3 ] || fail "write: expected 3 fingerprints in the baseline"
[ "$(grep -o '"fingerprint":[^,]*' base.json | sort -u | wc -l)" -eq 3 ] ||
    fail "write: identical leaks share a fingerprint"
run --format json src/net.c --; rc=$?
diff <(grep -v '"seconds"' base.json) <(grep -v '"seconds"' "$tmp/out") >&2 ||
    fail "write: the baseline is not the JSON report"

# the same code: nothing new, exit 0
run --baseline base.json src/net.c --; rc=$?
[ "$rc" -eq 0 ] || fail "same code: exit status $rc, expected 0"
[ ! -s "$tmp/out" ] || fail "same code: findings reported"

# ten blank lines at the top shift every line: still nothing new
{ printf '\n\n\n\n\n\n\n\n\n\n'; cat src/net.c; } >src/shifted && mv src/shifted src/net.c
for fmt in text json sarif; do
    run --format "$fmt" --baseline base.json src/net.c --; rc=$?
    [ "$rc" -eq 0 ] || fail "shifted, $fmt: exit status $rc, expected 0"
    grep -Eq '\[resource-leak\]|"(rule|ruleId)":' "$tmp/out" && fail "shifted, $fmt: a finding is new"
done
grep -q '3 findings in the baseline' <("$S" --baseline base.json src/net.c -- 2>&1 >/dev/null) ||
    fail "shifted: the summary does not say how many findings the baseline hid"

# a new leak in a new function: exactly that one, exit 1
cat >>src/net.c <<'EOT'

int acceptor(int lfd)
{
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
        return -1;
    if (write(c, "x", 1) < 0)
        return -1;
    return c;
}
EOT
run --baseline base.json src/net.c --; rc=$?
[ "$rc" -eq 1 ] || fail "new leak: exit status $rc, expected 1"
[ "$(warnings)" -eq 1 ] || fail "new leak: expected exactly one warning"
grep -q "^src/net.c:45:9: warning: .*'c'.*\[resource-leak\]" "$tmp/out" || fail "new leak: not the new one"

# a third identical leak in dial_twice: one more, exit 1
sed -i '0,/^    return fd;$/s//    if (listen(fd, 1) < 0)\n        return -3;\n    return fd;/' src/net.c
grep -q 'return -3;' src/net.c || fail "third identical leak: the edit did not apply"
run --baseline base.json src/net.c --; rc=$?
[ "$rc" -eq 1 ] || fail "third identical leak: exit status $rc, expected 1"
[ "$(warnings)" -eq 2 ] || fail "third identical leak: expected two warnings (acceptor's and it)"
line=$(grep -n 'return -3;' src/net.c | cut -d: -f1)
grep -q "^src/net.c:$line:9: warning: .*'fd'.*\[resource-leak\]" "$tmp/out" ||
    fail "third identical leak: not reported"

# stale entries are harmless: the fixed file reports nothing
run --baseline base.json src/clean.c --; rc=$?
[ "$rc" -eq 0 ] || fail "stale: exit status $rc, expected 0"

# a SARIF log as the baseline
cp "$here/cases/baseline.c" src/net.c
run --format sarif -o base.sarif src/net.c --
run --baseline base.sarif src/net.c --; rc=$?
[ "$rc" -eq 0 ] || fail "SARIF baseline: exit status $rc, expected 0"

# --baseline and --write-baseline together: the new baseline has everything
run --baseline base.json --write-baseline base2.json src/net.c --; rc=$?
[ "$rc" -eq 0 ] || fail "both: exit status $rc, expected 0"
[ "$(grep -c '"fingerprint":' base2.json)" -eq 3 ] || fail "both: the new baseline lost findings"

# bad baselines: exit 2 with the file named, before any analysis
run --baseline missing.json src/net.c --; rc=$?
[ "$rc" -eq 2 ] || fail "missing: exit status $rc, expected 2"
grep -q 'missing.json' "$tmp/err" || fail "missing: the file is not named"
echo '{"findings": [' >bad.json
run --baseline bad.json src/net.c --; rc=$?
[ "$rc" -eq 2 ] || fail "not JSON: exit status $rc, expected 2"
grep -q 'bad.json.*malformed baseline.*not valid JSON' "$tmp/err" || fail "not JSON: unclear message"
echo '{"tool": {"name": "sockleak"}}' >bad.json
run --baseline bad.json src/net.c --; rc=$?
[ "$rc" -eq 2 ] || fail "no findings: exit status $rc, expected 2"
grep -q 'malformed baseline' "$tmp/err" || fail "no findings: unclear message"
echo '{"findings": [{"rule": "resource-leak"}]}' >bad.json
run --baseline bad.json src/net.c --; rc=$?
[ "$rc" -eq 2 ] || fail "no fingerprint: exit status $rc, expected 2"
grep -q 'fingerprint' "$tmp/err" || fail "no fingerprint: unclear message"
run --write-baseline "$tmp/no/such/dir/base.json" src/net.c --; rc=$?
[ "$rc" -eq 2 ] || fail "unwritable --write-baseline: exit status $rc, expected 2"
run --baseline; rc=$?
[ "$rc" -eq 2 ] || fail "--baseline without a file: exit status $rc, expected 2"
exit 0
