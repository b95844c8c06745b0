/* recover.c — lowering a function that has compile errors.  clang's error
 * recovery leaves an AST with broken parts: expressions it could not type
 * (RecoveryExpr, exposed as an UnexposedExpr of dependent type, or an
 * operator over one), declarations of unknown types, and statements or
 * initializers it dropped altogether.  Lowering turns each broken part into
 * an unknown value: a local it names escapes (a descriptor that flows into
 * it is handed off), a local it may write becomes unknown, a condition that
 * is broken is opaque.  Every error must be "covered" by such a part;
 * syntax errors (statements may be cut short), an uncovered error, a dropped
 * jump, or a broken write to a local that some branch reads make the whole
 * function not analyzed (lw_recovery_verdict): no finding may depend on a
 * broken part.  Functions without errors never reach this code. */
#include <string.h>

#include "front/lower.h"

int lw_extent(CXCursor c, CXFile *file, unsigned *a, unsigned *b)
{
    CXSourceRange r = clang_getCursorExtent(c);
    CXFile fb = NULL;
    clang_getExpansionLocation(clang_getRangeStart(r), file, NULL, NULL, a);
    clang_getExpansionLocation(clang_getRangeEnd(r), &fb, NULL, NULL, b);
    return *file && *file == fb && *a <= *b;
}

/* How many breaking errors lie in [a, b] of file (only those not yet covered
 * when uncovered is set); mark: cover them. */
static unsigned cover_range(lower *L, CXFile file, unsigned a, unsigned b, int mark,
                            int uncovered)
{
    unsigned n = 0;
    for (unsigned i = 0; i < L->nerrs; i++) {
        lw_error *e = &L->errs[i];
        if (e->breaking && e->file == file && e->off >= a && e->off <= b &&
            !(uncovered && e->covered)) {
            n++;
            if (mark)
                e->covered = 1;
        }
    }
    return n;
}

int lw_has_error(lower *L, CXCursor c)
{
    CXFile file;
    unsigned a, b;
    return L->nerrs && lw_extent(c, &file, &a, &b) && cover_range(L, file, a, b, 0, 0) > 0;
}

int lw_is_broken(lower *L, CXCursor c)
{
    if (!lw_has_error(L, c))
        return 0;
    CXType t = clang_getCursorType(c);
    if (t.kind == CXType_Dependent || t.kind == CXType_Invalid)
        return 1;
    switch (clang_getCursorKind(c)) {
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator:
    case CXCursor_UnaryOperator:
    case CXCursor_ConditionalOperator:
    case CXCursor_ParenExpr:
    case CXCursor_CStyleCastExpr:
    case CXCursor_StmtExpr:
        return 0; /* their parts are lowered, and checked, one by one */
    case CXCursor_CallExpr:
        return clang_getCursorKind(clang_getCursorReferenced(c)) != CXCursor_FunctionDecl;
    default:
        return 1;
    }
}

static void add_broken_write(lower *L, int p)
{
    for (unsigned i = 0; i < L->nbroken_writes; i++)
        if (L->broken_writes[i] == p)
            return;
    if (L->nbroken_writes == L->broken_writes_cap) {
        unsigned cap = L->broken_writes_cap ? L->broken_writes_cap * 2 : 8;
        L->broken_writes = arena_grow(L->f->arena, L->broken_writes, L->nbroken_writes, cap,
                                      sizeof(int));
        L->broken_writes_cap = cap;
    }
    L->broken_writes[L->nbroken_writes++] = p;
}

/* A local named in a broken part: it escapes; when written, it becomes
 * unknown, and the write is remembered unless the part declares it. */
static void touch(lower *L, int p, int written, int declared_here, ir_loc loc)
{
    if (p < 0)
        return;
    ir_insn in = ir_insn_make(IR_ESCAPE, loc);
    in.src = p;
    ir_emit(L->f, L->cur, &in);
    if (!written && !declared_here)
        return;
    in = ir_insn_make(IR_HAVOC, loc);
    in.dst = p;
    ir_emit(L->f, L->cur, &in);
    if (!declared_here)
        add_broken_write(L, p);
}

typedef struct broken_walk {
    lower *L;
    ir_loc loc;
} broken_walk;

/* Walks c; lhs says c designates storage being written (the left side of
 * an assignment, the operand of & ++ --). */
static void walk(broken_walk *w, CXCursor c, int lhs)
{
    CXCursor k[64];
    unsigned n = lw_children(c, k, 64);
    enum CXCursorKind kind = clang_getCursorKind(c);
    int post;
    const char *op = NULL;
    if (kind == CXCursor_BinaryOperator || kind == CXCursor_CompoundAssignOperator)
        op = lw_binop(c);
    else if (kind == CXCursor_UnaryOperator)
        op = lw_unop(c, &post);
    if (kind == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(c);
        enum CXCursorKind dk = clang_getCursorKind(d);
        if (dk == CXCursor_VarDecl || dk == CXCursor_ParmDecl)
            touch(w->L, lw_var_place(w->L, d), lhs, 0, w->loc);
        return;
    }
    for (unsigned i = 0; i < n && i < 64; i++) {
        int child_lhs = 0;
        if (op && (kind == CXCursor_CompoundAssignOperator || !strcmp(op, "=")))
            child_lhs = i == 0;
        else if (op && (!strcmp(op, "&") || !strcmp(op, "++") || !strcmp(op, "--")))
            child_lhs = 1;
        else if (lhs && (kind == CXCursor_ParenExpr || kind == CXCursor_UnexposedExpr ||
                         kind == CXCursor_CStyleCastExpr))
            child_lhs = 1;
        else if (lhs && (kind == CXCursor_MemberRefExpr || kind == CXCursor_ArraySubscriptExpr))
            /* c.f and a[i] write the local; p->f and p[i] write through p */
            child_lhs = i == 0 && clang_getCanonicalType(clang_getCursorType(k[0])).kind !=
                                      CXType_Pointer;
        walk(w, k[i], child_lhs);
    }
}

operand lw_lower_broken(lower *L, CXCursor c)
{
    operand none = {-1, 0, 0, 0};
    broken_walk w = {L, lw_cursor_loc(L, c)};
    walk(&w, c, 0);
    CXFile file;
    unsigned a, b;
    if (lw_extent(c, &file, &a, &b))
        cover_range(L, file, a, b, 1, 0);
    return none;
}

typedef struct dropped_ctx {
    unsigned declared;
    ir_loc loc;
} dropped_ctx;

static void dropped_ident(lower *L, const char *name, int written, void *data)
{
    dropped_ctx *d = data;
    for (unsigned i = L->nvars; i > 0; i--) {
        int p = L->vars[i - 1].place;
        if (p < 0 || strcmp(L->f->places[p].name, name))
            continue;
        int here = i - 1 >= d->declared;
        /* a variable declared here whose initializer was lowered holds
         * what that says; one whose initializer clang dropped is unknown */
        if (!here || clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(L->vars[i - 1].decl)))
            touch(L, p, written, here, d->loc);
        return;
    }
}

int lw_lower_dropped(lower *L, CXFile file, unsigned from, unsigned to, unsigned declared,
                     ir_loc loc)
{
    if (!L->nerrs || from >= to || !cover_range(L, file, from, to, 0, 1))
        return 0;
    dropped_ctx d = {declared, loc};
    int jump = lex_dropped_idents(L, file, from, to, dropped_ident, &d);
    cover_range(L, file, from, to, 1, 1);
    if (jump == LEX_DROPPED_RETURN) { /* `return <broken>;`: returns something unknown */
        operand unknown = {-1, 0, 0, 0};
        lw_return(L, unknown, loc);
    } else if (jump) {
        L->unlowerable = "clang dropped a statement with a jump while recovering from an error";
    }
    return 1;
}

/* Whether some branch or comparison of the function reads place p. */
static int read_by_branch(const ir_func *f, int p)
{
    for (unsigned b = 0; b < f->nblocks; b++) {
        const ir_block *blk = f->blocks[b];
        if (blk->term.kind == IR_T_BRANCH &&
            (blk->term.cond.place == p || blk->term.cond.other == p))
            return 1;
        for (unsigned i = 0; i < blk->ninsns; i++)
            if ((blk->insns[i].op == IR_CMPSET || blk->insns[i].op == IR_COPY) &&
                blk->insns[i].src == p)
                return 1;
    }
    return 0;
}

const char *lw_recovery_verdict(lower *L)
{
    for (unsigned i = 0; i < L->nerrs; i++)
        if (L->errs[i].syntax)
            return "a syntax error: clang may have cut statements short";
    if (L->unlowerable)
        return L->unlowerable;
    for (unsigned i = 0; i < L->nerrs; i++)
        if (L->errs[i].breaking && !L->errs[i].covered)
            return "a compile error it could not lower around";
    for (unsigned i = 0; i < L->nbroken_writes; i++)
        if (read_by_branch(L->f, L->broken_writes[i]))
            return "a broken expression writes a variable that a branch reads";
    return NULL;
}
