/* lex.c — what libclang's C API does not tell through cursors, read from
 * tokens (clang_tokenize) or from the file's bytes.  Exactly these:
 *   - the two `;` and the `)` of a `for` header (a `for` cursor omits the
 *     parts that are absent, so child order cannot tell init, condition and
 *     increment apart);
 *   - attribute names the API exposes only as CXCursor_UnexposedAttr:
 *     `noreturn` / `_Noreturn` on a declaration, and the function named by
 *     `__attribute__((cleanup(fn)))` (also through a macro's body);
 *   - the identifiers of a statement clang dropped while recovering from a
 *     compile error (front.c: no cursor is left for it);
 *   - source text for messages ("fd < 0"), and the table of macro
 *     expansions used to find a cleanup attribute written through a macro.
 * Operators are NOT read here: they come from clang_getCursorBinaryOperatorKind
 * and clang_getCursorUnaryOperatorKind (expr.c).  It builds no IR. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "front/lower.h"

/* The byte offset of sl in its file: for a token of a macro argument, where
 * the argument is written (`unlikely(fd < 0)`: the `<` between `fd` and `0`),
 * for a token of a macro body, where the macro is expanded. */
unsigned lw_offset(CXSourceLocation sl)
{
    unsigned off = 0;
    clang_getFileLocation(sl, NULL, NULL, NULL, &off);
    return off;
}

typedef struct toks {
    CXToken *t;
    unsigned n;
    CXTranslationUnit tu;
} toks;

static toks tokenize(lower *L, CXSourceRange r)
{
    toks k = {NULL, 0, L->tu};
    clang_tokenize(L->tu, r, &k.t, &k.n);
    return k;
}

static void toks_free(toks *k)
{
    if (k->t)
        clang_disposeTokens(k->tu, k->t, k->n);
    k->t = NULL;
    k->n = 0;
}

/* Copies token i's spelling into buf (truncated). */
static const char *tok_str(toks *k, unsigned i, char *buf, size_t n)
{
    CXString s = clang_getTokenSpelling(k->tu, k->t[i]);
    snprintf(buf, n, "%s", clang_getCString(s));
    clang_disposeString(s);
    return buf;
}

/* Copies s to w, shortening "name(args)" to "name(...)" for names with a
 * lower-case letter (functions, not macros).  w has room for 2 * strlen(s)
 * + 1 bytes: each replacement grows the text by at most two. */
static void shorten_calls(const char *s, char *w)
{
    for (const char *r = s; *r;) {
        if (*r == '(' && r > s && (isalnum((unsigned char)r[-1]) || r[-1] == '_')) {
            const char *id = r - 1;
            while (id > s && (isalnum((unsigned char)id[-1]) || id[-1] == '_'))
                id--;
            int lower_case = 0;
            for (const char *p = id; p < r; p++)
                lower_case |= islower((unsigned char)*p) != 0;
            int depth = 0;
            const char *e = r;
            for (; *e; e++) {
                depth += *e == '(';
                depth -= *e == ')';
                if (depth == 0)
                    break;
            }
            int is_sizeof = (size_t)(r - id) == 6 && strncmp(id, "sizeof", 6) == 0;
            if (*e == ')' && e > r + 1 && lower_case && !is_sizeof) {
                memcpy(w, "(...)", 5);
                w += 5;
                r = e + 1;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
}

/* What the unit remembers of file (its bytes, the location of offset 0):
 * libclang finds a file's buffer or a location in it by a linear search of
 * every source location entry, which is quadratic in a unity build. */
static struct file_text *file_info(tu_info *ti, CXFile file)
{
    for (size_t i = ti->ntexts; i > 0; i--)
        if (ti->texts[i - 1].file == file)
            return &ti->texts[i - 1];
    if (ti->ntexts == ti->texts_cap) {
        size_t cap = ti->texts_cap ? ti->texts_cap * 2 : 16;
        struct file_text *t = realloc(ti->texts, cap * sizeof(*t));
        if (!t)
            return NULL;
        ti->texts = t;
        ti->texts_cap = cap;
    }
    struct file_text *t = &ti->texts[ti->ntexts++];
    memset(t, 0, sizeof(*t));
    t->file = file;
    t->buf = clang_getFileContents(ti->tu, file, &t->size);
    return t;
}

static const char *file_contents(tu_info *ti, CXFile file, size_t *size)
{
    struct file_text *t = file_info(ti, file);
    if (!t) {
        return clang_getFileContents(ti->tu, file, size);
    }
    *size = t->size;
    return t->buf;
}

const char *lex_text(lower *L, CXCursor c, int shorten)
{
    CXSourceRange r = clang_getCursorExtent(c);
    CXFile file, efile;
    unsigned start, end;
    /* as written in a macro argument (`unlikely(fd < 0)`: "fd < 0"), else
     * the macro use as written ("INVALID(fd)") */
    clang_getFileLocation(clang_getRangeStart(r), &file, NULL, NULL, &start);
    clang_getFileLocation(clang_getRangeEnd(r), &efile, NULL, NULL, &end);
    if (file != efile || end <= start) {
        clang_getExpansionLocation(clang_getRangeStart(r), &file, NULL, NULL, &start);
        clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &end);
    }
    size_t size = 0;
    const char *buf = file ? file_contents(L->info, file, &size) : NULL;
    if (!buf || end <= start || end > size)
        return "";
    if (end - start > 400)
        end = start + 400;
    char *out = arena_alloc(L->f->arena, end - start + 1);
    size_t n = 0;
    int space = 0;
    for (unsigned i = start; i < end; i++) {
        char ch = buf[i];
        if (isspace((unsigned char)ch)) {
            space = n > 0;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = 0;
        out[n++] = ch;
    }
    out[n] = '\0';
    if (!shorten)
        return out;
    char *shortened = arena_alloc(L->f->arena, 2 * n + 1);
    shorten_calls(out, shortened);
    return shortened;
}

int lex_for_header(lower *L, CXCursor c, unsigned *semi1, unsigned *semi2,
                   unsigned *rparen)
{
    toks k = tokenize(L, clang_getCursorExtent(c));
    int depth = 0, nsemi = 0, ok = 0;
    for (unsigned i = 0; i < k.n && !ok; i++) {
        char b[4];
        if (clang_getTokenKind(k.t[i]) != CXToken_Punctuation)
            continue;
        tok_str(&k, i, b, sizeof b);
        unsigned off = lw_offset(clang_getTokenLocation(L->tu, k.t[i]));
        if (strcmp(b, "(") == 0) {
            depth++;
        } else if (strcmp(b, ")") == 0) {
            if (--depth == 0) {
                *rparen = off;
                ok = nsemi == 2;
                break;
            }
        } else if (strcmp(b, ";") == 0 && depth == 1) {
            if (nsemi == 0)
                *semi1 = off;
            else
                *semi2 = off;
            nsemi++;
        }
    }
    toks_free(&k);
    return ok;
}

typedef struct attr_scan {
    lower *L;
    int found;
} attr_scan;

static enum CXChildVisitResult attr_visit(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    attr_scan *a = data;
    if (!clang_isAttribute(clang_getCursorKind(c)))
        return CXChildVisit_Continue;
    toks k = tokenize(a->L, clang_getCursorExtent(c));
    for (unsigned i = 0; i < k.n && !a->found; i++) {
        char b[32];
        tok_str(&k, i, b, sizeof b);
        a->found = strstr(b, "noreturn") || strstr(b, "Noreturn");
    }
    toks_free(&k);
    return a->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

static int decl_noreturn(lower *L, CXCursor decl)
{
    CXString t = clang_getTypeSpelling(clang_getCursorType(decl));
    int nr = strstr(clang_getCString(t), "noreturn") != NULL;
    clang_disposeString(t);
    if (nr)
        return 1;
    attr_scan a = {L, 0};
    clang_visitChildren(decl, attr_visit, &a);
    return a.found;
}

int lex_decl_noreturn(lower *L, CXCursor decl)
{
    tu_info *ti = L->info;
    unsigned h = clang_hashCursor(decl);
    for (size_t i = 0; i < ti->nmemo; i++)
        if (ti->memo[i].hash == h && clang_equalCursors(ti->memo[i].decl, decl))
            return ti->memo[i].noreturn;
    int nr = decl_noreturn(L, decl);
    if (ti->nmemo == ti->memo_cap) {
        size_t cap = ti->memo_cap ? ti->memo_cap * 2 : 64;
        struct noreturn_memo *m = realloc(ti->memo, cap * sizeof(*m));
        if (!m)
            return nr;
        ti->memo = m;
        ti->memo_cap = cap;
    }
    ti->memo[ti->nmemo].hash = h;
    ti->memo[ti->nmemo].decl = decl;
    ti->memo[ti->nmemo++].noreturn = nr;
    return nr;
}

/* ---- macro expansions: one pass over the unit, then binary search ---- */

static enum CXChildVisitResult macro_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    tu_info *ti = d;
    if (clang_getCursorKind(c) != CXCursor_MacroExpansion)
        return CXChildVisit_Continue;
    if (ti->nmacros == ti->macros_cap) {
        size_t cap = ti->macros_cap ? ti->macros_cap * 2 : 1024;
        macro_use *m = realloc(ti->macros, cap * sizeof(*m));
        if (!m)
            return CXChildVisit_Break;
        ti->macros = m;
        ti->macros_cap = cap;
    }
    macro_use *u = &ti->macros[ti->nmacros];
    clang_getExpansionLocation(clang_getCursorLocation(c), &u->file, NULL, NULL, &u->off);
    u->def = clang_getCursorReferenced(c);
    if (!clang_Cursor_isNull(u->def))
        ti->nmacros++;
    return CXChildVisit_Continue;
}

static int macro_cmp(const void *a, const void *b)
{
    const macro_use *x = a, *y = b;
    if (x->file != y->file)
        return (uintptr_t)x->file < (uintptr_t)y->file ? -1 : 1;
    return x->off < y->off ? -1 : x->off > y->off;
}

CXCursor lex_macro_at(lower *L, CXSourceLocation loc)
{
    tu_info *ti = L->info;
    if (!ti->macros_built) {
        ti->macros_built = 1;
        clang_visitChildren(clang_getTranslationUnitCursor(ti->tu), macro_visit, ti);
        qsort(ti->macros, ti->nmacros, sizeof(macro_use), macro_cmp);
    }
    macro_use key;
    clang_getExpansionLocation(loc, &key.file, NULL, NULL, &key.off);
    macro_use *hit = bsearch(&key, ti->macros, ti->nmacros, sizeof(macro_use), macro_cmp);
    return hit ? hit->def : clang_getNullCursor();
}

int lex_dropped_idents(lower *L, CXFile file, unsigned from, unsigned to,
                       void (*fn)(lower *, const char *, int, void *), void *data)
{
    static const char *const writes[] = {"=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
                                         "^=", "<<=", ">>=", "++", "--", NULL};
    static const char *const jumps[] = {"return", "goto", "break", "continue", NULL};
    toks k = tokenize(L, clang_getRange(clang_getLocationForOffset(L->tu, file, from),
                                        clang_getLocationForOffset(L->tu, file, to)));
    /* the range's end names the token that starts there: not the gap's */
    unsigned n = k.n;
    while (n > 0 && lw_offset(clang_getTokenLocation(L->tu, k.t[n - 1])) >= to)
        n--;
    int jumps_seen = 0, leading_return = 0, semis = 0;
    unsigned first = 0; /* the `;` that ends the statement before */
    char b[128];
    while (first < n && !strcmp(tok_str(&k, first, b, sizeof b), ";"))
        first++;
    for (unsigned i = first; i < n; i++) {
        char nb[8] = "", pb[8] = "";
        CXTokenKind kind = clang_getTokenKind(k.t[i]);
        tok_str(&k, i, b, sizeof b);
        semis += kind == CXToken_Punctuation && !strcmp(b, ";");
        if (kind == CXToken_Keyword)
            for (int j = 0; jumps[j]; j++)
                if (!strcmp(b, jumps[j])) {
                    jumps_seen++;
                    leading_return |= i == first && j == 0;
                }
        if (kind != CXToken_Identifier)
            continue;
        if (i + 1 < n)
            tok_str(&k, i + 1, nb, sizeof nb);
        if (i > first)
            tok_str(&k, i - 1, pb, sizeof pb);
        int written = !strcmp(pb, "&") || !strcmp(pb, "++") || !strcmp(pb, "--");
        for (int j = 0; writes[j] && !written; j++)
            written = !strcmp(nb, writes[j]);
        fn(L, b, written, data);
    }
    toks_free(&k);
    if (!jumps_seen)
        return 0;
    return jumps_seen == 1 && leading_return && semis <= 1 ? LEX_DROPPED_RETURN
                                                           : LEX_DROPPED_JUMP;
}

void lex_tu_info_clear(tu_info *ti)
{
    free(ti->written);
    free(ti->texts);
    free(ti->macros);
    free(ti->memo);
    memset(ti, 0, sizeof(*ti));
}

/* Finds `NAME ( IDENT )` with NAME containing "cleanup" in tokens; returns
 * IDENT copied into buf, or NULL. */
static const char *cleanup_pattern(toks *k, char *buf, size_t n)
{
    for (unsigned i = 0; i + 3 < k->n; i++) {
        char a[64], b[8], d[8];
        if (clang_getTokenKind(k->t[i]) != CXToken_Identifier ||
            !strstr(tok_str(k, i, a, sizeof a), "cleanup") ||
            strcmp(tok_str(k, i + 1, b, sizeof b), "(") ||
            clang_getTokenKind(k->t[i + 2]) != CXToken_Identifier ||
            strcmp(tok_str(k, i + 3, d, sizeof d), ")"))
            continue;
        tok_str(k, i + 2, buf, n);
        return buf;
    }
    return NULL;
}

typedef struct cleanup_scan {
    lower *L;
    const char *fn;
    int attrs;   /* attributes seen */
} cleanup_scan;

static enum CXChildVisitResult cleanup_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    cleanup_scan *cs = d;
    if (!clang_isAttribute(clang_getCursorKind(c)))
        return CXChildVisit_Continue;
    cs->attrs++;
    char name[128];
    CXSourceRange r = clang_getCursorExtent(c);
    /* the attribute as written, then up to three levels of macro bodies */
    for (int level = 0; level < 4 && !cs->fn; level++) {
        toks k = tokenize(cs->L, r);
        const char *found = cleanup_pattern(&k, name, sizeof name);
        toks_free(&k);
        if (found) {
            cs->fn = arena_strdup(cs->L->f->arena, found);
            break;
        }
        CXCursor def = lex_macro_at(cs->L, clang_getRangeStart(r));
        if (clang_Cursor_isNull(def))
            break;
        r = clang_getCursorExtent(def);
    }
    return cs->fn ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* The cleanup function named in the body of a macro used in decl's own
 * tokens (bubblewrap's `cleanup_fd int fd`, with the macro in a header):
 * there the attribute's extent points into the header and tokenizes to
 * nothing. */
static const char *cleanup_from_decl_macros(lower *L, CXCursor decl)
{
    toks k = tokenize(L, clang_getCursorExtent(decl));
    const char *fn = NULL;
    char name[128];
    for (unsigned i = 0; i < k.n && !fn; i++) {
        if (clang_getTokenKind(k.t[i]) != CXToken_Identifier)
            continue;
        CXCursor def = lex_macro_at(L, clang_getTokenLocation(L->tu, k.t[i]));
        if (clang_Cursor_isNull(def))
            continue;
        toks body = tokenize(L, clang_getCursorExtent(def));
        if (cleanup_pattern(&body, name, sizeof name))
            fn = arena_strdup(L->f->arena, name);
        toks_free(&body);
    }
    toks_free(&k);
    return fn;
}

const char *lex_cleanup_fn(lower *L, CXCursor decl)
{
    cleanup_scan cs = {L, NULL, 0};
    clang_visitChildren(decl, cleanup_visit, &cs);
    if (!cs.fn && cs.attrs)
        cs.fn = cleanup_from_decl_macros(L, decl);
    return cs.fn;
}

typedef struct usr_scan {
    const char *name;
    CXString usr;
    int found;
} usr_scan;

static enum CXChildVisitResult usr_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    usr_scan *u = d;
    if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
        return CXChildVisit_Continue;
    CXString s = clang_getCursorSpelling(c);
    int same = strcmp(clang_getCString(s), u->name) == 0;
    clang_disposeString(s);
    if (!same)
        return CXChildVisit_Continue;
    u->usr = clang_getCursorUSR(c);
    u->found = 1;
    return CXChildVisit_Break;
}

const char *lex_function_usr(lower *L, const char *name)
{
    usr_scan u = {name, {0, 0}, 0};
    clang_visitChildren(clang_getTranslationUnitCursor(L->tu), usr_visit, &u);
    if (!u.found)
        return NULL;
    const char *r = arena_strdup(L->f->arena, clang_getCString(u.usr));
    clang_disposeString(u.usr);
    return r;
}
