# Input that is not C at all is "could not be analyzed" (exit 3), never a
# clean run: random bytes named .c (clang reads them as a file with errors
# and finds nothing in it), and text with errors in which not one function
# definition can be read.  Each is named on stderr, counted as a failed file
# and listed in summary.incomplete; a leak in a good file next to them is
# still reported, and 3 takes precedence over 1.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

# 4 KiB of random bytes, the same every run
python3 -c '
import random, sys
r = random.Random(12)
sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(4096)))
' >"$tmp/junk.c" || fail "cannot write the junk file"
[ "$(wc -c <"$tmp/junk.c")" -eq 4096 ] || fail "the junk file is not 4096 bytes"

"$S" --no-guess-includes "$tmp/junk.c" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || fail "junk: exit status $rc, expected 3"
grep -q 'junk\.c: could not be parsed' "$tmp/err" || fail "junk: stderr does not name the file"
grep -q '^sockleak: 1 of 1 file could not be analyzed: findings may be missing$' "$tmp/err" ||
    fail "junk: no 'findings may be missing' line"

# text with errors and no function definition
printf 'This is not C.\nIt has no function at all;\n' >"$tmp/prose.c"
"$S" --no-guess-includes "$tmp/prose.c" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || fail "prose: exit status $rc, expected 3"

# next to a file with a leak: the leak is reported, the exit status is 3
"$S" --no-guess-includes --format json "$tmp/junk.c" cases/leak.c >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || fail "junk + leak: exit status $rc, expected 3 (3 > 1)"
python3 - "$tmp/out" <<'PY' || fail "junk + leak: JSON report"
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
assert [f["rule"] for f in r["findings"]] == ["resource-leak"], r["findings"]
assert s["files"] == 2 and s["failed_files"] == 1 and s["functions"] >= 1, s
inc = s["incomplete"]
assert len(inc) == 1, inc
assert inc[0]["file"].endswith("junk.c") and inc[0]["function"] is None, inc
assert inc[0]["reason"] == "file-not-analyzed" and inc[0]["detail"], inc
PY

# a file that parses is not affected: an empty file, a file of declarations
: >"$tmp/empty.c"
printf '#include <stddef.h>\nextern int table[];\nsize_t n = 3;\n' >"$tmp/decls.c"
"$S" --no-guess-includes "$tmp/empty.c" "$tmp/decls.c" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "empty and declarations: exit status $rc, expected 0"
grep -q 'findings may be missing' "$tmp/err" && fail "empty and declarations: said findings may be missing"
exit 0
