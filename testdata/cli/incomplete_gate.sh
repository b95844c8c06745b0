# --fail-on-incomplete (or "fail_on_incomplete": true in .sockleak.json)
# makes anything not fully analyzed exit 3; without it the exit status
# follows the findings.  Cases: a function over the path budget
# (cases/over_budget.c), and files whose missing header makes one function
# impossible to lower.  Each is named on stderr, listed in
# summary.incomplete, and the last summary line says findings may be
# missing.  --show-config shows the setting and where it came from.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }
run() { "$S" "$@" >"$tmp/out" 2>"$tmp/err"; }

# ---- over the path budget ----
run --no-config cases/over_budget.c --; rc=$?
[ "$rc" -eq 0 ] || fail "budget: exit status $rc, expected 0"
grep -q '^sockleak: path budget exceeded in 1 function: cases/over_budget\.c:serve$' "$tmp/err" ||
    fail "budget: the function is not named"
grep -q '^sockleak: 1 function over the path budget: findings may be missing$' "$tmp/err" ||
    fail "budget: no 'findings may be missing' line"

run --no-config --fail-on-incomplete cases/over_budget.c --; rc=$?
[ "$rc" -eq 3 ] || fail "budget, --fail-on-incomplete: exit status $rc, expected 3"

run --no-config --format json cases/over_budget.c --
python3 - "$tmp/out" <<'PY' || fail "budget: JSON report"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
assert s["budget_exceeded"] == ["cases/over_budget.c:serve"], s
(it,) = s["incomplete"]
assert (it["file"], it["function"], it["reason"]) == \
    ("cases/over_budget.c", "serve", "path-budget-exceeded"), it
PY

# ---- missing headers: 2 of 3 files have errors, one function is skipped ----
mkdir "$tmp/proj"
cp cases/leak.c "$tmp/proj/a_clean.c"
cat >"$tmp/proj/b_net.c" <<'C'
#include <sys/socket.h>
#include <unistd.h>
#include "netconf.h"

int each_peer(void)
{
    FOR_EACH_PEER(p) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        if (write(fd, "x", 1) < 0)
            return -1;
        close(fd);
    }
    return 0;
}
C
cat >"$tmp/proj/c_conf.c" <<'C'
#include <fcntl.h>
#include <unistd.h>
#include "netconf.h"

int load(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}
C
cd "$tmp/proj" || exit 1
run --no-config --no-guess-includes --format json .; rc=$?
[ "$rc" -eq 1 ] || fail "headers: exit status $rc, expected 1 (the leak in a_clean.c)"
grep -q '^sockleak: b_net\.c: 1 function not analyzed: each_peer (' "$tmp/err" ||
    fail "headers: the skipped function is not named"
grep -q '^sockleak: 2 of 3 files had errors, 1 function not analyzed: findings may be missing$' "$tmp/err" ||
    fail "headers: no 'findings may be missing' line"
python3 - "$tmp/out" <<'PY' || fail "headers: JSON report"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
assert s["partial_files"] == 2 and s["skipped_functions"] == 1, s
got = [(i["file"], i["function"], i["reason"]) for i in s["incomplete"]]
assert got == [("b_net.c", None, "file-with-errors"),
               ("b_net.c", "each_peer", "function-not-analyzed"),
               ("c_conf.c", None, "file-with-errors")], got
assert "netconf.h" in s["incomplete"][0]["detail"], s["incomplete"][0]
PY
run --no-config --no-guess-includes --fail-on-incomplete .; rc=$?
[ "$rc" -eq 3 ] || fail "headers, --fail-on-incomplete: exit status $rc, expected 3 (3 > 1)"

# ---- from the configuration file ----
echo '{"fail_on_incomplete": true}' >.sockleak.json
run --no-guess-includes c_conf.c; rc=$?
[ "$rc" -eq 3 ] || fail "config: exit status $rc, expected 3"
run --show-config
grep -qx 'fail-on-incomplete: yes (config)' "$tmp/out" || fail "config: --show-config"
run --no-guess-includes a_clean.c; rc=$?
[ "$rc" -eq 1 ] || fail "config, complete input: exit status $rc, expected 1"
grep -q 'findings may be missing' "$tmp/err" && fail "config, complete input: said findings may be missing"
echo '{"fail_on_incomplete": "yes"}' >.sockleak.json
run --no-guess-includes c_conf.c; rc=$?
[ "$rc" -eq 2 ] || fail "config, not a boolean: exit status $rc, expected 2"
rm .sockleak.json
run --show-config --no-config --fail-on-incomplete
grep -qx 'fail-on-incomplete: yes (command line)' "$tmp/out" || fail "--show-config on the command line"
"$S" --help | grep -q -- '--fail-on-incomplete' || fail "--help does not list --fail-on-incomplete"
exit 0
