# Exit status follows --fail-on: 1 with a leak, 0 without, 0 with
# --fail-on never; a note-level finding fails only with --fail-on note.
set -u
S=$1
X=$2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/err" >&2; exit 1; }

run() { "$S" -q "$@" >"$tmp/out" 2>"$tmp/err"; }

run cases/leak.c --;                     rc=$?; [ "$rc" -eq 1 ] || fail "leak: exit $rc, expected 1"
run cases/clean.c --;                    rc=$?; [ "$rc" -eq 0 ] || fail "clean: exit $rc, expected 0"
run --fail-on never cases/leak.c --;     rc=$?; [ "$rc" -eq 0 ] || fail "--fail-on never: exit $rc, expected 0"
run --fail-on error cases/leak.c --;     rc=$?; [ "$rc" -eq 0 ] || fail "--fail-on error: exit $rc, expected 0"
run --fail-on note cases/leak.c --;      rc=$?; [ "$rc" -eq 1 ] || fail "--fail-on note, leak: exit $rc, expected 1"
run cases/note_only.c --;                rc=$?; [ "$rc" -eq 0 ] || fail "note only: exit $rc, expected 0"
run --fail-on note cases/note_only.c --; rc=$?; [ "$rc" -eq 1 ] || fail "note only, --fail-on note: exit $rc, expected 1"
run cases/leak.c cases/clean.c --;       rc=$?; [ "$rc" -eq 1 ] || fail "two files: exit $rc, expected 1"
run --disable resource-leak cases/leak.c --; rc=$?; [ "$rc" -eq 0 ] || fail "--disable resource-leak: exit $rc, expected 0"

"$X" "$S" cases/note_only.c || fail "note_only.c findings differ from the annotations"
exit 0
