/* loops.c — the natural loops of a function's CFG, for the walk: a loop
 * that releases the elements of a local array (`for (i = 0; i < n; i++)
 * close(fds[i]);`) and stores none is how the array is emptied, so the
 * walk takes entering it as releasing what the array holds, however many
 * passes the path would make. */
#include "engine/loops.h"

#include <stdlib.h>
#include <string.h>

/* Whether call in releases an element of local array a (any index). */
static int releases_element(const fn_ctx *F, const ir_insn *in, int a)
{
    const rt_entry *e = eng_lookup(F->rt, in->call);
    if (!e)
        return 0;
    for (unsigned i = 0; i < in->call->nargs && i < RT_MAX_ARGS; i++) {
        int p = in->call->args[i].place;
        if (p >= 0 && !in->call->args[i].addr_of && (e->release & (1u << i)) &&
            F->collection[p] >= 0 && F->fn->places[p].base == a)
            return 1;
    }
    return 0;
}

/* Whether insn in assigns an element of local array a (a copy, a store,
 * a call's result; not a constant such as -1 after a close). */
static int fills(const fn_ctx *F, const ir_insn *in, int a)
{
    int d = ir_insn_writes(in);
    return d >= 0 && F->fn->places[d].base == a && F->fn->places[d].kind == IR_PLACE_SUB &&
           in->op != IR_CONST;
}

/* Whether an acquisition in the loop's blocks goes into an element of a
 * (fds[i] = socket(), or pipe() writing the array's elements). */
static int acquires_into(const fn_ctx *F, const char *body, int a)
{
    for (unsigned s = 0; s < F->nsites; s++) {
        int t = body[F->sites[s].block] ? site_target(F, &F->sites[s]) : -1;
        if (t >= 0 && F->fn->places[t].base == a)
            return 1;
    }
    return 0;
}

/* Judges the loop of back edge tail -> head, whose blocks are body[]. */
static void judge_loop(fn_ctx *F, int head, const char *body)
{
    const ir_func *fn = F->fn;
    for (unsigned c = 0; c < fn->nplaces; c++) {
        /* the arrays filled at a variable index: those with a collection */
        int a = fn->places[c].base;
        if (!fn->places[c].is_collection || !fn->places[a].is_array)
            continue;
        const ir_insn *rel = NULL;
        int filled = acquires_into(F, body, a);
        for (unsigned b = 0; b < fn->nblocks && !filled; b++) {
            if (!body[b])
                continue;
            for (unsigned i = 0; i < fn->blocks[b]->ninsns && !filled; i++) {
                const ir_insn *in = &fn->blocks[b]->insns[i];
                filled = fills(F, in, a);
                if (!rel && in->op == IR_CALL && releases_element(F, in, a))
                    rel = in;
            }
        }
        if (rel && !filled && F->cleanup_of[head] < 0) {
            F->cleanup_of[head] = a;
            F->cleanup_call[head] = rel;
        }
    }
}

int loops_find_cleanups(fn_ctx *F)
{
    const ir_func *fn = F->fn;
    unsigned n = fn->nblocks;
    int any = 0;
    for (unsigned p = 0; p < fn->nplaces && !any; p++)
        any = fn->places[p].is_collection;
    if (!any || !n)
        return 0;
    F->cleanup_of = malloc(n * sizeof(int));
    F->cleanup_call = calloc(n, sizeof(*F->cleanup_call));
    /* predecessors, as one array with offsets */
    unsigned *start = calloc(n + 1, sizeof(unsigned));
    char *color = calloc(n, 1), *body = malloc(n);
    int *stack = malloc(n * sizeof(int)), *next = calloc(n, sizeof(int));
    int *work = malloc(n * sizeof(int));
    int *pred = NULL;
    int rc = -1;
    if (!F->cleanup_of || !F->cleanup_call || !start || !color || !body || !stack || !next ||
        !work)
        goto out;
    for (unsigned b = 0; b < n; b++) {
        F->cleanup_of[b] = -1;
        for (int k = 0; k < ir_nsucc(fn->blocks[b]); k++)
            if (fn->blocks[b]->term.succ[k] >= 0)
                start[fn->blocks[b]->term.succ[k] + 1]++;
    }
    for (unsigned b = 0; b < n; b++)
        start[b + 1] += start[b];
    pred = malloc((start[n] ? start[n] : 1) * sizeof(int));
    unsigned *fill = calloc(n, sizeof(unsigned));
    if (!pred || !fill) {
        free(fill);
        goto out;
    }
    for (unsigned b = 0; b < n; b++)
        for (int k = 0; k < ir_nsucc(fn->blocks[b]); k++) {
            int s = fn->blocks[b]->term.succ[k];
            if (s >= 0)
                pred[start[s] + fill[s]++] = (int)b;
        }
    free(fill);
    /* depth-first from the entry: an edge to a block on the stack (gray)
     * is a back edge */
    int sp = 0;
    stack[sp++] = fn->entry;
    color[fn->entry] = 1;
    while (sp) {
        int b = stack[sp - 1];
        const ir_block *bl = fn->blocks[b];
        if (next[b] >= ir_nsucc(bl)) {
            color[b] = 2;
            sp--;
            continue;
        }
        int s = bl->term.succ[next[b]++];
        if (s < 0)
            continue;
        if (color[s] == 1) { /* back edge b -> s: the loop's blocks reach b without s */
            memset(body, 0, n);
            body[s] = 1;
            int wn = 0;
            if (!body[b]) {
                body[b] = 1;
                work[wn++] = b;
            }
            while (wn) {
                int x = work[--wn];
                for (unsigned k = start[x]; k < start[x + 1]; k++)
                    if (!body[pred[k]]) {
                        body[pred[k]] = 1;
                        work[wn++] = pred[k];
                    }
            }
            judge_loop(F, s, body);
        } else if (color[s] == 0) {
            color[s] = 1;
            stack[sp++] = s;
        }
    }
    rc = 0;
out:
    free(start);
    free(color);
    free(body);
    free(stack);
    free(next);
    free(work);
    free(pred);
    if (rc != 0) {
        free(F->cleanup_of);
        free(F->cleanup_call);
        F->cleanup_of = NULL;
        F->cleanup_call = NULL;
    }
    return rc;
}
