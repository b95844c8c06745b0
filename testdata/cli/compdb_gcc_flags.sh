# Flags from GCC builds that clang rejects (-fconserve-stack,
# -mindirect-branch=thunk-extern, -mrecord-mcount) or only warns about
# (-fno-tree-vrp) do not make the files "analyzed with errors": the rejected
# ones are dropped with one note per flag for the whole run (whatever the
# number of files and threads), the leak is still found, and no file counts
# as partial or failed.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

GCC='"gcc", "-O2", "-fconserve-stack", "-fno-tree-vrp", "-mindirect-branch=thunk-extern", "-mrecord-mcount", "-Wno-format-truncation"'
cat >"$tmp/compile_commands.json" <<JSON
[
  {"directory": "$PWD", "file": "cases/leak.c", "arguments": [$GCC, "-c", "cases/leak.c"]},
  {"directory": "$PWD", "file": "cases/clean.c", "arguments": [$GCC, "-c", "cases/clean.c"]},
  {"directory": "$PWD", "file": "cases/borrow.c", "arguments": [$GCC, "-c", "cases/borrow.c"]},
  {"directory": "$PWD", "file": "cases/widget.c", "arguments": [$GCC, "-c", "cases/widget.c"]}
]
JSON
for j in 1 2; do
    "$S" --format json -j "$j" -p "$tmp" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 1 ] || fail "-j $j: exit status $rc, expected 1"
    grep -Eq '"rule":[[:space:]]*"resource-leak"' "$tmp/out" ||
        fail "-j $j: the leak in leak.c is not reported"
    grep -Eq '"partial_files":[[:space:]]*0' "$tmp/out" || fail "-j $j: partial files"
    grep -Eq '"failed_files":[[:space:]]*0' "$tmp/out" || fail "-j $j: failed files"
    grep -q 'analyzed with errors\|could not be parsed' "$tmp/err" &&
        fail "-j $j: a file is reported with errors"
    for f in -fconserve-stack -mindirect-branch=thunk-extern -mrecord-mcount; do
        n=$(grep -cxF "sockleak: note: dropped compiler flag '$f' (clang does not accept it)" "$tmp/err")
        [ "$n" -eq 1 ] || fail "-j $j: note for $f printed $n times, expected once"
    done
    [ "$(grep -c 'dropped compiler flag' "$tmp/err")" -eq 3 ] ||
        fail "-j $j: a flag clang accepts was dropped"
done

# Values clang rejects outright (-mfunction-return=thunk): libclang builds no
# unit at all and says nothing; the flags are found by parsing without them,
# dropped with a note, and the file is analyzed.
GCC='"gcc", "-O2", "-mfunction-return=thunk", "-mindirect-branch=thunk", "-fzero-call-used-regs=used-gpr"'
cat >"$tmp/compile_commands.json" <<JSON
[
  {"directory": "$PWD", "file": "cases/leak.c", "arguments": [$GCC, "-c", "cases/leak.c"]},
  {"directory": "$PWD", "file": "cases/clean.c", "arguments": [$GCC, "-c", "cases/clean.c"]}
]
JSON
for j in 1 2; do
    "$S" --format json -j "$j" -p "$tmp" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 1 ] || fail "thunk -j $j: exit status $rc, expected 1"
    grep -Eq '"rule":[[:space:]]*"resource-leak"' "$tmp/out" ||
        fail "thunk -j $j: the leak in leak.c is not reported"
    grep -Eq '"failed_files":[[:space:]]*0' "$tmp/out" || fail "thunk -j $j: failed files"
    for f in -mfunction-return=thunk -mindirect-branch=thunk; do
        n=$(grep -cxF "sockleak: note: dropped compiler flag '$f' (clang does not accept it)" "$tmp/err")
        [ "$n" -eq 1 ] || fail "thunk -j $j: note for $f printed $n times, expected once"
    done
done

# Options that only tune diagnostics are not given to libclang (GCC's
# warning names cost clang a search for the nearest one in every file;
# -Wfatal-errors and -pedantic-errors would change what parses), but -Wp,
# passes a definition to the preprocessor and stays: the leak it enables is
# found, and nothing is noted as dropped.
cat >"$tmp/feature.c" <<'C'
#include <sys/socket.h>
int probe(void)
{
#ifdef WITH_PROBE
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        return -1;
#endif
    return 0;
}
C
GCC='"gcc", "-O2", "-Wall", "-Wlogical-op", "-Wduplicated-cond", "-Wjump-misses-init", "-Werror", "-Wfatal-errors", "-pedantic-errors", "-Wno-format-truncation", "-Wp,-DWITH_PROBE"'
cat >"$tmp/compile_commands.json" <<JSON
[
  {"directory": "$tmp", "file": "feature.c", "arguments": [$GCC, "-c", "feature.c"]}
]
JSON
"$S" --format json -p "$tmp" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "diagnostic flags: exit status $rc, expected 1"
grep -Eq '"rule":[[:space:]]*"resource-leak"' "$tmp/out" ||
    fail "diagnostic flags: the leak -Wp,-DWITH_PROBE enables is not reported"
grep -q 'dropped compiler flag' "$tmp/err" && fail "diagnostic flags: a flag was noted as dropped"
exit 0
