# A database entry whose flags come from a response file (@flags.rsp, named
# relative to the entry's directory): libclang's compilation database expands
# it, so the -I and -D the file needs are applied and its leak is found.
# Without the response file the same entry finds nothing, so the test fails
# if the expansion is lost.  The "command" form and a database with another
# name (-p FILE) get the same flags.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }
D=$PWD/cases/cdb

leak_at() {   # leak_at LABEL: the one resource-leak of dial.c, line 17
    grep -Eq '"rule":[[:space:]]*"resource-leak"' "$tmp/out" ||
        fail "$1: the leak is not found"
    [ "$(grep -o '"rule":' "$tmp/out" | wc -l)" -eq 1 ] ||
        fail "$1: expected exactly one finding"
    grep -Eq '"line":[[:space:]]*17,' "$tmp/out" || fail "$1: not at line 17"
    grep -Eq '"partial_files":[[:space:]]*0' "$tmp/out" ||
        fail "$1: the file was analyzed with errors"
}

cat >"$tmp/compile_commands.json" <<JSON
[{"directory": "$D", "file": "dial.c",
  "arguments": ["cc", "@flags.rsp", "-c", "-o", "dial.o", "dial.c"]}]
JSON
"$S" --format json -p "$tmp" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "arguments: exit status $rc, expected 1"
leak_at "arguments"

# "command" form, and a database file that is not called
# compile_commands.json (read through a staged link)
cat >"$tmp/other.json" <<JSON
[{"directory": "$D", "file": "$D/dial.c",
  "command": "/usr/bin/gcc @flags.rsp -c -o dial.o $D/dial.c"}]
JSON
"$S" --format json -p "$tmp/other.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "command, other name: exit status $rc, expected 1"
leak_at "command, other name"

# a relative "directory" (taken against the database's directory): the
# database is staged with it made absolute, so the response file is found
mkdir "$tmp/rel"
cp -r "$D/." "$tmp/rel/"
cat >"$tmp/rel.json" <<JSON
[{"directory": "rel", "file": "dial.c", "command": "cc @flags.rsp -c dial.c"}]
JSON
"$S" --format json -p "$tmp/rel.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "relative directory: exit status $rc, expected 1"
leak_at "relative directory"

# the same entry without the response file: no -DWITH_NET, no leak
cat >"$tmp/compile_commands.json" <<JSON
[{"directory": "$D", "file": "dial.c",
  "arguments": ["cc", "-Iinclude", "-c", "-o", "dial.o", "dial.c"]}]
JSON
"$S" --format json -p "$tmp" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "without the response file: exit status $rc, expected 0"
grep -q '"rule":' "$tmp/out" && fail "without the response file: a finding"
exit 0
