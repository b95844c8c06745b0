/* summary.c — the call graph, the bottom-up order and the fixed point of
 * summary.h.  A function's summary is recomputed when one of its callees'
 * summaries changes; a function recomputed too often (a recursion that does
 * not settle) is dropped from the table and so treated as unknown.  A call
 * through a pointer with known targets calls each of them; its row, the
 * union of theirs (rules/merge.h), is rewritten before its caller is
 * summarised and once more at the end. */
#include "summary/summary.h"

#include "summary/callers.h"
#include "summary/globals.h"

#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "rules/merge.h"

#define MAX_EVALS_PER_FUNCTION 8

/* A list of function indices. */
typedef struct adj {
    size_t *v;
    size_t n, cap;
} adj;

typedef struct graph {
    ir_func *const *fns;
    size_t n;
    size_t *sorted;      /* indices sorted by usr */
    adj *callers;        /* per function: the functions calling it */
    adj *callees;        /* per function: the functions it calls, directly
                            or through a pointer whose targets are known */
} graph;

static const ir_func *const *g_sort_fns; /* qsort context, single-threaded */

static int by_usr(const void *a, const void *b)
{
    return strcmp(g_sort_fns[*(const size_t *)a]->usr, g_sort_fns[*(const size_t *)b]->usr);
}

static long find(const graph *g, const char *usr)
{
    size_t lo = 0, hi = g->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(g->fns[g->sorted[mid]]->usr, usr);
        if (c == 0)
            return (long)g->sorted[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Adds x to a unless it is there; 0, or -1 when out of memory. */
static int adj_add(adj *a, size_t x)
{
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i] == x)
            return 0;
    if (a->n == a->cap) {
        size_t c = a->cap ? a->cap * 2 : 4;
        size_t *p = realloc(a->v, c * sizeof(size_t));
        if (!p)
            return -1;
        a->v = p;
        a->cap = c;
    }
    a->v[a->n++] = x;
    return 0;
}

/* Records that function f calls the function whose USR is usr, when it is
 * one of the graph's. */
static int add_call(graph *g, size_t f, const char *usr)
{
    long callee = usr ? find(g, usr) : -1;
    if (callee < 0)
        return 0;
    return adj_add(&g->callers[callee], f) == 0 && adj_add(&g->callees[f], (size_t)callee) == 0
               ? 0
               : -1;
}

static int graph_build(graph *g)
{
    g->sorted = malloc((g->n ? g->n : 1) * sizeof(size_t));
    g->callers = calloc(g->n ? g->n : 1, sizeof(adj));
    g->callees = calloc(g->n ? g->n : 1, sizeof(adj));
    if (!g->sorted || !g->callers || !g->callees)
        return -1;
    for (size_t i = 0; i < g->n; i++)
        g->sorted[i] = i;
    g_sort_fns = (const ir_func *const *)g->fns;
    qsort(g->sorted, g->n, sizeof(size_t), by_usr);
    for (size_t f = 0; f < g->n; f++)
        for (unsigned b = 0; b < g->fns[f]->nblocks; b++) {
            const ir_block *bl = g->fns[f]->blocks[b];
            for (unsigned i = 0; i < bl->ninsns; i++) {
                const ir_call *c = bl->insns[i].call;
                if (!c)
                    continue;
                if (add_call(g, f, c->usr) != 0)
                    return -1;
                for (unsigned t = 0; t < c->ntargets; t++)
                    if (add_call(g, f, c->targets[t].usr) != 0)
                        return -1;
            }
        }
    return 0;
}

static void graph_free(graph *g)
{
    for (size_t i = 0; i < g->n; i++) {
        if (g->callers)
            free(g->callers[i].v);
        if (g->callees)
            free(g->callees[i].v);
    }
    free(g->callers);
    free(g->callees);
    free(g->sorted);
}

/* Rewrites the row of each call of f through a pointer with known targets
 * from the targets' rows as they are now. */
static void merge_target_rows(rules_table *rt, const ir_func *f)
{
    for (unsigned b = 0; b < f->nblocks; b++) {
        const ir_block *bl = f->blocks[b];
        for (unsigned i = 0; i < bl->ninsns; i++) {
            const ir_call *c = bl->insns[i].call;
            if (!c || !c->ntargets)
                continue;
            const char **usrs = malloc(2 * c->ntargets * sizeof(char *));
            if (!usrs)
                continue;
            const char **names = usrs + c->ntargets;
            for (unsigned t = 0; t < c->ntargets; t++) {
                usrs[t] = c->targets[t].usr;
                names[t] = c->targets[t].name;
            }
            rules_merge_targets(rt, c->targets_key, usrs, names, c->ntargets);
            free(usrs);
        }
    }
}

/* Writes summary s of f into the table; returns 1 when the row changed. */
static int store(rules_table *rt, const ir_func *f, const eng_summary *s)
{
    rt_entry *e = rules_entry(rt, f->usr, "summary");
    if (!e)
        return 0;
    rt_entry before = *e;
    e->noreturn = s->noreturn ? 1 : 0;
    e->memory_silent = s->memory_silent ? 1 : 0;
    e->allocates = s->allocates ? 1 : 0;
    e->has_ret_range = s->has_ret_range ? 1 : 0;
    e->ret_min = s->ret_min;
    e->ret_max = s->ret_max;
    e->release = e->half_release = e->borrow = e->transfer = e->release_deref = 0;
    e->opaque = e->transfer_deref = e->checks_first = 0;
    for (unsigned p = 0; p < s->nparams; p++) {
        uint32_t bit = 1u << p;
        if (s->checks_first[p])
            e->checks_first |= bit;
        if (s->deref[p] == EFF_RELEASE)
            e->release_deref |= bit;
        if (s->deref[p] == EFF_TRANSFER)
            e->transfer_deref |= bit;
        switch (s->param[p]) {
        case EFF_BORROW: e->borrow |= bit; break;
        case EFF_RELEASE: e->release |= bit; break;
        case EFF_HALF_RELEASE: e->half_release |= bit; break;
        case EFF_UNKNOWN:
        case EFF_TRANSFER: e->transfer |= bit; break;
        case EFF_OPAQUE: e->transfer |= bit; e->opaque |= bit; break;
        case EFF_NONE: break;
        }
    }
    e->has_acquire = s->acquires;
    if (s->acquires) {
        e->fail = s->fail;
        e->acquire.family = s->family;
        e->acquire.out_arg = s->out_arg;
        e->acquire.out_count = 0;
        e->acquire.reads_old = s->reads_old ? 1 : 0;
        if (!e->acquire.noun || strcmp(e->acquire.noun, s->noun)) {
            free(e->acquire.noun);
            e->acquire.noun = strdup(s->noun);
        }
        if (!e->origin || strcmp(e->origin, s->origin)) {
            free(e->origin);
            e->origin = strdup(s->origin);
        }
    }
    return before.noreturn != e->noreturn || before.has_ret_range != e->has_ret_range ||
           before.memory_silent != e->memory_silent || before.allocates != e->allocates ||
           before.ret_min != e->ret_min || before.ret_max != e->ret_max ||
           before.opaque != e->opaque || before.transfer_deref != e->transfer_deref ||
           before.release != e->release || before.half_release != e->half_release ||
           before.release_deref != e->release_deref ||
           before.borrow != e->borrow || before.transfer != e->transfer ||
           before.checks_first != e->checks_first ||
           before.has_acquire != e->has_acquire || before.fail.kind != e->fail.kind ||
           before.acquire.out_arg != e->acquire.out_arg ||
           before.acquire.reads_old != e->acquire.reads_old;
}

/* Whether block b of fn lies on a cycle (a loop body). */
static int in_loop(const ir_func *fn, int b)
{
    char *seen = calloc(fn->nblocks ? fn->nblocks : 1, 1);
    int *stack = malloc(sizeof(int) * (fn->nblocks ? fn->nblocks : 1));
    int sp = 0, found = 0;
    if (seen && stack)
        stack[sp++] = b;
    while (sp && !found) {
        const ir_block *bl = fn->blocks[stack[--sp]];
        const ir_term *t = &bl->term;
        int k = ir_nsucc(bl);
        for (int i = 0; i < k && !found; i++) {
            int s = t->succ[i];
            found = s == b;
            if (s >= 0 && !seen[s]) {
                seen[s] = 1;
                stack[sp++] = s;
            }
        }
    }
    free(seen);
    free(stack);
    return found || !seen || !stack;
}

/* Whether caller calls usr exactly once, outside any loop. */
static int calls_once(const ir_func *caller, const char *usr)
{
    int calls = 0, looped = 0;
    for (unsigned b = 0; b < caller->nblocks; b++)
        for (unsigned i = 0; i < caller->blocks[b]->ninsns; i++) {
            const ir_call *c = caller->blocks[b]->insns[i].call;
            if (caller->blocks[b]->insns[i].op == IR_CALL && c->usr && !strcmp(c->usr, usr)) {
                calls++;
                looped |= in_loop(caller, (int)b);
            }
        }
    return calls == 1 && !looped;
}

/* Marks the functions that run at most once per process: every caller is
 * main or runs once itself, and calls it once, outside loops.  Callers come
 * before callees in the reverse of order; a recursion never runs once. */
static void mark_runs_once(const graph *g, const size_t *order, size_t norder, rules_table *rt)
{
    char *once = calloc(g->n ? g->n : 1, 1);
    if (!once)
        return;
    for (size_t k = norder; k > 0; k--) {
        size_t f = order[k - 1];
        /* a caller through a pointer calls it zero times by name: not once */
        int ok = g->callers[f].n > 0;
        for (size_t i = 0; i < g->callers[f].n && ok; i++) {
            size_t c = g->callers[f].v[i];
            ok = c != f && (g->fns[c]->is_main || once[c]) && calls_once(g->fns[c], g->fns[f]->usr);
        }
        once[f] = (char)ok;
        rt_entry *e = ok ? rules_entry(rt, g->fns[f]->usr, "summary") : NULL;
        if (e)
            e->runs_once = 1;
    }
    free(once);
}

/* Appends every function to order in post-order (callees before callers),
 * with an iterative depth-first walk that resumes each function's list of
 * callees where it left off. */
static void post_order(const graph *g, size_t *order, size_t *norder)
{
    char *state = calloc(g->n ? g->n : 1, 1);
    size_t *stack = malloc((g->n ? g->n : 1) * sizeof(size_t));
    size_t *next = calloc(g->n ? g->n : 1, sizeof(size_t));
    for (size_t root = 0; root < g->n && state && stack && next; root++) {
        if (state[root])
            continue;
        size_t sp = 0;
        stack[sp++] = root;
        state[root] = 1;
        while (sp) {
            size_t f = stack[sp - 1];
            long callee = -1;
            while (callee < 0 && next[f] < g->callees[f].n) {
                size_t k = g->callees[f].v[next[f]++];
                if (!state[k])
                    callee = (long)k;
            }
            if (callee >= 0) {
                state[callee] = 1;
                stack[sp++] = (size_t)callee; /* each function is pushed once */
            } else {
                order[(*norder)++] = f;
                sp--;
            }
        }
    }
    free(state);
    free(stack);
    free(next);
}

int summary_build(ir_func *const *fns, size_t n, rules_table *rt, summary_stats *stats)
{
    summary_stats local;
    summary_stats *st = stats ? stats : &local;
    memset(st, 0, sizeof(*st));
    /* functions without a USR cannot be called by name across files */
    ir_func **kept = malloc((n ? n : 1) * sizeof(ir_func *));
    if (!kept)
        return -1;
    size_t nk = 0;
    for (size_t i = 0; i < n; i++)
        if (fns[i]->usr && *fns[i]->usr)
            kept[nk++] = fns[i];
    graph g = {kept, nk, NULL, NULL, NULL};
    size_t *order = malloc((nk ? nk : 1) * sizeof(size_t));
    size_t *queue = malloc((nk ? nk : 1) * sizeof(size_t));
    unsigned *evals = calloc(nk ? nk : 1, sizeof(unsigned));
    char *queued = calloc(nk ? nk : 1, 1);
    int rc = -1;
    if (!order || !queue || !evals || !queued || graph_build(&g) != 0)
        goto out;
    size_t norder = 0;
    post_order(&g, order, &norder);
    /* a FIFO of functions to (re)compute, seeded in bottom-up order */
    size_t head = 0, count = 0;
    for (size_t i = 0; i < norder; i++) {
        queue[(head + count++) % nk] = order[i];
        queued[order[i]] = 1;
    }
    st->functions = nk;
    /* Start from bottom: a function not summarised yet is a call that ends
     * the path.  Callees come first, so only calls within a recursion see
     * this, and iterating from bottom gives the least fixed point: a
     * recursion whose every way out closes its argument releases it. */
    for (size_t f = 0; f < nk; f++) {
        rt_entry *e = rules_entry(rt, kept[f]->usr, "summary");
        if (e)
            e->noreturn = 1;
    }
    while (count) {
        size_t f = queue[head];
        head = (head + 1) % nk;
        count--;
        queued[f] = 0;
        if (evals[f]++ >= MAX_EVALS_PER_FUNCTION)
            continue;
        merge_target_rows(rt, kept[f]);
        eng_summary s;
        eng_summarize(kept[f], rt, &s);
        st->evaluations++;
        if (!store(rt, kept[f], &s))
            continue;
        for (size_t i = 0; i < g.callers[f].n; i++) {
            size_t c = g.callers[f].v[i];
            if (!queued[c] && count < nk) {
                queued[c] = 1;
                queue[(head + count++) % nk] = c;
            }
        }
    }
    for (size_t f = 0; f < nk; f++) {
        const rt_entry *e = rules_lookup(rt, kept[f]->usr);
        if (evals[f] > MAX_EVALS_PER_FUNCTION) {
            st->unsettled++;
            rt_entry *w = rules_entry(rt, kept[f]->usr, "summary");
            w->noreturn = 0;
            w->has_ret_range = 0;
            w->opaque = 0;
            w->has_acquire = 0;
            w->release = w->half_release = w->borrow = 0;
            w->transfer = ~0u; /* unknown: as if it took ownership */
            continue;
        }
        if (e && e->has_acquire)
            st->acquirers++;
        if (e && (e->release | e->release_deref))
            st->releasers++;
        if (e && (e->has_acquire || e->release || e->release_deref))
            st->wrappers++;
    }
    /* the rows the analysis and the scans below read: from the final
     * summaries, for every function (those without a USR too) */
    for (size_t i = 0; i < n; i++)
        merge_target_rows(rt, fns[i]);
    mark_runs_once(&g, order, norder, rt);
    summary_scan_callers(kept, nk, rt);
    summary_scan_globals(fns, n, rt);
    rc = 0;
out:
    graph_free(&g);
    free(order);
    free(queue);
    free(evals);
    free(queued);
    free(kept);
    return rc;
}
