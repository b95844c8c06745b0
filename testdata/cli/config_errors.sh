# A malformed .sockleak.json stops the run with exit status 2, nothing on
# stdout, and one line "sockleak: PATH:LINE:COL: what is wrong" pointing at
# the mistake: JSON syntax (where cJSON stopped; a trailing comma at the
# comma), a top level that is not an object, an unknown or duplicate key
# (at the key), a value of the wrong type, an unknown rule id, a rule both
# enabled and disabled, a bad fail_on level, a missing rule pack, a bad
# exclude pattern (at the value or element).  A pack the file names that is
# itself malformed is reported at its own line and column.
set -u
S=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(cd "$(mktemp -d)" && pwd -P) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }
cp cases/leak.c "$tmp/"
cp cases/bad_key.json "$tmp/"
mkdir "$tmp/sub"
cd "$tmp/sub" || exit 1

# bad WHAT TEXT EXPECTED: writes TEXT to ../.sockleak.json, runs sockleak
# from sub/ and wants exactly "sockleak: EXPECTED" on stderr.
bad() {
    printf '%s' "$2" >"$tmp/.sockleak.json"
    "$S" -q ../leak.c -- >"$tmp/out" 2>"$tmp/err"; local rc=$?
    [ "$rc" -eq 2 ] || fail "$1: exit status $rc, expected 2"
    [ ! -s "$tmp/out" ] || fail "$1: stdout is not empty"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$1: not one line on stderr"
    grep -qxF "sockleak: $3" "$tmp/err" || fail "$1: expected 'sockleak: $3'"
}
C=$tmp/.sockleak.json

bad "syntax" '{
  "fail_on": "note"
  "assume_borrow": true
}' "$C:3:3: JSON syntax error near '\"'"
bad "trailing comma" '{
  "disable": ["double-close",],
  "fail_on": "note"
}' "$C:2:29: JSON syntax error: a comma before ']'"
bad "unterminated" '{"fail_on": "note"' "$C:1:18: JSON syntax error: unexpected end of text after '\"'"
bad "empty" '' "$C:1:1: JSON syntax error: the file is empty"
bad "not an object" '
  ["rules"]' "$C:2:3: the configuration must be a JSON object"
bad "unknown key" '{
  "fail_on": "note",
    "failon": "note"
}' "$C:3:5: unknown key \"failon\" (known: rules, no_default_rules, enable, disable, fail_on, fail_on_incomplete, assume_borrow, no_guess_includes, baseline, exclude)"
bad "duplicate key" '{"fail_on": "note",
 "fail_on": "error"}' "$C:2:2: duplicate key \"fail_on\""
bad "bool type" '{
  "assume_borrow": "yes"
}' "$C:2:20: \"assume_borrow\" must be true or false"
bad "string type" '{"baseline": ["b.json"]}' "$C:1:14: \"baseline\" must be a string"
bad "array type" '{"exclude": "third_party/"}' "$C:1:13: \"exclude\" must be an array of strings"
bad "element type" '{"rules": [
    "../leak.c",
    7
]}' "$C:3:5: \"rules\" must be an array of strings (this element is not a string)"
bad "unknown rule" '{
  "disable": ["double-close", "fd-leak"]
}' "$C:2:31: unknown rule \"fd-leak\" (known: resource-leak, shutdown-without-close, double-close, use-after-close, use-before-check)"
bad "enabled and disabled" '{
  "enable": ["double-close"],
  "disable": ["use-after-close", "double-close"]
}' "$C:3:34: rule \"double-close\" is in both \"enable\" and \"disable\""
bad "fail_on level" '{
  "fail_on": "warn"
}' "$C:2:14: \"fail_on\" must be one of note, warning, error, never (not \"warn\")"
bad "missing pack" '{
  "rules": [
    "bad_key.json", "packs/none.json"
  ]
}' "$C:3:21: rule pack \"packs/none.json\" ($tmp/packs/none.json): No such file or directory"
bad "absolute exclude" '{"exclude": ["a/", "/usr/include/"]}' "$C:1:20: exclude pattern \"/usr/include/\" is absolute (it must be relative to the configuration file's directory)"
bad "exclude with .." '{"exclude": ["src/../gen/"]}' "$C:1:14: exclude pattern \"src/../gen/\" must not use \"..\""
bad "empty exclude" '{"exclude": [""]}' "$C:1:14: exclude pattern \"\" is empty"

# a malformed pack named by the file: the pack's own position
printf '{"rules": ["bad_key.json"]}' >"$C"
"$S" -q ../leak.c -- >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] || fail "bad pack: exit status $rc, expected 2"
grep -Eq "^sockleak: ($tmp/)?bad_key\.json:5:[0-9]+:.*relase" "$tmp/err" ||
    fail "bad pack: stderr lacks bad_key.json:5:COL: ... relase"

# --show-config reports the same errors
printf '{"fail_on": 1}' >"$C"
"$S" --show-config >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] || fail "--show-config: exit status $rc, expected 2"
grep -qxF "sockleak: $C:1:13: \"fail_on\" must be a string" "$tmp/err" ||
    fail "--show-config: message"
exit 0
