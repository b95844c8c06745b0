/* incscan.c — #include directives read from the text (see incscan.h).
 *
 * One pass over the characters: comments and literals are stepped over, a
 * '#' that starts a line (after blanks or comments) starts a directive.
 * Conditional directives are followed on a stack of one bit per level
 * (whether that level makes its lines conditional) and the nesting depth of
 * the "#if 0" being skipped is kept: its #else, #elif or #endif ends the
 * skipping.  "#ifndef X" directly followed by "#define X" is an include
 * guard: its lines are not conditional. */
#include "cli/incscan.h"

#include <stdlib.h>
#include <string.h>

#include "cli/util.h"
#include "util/readfile.h"

/* Longest include name reported (longer ones are not real file names). */
#define CLI_INCSCAN_MAX_NAME 1024

/* Conditional levels followed one by one; deeper ones all count as
 * conditional. */
#define CLI_INCSCAN_LEVELS 64

typedef struct cli_scan {
    const char *s;
    size_t n, i;
    int depth;        /* conditional nesting at the current line */
    int skip_depth;   /* > 0: in the "#if 0" opened at this depth */
    unsigned long long cond;   /* bit d-1: level d makes lines conditional */
    const char *guard;         /* the NAME of an "#ifndef NAME" (or "#if
                                  !defined NAME") just read: when the next
                                  directive is "#define NAME", the level is
                                  an include guard, not a condition */
    size_t guard_len;
    cli_incscan_each each;
    void *ctx;
    size_t found;
} cli_scan;

static int cli_scan_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static void cli_scan_blanks(cli_scan *sc)
{
    while (sc->i < sc->n && cli_scan_blank(sc->s[sc->i]))
        sc->i++;
}

/* Steps over the rest of the line, backslash-newline continuations
 * included; leaves i on the '\n' (or at the end). */
static void cli_scan_to_eol(cli_scan *sc)
{
    while (sc->i < sc->n && sc->s[sc->i] != '\n') {
        if (sc->s[sc->i] == '\\' && sc->i + 1 < sc->n &&
            sc->s[sc->i + 1] == '\n')
            sc->i++;
        sc->i++;
    }
}

/* i is on "/ *": steps past the closing "* /" (or to the end). */
static void cli_scan_block_comment(cli_scan *sc)
{
    sc->i += 2;
    while (sc->i + 1 < sc->n &&
           !(sc->s[sc->i] == '*' && sc->s[sc->i + 1] == '/'))
        sc->i++;
    sc->i = sc->i + 1 < sc->n ? sc->i + 2 : sc->n;
}

/* i is on a quote: steps past the literal, which ends at the same quote or
 * at the end of the line (an unterminated literal). */
static void cli_scan_literal(cli_scan *sc)
{
    char q = sc->s[sc->i++];
    while (sc->i < sc->n && sc->s[sc->i] != q && sc->s[sc->i] != '\n') {
        if (sc->s[sc->i] == '\\' && sc->i + 1 < sc->n)
            sc->i++;
        sc->i++;
    }
    if (sc->i < sc->n && sc->s[sc->i] == q)
        sc->i++;
}

/* The directive's name ("include", "if", ...) starting at i, of length
 * *len (0 when there is none); i is left after it. */
static const char *cli_scan_word(cli_scan *sc, size_t *len)
{
    size_t start = sc->i;
    while (sc->i < sc->n &&
           (sc->s[sc->i] == '_' || (sc->s[sc->i] >= 'a' && sc->s[sc->i] <= 'z')))
        sc->i++;
    *len = sc->i - start;
    return sc->s + start;
}

static int cli_scan_is(const char *w, size_t len, const char *name)
{
    return strlen(name) == len && memcmp(w, name, len) == 0;
}

/* After "#include": reports "name" or <name> when it is on this line. */
static void cli_scan_include(cli_scan *sc)
{
    cli_scan_blanks(sc);
    if (sc->i >= sc->n || (sc->s[sc->i] != '"' && sc->s[sc->i] != '<'))
        return;   /* #include MACRO */
    int angled = sc->s[sc->i] == '<';
    char close = angled ? '>' : '"';
    size_t start = ++sc->i;
    while (sc->i < sc->n && sc->s[sc->i] != close && sc->s[sc->i] != '\n' &&
           sc->s[sc->i] != '\0')
        sc->i++;
    size_t len = sc->i - start;
    if (sc->i >= sc->n || sc->s[sc->i] != close || len == 0 ||
        len > CLI_INCSCAN_MAX_NAME || sc->skip_depth)
        return;
    char name[CLI_INCSCAN_MAX_NAME + 1];
    memcpy(name, sc->s + start, len);
    name[len] = '\0';
    sc->found++;
    int conditional = sc->cond != 0 || sc->depth > CLI_INCSCAN_LEVELS;
    sc->each(name, angled, conditional, sc->ctx);
}

/* The text at i, after blanks, starts with word; i is left after it. */
static int cli_scan_starts(cli_scan *sc, const char *word)
{
    cli_scan_blanks(sc);
    size_t len = strlen(word);
    if (sc->n - sc->i < len || memcmp(sc->s + sc->i, word, len) != 0)
        return 0;
    sc->i += len;
    return 1;
}

/* An identifier at i (after blanks), of length *len (0: none). */
static const char *cli_scan_ident(cli_scan *sc, size_t *len)
{
    cli_scan_blanks(sc);
    size_t start = sc->i;
    while (sc->i < sc->n &&
           (sc->s[sc->i] == '_' || (sc->s[sc->i] >= 'a' && sc->s[sc->i] <= 'z') ||
            (sc->s[sc->i] >= 'A' && sc->s[sc->i] <= 'Z') ||
            (sc->i > start && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')))
        sc->i++;
    *len = sc->i - start;
    return sc->s + start;
}

/* After "#ifndef" or "#if": remembers NAME of "NAME" or "!defined NAME"
 * or "!defined(NAME)" as a possible include guard. */
static void cli_scan_guard(cli_scan *sc, int negated)
{
    if (negated) {
        if (!cli_scan_starts(sc, "!") || !cli_scan_starts(sc, "defined"))
            return;
        cli_scan_starts(sc, "(");
    }
    sc->guard = cli_scan_ident(sc, &sc->guard_len);
    if (sc->guard_len == 0)
        sc->guard = NULL;
}

/* After "#define", when the directive before was "#ifndef NAME" (or "#if
 * !defined NAME"): "#define NAME" makes that level an include guard. */
static void cli_scan_define(cli_scan *sc, const char *guard, size_t guard_len)
{
    size_t len;
    const char *name = cli_scan_ident(sc, &len);
    if (guard && len == guard_len && memcmp(name, guard, len) == 0 &&
        sc->depth > 0 && sc->depth <= CLI_INCSCAN_LEVELS)
        sc->cond &= ~(1ull << (sc->depth - 1));
}

/* After "#if": nonzero when the condition is the literal 0. */
static int cli_scan_if_zero(cli_scan *sc)
{
    if (!cli_scan_starts(sc, "0"))
        return 0;
    cli_scan_blanks(sc);
    return sc->i >= sc->n || sc->s[sc->i] == '\n' || sc->s[sc->i] == '/';
}

/* Opens a conditional level; conditional says whether its lines are. */
static void cli_scan_open(cli_scan *sc, int conditional)
{
    sc->depth++;
    if (sc->depth <= CLI_INCSCAN_LEVELS && conditional)
        sc->cond |= 1ull << (sc->depth - 1);
}

/* #else or #elif: the level's lines are conditional from here on. */
static void cli_scan_else(cli_scan *sc)
{
    if (sc->skip_depth == sc->depth)
        sc->skip_depth = 0;
    if (sc->depth > 0 && sc->depth <= CLI_INCSCAN_LEVELS)
        sc->cond |= 1ull << (sc->depth - 1);
}

static void cli_scan_endif(cli_scan *sc)
{
    if (sc->skip_depth == sc->depth)
        sc->skip_depth = 0;
    if (sc->depth > 0 && sc->depth <= CLI_INCSCAN_LEVELS)
        sc->cond &= ~(1ull << (sc->depth - 1));
    if (sc->depth > 0)
        sc->depth--;
}

/* i is just after a '#' that starts a line. */
static void cli_scan_directive(cli_scan *sc)
{
    const char *guard = sc->guard;
    size_t guard_len = sc->guard_len;
    sc->guard = NULL;
    cli_scan_blanks(sc);
    size_t len;
    const char *w = cli_scan_word(sc, &len);
    if (cli_scan_is(w, len, "include")) {
        cli_scan_include(sc);
    } else if (cli_scan_is(w, len, "define")) {
        cli_scan_define(sc, guard, guard_len);
    } else if (cli_scan_is(w, len, "if")) {
        size_t at = sc->i;
        int zero = cli_scan_if_zero(sc);
        sc->i = at;
        cli_scan_open(sc, 1);
        cli_scan_guard(sc, 1);
        if (!sc->skip_depth && zero)
            sc->skip_depth = sc->depth;
    } else if (cli_scan_is(w, len, "ifdef")) {
        cli_scan_open(sc, 1);
    } else if (cli_scan_is(w, len, "ifndef")) {
        cli_scan_open(sc, 1);
        cli_scan_guard(sc, 0);
    } else if (cli_scan_is(w, len, "else") || cli_scan_is(w, len, "elif") ||
               cli_scan_is(w, len, "elifdef") ||
               cli_scan_is(w, len, "elifndef")) {
        cli_scan_else(sc);
    } else if (cli_scan_is(w, len, "endif")) {
        cli_scan_endif(sc);
    }
    cli_scan_to_eol(sc);
}

size_t cli_incscan_text(const char *text, size_t len, cli_incscan_each each,
                        void *ctx)
{
    cli_scan sc = {.s = text, .n = len, .each = each, .ctx = ctx};
    int line_start = 1;
    while (sc.i < sc.n) {
        char c = sc.s[sc.i];
        char next = sc.i + 1 < sc.n ? sc.s[sc.i + 1] : '\0';
        if (c == '\n') {
            line_start = 1;
            sc.i++;
        } else if (cli_scan_blank(c)) {
            sc.i++;
        } else if (c == '/' && next == '*') {
            cli_scan_block_comment(&sc);
        } else if (c == '/' && next == '/') {
            cli_scan_to_eol(&sc);
        } else if (c == '#' && line_start) {
            sc.i++;
            cli_scan_directive(&sc);
        } else if (c == '"' || c == '\'') {
            line_start = 0;
            cli_scan_literal(&sc);
        } else {
            line_start = 0;
            sc.i++;
        }
    }
    return sc.found;
}

int cli_incscan_file(const char *path, cli_incscan_each each, void *ctx)
{
    size_t len;
    char *buf = sl_read_file(path, CLI_INCSCAN_MAX_BYTES, SL_READ_PREFIX,
                             &len, NULL);
    if (!buf)
        return -1;
    cli_incscan_text(buf, len, each, ctx);
    free(buf);
    return 0;
}
