# Devices and FIFOs among the sources.  A 28-byte C file that includes
# /dev/zero (or /dev/urandom, or a header that is a symbolic link to
# /dev/zero) is parsed as clang parses it -- the device reads as an empty
# file -- in well under a second and without memory growing, and a leak in
# the same file is still found.  A compilation-database entry whose "file"
# is a FIFO (nobody writes to it) or /dev/zero is a file that cannot be
# analyzed: named on stderr, exit status 3, the other entries analyzed.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

# An unfixed sockleak grows until memory runs out: bound it where the build
# allows (a sanitizer build cannot run under ulimit -v).
limit_mem=
(ulimit -v 4000000 && "$S" --version) >/dev/null 2>&1 && limit_mem=1
run() {
    (
        [ -n "$limit_mem" ] && ulimit -v 4000000
        exec timeout 20 "$S" -q "$@"
    ) >"$tmp/out" 2>"$tmp/err" </dev/null
}

printf '#include "/dev/zero"\nint x;\n' >"$tmp/z.c"
[ "$(wc -c <"$tmp/z.c")" -eq 28 ] || fail "z.c is not the 28-byte file"
run "$tmp/z.c" --; rc=$?
[ "$rc" -ne 124 ] || fail "#include \"/dev/zero\": still running after 20 s"
[ "$rc" -eq 0 ] || fail "#include \"/dev/zero\": exit status $rc, expected 0"

mkdir "$tmp/inc"
ln -s /dev/zero "$tmp/inc/zero.h"
for inc in '"/dev/urandom"' '"zero.h"' '<zero.h>' '"../../../../../../../../dev/zero"'; do
    { printf '#include %s\n' "$inc"; cat cases/leak.c; } >"$tmp/leak.c"
    run --format json "$tmp/leak.c" -- -I"$tmp/inc"; rc=$?
    [ "$rc" -ne 124 ] || fail "#include $inc: still running after 20 s"
    [ "$rc" -eq 1 ] || fail "#include $inc: exit status $rc, expected 1"
    grep -q '"rule":[[:space:]]*"resource-leak"' "$tmp/out" || fail "#include $inc: the leak is not found"
done

# database entries: a FIFO and /dev/zero are named and not analyzed (exit 3)
mkfifo "$tmp/fifo.c"
cp cases/leak.c "$tmp/leak.c"
cat >"$tmp/compile_commands.json" <<EOT
[{"directory": "$tmp", "file": "fifo.c", "arguments": ["cc", "-c", "fifo.c"]},
 {"directory": "$tmp", "file": "/dev/zero", "arguments": ["cc", "-x", "c", "-c", "/dev/zero"]},
 {"directory": "$tmp", "file": "leak.c", "arguments": ["cc", "-c", "leak.c"]}]
EOT
(cd "$tmp" && exec timeout 10 "$S" -q --format json -p compile_commands.json) \
    >"$tmp/out" 2>"$tmp/err" </dev/null
rc=$?
[ "$rc" -ne 124 ] || fail "FIFO entry: still running after 10 s"
[ "$rc" -eq 3 ] || fail "FIFO entry: exit status $rc, expected 3"
grep -q 'fifo\.c.*not a regular file (a FIFO)' "$tmp/err" || fail "FIFO entry: not named as a FIFO"
grep -q '/dev/zero.*not a regular file (a character device)' "$tmp/err" ||
    fail "/dev/zero entry: not named as a device"
grep -q '"rule":[[:space:]]*"resource-leak"' "$tmp/out" || fail "FIFO entry: the other entry was not analyzed"
grep -q '"failed_files":[[:space:]]*2' "$tmp/out" || fail "FIFO entry: not counted as failed files"
exit 0
