# --config FILE uses FILE (its relative paths taken against FILE's
# directory) and searches for nothing; --no-config ignores every
# configuration file; the two together are a usage error; a --config FILE
# that cannot be read is exit 2.  --help lists the three new options.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }
run() { "$S" "$@" >"$tmp/out" 2>"$tmp/err"; }

mkdir -p "$tmp/proj/src" "$tmp/other/packs"
cp cases/leak.c cases/widget.c "$tmp/proj/src/"
cp cases/widget.json "$tmp/other/packs/"
echo '{"disable": ["resource-leak"]}' >"$tmp/proj/.sockleak.json"
echo '{"rules": ["packs/widget.json"], "fail_on": "never"}' >"$tmp/other/cfg.json"
cd "$tmp/proj/src" || exit 1

# the found file applies
run -q leak.c --; rc=$?
[ "$rc" -eq 0 ] || fail "found file: exit status $rc, expected 0"

# --no-config: the leak is back
run -q --no-config leak.c --; rc=$?
[ "$rc" -eq 1 ] || fail "--no-config: exit status $rc, expected 1"
run --no-config --show-config
grep -qx 'config file: none' "$tmp/out" || fail "--no-config: --show-config names a file"

# --config FILE: replaces the found file (resource-leak is on again, but
# fail_on is never), and its pack is relative to FILE
run -q --config ../../other/cfg.json widget.c --; rc=$?
[ "$rc" -eq 0 ] || fail "--config: exit status $rc, expected 0"
grep -q '^widget.c:15:.*\[resource-leak\]' "$tmp/out" ||
    fail "--config: the pack of the named file was not loaded"
run --config="$tmp/other/cfg.json" --show-config
grep -qx "config file: $tmp/other/cfg.json" "$tmp/out" ||
    fail "--config=FILE: --show-config names another file"

# the command line still wins over the --config file
run -q --config ../../other/cfg.json --fail-on warning widget.c --; rc=$?
[ "$rc" -eq 1 ] || fail "--config with --fail-on: exit status $rc, expected 1"

# errors
run --config ../../other/cfg.json --no-config leak.c --; rc=$?
[ "$rc" -eq 2 ] || fail "--config with --no-config: exit status $rc, expected 2"
grep -q "'--config' and '--no-config'" "$tmp/err" ||
    fail "--config with --no-config: no message"
run --config nowhere.json leak.c --; rc=$?
[ "$rc" -eq 2 ] || fail "missing --config file: exit status $rc, expected 2"
grep -qx 'sockleak: nowhere.json: cannot read: No such file or directory' "$tmp/err" ||
    fail "missing --config file: message"
[ ! -s "$tmp/out" ] || fail "missing --config file: stdout is not empty"

# --help
run --help
for opt in '--config FILE' '--no-config' '--show-config' '.sockleak.json'; do
    grep -q -- "$opt" "$tmp/out" || fail "--help does not mention $opt"
done
exit 0
