# Database entries for C++ and assembler files (by extension, or by -x) are
# not analyzed as C: one line on stderr counts them, the C entry is analyzed,
# and the run is not "could not be analyzed" (exit 1 for the leak, not 3).
# A database with nothing but such entries is "no input" (exit 2).
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }
D=$PWD/cases/cdb

cat >"$tmp/compile_commands.json" <<JSON
[
  {"directory": "$D", "file": "widget.cc", "command": "c++ -std=c++17 -c widget.cc"},
  {"directory": "$D", "file": "start.S", "command": "cc -c start.S"},
  {"directory": "$PWD", "file": "cases/leak.c", "command": "cc -c cases/leak.c"},
  {"directory": "$PWD", "file": "cases/clean.c", "command": "cc -x c++ -c cases/clean.c"}
]
JSON
"$S" --format json -p "$tmp" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
[ "$(grep -c 'skipped' "$tmp/err")" -eq 1 ] || fail "expected one 'skipped' line"
grep -qx 'sockleak: skipped 3 entries that are not C (C++: 2, assembler: 1)' "$tmp/err" ||
    fail "the summary line is not as expected"
grep -Eq 'widget|start\.S|clean\.c' "$tmp/err" && fail "a skipped entry is named on stderr"
grep -Eq '"files":[[:space:]]*1,' "$tmp/out" || fail "expected one file analyzed"
grep -Eq '"failed_files":[[:space:]]*0' "$tmp/out" || fail "a file failed"
grep -Eq '"rule":[[:space:]]*"resource-leak"' "$tmp/out" ||
    fail "the leak in leak.c is not reported"

cat >"$tmp/compile_commands.json" <<JSON
[{"directory": "$D", "file": "start.S", "command": "cc -x assembler-with-cpp -c start.S"}]
JSON
"$S" -p "$tmp" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "only assembler: exit status $rc, expected 2"
grep -q 'no C entries' "$tmp/err" || fail "only assembler: no 'no C entries' message"
exit 0
