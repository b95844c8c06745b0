# A translation unit libclang cannot create at all (an invalid -std value
# makes the compiler driver fail) is "could not be analyzed": exit 3 with
# the file named on stderr.  With a database, the other entry is still
# analyzed, and 3 takes precedence over 1.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

"$S" cases/clean.c -- -std=c99x >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || fail "exit status $rc, expected 3"
grep -q 'clean\.c' "$tmp/err" || fail "stderr does not name the file"

cat >"$tmp/compile_commands.json" <<JSON
[
  {"directory": "$PWD", "file": "cases/leak.c",
   "arguments": ["cc", "-c", "-o", "/dev/null", "cases/leak.c"]},
  {"directory": "$PWD", "file": "cases/clean.c",
   "command": "cc -std=c99x -c -o /dev/null cases/clean.c"}
]
JSON
"$S" --format json -p "$tmp" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || fail "database: exit status $rc, expected 3 (3 > 1)"
grep -q 'clean\.c' "$tmp/err" || fail "database: stderr does not name clean.c"
grep -Eq '"rule":[[:space:]]*"resource-leak"' "$tmp/out" ||
    fail "database: the leak in leak.c is not reported"
grep -Eq '"failed_files":[[:space:]]*1' "$tmp/out" ||
    fail "database: summary does not count one failed file"
exit 0
