# The JSON inputs (--baseline, --config, --rules, -p) must be regular files
# of at most 256 MiB: /dev/zero, /dev/urandom, a FIFO or a directory given
# to any of them is refused at once with exit status 2 and one line naming
# the file -- no hang on the FIFO (nobody ever writes to it), no memory
# growing on the devices.  A file over the limit (a sparse one) is refused
# before it is read.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

mkfifo "$tmp/fifo.json" || fail "mkfifo"
mkdir "$tmp/fifodb" && mkfifo "$tmp/fifodb/compile_commands.json" || fail "mkfifo"
mkdir "$tmp/dir.json"
truncate -s 257M "$tmp/big.json" || fail "truncate"

# An unfixed sockleak reads /dev/zero until memory runs out: bound it where
# the build allows (a sanitizer build cannot run under ulimit -v).
limit_mem=
(ulimit -v 4000000 && "$S" --version) >/dev/null 2>&1 && limit_mem=1

# expect OPTION FILE WHAT: exit 2 in time, one line on stderr naming FILE
# and saying WHAT.
expect() {
    local opt=$1 file=$2 what=$3 rc
    (
        [ -n "$limit_mem" ] && ulimit -v 4000000
        exec timeout 10 "$S" -q "$opt" "$file" cases/clean.c --
    ) >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    [ "$rc" -ne 124 ] || fail "$opt $file: still running after 10 s"
    [ "$rc" -eq 2 ] || fail "$opt $file: exit status $rc, expected 2"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$opt $file: not one line on stderr"
    grep -qF "$file" "$tmp/err" || fail "$opt $file: the file is not named"
    grep -q "$what" "$tmp/err" || fail "$opt $file: stderr does not say '$what'"
    [ ! -s "$tmp/out" ] || fail "$opt $file: stdout is not empty"
}

for opt in --baseline --config --rules -p; do
    expect "$opt" /dev/zero "not a regular file (a character device)"
    expect "$opt" /dev/urandom "not a regular file (a character device)"
    expect "$opt" "$tmp/fifo.json" "not a regular file (a FIFO)"
    expect "$opt" "$tmp/big.json" "larger than 256 MiB"
done
for opt in --baseline --config --rules; do
    expect "$opt" "$tmp/dir.json" "not a regular file (a directory)"
done
# -p DIR reads DIR/compile_commands.json: a FIFO there is refused as well
expect -p "$tmp/fifodb" "not a regular file (a FIFO)"
exit 0
