# What a run could not fully analyze is in every machine format: the JSON
# report's summary.incomplete (valid against report.schema.json, which is
# checked to reject a bad item) and, in SARIF, one
# invocations[0].toolExecutionNotifications entry per item, with its level,
# message and file, executionSuccessful false when the run fails for it --
# a log that is still valid SARIF 2.1.0.  A complete run has no
# notification and executionSuccessful true.
# Needs python3 with jsonschema (Debian: python3-jsonschema).
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$PWD
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" 2>/dev/null >&2; exit 1; }
sarif_valid() { python3 "$here/sarif_check.py" validate "$here/sarif-schema-2.1.0.json" "$1" 2>>"$tmp/err"; }
json_valid() {
    python3 - "$here/report.schema.json" "$1" 2>>"$tmp/err" <<'PY'
import json, sys
try:
    import jsonschema
except ImportError:
    sys.exit(2)
schema, doc = (json.load(open(p)) for p in sys.argv[1:3])
errors = list(jsonschema.Draft7Validator(schema).iter_errors(doc))
for e in errors:
    print("/".join(map(str, e.absolute_path)), e.message[:200], file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}

# a database with every kind of per-file item: a file that is not C
# (random bytes), a file whose header is missing and one of whose functions
# cannot be lowered, a function over the budget, a C++ entry, and a clean file
python3 -c '
import random, sys
r = random.Random(7)
sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(2048)))
' >"$tmp/junk.c"
cat >"$tmp/net.c" <<'C'
#include <sys/socket.h>
#include <unistd.h>
#include "netconf.h"

int each_peer(void)
{
    FOR_EACH_PEER(p) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        close(fd);
    }
    return 0;
}
C
cp cases/over_budget.c cases/clean.c "$tmp/"
cat >"$tmp/compile_commands.json" <<JSON
[
  {"directory": "$tmp", "file": "junk.c", "arguments": ["cc", "-c", "junk.c"]},
  {"directory": "$tmp", "file": "net.c", "arguments": ["cc", "-c", "net.c"]},
  {"directory": "$tmp", "file": "over_budget.c", "arguments": ["cc", "-c", "over_budget.c"]},
  {"directory": "$tmp", "file": "clean.c", "arguments": ["cc", "-c", "clean.c"]},
  {"directory": "$tmp", "file": "widget.cc", "arguments": ["c++", "-c", "widget.cc"]}
]
JSON
cd "$tmp" || exit 1
"$S" --no-config --format json -p . >"$tmp/all.json" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || fail "json: exit status $rc, expected 3 (junk.c)"
json_valid "$tmp/all.json"; rc=$?
[ "$rc" -ne 2 ] || fail "cannot validate: is python3-jsonschema installed?"
[ "$rc" -eq 0 ] || fail "json: the report does not match report.schema.json"
python3 - "$tmp/all.json" <<'PY' || fail "json: summary.incomplete"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
got = [(i["file"], i["function"], i["reason"]) for i in s["incomplete"]]
want = [("widget.cc", None, "entry-not-c"),
        ("junk.c", None, "file-not-analyzed"),
        ("net.c", None, "file-with-errors"),
        ("net.c", "each_peer", "function-not-analyzed"),
        ("over_budget.c", "serve", "path-budget-exceeded")]
assert got == want, got
assert (s["failed_files"], s["partial_files"], s["skipped_functions"],
        s["skipped_paths"], s["skipped_entries"]) == (1, 1, 1, 0, 1), s
assert all(i["detail"] for i in s["incomplete"]), s["incomplete"]
PY
grep -q '^sockleak: 1 of 4 files could not be analyzed, 1 of 4 files had errors, 1 function not analyzed, 1 function over the path budget, 1 database entry not C: findings may be missing$' "$tmp/err" ||
    fail "the summary line does not say what may be missing"

# the schema is not a rubber stamp
sed 's/"reason":[[:space:]]*"entry-not-c"/"reason": "not-c"/' "$tmp/all.json" >"$tmp/bad.json"
cmp -s "$tmp/bad.json" "$tmp/all.json" && fail "the corruption did not apply"
json_valid "$tmp/bad.json" 2>/dev/null && fail "an unknown reason passed validation"

"$S" --no-config --format sarif -p . >"$tmp/all.sarif" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || fail "sarif: exit status $rc, expected 3"
sarif_valid "$tmp/all.sarif" || fail "sarif: not valid SARIF 2.1.0"
python3 - "$tmp/all.sarif" "$tmp/all.json" <<'PY' || fail "sarif: notifications"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
items = json.load(open(sys.argv[2]))["summary"]["incomplete"]
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False, inv
notes = inv["toolExecutionNotifications"]
assert len(notes) == len(items), (len(notes), len(items))
descs = run["tool"]["driver"]["notifications"]
for n, it in zip(notes, items):
    assert n["level"] == ("note" if it["reason"] == "entry-not-c" else "warning"), n
    assert n["descriptor"]["id"] == it["reason"], n
    assert descs[n["descriptor"]["index"]]["id"] == it["reason"], n
    text = n["message"]["text"]
    assert text.startswith(it["file"] + ": ") and it["detail"] in text, (text, it)
    loc = n["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == it["file"], loc
    if it["function"]:
        assert loc["logicalLocations"][0]["name"] == it["function"], loc
        assert it["function"] in text, text
PY

# a path longer than PATH_MAX: JSON and SARIF
mkdir -p "$tmp/deep"
cp "$here/cases/leak.c" "$tmp/deep/top.c"
name=$(printf 'd%.0s' $(seq 200))
( cd "$tmp/deep" && for i in $(seq 24); do mkdir "$name" && cd "$name" || exit 1; done ) ||
    fail "cannot build the deep tree"
"$S" --no-config --no-guess-includes --format json deep >"$tmp/deep.json" 2>"$tmp/err"
json_valid "$tmp/deep.json" || fail "deep: the report does not match report.schema.json"
grep -q '"reason":[[:space:]]*"path-too-long"' "$tmp/deep.json" || fail "deep: no path-too-long item"
"$S" --no-config --no-guess-includes --format sarif deep >"$tmp/deep.sarif" 2>"$tmp/err"
sarif_valid "$tmp/deep.sarif" || fail "deep: not valid SARIF 2.1.0"
grep -q '"id":[[:space:]]*"path-too-long"' "$tmp/deep.sarif" || fail "deep: no notification"

# a complete run: no notification, executionSuccessful true, no items
"$S" --no-config --format sarif clean.c -- >"$tmp/clean.sarif" 2>"$tmp/err"
sarif_valid "$tmp/clean.sarif" || fail "clean: not valid SARIF"
python3 - "$tmp/clean.sarif" <<'PY' || fail "clean: SARIF invocation"
import json, sys
inv = json.load(open(sys.argv[1]))["runs"][0]["invocations"][0]
assert inv["executionSuccessful"] is True and "toolExecutionNotifications" not in inv, inv
PY
"$S" --no-config --format json clean.c -- >"$tmp/clean.json" 2>"$tmp/err"
json_valid "$tmp/clean.json" || fail "clean: the report does not match report.schema.json"
grep -Eq '"incomplete":[[:space:]]*\[\]' "$tmp/clean.json" || fail "clean: incomplete is not empty"
grep -q 'findings may be missing' "$tmp/err" && fail "clean: said findings may be missing"
exit 0
