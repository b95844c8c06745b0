# SIGINT, SIGTERM or SIGHUP in the middle of a run never leaves a truncated
# report or baseline: the run exits with status 2 and one line saying so,
# and each output is either byte-for-byte the previous file or the complete
# new one, with no temporary left behind.  (It once left a 0-byte report.)
#
# A long input (16 files of 300 leaks) is interrupted after various delays
# with `timeout -s SIG`; a run may finish first, which is fine, but the
# first, short delays interrupt the analysis.  Then a run is interrupted
# the moment its temporary file appears, inside the window where the
# output is being written.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

mkdir "$tmp/src" "$tmp/out"
for k in $(seq 1 16); do
    {
        echo '#include <sys/socket.h>'
        echo '#include <unistd.h>'
        for i in $(seq 1 300); do
            printf 'int f%d_%d(int a)\n{\n    int fd = socket(AF_INET, SOCK_STREAM, 0);\n' "$k" "$i"
            printf '    if (fd < 0)\n        return -1;\n    if (a)\n        return -2;\n'
            printf '    close(fd);\n    return 0;\n}\n'
        done
    } >"$tmp/src/m$k.c"
done
NFIND=4800
report=$tmp/out/report.json base=$tmp/out/base.json

reset() {
    echo "previous report" >"$report"
    echo "previous baseline" >"$base"
    cp "$report" "$tmp/report.prev"
    cp "$base" "$tmp/base.prev"
}
# complete FILE: a whole JSON report of the run
complete() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if len(d["findings"]) == int(sys.argv[2]) else 1)' "$1" "$NFIND" 2>/dev/null
}
interrupted=0 untouched=0
# check LABEL RC SIGNAL: the state after one run
check() {
    local label=$1 rc=$2 sig=$3 f same=0
    for f in report base; do
        if cmp -s "$tmp/out/$f.json" "$tmp/$f.prev"; then
            same=$((same + 1))
        elif ! complete "$tmp/out/$f.json"; then
            fail "$label: $f.json is neither the previous file nor a complete report"
        fi
    done
    ! ls -A "$tmp/out" | grep -q 'sockleak-' || fail "$label: a temporary file is left"
    case $rc in
    1) [ "$same" -eq 0 ] || fail "$label: finished, but an output was not written" ;;
    2) grep -q "^sockleak: interrupted by $sig" "$tmp/err" || fail "$label: exit 2 without saying why"
       [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$label: not one line on stderr"
       interrupted=$((interrupted + 1))
       [ "$same" -eq 2 ] && untouched=$((untouched + 1)) ;;
    # killed by the signal itself: it came before sockleak's own handling
    # was set up (the first instants of the process, on a loaded machine);
    # nothing can have been written yet
    $((128 + $(kill -l "$sig"))))
       [ "$same" -eq 2 ] || fail "$label: killed by $sig, and an output changed" ;;
    *) fail "$label: exit status $rc, expected 2 (or 1 when it finished)" ;;
    esac
    return 0
}

for sig in INT TERM HUP; do
    for d in 0.2 0.4 0.8 1.5; do
        reset
        timeout --preserve-status -s "$sig" "$d" \
            "$S" -q -j1 --format json -o "$report" --write-baseline "$base" "$tmp/src" -- \
            >/dev/null 2>"$tmp/err" </dev/null
        check "SIG$sig after $d s" $? "SIG$sig"
    done
done
[ "$untouched" -ge 3 ] || fail "fewer than 3 runs were interrupted before writing (the input is too short?)"

# interrupted while writing: SIGINT as soon as a temporary exists (the
# baseline's, then the report's, which comes after the new baseline)
for which in base report; do
    reset
    "$S" -q -j1 --format json -o "$report" --write-baseline "$base" "$tmp/src" -- \
        >/dev/null 2>"$tmp/err" </dev/null &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        for f in "$tmp/out/.$which.json.sockleak-"*; do
            [ -e "$f" ] && kill -INT "$pid" 2>/dev/null && break 2
        done
    done
    wait "$pid"
    check "SIGINT while writing $which.json" $? SIGINT
done
exit 0
