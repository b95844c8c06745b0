# JSON and SARIF stay valid UTF-8 whatever the bytes of a path or of the
# source text a message quotes (README: JSON output).  Files whose names
# hold an ill-formed UTF-8 byte (two that differ only there), a truncated
# sequence, ESC and a newline, each with a real leak, and a leak whose
# message quotes a literal with ill-formed UTF-8: the JSON report parses as
# strict UTF-8 and validates against report.schema.json; "file" has U+FFFD
# for each ill-formed sequence and "file_bytes" (only then) the exact bytes,
# percent-encoded; the SARIF log validates against the SARIF 2.1.0 schema,
# says what the JSON report says, and its URIs are the exact bytes; the
# fingerprints are stable across runs and distinct for distinct files, and a
# baseline written from such a run hides all of its findings.
# Needs python3 with jsonschema (Debian: python3-jsonschema).
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(pwd)
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat -v "$tmp/err" >&2; exit 1; }

mkdir "$tmp/src"
for n in $'bad\xff.c' $'bad\xfe.c' $'trunc\xe2\x82.c' $'esc\x1b[31m\n.c' 'plain.c'; do
    cp cases/leak.c "$tmp/src/$n" || fail "cannot create a file"
done
printf '%s\n' '#include <sys/socket.h>' '#include <unistd.h>' '' \
    'int quote(const char *buf)' '{' '    int fd = socket(AF_INET, SOCK_STREAM, 0);' \
    '    if (fd < 0)' '        return -1;' >"$tmp/src/lit.c"
printf '    if (buf[0] == *"\xff\xe2\x82\x1b")\n        return -2;\n    close(fd);\n    return 0;\n}\n' \
    >>"$tmp/src/lit.c"
cd "$tmp/src" || exit 1

"$S" -q --format json . -- >"$tmp/a.json" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "json: exit status $rc, expected 1"
"$S" -q --format sarif . -- >"$tmp/a.sarif" 2>>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "sarif: exit status $rc, expected 1"

# the JSON report, checked against the files on disk
python3 - "$tmp/a.json" "$here/report.schema.json" 2>>"$tmp/err" <<'PY' || fail "json: see above"
import json, os, sys, urllib.parse
try:
    import jsonschema
except ImportError:
    sys.exit("python3-jsonschema is not installed")
report = json.load(open(sys.argv[1], encoding="utf-8"))   # strict UTF-8
jsonschema.Draft7Validator(json.load(open(sys.argv[2]))).validate(report)
names = set(os.listdir(b"."))
problems = []
def check(obj, where):
    has = "file_bytes" in obj
    if has:
        raw = urllib.parse.unquote_to_bytes(obj["file_bytes"])
        if raw not in names:
            problems.append(f"{where}: file_bytes {obj['file_bytes']!r} names no file")
        if obj["file"] != raw.decode("utf-8", "replace"):
            problems.append(f"{where}: file {obj['file']!r} is not the U+FFFD form of {raw!r}")
        if list(obj)[-1] != "file_bytes":
            problems.append(f"{where}: file_bytes is not the last key")
    else:
        if obj["file"].encode("utf-8") not in names:
            problems.append(f"{where}: file {obj['file']!r} names no file and has no file_bytes")
for i, f in enumerate(report["findings"]):
    check(f, f"finding {i}")
    check(f["acquired"], f"finding {i} acquired")
    for k, t in enumerate(f["trace"]):
        check(t, f"finding {i} step {k}")
files = sorted(f["file"] for f in report["findings"])
want = sorted(["bad\ufffd.c", "bad\ufffd.c", "trunc\ufffd.c", "esc\x1b[31m\n.c",
               "plain.c", "lit.c"])
if files != want:
    problems.append(f"files {files!r}, expected {want!r}")
bytes_ = sorted(f.get("file_bytes", "") for f in report["findings"])
if bytes_ != sorted(["", "", "", "bad%FE.c", "bad%FF.c", "trunc%E2%82.c"]):
    problems.append(f"file_bytes {bytes_!r}")
lit = [f for f in report["findings"] if f["file"] == "lit.c"]
if not lit or '*"\ufffd\ufffd\x1b"' not in lit[0]["message"]:
    problems.append(f"lit.c: message {lit[0]['message'] if lit else None!r}")
fps = [f["fingerprint"] for f in report["findings"]]
if len(set(fps)) != len(fps):
    problems.append(f"fingerprints not distinct: {fps}")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# the SARIF log: valid, the same findings, exact URIs
python3 "$here/sarif_check.py" validate "$here/sarif-schema-2.1.0.json" "$tmp/a.sarif" 2>>"$tmp/err" ||
    fail "sarif: not valid SARIF 2.1.0"
python3 "$here/sarif_check.py" compare "$tmp/a.sarif" "$tmp/a.json" 2>>"$tmp/err" ||
    fail "sarif: SARIF and JSON disagree"
for uri in 'bad%FF.c' 'bad%FE.c' 'trunc%E2%82.c' 'esc%1B%5B31m%0A.c'; do
    grep -q "\"uri\":[[:space:]]*\"$uri\"" "$tmp/a.sarif" || fail "sarif: no uri $uri"
done

# fingerprints: the same in a second run; a baseline of this run hides it all
"$S" -q --format json --write-baseline "$tmp/base.json" . -- >"$tmp/b.json" 2>>"$tmp/err"
python3 -c 'import json, sys
fp = lambda p: [f["fingerprint"] for f in json.load(open(p, encoding="utf-8"))["findings"]]
sys.exit(fp(sys.argv[1]) != fp(sys.argv[2]))' "$tmp/a.json" "$tmp/b.json" ||
    fail "fingerprints changed between two runs"
"$S" -q --baseline "$tmp/base.json" . -- >"$tmp/out" 2>>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "baseline: exit status $rc, expected 0"
[ ! -s "$tmp/out" ] || fail "baseline: findings reported"
exit 0
