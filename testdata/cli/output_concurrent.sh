# Two runs writing the same baseline at once each leave a complete file:
# every output is written to its own temporary and renamed into place, so
# the file is always one of the two baselines whole (the last rename wins),
# never a mix (which the old in-place writes produced in some trials: 1 to
# 5 of 20 with these inputs).
# 20 trials; both runs must also exit 1 (findings, no error), and no
# temporary may be left.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err.a" "$tmp/err.b" >&2; exit 1; }

gen() {   # gen FILE PREFIX: 300 leaks
    {
        echo '#include <sys/socket.h>'
        echo '#include <unistd.h>'
        for i in $(seq 1 300); do
            printf 'int %s%d(int a)\n{\n    int fd = socket(AF_INET, SOCK_STREAM, 0);\n' "$2" "$i"
            printf '    if (fd < 0)\n        return -1;\n    if (a)\n        return -2;\n'
            printf '    close(fd);\n    return 0;\n}\n'
        done
    } >"$1"
}
# The same 600 leaks under two directory names of different lengths: the
# two runs take the same time, so their writes overlap, and their
# baselines differ in size, so a mix of the two is not valid JSON.
a=$tmp/a b=$tmp/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
mkdir "$a" "$b" "$tmp/out"
for k in 1 2; do
    gen "$a/m$k.c" "f${k}_"
    cp "$a/m$k.c" "$b/m$k.c"
done
base=$tmp/out/base.json

for trial in $(seq 1 20); do
    "$S" -q -j1 --write-baseline "$base" "$a" -- >/dev/null 2>"$tmp/err.a" </dev/null &
    pa=$!
    "$S" -q -j1 --write-baseline "$base" "$b" -- >/dev/null 2>"$tmp/err.b" </dev/null &
    pb=$!
    wait "$pa"; ra=$?
    wait "$pb"; rb=$?
    [ "$ra" -eq 1 ] && [ "$rb" -eq 1 ] || fail "trial $trial: exit statuses $ra and $rb, expected 1 and 1"
    python3 -c 'import json, os, sys
f = json.load(open(sys.argv[1]))["findings"]
dirs = {os.path.dirname(x["file"]) for x in f}
sys.exit(0 if len(f) == 600 and len(dirs) == 1 else 1)' "$base" 2>/dev/null ||
        fail "trial $trial: the baseline is not one run's complete JSON report"
    ! ls -A "$tmp/out" | grep -q 'sockleak-' || fail "trial $trial: a temporary file is left"
done
exit 0
