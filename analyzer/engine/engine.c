/* engine.c — the path walk.  For every acquisition site of a function (and
 * every slot of an out-array such as pipe's int[2]) it explores the CFG from
 * the entry with a set of states per block (identical states are merged, so
 * sequential ifs do not blow up), splits at the acquisition into success and
 * failure, refines integer knowledge on branch conditions, and reports via
 * report.c when a path loses the last reference to an open value, releases it
 * twice, uses it after release, or uses it before checking it.
 * What calls do comes only from the rules table (packs and summaries). */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/loops.h"
#include "engine/walk.h"

#define DEFAULT_BUDGET 400000ul
#define DEFAULT_MEMORY_BUDGET ((size_t)256 << 20)

void eng_options_default(eng_options *opt)
{
    memset(opt, 0, sizeof(*opt));
    opt->budget = DEFAULT_BUDGET;
    opt->memory_budget = DEFAULT_MEMORY_BUDGET;
    for (int i = 0; i < SL_RULE_COUNT; i++)
        opt->enabled[i] = 1;
}

/* ---- the per-function context ---- */

const rt_entry *eng_lookup(const rules_table *rt, const ir_call *c)
{
    if (c->targets_key) /* through a pointer: its targets' rows united */
        return rules_lookup(rt, c->targets_key);
    const rt_entry *e = c->usr && *c->usr ? rules_lookup(rt, c->usr) : NULL;
    if (!e && c->callee)
        e = rules_lookup(rt, c->callee);
    return e;
}

const char *eng_call_name(const ir_call *c)
{
    return c->callee ? c->callee : c->via && *c->via ? c->via : "?";
}

int eng_call_ends_process(const rules_table *rt, const ir_call *c)
{
    const rt_entry *e = eng_lookup(rt, c);
    return c->noreturn || (e && e->noreturn && !e->nonlocal_exit);
}

/* Whether a call of block b never returns: nothing after it runs. */
static int block_ends_process(const rules_table *rt, const ir_block *b)
{
    for (unsigned i = 0; i < b->ninsns; i++)
        if (b->insns[i].call && eng_call_ends_process(rt, b->insns[i].call))
            return 1;
    return 0;
}

/* For an element place "a[k]" of a local array (by its path): returns the
 * array's place and sets *k; -1 otherwise. */
int array_element(const ir_func *fn, int p, int *k)
{
    const ir_place *pl = &fn->places[p];
    if (pl->kind != IR_PLACE_SUB || !fn->places[pl->base].is_array)
        return -1;
    size_t n = strlen(fn->places[pl->base].name);
    const char *suffix = pl->path + n;
    if (strncmp(pl->path, fn->places[pl->base].name, n) || suffix[0] != '[')
        return -1;
    char *end;
    long idx = strtol(suffix + 1, &end, 10);
    if (*end != ']' || end[1] || idx < 0)
        return -1;
    if (k)
        *k = (int)idx;
    return pl->base;
}

/* Whether call c (with entry e) acquires: its argument conditions hold and
 * its out-parameter is a local place. */
static int acquires(const ir_func *fn, const ir_call *c, const rt_entry *e)
{
    const rt_acquire *a = &e->acquire;
    if (!e->has_acquire)
        return 0;
    if (a->when_arg >= 0) {
        if ((unsigned)a->when_arg >= c->nargs || !c->args[a->when_arg].has_const)
            return 0;
        int ok = 0;
        for (int i = 0; i < a->nwhen; i++)
            ok |= c->args[a->when_arg].cval == a->when_values[i];
        if (!ok)
            return 0;
    }
    if (a->unless_arg >= 0 && (unsigned)a->unless_arg < c->nargs &&
        c->args[a->unless_arg].has_const && c->args[a->unless_arg].cval <= a->unless_max)
        return 0;
    if (a->out_arg < 0)
        return 1;
    if ((unsigned)a->out_arg >= c->nargs)
        return 0;
    const ir_arg *arg = &c->args[a->out_arg];
    /* into memory that is not the function's own (&param->field): the
     * caller's, as a store there would be */
    if (arg->place < 0 || fn->places[arg->place].is_memory)
        return 0;
    if (a->out_count > 0)
        return arg->addr_of ? array_element(fn, arg->place, NULL) >= 0
                            : fn->places[arg->place].is_array;
    return arg->addr_of;
}

/* Whether every write of place p is a constant (a status variable: `rc =
 * -1; ... rc = 0; return rc;`, the temporary of `return x ? 1 : 2;`), with
 * their range.  0 for parameters, memory and places whose address escaped. */
static int const_writes(const ir_func *fn, int p, int64_t *lo, int64_t *hi)
{
    const ir_place *pl = &fn->places[p];
    if (pl->is_param || pl->is_memory || fn->places[pl->base].addr_escaped)
        return 0;
    unsigned n = 0;
    for (unsigned b = 0; b < fn->nblocks; b++)
        for (unsigned i = 0; i < fn->blocks[b]->ninsns; i++) {
            const ir_insn *in = &fn->blocks[b]->insns[i];
            if (ir_insn_writes(in) != p)
                continue;
            if (in->op != IR_CONST)
                return 0;
            *lo = !n || in->value < *lo ? in->value : *lo;
            *hi = !n || in->value > *hi ? in->value : *hi;
            n++;
        }
    return n > 0;
}

/* A place is relevant when a condition tests it, or when its value is
 * copied into a relevant place: a fixed point over the copies. */
static void mark_relevant(fn_ctx *F)
{
    const ir_func *fn = F->fn;
    F->relevant = calloc(fn->nplaces ? fn->nplaces : 1, 1);
    for (unsigned p = 0; p < fn->nplaces; p++)
        F->relevant[p] = F->tests[p] > 0;
    /* what a pure call's result is known to be, its memo is too */
    for (unsigned p = 0; p < fn->nplaces; p++)
        if (F->relevant[p] && F->memo_of[p] >= 0)
            F->relevant[F->memo_of[p]] = 1;
    for (int changed = 1; changed;) {
        changed = 0;
        for (unsigned b = 0; b < fn->nblocks; b++) {
            const ir_block *bl = fn->blocks[b];
            for (unsigned i = 0; i < bl->ninsns; i++) {
                const ir_insn *in = &bl->insns[i];
                if ((in->op == IR_COPY || in->op == IR_ADD || in->op == IR_STORE) &&
                    in->dst >= 0 && in->src >= 0 &&
                    F->relevant[in->dst] && !F->relevant[in->src]) {
                    F->relevant[in->src] = 1;
                    changed = 1;
                }
            }
        }
    }
}

static void fn_ctx_init(fn_ctx *F, const ir_func *fn, const rules_table *rt)
{
    memset(F, 0, sizeof(*F));
    F->fn = fn;
    F->rt = rt;
    F->def_callee = calloc(fn->nplaces ? fn->nplaces : 1, sizeof(char *));
    F->tests = calloc(fn->nplaces ? fn->nplaces : 1, sizeof(unsigned));
    F->memo_of = malloc(sizeof(int) * (fn->nplaces ? fn->nplaces : 1));
    for (unsigned p = 0; p < fn->nplaces && F->memo_of; p++)
        F->memo_of[p] = -1;
    F->preds = calloc(fn->nblocks ? fn->nblocks : 1, sizeof(unsigned));
    F->ptr_shared = calloc(fn->nplaces ? fn->nplaces : 1, 1);
    if (!F->ptr_shared)
        abort();
    char *ambiguous = calloc(fn->nplaces ? fn->nplaces : 1, 1);
    for (unsigned b = 0; b < fn->nblocks; b++) {
        const ir_block *bl = fn->blocks[b];
        if (bl->term.kind == IR_T_BRANCH && bl->term.cond.place >= 0)
            F->tests[bl->term.cond.place]++;
        if (bl->term.kind == IR_T_BRANCH && bl->term.cond.vs_value && bl->term.cond.other >= 0)
            F->tests[bl->term.cond.other]++;
        int nsucc = ir_nsucc(bl);
        for (int k = 0; k < nsucc; k++)
            if (bl->term.succ[k] >= 0)
                F->preds[bl->term.succ[k]]++;
        for (unsigned i = 0; i < bl->ninsns; i++) {
            const ir_insn *in = &bl->insns[i];
            if (in->op == IR_CMPSET)
                F->tests[in->src]++;
            if ((in->op == IR_COPY || in->op == IR_STORE || in->op == IR_ESCAPE) && in->src >= 0)
                F->ptr_shared[in->src] = 1;
            if (in->op == IR_STORE && in->dst >= 0 && fn->places[in->dst].is_deref)
                F->stores_out = 1;
            /* a store into a global reads what the global held before (an
             * overwrite of an open descriptor): a test of it */
            if (in->op == IR_STORE && in->dst >= 0 && fn->places[fn->places[in->dst].base].usr)
                F->tests[in->dst]++;
            if (in->op == IR_CALL && in->call->dst >= 0 && in->call->callee) {
                int d = in->call->dst;
                if (F->def_callee[d] && strcmp(F->def_callee[d], in->call->callee))
                    ambiguous[d] = 1;
                F->def_callee[d] = in->call->callee;
            } else if (in->dst >= 0 && in->op != IR_CONST && in->op != IR_CALL) {
                ambiguous[in->dst] = 1;
            }
            if (in->op != IR_CALL)
                continue;
            const rt_entry *e = eng_lookup(rt, in->call);
            if (e && e->pure && in->call->memo >= 0 && in->call->dst >= 0)
                F->memo_of[in->call->dst] = in->call->memo;
            if (!e || !acquires(fn, in->call, e))
                continue;
            int slots = e->acquire.out_arg >= 0 && e->acquire.out_count > 0 ? e->acquire.out_count : 1;
            for (int s = 0; s < slots && s < 64; s++) {
                if (F->nsites == F->sites_cap) {
                    F->sites_cap = F->sites_cap ? F->sites_cap * 2 : 8;
                    F->sites = realloc(F->sites, F->sites_cap * sizeof(site));
                }
                site *st = &F->sites[F->nsites++];
                st->in = in;
                st->block = (int)b;
                st->entry = e;
                st->slot = s;
            }
        }
    }
    for (unsigned p = 0; p < fn->nplaces; p++)
        if (ambiguous[p])
            F->def_callee[p] = NULL;
    /* a status variable returned: its value on the path is the result */
    for (unsigned b = 0; b < fn->nblocks; b++) {
        int64_t lo, hi;
        int r = fn->blocks[b]->term.kind == IR_T_RETURN ? fn->blocks[b]->term.ret_place : -1;
        if (r >= 0 && const_writes(fn, r, &lo, &hi))
            F->tests[r]++;
    }
    /* a test of a pure call's result is a test of its memo; a test of
     * x & mask tells something of x */
    for (unsigned p = 0; p < fn->nplaces; p++)
        if (F->memo_of[p] >= 0)
            F->tests[F->memo_of[p]] += F->tests[p];
    for (unsigned p = 0; p < fn->nplaces; p++)
        if (fn->places[p].derived_from >= 0 && fn->places[p].derived_from != (int)p)
            F->tests[fn->places[p].derived_from] += F->tests[p];
    free(ambiguous);
    mark_relevant(F);
    F->collection = malloc(sizeof(int) * (fn->nplaces ? fn->nplaces : 1));
    if (!F->collection)
        abort();
    /* each array's collection place, then each element's: two passes, not
     * a search per element */
    int *of_array = malloc(sizeof(int) * (fn->nplaces ? fn->nplaces : 1));
    if (!of_array)
        abort();
    for (unsigned p = 0; p < fn->nplaces; p++)
        of_array[p] = -1;
    for (unsigned p = 0; p < fn->nplaces; p++)
        if (fn->places[p].is_collection)
            of_array[fn->places[p].base] = (int)p;
    for (unsigned p = 0; p < fn->nplaces; p++) {
        const ir_place *pl = &fn->places[p];
        F->collection[p] = pl->kind == IR_PLACE_SUB && fn->places[pl->base].is_array
                               ? of_array[pl->base] : -1;
    }
    free(of_array);
    loops_find_cleanups(F); /* out of memory: no cleanup loops, only findings */
}

static void fn_ctx_free(fn_ctx *F)
{
    free(F->sites);
    free(F->def_callee);
    free(F->tests);
    free(F->memo_of);
    free(F->preds);
    free(F->relevant);
    free(F->collection);
    free(F->ptr_shared);
    free(F->cleanup_of);
    free(F->cleanup_call);
}

static eng_effect param_effect(const sum_run *r)
{
    unsigned o = r->outcome;
    if (o & SUM_ESCAPED)
        return EFF_TRANSFER;
    if (o & SUM_RELEASED)
        return o & (SUM_OPEN | SUM_OPEN_SHUT | SUM_OPAQUE) ? EFF_TRANSFER : EFF_RELEASE;
    if ((o & SUM_OPEN_SHUT) && !(o & SUM_OPEN))
        return EFF_HALF_RELEASE;
    if (o & SUM_OPAQUE)
        return EFF_OPAQUE;
    return o & SUM_USED ? EFF_BORROW : EFF_NONE;
}

/* Whether place i is what pointer parameter p points to: its path is "*p"
 * or "p->field" (not a deeper path, not "x & mask"). */
static int deref_place(const ir_func *fn, unsigned i, int p)
{
    const ir_place *pl = &fn->places[i];
    if (pl->kind != IR_PLACE_SUB || pl->base != p || pl->derived_from >= 0)
        return 0;
    const char *name = fn->places[p].name;
    size_t n = strlen(name);
    if (pl->path[0] == '*')
        return !strcmp(pl->path + 1, name);
    if (strncmp(pl->path, name, n) || strncmp(pl->path + n, "->", 2))
        return 0;
    return strcspn(pl->path + n + 2, ".-[&") == strlen(pl->path + n + 2);
}

/* Blocks that can run: reachable from the entry, not past a call that never
 * returns (a noreturn declaration, a pack's exit, a summary's). */
static void live_blocks(const ir_func *fn, const rules_table *rt, char *live)
{
    memset(live, 0, fn->nblocks);
    int *stack = malloc(sizeof(int) * (fn->nblocks ? fn->nblocks : 1));
    if (!stack)
        return;
    int sp = 0;
    stack[sp++] = fn->entry;
    live[fn->entry] = 1;
    while (sp) {
        const ir_block *b = fn->blocks[stack[--sp]];
        const ir_term *t = &b->term;
        int n = block_ends_process(rt, b) ? 0 : ir_nsucc(b);
        for (int k = 0; k < n; k++)
            if (t->succ[k] >= 0 && !live[t->succ[k]]) {
                live[t->succ[k]] = 1;
                stack[sp++] = t->succ[k];
            }
    }
    free(stack);
}

/* Whether fn leaves alone every memory it is not given: no write to a
 * global, a static or what a pointer parameter reaches, no such place (nor
 * its address) given to a callee other than to be borrowed, and every
 * callee a library function or a project function that is silent too. */
static int memory_silent(const ir_func *fn, const rules_table *rt)
{
    if (fn->stores_unseen || fn->with_errors)
        return 0;
    for (unsigned b = 0; b < fn->nblocks; b++)
        for (unsigned i = 0; i < fn->blocks[b]->ninsns; i++) {
            const ir_insn *in = &fn->blocks[b]->insns[i];
            int d = ir_insn_writes(in);
            if (in->op == IR_ESCAPE && in->dst >= 0)
                return 0; /* stored through a parameter */
            if (d >= 0 && fn->places[d].is_memory)
                return 0;
            if (in->op != IR_CALL)
                continue;
            const ir_call *c = in->call;
            const rt_entry *e = eng_lookup(rt, c);
            if (!c->callee || (!c->in_system && !(e && e->memory_silent)))
                return 0;
            for (unsigned a = 0; a < c->nargs; a++) {
                const ir_arg *arg = &c->args[a];
                uint32_t bit = a < RT_MAX_ARGS ? 1u << a : 0;
                if (arg->place < 0 || !(fn->places[arg->place].is_memory ||
                                        fn->places[fn->places[arg->place].base].is_memory))
                    continue;
                /* memory given to a callee: only to be read */
                if (arg->addr_of || (fn->places[arg->place].is_pointer && !arg->readonly) ||
                    !e || !(e->harmless || (e->borrow & bit)))
                    return 0;
            }
        }
    return 1;
}

/* Whether local pointer p only ever holds a new object (every write the
 * result of an allocating call, or NULL) and goes nowhere but back to the
 * caller: no copy, no store, no callee that could keep it. */
static int fresh_local(const ir_func *fn, const rules_table *rt, int p)
{
    const ir_place *pl = &fn->places[p];
    if (pl->is_param || pl->is_memory || !pl->is_pointer || fn->places[pl->base].addr_escaped)
        return 0;
    int allocated = 0;
    for (unsigned b = 0; b < fn->nblocks; b++)
        for (unsigned i = 0; i < fn->blocks[b]->ninsns; i++) {
            const ir_insn *in = &fn->blocks[b]->insns[i];
            if (in->op == IR_CALL) {
                const rt_entry *e = eng_lookup(rt, in->call);
                if (in->call->dst == p) {
                    if (!e || !e->allocates)
                        return 0;
                    allocated = 1;
                }
                for (unsigned a = 0; a < in->call->nargs; a++) {
                    uint32_t bit = a < RT_MAX_ARGS ? 1u << a : 0;
                    if (in->call->args[a].place == p &&
                        (in->call->args[a].addr_of || !e || !(e->harmless || (e->borrow & bit))))
                        return 0;
                }
                continue;
            }
            if (in->op == IR_ESCAPE && in->src == p && !in->value)
                return 0; /* stored through a parameter or elsewhere */
            if ((in->op == IR_COPY || in->op == IR_STORE) && in->src == p)
                return 0;
            if (ir_insn_writes(in) == p && !(in->op == IR_CONST && in->value == 0))
                return 0;
        }
    return allocated;
}

/* Whether fn returns a new object on every path that returns one (an
 * allocation wrapper: conn_new() returning calloc()'s result, or NULL). */
static int allocates(const ir_func *fn, const rules_table *rt)
{
    char *live = fn->returns_pointer ? malloc(fn->nblocks ? fn->nblocks : 1) : NULL;
    if (!live)
        return 0;
    live_blocks(fn, rt, live);
    int any = 0, other = 0;
    for (unsigned b = 0; b < fn->nblocks && !other; b++) {
        const ir_term *t = &fn->blocks[b]->term;
        if (!live[b] || t->kind != IR_T_RETURN || (t->ret_has_const && t->ret_const == 0))
            continue;
        if (t->ret_place >= 0 && fresh_local(fn, rt, t->ret_place))
            any = 1;
        else
            other = 1;
    }
    free(live);
    return any && !other;
}

/* Whether some path from the entry tests place p (a branch or a comparison
 * on it) before anything writes it: the function reads what the caller
 * left there. */
static int tested_before_written(const ir_func *fn, int p)
{
    char *seen = calloc(fn->nblocks ? fn->nblocks : 1, 1);
    int *stack = malloc(sizeof(int) * (fn->nblocks ? fn->nblocks : 1));
    int sp = 0, found = 0;
    if (!seen || !stack)
        goto out;
    stack[sp++] = fn->entry;
    seen[fn->entry] = 1;
    while (sp && !found) {
        const ir_block *bl = fn->blocks[stack[--sp]];
        int written = 0;
        for (unsigned i = 0; i < bl->ninsns && !written && !found; i++) {
            const ir_insn *in = &bl->insns[i];
            found = in->op == IR_CMPSET && in->src == p;
            written = ir_insn_writes(in) == p;
        }
        if (written || found)
            continue;
        if (bl->term.kind == IR_T_BRANCH && bl->term.cond.place == p) {
            found = 1;
            break;
        }
        for (int k = 0; k < ir_nsucc(bl); k++) {
            int s = bl->term.succ[k];
            if (s >= 0 && !seen[s]) {
                seen[s] = 1;
                stack[sp++] = s;
            }
        }
    }
out:
    free(seen);
    free(stack);
    return found;
}

/* Whether fn never returns, and the range of the constants it returns
 * when every return gives one. */
static void return_facts(const ir_func *fn, const rules_table *rt, eng_summary *out)
{
    char *live = malloc(fn->nblocks ? fn->nblocks : 1);
    if (!live)
        return;
    live_blocks(fn, rt, live);
    int returns = 0, nconst = 0;
    int64_t lo = 0, hi = 0;
    for (unsigned b = 0; b < fn->nblocks; b++) {
        const ir_block *bl = fn->blocks[b];
        /* a block whose call never returns does not reach its return */
        if (!live[b] || bl->term.kind != IR_T_RETURN || block_ends_process(rt, bl))
            continue;
        returns++;
        int64_t vlo = bl->term.ret_const, vhi = bl->term.ret_const;
        if (!bl->term.ret_has_const &&
            !(bl->term.ret_place >= 0 && const_writes(fn, bl->term.ret_place, &vlo, &vhi)))
            continue;
        lo = !nconst || vlo < lo ? vlo : lo;
        hi = !nconst || vhi > hi ? vhi : hi;
        nconst++;
    }
    out->noreturn = returns == 0 && !fn->is_main;
    out->has_ret_range = returns > 0 && nconst == returns;
    out->ret_min = lo;
    out->ret_max = hi;
    free(live);
}

/* Failure condition of a function storing its result through a parameter:
 * from the constants it returns with and without the value. */
static int handed_fail(const sum_run *r, rt_fail *fail)
{
    if (r->ret_unknown[0] || !r->ret_n[0])
        return 0;
    /* success is exactly 0 (systemd's `return -errno` elsewhere): any other
     * value means failure, whichever way the caller tests it */
    int bad_has_zero = r->ret_n[1] && r->ret_min[1] <= 0 && r->ret_max[1] >= 0;
    if (r->ret_min[0] == 0 && r->ret_max[0] == 0 && !bad_has_zero) {
        fail->kind = RT_FAIL_NONZERO;
        return 1;
    }
    if (r->ret_min[0] >= 0 && !r->ret_unknown[1] && r->ret_n[1] && r->ret_max[1] < 0) {
        fail->kind = RT_FAIL_NEGATIVE;
        return 1;
    }
    /* some failing returns leave the value in *out (the function's own
     * leak, reported there): its failed acquisition says what failure is */
    if (r->fail_n && !r->fail_unknown && r->fail_max < 0 && r->ret_max[0] >= 0) {
        /* success is then the non-negative values it returns: exactly 0,
         * or any */
        fail->kind = r->ret_max[0] == 0 ? RT_FAIL_NONZERO : RT_FAIL_NEGATIVE;
        return 1;
    }
    return 0;
}

static void describe_origin(const fn_ctx *F, const site *st, eng_summary *out)
{
    const char *file = st->in->loc.file ? st->in->loc.file : "";
    const char *base = strrchr(file, '/');
    snprintf(out->origin, sizeof out->origin, "%s:%u: %s()", base ? base + 1 : file,
             st->in->loc.line, eng_call_name(st->in->call));
    const rt_acquire *a = &st->entry->acquire;
    const rt_family *fam = a->family >= 0 ? rules_family(F->rt, a->family) : NULL;
    snprintf(out->noun, sizeof out->noun, "%s",
             a->noun ? a->noun : fam && fam->noun ? fam->noun : "resource");
    out->family = a->family;
}

/* The effect on one value held by places[0..n-1] at entry. */
static eng_effect summarize_places(fn_ctx *F, const int *places, unsigned n)
{
    sum_run r;
    memset(&r, 0, sizeof r);
    F->sum = &r;
    F->visits = 0;
    return walk_params(F, places, n, 0) ? EFF_UNKNOWN : param_effect(&r);
}

/* Whether the function tests parameter place before using it: given the
 * failure value (-1, NULL), no call uses it. */
static int checks_first(fn_ctx *F, int place)
{
    sum_run r;
    memset(&r, 0, sizeof r);
    F->sum = &r;
    F->visits = 0;
    return !walk_params(F, &place, 1, 1) && !(r.outcome & SUM_USED_FAILED);
}

static eng_effect summarize_param(fn_ctx *F, int place)
{
    return summarize_places(F, &place, 1);
}

void eng_summarize(const ir_func *fn, const rules_table *rt, eng_summary *out)
{
    eng_options opt;
    eng_options_default(&opt);
    opt.budget = 50000;
    fn_ctx F;
    fn_ctx_init(&F, fn, rt);
    F.opt = &opt;
    F.budget = opt.budget;
    F.memory_budget = DEFAULT_MEMORY_BUDGET;
    memset(out, 0, sizeof(*out));
    out->out_arg = -1;
    out->nparams = fn->nparams < RT_MAX_ARGS ? fn->nparams : RT_MAX_ARGS;
    for (unsigned p = 0; p < out->nparams; p++) {
        if (fn->places[p].is_array || fn->places[p].is_record || fn->places[p].is_text) {
            out->param[p] = EFF_BORROW;
            continue;
        }
        out->param[p] = summarize_param(&F, (int)p);
        if (out->param[p] == EFF_BORROW || out->param[p] == EFF_HALF_RELEASE)
            out->checks_first[p] = checks_first(&F, (int)p);
        if (!fn->places[p].is_pointer)
            continue;
        /* what it points to: *p and the p->field places read through it */
        int deref[RT_MAX_ARGS];
        unsigned nd = 0;
        for (unsigned i = 0; i < fn->nplaces && nd < RT_MAX_ARGS; i++)
            if (deref_place(fn, i, (int)p))
                deref[nd++] = (int)i;
        out->deref[p] = nd ? summarize_places(&F, deref, nd) : EFF_UNKNOWN;
    }
    for (unsigned i = 0; i < F.nsites && !out->acquires; i++) {
        sum_run r;
        memset(&r, 0, sizeof r);
        r.handed_param = -2;
        F.sum = &r;
        F.visits = 0;
        F.budget = opt.budget;
        const site *st = &F.sites[i];
        if (walk_site(&F, st, NULL))
            continue;
        if (r.outcome & SUM_RETURNED) {
            const rt_acquire *a = &st->entry->acquire;
            out->acquires = 1;
            /* what the caller tests: NULL for a pointer, < 0 for a number */
            out->fail = fn->returns_pointer ? (rt_fail){RT_FAIL_NULL, 0}
                        : a->out_arg < 0 && st->entry->fail.kind == RT_FAIL_NEGATIVE
                            ? st->entry->fail
                            : (rt_fail){RT_FAIL_NEGATIVE, 0};
            /* a wrapper whose every failing path ends the process hands out
             * only values that are valid */
            if (st->entry->fail.kind != RT_FAIL_NONE && !(r.outcome & SUM_FAILED_RETURN) &&
                a->out_arg < 0)
                out->fail = (rt_fail){RT_FAIL_NONE, 0};
            describe_origin(&F, st, out);
        } else if ((r.outcome & SUM_HANDED) && r.handed_param >= 0 &&
                   !(r.outcome & SUM_RETURNED) && handed_fail(&r, &out->fail)) {
            out->acquires = 1;
            out->out_arg = r.handed_param;
            /* `if (*fd < 0) *fd = socket(...)`: it looks at the old value */
            for (unsigned p = 0; p < fn->nplaces; p++)
                if (fn->places[p].is_deref && fn->places[p].base == r.handed_param &&
                    tested_before_written(fn, (int)p))
                    out->reads_old = 1;
            describe_origin(&F, st, out);
        }
    }
    return_facts(fn, rt, out);
    out->memory_silent = memory_silent(fn, rt);
    out->allocates = !out->acquires && allocates(fn, rt);
    if (out->acquires) /* its result is a handle, not a constant */
        out->has_ret_range = 0;
    fn_ctx_free(&F);
}

eng_status eng_analyze(const ir_func *fn, const rules_table *rt, const eng_options *opt,
                       finding_list *out)
{
    eng_options defaults;
    if (!opt) {
        eng_options_default(&defaults);
        opt = &defaults;
    }
    fn_ctx F;
    fn_ctx_init(&F, fn, rt);
    F.opt = opt;
    F.budget = opt->budget ? opt->budget : DEFAULT_BUDGET;
    F.memory_budget = opt->memory_budget ? opt->memory_budget : DEFAULT_MEMORY_BUDGET;
    finding_list local = {NULL, 0, 0};
    eng_status st = ENG_OK;
    for (unsigned i = 0; i < F.nsites && st == ENG_OK; i++)
        if (walk_site(&F, &F.sites[i], &local) != 0)
            st = ENG_BUDGET;
    if (st == ENG_OK)
        finding_list_take(out, &local);
    finding_list_clear(&local);
    fn_ctx_free(&F);
    return st;
}
