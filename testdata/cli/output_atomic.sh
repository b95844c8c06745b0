# Outputs are replaced atomically, never truncated in place.  A report or
# baseline that cannot be written completely -- a read-only directory, a
# full disk (here the file-size limit of `ulimit -f`: sockleak ignores
# SIGXFSZ, so the write fails with EFBIG) -- is exit status 2 with one line
# naming the file, the previous file byte-for-byte as it was and no
# temporary left behind.  What must not change: a new file gets 0666 less
# the umask, a replaced one keeps its permissions, a symbolic link stays a
# link to the replaced file, and -o /dev/null or /dev/stdout is written in
# place (appended to: `-o /dev/stdout >>log` keeps what log held).
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }
chmod 755 "$tmp"

# leaks.c: 40 leaks, a JSON report of some 100 KiB
{
    echo '#include <sys/socket.h>'
    echo '#include <unistd.h>'
    for i in $(seq 1 40); do
        printf 'int f%d(int a)\n{\n    int fd = socket(AF_INET, SOCK_STREAM, 0);\n' "$i"
        printf '    if (fd < 0)\n        return -1;\n    if (a)\n        return -2;\n'
        printf '    close(fd);\n    return 0;\n}\n'
    done
} >"$tmp/leaks.c"
no_temps() { ! ls -A "$1" | grep -q 'sockleak-'; }

# ---- a read-only directory: the file in it is writable, the directory not
mkdir "$tmp/ro"
echo "previous report" >"$tmp/ro/report.json"
echo "previous baseline" >"$tmp/ro/base.json"
chmod 666 "$tmp/ro/report.json" "$tmp/ro/base.json"
chmod 555 "$tmp/ro"
as_user=
if [ "$(id -u)" -eq 0 ]; then
    # root writes anywhere: run as nobody, when the system can
    if command -v setpriv >/dev/null 2>&1 &&
        setpriv --reuid=65534 --regid=65534 --clear-groups "$S" --version >/dev/null 2>&1; then
        as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
    else
        echo "note: running as root without setpriv: read-only directory not tested" >&2
        as_user=skip
    fi
fi
if [ "$as_user" != skip ]; then
    for opt in -o --write-baseline; do
        f=$tmp/ro/report.json
        [ "$opt" = -o ] || f=$tmp/ro/base.json
        before=$(cat "$f")
        $as_user "$S" -q --format json "$opt" "$f" "$tmp/leaks.c" -- >"$tmp/out" 2>"$tmp/err" </dev/null
        rc=$?
        [ "$rc" -eq 2 ] || fail "read-only directory, $opt: exit status $rc, expected 2"
        [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "read-only directory, $opt: not one line on stderr"
        grep -q "$f: cannot create a file in $tmp/ro: Permission denied" "$tmp/err" ||
            fail "read-only directory, $opt: unclear message"
        [ "$(cat "$f")" = "$before" ] || fail "read-only directory, $opt: the file changed"
    done
    # a file that may not be written is not replaced, even in a directory
    # that may be written (renaming over it would succeed)
    chmod 777 "$tmp/ro"
    chmod 444 "$tmp/ro/report.json"
    $as_user "$S" -q -o "$tmp/ro/report.json" "$tmp/leaks.c" -- >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    [ "$rc" -eq 2 ] || fail "read-only file: exit status $rc, expected 2"
    grep -q "report.json: Permission denied" "$tmp/err" || fail "read-only file: unclear message"
    [ "$(cat "$tmp/ro/report.json")" = "previous report" ] || fail "read-only file: the file changed"
    chmod 666 "$tmp/ro/report.json"
fi
chmod 755 "$tmp/ro"

# ---- a full disk: at most 16 KiB per file
mkdir "$tmp/full"
for opt in -o --write-baseline; do
    printf 'previous\n' >"$tmp/full/out.json"
    cp "$tmp/full/out.json" "$tmp/prev"
    (ulimit -f 16 && exec "$S" -q --format json "$opt" "$tmp/full/out.json" "$tmp/leaks.c" --) \
        >/dev/null 2>"$tmp/err" </dev/null
    rc=$?
    [ "$rc" -eq 2 ] || fail "full disk, $opt: exit status $rc, expected 2"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "full disk, $opt: not one line on stderr"
    grep -q "out.json: cannot write: File too large" "$tmp/err" || fail "full disk, $opt: unclear message"
    cmp -s "$tmp/prev" "$tmp/full/out.json" || fail "full disk, $opt: the previous file changed"
    no_temps "$tmp/full" || fail "full disk, $opt: a temporary file is left"
done
# ... and with room, the same run writes it
"$S" -q --format json -o "$tmp/full/out.json" "$tmp/leaks.c" -- >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "with room: exit status $rc, expected 1"
[ "$(grep -c '"rule":' "$tmp/full/out.json")" -eq 40 ] || fail "with room: not 40 findings"

# ---- what a plain write did, kept
mkdir "$tmp/keep"
(umask 027 && exec "$S" -q -o "$tmp/keep/new.txt" "$tmp/leaks.c" --) >/dev/null 2>"$tmp/err"
[ "$(stat -c %a "$tmp/keep/new.txt")" = 640 ] || fail "a new file under umask 027 is not 0640"
echo old >"$tmp/keep/mine.txt"
chmod 600 "$tmp/keep/mine.txt"
"$S" -q -o "$tmp/keep/mine.txt" "$tmp/leaks.c" -- >/dev/null 2>"$tmp/err"
[ "$(stat -c %a "$tmp/keep/mine.txt")" = 600 ] || fail "a replaced file lost its permissions"
grep -q 'resource-leak' "$tmp/keep/mine.txt" || fail "the replaced file is not the report"
ln -s mine.txt "$tmp/keep/link.txt"
echo old >"$tmp/keep/mine.txt"
"$S" -q -o "$tmp/keep/link.txt" "$tmp/leaks.c" -- >/dev/null 2>"$tmp/err"
[ -L "$tmp/keep/link.txt" ] || fail "a symbolic link was replaced by a file"
grep -q 'resource-leak' "$tmp/keep/mine.txt" || fail "the file behind the link is not the report"
"$S" -q -o /dev/null "$tmp/leaks.c" -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "-o /dev/null: exit status $rc, expected 1"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
"$S" -q -o /dev/stdout "$tmp/leaks.c" -- >"$tmp/out" 2>"$tmp/err"
[ "$(grep -c 'resource-leak' "$tmp/out")" -eq 40 ] || fail "-o /dev/stdout: the report is not on stdout"
echo "first line" >"$tmp/out"
"$S" -q -o /dev/stdout "$tmp/leaks.c" -- >>"$tmp/out" 2>"$tmp/err"
[ "$(head -1 "$tmp/out")" = "first line" ] || fail "-o /dev/stdout >>FILE: FILE was replaced"
[ "$(grep -c 'resource-leak' "$tmp/out")" -eq 40 ] || fail "-o /dev/stdout >>FILE: the report is not appended"
no_temps "$tmp/keep" || fail "a temporary file is left"
exit 0
