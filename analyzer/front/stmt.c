/* stmt.c — lowers C statements to IR blocks: scopes (with their scope-end
 * instructions), if/else, while, do, for (with any part omitted), switch
 * with fall-through, break, continue, goto and labels, return.
 * Expressions are in expr.c. */
#include <stdlib.h>
#include <string.h>

#include "front/lower.h"


void lw_new_block(lower *L) { L->cur = ir_block_add(L->f); }

void lw_goto(lower *L, int b)
{
    ir_term_goto(L->f, L->cur, b);
    L->cur = b;
}

/* ---- variables and scopes ---- */

static void scope_push(lower *L)
{
    LW_GROW(L, L->scopes, L->nscopes, L->scopes_cap, scope);
    memset(&L->scopes[L->nscopes++], 0, sizeof(scope));
}

static void scope_add(lower *L, int place)
{
    scope *s = &L->scopes[L->nscopes - 1];
    LW_GROW(L, s->vars, s->nvars, s->cap, int);
    s->vars[s->nvars++] = place;
}

/* Emits the scope end of every variable in scopes [from, nscopes), innermost
 * and latest-declared first. */
static void end_scopes_at(lower *L, unsigned from, ir_loc loc, int jump);

static void end_scopes(lower *L, unsigned from, ir_loc loc) { end_scopes_at(L, from, loc, 0); }

/* jump: the scopes end because break/continue/goto leaves them. */
static void end_scopes_at(lower *L, unsigned from, ir_loc loc, int jump)
{
    unsigned n = 0;
    for (unsigned i = from; i < L->nscopes; i++)
        n += L->scopes[i].nvars;
    if (n == 0)
        return;
    ir_insn in = ir_insn_make(IR_SCOPE_END, loc);
    in.places = arena_alloc(L->f->arena, sizeof(int) * n);
    for (unsigned i = L->nscopes; i > from; i--) {
        scope *s = &L->scopes[i - 1];
        for (unsigned k = s->nvars; k > 0; k--)
            in.places[in.nplaces++] = s->vars[k - 1];
    }
    lw_emit_cleanups(L, in.places, in.nplaces, loc);
    in.value = jump;
    ir_emit(L->f, L->cur, &in);
}

void lw_emit_cleanups(lower *L, const int *places, unsigned n, ir_loc loc)
{
    for (unsigned i = 0; i < n && L->ncleanups; i++)
        for (unsigned c = 0; c < L->ncleanups; c++) {
            const cleanup_var *cv = &L->cleanups[c];
            if (cv->place != places[i])
                continue;
            ir_call *call = arena_alloc(L->f->arena, sizeof(*call));
            call->callee = cv->fn;
            call->memo = -1;
            call->usr = cv->usr;
            call->has_body = cv->usr != NULL;
            call->nargs = 1;
            call->args = arena_alloc(L->f->arena, sizeof(ir_arg));
            call->args[0].place = cv->place;
            call->args[0].addr_of = 1;
            call->args[0].text = L->f->places[cv->place].name;
            call->dst = -1;
            ir_insn in = ir_insn_make(IR_CALL, loc);
            in.call = call;
            ir_emit(L->f, L->cur, &in);
        }
}

static void scope_pop(lower *L, ir_loc end)
{
    if (end.line)
        end_scopes(L, L->nscopes - 1, end);
    L->nscopes--;
}

int lw_var_place(lower *L, CXCursor decl)
{
    unsigned h = clang_hashCursor(decl);
    for (unsigned i = L->nvars; i > 0; i--)
        if (L->vars[i - 1].hash == h && clang_equalCursors(L->vars[i - 1].decl, decl))
            return L->vars[i - 1].place;
    return -1;
}

int lw_declare(lower *L, CXCursor decl, int is_param)
{
    if (clang_isInvalidDeclaration(decl)) {
        /* a type from a missing header: its errors are this declaration's;
         * a local of it is no place (what is stored there is handed off),
         * a parameter keeps its number for the summaries */
        CXFile file;
        unsigned a, b;
        if (L->nerrs && lw_extent(decl, &file, &a, &b))
            lw_lower_dropped(L, file, a, b, L->nvars, lw_cursor_loc(L, decl));
        if (!is_param)
            return -1;
    }
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);
    if (sc == CX_SC_Static || sc == CX_SC_Extern)
        return -1; /* outlives the call: storing into it is a hand-off */
    CXString s = clang_getCursorSpelling(decl);
    const char *name = clang_getCString(s);
    int p = ir_place_add(L->f, name && *name ? name : "<unnamed>", IR_PLACE_VAR, -1);
    clang_disposeString(s);
    CXType t = clang_getCanonicalType(clang_getCursorType(decl));
    ir_place *pl = &L->f->places[p];
    pl->is_param = is_param ? 1 : 0;
    /* an `int fds[2]` parameter is a pointer to the caller's array */
    pl->is_array = !is_param && (t.kind == CXType_ConstantArray ||
                                 t.kind == CXType_IncompleteArray ||
                                 t.kind == CXType_VariableArray);
    pl->is_record = t.kind == CXType_Record;
    pl->is_pointer = t.kind == CXType_Pointer || (is_param && t.kind != CXType_Record &&
                                                  (t.kind == CXType_ConstantArray ||
                                                   t.kind == CXType_IncompleteArray));
    if (t.kind == CXType_Pointer) {
        CXType pointee = clang_getCanonicalType(clang_getPointeeType(t));
        pl->is_text = pointee.kind == CXType_Char_S || pointee.kind == CXType_Char_U ||
                      pointee.kind == CXType_SChar || pointee.kind == CXType_UChar;
    } else {
        pl->is_text = t.kind == CXType_Float || t.kind == CXType_Double ||
                      t.kind == CXType_LongDouble;
    }
    if (t.kind == CXType_ConstantArray && clang_getArraySize(t) <= 16) {
        /* elements an out-parameter may fill (pipe's int[2]) */
        for (long long i = 0; i < clang_getArraySize(t); i++) {
            char suffix[24];
            snprintf(suffix, sizeof suffix, "[%lld]", i);
            ir_place_sub(L->f, p, suffix);
        }
        pl = &L->f->places[p];
    }
    if (!is_param) {
        const char *fn = lex_cleanup_fn(L, decl);
        if (fn) {
            LW_GROW(L, L->cleanups, L->ncleanups, L->cleanups_cap, cleanup_var);
            cleanup_var *cv = &L->cleanups[L->ncleanups++];
            cv->place = p;
            cv->fn = fn;
            cv->usr = lex_function_usr(L, fn);
        }
    }
    LW_GROW(L, L->vars, L->nvars, L->vars_cap, var_binding);
    var_binding *b = &L->vars[L->nvars++];
    b->hash = clang_hashCursor(decl);
    b->decl = decl;
    b->place = p;
    if (!is_param)
        scope_add(L, p);
    return p;
}

void lw_bind_var(lower *L, CXCursor decl, int place)
{
    LW_GROW(L, L->vars, L->nvars, L->vars_cap, var_binding);
    var_binding *b = &L->vars[L->nvars++];
    b->hash = clang_hashCursor(decl);
    b->decl = decl;
    b->place = place;
}

static void lower_var_decl(lower *L, CXCursor decl)
{
    if (acc_alias(L, decl))
        return; /* `void *v = b;`: v is b */
    int p = lw_declare(L, decl, 0);
    CXCursor init = clang_Cursor_getVarDeclInitializer(decl);
    if (!clang_Cursor_isNull(init) && p < 0 && clang_isInvalidDeclaration(decl))
        lw_lower_broken(L, init); /* what it names is handed to the unknown */
    if (clang_Cursor_isNull(init) || p < 0)
        return;
    ir_loc loc = lw_cursor_loc(L, decl);
    unsigned mark = L->ntemps;
    CXCursor s = lw_strip(init);
    if (clang_getCursorKind(s) == CXCursor_InitListExpr && L->f->places[p].is_array) {
        CXCursor k[64];
        unsigned n = lw_children(s, k, 64);
        for (unsigned i = 0; i < n && i < 64; i++) {
            char suffix[24];
            snprintf(suffix, sizeof suffix, "[%u]", i);
            lw_expr_into(L, k[i], ir_place_sub(L->f, p, suffix), loc);
        }
    } else if (clang_getCursorKind(s) == CXCursor_InitListExpr) {
        lw_expr(L, s, 0); /* fields: values escape, see lower_opaque */
    } else {
        lw_expr_into(L, init, p, loc);
    }
    lw_end_temps(L, mark);
}

static enum CXChildVisitResult decl_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_VarDecl)
        lower_var_decl(d, c);
    return CXChildVisit_Continue;
}

/* A declaration statement; with compile errors, the initializers clang
 * dropped (`int fd = socket(AF_INET, SOCK_STREAM, UNKNOWN)` keeps `fd`
 * without an initializer) make their variables unknown. */
static void lower_decl_stmt(lower *L, CXCursor c)
{
    unsigned mark = L->nvars;
    clang_visitChildren(c, decl_visit, L);
    CXFile file;
    unsigned a, b;
    if (L->nerrs && lw_extent(c, &file, &a, &b))
        lw_lower_dropped(L, file, a, b + 1, mark, lw_cursor_loc(L, c));
}

/* ---- jumps ---- */

static jump_target *jump_push(lower *L, int brk, int cont)
{
    LW_GROW(L, L->jumps, L->njumps, L->jumps_cap, jump_target);
    jump_target *j = &L->jumps[L->njumps++];
    j->brk = brk;
    j->cont = cont;
    j->scope_depth = L->nscopes;
    return j;
}

static void lower_break(lower *L, CXCursor c, int is_continue)
{
    for (unsigned i = L->njumps; i > 0; i--) {
        jump_target *j = &L->jumps[i - 1];
        int target = is_continue ? j->cont : j->brk;
        if (target < 0)
            continue;
        end_scopes_at(L, j->scope_depth, lw_cursor_loc(L, c), 1);
        ir_term_goto(L->f, L->cur, target);
        lw_new_block(L);
        return;
    }
    lw_new_block(L); /* break outside a loop: invalid C, ignore */
}

static int *live_vars(lower *L, unsigned *n)
{
    unsigned total = 0;
    for (unsigned i = 0; i < L->nscopes; i++)
        total += L->scopes[i].nvars;
    int *v = arena_alloc(L->f->arena, sizeof(int) * (total ? total : 1));
    *n = 0;
    for (unsigned i = 0; i < L->nscopes; i++)
        for (unsigned k = 0; k < L->scopes[i].nvars; k++)
            v[(*n)++] = L->scopes[i].vars[k];
    return v;
}

void lw_emit_all_cleanups(lower *L, ir_loc loc)
{
    if (!L->ncleanups)
        return;
    unsigned nlive;
    int *live = live_vars(L, &nlive);
    for (unsigned i = 0; i < nlive / 2; i++) { /* innermost first */
        int t = live[i];
        live[i] = live[nlive - 1 - i];
        live[nlive - 1 - i] = t;
    }
    lw_emit_cleanups(L, live, nlive, loc);
}

static label_info *label_get(lower *L, const char *name)
{
    for (unsigned i = 0; i < L->nlabels; i++)
        if (!strcmp(L->labels[i].name, name))
            return &L->labels[i];
    LW_GROW(L, L->labels, L->nlabels, L->labels_cap, label_info);
    label_info *l = &L->labels[L->nlabels++];
    memset(l, 0, sizeof(*l));
    l->name = arena_strdup(L->f->arena, name);
    l->block = ir_block_add(L->f);
    return l;
}

static const char *cursor_name(lower *L, CXCursor c)
{
    CXString s = clang_getCursorSpelling(c);
    const char *r = arena_strdup(L->f->arena, clang_getCString(s));
    clang_disposeString(s);
    return r;
}

static void lower_goto(lower *L, CXCursor c)
{
    CXCursor k[1];
    if (lw_children(c, k, 1) != 1) {
        ir_term_exit(L->f, L->cur, lw_cursor_loc(L, c)); /* computed goto */
        lw_new_block(L);
        return;
    }
    LW_GROW(L, L->gotos, L->ngotos, L->gotos_cap, pending_goto);
    pending_goto *g = &L->gotos[L->ngotos++];
    g->label = cursor_name(L, k[0]);
    g->live = live_vars(L, &g->nlive);
    g->loc = lw_cursor_loc(L, c);
    g->block = ir_block_add(L->f);
    label_get(L, g->label); /* make sure it exists */
    ir_term_goto(L->f, L->cur, g->block);
    lw_new_block(L);
}

static void lower_label(lower *L, CXCursor c)
{
    label_info *l = label_get(L, cursor_name(L, c));
    l->defined = 1;
    l->live = live_vars(L, &l->nlive);
    lw_goto(L, l->block);
    CXCursor k[1];
    if (lw_children(c, k, 1) == 1)
        lw_stmt(L, k[0]);
}

static int in_list(const int *v, unsigned n, int x)
{
    for (unsigned i = 0; i < n; i++)
        if (v[i] == x)
            return 1;
    return 0;
}

void lw_finish_gotos(lower *L)
{
    for (unsigned i = 0; i < L->ngotos; i++) {
        pending_goto *g = &L->gotos[i];
        label_info *l = label_get(L, g->label);
        L->cur = g->block;
        if (!l->defined) {
            ir_term_exit(L->f, g->block, g->loc);
            continue;
        }
        ir_insn in = ir_insn_make(IR_SCOPE_END, g->loc);
        in.places = arena_alloc(L->f->arena, sizeof(int) * (g->nlive ? g->nlive : 1));
        for (unsigned k = g->nlive; k > 0; k--)
            if (!in_list(l->live, l->nlive, g->live[k - 1]))
                in.places[in.nplaces++] = g->live[k - 1];
        if (in.nplaces) {
            in.value = 1;
            lw_emit_cleanups(L, in.places, in.nplaces, g->loc);
            ir_emit(L->f, g->block, &in);
        }
        ir_term_goto(L->f, g->block, l->block);
    }
}

/* ---- compound, if, loops ---- */

static enum CXChildVisitResult stmt_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    lw_stmt(d, c);
    return CXChildVisit_Continue;
}

/* The statements of a compound statement, and between them (and before
 * the closing brace) what clang dropped while recovering from an error. */
void lw_lower_children(lower *L, CXCursor c)
{
    CXFile file;
    unsigned a, b;
    if (!L->nerrs || !lw_extent(c, &file, &a, &b)) {
        clang_visitChildren(c, stmt_visit, L);
        return;
    }
    unsigned n = lw_children(c, NULL, 0);
    CXCursor *k = arena_alloc(L->f->arena, sizeof(CXCursor) * (n ? n : 1));
    lw_children(c, k, n);
    unsigned from = a + 1; /* after the `{` */
    for (unsigned i = 0; i <= n; i++) {
        CXFile kf = file;
        unsigned ka = b, kb = b; /* past the last statement: up to the `}` */
        if (i < n && (!lw_extent(k[i], &kf, &ka, &kb) || kf != file))
            ka = kb = from;
        lw_lower_dropped(L, file, from, ka, L->nvars, lw_cursor_loc(L, i < n ? k[i] : c));
        if (i < n)
            lw_stmt(L, k[i]);
        if (kb > from)
            from = kb;
    }
}

static void lower_compound(lower *L, CXCursor c)
{
    scope_push(L);
    lw_lower_children(L, c);
    scope_pop(L, lw_cursor_end(L, c));
}

typedef struct value_walk {
    lower *L;
    unsigned n, i;
    int want;
    operand last;
} value_walk;

static enum CXChildVisitResult value_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    value_walk *w = d;
    if (++w->i == w->n && clang_isExpression(clang_getCursorKind(c)))
        w->last = lw_expr(w->L, c, w->want);
    else
        lw_stmt(w->L, c);
    return CXChildVisit_Continue;
}

/* A GNU statement expression: the value is that of its last statement. */
operand lw_compound_value(lower *L, CXCursor c, int want)
{
    value_walk w = {L, lw_children(c, NULL, 0), 0, want, {-1, 0, 0, 0}};
    scope_push(L);
    clang_visitChildren(c, value_visit, &w);
    /* The value may live in a variable of this scope, which ends here: move
     * it to a temporary first (systemd's TAKE_FD). */
    if (w.last.place >= 0 && L->f->places[w.last.place].kind == IR_PLACE_VAR) {
        ir_insn in = ir_insn_make(IR_COPY, lw_cursor_loc(L, c));
        in.dst = lw_new_temp(L, in.loc);
        in.src = w.last.place;
        ir_emit(L->f, L->cur, &in);
        w.last.place = in.dst;
    }
    scope_pop(L, lw_cursor_end(L, c));
    return w.last;
}

static void lower_if(lower *L, CXCursor c)
{
    CXCursor k[3];
    unsigned n = lw_children(c, k, 3);
    if (n < 2)
        return;
    int then_b = ir_block_add(L->f), join = ir_block_add(L->f);
    int else_b = n == 3 ? ir_block_add(L->f) : join;
    lw_stmt_cond(L, k[0], then_b, else_b);
    L->cur = then_b;
    lw_stmt(L, k[1]);
    lw_goto(L, join);
    if (n == 3) {
        L->cur = else_b;
        lw_stmt(L, k[2]);
        lw_goto(L, join);
    }
    L->cur = join;
}

static void lower_loop_body(lower *L, CXCursor body, int brk, int cont)
{
    jump_push(L, brk, cont);
    lw_stmt(L, body);
    L->njumps--;
}

static void lower_while(lower *L, CXCursor c)
{
    CXCursor k[2];
    if (lw_children(c, k, 2) != 2)
        return;
    int head = ir_block_add(L->f), body = ir_block_add(L->f), exit = ir_block_add(L->f);
    lw_goto(L, head);
    lw_stmt_cond(L, k[0], body, exit);
    L->cur = body;
    lower_loop_body(L, k[1], exit, head);
    ir_term_goto(L->f, L->cur, head);
    L->cur = exit;
}

static void lower_do(lower *L, CXCursor c)
{
    CXCursor k[2];
    if (lw_children(c, k, 2) != 2)
        return;
    int body = ir_block_add(L->f), cond = ir_block_add(L->f), exit = ir_block_add(L->f);
    lw_goto(L, body);
    lower_loop_body(L, k[0], exit, cond);
    lw_goto(L, cond);
    lw_stmt_cond(L, k[1], body, exit);
    L->cur = exit;
}

/* The variable a constant and its literal: `x OP c` or `c OP x`. */
static int var_vs_const(lower *L, CXCursor c, CXCursor *var, int64_t *k, int *mirrored)
{
    CXCursor kids[2];
    c = lw_strip(c);
    if (clang_getCursorKind(c) != CXCursor_BinaryOperator || lw_children(c, kids, 2) != 2)
        return 0;
    for (int side = 0; side < 2; side++) {
        CXCursor v = lw_strip(kids[side]);
        if (clang_getCursorKind(v) == CXCursor_DeclRefExpr && lw_const(L, kids[1 - side], k)) {
            *var = clang_getCursorReferenced(v);
            *mirrored = side;
            return 1;
        }
    }
    return 0;
}

/* For `for (i = C0; i OP C1; i += S)` (any of ++, --, +=, -=; i a local
 * integer) that runs at most 8 times: i's place, so that the step is lowered
 * exactly and the loop runs exactly that often.  Else -1 (the step makes i
 * unknown, as before).  Called after init is lowered. */
static int counted_loop(lower *L, CXCursor init, CXCursor cond, CXCursor inc)
{
    enum { MAX_TRIPS = 8 };
    if (clang_Cursor_isNull(init) || clang_Cursor_isNull(cond) || clang_Cursor_isNull(inc))
        return -1;
    CXCursor var, ivar, kids[2];
    int64_t bound, start, step;
    int mirrored, m2;
    if (!var_vs_const(L, cond, &var, &bound, &mirrored))
        return -1;
    const char *op = lw_binop(lw_strip(cond));
    /* the start: `i = C0` or the declaration `int i = C0` */
    if (clang_getCursorKind(init) == CXCursor_DeclStmt) {
        if (lw_children(init, kids, 2) != 1)
            return -1;
        CXCursor e = clang_Cursor_getVarDeclInitializer(kids[0]);
        ivar = kids[0];
        if (clang_Cursor_isNull(e) || !lw_const(L, e, &start))
            return -1;
    } else if (!var_vs_const(L, init, &ivar, &start, &m2) || m2 ||
               strcmp(lw_binop(lw_strip(init)), "=")) {
        return -1;
    }
    if (!clang_equalCursors(ivar, var))
        return -1;
    /* the step */
    CXCursor s = lw_strip(inc);
    int post;
    if (clang_getCursorKind(s) == CXCursor_UnaryOperator) {
        const char *u = lw_unop(s, &post);
        if (!u || (strcmp(u, "++") && strcmp(u, "--")) || lw_children(s, kids, 1) != 1)
            return -1;
        step = u[0] == '+' ? 1 : -1;
        s = lw_strip(kids[0]);
    } else if (clang_getCursorKind(s) == CXCursor_CompoundAssignOperator &&
               lw_children(s, kids, 2) == 2 && lw_const(L, kids[1], &step)) {
        enum CXBinaryOperatorKind bk = clang_getCursorBinaryOperatorKind(s);
        if (bk == CXBinaryOperator_SubAssign)
            step = -step;
        else if (bk != CXBinaryOperator_AddAssign)
            return -1;
        s = lw_strip(kids[0]);
    } else {
        return -1;
    }
    if (clang_getCursorKind(s) != CXCursor_DeclRefExpr ||
        !clang_equalCursors(clang_getCursorReferenced(s), var) || step == 0)
        return -1;
    ir_cmpop cmp;
    if (!op || !lw_cmpop(op, &cmp))
        return -1;
    if (mirrored)
        cmp = ir_cmp_mirror(cmp);
    /* run it: at most MAX_TRIPS iterations before the test fails */
    int64_t x = start;
    for (int trips = 0; trips <= MAX_TRIPS; trips++) {
        if (!ir_cmp_holds(cmp, x, bound))
            return lw_var_place(L, var);
        if (x > INT64_MAX / 2 || x < INT64_MIN / 2)
            return -1;
        x += step;
    }
    return -1;
}

static void lower_for(lower *L, CXCursor c)
{
    CXCursor k[4], init = clang_getNullCursor(), cond = init, inc = init, body = init;
    unsigned n = lw_children(c, k, 4), s1, s2, rp;
    if (n == 0 || n > 4)
        return;
    body = k[n - 1];
    if (lex_for_header(L, c, &s1, &s2, &rp)) {
        for (unsigned i = 0; i + 1 < n; i++) {
            unsigned off = lw_offset(clang_getRangeStart(clang_getCursorExtent(k[i])));
            if (off < s1)
                init = k[i];
            else if (off < s2)
                cond = k[i];
            else
                inc = k[i];
        }
    } else if (n == 4) {
        init = k[0], cond = k[1], inc = k[2];
    } else if (n >= 2) {
        cond = k[n - 2]; /* ambiguous: treat the last header part as the test */
        if (n == 3)
            init = k[0];
    }
    scope_push(L); /* for (int i = ...) */
    if (!clang_Cursor_isNull(init))
        lw_stmt(L, init);
    int counter = counted_loop(L, init, cond, inc);
    int head = ir_block_add(L->f), bodyb = ir_block_add(L->f), step = ir_block_add(L->f),
        exit = ir_block_add(L->f);
    lw_goto(L, head);
    if (clang_Cursor_isNull(cond))
        ir_term_goto(L->f, L->cur, bodyb);
    else
        lw_stmt_cond(L, cond, bodyb, exit);
    L->cur = bodyb;
    lower_loop_body(L, body, exit, step);
    lw_goto(L, step);
    if (!clang_Cursor_isNull(inc)) {
        unsigned mark = L->ntemps;
        int outer = L->counted;
        L->counted = counter;
        lw_expr(L, inc, 0);
        L->counted = outer;
        lw_end_temps(L, mark);
    }
    ir_term_goto(L->f, L->cur, head);
    L->cur = exit;
    scope_pop(L, lw_cursor_end(L, c));
}

/* ---- switch ---- */

static void add_case(lower *L, int64_t v, int is_default, int block, const char *text)
{
    switch_ctx *s = L->sw;
    LW_GROW(L, s->cases, s->ncases, s->cap, case_entry);
    case_entry *e = &s->cases[s->ncases++];
    e->value = v;
    e->is_default = is_default;
    e->block = block;
    e->text = text;
}

static void lower_case(lower *L, CXCursor c, int is_default)
{
    CXCursor k[3];
    unsigned n = lw_children(c, k, 3);
    if (!L->sw || n == 0)
        return;
    int b = ir_block_add(L->f);
    int64_t v = 0;
    if (is_default) {
        add_case(L, 0, 1, b, "default:");
    } else if (n == 2 && lw_const(L, k[0], &v)) {
        char buf[160];
        snprintf(buf, sizeof buf, "case %s:", lex_text(L, k[0], 0));
        add_case(L, v, 0, b, arena_strdup(L->f->arena, buf));
    } else {
        add_case(L, 0, 2, b, "case ...:"); /* case range: opaque */
    }
    lw_goto(L, b); /* fall-through from the previous case */
    lw_stmt(L, k[n - 1]);
}

static void build_dispatch(lower *L, int dispatch, int scrut, CXCursor cond, int exit)
{
    switch_ctx *s = L->sw;
    int dflt = exit;
    L->cur = dispatch;
    for (unsigned i = 0; i < s->ncases; i++) {
        case_entry *e = &s->cases[i];
        if (e->is_default == 1) {
            dflt = e->block;
            continue;
        }
        int next = ir_block_add(L->f);
        ir_cond cnd = {e->is_default == 2 || scrut < 0 ? -1 : scrut, IR_EQ, e->value, 0, -1};
        ir_term_branch(L->f, L->cur, cnd, e->block, next, lw_cursor_loc(L, cond), e->text);
        ir_term *t = &L->f->blocks[L->cur]->term;
        char buf[200];
        snprintf(buf, sizeof buf, "entering '%s'", e->text);
        t->edge_msg[0] = arena_strdup(L->f->arena, buf);
        t->edge_msg[1] = "";
        L->cur = next;
    }
    ir_term_goto(L->f, L->cur, dflt);
}

static void lower_switch(lower *L, CXCursor c)
{
    CXCursor k[2];
    if (lw_children(c, k, 2) != 2)
        return;
    unsigned mark = L->ntemps;
    operand o = lw_expr(L, k[0], 1);
    int scrut = o.place >= 0 && !o.addr_of ? o.place : -1;
    int dispatch = ir_block_add(L->f), exit = ir_block_add(L->f);
    lw_goto(L, dispatch);
    switch_ctx sw = {NULL, 0, 0}, *outer = L->sw;
    L->sw = &sw;
    lw_new_block(L); /* code before the first case is unreachable */
    jump_push(L, exit, -1);
    lw_stmt(L, k[1]);
    L->njumps--;
    lw_goto(L, exit);
    int after = L->cur;
    if (o.has_const) {
        /* switch on a constant: only the matching case runs */
        L->cur = dispatch;
        int target = exit;
        for (unsigned i = 0; i < sw.ncases; i++)
            if ((sw.cases[i].is_default == 0 && sw.cases[i].value == o.cval) ||
                (sw.cases[i].is_default == 1 && target == exit))
                target = sw.cases[i].block;
        ir_term_goto(L->f, dispatch, target);
    } else {
        build_dispatch(L, dispatch, scrut, k[0], exit);
    }
    L->sw = outer;
    L->cur = after;
    lw_end_temps(L, mark);
}

/* ---- return and dispatch ---- */

static void lower_return(lower *L, CXCursor c)
{
    CXCursor k[1];
    ir_loc loc = lw_cursor_loc(L, c);
    operand o = {-1, 0, 0, 0};
    if (lw_children(c, k, 1) == 1) {
        o = lw_expr(L, k[0], 1);
        if (o.place >= 0) {
            ir_insn in = ir_insn_make(IR_ESCAPE, loc);
            in.src = o.place;
            in.value = 1;
            ir_emit(L->f, L->cur, &in);
        }
    }
    lw_return(L, o, loc);
}

void lw_return(lower *L, operand o, ir_loc loc)
{
    L->ntemps = 0; /* the return ends every temporary */
    lw_emit_all_cleanups(L, loc);
    int b = L->cur;
    ir_term_return(L->f, b, loc, 0);
    L->f->blocks[b]->term.ret_has_const = o.has_const;
    L->f->blocks[b]->term.ret_const = o.cval;
    if (!o.has_const && !o.addr_of && o.place >= 0 && !L->f->places[o.place].is_memory)
        L->f->blocks[b]->term.ret_place = o.place;
    lw_new_block(L);
}

void lw_stmt(lower *L, CXCursor c)
{
    if (++L->depth > LW_MAX_DEPTH) {
        L->too_deep = 1;
        L->depth--;
        return;
    }
    switch (clang_getCursorKind(c)) {
    case CXCursor_CompoundStmt: lower_compound(L, c); break;
    case CXCursor_DeclStmt: lower_decl_stmt(L, c); break;
    case CXCursor_IfStmt: lower_if(L, c); break;
    case CXCursor_WhileStmt: lower_while(L, c); break;
    case CXCursor_DoStmt: lower_do(L, c); break;
    case CXCursor_ForStmt: lower_for(L, c); break;
    case CXCursor_SwitchStmt: lower_switch(L, c); break;
    case CXCursor_CaseStmt: lower_case(L, c, 0); break;
    case CXCursor_DefaultStmt: lower_case(L, c, 1); break;
    case CXCursor_BreakStmt: lower_break(L, c, 0); break;
    case CXCursor_ContinueStmt: lower_break(L, c, 1); break;
    case CXCursor_ReturnStmt: lower_return(L, c); break;
    case CXCursor_GotoStmt: lower_goto(L, c); break;
    case CXCursor_IndirectGotoStmt:
        ir_term_exit(L->f, L->cur, lw_cursor_loc(L, c));
        lw_new_block(L);
        break;
    case CXCursor_LabelStmt: lower_label(L, c); break;
    case CXCursor_NullStmt:
    case CXCursor_AsmStmt:
        break;
    default:
        if (clang_isExpression(clang_getCursorKind(c))) {
            unsigned mark = L->ntemps;
            lw_expr(L, c, 0);
            lw_end_temps(L, mark);
        }
        break;
    }
    L->depth--;
}
