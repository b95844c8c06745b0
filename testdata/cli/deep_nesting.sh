# Deeply nested code parses and is analyzed: 1,000 nested blocks, a chain of
# 2,000 nested macros (each adding a pair of parentheses) and 2,000 nested
# parentheses each find their leak; 3,000 nested parentheses (past clang's
# bracket-depth limit) name the function as not analyzed — never a crash.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

header='#include <sys/socket.h>
#include <unistd.h>'
gen() { # gen FILE OPEN CLOSE COUNT: the check `if (OPEN^COUNT fd CLOSE^COUNT < 0)`
    local open=$2 close=$3 n=$4 o="" c="" i
    for ((i = 0; i < n; i++)); do o+=$open; c+=$close; done
    printf '%s\nint dial(void)\n{\n    int fd = socket(AF_INET, SOCK_STREAM, 0);\n    if (%sfd%s < 0)\n        return -1;\n    if (write(fd, "x", 1) < 0)\n        return -1;\n    close(fd);\n    return 0;\n}\n' \
        "$header" "$o" "$c" >"$1"
}

# 1,000 nested blocks around the write
{
    printf '%s\nint dial(void)\n{\n    int fd = socket(AF_INET, SOCK_STREAM, 0);\n    if (fd < 0)\n        return -1;\n' "$header"
    for ((i = 0; i < 1000; i++)); do printf '{'; done
    printf '\n    if (write(fd, "x", 1) < 0)\n        return -1;\n'
    for ((i = 0; i < 1000; i++)); do printf '}'; done
    printf '\n    close(fd);\n    return 0;\n}\n'
} >"$tmp/blocks.c"
"$S" --no-guess-includes "$tmp/blocks.c" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "1000 nested blocks: exit status $rc, expected 1"
grep -q 'blocks.c:10:9: warning: .*\[resource-leak\]' "$tmp/out" || fail "1000 nested blocks: leak not found"

# a chain of 2,000 macros, each wrapping the next in parentheses
{
    printf '%s\n#define M0(x) (x)\n' "$header"
    for ((i = 1; i <= 2000; i++)); do printf '#define M%d(x) (M%d(x))\n' "$i" $((i - 1)); done
    printf 'int dial(void)\n{\n    int fd = socket(AF_INET, SOCK_STREAM, 0);\n    if (M2000(fd) < 0)\n        return -1;\n    if (write(fd, "x", 1) < 0)\n        return -1;\n    close(fd);\n    return 0;\n}\n'
} >"$tmp/macros.c"
"$S" --no-guess-includes "$tmp/macros.c" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "2000 nested macros: exit status $rc, expected 1"
grep -q 'macros.c:2010:9: warning: .*\[resource-leak\]' "$tmp/out" || fail "2000 nested macros: leak not found"
grep -q 'macros.c:2008:' "$tmp/out" && fail "2000 nested macros: the failed socket() path is reported"

gen "$tmp/parens.c" '(' ')' 2000
"$S" --no-guess-includes "$tmp/parens.c" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "2000 nested parentheses: exit status $rc, expected 1"
grep -q 'parens.c:9:9: warning: .*\[resource-leak\]' "$tmp/out" || fail "2000 parentheses: leak not found"

gen "$tmp/deeper.c" '(' ')' 3000
"$S" --no-guess-includes "$tmp/deeper.c" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -le 3 ] || fail "3000 nested parentheses: exit status $rc (a crash?)"
grep -q 'dial (' "$tmp/err" || fail "3000 nested parentheses: the function is not named as not analyzed"
grep -q 'warning:' "$tmp/out" && fail "3000 nested parentheses: a finding from a function clang could not parse"
exit 0
