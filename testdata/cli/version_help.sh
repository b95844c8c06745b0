# --version and --help print to stdout and exit 0.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

"$S" --version >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "--version: exit status $rc, expected 0"
grep -Eq 'sockleak.*[0-9]+\.[0-9]+' "$tmp/out" || fail "--version: no name and version on stdout"

"$S" --help >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "--help: exit status $rc, expected 0"
grep -qi 'usage' "$tmp/out" || fail "--help: no usage on stdout"
for opt in --format --fail-on --rules -p; do
    grep -q -- "$opt" "$tmp/out" || fail "--help does not mention $opt"
done
exit 0
