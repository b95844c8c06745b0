# A field reached by two spellings is one place, and its findings name it as
# the user first wrote it: the cast kept ("((struct hdr *)b)->fd"), the
# union member used at the acquisition ("h.sock"); the text trace says the
# same name at the acquisition.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

"$S" -q --format json ../memory/cast_same_object.c ../memory/union_members.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
for name in '((struct hdr *)b)->fd' 'b->h.fd' '((struct lone *)p)->tail' \
            '((struct hdr *)v)->fd' 'h.sock' 'u.fd'; do
    tr -d ' \t' <"$tmp/out" | grep -Fq "\"variable\":\"${name// /}\"" || fail "no finding names '$name'"
done
# no finding names a spelling that is nowhere in the source
grep -Eq '"variable":[[:space:]]*"(b->fd|p->tail|v->fd)"' "$tmp/out" && fail "a finding names a path the user did not write"

"$S" -q ../memory/cast_same_object.c -- >"$tmp/out" 2>"$tmp/err"
grep -Fq "cast_same_object.c:25:29: note: (1) '((struct hdr *)b)->fd' acquired by socket()" "$tmp/out" ||
    fail "the trace does not name the place as written at its acquisition"
exit 0
