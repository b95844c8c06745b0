# A user rule pack (--rules) teaches sockleak a new resource; without it the
# same file has no findings.
set -u
S=$1
X=$2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

# widget.c names the pack in its "sockleak-args:" annotation.
"$X" "$S" cases/widget.c || fail "findings with cases/widget.json differ"

"$S" -q cases/widget.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "without the pack: exit status $rc, expected 0"
exit 0
