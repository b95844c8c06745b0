/* access.c — which place a field or element access is.
 *
 * A field or element reached from a root variable (a local, a parameter, a
 * global) is named by where its bytes lie, not by its spelling: the root,
 * the pointer steps on the way (each named by the bytes the pointer is
 * loaded from) and the byte offset and size after the last step.  So
 * `b->h.fd` and `((struct hdr *)b)->fd` are one place, and so are the members
 * `u.fd` and `u.sock` of a union that have the same offset and size.  A
 * place keeps the name it was first written with, casts included, and its
 * path without them (ir_place.path).  Where the bytes cannot be told
 * (bitfields, incomplete types, a cast of an array), the place is found by
 * that path, as it always was; a variable index is no place at all.
 *
 * Places after the same steps whose bytes overlap without being the same (a
 * union's int and long members, a struct and its first field) stay apart:
 * after a write to one, the other hands its value off and becomes unknown
 * (acc_finish), since nothing tells what it holds now.
 *
 * A pointer local that holds one object for its whole life is read as that
 * object (acc_alias): `void *v = b;` with v never assigned again, neither
 * address taken and b not assigned after it, is b; `struct hdr *h = (struct
 * hdr *)&c;` makes `h->fd` a field of the local c.
 *
 * Lowering expressions is expr.c's; declarations are stmt.c's. */
#include <string.h>

#include "front/lower.h"


/* ---- what the function writes: for aliases ---- */

/* Records that target (an lvalue) is assigned at offset off, or has its
 * address taken. */
static void note_write(lower *L, CXCursor target, unsigned off, int addr)
{
    target = lw_strip(target);
    if (clang_getCursorKind(target) != CXCursor_DeclRefExpr)
        return;
    CXCursor d = clang_getCursorReferenced(target);
    unsigned h = clang_hashCursor(d);
    acc_write *w = NULL;
    for (unsigned i = 0; i < L->nwrites && !w; i++)
        if (L->writes[i].hash == h && clang_equalCursors(L->writes[i].decl, d))
            w = &L->writes[i];
    if (!w) {
        LW_GROW(L, L->writes, L->nwrites, L->writes_cap, acc_write);
        w = &L->writes[L->nwrites++];
        memset(w, 0, sizeof *w);
        w->hash = h;
        w->decl = d;
    }
    w->addr |= addr ? 1 : 0;
    if (!addr && off > w->last)
        w->last = off;
    w->written |= addr ? 0 : 1;
}

static enum CXChildVisitResult write_visit(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    lower *L = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    CXCursor kids[1];
    unsigned off = lw_offset(clang_getCursorLocation(c));
    if ((k == CXCursor_BinaryOperator &&
         clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) ||
        k == CXCursor_CompoundAssignOperator) {
        if (lw_children(c, kids, 1) >= 1)
            note_write(L, kids[0], off, 0);
    } else if (k == CXCursor_UnaryOperator && lw_children(c, kids, 1) == 1) {
        enum CXUnaryOperatorKind u = clang_getCursorUnaryOperatorKind(c);
        if (u == CXUnaryOperator_AddrOf)
            note_write(L, kids[0], off, 1);
        else if (u == CXUnaryOperator_PreInc || u == CXUnaryOperator_PreDec ||
                 u == CXUnaryOperator_PostInc || u == CXUnaryOperator_PostDec)
            note_write(L, kids[0], off, 0);
    }
    return CXChildVisit_Recurse;
}

/* What the function around decl does to variable v (scanned once). */
static const acc_write *writes_of(lower *L, CXCursor decl, CXCursor v)
{
    if (!L->writes_built) {
        L->writes_built = 1;
        clang_visitChildren(clang_getCursorSemanticParent(decl), write_visit, L);
    }
    unsigned h = clang_hashCursor(v);
    for (unsigned i = 0; i < L->nwrites; i++)
        if (L->writes[i].hash == h && clang_equalCursors(L->writes[i].decl, v))
            return &L->writes[i];
    return NULL;
}

/* ---- aliases ---- */

int acc_alias_target(lower *L, CXCursor decl)
{
    if (!L->naliases)
        return -1;
    unsigned h = clang_hashCursor(decl);
    for (unsigned i = 0; i < L->naliases; i++)
        if (L->aliases[i].hash == h && clang_equalCursors(L->aliases[i].decl, decl))
            return L->aliases[i].target;
    return -1;
}

int acc_alias(lower *L, CXCursor decl)
{
    if (L->nerrs)
        return 0;
    CXType t = clang_getCursorType(decl);
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);
    if (clang_getCanonicalType(t).kind != CXType_Pointer || clang_isVolatileQualifiedType(t) ||
        (sc != CX_SC_None && sc != CX_SC_Auto && sc != CX_SC_Register))
        return 0;
    CXCursor init = clang_Cursor_getVarDeclInitializer(decl);
    if (clang_Cursor_isNull(init))
        return 0;
    CXCursor s = lw_strip(init), kid[1];
    int addr = 0, post;
    if (clang_getCursorKind(s) == CXCursor_UnaryOperator && lw_children(s, kid, 1) == 1) {
        const char *op = lw_unop(s, &post);
        if (!op || strcmp(op, "&"))
            return 0;
        s = lw_strip(kid[0]);
        addr = 1;
    }
    if (clang_getCursorKind(s) != CXCursor_DeclRefExpr)
        return 0;
    CXCursor src = clang_getCursorReferenced(s);
    enum CXCursorKind sk = clang_getCursorKind(src);
    if (sk != CXCursor_VarDecl && sk != CXCursor_ParmDecl)
        return 0;
    const acc_write *w = writes_of(L, decl, decl);
    if (w && (w->written || w->addr))
        return 0; /* v itself changes, or may change unseen */
    int target = addr ? -1 : acc_alias_target(L, src), of_object = 1;
    if (target < 0) {
        int p = lw_var_place(L, src);
        if (p < 0 || L->f->places[p].is_memory || L->f->places[p].kind != IR_PLACE_VAR)
            return 0;
        if (addr) {
            if (!L->f->places[p].is_record)
                return 0;
        } else {
            /* the pointer it copies: not assigned after this declaration,
             * its address never taken */
            const acc_write *sw = writes_of(L, decl, src);
            unsigned at = lw_offset(clang_getCursorLocation(decl));
            if (!L->f->places[p].is_pointer || (sw && (sw->addr || (sw->written && sw->last > at))))
                return 0;
            of_object = 0;
        }
        target = p;
    }
    if (lex_cleanup_fn(L, decl))
        return 0;
    if (of_object) {
        LW_GROW(L, L->aliases, L->naliases, L->aliases_cap, ptr_alias);
        ptr_alias *a = &L->aliases[L->naliases++];
        a->hash = clang_hashCursor(decl);
        a->decl = decl;
        a->target = target;
    } else {
        lw_bind_var(L, decl, target);
    }
    return 1;
}

void acc_alias_touched(lower *L, CXCursor base)
{
    base = lw_strip(base);
    if (clang_getCursorKind(base) != CXCursor_DeclRefExpr)
        return;
    int t = acc_alias_target(L, clang_getCursorReferenced(base));
    if (t < 0)
        return;
    ir_loc loc = lw_cursor_loc(L, base);
    ir_insn in = ir_insn_make(IR_ESCAPE, loc);
    in.src = t;
    ir_emit(L->f, L->cur, &in);
    in = ir_insn_make(IR_HAVOC, loc);
    in.dst = t;
    ir_emit(L->f, L->cur, &in);
}

/* ---- access paths ---- */

/* The global or static variable decl's memory place (one per function). */
static int global_place(lower *L, CXCursor decl)
{
    unsigned h = clang_hashCursor(decl);
    for (unsigned i = 0; i < L->nmems; i++)
        if (L->mems[i].hash == h && clang_equalCursors(L->mems[i].decl, decl))
            return L->mems[i].place;
    CXString s = clang_getCursorSpelling(decl);
    int p = ir_place_add(L->f, clang_getCString(s), IR_PLACE_VAR, -1);
    clang_disposeString(s);
    ir_place *pl = &L->f->places[p];
    pl->is_memory = 1;
    pl->is_static = 1;
    CXString u = clang_getCursorUSR(decl);
    if (*clang_getCString(u))
        pl->usr = arena_strdup(L->f->arena, clang_getCString(u));
    clang_disposeString(u);
    pl->is_pointer = clang_getCanonicalType(clang_getCursorType(decl)).kind == CXType_Pointer;
    LW_GROW(L, L->mems, L->nmems, L->mems_cap, var_binding);
    L->mems[L->nmems].hash = h;
    L->mems[L->nmems].decl = decl;
    L->mems[L->nmems++].place = p;
    return p;
}

/* Appends fmt's text to buf; 0 when it does not fit. */
static int append(char *buf, size_t n, const char *a, const char *b)
{
    size_t len = strlen(buf);
    int w = snprintf(buf + len, n - len, "%s%s", a, b);
    return w >= 0 && (size_t)w < n - len - 1;
}

/* The explicit casts between c and what lw_strip(c) reaches, as written
 * ("(struct hdr *)"), into buf; returns how many. */
static unsigned casts_of(CXCursor c, char *buf, size_t n)
{
    CXCursor end = lw_strip(c);
    unsigned count = 0;
    buf[0] = 0;
    for (int guard = 0; guard < 16 && !clang_equalCursors(c, end); guard++) {
        if (clang_getCursorKind(c) == CXCursor_CStyleCastExpr) {
            CXString t = clang_getTypeSpelling(clang_getCursorType(c));
            if (append(buf, n, "(", clang_getCString(t)) && append(buf, n, ")", ""))
                count++;
            clang_disposeString(t);
        }
        CXCursor kids[3], next = clang_getNullCursor();
        unsigned m = lw_children(c, kids, 3);
        for (unsigned i = 0; i < m && i < 3; i++)
            if (clang_isExpression(clang_getCursorKind(kids[i])))
                next = kids[i];
        if (clang_Cursor_isNull(next))
            break;
        c = next;
    }
    return count;
}

/* The written name of base operand c so far in a->name: wrapped in its
 * casts, "((struct hdr *)b)", when it has some. */
static int wrap_casts(CXCursor c, acc_path *a)
{
    char casts[160];
    if (!casts_of(c, casts, sizeof casts))
        return 1;
    char inner[sizeof a->name];
    memcpy(inner, a->name, sizeof inner);
    int w = snprintf(a->name, sizeof a->name, "(%s%s)", casts, inner);
    return w >= 0 && (size_t)w < sizeof a->name - 1;
}

/* One pointer step: what the pointer value in a points to, at byte off of
 * it.  A pointer known to hold the address of a local (an alias) enters
 * that local; any other is loaded from the bytes a names so far. */
static void deref_step(acc_path *a, int64_t off)
{
    if (a->addr) {
        a->addr = 0;
        a->via_alias = 1;
        a->off += off;
        return;
    }
    a->memory = 1;
    if (!a->located)
        return;
    char step[48];
    snprintf(step, sizeof step, "%lld:%lld->", (long long)a->off, (long long)a->size);
    if (a->size <= 0 || !append(a->steps, sizeof a->steps, step, ""))
        a->located = 0;
    a->off = off;
}

static int is_array_type(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
           t.kind == CXType_VariableArray;
}

static int walk(lower *L, CXCursor c, acc_path *a, int depth)
{
    c = lw_strip(c);
    CXCursor k[2];
    if (depth > 8 || (L->nerrs && lw_has_error(L, c)))
        return 0;
    switch (clang_getCursorKind(c)) {
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(c);
        enum CXCursorKind dk = clang_getCursorKind(d);
        if (dk != CXCursor_VarDecl && dk != CXCursor_ParmDecl)
            return 0;
        int p = acc_alias_target(L, d);
        a->addr = p >= 0;
        if (p < 0)
            p = lw_var_place(L, d);
        if (p < 0 && dk == CXCursor_VarDecl && !clang_isInvalidDeclaration(d)) {
            enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);
            if (sc == CX_SC_Static || sc == CX_SC_Extern ||
                clang_getCursorKind(clang_getCursorSemanticParent(d)) == CXCursor_TranslationUnit) {
                p = global_place(L, d);
                a->memory = 1;
            }
        }
        if (p < 0)
            return 0;
        CXString s = clang_getCursorSpelling(d);
        const char *n = clang_getCString(s);
        snprintf(a->name, sizeof a->name, "%s", n && *n ? n : L->f->places[p].name);
        clang_disposeString(s);
        memcpy(a->path, a->name, sizeof a->path);
        a->root = p;
        a->located = 1;
        a->plain = 1;
        a->off = 0;
        a->size = clang_Type_getSizeOf(clang_getCursorType(d));
        return 1;
    }
    case CXCursor_MemberRefExpr: {
        if (lw_children(c, k, 1) < 1)
            return 0;
        CXType bt = clang_getCanonicalType(clang_getCursorType(k[0]));
        int through = bt.kind == CXType_Pointer;
        if (!walk(L, k[0], a, depth + 1) || !wrap_casts(k[0], a) || (a->addr && !through))
            return 0;
        CXString f = clang_getCursorSpelling(c);
        const char *field = clang_getCString(f);
        int ok = append(a->name, sizeof a->name, through ? "->" : ".", field) &&
                 append(a->path, sizeof a->path, through ? "->" : ".", field);
        CXType rec = through ? clang_getCanonicalType(clang_getPointeeType(bt)) : bt;
        long long bits = clang_Type_getOffsetOf(rec, field);
        clang_disposeString(f);
        if (!ok)
            return 0;
        long long size = clang_Type_getSizeOf(clang_getCursorType(c));
        /* a cast of an array's name: its elements are not located here */
        if (bits < 0 || bits % 8 || size <= 0 || clang_Cursor_isBitField(clang_getCursorReferenced(c)) ||
            (through && is_array_type(clang_getCursorType(lw_strip(k[0])))))
            a->located = 0;
        if (through) {
            a->plain = a->plain && a->addr; /* into a local through an alias */
            deref_step(a, bits / 8);
        } else {
            a->off += bits / 8;
        }
        a->size = size;
        a->nsteps++;
        return 1;
    }
    case CXCursor_ArraySubscriptExpr: {
        int64_t idx;
        if (lw_children(c, k, 2) != 2 || !lw_const(L, k[1], &idx))
            return 0;
        /* an array's name decays to a pointer: look past the implicit cast */
        CXCursor b = lw_strip(k[0]);
        CXType bt = clang_getCanonicalType(clang_getCursorType(b));
        int through = bt.kind == CXType_Pointer;
        if (!walk(L, k[0], a, depth + 1) || !wrap_casts(k[0], a))
            return 0;
        char sub[32];
        snprintf(sub, sizeof sub, "[%lld]", (long long)idx);
        if (!append(a->name, sizeof a->name, sub, "") || !append(a->path, sizeof a->path, sub, ""))
            return 0;
        long long size = clang_Type_getSizeOf(clang_getCursorType(c));
        if (size <= 0 || idx > (1 << 20) || idx < -(1 << 20) || (!through && !is_array_type(bt)))
            a->located = 0;
        /* the shapes a local's elements always had: a local array named
         * directly, a small constant index; anything located through an
         * alias */
        a->plain = a->plain && (through ? a->addr
                                : a->via_alias ? a->located
                                               : clang_getCursorKind(b) == CXCursor_DeclRefExpr &&
                                                     L->f->places[a->root].is_array &&
                                                     idx >= 0 && idx < 64);
        if (through)
            deref_step(a, idx * size);
        else
            a->off += idx * size;
        a->size = size;
        a->nsteps++;
        return 1;
    }
    default:
        return 0;
    }
}

int acc_path_of(lower *L, CXCursor c, acc_path *a)
{
    memset(a, 0, sizeof *a);
    a->root = -1;
    if (!walk(L, c, a, 0) || a->addr)
        return 0;
    a->agg = a->nsteps && (clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Record ||
                           is_array_type(clang_getCursorType(c)));
    return 1;
}

static int is_located(const lower *L, int p)
{
    for (unsigned i = 0; i < L->nkeys; i++)
        if (L->keys[i].place == p)
            return 1;
    return 0;
}

int acc_place(lower *L, const acc_path *a)
{
    ir_func *f = L->f;
    if (!a->nsteps)
        return a->root;
    if (a->located)
        for (unsigned i = 0; i < L->nkeys; i++) {
            const acc_key *k = &L->keys[i];
            if (k->root == a->root && k->off == a->off && k->size == a->size &&
                k->agg == a->agg && !strcmp(k->steps, a->steps))
                return k->place;
        }
    /* by its path: a place whose bytes are not known, or one made before
     * (the elements of a local array, made with it); a place located
     * elsewhere is another one, however it is spelt */
    int p = -1;
    for (unsigned i = 0; i < f->nplaces && p < 0; i++)
        if (f->places[i].kind == IR_PLACE_SUB && f->places[i].base == a->root &&
            f->places[i].derived_from < 0 && !strcmp(f->places[i].path, a->path) &&
            !(a->located && is_located(L, (int)i)))
            p = (int)i;
    if (p >= 0) {
        if (!a->located || is_located(L, p))
            return p;
    } else {
        p = ir_place_add(f, a->name, IR_PLACE_SUB, a->root);
        if (strcmp(a->name, a->path))
            f->places[p].path = arena_strdup(f->arena, a->path);
    }
    if (a->located) {
        LW_GROW(L, L->keys, L->nkeys, L->keys_cap, acc_key);
        acc_key *k = &L->keys[L->nkeys++];
        k->root = a->root;
        k->steps = arena_strdup(f->arena, a->steps);
        k->off = a->off;
        k->size = a->size;
        k->agg = a->agg;
        k->place = p;
    }
    return p;
}

int lw_memory_place(lower *L, CXCursor c)
{
    acc_path a;
    if (!acc_path_of(L, c, &a) || !a.memory)
        return -1;
    int p = acc_place(L, &a);
    L->f->places[p].is_memory = 1;
    return p;
}

int acc_local_place(lower *L, CXCursor c)
{
    acc_path a;
    if (!acc_path_of(L, c, &a) || a.memory || !a.plain || !a.nsteps ||
        L->f->places[a.root].kind != IR_PLACE_VAR)
        return -1;
    return acc_place(L, &a);
}

/* ---- overlapping places ---- */

static int overlap(const acc_key *x, const acc_key *y)
{
    return x->root == y->root && x->place != y->place && x->off < y->off + y->size &&
           y->off < x->off + x->size && !strcmp(x->steps, y->steps);
}

/* The places whose bytes written by in overlap others: in *w (up to max). */
static unsigned written_by(const ir_insn *in, const int *partners, int *w, unsigned max)
{
    unsigned n = 0;
    switch (in->op) {
    case IR_COPY:
    case IR_CONST:
    case IR_HAVOC:
    case IR_ADD:
    case IR_STORE:
    case IR_CMPSET:
    case IR_CALL:
        if (in->dst >= 0 && partners[in->dst] >= 0)
            w[n++] = in->dst;
        break;
    default:
        break;
    }
    if (in->op == IR_CALL)
        for (unsigned i = 0; i < in->call->nargs && n < max; i++) {
            const ir_arg *a = &in->call->args[i];
            if (a->addr_of && !a->readonly && a->place >= 0 && partners[a->place] >= 0)
                w[n++] = a->place;
        }
    return n;
}

void acc_finish(lower *L)
{
    ir_func *f = L->f;
    /* partners[p]: first edge of place p in a list of (place, next) */
    int *partners = NULL, *edge_to = NULL, *edge_next = NULL;
    unsigned nedges = 0, cap = 0;
    for (unsigned i = 0; i < L->nkeys; i++)
        for (unsigned j = i + 1; j < L->nkeys; j++) {
            if (!overlap(&L->keys[i], &L->keys[j]))
                continue;
            if (!partners) {
                partners = arena_alloc(f->arena, sizeof(int) * f->nplaces);
                memset(partners, 0xff, sizeof(int) * f->nplaces);
            }
            for (int dir = 0; dir < 2; dir++) {
                int from = dir ? L->keys[j].place : L->keys[i].place;
                int to = dir ? L->keys[i].place : L->keys[j].place;
                if (nedges == cap) {
                    unsigned nc = cap ? cap * 2 : 16;
                    edge_to = arena_grow(f->arena, edge_to, nedges, nc, sizeof(int));
                    edge_next = arena_grow(f->arena, edge_next, nedges, nc, sizeof(int));
                    cap = nc;
                }
                edge_to[nedges] = to;
                edge_next[nedges] = partners[from];
                partners[from] = (int)nedges++;
            }
        }
    if (!partners)
        return;
    enum { MAXW = 8 };
    int w[MAXW];
    for (unsigned b = 0; b < f->nblocks; b++) {
        ir_block *bl = f->blocks[b];
        unsigned extra = 0;
        for (unsigned i = 0; i < bl->ninsns; i++) {
            unsigned n = written_by(&bl->insns[i], partners, w, MAXW);
            for (unsigned k = 0; k < n; k++)
                for (int e = partners[w[k]]; e >= 0; e = edge_next[e])
                    extra += 2;
        }
        if (!extra)
            continue;
        unsigned total = bl->ninsns + extra, m = 0;
        ir_insn *out = arena_alloc(f->arena, sizeof(ir_insn) * total);
        for (unsigned i = 0; i < bl->ninsns; i++) {
            const ir_insn *in = &bl->insns[i];
            out[m++] = *in;
            unsigned n = written_by(in, partners, w, MAXW);
            for (unsigned k = 0; k < n; k++)
                for (int e = partners[w[k]]; e >= 0; e = edge_next[e]) {
                    /* what the other held is gone or changed: handed off,
                     * then unknown */
                    ir_insn x = ir_insn_make(IR_ESCAPE, in->loc);
                    x.src = edge_to[e];
                    out[m++] = x;
                    x = ir_insn_make(IR_HAVOC, in->loc);
                    x.dst = edge_to[e];
                    out[m++] = x;
                }
        }
        bl->insns = out;
        bl->ninsns = bl->cap = total;
    }
}
