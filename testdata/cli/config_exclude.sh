# "exclude" in .sockleak.json: patterns relative to the file's directory,
# "*" within one path segment, "**" across segments ("**/" also matching no
# directory), a match on a directory excluding all below it, a trailing '/'
# matching directories only.  Excluded files are not analyzed whether they
# come from a directory, a compilation database or an explicit PATH (also
# through a symbolic link); files outside the file's directory never are.
# --no-config analyzes everything; excluding every file is an empty run.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }
run() { "$S" -q "$@" >"$tmp/out" 2>"$tmp/err"; }
# analyzed: the sorted list of files with a finding (each file has one)
analyzed() { sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: .*/\1/p' "$tmp/out" | sort | tr '\n' ' '; }
check() {
    local got
    got=$(analyzed)
    [ "$got" = "$2" ] || fail "$1: analyzed '$got', expected '$2'"
}

P=$tmp/proj
for f in src/main.c src/x_test.c src/deep/y_test.c r_test.c \
         third_party/lib/tp.c third_party.c tests/unit.c tests/fuzz/a.c \
         tests/fuzz/deep/b.c gen/g.c gen/sub/h.c vendor/v.c vendor2.c \
         scripts/s.c onlydir/o.c; do
    mkdir -p "$P/$(dirname "$f")"
    cp cases/leak.c "$P/$f"
done
cp cases/leak.c "$tmp/outside.c"
cat >"$P/.sockleak.json" <<'JSON'
{
  "exclude": [
    "third_party/",
    "tests/fuzz/**",
    "gen/*.c",
    "**/*_test.c",
    "vendor",
    "./scripts//",
    "onlydir/o.c/"
  ]
}
JSON
cd "$P" || exit 1
kept="gen/sub/h.c onlydir/o.c src/main.c tests/unit.c third_party.c vendor2.c "

run .; check "directory" "$kept"
run --no-config .
[ "$(analyzed | wc -w)" -eq 15 ] || fail "--no-config: not every file analyzed"

# from a subdirectory: patterns stay relative to the file's directory
cd tests || exit 1
run .; check "subdirectory" "unit.c "
cd .. || exit 1

# explicit PATHs, also through a symbolic link; a file outside the tree
ln -s "$P" "$tmp/link"
run src/main.c src/x_test.c "$tmp/link/third_party/lib/tp.c" "$tmp/outside.c" --
check "explicit paths" "$tmp/outside.c src/main.c "

# a compilation database
{
    echo '['
    for f in src/main.c vendor/v.c gen/g.c; do
        printf '{"directory": "%s", "file": "%s", "arguments": ["cc", "-c", "%s"]},\n' "$P" "$f" "$f"
    done
    printf '{"directory": "%s", "file": "tests/unit.c", "arguments": ["cc", "-c", "tests/unit.c"]}\n' "$P"
    echo ']'
} >"$tmp/compile_commands.json"
run -p "$tmp/compile_commands.json"; check "database" "src/main.c tests/unit.c "

# every file excluded: nothing analyzed, exit 0, said on stderr
"$S" third_party/ >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] || fail "all excluded: exit status $rc, expected 0"
[ ! -s "$tmp/out" ] || fail "all excluded: a report"
grep -q 'excludes every file' "$tmp/err" || fail "all excluded: not said"
exit 0
