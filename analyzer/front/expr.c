/* expr.c — lowers C expressions and conditions to IR: calls with their
 * arguments, assignments (to locals: copies, constants, comparisons; to
 * anything else: the value escapes), short-circuit and conditional operators
 * as blocks, and branch conditions as "place OP constant".
 * Statements are in stmt.c; tokens in lex.c. */
#include <string.h>

#include "front/lower.h"

/* __builtin_expect(x, v) (the likely/unlikely macros) is x. */
static int is_expect(CXCursor c)
{
    if (clang_getCursorKind(c) != CXCursor_CallExpr || clang_Cursor_getNumArguments(c) < 1)
        return 0;
    CXString s = clang_getCursorSpelling(c);
    const char *n = clang_getCString(s);
    int yes = n && !strncmp(n, "__builtin_expect", 16);
    clang_disposeString(s);
    return yes;
}

CXCursor lw_strip(CXCursor c)
{
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (is_expect(c)) {
            c = clang_Cursor_getArgument(c, 0);
            continue;
        }
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr && k != CXCursor_CStyleCastExpr)
            return c;
        CXCursor kids[3];
        unsigned n = lw_children(c, kids, 3);
        /* a cast may list a TypeRef before its operand */
        CXCursor next = clang_getNullCursor();
        for (unsigned i = 0; i < n && i < 3; i++)
            if (clang_isExpression(clang_getCursorKind(kids[i])))
                next = kids[i];
        if (clang_Cursor_isNull(next) || (k == CXCursor_UnexposedExpr && n != 1))
            return c;
        /* an implicit cast spans exactly its operand; an UnexposedExpr of
         * another extent or of dependent type is clang's error recovery */
        if (k == CXCursor_UnexposedExpr &&
            (clang_getCursorType(c).kind == CXType_Dependent ||
             !clang_equalRanges(clang_getCursorExtent(c), clang_getCursorExtent(next))))
            return c;
        c = next;
    }
}

typedef struct kid_buf {
    CXCursor *out;
    unsigned max, n;
} kid_buf;

static enum CXChildVisitResult kid_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    kid_buf *b = d;
    if (b->n < b->max)
        b->out[b->n] = c;
    b->n++;
    return CXChildVisit_Continue;
}

unsigned lw_children(CXCursor c, CXCursor *out, unsigned max)
{
    kid_buf b = {out, max, 0};
    clang_visitChildren(c, kid_visit, &b);
    return b.n;
}

/* ---- operators, from libclang's operator kinds (libclang 17 and later) ---- */

const char *lw_binop(CXCursor c)
{
    static const char *const names[] = {
        [CXBinaryOperator_Mul] = "*",      [CXBinaryOperator_Div] = "/",
        [CXBinaryOperator_Rem] = "%",      [CXBinaryOperator_Add] = "+",
        [CXBinaryOperator_Sub] = "-",      [CXBinaryOperator_Shl] = "<<",
        [CXBinaryOperator_Shr] = ">>",     [CXBinaryOperator_LT] = "<",
        [CXBinaryOperator_GT] = ">",       [CXBinaryOperator_LE] = "<=",
        [CXBinaryOperator_GE] = ">=",      [CXBinaryOperator_EQ] = "==",
        [CXBinaryOperator_NE] = "!=",      [CXBinaryOperator_And] = "&",
        [CXBinaryOperator_Xor] = "^",      [CXBinaryOperator_Or] = "|",
        [CXBinaryOperator_LAnd] = "&&",    [CXBinaryOperator_LOr] = "||",
        [CXBinaryOperator_Assign] = "=",   [CXBinaryOperator_MulAssign] = "*=",
        [CXBinaryOperator_DivAssign] = "/=", [CXBinaryOperator_RemAssign] = "%=",
        [CXBinaryOperator_AddAssign] = "+=", [CXBinaryOperator_SubAssign] = "-=",
        [CXBinaryOperator_ShlAssign] = "<<=", [CXBinaryOperator_ShrAssign] = ">>=",
        [CXBinaryOperator_AndAssign] = "&=", [CXBinaryOperator_XorAssign] = "^=",
        [CXBinaryOperator_OrAssign] = "|=", [CXBinaryOperator_Comma] = ",",
    };
    enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(c);
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : NULL;
}

const char *lw_unop(CXCursor c, int *postfix)
{
    static const char *const names[] = {
        [CXUnaryOperator_PostInc] = "++", [CXUnaryOperator_PostDec] = "--",
        [CXUnaryOperator_PreInc] = "++",  [CXUnaryOperator_PreDec] = "--",
        [CXUnaryOperator_AddrOf] = "&",   [CXUnaryOperator_Deref] = "*",
        [CXUnaryOperator_Plus] = "+",     [CXUnaryOperator_Minus] = "-",
        [CXUnaryOperator_Not] = "~",      [CXUnaryOperator_LNot] = "!",
        [CXUnaryOperator_Real] = "__real__", [CXUnaryOperator_Imag] = "__imag__",
        [CXUnaryOperator_Extension] = "__extension__",
    };
    enum CXUnaryOperatorKind k = clang_getCursorUnaryOperatorKind(c);
    *postfix = k == CXUnaryOperator_PostInc || k == CXUnaryOperator_PostDec;
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : NULL;
}

static operand op_none(void)
{
    operand o = {-1, 0, 0, 0};
    return o;
}

static operand op_place(int p)
{
    operand o = {p, 0, 0, 0};
    return o;
}

static operand op_const(int64_t v)
{
    operand o = {-1, 0, 1, v};
    return o;
}

static int64_t fold(const char *op, int64_t a, int64_t b, int *ok)
{
    *ok = 1;
    if (!strcmp(op, "+")) return (int64_t)((uint64_t)a + (uint64_t)b);
    if (!strcmp(op, "-")) return (int64_t)((uint64_t)a - (uint64_t)b);
    if (!strcmp(op, "*")) return (int64_t)((uint64_t)a * (uint64_t)b);
    if (!strcmp(op, "/") && b != 0 && !(a == INT64_MIN && b == -1)) return a / b;
    if (!strcmp(op, "%") && b != 0 && !(a == INT64_MIN && b == -1)) return a % b;
    if (!strcmp(op, "<<") && b >= 0 && b < 63) return (int64_t)((uint64_t)a << b);
    if (!strcmp(op, ">>") && b >= 0 && b < 63) return a >> b;
    if (!strcmp(op, "&")) return a & b;
    if (!strcmp(op, "|")) return a | b;
    if (!strcmp(op, "^")) return a ^ b;
    if (!strcmp(op, "<")) return a < b;
    if (!strcmp(op, "<=")) return a <= b;
    if (!strcmp(op, ">")) return a > b;
    if (!strcmp(op, ">=")) return a >= b;
    if (!strcmp(op, "==")) return a == b;
    if (!strcmp(op, "!=")) return a != b;
    if (!strcmp(op, "&&")) return a && b;
    if (!strcmp(op, "||")) return a || b;
    *ok = 0;
    return 0;
}

static int eval_int(CXCursor c, int64_t *v)
{
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (!r)
        return 0;
    int ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok)
        *v = clang_EvalResult_isUnsignedInt(r) ? (int64_t)clang_EvalResult_getAsUnsigned(r)
                                               : clang_EvalResult_getAsLongLong(r);
    clang_EvalResult_dispose(r);
    return ok;
}

/* A variable whose value is its initializer wherever it is read: `const`
 * (not volatile) with a constant initializer, or a file-scope static that
 * nothing in the unit writes or takes the address of (no initializer: 0). */
static int var_const(lower *L, CXCursor d, int64_t *v)
{
    CXType t = clang_getCursorType(d);
    if (clang_isVolatileQualifiedType(t))
        return 0;
    CXType ct = clang_getCanonicalType(t);
    int scalar = (ct.kind >= CXType_Bool && ct.kind <= CXType_Int128) ||
                 ct.kind == CXType_Enum || ct.kind == CXType_Pointer;
    if (!scalar)
        return 0;
    int file_static = lw_is_file_static(d);
    int fixed = clang_isConstQualifiedType(t) || (file_static && !lw_static_written(L, d));
    if (!fixed)
        return 0;
    CXCursor init = clang_Cursor_getVarDeclInitializer(d);
    if (clang_Cursor_isNull(init)) {
        if (!file_static) /* an extern const is defined elsewhere */
            return 0;
        *v = 0;
        return 1;
    }
    return eval_int(init, v);
}

int lw_const(lower *L, CXCursor c, int64_t *v)
{
    c = lw_strip(c);
    CXCursor kids[2];
    switch (clang_getCursorKind(c)) {
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_UnaryExpr: /* sizeof, _Alignof */
        return eval_int(c, v);
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(c);
        if (clang_getCursorKind(d) == CXCursor_VarDecl)
            return var_const(L, d, v);
        if (clang_getCursorKind(d) != CXCursor_EnumConstantDecl)
            return 0;
        *v = clang_getEnumConstantDeclValue(d);
        return 1;
    }
    case CXCursor_UnaryOperator: {
        if (lw_children(c, kids, 1) != 1 || !lw_const(L, kids[0], v))
            return 0;
        if (eval_int(c, v))
            return 1;
        int post;
        const char *op = lw_unop(c, &post);
        if (!op)
            return 0;
        if (!strcmp(op, "-")) *v = (int64_t)(0 - (uint64_t)*v);
        else if (!strcmp(op, "~")) *v = ~*v;
        else if (!strcmp(op, "!")) *v = !*v;
        else if (strcmp(op, "+") && strcmp(op, "__extension__")) return 0;
        return 1;
    }
    case CXCursor_BinaryOperator: {
        int64_t a, b;
        if (lw_children(c, kids, 2) != 2 || !lw_const(L, kids[0], &a) || !lw_const(L, kids[1], &b))
            return 0;
        const char *op = lw_binop(c);
        int ok = 0;
        if (op)
            *v = fold(op, a, b, &ok);
        return ok ? 1 : eval_int(c, v);
    }
    default:
        return 0;
    }
}

int lw_new_temp(lower *L, ir_loc loc)
{
    char name[24];
    snprintf(name, sizeof name, "$t%u", ++L->ntemp_names);
    int p = ir_place_add(L->f, name, IR_PLACE_TEMP, -1);
    if (L->ntemps == L->temps_cap) {
        unsigned cap = L->temps_cap ? L->temps_cap * 2 : 16;
        L->temps = arena_grow(L->f->arena, L->temps, L->ntemps, cap, sizeof(int));
        L->temp_locs = arena_grow(L->f->arena, L->temp_locs, L->ntemps, cap, sizeof(ir_loc));
        L->temps_cap = cap;
    }
    L->temps[L->ntemps] = p;
    L->temp_locs[L->ntemps++] = loc;
    return p;
}

static void emit_temp_ends(lower *L, unsigned mark)
{
    for (unsigned i = L->ntemps; i > mark; i--) {
        ir_insn in = ir_insn_make(IR_SCOPE_END, L->temp_locs[i - 1]);
        in.places = arena_alloc(L->f->arena, sizeof(int));
        in.places[0] = L->temps[i - 1];
        in.nplaces = 1;
        ir_emit(L->f, L->cur, &in);
    }
}

void lw_end_temps(lower *L, unsigned mark)
{
    emit_temp_ends(L, mark);
    L->ntemps = mark;
}

static void emit_simple(lower *L, ir_op op, int dst, int src, ir_loc loc)
{
    ir_insn in = ir_insn_make(op, loc);
    in.dst = dst;
    in.src = src;
    ir_emit(L->f, L->cur, &in);
}

static void emit_const(lower *L, int dst, int64_t v, ir_loc loc)
{
    ir_insn in = ir_insn_make(IR_CONST, loc);
    in.dst = dst;
    in.value = v;
    ir_emit(L->f, L->cur, &in);
}

/* c (p->f, p[i] or *p) dereferences the pointer it starts from: when that
 * is a local or a parameter, it is not NULL from here on. */
static void note_deref(lower *L, CXCursor c)
{
    CXCursor k[1];
    if (lw_children(c, k, 1) < 1)
        return;
    CXCursor base = lw_strip(k[0]);
    if (clang_getCursorKind(base) != CXCursor_DeclRefExpr ||
        clang_getCanonicalType(clang_getCursorType(base)).kind != CXType_Pointer)
        return;
    int p = lw_var_place(L, clang_getCursorReferenced(base));
    if (p < 0)
        return;
    const ir_block *b = L->f->blocks[L->cur];
    if (b->ninsns && b->insns[b->ninsns - 1].op == IR_NONZERO && b->insns[b->ninsns - 1].src == p)
        return;
    ir_insn in = ir_insn_make(IR_NONZERO, lw_cursor_loc(L, c));
    in.src = p;
    ir_emit(L->f, L->cur, &in);
}

/* The local place that c designates, lowering what it evaluates on the way.
 * *elsewhere is set when c designates memory that is not a tracked local
 * (a global, through a pointer, a variable array index). */
/* The local integer variable an array index names (`fds[i]`), or -1. */
static int index_var(lower *L, CXCursor idx)
{
    idx = lw_strip(idx);
    if (clang_getCursorKind(idx) != CXCursor_DeclRefExpr)
        return -1;
    CXCursor d = clang_getCursorReferenced(idx);
    enum CXCursorKind dk = clang_getCursorKind(d);
    if (dk != CXCursor_VarDecl && dk != CXCursor_ParmDecl)
        return -1;
    int p = lw_var_place(L, d);
    if (p < 0)
        return -1;
    const ir_place *pl = &L->f->places[p];
    return pl->is_memory || pl->is_pointer || pl->is_array || pl->is_record || pl->is_text ||
                   pl->kind != IR_PLACE_VAR
               ? -1
               : p;
}

static int place_of(lower *L, CXCursor c, int *elsewhere)
{
    c = lw_strip(c);
    CXCursor kids[2];
    *elsewhere = 0;
    if (L->nerrs && lw_is_broken(L, c)) { /* storing into it hands the value off */
        lw_lower_broken(L, c);
        *elsewhere = 1;
        return -1;
    }
    switch (clang_getCursorKind(c)) {
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(c);
        enum CXCursorKind dk = clang_getCursorKind(d);
        if (dk != CXCursor_VarDecl && dk != CXCursor_ParmDecl)
            return -1;
        int p = lw_var_place(L, d);
        *elsewhere = p < 0;
        return p;
    }
    case CXCursor_MemberRefExpr: {
        int p = acc_local_place(L, c); /* by where its bytes lie */
        if (p >= 0)
            return p;
        if (lw_children(c, kids, 1) < 1) {
            *elsewhere = 1;
            return -1;
        }
        acc_alias_touched(L, kids[0]);
        CXType bt = clang_getCanonicalType(clang_getCursorType(kids[0]));
        if (bt.kind == CXType_Pointer) {
            lw_expr(L, kids[0], 1);
            note_deref(L, c);
            *elsewhere = 1;
            return -1;
        }
        int base = place_of(L, kids[0], elsewhere);
        if (base < 0) {
            *elsewhere = 1;
            return -1;
        }
        CXString s = clang_getCursorSpelling(c);
        char suffix[128];
        snprintf(suffix, sizeof suffix, ".%s", clang_getCString(s));
        clang_disposeString(s);
        return ir_place_sub(L->f, base, suffix);
    }
    case CXCursor_ArraySubscriptExpr: {
        int p = acc_local_place(L, c);
        if (p >= 0)
            return p;
        if (lw_children(c, kids, 2) != 2) {
            *elsewhere = 1;
            return -1;
        }
        acc_alias_touched(L, kids[0]);
        int64_t idx;
        int base_else = 0;
        CXCursor b = lw_strip(kids[0]);
        int base = clang_getCursorKind(b) == CXCursor_DeclRefExpr ? place_of(L, b, &base_else) : -1;
        if (base >= 0 && L->f->places[base].is_array && lw_const(L, kids[1], &idx) && idx >= 0 && idx < 64) {
            char suffix[32];
            snprintf(suffix, sizeof suffix, "[%lld]", (long long)idx);
            return ir_place_sub(L->f, base, suffix);
        }
        int ix = base >= 0 && L->f->places[base].is_array ? index_var(L, kids[1]) : -1;
        if (ix >= 0) /* fds[i]: the element i names now */
            return ir_place_index(L->f, base, ix);
        if (base < 0)
            lw_expr(L, kids[0], 1);
        lw_expr(L, kids[1], 1);
        *elsewhere = 1;
        return -1;
    }
    case CXCursor_UnaryOperator: {
        int post;
        if (lw_children(c, kids, 1) == 1) {
            const char *op = lw_unop(c, &post);
            if (op && !strcmp(op, "__extension__"))
                return place_of(L, kids[0], elsewhere);
            if (op && !strcmp(op, "*"))
                acc_alias_touched(L, kids[0]);
        }
        lw_expr(L, c, 1);
        *elsewhere = 1;
        return -1;
    }
    default:
        lw_expr(L, c, 1);
        *elsewhere = 1;
        return -1;
    }
}

/* For `*p` where p is a pointer parameter: the place standing for what p
 * points to ("*p"), so that a summary can say "releases *p" (closep), and a
 * descriptor stored there (an out-parameter) is followed until the function
 * returns. */
/* For `p->field` read where p is a pointer parameter: the place "p->field",
 * so that info_release(struct info *i) { fclose(i->fp); } releases what
 * its argument points to.  Stores through p->field are not places. */
static int member_param(lower *L, CXCursor c)
{
    CXCursor k[1];
    if (lw_children(c, k, 1) != 1)
        return -1;
    CXCursor base = lw_strip(k[0]);
    if (clang_getCursorKind(base) != CXCursor_DeclRefExpr ||
        clang_getCanonicalType(clang_getCursorType(base)).kind != CXType_Pointer)
        return -1;
    CXCursor d = clang_getCursorReferenced(base);
    int p = clang_getCursorKind(d) == CXCursor_ParmDecl ? lw_var_place(L, d) : -1;
    if (p < 0)
        return -1;
    int m = lw_memory_place(L, c);
    if (m >= 0)
        return m;
    CXString s = clang_getCursorSpelling(c);
    char name[200];
    snprintf(name, sizeof name, "%s->%s", L->f->places[p].name, clang_getCString(s));
    clang_disposeString(s);
    m = ir_place_sub_named(L->f, p, name);
    L->f->places[m].is_memory = 1;
    return m;
}

static int deref_param(lower *L, CXCursor c)
{
    CXCursor k[1];
    int post;
    if (lw_children(c, k, 1) != 1)
        return -1;
    const char *op = lw_unop(c, &post);
    CXCursor base = lw_strip(k[0]);
    if (!op || strcmp(op, "*") || clang_getCursorKind(base) != CXCursor_DeclRefExpr)
        return -1;
    CXCursor d = clang_getCursorReferenced(base);
    int p = clang_getCursorKind(d) == CXCursor_ParmDecl ? lw_var_place(L, d) : -1;
    if (p < 0 || !L->f->places[p].is_pointer)
        return -1;
    char name[160];
    snprintf(name, sizeof name, "*%s", L->f->places[p].name);
    int m = ir_place_sub_named(L->f, p, name);
    L->f->places[m].is_memory = 1; /* the caller's: a call may change it */
    L->f->places[m].is_deref = 1;
    return m;
}

static void emit_escape(lower *L, int p, ir_loc loc)
{
    if (p >= 0)
        emit_simple(L, IR_ESCAPE, -1, p, loc);
}

/* The memo place of a call whose arguments are one place (not its address)
 * and constants or literals: named by the call as written, derived from that
 * place (a write to it forgets the memo), memory when the place is a pointer
 * (what it points to may change at calls).  -1 otherwise. */
static int call_memo(lower *L, const ir_call *call, CXCursor ref)
{
    if (!call->callee || clang_Cursor_isNull(ref))
        return -1;
    int base = -1;
    size_t len = strlen(call->callee) + 3;
    for (unsigned i = 0; i < call->nargs; i++) {
        const ir_arg *a = &call->args[i];
        if (a->addr_of || (a->place >= 0 && base >= 0) || !a->text)
            return -1;
        if (a->place >= 0)
            base = a->place;
        len += strlen(a->text) + 1;
    }
    if (base < 0 || L->f->places[base].derived_from >= 0 || len > 256)
        return -1;
    char name[300];
    size_t n = (size_t)snprintf(name, sizeof name, "%s(", call->callee);
    for (unsigned i = 0; i < call->nargs && n < sizeof name; i++)
        n += (size_t)snprintf(name + n, sizeof name - n, "%s%s", i ? "," : "", call->args[i].text);
    if (n + 2 >= sizeof name)
        return -1;
    snprintf(name + n, sizeof name - n, ")");
    int m = ir_place_sub_named(L->f, base, name);
    L->f->places[m].derived_from = base;
    L->f->places[m].is_memory = L->f->places[base].is_memory || L->f->places[base].is_pointer;
    return m;
}

static operand lower_call(lower *L, CXCursor c, int dst, int want)
{
    ir_loc loc = lw_cursor_loc(L, c);
    ir_call *call = arena_alloc(L->f->arena, sizeof(*call));
    CXCursor ref = clang_getCursorReferenced(c);
    if (!clang_Cursor_isNull(ref) && clang_getCursorKind(ref) == CXCursor_FunctionDecl) {
        CXString s = clang_getCursorSpelling(ref);
        call->callee = arena_strdup(L->f->arena, clang_getCString(s));
        clang_disposeString(s);
        s = clang_getCursorUSR(ref);
        call->usr = arena_strdup(L->f->arena, clang_getCString(s));
        clang_disposeString(s);
        call->has_body = !clang_Cursor_isNull(clang_getCursorDefinition(ref));
        call->in_system = clang_Location_isInSystemHeader(clang_getCursorLocation(ref)) != 0;
        call->noreturn = lex_decl_noreturn(L, ref) ? 1 : 0;
    } else {
        CXCursor kids[1];
        if (lw_children(c, kids, 1) >= 1) {
            lw_expr(L, kids[0], 0); /* the callee expression's effects */
            lw_call_targets(L, kids[0], call);
        }
    }
    int n = clang_Cursor_getNumArguments(c);
    if (n < 0)
        n = 0;
    call->nargs = (unsigned)n;
    call->args = arena_alloc(L->f->arena, sizeof(ir_arg) * (n ? (unsigned)n : 1));
    for (int i = 0; i < n; i++) {
        CXCursor a = clang_Cursor_getArgument(c, (unsigned)i);
        operand o = lw_expr(L, a, 1);
        ir_arg *arg = &call->args[i];
        arg->place = o.place;
        arg->addr_of = o.addr_of;
        arg->has_const = o.has_const;
        arg->cval = o.cval;
        arg->text = lex_text(L, a, 0);
        if (!clang_Cursor_isNull(ref) && clang_getCursorKind(ref) == CXCursor_FunctionDecl &&
            i < clang_Cursor_getNumArguments(ref)) {
            CXType pt = clang_getCanonicalType(
                clang_getCursorType(clang_Cursor_getArgument(ref, (unsigned)i)));
            arg->readonly = pt.kind == CXType_Pointer &&
                            clang_isConstQualifiedType(clang_getPointeeType(pt));
        }
    }
    call->memo = call_memo(L, call, ref);
    if (dst < 0 && want)
        dst = lw_new_temp(L, loc);
    call->dst = dst;
    ir_insn in = ir_insn_make(IR_CALL, loc);
    in.call = call;
    in.dst = dst;
    ir_emit(L->f, L->cur, &in);
    if (call->noreturn) {
        ir_term_exit(L->f, L->cur, loc);
        lw_new_block(L);
    }
    return op_place(dst);
}

/* The parameter through which lhs stores (*p, p->f, p[i] with p a
 * parameter), or -1. */
static int store_param(lower *L, CXCursor lhs)
{
    lhs = lw_strip(lhs);
    CXCursor k[2];
    enum CXCursorKind kind = clang_getCursorKind(lhs);
    unsigned n = lw_children(lhs, k, 2);
    if (n == 0 || (kind != CXCursor_UnaryOperator && kind != CXCursor_MemberRefExpr &&
                   kind != CXCursor_ArraySubscriptExpr))
        return -1;
    CXCursor base = lw_strip(k[0]);
    if (clang_getCursorKind(base) != CXCursor_DeclRefExpr)
        return -1;
    CXCursor d = clang_getCursorReferenced(base);
    if (clang_getCursorKind(d) != CXCursor_ParmDecl)
        return -1;
    int p = lw_var_place(L, d);
    return p >= 0 && L->f->places[p].is_pointer ? p : -1;
}

/* After a store of r into memory place mp (a global, o->flags): what mp is
 * now known to hold. */
static void memory_write(lower *L, int mp, operand r, ir_loc loc)
{
    if (mp < 0)
        return;
    if (r.has_const)
        emit_const(L, mp, r.cval, loc);
    else if (r.place >= 0 && !r.addr_of && !L->f->places[r.place].is_memory)
        emit_simple(L, IR_COPY, mp, r.place, loc);
    else
        emit_simple(L, IR_HAVOC, mp, -1, loc);
}

/* &x stored somewhere (not passed to a call): x may change unseen. */
static void address_escapes(lower *L, operand o)
{
    if (o.addr_of && o.place >= 0)
        L->f->places[L->f->places[o.place].base].addr_escaped = 1;
}

static operand lower_assign(lower *L, CXCursor lhs, CXCursor rhs, ir_loc loc)
{
    int elsewhere;
    int p = place_of(L, lhs, &elsewhere);
    if (p >= 0) {
        lw_expr_into(L, rhs, p, loc);
        return op_place(p);
    }
    operand r = lw_expr(L, rhs, 1);
    address_escapes(L, r);
    int mp = elsewhere ? lw_memory_place(L, lhs) : -1;
    if (mp < 0 && elsewhere) /* *out = fd: the caller's variable */
        mp = deref_param(L, lhs);
    if (mp < 0 && elsewhere)
        L->f->stores_unseen = 1;
    if (mp >= 0 && r.place >= 0 && !r.addr_of) {
        /* the engine follows it in a global or a new object's field, and
         * hands it off anywhere else */
        ir_insn in = ir_insn_make(IR_STORE, loc);
        in.dst = mp;
        in.src = r.place;
        in.value = store_param(L, lhs);
        ir_emit(L->f, L->cur, &in);
        return r;
    }
    if (elsewhere && r.place >= 0) {
        ir_insn in = ir_insn_make(IR_ESCAPE, loc);
        in.src = r.place;
        in.dst = store_param(L, lhs);
        ir_emit(L->f, L->cur, &in);
    }
    if (elsewhere)
        memory_write(L, mp, r, loc);
    /* the assignment's value is what was stored, wherever it went:
     * `if ((g_status = getaddrinfo(...)) != 0)` tests the call's result */
    return r;
}

int lw_cmpop(const char *op, ir_cmpop *out)
{
    static const char *const names[] = {"<", "<=", ">", ">=", "==", "!="};
    for (int i = 0; i < 6; i++)
        if (!strcmp(op, names[i])) {
            *out = (ir_cmpop)i;
            return 1;
        }
    return 0;
}

static operand lower_cmp_value(lower *L, ir_cmpop cmp, CXCursor lhs, CXCursor rhs,
                               int want, ir_loc loc)
{
    operand a = lw_expr(L, lhs, 1), b = lw_expr(L, rhs, 1);
    if (!want)
        return op_none();
    if (b.place >= 0 && !b.addr_of && a.has_const) {
        operand t = a;
        a = b;
        b = t;
        cmp = ir_cmp_mirror(cmp);
    }
    if (a.place < 0 || a.addr_of || !b.has_const)
        return op_none();
    int t = lw_new_temp(L, loc);
    ir_insn in = ir_insn_make(IR_CMPSET, loc);
    in.dst = t;
    in.src = a.place;
    in.cmp = cmp;
    in.value = b.cval;
    ir_emit(L->f, L->cur, &in);
    return op_place(t);
}

/* Value of a short-circuit or conditional expression: 0/1 in a temporary. */
static operand lower_logical_value(lower *L, CXCursor c, int want, ir_loc loc)
{
    int join = ir_block_add(L->f);
    if (!want) {
        lw_cond(L, c, join, join);
        L->cur = join;
        return op_none();
    }
    int t = lw_new_temp(L, loc);
    int tb = ir_block_add(L->f), fb = ir_block_add(L->f);
    lw_cond(L, c, tb, fb);
    L->cur = tb;
    emit_const(L, t, 1, loc);
    ir_term_goto(L->f, L->cur, join);
    L->cur = fb;
    emit_const(L, t, 0, loc);
    ir_term_goto(L->f, L->cur, join);
    L->cur = join;
    return op_place(t);
}

static operand lower_ternary(lower *L, CXCursor c, int dst, int want, ir_loc loc)
{
    CXCursor k[3];
    if (lw_children(c, k, 3) != 3) {
        lw_expr(L, k[0], 1);
        return op_none();
    }
    if (dst < 0 && want)
        dst = lw_new_temp(L, loc);
    int tb = ir_block_add(L->f), fb = ir_block_add(L->f), join = ir_block_add(L->f);
    lw_cond(L, k[0], tb, fb);
    for (int arm = 0; arm < 2; arm++) {
        L->cur = arm ? fb : tb;
        if (dst >= 0)
            lw_expr_into(L, k[arm + 1], dst, loc);
        else
            lw_expr(L, k[arm + 1], 0);
        ir_term_goto(L->f, L->cur, join);
    }
    L->cur = join;
    return dst >= 0 ? op_place(dst) : op_none();
}

/* The place "x&mask" standing for `x & mask`: known only from the
 * conditions that test it, forgotten when x is written; -1 when x is not a
 * place. */
static int masked(lower *L, operand x, int64_t mask)
{
    if (x.place < 0 || x.addr_of || L->f->places[x.place].derived_from >= 0)
        return -1;
    char name[300];
    snprintf(name, sizeof name, "%s&%lld", L->f->places[x.place].name, (long long)mask);
    int p = ir_place_sub_named(L->f, x.place, name);
    L->f->places[p].derived_from = x.place;
    L->f->places[p].is_memory = L->f->places[x.place].is_memory;
    return p;
}

static operand lower_binop(lower *L, CXCursor c, int want)
{
    CXCursor k[2];
    ir_loc loc = lw_cursor_loc(L, c);
    if (lw_children(c, k, 2) != 2)
        return op_none();
    const char *op = lw_binop(c);
    ir_cmpop cmp;
    if (!op) {
        lw_expr(L, k[0], 1);
        lw_expr(L, k[1], 1);
        return op_none();
    }
    if (!strcmp(op, "="))
        return lower_assign(L, k[0], k[1], loc);
    if (!strcmp(op, "&&") || !strcmp(op, "||"))
        return lower_logical_value(L, c, want, loc);
    if (!strcmp(op, ",")) {
        unsigned mark = L->ntemps;
        lw_expr(L, k[0], 0);
        lw_end_temps(L, mark);
        return lw_expr(L, k[1], want);
    }
    if (lw_cmpop(op, &cmp))
        return lower_cmp_value(L, cmp, k[0], k[1], want, loc);
    operand a = lw_expr(L, k[0], 1), b = lw_expr(L, k[1], 1);
    if (!strcmp(op, "&") && (a.has_const != b.has_const))
        return op_place(masked(L, a.has_const ? b : a, a.has_const ? a.cval : b.cval));
    return op_none();
}

/* p changes by step: exact (an ADD) for the counter of a loop with a small
 * constant trip count (stmt.c sets L->counted), else unknown. */
static void step_place(lower *L, int p, int64_t step, int known, ir_loc loc)
{
    if (p == L->counted && known) {
        ir_insn in = ir_insn_make(IR_ADD, loc);
        in.dst = in.src = p;
        in.value = step;
        ir_emit(L->f, L->cur, &in);
        return;
    }
    emit_simple(L, IR_HAVOC, p, -1, loc);
}

static operand lower_unop(lower *L, CXCursor c, int want)
{
    CXCursor k[1];
    ir_loc loc = lw_cursor_loc(L, c);
    if (lw_children(c, k, 1) != 1)
        return op_none();
    int post, elsewhere;
    const char *op = lw_unop(c, &post);
    if (op && !strcmp(op, "&")) {
        int p = place_of(L, k[0], &elsewhere);
        if (p < 0 && elsewhere)
            p = lw_memory_place(L, k[0]);
        operand o = op_place(p);
        o.addr_of = p >= 0;
        return o;
    }
    if (op && (!strcmp(op, "++") || !strcmp(op, "--"))) {
        int p = place_of(L, k[0], &elsewhere);
        if (p < 0 && elsewhere)
            p = lw_memory_place(L, k[0]);
        if (p < 0 && elsewhere)
            L->f->stores_unseen = 1;
        if (p >= 0)
            step_place(L, p, op[0] == '+' ? 1 : -1, 1, loc);
        return op_place(p);
    }
    if (op && !strcmp(op, "__extension__"))
        return lw_expr(L, k[0], want);
    if (op && !strcmp(op, "*"))
        acc_alias_touched(L, k[0]); /* *(int *)v: not followed */
    operand a = lw_expr(L, k[0], 1);
    if (op && !strcmp(op, "!") && want && a.place >= 0 && !a.addr_of) {
        int t = lw_new_temp(L, loc);
        ir_insn in = ir_insn_make(IR_CMPSET, loc);
        in.dst = t;
        in.src = a.place;
        in.cmp = IR_EQ;
        in.value = 0;
        ir_emit(L->f, L->cur, &in);
        return op_place(t);
    }
    return op_none();
}

/* Lowers the children of an expression we do not model; values that reach
 * it escape, since we cannot tell where they go. */
static operand lower_opaque(lower *L, CXCursor c)
{
    enum { MAXK = 64 };
    CXCursor k[MAXK];
    unsigned n = lw_children(c, k, MAXK);
    ir_loc loc = lw_cursor_loc(L, c);
    for (unsigned i = 0; i < n && i < MAXK; i++) {
        if (!clang_isExpression(clang_getCursorKind(k[i])))
            continue;
        operand o = lw_expr(L, k[i], 1);
        emit_escape(L, o.place, loc);
    }
    return op_none();
}

operand lw_compound_value(lower *L, CXCursor c, int want);

operand lw_expr(lower *L, CXCursor c, int want)
{
    int64_t v;
    operand result = op_none();
    if (++L->depth > LW_MAX_DEPTH) {
        L->too_deep = 1;
        L->depth--;
        return result;
    }
    c = lw_strip(c);
    int elsewhere;
    if (L->nerrs && lw_is_broken(L, c)) {
        result = lw_lower_broken(L, c);
        L->depth--;
        return result;
    }
    switch (clang_getCursorKind(c)) {
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_UnaryExpr:
        if (lw_const(L, c, &v))
            result = op_const(v);
        break;
    case CXCursor_StringLiteral:
    case CXCursor_FloatingLiteral:
        break;
    case CXCursor_DeclRefExpr:
        if (lw_const(L, c, &v))
            result = op_const(v);
        else if ((result.place = acc_alias_target(L, clang_getCursorReferenced(c))) >= 0)
            result.addr_of = 1; /* an alias of &local */
        else if ((result.place = place_of(L, c, &elsewhere)) < 0 && elsewhere)
            result.place = lw_memory_place(L, c);
        break;
    case CXCursor_MemberRefExpr:
        if (clang_getCursorKind(lw_strip(c)) == CXCursor_MemberRefExpr)
            note_deref(L, c);
        if ((result.place = member_param(L, c)) < 0 &&
            (result.place = lw_memory_place(L, c)) < 0)
            result = op_place(place_of(L, c, &elsewhere));
        break;
    case CXCursor_ArraySubscriptExpr:
        if ((result.place = lw_memory_place(L, c)) < 0)
            result = op_place(place_of(L, c, &elsewhere));
        break;
    case CXCursor_UnaryOperator:
        if (lw_const(L, c, &v))
            result = op_const(v);
        else if ((result.place = deref_param(L, c)) < 0)
            result = lower_unop(L, c, want);
        break;
    case CXCursor_CallExpr:
        result = lower_call(L, c, -1, want);
        break;
    case CXCursor_BinaryOperator:
        if (lw_const(L, c, &v))
            result = op_const(v);
        else
            result = lower_binop(L, c, want);
        break;
    case CXCursor_CompoundAssignOperator: {
        CXCursor k[2];
        if (lw_children(c, k, 2) == 2) {
            int p = place_of(L, k[0], &elsewhere);
            if (p < 0 && elsewhere)
                p = lw_memory_place(L, k[0]);
            if (p < 0 && elsewhere)
                L->f->stores_unseen = 1;
            operand r = lw_expr(L, k[1], 1);
            enum CXBinaryOperatorKind bk = clang_getCursorBinaryOperatorKind(c);
            int add = bk == CXBinaryOperator_AddAssign, sub = bk == CXBinaryOperator_SubAssign;
            if (p >= 0)
                step_place(L, p, sub ? -r.cval : r.cval, (add || sub) && r.has_const,
                           lw_cursor_loc(L, c));
            result = op_place(p);
        }
        break;
    }
    case CXCursor_ConditionalOperator:
        result = lower_ternary(L, c, -1, want, lw_cursor_loc(L, c));
        break;
    case CXCursor_StmtExpr: {
        CXCursor k[1];
        if (lw_children(c, k, 1) == 1)
            result = lw_compound_value(L, k[0], want);
        break;
    }
    default:
        result = lower_opaque(L, c);
        break;
    }
    L->depth--;
    return result;
}

void lw_expr_into(lower *L, CXCursor c, int dst, ir_loc loc)
{
    CXCursor s = lw_strip(c);
    enum CXCursorKind k = clang_getCursorKind(s);
    if (L->nerrs && lw_is_broken(L, s)) {
        lw_lower_broken(L, s);
        emit_simple(L, IR_HAVOC, dst, -1, loc);
        return;
    }
    if (k == CXCursor_CallExpr) {
        lower_call(L, s, dst, 1);
        return;
    }
    if (k == CXCursor_ConditionalOperator) {
        lower_ternary(L, s, dst, 1, loc);
        return;
    }
    operand o = lw_expr(L, s, 1);
    if (o.place >= 0 && o.addr_of) {
        address_escapes(L, o);
        emit_escape(L, o.place, loc);
        emit_simple(L, IR_HAVOC, dst, -1, loc);
    } else if (o.place >= 0) {
        if (o.place != dst)
            emit_simple(L, IR_COPY, dst, o.place, loc);
    } else if (o.has_const) {
        emit_const(L, dst, o.cval, loc);
    } else {
        emit_simple(L, IR_HAVOC, dst, -1, loc);
    }
}

/* ---- conditions ---- */

static void branch(lower *L, CXCursor c, ir_cond cond, int t, int f)
{
    if (!clang_Cursor_isNull(L->negated_text)) {
        /* c was reached through `!`: describe the edges of the whole `!c` */
        ir_term_branch(L->f, L->cur, cond, t, f, lw_cursor_loc(L, c), lex_text(L, c, 1));
        ir_term *term = &L->f->blocks[L->cur]->term;
        const char *text = lex_text(L, L->negated_text, 1);
        size_t n = strlen(text) + 48;
        char *m0 = arena_alloc(L->f->arena, n), *m1 = arena_alloc(L->f->arena, n);
        snprintf(m0, n, "taking the false branch of '%s'", text);
        snprintf(m1, n, "taking the true branch of '%s'", text);
        term->edge_msg[0] = m0;
        term->edge_msg[1] = m1;
        return;
    }
    ir_term_branch(L->f, L->cur, cond, t, f, lw_cursor_loc(L, c), lex_text(L, c, 1));
}

static void branch_on(lower *L, CXCursor c, operand o, int t, int f)
{
    if (o.has_const) {
        ir_term_goto(L->f, L->cur, o.cval ? t : f);
        return;
    }
    ir_cond cond = {-1, IR_NE, 0, 0, -1};
    if (o.place >= 0 && !o.addr_of)
        cond.place = o.place;
    else if (o.addr_of)
        cond.place = -1; /* &x is never NULL: still opaque for simplicity */
    branch(L, c, cond, t, f);
}

static void cond_compare(lower *L, CXCursor c, ir_cmpop cmp, CXCursor lhs, CXCursor rhs,
                         int t, int f)
{
    operand a = lw_expr(L, lhs, 1), b = lw_expr(L, rhs, 1);
    ir_cond cond = {-1, cmp, 0, 0, -1};
    if (a.has_const && b.has_const) {
        int ok;
        int64_t r = fold(ir_cmp_name(cmp), a.cval, b.cval, &ok);
        ir_term_goto(L->f, L->cur, r ? t : f);
        return;
    }
    if (a.place >= 0 && !a.addr_of && b.has_const) {
        cond.place = a.place;
        cond.value = b.cval;
    } else if (b.place >= 0 && !b.addr_of && a.has_const) {
        cond.place = b.place;
        cond.op = ir_cmp_mirror(cmp);
        cond.value = a.cval;
    } else if ((cmp == IR_EQ || cmp == IR_NE) && !a.has_const && !b.has_const &&
               !a.addr_of && !b.addr_of && (a.place >= 0 || b.place >= 0)) {
        /* `file != stdin`, `fd == other`: identity of values */
        cond.place = a.place >= 0 ? a.place : b.place;
        cond.other = a.place >= 0 ? b.place : -1;
        if (a.place < 0)
            cond.op = ir_cmp_mirror(cmp);
        cond.vs_value = 1;
    } else if (a.place >= 0 && b.place >= 0 && !a.addr_of && !b.addr_of) {
        /* `val1_ >= val2_`: decided when the path knows one side's value */
        cond.place = a.place;
        cond.other = b.place;
        cond.vs_value = 1;
    }
    branch(L, c, cond, t, f);
}

void lw_cond(lower *L, CXCursor c, int t, int f)
{
    c = lw_strip(c);
    CXCursor k[3];
    int64_t v;
    if (L->nerrs && lw_is_broken(L, c)) { /* both edges stay possible */
        lw_lower_broken(L, c);
        ir_cond opaque = {-1, IR_NE, 0, 0, -1};
        branch(L, c, opaque, t, f);
        return;
    }
    if (lw_const(L, c, &v)) {
        ir_term_goto(L->f, L->cur, v ? t : f);
        return;
    }
    enum CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_UnaryOperator && lw_children(c, k, 1) == 1) {
        int post;
        const char *op = lw_unop(c, &post);
        if (op && !strcmp(op, "!")) {
            /* remember `!x` for the words of an atomic test of x just below */
            CXCursor saved = L->negated_text;
            L->negated_text = clang_Cursor_isNull(saved) ? c : clang_getNullCursor();
            lw_cond(L, k[0], f, t);
            L->negated_text = saved;
            return;
        }
        if (op && !strcmp(op, "__extension__")) {
            lw_cond(L, k[0], t, f);
            return;
        }
    } else if (kind == CXCursor_BinaryOperator && lw_children(c, k, 2) == 2) {
        const char *op = lw_binop(c);
        ir_cmpop cmp;
        if (op && (!strcmp(op, "&&") || !strcmp(op, "||"))) {
            L->negated_text = clang_getNullCursor();
            int mid = ir_block_add(L->f);
            if (op[0] == '&')
                lw_cond(L, k[0], mid, f);
            else
                lw_cond(L, k[0], t, mid);
            L->cur = mid;
            lw_cond(L, k[1], t, f);
            return;
        }
        if (op && !strcmp(op, ",")) {
            lw_expr(L, k[0], 0);
            lw_cond(L, k[1], t, f);
            return;
        }
        if (op && lw_cmpop(op, &cmp)) {
            cond_compare(L, c, cmp, k[0], k[1], t, f);
            return;
        }
    } else if (kind == CXCursor_ConditionalOperator && lw_children(c, k, 3) == 3) {
        L->negated_text = clang_getNullCursor();
        int a = ir_block_add(L->f), b = ir_block_add(L->f);
        lw_cond(L, k[0], a, b);
        L->cur = a;
        lw_cond(L, k[1], t, f);
        L->cur = b;
        lw_cond(L, k[2], t, f);
        return;
    }
    branch_on(L, c, lw_expr(L, c, 1), t, f);
}

void lw_stmt_cond(lower *L, CXCursor c, int t, int f)
{
    unsigned mark = L->ntemps;
    int te = ir_block_add(L->f), fe = ir_block_add(L->f);
    lw_cond(L, c, te, fe);
    L->cur = te;
    emit_temp_ends(L, mark);
    ir_term_goto(L->f, te, t);
    L->cur = fe;
    emit_temp_ends(L, mark);
    ir_term_goto(L->f, fe, f);
    L->ntemps = mark;
}
