# A file that the database compiles twice (memcached builds each server
# file once plain and once with debugging on) has its functions analyzed
# twice; a function over the path budget is still one incomplete item, and
# the summary line counts it once.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }
cp cases/over_budget.c "$tmp/"
cat >"$tmp/compile_commands.json" <<JSON
[
  {"directory": "$tmp", "file": "over_budget.c", "arguments": ["cc", "-c", "-o", "a.o", "over_budget.c"]},
  {"directory": "$tmp", "file": "over_budget.c", "arguments": ["cc", "-c", "-DDEBUG", "-o", "b.o", "over_budget.c"]}
]
JSON
cd "$tmp" || exit 1
"$S" --no-config --format json -p . >"$tmp/out.json" 2>"$tmp/err"
python3 - "$tmp/out.json" <<'PY' || fail "summary.incomplete lists the function more than once"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
budget = [i for i in s["incomplete"] if i["reason"] == "path-budget-exceeded"]
assert [(i["file"], i["function"]) for i in budget] == [("over_budget.c", "serve")], budget
assert s["budget_exceeded"] == ["over_budget.c:serve"], s["budget_exceeded"]
PY
grep -q ' 1 function over the path budget' "$tmp/err" || fail "the summary line does not count it once"
grep -q 'path budget exceeded in 1 function: over_budget.c:serve$' "$tmp/err" ||
    fail "the budget line does not name it once"
echo ok
