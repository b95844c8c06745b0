# Every key of .sockleak.json replaces a default, and the command line wins
# over every key: "rules" load after the default packs and before --rules;
# --no-default-rules, --enable/--disable, --fail-on, --assume-borrow and
# --baseline override "no_default_rules", "enable"/"disable", "fail_on",
# "assume_borrow" and "baseline".  (--no-config overrides "exclude": see
# config_exclude.sh.)  Runs from a subdirectory, so every relative path in
# the file must be taken against the file's directory.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }
run() { "$S" "$@" >"$tmp/out" 2>"$tmp/err"; }
cfg() { printf '%s\n' "$1" >"$tmp/proj/.sockleak.json"; }
# expect STATUS WHAT ARGS...: runs sockleak -q ARGS, checks the exit status
expect() {
    local want=$1 what=$2
    shift 2
    run -q "$@"; local rc=$?
    [ "$rc" -eq "$want" ] || fail "$what: exit status $rc, expected $want"
}

mkdir -p "$tmp/proj/packs" "$tmp/proj/src" "$tmp/proj/base"
cp cases/widget.json "$tmp/proj/packs/"
cp cases/widget.json "$tmp/widget2.json"
for f in leak note_only borrow widget clean; do cp "cases/$f.c" "$tmp/proj/src/"; done
cd "$tmp/proj/src" || exit 1

# rules: after the default packs, before --rules
cfg '{"rules": ["packs/widget.json"]}'
expect 1 "rules" widget.c --
run --show-config --rules "$tmp/widget2.json"
sed -n '/^rule packs:/,/^rules:/s/^  .*(\(.*\))$/\1/p' "$tmp/out" | uniq |
    tr '\n' ' ' >"$tmp/order"
[ "$(cat "$tmp/order")" = "default config --rules " ] ||
    fail "rules: load order is '$(cat "$tmp/order")'"
grep -qx "  $tmp/proj/packs/widget.json (config)" "$tmp/out" ||
    fail "rules: the pack is not resolved against the file's directory"

# no_default_rules
cfg '{"no_default_rules": true}'
expect 0 "no_default_rules true" leak.c --
cfg '{"no_default_rules": false}'
expect 1 "no_default_rules false" leak.c --
expect 0 "--no-default-rules over false" --no-default-rules leak.c --

# enable / disable
cfg '{"disable": ["resource-leak"]}'
expect 0 "disable" leak.c --
expect 1 "--enable over disable" --enable resource-leak leak.c --
cfg '{"enable": ["resource-leak"]}'
expect 1 "enable" leak.c --
expect 0 "--disable over enable" --disable resource-leak leak.c --

# fail_on
cfg '{"fail_on": "never"}'
expect 0 "fail_on never" leak.c --
expect 1 "--fail-on warning over never" --fail-on warning leak.c --
cfg '{"fail_on": "note"}'
expect 1 "fail_on note" note_only.c --
expect 0 "--fail-on=error over note" --fail-on=error note_only.c --

# assume_borrow
cfg '{"assume_borrow": true}'
expect 1 "assume_borrow true" borrow.c --
cfg '{"assume_borrow": false}'
expect 0 "assume_borrow false" borrow.c --
expect 1 "--assume-borrow over false" --assume-borrow borrow.c --

# baseline: relative to the file; --baseline wins
"$S" -q --no-config --write-baseline "$tmp/proj/base/leak.json" leak.c -- >/dev/null 2>&1
"$S" -q --no-config --write-baseline "$tmp/clean.json" clean.c -- >/dev/null 2>&1
cfg '{"baseline": "base/leak.json"}'
expect 0 "baseline" leak.c --
run leak.c --
grep -q '1 finding in the baseline not reported' "$tmp/err" ||
    fail "baseline: not applied"
expect 1 "--baseline over baseline" --baseline "$tmp/clean.json" leak.c --

# a "baseline" that does not exist yet: an error, unless this run writes it
cfg '{"baseline": "base/new.json"}'
expect 2 "missing baseline" leak.c --
grep -q 'base/new.json' "$tmp/err" || fail "missing baseline: not named"
expect 1 "missing baseline, written" --write-baseline ../base/new.json leak.c --
[ -s "$tmp/proj/base/new.json" ] || fail "missing baseline: not written"
expect 0 "new baseline" leak.c --
exit 0
