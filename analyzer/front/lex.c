/* lex.c — what libclang 14 does not tell through cursors: operator kinds,
 * `for` header parts, source text for messages, noreturn attributes.  All of
 * it is read from tokens (clang_tokenize) or from the file's bytes.  Macro
 * bodies are consulted when an operator comes from a macro expansion.
 * It builds no IR. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "front/lower.h"

static CXCursor macro_named(lower *L, const char *name);

static const char *const binops[] = {
    "<<=", ">>=", "&&", "||", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=",
    "*=", "/=", "%=", "&=", "|=", "^=", "<", ">", "=", "+", "-", "*", "/",
    "%", "&", "|", "^", ",", NULL};

static const char *intern_op(const char *s, const char *const *set)
{
    for (int i = 0; set[i]; i++)
        if (strcmp(set[i], s) == 0)
            return set[i];
    return NULL;
}

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

/* A token that can end an operand: identifier, literal, `)` or `]`. */
static int ends_operand(toks *k, unsigned i)
{
    CXTokenKind kind = clang_getTokenKind(k->t[i]);
    if (kind == CXToken_Identifier || kind == CXToken_Literal || kind == CXToken_Keyword)
        return 1;
    char b[8];
    tok_str(k, i, b, sizeof b);
    return strcmp(b, ")") == 0 || strcmp(b, "]") == 0;
}

/* The value of an integer literal (optionally negated) at token i. */
static int literal_at(toks *k, unsigned i, int64_t *v)
{
    char b[64];
    int neg = 0;
    if (i < k->n && !strcmp(tok_str(k, i, b, sizeof b), "-")) {
        neg = 1;
        i++;
    }
    if (i >= k->n || clang_getTokenKind(k->t[i]) != CXToken_Literal)
        return 0;
    char *end;
    long long x = strtoll(tok_str(k, i, b, sizeof b), &end, 0);
    if (end == b || (*end && strchr("uUlL", *end) == NULL))
        return 0;
    *v = neg ? -x : x;
    return 1;
}

/* The binary operator tokens of macro definition def, with what follows
 * each: computed once per definition and translation unit. */
static const macro_ops *macro_body_ops(lower *L, CXCursor def)
{
    tu_info *ti = L->info;
    unsigned h = clang_hashCursor(def);
    for (size_t i = 0; i < ti->nbodies; i++)
        if (ti->bodies[i]->hash == h && clang_equalCursors(ti->bodies[i]->def, def))
            return ti->bodies[i];
    if (ti->nbodies == ti->bodies_cap) {
        size_t cap = ti->bodies_cap ? ti->bodies_cap * 2 : 64;
        macro_ops **m = realloc(ti->bodies, cap * sizeof(*m));
        if (!m)
            return NULL;
        ti->bodies = m;
        ti->bodies_cap = cap;
    }
    macro_ops *mo = calloc(1, sizeof(*mo));
    if (!mo)
        return NULL;
    ti->bodies[ti->nbodies++] = mo;
    mo->hash = h;
    mo->def = def;
    toks k = tokenize(L, clang_getCursorExtent(def));
    unsigned start = 1; /* skip the macro's name and parameter list */
    if (clang_Cursor_isMacroFunctionLike(def)) {
        char b[8];
        while (start < k.n && strcmp(tok_str(&k, start, b, sizeof b), ")") != 0)
            start++;
        start++;
    }
    mo->ops = calloc(k.n ? k.n : 1, sizeof(macro_op));
    mo->calls = calloc(k.n ? k.n : 1, sizeof(*mo->calls));
    for (unsigned i = start; mo->calls && i < k.n; i++)
        if (clang_getTokenKind(k.t[i]) == CXToken_Identifier)
            tok_str(&k, i, mo->calls[mo->ncalls++], sizeof mo->calls[0]);
    int nunary = 0;
    for (unsigned i = start; i < k.n; i++) {
        char b[8];
        if (clang_getTokenKind(k.t[i]) != CXToken_Punctuation ||
            (i > start && ends_operand(&k, i - 1)))
            continue;
        tok_str(&k, i, b, sizeof b);
        const char *u = !strcmp(b, "!") ? "!" : !strcmp(b, "~") ? "~" : !strcmp(b, "-") ? "-" : NULL;
        if (u) { /* one kind of prefix operator, maybe repeated: `!!(x)` */
            mo->unary = !nunary || mo->unary == u ? u : NULL;
            nunary++;
        }
    }
    mo->nunary = nunary;
    for (unsigned i = start + 1; mo->ops && i < k.n; i++) {
        if (clang_getTokenKind(k.t[i]) != CXToken_Punctuation || !ends_operand(&k, i - 1))
            continue;
        char b[8];
        const char *op = intern_op(tok_str(&k, i, b, sizeof b), binops);
        if (!op || op[0] == ',') /* in a macro body, nearly always an argument separator */
            continue;
        macro_op *o = &mo->ops[mo->n++];
        o->op = op;
        o->has_lit = literal_at(&k, i + 1, &o->lit);
        if (i + 1 < k.n && clang_getTokenKind(k.t[i + 1]) == CXToken_Identifier)
            tok_str(&k, i + 1, o->ident, sizeof o->ident);
    }
    toks_free(&k);
    return mo;
}

/* The macro bodies an expression at c may come from: the body of the macro
 * used at c's start, then (breadth first, a few levels) those of the macros
 * it uses in turn (curl's easy_init -> chk_easy_init -> exe_easy_init). */
#define MAX_BODIES 8

static size_t macro_bodies(lower *L, CXCursor c, const macro_ops **out)
{
    CXCursor def = lex_macro_at(L, clang_getRangeStart(clang_getCursorExtent(c)));
    size_t n = 0;
    if (clang_Cursor_isNull(def) || !(out[n] = macro_body_ops(L, def)))
        return 0;
    n++;
    for (size_t i = 0; i < n && n < MAX_BODIES; i++)
        for (size_t k = 0; k < out[i]->ncalls && n < MAX_BODIES; k++) {
            CXCursor d = macro_named(L, out[i]->calls[k]);
            const macro_ops *mo = clang_Cursor_isNull(d) ? NULL : macro_body_ops(L, d);
            int seen = !mo;
            for (size_t j = 0; j < n && !seen; j++)
                seen = out[j] == mo;
            if (!seen)
                out[n++] = mo;
        }
    return n;
}

/* The one candidate followed by the right operand's literal value or by the
 * name it starts with, in any of the bodies; NULL when not exactly one. */
static const char *match_operand(lower *L, const macro_ops *const *bodies, size_t nb,
                                 CXCursor rhs)
{
    int64_t rv;
    int rhs_const = lw_const(L, rhs, &rv);
    char rhs_name[64] = "";
    CXCursor r = lw_strip(rhs);
    if (clang_getCursorKind(r) == CXCursor_CallExpr || clang_getCursorKind(r) == CXCursor_DeclRefExpr) {
        CXString sp = clang_getCursorSpelling(r);
        snprintf(rhs_name, sizeof rhs_name, "%s", clang_getCString(sp));
        clang_disposeString(sp);
    }
    const char *matched = NULL;
    int nmatched = 0;
    for (size_t b = 0; b < nb; b++)
        for (size_t i = 0; i < bodies[b]->n; i++) {
            const macro_op *o = &bodies[b]->ops[i];
            if ((rhs_const && o->has_lit && o->lit == rv) ||
                (*rhs_name && !strcmp(o->ident, rhs_name))) {
                matched = o->op;
                nmatched++;
            }
        }
    return nmatched == 1 ? matched : NULL;
}

/* The binary operator inside the macro used at c's start.  Candidates are
 * the binary-operator tokens of its body (and of the macros it uses); the
 * one followed by the right operand's literal value or by the name it starts
 * with wins (`#define CLOSE(x) if ((x) >= 0) close(x); (x) = -1`, `#define
 * TMP(e) ((e = mkstemp(b)) != -1)`).  Else the operands' kinds and the
 * result's type may settle it among the outer body's own candidates. */
static const char *macro_binop(lower *L, CXCursor c, CXCursor rhs)
{
    const macro_ops *bodies[MAX_BODIES];
    size_t nb = macro_bodies(L, c, bodies);
    if (nb == 0)
        return NULL;
    const macro_ops *mo = bodies[0];
    if (nb == 1 && mo->n == 1)
        return mo->ops[0].op;
    const char *matched = match_operand(L, bodies, nb, rhs);
    if (matched)
        return matched;
    /* two operators as operands: the one kind of logical operator of the
     * bodies, if they have only one (`x == -1 && errno == EINTR`) */
    CXCursor kids[2];
    if (lw_children(c, kids, 2) == 2 &&
        clang_getCursorKind(lw_strip(kids[0])) == CXCursor_BinaryOperator &&
        clang_getCursorKind(lw_strip(kids[1])) == CXCursor_BinaryOperator) {
        const char *logical = NULL;
        for (size_t b = 0; b < nb; b++)
            for (size_t i = 0; i < bodies[b]->n; i++) {
                const char *op = bodies[b]->ops[i].op;
                if (strcmp(op, "&&") && strcmp(op, "||"))
                    continue;
                if (logical && logical != op)
                    return NULL;
                logical = op;
            }
        if (logical)
            return logical;
    }
    /* comparisons and && || yield int: a result of another type (`__result =
     * (long)(expr)` in glibc's TEMP_FAILURE_RETRY) rules them out, when the
     * candidates all come from the outer body */
    for (size_t b = 1; b < nb; b++)
        if (bodies[b]->n)
            return NULL;
    if (mo->n == 0 || clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Int)
        return NULL;
    static const char *const int_valued[] = {"<", "<=", ">", ">=", "==", "!=", "&&", "||", NULL};
    matched = NULL;
    for (size_t i = 0; i < mo->n; i++) {
        if (intern_op(mo->ops[i].op, int_valued))
            continue;
        if (matched && matched != mo->ops[i].op)
            return NULL;
        matched = mo->ops[i].op;
    }
    return matched;
}

static CXSourceLocation file_loc(tu_info *ti, CXFile file, unsigned off);

const char *lex_binop(lower *L, CXCursor c, CXCursor lhs, CXCursor rhs)
{
    CXFile file = NULL, rfile = NULL;
    unsigned lend, rstart;
    clang_getFileLocation(clang_getRangeEnd(clang_getCursorExtent(lhs)), &file, NULL, NULL,
                          &lend);
    clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(rhs)), &rfile, NULL, NULL,
                          &rstart);
    /* between two operands there is only the operator (and comments): a
     * wide gap holding more means the operands come from a macro */
    if (file && file == rfile && lend < rstart && rstart - lend <= 4096) {
        /* a range of plain file locations: a macro location at either end
         * (NULL, EOF from a system header) would make it tokenize to nothing */
        toks k = tokenize(L, clang_getRange(file_loc(L->info, file, lend),
                                            file_loc(L->info, file, rstart)));
        const char *op = NULL;
        for (unsigned i = 0; i < k.n; i++) {
            unsigned off = lw_offset(clang_getTokenLocation(L->tu, k.t[i]));
            if (off < lend)
                continue;
            /* the first token of the gap is the operator, or this is no
             * plain binary expression */
            if (off < rstart && clang_getTokenKind(k.t[i]) == CXToken_Punctuation) {
                CXString sp = clang_getTokenSpelling(L->tu, k.t[i]);
                op = intern_op(clang_getCString(sp), binops);
                clang_disposeString(sp);
            }
            break;
        }
        toks_free(&k);
        if (op)
            return op;
    }
    return macro_binop(L, c, rhs);
}

static const macro_ops *macro_body_ops(lower *L, CXCursor def);

/* & and * told apart by their types, for operators spelled in a macro body:
 * &x has type pointer-to-typeof(x); *p has the type p points to. */
static const char *unop_by_type(CXCursor c, CXCursor operand)
{
    CXType rt = clang_getCanonicalType(clang_getCursorType(c));
    CXType ot = clang_getCanonicalType(clang_getCursorType(operand));
    if (rt.kind == CXType_Pointer &&
        clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(rt)), ot))
        return "&";
    if (ot.kind == CXType_Pointer &&
        clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(ot)), rt))
        return "*";
    return NULL;
}

const char *lex_unop(lower *L, CXCursor c, CXCursor operand, int *postfix)
{
    static const char *const unops[] = {"++", "--", "!", "~", "-", "+", "&", "*",
                                        "__extension__", "__real__", "__imag__", NULL};
    CXSourceRange r = clang_getCursorExtent(c);
    unsigned cstart = lw_offset(clang_getRangeStart(r));
    unsigned ostart = lw_offset(clang_getRangeStart(clang_getCursorExtent(operand)));
    unsigned oend = lw_offset(clang_getRangeEnd(clang_getCursorExtent(operand)));
    unsigned cend = lw_offset(clang_getRangeEnd(r));
    *postfix = 0;
    if (cstart == ostart && cend == oend) { /* inside a macro */
        const char *op = unop_by_type(c, operand);
        if (op)
            return op;
        /* __extension__ ({ ... }): glibc's statement-expression macros */
        if (clang_getCursorKind(lw_strip(operand)) == CXCursor_StmtExpr)
            return "__extension__";
        /* the one kind of prefix operator of the macro bodies involved */
        const macro_ops *bodies[MAX_BODIES];
        size_t nb = macro_bodies(L, c, bodies);
        const char *u = NULL;
        for (size_t i = 0; i < nb; i++) {
            if (!bodies[i]->nunary)
                continue;
            if (!bodies[i]->unary || (u && u != bodies[i]->unary))
                return NULL;
            u = bodies[i]->unary;
        }
        return u;
    }
    toks k = tokenize(L, r);
    const char *op = NULL;
    if (k.n > 0) {
        char b[16];
        if (cstart < ostart) {
            op = intern_op(tok_str(&k, 0, b, sizeof b), unops);
        } else {
            op = intern_op(tok_str(&k, k.n - 1, b, sizeof b), unops);
            *postfix = 1;
        }
    }
    toks_free(&k);
    return op ? op : unop_by_type(c, operand);
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

/* The location of byte off of file.  A file location's encoding is its
 * file's start plus the offset (libclang has kept this since its first
 * release); each derived location is checked, and libclang's own lookup is
 * the fallback. */
static CXSourceLocation file_loc(tu_info *ti, CXFile file, unsigned off)
{
    struct file_text *t = file_info(ti, file);
    if (t && !t->has_base) {
        t->base = clang_getLocationForOffset(ti->tu, file, 0);
        t->has_base = 1;
    }
    if (t && off <= t->size) {
        CXSourceLocation l = t->base;
        l.int_data += off;
        CXFile f;
        unsigned o;
        clang_getExpansionLocation(l, &f, NULL, NULL, &o);
        if (f == file && o == off)
            return l;
    }
    return clang_getLocationForOffset(ti->tu, file, off);
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

static void add_def(tu_info *ti, CXCursor c)
{
    if (ti->ndefs == ti->defs_cap) {
        size_t cap = ti->defs_cap ? ti->defs_cap * 2 : 1024;
        struct macro_def *d = realloc(ti->defs, cap * sizeof(*d));
        if (!d)
            return;
        ti->defs = d;
        ti->defs_cap = cap;
    }
    CXString s = clang_getCursorSpelling(c);
    snprintf(ti->defs[ti->ndefs].name, sizeof ti->defs[0].name, "%s", clang_getCString(s));
    clang_disposeString(s);
    ti->defs[ti->ndefs++].def = c;
}

static int def_cmp(const void *a, const void *b)
{
    return strcmp(((const struct macro_def *)a)->name, ((const struct macro_def *)b)->name);
}

static enum CXChildVisitResult macro_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    tu_info *ti = d;
    if (clang_getCursorKind(c) == CXCursor_MacroDefinition) {
        add_def(ti, c);
        return CXChildVisit_Continue;
    }
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
        /* a later #define of the same name sorts after: bsearch finds one of them */
        qsort(ti->defs, ti->ndefs, sizeof(struct macro_def), def_cmp);
    }
    macro_use key;
    clang_getExpansionLocation(loc, &key.file, NULL, NULL, &key.off);
    macro_use *hit = bsearch(&key, ti->macros, ti->nmacros, sizeof(macro_use), macro_cmp);
    return hit ? hit->def : clang_getNullCursor();
}

/* The definition of the macro called name, or a null cursor. */
static CXCursor macro_named(lower *L, const char *name)
{
    tu_info *ti = L->info;
    struct macro_def key;
    snprintf(key.name, sizeof key.name, "%s", name);
    struct macro_def *hit = bsearch(&key, ti->defs, ti->ndefs, sizeof key, def_cmp);
    return hit ? hit->def : clang_getNullCursor();
}

void lex_tu_info_clear(tu_info *ti)
{
    free(ti->defs);
    for (size_t i = 0; i < ti->nbodies; i++) {
        free(ti->bodies[i]->ops);
        free(ti->bodies[i]->calls);
        free(ti->bodies[i]);
    }
    free(ti->bodies);
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
