# Findings from the shipped library packs speak the resource's language:
# its noun ("TLS session", "address list", "easy handle"), its release verb
# ("freed", "closed") and the acquiring call, in the headline and the trace.
set -u
S=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/out" "$tmp/err" >&2; exit 1; }

P=../packs
# has FILE:LINE:COL TEXT: a line of the text report at that location
# contains TEXT (a fixed string).
has() {
    grep -F "$1: " "$tmp/out" | grep -Fq -- "$2" ||
        fail "no line '$1: ...$2...'"
}

"$S" -q $P/openssl_connect_fail.c $P/netdb_early_return.c \
    $P/curl_early_return.c $P/stdio_popen_leak.c $P/stdio_use_after_fclose.c \
    $P/netdb_double_free.c $P/libevent_base.c $P/zlib_gzdopen.c -- \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"

has openssl_connect_fail.c:19:9 "warning: TLS session 'ssl' from SSL_new() at line 9 is not freed"
has openssl_connect_fail.c:19:9 "[resource-leak]"
has openssl_connect_fail.c:9:16 "note: (1) 'ssl' acquired by SSL_new()"
has openssl_connect_fail.c:19:9 "returning without freeing 'ssl'"
has netdb_early_return.c:23:9 "address list 'res' from getaddrinfo() at line 17 is not freed"
has netdb_double_free.c:12:5 "address list 'res' from getaddrinfo() at line 9 is freed twice [double-close]"
has netdb_double_free.c:11:5 "'res' freed by freeaddrinfo()"
has curl_early_return.c:13:9 "easy handle 'curl' from curl_easy_init() at line 9 is not freed"
has curl_early_return.c:28:9 "string list 'headers' from curl_slist_append() at line 24 is not freed"
has stdio_popen_leak.c:13:9 "pipe stream 'p' from popen() at line 9 is not closed"
has stdio_popen_leak.c:26:13 "directory stream 'd' from opendir() at line 20 is not closed"
has stdio_use_after_fclose.c:11:5 "stream 'fp' from fopen() at line 6 is used by fprintf() after it was closed [use-after-close]"
has stdio_use_after_fclose.c:9:9 "'fp' closed by fclose()"
has libevent_base.c:32:9 "event base 'base' from event_base_new() at line 23 is not freed"
has libevent_base.c:52:9 "event 'ev' from event_new() at line 48 is not freed"
has zlib_gzdopen.c:30:9 "gzip stream 'gz' from gzopen() at line 25 is not closed"

# JSON: the resource noun and the acquiring call of a pack finding.
"$S" -q --format json $P/openssl_connect_fail.c -- >"$tmp/out" 2>"$tmp/err"
grep -Eq '"resource":[[:space:]]*"TLS session"' "$tmp/out" || fail "json: resource is not \"TLS session\""
grep -Eq '"call":[[:space:]]*"SSL_new"' "$tmp/out" || fail "json: acquiring call is not SSL_new"
grep -Eq '"variable":[[:space:]]*"ssl"' "$tmp/out" || fail "json: variable is not ssl"
exit 0
