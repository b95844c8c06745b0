# Nothing raw reaches a terminal (README: Terminal).  File names holding
# ESC, CR, backspace, a newline, a tab, DEL, an ill-formed UTF-8 byte, a C1
# control or a bidi control, each with a real leak; source that quotes such
# bytes in a literal, an identifier with a bidi control, a suppression
# comment holding ESC; a file that does not parse; a usage error, a missing
# input and a compiler flag echoing ESC; guessed include directories and a
# missing header with ESC in their names; --show-config and "excludes every
# file" with ESC in the configuration.  In every case stdout and stderr hold
# no byte a terminal would obey (only the "\n" that ends each line; also
# with --progress, and on a terminal apart from the progress line's own
# "\r ESC[K"), each byte shows in its escaped form, and a newline in a name
# cannot forge a finding line.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
leak=$(pwd)/cases/leak.c
fail() { echo "FAIL: $*" >&2; cat -v "$tmp/out" "$tmp/err" >&2; exit 1; }
run() { "$S" "$@" >"$tmp/out" 2>"$tmp/err"; }

# clean FILE...: every file is UTF-8 and holds no C0 control but the "\n"
# ending each line, no DEL, no C1 control, no bidi control and no Unicode
# line separator.
clean() {
    python3 - "$@" <<'PY'
import re, sys
bad = re.compile('[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]')
rc = 0
for p in sys.argv[1:]:
    data = open(p, 'rb').read()
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as e:
        print(f'{p}: not UTF-8: {e}', file=sys.stderr)
        rc = 1
        continue
    for n, line in enumerate(text.split('\n'), 1):
        m = bad.search(line)
        if m:
            print(f'{p}:{n}: raw U+{ord(m.group()):04X} in {line!r}', file=sys.stderr)
            rc = 1
sys.exit(rc)
PY
}
# has FILE TEXT: FILE holds TEXT (a fixed string).
has() { grep -qF -- "$2" "$1"; }

# ---- file names: the name as created, and as it must be shown
names=(
    $'esc\x1b[31m.c'                              'esc\x1b[31m.c'
    $'cr\rx.c'                                    'cr\rx.c'
    $'bs\bx.c'                                    'bs\x08x.c'
    $'nl\nforged.c:1:1: warning: forged [resource-leak].c'
                                                  'nl\nforged.c:1:1: warning: forged [resource-leak].c'
    $'tab\tx.c'                                   'tab\tx.c'
    $'del\x7fx.c'                                 'del\x7fx.c'
    $'bad\xff.c'                                  'bad\xff.c'
    $'c1\xc2\x9bx.c'                              'c1\u009bx.c'
    $'rlo\xe2\x80\xaex.c'                         'rlo\u202ex.c'
    $'caf\xc3\xa9.c'                              $'caf\xc3\xa9.c'
)
nfiles=$((${#names[@]} / 2))
mkdir "$tmp/src"
for ((i = 0; i < ${#names[@]}; i += 2)); do
    cp "$leak" "$tmp/src/${names[i]}" || fail "cannot create ${names[i + 1]}"
done
cd "$tmp/src" || exit 1

# text report and summary
run . --; rc=$?
[ "$rc" -eq 1 ] || fail "names: exit status $rc, expected 1"
clean "$tmp/out" "$tmp/err" || fail "names: a raw control byte"
for ((i = 1; i < ${#names[@]}; i += 2)); do
    has "$tmp/out" "${names[i]}:12:9: warning: " || fail "names: no warning for ${names[i]}"
    has "$tmp/out" "${names[i]}:8:14: note: (1) 'fd' acquired by socket()" ||
        fail "names: no note for ${names[i]}"
done
# one warning and four notes per file, every line a finding line: nothing
# forged, nothing split
[ "$(wc -l <"$tmp/out")" -eq $((5 * nfiles)) ] || fail "names: not $((5 * nfiles)) lines"
[ "$(grep -c ': warning: socket ' "$tmp/out")" -eq "$nfiles" ] || fail "names: not $nfiles warnings"
grep -q '^forged' "$tmp/out" && fail "names: a newline in a name forged a line"
grep -Evq '^[^:]+:[0-9]+:[0-9]+: (warning|note): ' "$tmp/out" && fail "names: a line that is not a finding"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "names: the summary is not one line"

# --progress (stderr not a terminal): one "[n/N] name" line per file
run --progress . --; rc=$?
[ "$rc" -eq 1 ] || fail "progress: exit status $rc, expected 1"
clean "$tmp/out" "$tmp/err" || fail "progress: a raw control byte"
for ((i = 1; i < ${#names[@]}; i += 2)); do
    grep -qE "^\[[0-9]+/$nfiles\] " "$tmp/err" || fail "progress: no progress line"
    has "$tmp/err" "] ${names[i]}" || fail "progress: ${names[i]} not shown escaped"
done
[ "$(wc -l <"$tmp/err")" -eq $((nfiles + 1)) ] || fail "progress: not $((nfiles + 1)) lines"

# --progress on a terminal: only the progress line's own "\r ESC[K"
if command -v script >/dev/null 2>&1; then
    cmd="$(printf '%q ' "$S" --progress --color never . --) >/dev/null"
    script -qec "$cmd" /dev/null >"$tmp/tty" 2>&1 </dev/null
    rc=$?
    [ "$rc" -eq 1 ] || { cat -v "$tmp/tty" >&2; fail "tty: exit status $rc, expected 1"; }
    has "$tmp/tty" 'esc\x1b[31m.c' || { cat -v "$tmp/tty" >&2; fail "tty: no escaped name"; }
    python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); open(sys.argv[1], "wb").write(d.replace(b"\r\x1b[K", b"").replace(b"\r\n", b"\n"))' "$tmp/tty"
    clean "$tmp/tty" || { cat -v "$tmp/tty" >&2; fail "tty: a raw control byte"; }
fi

# ---- quoted source text, identifiers, suppression comments
mkdir "$tmp/lit"
cd "$tmp/lit" || exit 1
{
    printf '#include <sys/socket.h>\n#include <unistd.h>\n\n'
    printf 'int dial(const char *buf, char c)\n{\n'
    printf '    int fd = socket(AF_INET, SOCK_STREAM, 0);\n'
    printf '    if (fd < 0)\n        return -1;\n'
    printf "    if (c == '\x1b')\n        return -2;\n"                    # line 9
    printf '    if (buf[0] == *"\x1b]0;pwned\x07")\n        return -3;\n'  # line 11
    printf '    if (buf[1] == *"\xff\xc3")\n        return -4;\n'          # line 13
    printf '    close(fd); // sockleak-ignore(\x1b[2J)\n    return 0;\n}\n\n'
    printf 'int bidi(void)\n{\n'
    printf '    int f\xe2\x80\xaed = socket(AF_INET, SOCK_STREAM, 0);\n'    # line 21
    printf '    return f\xe2\x80\xaed < 0 ? -1 : 0;\n}\n'
} >lit.c
run --report-unused-suppressions lit.c --; rc=$?
[ "$rc" -eq 1 ] || fail "literals: exit status $rc, expected 1"
clean "$tmp/out" "$tmp/err" || fail "literals: a raw control byte"
has "$tmp/out" "lit.c:10:9: warning: socket 'fd' from socket() at line 6 is not closed when 'c == '\\x1b'' is true [resource-leak]" ||
    fail "literals: the char literal is not escaped"
has "$tmp/out" "taking the true branch of 'buf[0] == *\"\\x1b]0;pwned\\x07\"'" ||
    fail "literals: the string literal is not escaped"
has "$tmp/out" "taking the true branch of 'buf[1] == *\"\\xff\\xc3\"'" ||
    fail "literals: the ill-formed UTF-8 is not escaped"
has "$tmp/out" "'f\\u202ed' acquired by socket()" || fail "literals: the bidi control is not escaped"
has "$tmp/err" "lit.c:15:19: warning: unused suppression 'sockleak-ignore(\\x1b[2J)' [unused-suppression]" ||
    fail "literals: the suppression comment is not escaped"

# ---- a file that does not parse: the name, the diagnostic, the function
mkdir "$tmp/broken"
cd "$tmp/broken" || exit 1
printf '#error bad \x1b[2J \xff here\nint f\xe2\x80\xae(void) { return 0 }\n' >$'broken\x1b[7m\n.c'
run --progress . --; rc=$?
clean "$tmp/out" "$tmp/err" || fail "broken: a raw control byte"
has "$tmp/err" 'sockleak: broken\x1b[7m\n.c: analyzed with errors: broken\x1b[7m\n.c:1:2: error: ' ||
    fail "broken: the file is not named escaped"
has "$tmp/err" 'not analyzed: f\u202e (' || fail "broken: the function is not named escaped"

# ---- errors that echo an argument: an option, a missing input, a flag
cd "$tmp/lit" || exit 1
run $'--bo\x1b[2Jgus' lit.c; rc=$?
[ "$rc" -eq 2 ] || fail "option: exit status $rc, expected 2"
clean "$tmp/out" "$tmp/err" || fail "option: a raw control byte"
has "$tmp/err" '--bo\x1b[2Jgus' || fail "option: the argument is not shown escaped"
run $'missing\x1b[2J\r.c'; rc=$?
[ "$rc" -eq 2 ] || fail "missing: exit status $rc, expected 2"
clean "$tmp/out" "$tmp/err" || fail "missing: a raw control byte"
has "$tmp/err" 'missing\x1b[2J\r.c' || fail "missing: the path is not shown escaped"
run lit.c -- $'-fno-such\x1b[2Jflag' $'-DX=\x1b[2J'; rc=$?
clean "$tmp/out" "$tmp/err" || fail "flags: a raw control byte"
has "$tmp/err" 'fno-such' || fail "flags: the rejected flag is not named"

# ---- guessed include directories and missing headers
mkdir -p "$tmp/guess/"$'inc\x1b[1m'
cd "$tmp/guess" || exit 1
echo '#define X 1' >$'inc\x1b[1m/x.h'
printf '#include "x.h"\n#include "gen\x1b[5m.h"\nint f(void) { return X; }\n' >main.c
run main.c; rc=$?
clean "$tmp/out" "$tmp/err" || fail "guess: a raw control byte"
has "$tmp/err" 'guessed include directories: inc\x1b[1m' || fail "guess: the directory is not shown escaped"
has "$tmp/err" "'gen\\x1b[5m.h' (included by 1 file)" || fail "guess: the missing header is not shown escaped"

# ---- configuration strings: --show-config, "excludes every file"
mkdir "$tmp/"$'cfg\x1b[1m'
cd "$tmp/"$'cfg\x1b[1m' || exit 1
cp "$leak" .
printf '{"exclude": ["x\\u001b[2J*.c", "*.c"], "baseline": "b\\u001b[2J.json"}\n' >.sockleak.json
echo '{"findings": []}' >$'b\x1b[2J.json'
run --show-config; rc=$?
[ "$rc" -eq 0 ] || fail "show-config: exit status $rc, expected 0"
clean "$tmp/out" "$tmp/err" || fail "show-config: a raw control byte"
has "$tmp/out" 'x\x1b[2J*.c' || fail "show-config: the pattern is not shown escaped"
has "$tmp/out" 'cfg\x1b[1m' || fail "show-config: the directory is not shown escaped"
has "$tmp/out" 'baseline: b\x1b[2J.json' || fail "show-config: the baseline is not shown escaped"
echo '{"exclude": ["*.c"]}' >.sockleak.json
run --config "$tmp/"$'cfg\x1b[1m/.sockleak.json' .; rc=$?
clean "$tmp/out" "$tmp/err" || fail "excludes: a raw control byte"
has "$tmp/err" 'cfg\x1b[1m/.sockleak.json excludes every file' || fail "excludes: the path is not shown escaped"
exit 0
