# A directory walk that cannot go everywhere says so and goes on: an
# unreadable subdirectory and a path longer than PATH_MAX are each named on
# stderr, counted (summary.skipped_paths) and listed in summary.incomplete,
# the rest of the tree is analyzed, and the exit status is 3 (some input
# was not analyzed).  A skipped directory that the configuration excludes
# is not reported.
#
# Tests run as root in CI, and root reads a chmod 000 directory: then the
# run is made as the user nobody (setpriv), after checking that nobody
# cannot read it, so the test cannot pass without an unreadable directory.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }
chmod 755 "$tmp"
cases=$PWD/cases

as_user() {
    if [ "$(id -u)" -ne 0 ]; then
        "$@"
    elif command -v setpriv >/dev/null; then
        setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
    else
        echo "FAIL: running as root without setpriv: cannot make a directory unreadable" >&2
        exit 1
    fi
}

# ---- an unreadable subdirectory ----
mkdir -p "$tmp/proj/src/a" "$tmp/proj/src/locked"
cp "$cases/leak.c" "$tmp/proj/src/a/"
cp "$cases/leak.c" "$tmp/proj/src/locked/hidden_leak.c"
chmod -R a+rX "$tmp/proj"
chmod 000 "$tmp/proj/src/locked"
as_user ls "$tmp/proj/src/locked" >/dev/null 2>&1 &&
    fail "the locked directory is readable: the test would prove nothing"
cd "$tmp/proj" || exit 1

as_user "$S" --no-config --no-guess-includes src >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || fail "unreadable: exit status $rc, expected 3"
grep -q '^sockleak: src/locked: cannot read directory: Permission denied; skipped$' "$tmp/err" ||
    fail "unreadable: the directory is not named"
grep -q '^src/a/leak\.c:[0-9]*:[0-9]*: warning: .*\[resource-leak\]$' "$tmp/out" ||
    fail "unreadable: the rest of the tree is not analyzed"
grep -q '^sockleak: 1 directory could not be read: findings may be missing$' "$tmp/err" ||
    fail "unreadable: no 'findings may be missing' line"

as_user "$S" --no-config --no-guess-includes --format json src >"$tmp/out" 2>"$tmp/err"
python3 - "$tmp/out" <<'PY' || fail "unreadable: JSON report"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
assert s["files"] == 1 and s["skipped_paths"] == 1, s
assert s["incomplete"] == [{"file": "src/locked", "function": None,
                            "reason": "directory-not-read",
                            "detail": "Permission denied"}], s["incomplete"]
PY

# excluded by the configuration: not reported, exit status from findings
echo '{"exclude": ["src/locked/"]}' >.sockleak.json
as_user "$S" --no-guess-includes src >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "excluded: exit status $rc, expected 1"
grep -q 'locked' "$tmp/err" && fail "excluded: the excluded directory is reported"
rm .sockleak.json

# ---- a path longer than PATH_MAX ----
mkdir -p "$tmp/deep"
cp "$cases/leak.c" "$tmp/deep/top.c"
name=$(printf 'd%.0s' $(seq 200))
(
    cd "$tmp/deep" || exit 1
    for i in $(seq 24); do mkdir "$name" && cd "$name" || exit 1; done
    cp "$cases/leak.c" lost.c
) || fail "cannot build the deep tree"
cd "$tmp" || exit 1
"$S" --no-config --no-guess-includes --format json deep >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || fail "too long: exit status $rc, expected 3"
grep -Eq '^sockleak: deep/(d{200}/)+d{200}: path longer than PATH_MAX \([0-9]+ bytes; the system takes at most [0-9]+\); skipped$' "$tmp/err" ||
    fail "too long: the path is not named"
grep -q '^sockleak: 1 path longer than PATH_MAX skipped: findings may be missing$' "$tmp/err" ||
    fail "too long: no 'findings may be missing' line"
python3 - "$tmp/out" <<'PY' || fail "too long: JSON report"
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
assert s["files"] == 1 and s["skipped_paths"] == 1, s
assert [f["file"] for f in r["findings"]] == ["deep/top.c"], r["findings"]
(it,) = s["incomplete"]
assert it["reason"] == "path-too-long" and it["function"] is None, it
assert it["file"].startswith("deep/d") and len(it["file"]) >= 4096, it
PY
exit 0
