/* front.c — parses one translation unit with libclang and lowers each
 * function definition of the main file and of non-system headers to IR
 * (statements: stmt.c, expressions: expr.c, tokens: lex.c; flags clang
 * rejects: args.c; functions with compile errors: recover.c).  A function
 * whose errors cannot be lowered around is skipped, never guessed at; a file
 * with errors that yields no function definition of its own fails.  The translation
 * unit is disposed before returning; the IR owns copies of every string. */
#include "front/front.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "front/args.h"
#include "front/devices.h"
#include "front/lower.h"
#include "util/readfile.h"

struct front_worker {
    CXIndex index;
    args_memo rejected;   /* flags clang rejected in this worker's parses */
};

front_worker *front_worker_new(void)
{
    /* libclang parses on a thread of its own with an 8 MiB stack, which
     * deeply nested code (a few hundred nested parentheses) overflows,
     * killing the process.  Parse on the caller's thread instead: the CLI's
     * workers have large stacks, and libclang's crash recovery turns what
     * still overflows into a failed parse. */
    setenv("LIBCLANG_NOTHREADS", "1", 0);
    front_worker *w = calloc(1, sizeof(*w));
    if (!w)
        return NULL;
    w->index = clang_createIndex(0, 0);
    if (!w->index) {
        free(w);
        return NULL;
    }
    return w;
}

void front_worker_free(front_worker *w)
{
    if (!w)
        return;
    clang_disposeIndex(w->index);
    args_memo_clear(&w->rejected);
    free(w);
}

void front_result_clear(front_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nfuncs; i++)
        ir_func_free(r->funcs[i]);
    free(r->funcs);
    free(r->message);
    for (size_t i = 0; i < r->nskipped && r->skipped; i++) {
        free(r->skipped[i].name);
        free(r->skipped[i].file);
        free(r->skipped[i].why);
    }
    free(r->skipped);
    for (size_t i = 0; i < r->ndropped; i++)
        free(r->dropped[i]);
    free(r->dropped);
    tgt_list_clear(&r->stores);
    memset(r, 0, sizeof(*r));
}

/* ---- locations ---- */

/* The file's real path (links resolved), else its name as clang has it;
 * the caller disposes the string. */
static CXString real_name(CXFile file)
{
    CXString s = clang_File_tryGetRealPathName(file);
    const char *n = clang_getCString(s);
    if (!n || !*n) {
        clang_disposeString(s);
        s = clang_getFileName(file);
    }
    return s;
}

static const char *file_name(lower *L, CXFile file)
{
    for (unsigned i = 0; i < L->nfiles; i++)
        if (L->files[i].file == file)
            return L->files[i].name;
    CXString s = real_name(file);
    const char *n = clang_getCString(s);
    const char *name = arena_strdup(L->f->arena, n ? n : "");
    clang_disposeString(s);
    if (L->nfiles < sizeof L->files / sizeof L->files[0]) {
        L->files[L->nfiles].file = file;
        L->files[L->nfiles++].name = name;
    }
    return name;
}

ir_loc lw_loc(lower *L, CXSourceLocation sl)
{
    ir_loc loc = {"", 0, 0, 0};
    CXFile file = NULL;
    clang_getExpansionLocation(sl, &file, &loc.line, &loc.col, &loc.off);
    if (file)
        loc.file = file_name(L, file);
    return loc;
}

ir_loc lw_cursor_loc(lower *L, CXCursor c) { return lw_loc(L, clang_getCursorLocation(c)); }

ir_loc lw_cursor_end(lower *L, CXCursor c)
{
    ir_loc loc = lw_loc(L, clang_getRangeEnd(clang_getCursorExtent(c)));
    if (loc.col > 1) {
        loc.col--;
        loc.off--;
    }
    return loc;
}

/* ---- diagnostics ---- */

/* Where a top-level declaration starts (for syntax errors after a
 * function: front.c, errors_in). */
typedef struct decl_start {
    CXFile file;
    unsigned off, end;
    int junk;              /* invalid or holding an error: what clang made of
                              stray statements (`close(p[1]);` read as an
                              implicit-int declaration) */
} decl_start;

typedef struct diag_info {
    lw_error *errs;        /* every error of the unit, by expansion site */
    unsigned nerrs;
    decl_start *starts;    /* top-level declarations, sorted; only when the
                              unit has a syntax error */
    size_t nstarts, starts_cap;
} diag_info;

/* Whether diag is a parse or lexical error (statements may be missing). */
static int is_syntax(CXDiagnostic diag)
{
    CXString cat = clang_getDiagnosticCategoryText(diag);
    const char *t = clang_getCString(cat);
    int yes = t && (!strcmp(t, "Parse Issue") || !strcmp(t, "Lexical or Preprocessor Issue"));
    clang_disposeString(cat);
    return yes;
}

/* Whether diag is a warning that is an error by default: it has a -W
 * option, and the AST after it is whole (an implicit declaration, an int
 * converted to a pointer). */
static int is_promoted_warning(CXDiagnostic diag)
{
    CXString opt = clang_getDiagnosticOption(diag, NULL);
    const char *o = clang_getCString(opt);
    int yes = o && !strncmp(o, "-W", 2);
    clang_disposeString(opt);
    return yes;
}

static void collect_diags(CXTranslationUnit tu, diag_info *d, front_result *out)
{
    unsigned n = clang_getNumDiagnostics(tu);
    d->errs = calloc(n ? n : 1, sizeof(lw_error));
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic diag = clang_getDiagnostic(tu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(diag);
        if (sev >= CXDiagnostic_Error) {
            out->nerrors++;
            CXSourceLocation sl = clang_getDiagnosticLocation(diag);
            if (d->errs) {
                lw_error *e = &d->errs[d->nerrs++];
                clang_getExpansionLocation(sl, &e->file, NULL, NULL, &e->off);
                e->syntax = is_syntax(diag) ? 1 : 0;
                e->breaking = !is_promoted_warning(diag);
            }
            if (!out->message) {
                CXString s = clang_formatDiagnostic(diag, CXDiagnostic_DisplaySourceLocation |
                                                              CXDiagnostic_DisplayColumn);
                out->message = strdup(clang_getCString(s));
                clang_disposeString(s);
            }
        }
        clang_disposeDiagnostic(diag);
    }
}

/* The errors inside c's extent, copied into the arena of f; *n their count. */
static int start_cmp(const void *x, const void *y)
{
    const decl_start *a = x, *b = y;
    if (a->file != b->file)
        return (uintptr_t)a->file < (uintptr_t)b->file ? -1 : 1;
    return a->off < b->off ? -1 : a->off > b->off;
}

static enum CXChildVisitResult start_visit(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    diag_info *d = data;
    if (!clang_isDeclaration(clang_getCursorKind(c)) ||
        clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
        return CXChildVisit_Continue;
    if (d->nstarts == d->starts_cap) {
        size_t cap = d->starts_cap ? d->starts_cap * 2 : 256;
        decl_start *p = realloc(d->starts, cap * sizeof(*p));
        if (!p)
            return CXChildVisit_Break;
        d->starts = p;
        d->starts_cap = cap;
    }
    decl_start *st = &d->starts[d->nstarts++];
    CXFile efile = NULL;
    clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(c)), &st->file, NULL,
                               NULL, &st->off);
    clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(c)), &efile, NULL, NULL,
                               &st->end);
    /* a function definition is never junk, whatever its errors */
    int definition = clang_getCursorKind(c) == CXCursor_FunctionDecl &&
                     clang_isCursorDefinition(c);
    st->junk = !definition && clang_isInvalidDeclaration(c);
    for (unsigned i = 0; i < d->nerrs && !st->junk && !definition; i++) /* an error inside */
        st->junk = d->errs[i].file == st->file && d->errs[i].off >= st->off &&
                   d->errs[i].off <= st->end;
    return CXChildVisit_Continue;
}

/* With a syntax error in the unit: where its top-level declarations start. */
static void collect_starts(CXTranslationUnit tu, diag_info *d)
{
    int syntax = 0;
    for (unsigned i = 0; i < d->nerrs && !syntax; i++)
        syntax = d->errs[i].syntax;
    if (!syntax)
        return;
    clang_visitChildren(clang_getTranslationUnitCursor(tu), start_visit, d);
    if (d->starts)
        qsort(d->starts, d->nstarts, sizeof(decl_start), start_cmp);
}

/* The end of the region that belongs to a declaration ending at offset b
 * of file: the start of the next sound top-level declaration, or the end of
 * the file.  A syntax error there means clang may have ended the function
 * early (a `{` lost, its statements read as file-scope junk). */
static unsigned region_end(const diag_info *d, CXFile file, unsigned b)
{
    unsigned end = UINT_MAX;
    for (size_t i = 0; i < d->nstarts; i++) /* stray statements read as declarations do not count */
        if (d->starts[i].file == file && d->starts[i].off > b && d->starts[i].off < end &&
            !d->starts[i].junk)
            end = d->starts[i].off;
    return end;
}

static lw_error *errors_in(const diag_info *d, CXCursor c, ir_func *f, unsigned *n)
{
    *n = 0;
    CXFile file;
    unsigned a, b;
    if (!d->nerrs || !lw_extent(c, &file, &a, &b))
        return NULL;
    unsigned after = d->nstarts ? region_end(d, file, b) : b;
    lw_error *out = NULL;
    for (unsigned i = 0; i < d->nerrs; i++) {
        const lw_error *e = &d->errs[i];
        if (e->file != file || e->off < a || (e->off > b && !(e->syntax && e->off < after)))
            continue;
        if (!out)
            out = arena_alloc(f->arena, sizeof(lw_error) * d->nerrs);
        out[(*n)++] = *e;
    }
    return out;
}

/* ---- file-scope statics the unit writes ---- */

int lw_is_file_static(CXCursor d)
{
    return clang_getCursorKind(d) == CXCursor_VarDecl &&
           clang_Cursor_getStorageClass(d) == CX_SC_Static &&
           clang_getCursorKind(clang_getCursorSemanticParent(d)) == CXCursor_TranslationUnit;
}

static void note_written(tu_info *ti, CXCursor target)
{
    for (;;) { /* through parentheses, casts, s.f and a[i]: the variable */
        enum CXCursorKind k = clang_getCursorKind(target);
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr &&
            k != CXCursor_CStyleCastExpr && k != CXCursor_MemberRefExpr &&
            k != CXCursor_ArraySubscriptExpr)
            break;
        CXCursor kids[2];
        unsigned n = lw_children(target, kids, 2);
        if (n == 0)
            return;
        target = kids[k == CXCursor_CStyleCastExpr && n == 2 ? 1 : 0];
    }
    if (clang_getCursorKind(target) != CXCursor_DeclRefExpr)
        return;
    CXCursor d = clang_getCursorReferenced(target);
    if (!lw_is_file_static(d))
        return;
    if (ti->nwritten == ti->written_cap) {
        size_t cap = ti->written_cap ? ti->written_cap * 2 : 32;
        struct written_static *w = realloc(ti->written, cap * sizeof(*w));
        if (!w)
            return;
        ti->written = w;
        ti->written_cap = cap;
    }
    ti->written[ti->nwritten].hash = clang_hashCursor(d);
    ti->written[ti->nwritten++].decl = d;
}

static enum CXChildVisitResult written_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    tu_info *ti = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
        return CXChildVisit_Continue;
    CXCursor kids[1];
    if ((k == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(c) ==
                                             CXBinaryOperator_Assign) ||
        k == CXCursor_CompoundAssignOperator) {
        if (lw_children(c, kids, 1) >= 1)
            note_written(ti, kids[0]);
    } else if (k == CXCursor_UnaryOperator) {
        enum CXUnaryOperatorKind u = clang_getCursorUnaryOperatorKind(c);
        if ((u == CXUnaryOperator_AddrOf || u == CXUnaryOperator_PreInc ||
             u == CXUnaryOperator_PreDec || u == CXUnaryOperator_PostInc ||
             u == CXUnaryOperator_PostDec) &&
            lw_children(c, kids, 1) == 1)
            note_written(ti, kids[0]);
    } else if (k == CXCursor_DeclRefExpr && clang_getCursorKind(parent) != CXCursor_UnaryOperator) {
        /* an array decays to a pointer to its elements: written wherever */
        CXCursor r = clang_getCursorReferenced(c);
        CXType t = clang_getCanonicalType(clang_getCursorType(r));
        if (lw_is_file_static(r) && (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray))
            note_written(ti, c);
    }
    return CXChildVisit_Recurse;
}

int lw_static_written(lower *L, CXCursor decl)
{
    tu_info *ti = L->info;
    if (!ti->written_built) {
        ti->written_built = 1;
        clang_visitChildren(clang_getTranslationUnitCursor(ti->tu), written_visit, ti);
    }
    unsigned h = clang_hashCursor(decl);
    for (size_t i = 0; i < ti->nwritten; i++)
        if (ti->written[i].hash == h && clang_equalCursors(ti->written[i].decl, decl))
            return 1;
    return 0;
}

/* ---- functions ---- */

typedef struct tu_walk {
    tu_info info;
    diag_info *diags;
    front_result *out;
    size_t cap;
    size_t main_defs;   /* function definitions met in the main file */
} tu_walk;

static enum CXChildVisitResult param_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_ParmDecl)
        lw_declare(d, c, 1);
    return CXChildVisit_Continue;
}

static enum CXChildVisitResult body_find(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_CompoundStmt) {
        *(CXCursor *)d = c;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

/* Lowers the function definition fn (around the compile errors in it, see
 * recover.c); returns NULL when it cannot be, with *why saying why. */
static ir_func *lower_function(tu_info *info, const diag_info *diags, CXCursor fn,
                               const char **why)
{
    *why = "no body";
    CXTranslationUnit tu = info->tu;
    CXCursor body = clang_getNullCursor();
    clang_visitChildren(fn, body_find, &body);
    if (clang_Cursor_isNull(body))
        return NULL;
    CXString s = clang_getCursorSpelling(fn);
    ir_func *f = ir_func_new(clang_getCString(s));
    clang_disposeString(s);
    if (!f)
        return NULL;
    lower L;
    memset(&L, 0, sizeof L);
    L.info = info;
    L.tu = tu;
    L.fn = fn;
    L.f = f;
    L.negated_text = clang_getNullCursor();
    L.counted = -1;
    L.cur = f->entry;
    L.errs = errors_in(diags, fn, f, &L.nerrs);
    s = clang_getCursorUSR(fn);
    f->usr = arena_strdup(f->arena, clang_getCString(s));
    clang_disposeString(s);
    f->loc = lw_cursor_loc(&L, fn);
    f->end = lw_cursor_end(&L, body);
    f->is_main = strcmp(f->name, "main") == 0;
    f->is_static = clang_Cursor_getStorageClass(fn) == CX_SC_Static;
    f->returns_pointer =
        clang_getCanonicalType(clang_getCursorResultType(fn)).kind == CXType_Pointer;
    clang_visitChildren(fn, param_visit, &L);
    f->nparams = f->nplaces;
    /* the body's own scope: its variables end at the implicit return */
    L.scopes = arena_alloc(f->arena, sizeof(scope));
    L.scopes_cap = 1;
    L.nscopes = 1;
    lw_lower_children(&L, body);
    lw_emit_all_cleanups(&L, f->end);
    ir_term_return(f, L.cur, f->end, 1);
    lw_finish_gotos(&L);
    acc_finish(&L);
    for (unsigned i = 0; i < f->nblocks; i++) /* blocks nothing jumps to */
        if (f->blocks[i]->term.kind == IR_T_NONE)
            ir_term_exit(f, (int)i, f->end);
    const char *verdict = L.too_deep ? "nested too deeply" : lw_recovery_verdict(&L);
    if (verdict) {
        *why = verdict;
        ir_func_free(f);
        return NULL;
    }
    for (unsigned i = 0; i < L.nerrs; i++)
        f->with_errors |= L.errs[i].breaking;
    return f;
}

static int want_function(CXCursor c)
{
    if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
        return 0;
    CXSourceLocation loc = clang_getCursorLocation(c);
    return !clang_Location_isInSystemHeader(loc);
}

/* The name of the file fn is defined in (real path when clang knows it, as
 * lw_loc names files), malloc'd; NULL when unknown. */
static char *cursor_file(CXCursor fn)
{
    CXFile file = NULL;
    clang_getExpansionLocation(clang_getCursorLocation(fn), &file, NULL, NULL, NULL);
    if (!file)
        return NULL;
    CXString s = real_name(file);
    const char *n = clang_getCString(s);
    char *name = n && *n ? strdup(n) : NULL;
    clang_disposeString(s);
    return name;
}

/* Adds fn, not analyzed because why, to out->skipped (a string that could
 * not be copied is NULL).  Returns 0, or -1 when out of memory. */
static int note_skipped(front_result *out, CXCursor fn, const char *why)
{
    front_skip *p = realloc(out->skipped, (out->nskipped + 1) * sizeof *p);
    if (!p)
        return -1;
    out->skipped = p;
    CXString s = clang_getCursorSpelling(fn);
    const char *name = clang_getCString(s);
    front_skip *k = &p[out->nskipped++];
    k->name = strdup(name ? name : "?");
    k->file = cursor_file(fn);
    k->why = strdup(why);
    clang_disposeString(s);
    return 0;
}

static enum CXChildVisitResult tu_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    tu_walk *w = d;
    if (!want_function(c))
        return CXChildVisit_Continue;
    const char *why;
    int in_main = clang_Location_isFromMainFile(clang_getCursorLocation(c));
    w->main_defs += in_main;
    ir_func *f = lower_function(&w->info, w->diags, c, &why);
    if (!f)
        return note_skipped(w->out, c, why) == 0 ? CXChildVisit_Continue
                                                 : CXChildVisit_Break;
    f->in_header = !in_main;
    if (w->out->nfuncs == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 32;
        ir_func **p = realloc(w->out->funcs, cap * sizeof(*p));
        if (!p) {
            ir_func_free(f);
            return CXChildVisit_Break;
        }
        w->out->funcs = p;
        w->cap = cap;
    }
    w->out->funcs[w->out->nfuncs++] = f;
    w->out->nrecovered += f->with_errors;
    return CXChildVisit_Continue;
}

/* Whether arg only tunes diagnostics (-Wall, -Wno-foo, -Werror=bar,
 * -Wfatal-errors, -pedantic-errors): sockleak reads none of them, and each
 * warning option clang does not know (GCC's -Wlogical-op) costs a search for
 * the nearest known one, in every file (11% of a run on curl).  -Wp,, -Wa,
 * and -Wl, pass options on and stay. */
static int diagnostic_flag(const char *arg)
{
    if (arg[0] != '-')
        return 0;
    if (arg[1] == 'W')
        return !(arg[2] && arg[3] == ',' && strchr("pal", arg[2]));
    return !strcmp(arg, "-pedantic") || !strcmp(arg, "-pedantic-errors") ||
           !strcmp(arg, "--pedantic") || !strcmp(arg, "--pedantic-errors");
}

/* argv for libclang: args less the flags in rejected (args.h) and those that
 * only tune diagnostics, then what sockleak never needs from the compiler
 * (warnings, spelling suggestions for errors: 40% of a parse), then
 * -working-directory=workdir in *wd_arg (malloc'd, the caller frees it). */
static const char **build_args(const args_memo *rejected, const char *const *args,
                               int nargs, const char *workdir, int *n, char **wd_arg)
{
    static const char *const quiet[] = {"-w", "-fno-spell-checking", "-ferror-limit=0",
                                        "-fbracket-depth=2048"};
    const int nquiet = (int)(sizeof quiet / sizeof quiet[0]);
    const char **v = calloc((size_t)nargs + (size_t)nquiet + 2, sizeof(char *));
    *wd_arg = NULL;
    if (!v)
        return NULL;
    *n = 0;
    for (int i = 0; i < nargs; i++)
        if (!args_memo_has(rejected, args[i]) && !diagnostic_flag(args[i]))
            v[(*n)++] = args[i];
    for (int i = 0; i < nquiet; i++)
        v[(*n)++] = quiet[i];
    if (workdir) {
        size_t len = strlen(workdir) + 32;
        *wd_arg = malloc(len);
        if (*wd_arg) {
            snprintf(*wd_arg, len, "-working-directory=%s", workdir);
            v[(*n)++] = *wd_arg;
        }
    }
    return v;
}

/* Lists in out->dropped the elements of args that w drops (copies). */
static void note_dropped(const front_worker *w, const char *const *args, int nargs,
                         front_result *out)
{
    for (int i = 0; i < nargs; i++) {
        if (!args_memo_has(&w->rejected, args[i]))
            continue;
        char **p = realloc(out->dropped, (out->ndropped + 1) * sizeof *p);
        char *copy = strdup(args[i]);
        if (p)
            out->dropped = p;
        if (!p || !copy) {
            free(copy);
            return;
        }
        out->dropped[out->ndropped++] = copy;
    }
}

/* Parses file into *tu.  When clang rejects some of args, w remembers them
 * (args.h) and the file is parsed once more without them; the flags w
 * dropped are listed in out. */
/* One parse with the worker's rejected flags and those in extra left out. */
static enum CXErrorCode parse_dropping(front_worker *w, const args_memo *extra, const char *file,
                                       const char *const *args, int nargs, const char *workdir,
                                       struct CXUnsavedFile *dev, unsigned ndev, unsigned opts,
                                       CXTranslationUnit *tu)
{
    args_memo all = {NULL, 0, 0};
    for (size_t i = 0; i < w->rejected.n; i++)
        args_memo_add(&all, w->rejected.v[i]);
    for (size_t i = 0; extra && i < extra->n; i++)
        args_memo_add(&all, extra->v[i]);
    int n = 0;
    char *wd_arg;
    const char **argv = build_args(&all, args, nargs, workdir, &n, &wd_arg);
    enum CXErrorCode ec = argv ? clang_parseTranslationUnit2(w->index, file, argv, n, dev, ndev,
                                                             opts, tu)
                               : CXError_Failure;
    free(wd_arg);
    free(argv);
    args_memo_clear(&all);
    if (ec != CXError_Success && *tu) {
        clang_disposeTranslationUnit(*tu);
        *tu = NULL;
    }
    return *tu ? ec : (ec == CXError_Success ? CXError_Failure : ec);
}

/* libclang built nothing: when the arguments hold code-generation options
 * with values (args_value_flag) and the parse succeeds without them, each
 * one whose value clang rejects (it alone back makes the parse fail) is
 * remembered as rejected, and the unit is parsed without those. */
static enum CXErrorCode parse_without_values(front_worker *w, const char *file,
                                             const char *const *args, int nargs,
                                             const char *workdir, struct CXUnsavedFile *dev,
                                             unsigned ndev, unsigned opts, CXTranslationUnit *tu)
{
    args_memo cand = {NULL, 0, 0};
    for (int i = 0; i < nargs; i++)
        if (args_value_flag(args[i]) && !args_memo_has(&w->rejected, args[i]))
            args_memo_add(&cand, args[i]);
    enum CXErrorCode ec = CXError_Failure;
    if (cand.n && parse_dropping(w, &cand, file, args, nargs, workdir, dev, ndev, opts, tu) ==
                      CXError_Success) {
        clang_disposeTranslationUnit(*tu);
        *tu = NULL;
        for (size_t k = 0; k < cand.n; k++) {
            args_memo others = {NULL, 0, 0}; /* every candidate but this one left out */
            for (size_t j = 0; j < cand.n; j++)
                if (j != k)
                    args_memo_add(&others, cand.v[j]);
            CXTranslationUnit probe = NULL;
            if (parse_dropping(w, &others, file, args, nargs, workdir, dev, ndev, opts,
                               &probe) != CXError_Success)
                args_memo_add(&w->rejected, cand.v[k]);
            else
                clang_disposeTranslationUnit(probe);
            args_memo_clear(&others);
        }
        ec = parse_dropping(w, NULL, file, args, nargs, workdir, dev, ndev, opts, tu);
        /* now built: flags it reports the usual way (args.h) go too */
        if (ec == CXError_Success && args_learn(&w->rejected, *tu, args, nargs) > 0) {
            clang_disposeTranslationUnit(*tu);
            *tu = NULL;
            ec = parse_dropping(w, NULL, file, args, nargs, workdir, dev, ndev, opts, tu);
        }
    }
    args_memo_clear(&cand);
    return ec;
}

static enum CXErrorCode parse_unit(front_worker *w, const char *file, const char *const *args,
                                   int nargs, const char *workdir, CXTranslationUnit *tu,
                                   front_result *out)
{
    unsigned opts = CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_KeepGoing;
    unsigned ndev;
    /* libclang would read an included /dev/zero forever (devices.h) */
    struct CXUnsavedFile *dev = (struct CXUnsavedFile *)front_devices(&ndev);
    enum CXErrorCode ec = CXError_Failure;
    for (int attempt = 0; attempt < 2; attempt++) {
        int n = 0;
        char *wd_arg;
        const char **argv = build_args(&w->rejected, args, nargs, workdir, &n, &wd_arg);
        ec = argv ? clang_parseTranslationUnit2(w->index, file, argv, n, dev, ndev, opts, tu)
                  : CXError_Failure;
        free(wd_arg);
        free(argv);
        if (ec != CXError_Success || !*tu || attempt > 0 ||
            args_learn(&w->rejected, *tu, args, nargs) == 0)
            break;
        clang_disposeTranslationUnit(*tu);
        *tu = NULL;
    }
    if (ec != CXError_Success || !*tu)
        ec = parse_without_values(w, file, args, nargs, workdir, dev, ndev, opts, tu);
    note_dropped(w, args, nargs, out);
    return ec;
}

/* A file with errors in which not one function definition of its own could
 * be read (random bytes, text that is not C, code whose every function is
 * behind a macro from a missing header) was not analyzed: it fails, with
 * its first error.  What was lowered from its headers is kept. */
static void fail_unreadable(front_result *out)
{
    const char *first = out->message ? out->message : "?";
    size_t len = strlen(first) + 64;
    char *m = malloc(len);
    if (m) {
        snprintf(m, len, "no function definition could be read; first error: %s", first);
        free(out->message);
        out->message = m;
    }
    out->status = FRONT_FAILED;
}

/* Nonzero when file (taken against workdir) exists and is not a regular
 * file, *mode then set: libclang would block on a FIFO and read a device
 * without end.  A file that cannot be stat'ed is left to libclang, which
 * says why it cannot read it. */
static int is_special(const char *file, const char *workdir, unsigned *mode)
{
    char *full = NULL;
    if (file[0] != '/' && workdir) {
        size_t len = strlen(workdir) + strlen(file) + 2;
        full = malloc(len);
        if (full)
            snprintf(full, len, "%s/%s", workdir, file);
    }
    struct stat st;
    int special = stat(full ? full : file, &st) == 0 && !S_ISREG(st.st_mode);
    free(full);
    *mode = st.st_mode;
    return special;
}

void front_lower_file(front_worker *w, const char *file, const char *const *args,
                      int nargs, const char *workdir, front_result *out)
{
    memset(out, 0, sizeof(*out));
    unsigned mode;
    if (is_special(file, workdir, &mode)) {
        out->status = FRONT_FAILED;
        const char *kind = sl_file_kind(mode);
        size_t len = strlen(file) + strlen(kind) + 32;
        out->message = malloc(len);
        if (out->message)
            snprintf(out->message, len, "%s: not a regular file (%s)", file, kind);
        return;
    }
    CXTranslationUnit tu = NULL;
    enum CXErrorCode ec = parse_unit(w, file, args, nargs, workdir, &tu, out);
    if (ec != CXError_Success || !tu) {
        out->status = FRONT_FAILED;
        size_t len = strlen(file) + 96;
        out->message = malloc(len);
        if (out->message && access(file, R_OK) != 0)
            snprintf(out->message, len, "%s: %s", file, strerror(errno));
        else if (out->message)
            snprintf(out->message, len,
                     "%s: libclang could not build it (check the compiler arguments)", file);
        return;
    }
    diag_info diags = {NULL, 0, NULL, 0, 0};
    collect_diags(tu, &diags, out);
    collect_starts(tu, &diags);
    tu_walk walk = {{0}, &diags, out, 0, 0};
    walk.info.tu = tu;
    clang_visitChildren(clang_getTranslationUnitCursor(tu), tu_visit, &walk);
    out->stores_incomplete = lw_collect_stores(tu, &out->stores) != 0;
    lex_tu_info_clear(&walk.info);
    free(diags.errs);
    free(diags.starts);
    clang_disposeTranslationUnit(tu);
    out->status = out->nerrors ? FRONT_PARTIAL : FRONT_OK;
    if (out->nerrors && walk.main_defs == 0)
        fail_unreadable(out);
}
