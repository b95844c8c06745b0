# An output is never one of the run's inputs.  `-o v.c v.c` and
# `--write-baseline x.c x.c` once replaced the source with a report and
# exited 0; now they, and an output that is the configuration, a rule pack,
# the baseline (for -o), the compilation database, a source found in a
# directory or a symbolic link to a source, are refused with exit status 2
# and one line, the input byte-for-byte unchanged.  --write-baseline onto
# the baseline it reads is allowed: that is how a baseline is refreshed.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

mkdir "$tmp/p" "$tmp/p/src"
cp cases/leak.c "$tmp/p/v.c"
cp cases/leak.c "$tmp/p/x.c"
cp cases/leak.c "$tmp/p/src/deep.c"
cp cases/widget.json "$tmp/p/pack.json"
echo '{"fail_on": "warning"}' >"$tmp/p/.sockleak.json"
ln -s v.c "$tmp/p/link.txt"
cd "$tmp/p" || exit 1
printf '[{"directory": "%s", "file": "x.c", "arguments": ["cc", "-c", "x.c"]}]\n' \
    "$tmp/p" >compile_commands.json
"$S" -q --fail-on never --write-baseline base.json v.c -- >/dev/null 2>"$tmp/err" ||
    fail "writing a baseline"
sums() { md5sum v.c x.c src/deep.c pack.json .sockleak.json compile_commands.json base.json; }
sums >"$tmp/before"

# refused LABEL REGEX ARGS...: exit 2, one line matching REGEX, no change
refused() {
    local label=$1 re=$2 rc
    shift 2
    "$S" -q "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 2 ] || fail "$label: exit status $rc, expected 2"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$label: not one line on stderr"
    grep -Eq -- "$re" "$tmp/err" || fail "$label: stderr does not match $re"
    sums | diff "$tmp/before" - >&2 || fail "$label: an input changed"
    ls -A | grep -q 'sockleak-' && fail "$label: a temporary file is left"
    return 0
}

refused "-o v.c v.c" '^sockleak: -o v\.c: refusing to overwrite the source file v\.c' \
    -o v.c v.c --
refused "--write-baseline x.c x.c" '--write-baseline x\.c: refusing to overwrite the source file x\.c' \
    --write-baseline x.c x.c --
refused "-o ./v.c v.c" 'refusing to overwrite the source file' -o ./v.c v.c --
refused "-o link to v.c" '-o link\.txt: refusing to overwrite the source file v\.c' \
    -o link.txt v.c --
refused "-o a source found in a directory" 'refusing to overwrite the source file .*deep\.c' \
    -o src/deep.c src
refused "-o the configuration" 'refusing to overwrite the configuration file' \
    -o .sockleak.json v.c --
refused "--write-baseline the configuration" 'refusing to overwrite the configuration file' \
    --write-baseline .sockleak.json v.c --
refused "-o a rule pack" 'refusing to overwrite the rule pack pack\.json' \
    --rules pack.json -o pack.json v.c --
refused "-o the baseline" 'refusing to overwrite the baseline base\.json' \
    --baseline base.json -o base.json v.c --
refused "-o the database" 'refusing to overwrite the compilation database' \
    -p compile_commands.json -o compile_commands.json
refused "-o the database found" 'refusing to overwrite the compilation database' \
    -o compile_commands.json
refused "-o a database entry" 'refusing to overwrite the source file .*x\.c' \
    -p . -o x.c
refused "-o and --write-baseline the same" 'same file' \
    -o out.json --write-baseline out.json v.c --
[ ! -e out.json ] || fail "-o and --write-baseline the same: out.json was written"

# refreshing a baseline in place: read first, then replaced whole
cp x.c v.c
"$S" -q --baseline base.json --write-baseline base.json v.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "refresh: exit status $rc, expected 0"
[ "$(grep -c '"fingerprint":' base.json)" -eq 1 ] || fail "refresh: the baseline is not the new one"
exit 0
