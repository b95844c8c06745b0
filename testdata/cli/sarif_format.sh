# --format sarif writes SARIF 2.1.0 that the official schema accepts
# (sarif-schema-2.1.0.json, see SARIF-SCHEMA-SOURCE.md), that says what the
# JSON report of the same run says (sarif_check.py compare), with the exit
# status of the other formats.  The validator itself is checked to reject
# broken SARIF, so this test cannot pass by validating nothing.
# Needs python3 with jsonschema (Debian: python3-jsonschema).
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" 2>/dev/null >&2; exit 1; }
check() { python3 sarif_check.py "$@" 2>>"$tmp/err"; }
valid() { check validate sarif-schema-2.1.0.json "$1"; }

# leak.c: one finding, exit 1, valid, same as the JSON report
"$S" -q --format sarif cases/leak.c -- >"$tmp/leak.sarif" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "leak: exit status $rc, expected 1"
valid "$tmp/leak.sarif"; rc=$?
[ "$rc" -ne 2 ] || fail "cannot validate: is python3-jsonschema installed?"
[ "$rc" -eq 0 ] || fail "leak: the SARIF log is not valid SARIF 2.1.0"
"$S" -q --format json cases/leak.c -- >"$tmp/leak.json" 2>>"$tmp/err"
check compare "$tmp/leak.sarif" "$tmp/leak.json" || fail "leak: SARIF and JSON disagree"
grep -q '"uri":[[:space:]]*"cases/leak.c"' "$tmp/leak.sarif" || fail "leak: uri is not repo-relative"
grep -q '"fixes":' "$tmp/leak.sarif" || fail "leak: no fix offered"

# the validator rejects what it must: a bad level, a missing version, an
# unknown key
sed 's/"level":[[:space:]]*"warning"/"level": "warn"/' "$tmp/leak.sarif" >"$tmp/bad1"
sed '/"version":[[:space:]]*"2.1.0"/d' "$tmp/leak.sarif" >"$tmp/bad2"
sed 's/"ruleIndex":/"ruleNumber":/' "$tmp/leak.sarif" >"$tmp/bad3"
for b in bad1 bad2 bad3; do
    cmp -s "$tmp/$b" "$tmp/leak.sarif" && fail "$b: the corruption did not apply"
    valid "$tmp/$b" 2>/dev/null && fail "$b: invalid SARIF passed validation"
done
: >"$tmp/err"

# suppressed findings: kept, marked inSource, and the same as in JSON
"$S" -q --format sarif cases/suppressed.c -- >"$tmp/supp.sarif" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "suppressed: exit status $rc, expected 0"
valid "$tmp/supp.sarif" || fail "suppressed: not valid SARIF"
[ "$(grep -c '"kind":[[:space:]]*"inSource"' "$tmp/supp.sarif")" -eq 3 ] ||
    fail "suppressed: expected three inSource suppressions"
"$S" -q --format json cases/suppressed.c -- >"$tmp/supp.json" 2>>"$tmp/err"
check compare "$tmp/supp.sarif" "$tmp/supp.json" || fail "suppressed: SARIF and JSON disagree"

# the demo: several rules, traces, fixes; -o FILE
"$S" -q --format sarif -o "$tmp/demo.sarif" ../demo -- 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "demo: exit status $rc, expected 1"
valid "$tmp/demo.sarif" || fail "demo: not valid SARIF"
"$S" -q --format json ../demo -- >"$tmp/demo.json" 2>>"$tmp/err"
check compare "$tmp/demo.sarif" "$tmp/demo.json" || fail "demo: SARIF and JSON disagree"

# --disable with SARIF: no results, every rule still described
"$S" -q --format sarif --disable resource-leak cases/leak.c -- >"$tmp/off.sarif" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "--disable: exit status $rc, expected 0"
valid "$tmp/off.sarif" || fail "--disable: not valid SARIF"
grep -q '"ruleId"' "$tmp/off.sarif" && fail "--disable: a disabled rule has results"
grep -q '"id":[[:space:]]*"resource-leak"' "$tmp/off.sarif" || fail "--disable: rule list incomplete"

# clean input: an empty results array
"$S" -q --format sarif cases/clean.c -- >"$tmp/clean.sarif" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "clean: exit status $rc, expected 0"
valid "$tmp/clean.sarif" || fail "clean: not valid SARIF"
grep -Eq '"results":[[:space:]]*\[[[:space:]]*\]' "$tmp/clean.sarif" || fail "clean: results is not empty"

# a path that needs percent-encoding, relative to the directory run in
mkdir "$tmp/sp ace" && cp cases/leak.c "$tmp/sp ace/le%ak.c"
(cd "$tmp" && "$S" -q --format sarif "sp ace/le%ak.c" -- >"$tmp/esc.sarif" 2>"$tmp/err")
valid "$tmp/esc.sarif" || fail "escaped path: not valid SARIF"
grep -q '"uri":[[:space:]]*"sp%20ace/le%25ak.c"' "$tmp/esc.sarif" || fail "escaped path: uri not percent-encoded"
exit 0
