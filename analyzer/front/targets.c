/* targets.c — where a call through a pointer may go (ir/targets.h).
 *
 * A local function pointer (not a parameter) whose every initializer and
 * assignment in its function is a function designator, a conditional of
 * them or a null pointer, and whose address is never taken, may hold only
 * those functions: the call gets them as targets here.  A call through a
 * function-pointer field of a struct or union declared in the project is
 * marked with the field's key (its USR); what the unit stores into such
 * fields is listed (stores and initializers, designated or positional, in
 * tables of structs too) for the driver to match over the whole program.
 * Stores that may put anything else there are listed as unknown: another
 * pointer, a parameter, a function cast from another type, the field's
 * address taken, bytes copied into the struct (a call shaped like memcpy, a
 * cast from a pointer to other data), an initializer list whose braces are
 * elided.
 *
 * It does not decide what the targets do: the engine unites their rows. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/lower.h"
#include "ir/targets.h"

#define MAX_TARGETS 64
#define MAX_NESTING 8

/* ---- function designators ---- */

typedef struct found {
    ir_target v[MAX_TARGETS];   /* strings malloc'd */
    unsigned n;
} found;

static void found_clear(found *f)
{
    for (unsigned i = 0; i < f->n; i++) {
        free((char *)f->v[i].name);
        free((char *)f->v[i].usr);
    }
    f->n = 0;
}

static int found_add(found *f, CXCursor fn)
{
    if (f->n == MAX_TARGETS)
        return 0;
    CXString s = clang_getCursorSpelling(fn), u = clang_getCursorUSR(fn);
    const char *name = clang_getCString(s), *usr = clang_getCString(u);
    int ok = name && *name && usr && *usr;
    if (ok) {
        f->v[f->n].name = strdup(name);
        f->v[f->n].usr = strdup(usr);
        ok = f->v[f->n].name && f->v[f->n].usr;
        f->n++; /* freed by found_clear even when a copy failed */
    }
    clang_disposeString(s);
    clang_disposeString(u);
    return ok;
}

/* Parentheses and implicit conversions (an UnexposedExpr spanning exactly
 * its one operand); explicit casts stay. */
static CXCursor strip_implicit(CXCursor c)
{
    for (int depth = 0; depth < 64; depth++) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
            return c;
        CXCursor kids[2];
        if (lw_children(c, kids, 2) != 1 || !clang_isExpression(clang_getCursorKind(kids[0])))
            return c;
        if (k == CXCursor_UnexposedExpr &&
            !clang_equalRanges(clang_getCursorExtent(c), clang_getCursorExtent(kids[0])))
            return c;
        c = kids[0];
    }
    return c;
}

/* Whether c is a null pointer constant: 0, possibly cast ((void *)0). */
static int null_constant(CXCursor c)
{
    for (int depth = 0; depth < 16; depth++) {
        c = strip_implicit(c);
        if (clang_getCursorKind(c) != CXCursor_CStyleCastExpr)
            break;
        CXCursor kids[2];
        unsigned n = lw_children(c, kids, 2);
        if (n == 0 || n > 2)
            return 0;
        c = kids[n - 1]; /* a TypeRef may come first */
    }
    if (clang_getCursorKind(c) != CXCursor_IntegerLiteral)
        return 0;
    CXEvalResult r = clang_Cursor_Evaluate(c);
    int zero = r && clang_EvalResult_getKind(r) == CXEval_Int &&
               clang_EvalResult_getAsLongLong(r) == 0;
    if (r)
        clang_EvalResult_dispose(r);
    return zero;
}

static int same_type(CXType a, CXType b)
{
    return clang_equalTypes(clang_getUnqualifiedType(clang_getCanonicalType(a)),
                            clang_getUnqualifiedType(clang_getCanonicalType(b)));
}

/* The function a function designator (keeper, &keeper, or either cast to
 * the type it already has) names, or a null cursor.  A cast that changes
 * the type is not followed. */
static CXCursor designated_function(CXCursor c)
{
    c = strip_implicit(c);
    if (clang_getCursorKind(c) == CXCursor_CStyleCastExpr) {
        CXCursor kids[3];
        unsigned n = lw_children(c, kids, 3);
        if (n == 0 || n > 3 || !same_type(clang_getCursorType(c),
                                          clang_getCursorType(kids[n - 1])))
            return clang_getNullCursor();
        c = strip_implicit(kids[n - 1]);
    }
    if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf) {
        CXCursor kids[1];
        if (lw_children(c, kids, 1) != 1)
            return clang_getNullCursor();
        c = strip_implicit(kids[0]);
    }
    if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
        return clang_getNullCursor();
    CXCursor d = clang_getCursorReferenced(c);
    return clang_getCursorKind(d) == CXCursor_FunctionDecl ? d : clang_getNullCursor();
}

/* Adds to f every function the value of e may be: a function designator,
 * either arm of a conditional of them; a null pointer adds nothing.
 * Returns 0 when e may be anything else. */
static int designators(CXCursor e, found *f, int depth)
{
    if (depth > 16)
        return 0;
    CXCursor fn = designated_function(e);
    if (!clang_Cursor_isNull(fn))
        return found_add(f, fn);
    if (null_constant(e))
        return 1;
    e = strip_implicit(e);
    CXCursor kids[4];
    if (clang_getCursorKind(e) != CXCursor_ConditionalOperator || lw_children(e, kids, 4) != 3)
        return 0;
    return designators(kids[1], f, depth + 1) && designators(kids[2], f, depth + 1);
}

/* ---- types ---- */

static int is_function_pointer(CXType t)
{
    t = clang_getCanonicalType(t);
    if (t.kind != CXType_Pointer)
        return 0;
    enum CXTypeKind k = clang_getCanonicalType(clang_getPointeeType(t)).kind;
    return k == CXType_FunctionProto || k == CXType_FunctionNoProto;
}

/* The record declaration of type t (through arrays), or a null cursor. */
static CXCursor record_of(CXType t)
{
    t = clang_getCanonicalType(t);
    for (int depth = 0; depth < MAX_NESTING && clang_getElementType(t).kind != CXType_Invalid;
         depth++)
        t = clang_getCanonicalType(clang_getElementType(t));
    if (t.kind != CXType_Record)
        return clang_getNullCursor();
    return clang_getTypeDeclaration(t);
}

static int in_system(CXCursor c)
{
    return clang_Location_isInSystemHeader(clang_getCursorLocation(c)) != 0;
}

/* A function-pointer field of a struct or union declared in the project:
 * one whose values sockleak follows.  Returns the key of its stores
 * (malloc'd): its USR; for a member of a union, one key for every member
 * (a store into one is a store into all), the union's USR followed by
 * "@FI@|".  NULL for any other field. */
static char *followed_field(CXCursor field)
{
    CXCursor rec = clang_getCursorSemanticParent(field);
    if (clang_getCursorKind(field) != CXCursor_FieldDecl ||
        !is_function_pointer(clang_getCursorType(field)) || in_system(rec))
        return NULL;
    int in_union = clang_getCursorKind(rec) == CXCursor_UnionDecl;
    CXString s = clang_getCursorUSR(in_union ? rec : field);
    const char *u = clang_getCString(s);
    size_t len = u ? strlen(u) + 8 : 0;
    char *key = u && *u ? malloc(len) : NULL;
    if (key)
        snprintf(key, len, "%s%s", u, in_union ? "@FI@|" : "");
    clang_disposeString(s);
    return key;
}

/* ---- calls ---- */

/* A local function pointer: the targets of every value stored into it. */
typedef struct local_scan {
    CXCursor decl;
    found f;
    int unknown;
} local_scan;

static void scan_store(local_scan *s, CXCursor value)
{
    if (!s->unknown && !designators(value, &s->f, 0))
        s->unknown = 1;
}

/* Whether c (stripped) names the variable s->decl. */
static int names_decl(const local_scan *s, CXCursor c)
{
    c = strip_implicit(c);
    return clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
           clang_equalCursors(clang_getCursorReferenced(c), s->decl);
}

static enum CXChildVisitResult local_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    local_scan *s = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    CXCursor kids[2];
    if (k == CXCursor_VarDecl && clang_equalCursors(c, s->decl)) {
        CXCursor init = clang_Cursor_getVarDeclInitializer(c);
        if (!clang_Cursor_isNull(init))
            scan_store(s, init);
    } else if (k == CXCursor_BinaryOperator && lw_children(c, kids, 2) == 2 &&
               names_decl(s, kids[0])) {
        if (clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign)
            scan_store(s, kids[1]);
    } else if (k == CXCursor_CompoundAssignOperator && lw_children(c, kids, 1) >= 1 &&
               names_decl(s, kids[0])) {
        s->unknown = 1;
    } else if (k == CXCursor_UnaryOperator && lw_children(c, kids, 1) == 1 &&
               names_decl(s, kids[0])) {
        /* &f (written where nobody looks), f++: not followed; *f, !f read */
        enum CXUnaryOperatorKind u = clang_getCursorUnaryOperatorKind(c);
        s->unknown = u == CXUnaryOperator_AddrOf || u == CXUnaryOperator_PreInc ||
                     u == CXUnaryOperator_PreDec || u == CXUnaryOperator_PostInc ||
                     u == CXUnaryOperator_PostDec;
    }
    return s->unknown ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* The targets of a call through the local variable decl of L's function. */
static void local_targets(lower *L, CXCursor decl, ir_call *call)
{
    enum CXCursorKind pk = clang_getCursorKind(clang_getCursorSemanticParent(decl));
    if (clang_getCursorKind(decl) != CXCursor_VarDecl || pk != CXCursor_FunctionDecl ||
        clang_Cursor_getStorageClass(decl) == CX_SC_Extern ||
        !is_function_pointer(clang_getCursorType(decl)))
        return;
    local_scan s;
    memset(&s, 0, sizeof s);
    s.decl = decl;
    clang_visitChildren(L->fn, local_visit, &s);
    if (!s.unknown && s.f.n)
        tgt_set(L->f, call, s.f.v, s.f.n);
    found_clear(&s.f);
}

void lw_call_targets(lower *L, CXCursor callee, ir_call *call)
{
    call->via = lex_text(L, callee, 0);
    CXCursor c = strip_implicit(callee);
    if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref) {
        CXCursor kids[1]; /* (*f)(x) calls what f points to */
        if (lw_children(c, kids, 1) != 1)
            return;
        c = strip_implicit(kids[0]);
    }
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_DeclRefExpr) {
        local_targets(L, clang_getCursorReferenced(c), call);
    } else if (k == CXCursor_MemberRefExpr) {
        char *usr = followed_field(clang_getCursorReferenced(c));
        call->field = arena_strdup(L->f->arena, usr);
        free(usr);
    } else if (k == CXCursor_ConditionalOperator) { /* (k ? a : b)(x) */
        found f = {.n = 0};
        if (designators(c, &f, 0) && f.n)
            tgt_set(L->f, call, f.v, f.n);
        found_clear(&f);
    }
}

/* ---- stores into fields, over the translation unit ---- */

typedef struct store_scan {
    tgt_list *out;
    int failed;            /* out of memory: the list is incomplete */
} store_scan;

static void add_store(store_scan *s, const char *key, const char *name, const char *usr)
{
    if (tgt_list_add(s->out, key, name, usr) != 0)
        s->failed = 1;
}

/* Something other than functions may reach every field of record decl and
 * of the records nested in it. */
static void poison_record(store_scan *s, CXCursor decl, int depth);

static enum CXVisitorResult poison_field(CXCursor field, CXClientData d)
{
    void **ctx = d;
    CXCursor inner = record_of(clang_getCursorType(field));
    if (!clang_Cursor_isNull(inner))
        poison_record(ctx[0], inner, *(int *)ctx[1] + 1);
    return CXVisit_Continue;
}

static void poison_record(store_scan *s, CXCursor decl, int depth)
{
    if (clang_Cursor_isNull(decl) || depth > MAX_NESTING || in_system(decl))
        return;
    CXString u = clang_getCursorUSR(decl);
    const char *usr = clang_getCString(u);
    if (usr && *usr) {
        size_t len = strlen(usr) + 8;
        char *key = malloc(len);
        if (key) {
            snprintf(key, len, "%s@FI@*", usr);
            add_store(s, key, NULL, NULL);
            free(key);
        } else {
            s->failed = 1;
        }
    }
    clang_disposeString(u);
    void *ctx[2] = {s, &depth};
    clang_Type_visitFields(clang_getCursorType(decl), poison_field, ctx);
}

/* A value stored into field: the functions it may be, or unknown. */
static void store_value(store_scan *s, CXCursor field, CXCursor value)
{
    char *key = followed_field(field);
    if (!key)
        return;
    found f = {.n = 0};
    if (!designators(value, &f, 0))
        add_store(s, key, NULL, NULL);
    for (unsigned i = 0; i < f.n; i++)
        add_store(s, key, f.v[i].name, f.v[i].usr);
    found_clear(&f);
    free(key);
}

/* The fields of a record in declaration order, unnamed bit-fields left
 * out (an initializer skips them). */
typedef struct field_list {
    CXCursor v[256];
    unsigned n;
    int truncated;
} field_list;

static enum CXVisitorResult field_collect(CXCursor c, CXClientData d)
{
    field_list *l = d;
    CXString s = clang_getCursorSpelling(c);
    const char *name = clang_getCString(s);
    int unnamed_bits = clang_Cursor_isBitField(c) && (!name || !*name);
    clang_disposeString(s);
    if (unnamed_bits)
        return CXVisit_Continue;
    if (l->n == sizeof l->v / sizeof l->v[0]) {
        l->truncated = 1;
        return CXVisit_Break;
    }
    l->v[l->n++] = c;
    return CXVisit_Continue;
}

/* Whether c is a designated initializer (`.f = v`, `[2] = v`): libclang
 * shows it as an UnexposedExpr of type void, designators first. */
static int is_designated(CXCursor c)
{
    return clang_getCursorKind(c) == CXCursor_UnexposedExpr &&
           clang_getCursorType(c).kind == CXType_Void;
}

/* One initializer of a sub-object of type t (a field, or a null cursor for
 * an array element): a function-pointer field records a store.  An
 * aggregate given a value of another type had its braces elided, so the
 * elements after it may belong to other fields: returns 0 then, unless
 * nothing follows and the value is 0 (`= {0}`) or a string for a char
 * array. */
static int init_sub(store_scan *s, CXCursor field, CXType t, CXCursor value, int last)
{
    CXType ct = clang_getCanonicalType(t);
    int array = clang_getElementType(ct).kind != CXType_Invalid;
    if (ct.kind == CXType_Record || array)
        return clang_getCursorKind(value) == CXCursor_InitListExpr ||
               same_type(clang_getCursorType(value), t) ||
               (array && clang_getCursorKind(strip_implicit(value)) == CXCursor_StringLiteral) ||
               (last && null_constant(value));
    if (!clang_Cursor_isNull(field))
        store_value(s, field, value);
    return 1;
}

/* The initializer list c of a struct or union: which field each element
 * initializes.  Returns 0 when that cannot be told (elided braces, a
 * positional element after a nested designator). */
static int init_record(store_scan *s, CXCursor c, CXType t)
{
    field_list fields;
    fields.n = 0;
    fields.truncated = 0;
    clang_Type_visitFields(t, field_collect, &fields);
    if (fields.truncated)
        return 0;
    int is_union = clang_getCursorKind(clang_getTypeDeclaration(t)) == CXCursor_UnionDecl;
    CXCursor kids[512];
    unsigned n = lw_children(c, kids, 512), pos = 0;
    if (n > 512)
        return 0;
    for (unsigned i = 0; i < n; i++, pos++) {
        CXCursor value = kids[i], field;
        if (is_designated(kids[i])) {
            CXCursor parts[16];
            unsigned np = lw_children(kids[i], parts, 16);
            if (np < 2 || np > 16)
                return 0;
            value = parts[np - 1];
            field = clang_getCursorReferenced(parts[np - 2]);
            if (clang_getCursorKind(parts[np - 2]) != CXCursor_MemberRef) {
                pos = UINT_MAX - 1; /* `.arr[2] = v`: what follows is in .arr */
                continue;
            }
            if (np != 2) { /* `.in.cb = v`: later positional elements are inside .in */
                pos = UINT_MAX - 1;
            } else {
                for (pos = 0; pos < fields.n && !clang_equalCursors(fields.v[pos], field); pos++)
                    ;
            }
        } else {
            if (pos >= fields.n || (is_union && pos > 0))
                return 0;
            field = fields.v[pos];
        }
        if (!init_sub(s, field, clang_getCursorType(field), value, i + 1 == n))
            return 0;
    }
    return 1;
}

/* The elements of an array's initializer list, visited one by one (a
 * table may be long). */
typedef struct array_scan {
    store_scan *s;
    CXType elem;
    int ok;
    unsigned i, n;         /* the element visited, how many there are */
} array_scan;

static enum CXChildVisitResult array_element(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    array_scan *a = d;
    CXCursor value = c, field = clang_getNullCursor();
    CXType t = a->elem;
    if (is_designated(c)) {
        CXCursor parts[16];
        unsigned np = lw_children(c, parts, 16);
        if (np < 2 || np > 16) {
            a->ok = 0;
            return CXChildVisit_Break;
        }
        value = parts[np - 1];
        if (clang_getCursorKind(parts[np - 2]) == CXCursor_MemberRef) { /* [1].done = f */
            field = clang_getCursorReferenced(parts[np - 2]);
            t = clang_getCursorType(field);
        }
    }
    if (!init_sub(a->s, field, t, value, ++a->i == a->n)) {
        a->ok = 0;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

/* An initializer list: the stores it makes into function-pointer fields.
 * When which field an element initializes cannot be told, every field of
 * the records involved becomes unknown. */
static void scan_init_list(store_scan *s, CXCursor c)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(c));
    int ok = 1;
    if (t.kind == CXType_Record) {
        ok = init_record(s, c, t);
    } else if (clang_getElementType(t).kind != CXType_Invalid) {
        array_scan a = {s, clang_getElementType(t), 1, 0, lw_children(c, NULL, 0)};
        clang_visitChildren(c, array_element, &a);
        ok = a.ok;
    }
    if (!ok)
        poison_record(s, record_of(t), 0);
}

/* The record type a pointer or array argument points into, or a null
 * cursor. */
static CXCursor pointed_record(CXCursor arg)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(strip_implicit(arg)));
    if (t.kind == CXType_Pointer)
        t = clang_getPointeeType(t);
    return record_of(t);
}

/* A pointer to bytes: void, char, signed or unsigned char. */
static int byte_pointer(CXType t, int *is_const)
{
    t = clang_getCanonicalType(t);
    if (t.kind != CXType_Pointer)
        return 0;
    CXType p = clang_getPointeeType(t);
    *is_const = clang_isConstQualifiedType(p);
    enum CXTypeKind k = clang_getCanonicalType(p).kind;
    return k == CXType_Void || k == CXType_Char_S || k == CXType_Char_U ||
           k == CXType_SChar || k == CXType_UChar;
}

/* A call shaped like memcpy (bytes from a pointer to const into a pointer
 * that is not): a struct given as its destination gets fields nobody
 * follows. */
static void scan_copy_call(store_scan *s, CXCursor call)
{
    CXCursor fn = clang_getCursorReferenced(call);
    if (clang_getCursorKind(fn) != CXCursor_FunctionDecl)
        return;
    CXType ft = clang_getCursorType(fn);
    int np = clang_getNumArgTypes(ft), na = clang_Cursor_getNumArguments(call);
    int has_source = 0, is_const;
    for (int i = 0; i < np; i++)
        has_source |= byte_pointer(clang_getArgType(ft, (unsigned)i), &is_const) && is_const;
    for (int i = 0; has_source && i < np && i < na; i++)
        if (byte_pointer(clang_getArgType(ft, (unsigned)i), &is_const) && !is_const)
            poison_record(s, pointed_record(clang_Cursor_getArgument(call, (unsigned)i)), 0);
}

/* (struct ops *)buf: a struct read from other data has fields nobody
 * follows.  A cast from void * (a callback's context) is not one. */
static void scan_cast(store_scan *s, CXCursor cast)
{
    CXType to = clang_getCanonicalType(clang_getCursorType(cast));
    if (to.kind != CXType_Pointer)
        return;
    CXCursor rec = record_of(clang_getPointeeType(to));
    CXCursor kids[3];
    unsigned n = lw_children(cast, kids, 3);
    if (clang_Cursor_isNull(rec) || n == 0 || n > 3)
        return;
    CXType from = clang_getCanonicalType(clang_getCursorType(strip_implicit(kids[n - 1])));
    if (from.kind == CXType_Pointer) {
        CXType p = clang_getCanonicalType(clang_getPointeeType(from));
        if (p.kind == CXType_Void || same_type(p, clang_getPointeeType(to)))
            return;
    }
    poison_record(s, rec, 0);
}

static enum CXChildVisitResult store_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    store_scan *s = d;
    if (clang_getCursorKind(parent) == CXCursor_TranslationUnit && in_system(c))
        return CXChildVisit_Continue;
    CXCursor kids[2];
    switch (clang_getCursorKind(c)) {
    case CXCursor_InitListExpr:
        scan_init_list(s, c);
        break;
    case CXCursor_BinaryOperator:
        if (clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign &&
            lw_children(c, kids, 2) == 2 &&
            clang_getCursorKind(strip_implicit(kids[0])) == CXCursor_MemberRefExpr)
            store_value(s, clang_getCursorReferenced(strip_implicit(kids[0])), kids[1]);
        break;
    case CXCursor_UnaryOperator:
        if (clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf &&
            lw_children(c, kids, 1) == 1 &&
            clang_getCursorKind(strip_implicit(kids[0])) == CXCursor_MemberRefExpr) {
            char *key = followed_field(clang_getCursorReferenced(strip_implicit(kids[0])));
            if (key) /* &ops->done: written where nobody looks */
                add_store(s, key, NULL, NULL);
            free(key);
        }
        break;
    case CXCursor_CallExpr:
        scan_copy_call(s, c);
        break;
    case CXCursor_CStyleCastExpr:
        scan_cast(s, c);
        break;
    default:
        break;
    }
    return CXChildVisit_Recurse;
}

int lw_collect_stores(CXTranslationUnit tu, tgt_list *out)
{
    store_scan s = {out, 0};
    clang_visitChildren(clang_getTranslationUnitCursor(tu), store_visit, &s);
    return s.failed ? -1 : 0;
}
