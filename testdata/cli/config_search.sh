# .sockleak.json is found in the current directory or the nearest parent
# directory (like .clang-tidy); the nearest one wins; a directory of that
# name is not a configuration.  Its relative "rules" paths are taken
# against its own directory, whatever the current directory.  The file
# used is named on stderr only with --progress.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }
run() { "$S" "$@" >"$tmp/out" 2>"$tmp/err"; }

mkdir -p "$tmp/proj/packs" "$tmp/proj/src/deep"
cp cases/widget.json "$tmp/proj/packs/"
cp cases/widget.c "$tmp/proj/src/deep/"
printf '{\n  "rules": ["packs/widget.json"]\n}\n' >"$tmp/proj/.sockleak.json"
cd "$tmp/proj/src/deep" || exit 1

# two levels up; "packs/widget.json" is relative to the file, not to .
run -q widget.c --; rc=$?
[ "$rc" -eq 1 ] || fail "parent config: exit status $rc, expected 1"
grep -q '^widget.c:15:.*\[resource-leak\]' "$tmp/out" ||
    fail "parent config: the widget pack was not loaded"

# quiet about it by default; named with --progress
run widget.c --
grep -q 'sockleak.json' "$tmp/err" && fail "config named without --progress"
run --progress widget.c --
grep -qx "sockleak: using $tmp/proj/.sockleak.json" "$tmp/err" ||
    fail "--progress: the configuration used is not named"

# a directory called .sockleak.json is skipped
mkdir .sockleak.json
run -q widget.c --; rc=$?
[ "$rc" -eq 1 ] || fail "directory .sockleak.json: exit status $rc, expected 1"
rmdir .sockleak.json

# the nearest file wins: an empty one in src/ hides the one in proj/
echo '{}' >"$tmp/proj/src/.sockleak.json"
run -q widget.c --; rc=$?
[ "$rc" -eq 0 ] || fail "nearer config: exit status $rc, expected 0"
run --show-config
grep -qx "config file: $tmp/proj/src/.sockleak.json" "$tmp/out" ||
    fail "nearer config: --show-config names another file"

# one in the current directory is shown relative to it
echo '{"rules": ["../../packs/widget.json"]}' >.sockleak.json
run --show-config
grep -qx 'config file: .sockleak.json' "$tmp/out" ||
    fail "config in .: not shown as .sockleak.json"
run -q widget.c --; rc=$?
[ "$rc" -eq 1 ] || fail "config in .: exit status $rc, expected 1"
exit 0
