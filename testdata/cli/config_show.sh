# --show-config prints the effective configuration on stdout and exits 0
# without analyzing anything: the configuration file (or none), whether the
# default packs load, every pack in load order with its origin, each rule
# on or off with its origin, fail-on, assume-borrow, the baseline and the
# exclude patterns.  A pack that does not load is exit 2, as in a run.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }
run() { "$S" "$@" >"$tmp/out" 2>"$tmp/err"; }
same() { diff "$tmp/expected" "$tmp/out" >&2 || fail "$1: output differs"; }

# a default rule directory of known contents: only posix.json is a pack
mkdir -p "$tmp/rules" "$tmp/proj/packs"
cp ../../rules/posix.json ../../rules/pack.schema.json ../../rules/README.md "$tmp/rules/"
cp ../../rules/posix.json "$tmp/rules/.hidden.json"
export SOCKLEAK_RULES_DIR=$tmp/rules
cp cases/widget.json "$tmp/proj/packs/"
cp cases/widget.json "$tmp/w2.json"
cp cases/bad_key.json "$tmp/"
echo '{"findings": []}' >"$tmp/proj/base.json"
cat >"$tmp/proj/.sockleak.json" <<'JSON'
{
  "rules": ["packs/widget.json"],
  "disable": ["shutdown-without-close", "use-after-close"],
  "enable": ["double-close"],
  "fail_on": "never",
  "assume_borrow": false,
  "baseline": "base.json",
  "exclude": ["third_party/", "./gen//*.c"]
}
JSON
cd "$tmp/proj" || exit 1

run --show-config --rules "$tmp/w2.json" --disable double-close \
    --enable use-after-close --assume-borrow some/path.c; rc=$?
[ "$rc" -eq 0 ] || fail "with a file: exit status $rc, expected 0"
[ ! -s "$tmp/err" ] || fail "with a file: stderr is not empty"
cat >"$tmp/expected" <<EOF2
config file: .sockleak.json
default packs: on (default)
rule packs:
  $tmp/rules/posix.json (default)
  packs/widget.json (config)
  $tmp/w2.json (--rules)
rules:
  resource-leak            enabled  (default)
  shutdown-without-close   disabled (config)
  double-close             disabled (command line)
  use-after-close          enabled  (command line)
  use-before-check         enabled  (default)
fail-on: never (config)
fail-on-incomplete: no (default)
assume-borrow: yes (command line)
guess-includes: yes (default)
baseline: base.json (config)
exclude (relative to $tmp/proj):
  third_party/
  gen/*.c
EOF2
same "with a file"

run --show-config --no-config --no-default-rules --fail-on error \
    --no-guess-includes; rc=$?
[ "$rc" -eq 0 ] || fail "no file: exit status $rc, expected 0"
cat >"$tmp/expected" <<'EOF2'
config file: none
default packs: off (command line)
rule packs: none
rules:
  resource-leak            enabled  (default)
  shutdown-without-close   enabled  (default)
  double-close             enabled  (default)
  use-after-close          enabled  (default)
  use-before-check         enabled  (default)
fail-on: error (command line)
fail-on-incomplete: no (default)
assume-borrow: no (default)
guess-includes: no (command line)
baseline: none
exclude: none
EOF2
same "no file"

# a pack that does not load
run --show-config --rules "$tmp/bad_key.json"; rc=$?
[ "$rc" -eq 2 ] || fail "bad pack: exit status $rc, expected 2"
grep -q 'bad_key\.json:5:[0-9]*:' "$tmp/err" || fail "bad pack: no position"
[ ! -s "$tmp/out" ] || fail "bad pack: stdout is not empty"
exit 0
