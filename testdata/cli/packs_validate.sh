# Every shipped pack loads: on its own (--no-default-rules --rules PACK),
# and all together as the default set.  Where python3 has jsonschema, each
# pack also validates against rules/pack.schema.json.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

R=../../rules
n=0
for pack in "$R"/*.json; do
    case $pack in *.schema.json) continue ;; esac
    n=$((n + 1))
    "$S" -q --no-default-rules --rules "$pack" cases/clean.c -- >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || fail "$pack on its own: exit status $rc"
    [ ! -s "$tmp/err" ] || fail "$pack on its own: stderr is not empty"
done
[ "$n" -ge 7 ] || fail "only $n packs in $R"

# All of them, in the default order, and then each again with --rules: a
# pack loaded twice only redefines what it already defined.
set --
for pack in "$R"/*.json; do
    case $pack in *.schema.json) continue ;; esac
    set -- "$@" --rules "$pack"
done
"$S" -q "$@" cases/clean.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "default packs plus each pack again: exit status $rc, expected 0"
"$S" -q cases/leak.c -- >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "default packs on leak.c: exit status $rc, expected 1"

if python3 -c 'import jsonschema' 2>/dev/null; then
    python3 - "$R" >"$tmp/err" 2>&1 <<'PY' || fail "schema validation"
import glob, json, sys
import jsonschema
d = sys.argv[1]
schema = json.load(open(d + "/pack.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = 0
for p in sorted(glob.glob(d + "/*.json")):
    if p.endswith(".schema.json"):
        continue
    for e in v.iter_errors(json.load(open(p))):
        print("%s: %s at %s" % (p, e.message, list(e.absolute_path)))
        bad += 1
sys.exit(1 if bad else 0)
PY
else
    echo "packs_validate: python3 jsonschema not available, schema check skipped" >&2
fi
exit 0
