/* callers.c — what callers do after a call, once every summary is known:
 * whether some caller of a function that hands out a descriptor through an
 * out-parameter closes that variable on the path where the call failed.
 * Such a caller makes "left open in *out on failure" the function's
 * contract, so the function is not blamed for it (see callers.h). */
#include "summary/callers.h"

#include <stdlib.h>

#include "engine/engine.h"

/* Blocks searched after a failed call for the caller's release. */
#define MAX_SEARCH_BLOCKS 128

/* The branch deciding on the result of the call at insns[i] of block b:
 * the block's own branch or one reached through plain gotos (blocks with
 * nothing but scope ends), testing the call's destination.  -1 if none. */
static int deciding_block(const ir_func *fn, int b, unsigned i, int dst)
{
    for (int hops = 0; hops < 6 && b >= 0; hops++) {
        const ir_block *bl = fn->blocks[b];
        for (; i < bl->ninsns; i++)
            if (bl->insns[i].op != IR_SCOPE_END)
                return -1; /* something else happens first */
        if (bl->term.kind == IR_T_BRANCH)
            return bl->term.cond.place == dst && !bl->term.cond.vs_value ? b : -1;
        if (bl->term.kind != IR_T_GOTO)
            return -1;
        b = bl->term.succ[0];
        i = 0;
    }
    return -1;
}

/* A value the call returns when it fails, for deciding the branch. */
static int failure_example(rt_fail f, int64_t *v)
{
    switch (f.kind) {
    case RT_FAIL_NEGATIVE: *v = -1; return 1;
    case RT_FAIL_NULL: *v = 0; return 1;
    case RT_FAIL_EQ: *v = f.value; return 1;
    case RT_FAIL_NONZERO: *v = -1; return 1; /* -1 or -errno, as tested: `< 0` */
    case RT_FAIL_NONE: break;
    }
    return 0;
}

/* Whether call c releases the value of place v (close(fd)) or what &v
 * points to (closep(&fd)). */
static int releases(const rules_table *rt, const ir_call *c, int v)
{
    const rt_entry *e = eng_lookup(rt, c);
    if (!e)
        return 0;
    for (unsigned a = 0; a < c->nargs && a < RT_MAX_ARGS; a++) {
        uint32_t bit = 1u << a;
        if (c->args[a].place != v)
            continue;
        if (c->args[a].addr_of ? (e->release_deref & bit) : (e->release & bit))
            return 1;
    }
    return 0;
}

/* Whether a path from block `from` releases place v before leaving. */
static int closes_after(const ir_func *fn, const rules_table *rt, int from, int v)
{
    char *seen = calloc(fn->nblocks ? fn->nblocks : 1, 1);
    int *stack = malloc(sizeof(int) * (fn->nblocks ? fn->nblocks : 1));
    int sp = 0, found = 0, visited = 0;
    if (!seen || !stack)
        goto out;
    stack[sp++] = from;
    seen[from] = 1;
    while (sp && !found && visited++ < MAX_SEARCH_BLOCKS) {
        const ir_block *bl = fn->blocks[stack[--sp]];
        for (unsigned i = 0; i < bl->ninsns && !found; i++)
            found = bl->insns[i].op == IR_CALL && releases(rt, bl->insns[i].call, v);
        const ir_term *t = &bl->term;
        int k = ir_nsucc(bl);
        for (int j = 0; j < k; j++)
            if (t->succ[j] >= 0 && !seen[t->succ[j]]) {
                seen[t->succ[j]] = 1;
                stack[sp++] = t->succ[j];
            }
    }
out:
    free(seen);
    free(stack);
    return found;
}

/* The caller fn: marks the out-parameter acquirers it calls and then
 * closes after their failure. */
static void scan_caller(const ir_func *fn, rules_table *rt)
{
    for (unsigned b = 0; b < fn->nblocks; b++) {
        const ir_block *bl = fn->blocks[b];
        for (unsigned i = 0; i < bl->ninsns; i++) {
            const ir_call *c = bl->insns[i].call;
            if (bl->insns[i].op != IR_CALL || !c->usr || c->dst < 0)
                continue;
            const rt_entry *e = rules_lookup(rt, c->usr);
            if (!e || !e->has_acquire || e->acquire.out_arg < 0 || e->acquire.out_count > 0 ||
                e->out_closed_by_callers || (unsigned)e->acquire.out_arg >= c->nargs)
                continue;
            const ir_arg *out = &c->args[e->acquire.out_arg];
            int64_t bad;
            int d = deciding_block(fn, (int)b, i + 1, c->dst);
            if (!out->addr_of || out->place < 0 || d < 0 || !failure_example(e->fail, &bad))
                continue;
            const ir_term *t = &fn->blocks[d]->term;
            int fail_edge = ir_cmp_holds(t->cond.op, bad, t->cond.value) ? 0 : 1;
            if (closes_after(fn, rt, t->succ[fail_edge], out->place)) {
                rt_entry *w = rules_entry(rt, c->usr, "summary");
                if (w)
                    w->out_closed_by_callers = 1;
            }
        }
    }
}

void summary_scan_callers(ir_func *const *fns, size_t n, rules_table *rt)
{
    for (size_t i = 0; i < n; i++)
        scan_caller(fns[i], rt);
}
