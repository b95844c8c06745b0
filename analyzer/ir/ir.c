/* ir.c — building and dumping the IR of ir.h.  No analysis here. */
#include "ir/ir.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

static const char *const op_names[] = {
#define IR_OP_NAME(e, name) name,
    IR_OPS(IR_OP_NAME)
#undef IR_OP_NAME
};

static const char *const cmp_names[] = {"<", "<=", ">", ">=", "==", "!="};

const char *ir_op_name(ir_op op) { return op < IR_OP_COUNT ? op_names[op] : "?"; }
const char *ir_cmp_name(ir_cmpop op) { return cmp_names[op]; }

ir_cmpop ir_cmp_mirror(ir_cmpop op)
{
    static const ir_cmpop m[] = {IR_GT, IR_GE, IR_LT, IR_LE, IR_EQ, IR_NE};
    return m[op];
}

ir_cmpop ir_cmp_negate(ir_cmpop op)
{
    static const ir_cmpop n[] = {IR_GE, IR_GT, IR_LE, IR_LT, IR_NE, IR_EQ};
    return n[op];
}

int ir_cmp_holds(ir_cmpop op, int64_t a, int64_t b)
{
    switch (op) {
    case IR_LT: return a < b;
    case IR_LE: return a <= b;
    case IR_GT: return a > b;
    case IR_GE: return a >= b;
    case IR_EQ: return a == b;
    case IR_NE: return a != b;
    }
    return 0;
}

ir_func *ir_func_new(const char *name)
{
    arena *a = arena_new();
    if (!a)
        return NULL;
    ir_func *f = arena_alloc(a, sizeof(*f));
    f->arena = a;
    f->name = arena_strdup(a, name);
    f->entry = ir_block_add(f);
    return f;
}

void ir_func_free(ir_func *f)
{
    if (f)
        arena_free(f->arena); /* f itself lives in its arena */
}

int ir_place_add(ir_func *f, const char *name, ir_place_kind kind, int base)
{
    if (f->nplaces == f->places_cap) {
        unsigned cap = f->places_cap ? f->places_cap * 2 : 16;
        f->places = arena_grow(f->arena, f->places, f->nplaces, cap, sizeof(ir_place));
        f->places_cap = cap;
    }
    int id = (int)f->nplaces++;
    ir_place *p = &f->places[id];
    p->name = arena_strdup(f->arena, name);
    p->path = p->name;
    p->kind = kind;
    p->base = base < 0 ? id : base;
    p->derived_from = -1;
    p->index = -1;
    p->usr = NULL;
    return id;
}

int ir_global_key(const ir_func *fn, int p, char *buf, size_t n)
{
    if (p < 0 || (unsigned)p >= fn->nplaces)
        return -1;
    const ir_place *pl = &fn->places[p], *root = &fn->places[pl->base];
    if (!root->usr || !root->is_memory || root->kind != IR_PLACE_VAR || pl->derived_from >= 0)
        return -1;
    const char *rest = "";
    if (pl != root) {
        size_t len = strlen(root->name);
        if (strncmp(pl->path, root->name, len) != 0)
            return -1;
        rest = pl->path + len;
        if (strstr(rest, "->") || strchr(rest, '*') || strchr(rest, '&'))
            return -1; /* through a pointer: other names reach it too */
    }
    size_t need = strlen(root->usr) + strlen(rest) + 1;
    if (need > n)
        return -1;
    memcpy(buf, root->usr, strlen(root->usr));
    memcpy(buf + strlen(root->usr), rest, strlen(rest) + 1);
    return 0;
}

int ir_place_index(ir_func *f, int array, int index)
{
    for (unsigned i = 0; i < f->nplaces; i++)
        if (f->places[i].base == array && f->places[i].index == index &&
            f->places[i].kind == IR_PLACE_SUB)
            return (int)i;
    if (ir_place_collection(f, array) < 0) {
        char name[300];
        snprintf(name, sizeof name, "%s[...]", f->places[array].name);
        int c = ir_place_add(f, name, IR_PLACE_SUB, array);
        f->places[c].is_collection = 1;
    }
    char name[300];
    snprintf(name, sizeof name, "%s[%s]", f->places[array].name, f->places[index].name);
    int p = ir_place_add(f, name, IR_PLACE_SUB, array);
    f->places[p].index = index;
    return p;
}

int ir_place_collection(const ir_func *f, int array)
{
    for (unsigned i = 0; i < f->nplaces; i++)
        if (f->places[i].base == array && f->places[i].is_collection)
            return (int)i;
    return -1;
}

int ir_nsucc(const ir_block *b)
{
    return b->term.kind == IR_T_GOTO ? 1 : b->term.kind == IR_T_BRANCH ? 2 : 0;
}

int ir_insn_writes(const ir_insn *in)
{
    switch (in->op) {
    case IR_CALL: return in->call->dst;
    case IR_ESCAPE:
    case IR_SCOPE_END:
    case IR_NONZERO:
    case IR_OP_COUNT: return -1;
    default: return in->dst;
    }
}

int ir_place_find(const ir_func *f, const char *name)
{
    for (unsigned i = 0; i < f->nplaces; i++)
        if (strcmp(f->places[i].name, name) == 0)
            return (int)i;
    return -1;
}

int ir_place_sub_named(ir_func *f, int base, const char *name)
{
    int root = f->places[base].base;
    for (unsigned i = 0; i < f->nplaces; i++)
        if (f->places[i].kind == IR_PLACE_SUB && f->places[i].base == root &&
            strcmp(f->places[i].name, name) == 0)
            return (int)i;
    return ir_place_add(f, name, IR_PLACE_SUB, root);
}

int ir_place_sub(ir_func *f, int base, const char *suffix)
{
    size_t n = strlen(f->places[base].name) + strlen(suffix) + 1;
    char *name = malloc(n);
    if (!name)
        abort();
    snprintf(name, n, "%s%s", f->places[base].name, suffix);
    int id = ir_place_sub_named(f, base, name);
    free(name);
    return id;
}

int ir_block_add(ir_func *f)
{
    if (f->nblocks == f->blocks_cap) {
        unsigned cap = f->blocks_cap ? f->blocks_cap * 2 : 16;
        f->blocks = arena_grow(f->arena, f->blocks, f->nblocks, cap, sizeof(ir_block *));
        f->blocks_cap = cap;
    }
    ir_block *b = arena_alloc(f->arena, sizeof(*b));
    b->id = (int)f->nblocks;
    b->term.succ[0] = b->term.succ[1] = -1;
    f->blocks[f->nblocks++] = b;
    return b->id;
}

ir_insn ir_insn_make(ir_op op, ir_loc loc)
{
    ir_insn in;
    memset(&in, 0, sizeof(in));
    in.op = op;
    in.loc = loc;
    in.dst = in.src = -1;
    return in;
}

ir_insn *ir_emit(ir_func *f, int bid, const ir_insn *in)
{
    ir_block *b = f->blocks[bid];
    assert(b->term.kind == IR_T_NONE);
    if (b->ninsns == b->cap) {
        unsigned cap = b->cap ? b->cap * 2 : 8;
        b->insns = arena_grow(f->arena, b->insns, b->ninsns, cap, sizeof(ir_insn));
        b->cap = cap;
    }
    b->insns[b->ninsns] = *in;
    return &b->insns[b->ninsns++];
}

static ir_term *term_begin(ir_func *f, int b, ir_term_kind kind, ir_loc loc)
{
    ir_term *t = &f->blocks[b]->term;
    assert(t->kind == IR_T_NONE);
    t->kind = kind;
    t->loc = loc;
    return t;
}

void ir_term_goto(ir_func *f, int b, int target)
{
    ir_loc none = {0};
    term_begin(f, b, IR_T_GOTO, none)->succ[0] = target;
}

void ir_term_branch(ir_func *f, int b, ir_cond cond, int t, int e, ir_loc loc,
                    const char *text)
{
    ir_term *term = term_begin(f, b, IR_T_BRANCH, loc);
    term->cond = cond;
    term->succ[0] = t;
    term->succ[1] = e;
    term->text = text;
}

void ir_term_return(ir_func *f, int b, ir_loc loc, int implicit)
{
    ir_term *t = term_begin(f, b, IR_T_RETURN, loc);
    t->implicit = implicit ? 1 : 0;
    t->ret_place = -1;
}

void ir_term_exit(ir_func *f, int b, ir_loc loc) { term_begin(f, b, IR_T_EXIT, loc); }

/* ---- dump ---- */

static const char *pname(const ir_func *f, int p) { return p >= 0 ? f->places[p].name : "_"; }

static void dump_call(const ir_func *f, const ir_call *c, FILE *out)
{
    fprintf(out, "%s(", c->callee ? c->callee : "<indirect>");
    for (unsigned i = 0; i < c->nargs; i++) {
        const ir_arg *a = &c->args[i];
        if (i)
            fputs(", ", out);
        if (a->place >= 0)
            fprintf(out, "%s%s", a->addr_of ? "&" : "", pname(f, a->place));
        else if (a->has_const)
            fprintf(out, "%lld", (long long)a->cval);
        else
            fputs("?", out);
    }
    fputc(')', out);
    for (unsigned i = 0; i < c->ntargets; i++) /* a call through a known pointer */
        fprintf(out, "%s%s", i ? ", " : " -> ", c->targets[i].name);
    if (c->noreturn)
        fputs(" noreturn", out);
}

static void dump_insn(const ir_func *f, const ir_insn *in, FILE *out)
{
    fprintf(out, "    %u:%u %s", in->loc.line, in->loc.col, ir_op_name(in->op));
    switch (in->op) {
    case IR_CALL:
        fprintf(out, " %s = ", pname(f, in->call->dst));
        dump_call(f, in->call, out);
        break;
    case IR_COPY:
        fprintf(out, " %s = %s", pname(f, in->dst), pname(f, in->src));
        break;
    case IR_CONST:
        fprintf(out, " %s = %lld", pname(f, in->dst), (long long)in->value);
        break;
    case IR_CMPSET:
        fprintf(out, " %s = %s %s %lld", pname(f, in->dst), pname(f, in->src),
                ir_cmp_name(in->cmp), (long long)in->value);
        break;
    case IR_HAVOC:
        fprintf(out, " %s", pname(f, in->dst));
        break;
    case IR_STORE:
        fprintf(out, " %s = %s", pname(f, in->dst), pname(f, in->src));
        break;
    case IR_NONZERO:
        fprintf(out, " %s", pname(f, in->src));
        break;
    case IR_ADD:
        fprintf(out, " %s = %s + %lld", pname(f, in->dst), pname(f, in->src),
                (long long)in->value);
        break;
    case IR_ESCAPE:
        fprintf(out, " %s%s", pname(f, in->src), in->value ? " (returned)" : "");
        if (in->dst >= 0)
            fprintf(out, " into *%s", pname(f, in->dst));
        break;
    case IR_SCOPE_END:
        for (unsigned i = 0; i < in->nplaces; i++)
            fprintf(out, " %s", pname(f, in->places[i]));
        break;
    case IR_OP_COUNT:
        break;
    }
    fputc('\n', out);
}

static void dump_term(const ir_func *f, const ir_term *t, FILE *out)
{
    switch (t->kind) {
    case IR_T_NONE:
        fputs("    (unterminated)\n", out);
        break;
    case IR_T_GOTO:
        fprintf(out, "    goto B%d\n", t->succ[0]);
        break;
    case IR_T_BRANCH:
        if (t->cond.place >= 0 && t->cond.vs_value)
            fprintf(out, "    if %s %s <%s>", pname(f, t->cond.place), ir_cmp_name(t->cond.op),
                    t->cond.other >= 0 ? pname(f, t->cond.other) : "value");
        else if (t->cond.place >= 0)
            fprintf(out, "    if %s %s %lld", pname(f, t->cond.place),
                    ir_cmp_name(t->cond.op), (long long)t->cond.value);
        else
            fputs("    if ?", out);
        fprintf(out, " then B%d else B%d  ; %s\n", t->succ[0], t->succ[1],
                t->text ? t->text : "");
        break;
    case IR_T_RETURN:
        fprintf(out, "    %u:%u return%s\n", t->loc.line, t->loc.col,
                t->implicit ? " (implicit)" : "");
        break;
    case IR_T_EXIT:
        fprintf(out, "    %u:%u exit\n", t->loc.line, t->loc.col);
        break;
    }
}

void ir_dump(const ir_func *f, FILE *out)
{
    fprintf(out, "function %s\n", f->name);
    for (unsigned i = 0; i < f->nplaces; i++)
        fprintf(out, "  place %u %s%s%s%s\n", i, f->places[i].name,
                f->places[i].is_param ? " (param)" : "",
                f->places[i].path != f->places[i].name ? " path " : "",
                f->places[i].path != f->places[i].name ? f->places[i].path : "");
    for (unsigned i = 0; i < f->nblocks; i++) {
        const ir_block *b = f->blocks[i];
        fprintf(out, "  B%d%s:\n", b->id, b->id == f->entry ? " (entry)" : "");
        for (unsigned k = 0; k < b->ninsns; k++)
            dump_insn(f, &b->insns[k], out);
        dump_term(f, &b->term, out);
    }
}
