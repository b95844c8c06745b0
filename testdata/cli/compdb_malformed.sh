# A malformed compilation database is a usage error (exit 2) with the file,
# line and column of the JSON error, whether it is found in a directory, named
# with -p FILE under another name, or found by the upward search; an entry
# libclang could not use is named by its number.  Nothing goes to stdout.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

expect_error() {   # expect_error LABEL REGEX ARGS...
    label=$1 re=$2
    shift 2
    "$S" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 2 ] || fail "$label: exit status $rc, expected 2"
    [ ! -s "$tmp/out" ] || fail "$label: stdout is not empty"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$label: expected one line on stderr"
    grep -Eq "$re" "$tmp/err" || fail "$label: stderr does not match $re"
}

mkdir -p "$tmp/proj/build" "$tmp/proj/src/deep"
printf '[\n  {"directory": "/x", "file": "a.c",\n   "command": }\n]\n' \
    >"$tmp/proj/build/compile_commands.json"
expect_error "directory" 'compile_commands\.json:3:15: malformed JSON' -p "$tmp/proj/build"
(cd "$tmp/proj/src/deep" && "$S" >"$tmp/out" 2>"$tmp/err")
rc=$?
[ "$rc" -eq 2 ] || fail "upward search: exit status $rc, expected 2"
grep -Eq 'proj/build/compile_commands\.json:3:15: malformed JSON' "$tmp/err" ||
    fail "upward search: no file:line:col"

printf '[{"directory": "/x", "file": "a.c", "arguments": ["cc", "a.c"]},\n {"file": 1}]' \
    >"$tmp/db.json"
expect_error "bad entry" 'db\.json: entry 2: no "file" string' -p "$tmp/db.json"
printf '[{"directory": "/x",\n  "file": "a.c" "arguments": []}]' >"$tmp/db.json"
expect_error "other name" 'db\.json:2:17: malformed JSON' -p "$tmp/db.json"
exit 0
