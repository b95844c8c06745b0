/* fixits.c — finalizes the engine's fixes against the source text (see
 * fixits.h).
 *
 * It reads each file once (findings are sorted by file) and looks at the
 * characters around the exit statement with a small C lexer that knows
 * comments, string and character literals and preprocessor lines, nothing
 * more.  Whenever the text is not exactly what the fix expects it drops
 * the fix: an unoffered fix costs the user a minute, a wrong one a bug.
 */
#include "cli/fixits.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/util.h"
#include "util/readfile.h"

typedef struct fx_src {
    char *path;        /* the file text belongs to; NULL: none loaded */
    char *text;        /* NULL when the file could not be read */
    size_t len;
} fx_src;

static void fx_src_free(fx_src *s)
{
    free(s->path);
    free(s->text);
    memset(s, 0, sizeof *s);
}

/* Makes s hold path (reads it unless it already does).  Only a regular
 * file of at most SL_READ_LIMIT bytes is read; otherwise s->text is NULL. */
static void fx_src_load(fx_src *s, const char *path)
{
    if (s->path && strcmp(s->path, path) == 0)
        return;
    fx_src_free(s);
    s->path = cli_xstrdup(path);
    s->text = sl_read_file(path, SL_READ_LIMIT, 0, &s->len, NULL);
}

/* ---- lexing ---- */

static int fx_ident(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* Index just past the end of the line at i, honouring backslash-newline. */
static size_t fx_line_end(const char *t, size_t n, size_t i)
{
    while (i < n && t[i] != '\n')
        i += (t[i] == '\\' && i + 1 < n) ? 2 : 1;
    return i;
}

/* When a comment, literal or (at a line start, bol) preprocessor line
 * starts at i, the index just past it; else i.  *pp is set for a
 * preprocessor line. */
static size_t fx_skip(const char *t, size_t n, size_t i, int bol, int *pp)
{
    *pp = 0;
    if (t[i] == '/' && i + 1 < n && t[i + 1] == '/')
        return fx_line_end(t, n, i);
    if (t[i] == '/' && i + 1 < n && t[i + 1] == '*') {
        const char *e = strstr(t + i + 2, "*/");
        return e ? (size_t)(e - t) + 2 : n;
    }
    if (t[i] == '"' || t[i] == '\'') {
        size_t k = i + 1;
        while (k < n && t[k] != t[i] && t[k] != '\n')
            k += t[k] == '\\' ? 2 : 1;
        return k < n ? k + 1 : n;
    }
    if (t[i] == '#' && bol) {
        *pp = 1;
        return fx_line_end(t, n, i);
    }
    return i;
}

/* The index of the last significant character before end (outside
 * comments and literals), or -1 when there is none or it belongs to a
 * preprocessor line. */
static long fx_prev_char(const char *t, size_t end)
{
    long last = -1;
    int bol = 1;
    for (size_t i = 0; i < end;) {
        int pp;
        size_t k = fx_skip(t, end, i, bol, &pp);
        if (k != i) {
            last = pp ? -1 : last;
            i = k;
            continue;
        }
        if (t[i] == '\n')
            bol = 1;
        else if (!isspace((unsigned char)t[i]))
            last = (long)i, bol = 0;
        i++;
    }
    return last;
}

/* The index of the ';' that ends the statement starting at start, or -1
 * when a '}' or ')' closes an enclosing construct first, or the text ends. */
static long fx_stmt_end(const char *t, size_t n, size_t start)
{
    int depth = 0;
    for (size_t i = start; i < n;) {
        int pp;
        size_t k = fx_skip(t, n, i, 0, &pp);
        if (k != i) {
            i = k;
            continue;
        }
        char c = t[i];
        if (c == '(' || c == '[' || c == '{')
            depth++;
        else if (c == ')' || c == ']' || c == '}') {
            if (--depth < 0)
                return -1;
        } else if (c == ';' && depth == 0)
            return (long)i;
        else if (c == '#')
            return -1;
        i++;
    }
    return -1;
}

/* ---- positions ---- */

/* 1-based line and byte column of offset off. */
static void fx_line_col(const char *t, size_t off, unsigned *line, unsigned *col)
{
    unsigned ln = 1;
    size_t bol = 0;
    for (size_t i = 0; i < off; i++)
        if (t[i] == '\n')
            ln++, bol = i + 1;
    *line = ln;
    *col = (unsigned)(off - bol) + 1;
}

static size_t fx_bol(const char *t, size_t off)
{
    while (off > 0 && t[off - 1] != '\n')
        off--;
    return off;
}

/* Nonzero when the text at e's offset is an exit statement's keyword and
 * e's line and column agree with its offset. */
static int fx_at_exit_stmt(const fx_src *s, const fnd_edit *e)
{
    static const char *const kw[] = {"return", "break", "continue", "goto"};
    size_t off = e->loc.off;
    if (!s->text || off >= s->len)
        return 0;
    unsigned line, col;
    fx_line_col(s->text, off, &line, &col);
    if (line != e->loc.line || col != e->loc.col)
        return 0;
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
        size_t n = strlen(kw[i]);
        if (strncmp(s->text + off, kw[i], n) == 0 && !fx_ident(s->text[off + n]))
            return 1;
    }
    return 0;
}

/* ---- building the edits ---- */

static void fx_set_edit(fnd_edit *e, const fx_src *s, const char *file,
                        size_t off, char *insert)
{
    if (e->loc.file != file) {
        free(e->loc.file);
        e->loc.file = cli_xstrdup(file);
    }
    e->loc.off = (unsigned)off;
    fx_line_col(s->text, off, &e->loc.line, &e->loc.col);
    free(e->insert);
    e->insert = insert;
}

/* "close(fd);\n<indent>" before the statement (or "close(fd); " when the
 * statement does not start its line). */
static void fx_insert_before(finding *f, const fx_src *s, const char *call)
{
    size_t off = f->edits[0].loc.off, bol = fx_bol(s->text, off), k = bol;
    while (k < off && (s->text[k] == ' ' || s->text[k] == '\t'))
        k++;
    char *ins = k == off ? cli_strf("%s\n%.*s", call, (int)(off - bol), s->text + bol)
                         : cli_strf("%s ", call);
    fx_set_edit(&f->edits[0], s, f->edits[0].loc.file, off, ins);
}

/* "{ close(fd); " before the statement, " }" after its ';'.  Returns -1
 * (nothing changed) when the statement's end is unclear. */
static int fx_wrap(finding *f, const fx_src *s, const char *call)
{
    size_t off = f->edits[0].loc.off;
    long semi = fx_stmt_end(s->text, s->len, off);
    if (semi < 0)
        return -1;
    f->edits = cli_xrealloc(f->edits, 2 * sizeof *f->edits);
    memset(&f->edits[1], 0, sizeof f->edits[1]);
    f->nedits = 2;
    const char *file = f->edits[0].loc.file;
    fx_set_edit(&f->edits[1], s, file, (size_t)semi + 1, cli_xstrdup(" }"));
    fx_set_edit(&f->edits[0], s, file, off, cli_strf("{ %s ", call));
    return 0;
}

/* Nonzero when the word ending at index last is "else". */
static int fx_word_is_else(const char *t, long last)
{
    long start = last;
    while (start > 0 && fx_ident(t[start - 1]))
        start--;
    return last - start + 1 == 4 && strncmp(t + start, "else", 4) == 0;
}

/* Finalizes f's fix against s; returns 0, or -1 when it must be dropped. */
static int fx_finalize_one(finding *f, const fx_src *s)
{
    const fnd_edit *e = &f->edits[0];
    size_t il = e->insert ? strlen(e->insert) : 0;
    if (f->nedits != 1 || il < 2 || e->insert[il - 1] != ';' ||
        strchr(e->insert, '\n') || !fx_at_exit_stmt(s, e))
        return -1;
    long last = fx_prev_char(s->text, e->loc.off);
    if (last < 0)
        return -1;
    char call[256];
    if (il >= sizeof call)
        return -1;
    memcpy(call, e->insert, il + 1);
    char c = s->text[last];
    if (strchr(";{}:", c)) {
        fx_insert_before(f, s, call);
        return 0;
    }
    if (c == ')' || fx_word_is_else(s->text, last))
        return fx_wrap(f, s, call);
    return -1;
}

void cli_fixits_finalize(finding_list *l)
{
    fx_src src = {0};
    for (size_t i = 0; i < l->n; i++) {
        finding *f = &l->items[i];
        if (!f->fix_description && f->nedits == 0)
            continue;
        const char *file = f->nedits ? f->edits[0].loc.file : NULL;
        if (file)
            fx_src_load(&src, file);
        if (!file || !f->fix_description || fx_finalize_one(f, &src) != 0)
            finding_drop_fix(f);
    }
    fx_src_free(&src);
}
