/* escape.h — makes untrusted bytes safe to show.  File names, identifiers,
 * source text quoted in messages, compiler diagnostics and strings from a
 * configuration, rule pack or database can hold any byte; a terminal
 * obeys some of them (ESC starts a control sequence, CR and backspace
 * overwrite the line, a newline starts a line that looks like a finding).
 *
 * Two forms, documented in README.md ("Terminal" and "JSON output"):
 *
 * Terminal form (esc_term_*, ESC): every byte is shown as itself except
 *   - C0 controls and DEL: LF, CR and TAB as "\n", "\r", "\t", the others
 *     as "\xNN" (ESC is "\x1b", backspace "\x08", DEL "\x7f");
 *   - the code points of esc_term_hidden in escape.c: C1 controls
 *     (U+0080..U+009F), the bidirectional formatting characters and the
 *     Unicode line and paragraph separators, as "\uNNNN";
 *   - each byte of an ill-formed UTF-8 sequence, as "\xNN".
 * Backslash itself is not doubled: quoted C source keeps its spelling
 * ("\n" in a literal reads as it was written), and the form is for reading,
 * not for getting the bytes back (JSON and SARIF carry those).  Its result
 * holds no control character, no line break and nothing that reorders the
 * text around it.
 *
 * UTF-8 repair (esc_utf8_*): ill-formed sequences replaced by U+FFFD, one
 * per maximal subpart (Unicode §3.9 best practice; what browsers and
 * Python's errors="replace" do), for JSON strings.
 *
 * Percent form (esc_percent): RFC 3986 percent-encoding of every byte but
 * the unreserved characters and '/', which round-trips any byte string.
 *
 * Nothing here writes to a stream or keeps state: every function is safe to
 * call from any thread.
 */
#ifndef SOCKLEAK_ESCAPE_H
#define SOCKLEAK_ESCAPE_H

#include <stddef.h>

/* Size of the buffer ESC() and ESC_N() provide: any path up to PATH_MAX
 * (4096 bytes, each shown in at most 4 characters) fits whole. */
#define ESC_TERM_MAX 16400

/* Writes the terminal form of the n bytes at s (NULL is shown as "") into
 * buf, which has size bytes (at least 4), NUL-terminated.  When the form
 * does not fit, as many whole characters and escapes as fit are followed
 * by "...".  Returns buf. */
char *esc_term_buf(char *buf, size_t size, const char *s, size_t n);

/* Same for the NUL-terminated string s. */
char *esc_term_str(char *buf, size_t size, const char *s);

/* The terminal form of s (NUL-terminated) or of the n bytes at s, in a
 * buffer that lives until the end of the enclosing block: for wrapping an
 * argument of a printf-style call, as in
 *     fprintf(stderr, "sockleak: %s: ...\n", ESC(path));
 * Each use takes ESC_TERM_MAX bytes of stack. */
#define ESC(s) esc_term_str((char[ESC_TERM_MAX]){0}, ESC_TERM_MAX, (s))
#define ESC_N(s, n) esc_term_buf((char[ESC_TERM_MAX]){0}, ESC_TERM_MAX, (s), (n))


/* Nonzero when s (NULL counts as "") is well-formed UTF-8. */
int esc_utf8_valid(const char *s);

/* A heap copy of s with each ill-formed UTF-8 subsequence replaced by
 * U+FFFD ("\xef\xbf\xbd"); well-formed text is copied unchanged.  The
 * caller frees it.  NULL when s is NULL or memory runs out. */
char *esc_utf8_repair(const char *s);

/* A heap copy of s percent-encoded (RFC 3986): ASCII letters, digits, '-',
 * '.', '_', '~' and '/' kept, every other byte as "%XX" (upper-case hex).
 * The caller frees it.  NULL when s is NULL or memory runs out. */
char *esc_percent(const char *s);

#endif
