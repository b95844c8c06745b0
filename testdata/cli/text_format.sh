# The text report (SPEC section 4): "file:line:col: warning: MESSAGE [rule]"
# then numbered "note: (N) ..." lines, first at the acquisition, last at the
# primary location; the summary goes to stderr, not stdout.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

"$S" cases/leak.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"

n=0
while IFS= read -r line; do
    n=$((n + 1))
    if [ "$n" -eq 1 ]; then
        [[ "$line" =~ ^cases/leak\.c:12:9:\ warning:\ .+\ \[resource-leak\]$ ]] ||
            fail "line 1 is not the warning: $line"
    elif [ "$n" -eq 2 ]; then
        [[ "$line" =~ ^cases/leak\.c:8:14:\ note:\ \(1\)\ .+$ ]] ||
            fail "line 2 is not note (1) at the acquisition: $line"
    else
        [[ "$line" =~ ^cases/leak\.c:[0-9]+:[0-9]+:\ note:\ \(([0-9]+)\)\ .+$ ]] ||
            fail "line $n is not a note: $line"
        [ "${BASH_REMATCH[1]}" -eq $((n - 1)) ] || fail "note on line $n is not numbered $((n - 1))"
    fi
    last=$line
done <"$tmp/out"
[ "$n" -ge 3 ] || fail "the trace has fewer than two steps"
[[ "$last" =~ ^cases/leak\.c:12:9:\ note: ]] || fail "the last note is not at the return: $last"
grep -q 'finding' "$tmp/err" || fail "no summary line on stderr"

# -q drops the summary; the report itself is unchanged.
"$S" -q cases/leak.c -- >"$tmp/out2" 2>"$tmp/err"
cmp -s "$tmp/out" "$tmp/out2" || fail "-q changed stdout"
[ ! -s "$tmp/err" ] || fail "-q still writes to stderr"
exit 0
