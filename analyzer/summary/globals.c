/* globals.c — every write and use of a global descriptor variable in the
 * program, to tell whether anything ever closes it (see globals.h).
 *
 * A global that only ever receives fresh descriptors, and that nothing
 * closes, resets, hands on or lets others write through its address, holds
 * an open descriptor whenever it is not in its initial state: overwriting
 * it without looking first loses that descriptor.  The engine reports such
 * an overwrite; this module decides which globals are like that. */
#include "summary/globals.h"

#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

/* What one instruction does to a global place. */
typedef enum {
    G_OPEN_WRITE,   /* stores a descriptor the writer just acquired */
    G_MANAGED,      /* anything else: reset, released, handed on, read out */
} g_kind;

typedef struct g_event {
    char *key;
    g_kind kind;
} g_event;

typedef struct g_log {
    g_event *v;
    size_t n, cap;
    int oom;
    int unknown_code;  /* some call reaches code the program does not have
                          (a project declaration without a definition, a
                          call through a pointer): it may close any global
                          with external linkage */
} g_log;

static void log_event(g_log *g, const ir_func *fn, int p, g_kind kind, int whole_root)
{
    char key[512];
    if (p < 0 || g->oom)
        return;
    if (whole_root) /* its address: every field may change */
        p = fn->places[p].base;
    if (ir_global_key(fn, p, key, sizeof key) != 0)
        return;
    if (whole_root)
        strcat(key, "\x01"); /* sorts right after the root's own key */
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 64;
        g_event *v = realloc(g->v, cap * sizeof(g_event));
        if (!v) {
            g->oom = 1;
            return;
        }
        g->v = v;
        g->cap = cap;
    }
    g->v[g->n].key = strdup(key);
    g->v[g->n++].kind = kind;
    if (!g->v[g->n - 1].key) {
        g->n--;
        g->oom = 1;
    }
}

/* Whether call c acquires a new value into its result. */
static int acquires_result(const rules_table *rt, const ir_call *c)
{
    const rt_entry *e = eng_lookup(rt, c);
    return e && e->has_acquire && e->acquire.out_arg < 0;
}

/* Per place of fn: 1 when every write of it is an acquisition's result or
 * a negative "none yet" constant, so a store of it stores a fresh value. */
static unsigned char *fresh_locals(const ir_func *fn, const rules_table *rt)
{
    unsigned char *acq = calloc(fn->nplaces ? fn->nplaces : 1, 1);
    unsigned char *other = calloc(fn->nplaces ? fn->nplaces : 1, 1);
    if (!acq || !other) {
        free(other);
        free(acq);
        return NULL;
    }
    for (unsigned b = 0; b < fn->nblocks; b++)
        for (unsigned i = 0; i < fn->blocks[b]->ninsns; i++) {
            const ir_insn *in = &fn->blocks[b]->insns[i];
            int d = ir_insn_writes(in);
            if (d < 0)
                continue;
            if (in->op == IR_CALL && acquires_result(rt, in->call))
                acq[d] = 1;
            else if (!(in->op == IR_CONST && in->value < 0))
                other[d] = 1;
        }
    for (unsigned p = 0; p < fn->nplaces; p++)
        acq[p] = acq[p] && !other[p] && !fn->places[p].is_memory && !fn->places[p].is_param;
    free(other);
    return acq;
}

static void scan_function(g_log *g, const ir_func *fn, const rules_table *rt)
{
    unsigned char *fresh = fresh_locals(fn, rt);
    if (!fresh) {
        g->oom = 1;
        return;
    }
    for (unsigned b = 0; b < fn->nblocks; b++)
        for (unsigned i = 0; i < fn->blocks[b]->ninsns; i++) {
            const ir_insn *in = &fn->blocks[b]->insns[i];
            switch (in->op) {
            case IR_STORE:
                log_event(g, fn, in->dst, fresh[in->src] ? G_OPEN_WRITE : G_MANAGED, 0);
                log_event(g, fn, in->src, G_MANAGED, 0); /* read out */
                break;
            case IR_CONST:
            case IR_COPY:
            case IR_HAVOC:
            case IR_ADD:
            case IR_CMPSET:
                log_event(g, fn, in->dst, G_MANAGED, 0);
                if (in->op == IR_COPY)
                    log_event(g, fn, in->src, G_MANAGED, 0);
                break;
            case IR_ESCAPE:
                log_event(g, fn, in->src, G_MANAGED, 0);
                break;
            case IR_CALL: {
                const ir_call *c = in->call;
                const rt_entry *e = eng_lookup(rt, c);
                if (!e && !c->in_system)
                    g->unknown_code = 1;
                log_event(g, fn, c->dst, G_MANAGED, 0);
                for (unsigned a = 0; a < c->nargs; a++) {
                    uint32_t bit = a < RT_MAX_ARGS ? 1u << a : 0;
                    if (c->args[a].place < 0)
                        continue;
                    if (c->args[a].addr_of)
                        log_event(g, fn, c->args[a].place, G_MANAGED, 1);
                    else if (!e || !(e->harmless || (e->borrow & bit) ||
                                     (e->half_release & bit)))
                        log_event(g, fn, c->args[a].place, G_MANAGED, 0);
                }
                break;
            }
            case IR_NONZERO:
            case IR_SCOPE_END:
            case IR_OP_COUNT:
                break;
            }
        }
    free(fresh);
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const g_event *)a)->key, ((const g_event *)b)->key);
}

/* Whether key is root, or a field/element of root ("c:@srv" and
 * "c:@srv.fd"). */
static int within(const char *key, const char *root)
{
    size_t n = strlen(root);
    return !strncmp(key, root, n) && (key[n] == '\0' || key[n] == '.' || key[n] == '[');
}

void summary_scan_globals(ir_func *const *fns, size_t n, rules_table *rt)
{
    g_log g = {NULL, 0, 0, 0, 0};
    for (size_t i = 0; i < n && !g.oom; i++)
        scan_function(&g, fns[i], rt);
    if (!g.oom && g.n)
        qsort(g.v, g.n, sizeof(g_event), by_key);
    /* roots whose address some code takes: none of their keys qualify */
    for (size_t i = 0; i < g.n && !g.oom;) {
        size_t j = i;
        int open = 0, managed = 0;
        for (; j < g.n && !strcmp(g.v[j].key, g.v[i].key); j++) {
            open |= g.v[j].kind == G_OPEN_WRITE;
            managed |= g.v[j].kind == G_MANAGED;
        }
        const char *key = g.v[i].key;
        /* USRs of file statics name their file ("c:x.c@fd"); "c:@fd" is
         * visible to code the program may not have */
        if (g.unknown_code && !strncmp(key, "c:@", 3))
            managed = 1;
        if (open && !managed) {
            for (size_t k = 0; k < g.n && !managed; k++) {
                size_t len = strlen(g.v[k].key);
                if (len && g.v[k].key[len - 1] == '\x01') {
                    g.v[k].key[len - 1] = '\0';
                    managed = within(key, g.v[k].key);
                    g.v[k].key[len - 1] = '\x01';
                }
            }
        }
        if (open && !managed) {
            rt_entry *e = rules_entry(rt, key, "summary");
            if (e)
                e->global_left_open = 1;
        }
        i = j;
    }
    for (size_t i = 0; i < g.n; i++)
        free(g.v[i].key);
    free(g.v);
}
