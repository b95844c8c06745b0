/* walk.c — explores the paths of one function for one acquisition site:
 * a FIFO worklist of (block, state) with a set of seen states per block, and
 * the transfer function of every instruction and terminator.  Findings are
 * built by emit.c; nothing here knows about wording. */
#include <stdlib.h>
#include <string.h>

#include "engine/walk.h"

typedef struct seen_slot {
    state *st;
    unsigned hash;
} seen_slot;

typedef struct seen_set {
    seen_slot *slots;
    unsigned cap, n;
} seen_set;

typedef struct item {
    int block;
    state *st;
} item;

typedef struct dedupe {
    sl_rule rule;
    unsigned line, col;
} dedupe;

typedef struct run {
    ir_loc *released_at;   /* exits that a path reaches with the value released */
    size_t nreleased, released_cap;
    fn_ctx *F;
    const site *S;
    arena *a;
    seen_set *seen;
    item *wl;
    size_t head, tail, cap;
    dedupe *done;
    size_t ndone, done_cap;
    finding_list *out;
    int over;
    /* out-parameters: returns whose value is still in *p, judged at the
     * end against the failure values the failed acquisition returned */
    struct out_return {
        state *st;
        ir_loc loc;
        int block;
        int64_t value;
    } *outs;
    size_t nouts, outs_cap;
    int64_t fail_vals[4];
    long long ret;         /* the failure value of the EX_OUT_FAIL reported */
    unsigned nfail_vals, fail_unknown, success_returns;
} run;

static const ir_place *place(const run *R, int p) { return &R->F->fn->places[p]; }

static tnode *node(run *R, const state *st, tnode_kind kind, ir_loc loc, const char *callee,
                   int place_);

/* ---- reporting with de-duplication: one per (rule, site, location) ---- */

static sl_rule rule_of(exit_kind k, const state *st)
{
    switch (k) {
    case EX_DOUBLE: return SL_RULE_DOUBLE_CLOSE;
    case EX_USE_AFTER: return SL_RULE_USE_AFTER_CLOSE;
    case EX_USE_BEFORE: return SL_RULE_USE_BEFORE_CHECK;
    default: return st->shut ? SL_RULE_SHUTDOWN_WITHOUT_CLOSE : SL_RULE_RESOURCE_LEAK;
    }
}

static void report_jump(run *R, const state *st, exit_kind kind, ir_loc loc, int block,
                        int place, const char *callee, int jump);

static void report(run *R, const state *st, exit_kind kind, ir_loc loc, int block, int place,
                   const char *callee)
{
    report_jump(R, st, kind, loc, block, place, callee, 0);
}

/* Remembers that a path reaches exit loc with the value already released:
 * a fix inserting a release there would release it twice. */
static void note_released_exit(run *R, ir_loc loc)
{
    if (R->nreleased == R->released_cap) {
        R->released_cap = R->released_cap ? R->released_cap * 2 : 8;
        R->released_at = realloc(R->released_at, R->released_cap * sizeof(ir_loc));
    }
    R->released_at[R->nreleased++] = loc;
}

/* A value known to be 0, 1 or 2 on this path is stdin, stdout or stderr
 * (the daemon idiom: open /dev/null, dup2 it onto 0-2, close it if > 2). */
static int is_std_stream(const run *R, const state *st, int place)
{
    /* descriptors: returned with failure < 0, or written into an int array
     * (pipe, socketpair) */
    const rt_acquire *a = R->S ? &R->S->entry->acquire : NULL;
    if (place < 0 || !a ||
        (a->out_arg < 0 ? R->S->entry->fail.kind != RT_FAIL_NEGATIVE : a->out_count <= 0))
        return 0;
    ival v = st_val(st, place);
    /* only after a test against a standard descriptor's number: `fd > 0`
     * leaving 0 is the classic bug of forgetting that 0 is a descriptor */
    return st->std_tested && v.n > 0 && v.lo[0] >= 0 && v.hi[v.n - 1] <= 2;
}

static void report_jump(run *R, const state *st, exit_kind kind, ir_loc loc, int block,
                        int place, const char *callee, int jump)
{
    if (kind <= EX_LONGJMP && is_std_stream(R, st, place))
        return;
    sl_rule rule = rule_of(kind, st);
    if (R->F->sum && kind == EX_USE_BEFORE)
        R->F->sum->outcome |= SUM_USED_FAILED;
    if (R->F->sum) {
        if (kind <= EX_LONGJMP) /* lost inside the callee: still the caller's */
            R->F->sum->outcome |= st->shut ? SUM_OPEN_SHUT : SUM_OPEN;
        return;
    }
    if (!R->F->opt->enabled[rule])
        return;
    for (size_t i = 0; i < R->ndone; i++)
        if (R->done[i].rule == rule && R->done[i].line == loc.line && R->done[i].col == loc.col)
            return;
    if (R->ndone == R->done_cap) {
        R->done_cap = R->done_cap ? R->done_cap * 2 : 8;
        R->done = realloc(R->done, R->done_cap * sizeof(dedupe));
    }
    R->done[R->ndone].rule = rule;
    R->done[R->ndone].line = loc.line;
    R->done[R->ndone++].col = loc.col;
    event ev = {kind, loc, block, place, callee, jump, R->ret};
    emit_finding(R->F, R->S, st, &ev, R->out);
}

/* ---- objects this function allocated, memory that follows the value ---- */

/* A pointer place p holds an object allocated on this path that has not
 * escaped: kept among the values under the key -2 - p (no place has a
 * negative number). */
static int fresh_key(int p) { return -2 - p; }

static int is_fresh(const state *st, int p)
{
    int64_t v;
    return iv_single(st_val(st, fresh_key(p)), &v) && v == 1;
}

static void set_fresh(run *R, state *s, int p, int fresh)
{
    if (fresh)
        st_set_val(R->a, s, fresh_key(p), iv_range(1, 1));
    else
        st_forget_val(s, fresh_key(p));
}

/* A global or static (the root of mp is one). */
static int global_rooted(const run *R, int mp)
{
    const ir_place *root = place(R, place(R, mp)->base);
    return root->is_memory && root->kind == IR_PLACE_VAR;
}

/* Whether a handle stored into memory place mp stays this function's to
 * follow: mp is a global (owned by it once the function returns) or a field
 * of an object this path allocated and still alone knows. */
static int followed_memory(const run *R, const state *st, int mp)
{
    const ir_place *pm = place(R, mp);
    if (!pm->is_memory)
        return 0;
    return global_rooted(R, mp) || (pm->kind == IR_PLACE_SUB && is_fresh(st, pm->base));
}

/* Whether the value is held by a global (or a field of one). */
static int held_by_global(const run *R, const state *st)
{
    for (unsigned i = 0; i < st->nh; i++)
        if (place(R, st->holders[i])->is_memory && global_rooted(R, st->holders[i]))
            return 1;
    return 0;
}

/* Storing the value into global place mp loses what mp held before: the
 * path does not know mp to be empty (-1, NULL), in the whole program every
 * write of mp stores a fresh descriptor that nothing closes, and this
 * function may run more than once. */
static int overwrites_open_global(const run *R, const state *st, int mp)
{
    char key[512];
    if (R->F->sum || st->status != ST_OPEN || st_holds(st, mp) || !global_rooted(R, mp) ||
        ir_global_key(R->F->fn, mp, key, sizeof key) != 0)
        return 0;
    const rt_entry *e = rules_lookup(R->F->rt, key);
    if (!e || !e->global_left_open || R->F->fn->is_main)
        return 0;
    /* a setup function main calls once: nothing was stored before */
    const rt_entry *self = R->F->fn->usr ? rules_lookup(R->F->rt, R->F->fn->usr) : NULL;
    if (self && self->runs_once)
        return 0;
    ival v = st_val(st, mp);
    return place(R, mp)->is_pointer ? iv_decide(v, IR_NE, 0) != 0 : iv_decide(v, IR_GE, 0) != 0;
}

/* An out-parameter ("*out") holding the value: a return hands it to the
 * caller, unless the return reports failure. */
static int held_through_out(const run *R, const state *st)
{
    for (unsigned i = 0; i < st->nh; i++)
        if (place(R, st->holders[i])->is_deref)
            return 1;
    return 0;
}

/* Memory of the caller's: a field or element reached through a pointer
 * parameter ("c->fd", "*out"). */
static int caller_memory(const run *R, int mp)
{
    const ir_place *pm = place(R, mp);
    return pm->is_memory && pm->kind == IR_PLACE_SUB && place(R, pm->base)->is_param;
}

/* Whether a place of the caller's holds the value: a return hands it over. */
static int held_by_caller(const run *R, const state *st)
{
    for (unsigned i = 0; i < st->nh; i++)
        if (caller_memory(R, st->holders[i]))
            return 1;
    return 0;
}

/* Summary mode: the value left through a hand-off. */
static void note_escape(run *R) { if (R->F->sum) R->F->sum->outcome |= SUM_ESCAPED; }

/* Summary mode: the value went to code nobody describes. */
static void note_opaque(run *R) { if (R->F->sum) R->F->sum->outcome |= SUM_OPAQUE; }

/* The value a return gives on this path, when known: a constant, or a
 * local (`return rc;`) whose value the path knows. */
static int returned_value(const run *R, const state *st, const ir_term *t, int64_t *v)
{
    if (t->ret_has_const) {
        *v = t->ret_const;
        return 1;
    }
    return t->ret_place >= 0 && R->F->relevant[t->ret_place] &&
           iv_single(st_val(st, t->ret_place), v);
}

/* Summary mode: a return on a path in state st. */
static void note_return(run *R, const state *st, const ir_term *t)
{
    sum_run *s = R->F->sum;
    if (!s)
        return;
    /* a new value left in an out-parameter: handed to the caller */
    int out = R->S && st->status == ST_OPEN && held_through_out(R, st);
    if (out) {
        int param = -1;
        for (unsigned i = 0; i < st->nh; i++)
            if (place(R, st->holders[i])->is_deref)
                param = param < 0 || param == place(R, st->holders[i])->base
                            ? place(R, st->holders[i])->base : -3;
        s->outcome |= SUM_HANDED;
        s->handed_param = param >= 0 && (s->handed_param == -2 || s->handed_param == param)
                              ? param : -1;
    } else if (st->status == ST_OPEN && held_by_global(R, st))
        s->outcome |= SUM_ESCAPED; /* kept by a global */
    else if (st->status == ST_OPEN)
        s->outcome |= st->shut ? SUM_OPEN_SHUT : SUM_OPEN;
    if (st->status == ST_RELEASED)
        s->outcome |= SUM_RELEASED;
    if (st->status == ST_FAILED)
        s->outcome |= SUM_FAILED_RETURN;
    int k = st->status == ST_HANDED || out ? 0 : 1;
    int64_t v;
    int known = returned_value(R, st, t, &v);
    if (st->status == ST_FAILED && !known)
        s->fail_unknown++;
    if (st->status == ST_FAILED && known) {
        if (!s->fail_n || v < s->fail_min)
            s->fail_min = v;
        if (!s->fail_n || v > s->fail_max)
            s->fail_max = v;
        s->fail_n++;
    }
    if (!known) {
        s->ret_unknown[k]++;
        return;
    }
    if (!s->ret_n[k] || v < s->ret_min[k])
        s->ret_min[k] = v;
    if (!s->ret_n[k] || v > s->ret_max[k])
        s->ret_max[k] = v;
    s->ret_n[k]++;
}

/* ---- the worklist ---- */

static state *cleanup_loop(run *R, state *st, int b);

static void enqueue(run *R, int b, state *st)
{
    if (!st || R->over)
        return;
    if (R->F->cleanup_of)
        st = cleanup_loop(R, st, b);
    /* the budget counts visits, and the memory the states take: a function
     * whose states are large (many flags known at once) stops as early */
    if (++R->F->visits > R->F->budget || arena_bytes(R->a) > R->F->memory_budget) {
        R->over = 1;
        return;
    }
    seen_set *s = &R->seen[b];
    if (s->n * 2 >= s->cap) {
        unsigned cap = s->cap ? s->cap * 2 : 8;
        seen_slot *slots = arena_alloc(R->a, cap * sizeof(seen_slot));
        for (unsigned i = 0; i < s->cap; i++)
            if (s->slots[i].st) {
                unsigned h = s->slots[i].hash & (cap - 1);
                while (slots[h].st)
                    h = (h + 1) & (cap - 1);
                slots[h] = s->slots[i];
            }
        s->slots = slots;
        s->cap = cap;
    }
    unsigned hash = st_hash(st), h = hash & (s->cap - 1);
    for (; s->slots[h].st; h = (h + 1) & (s->cap - 1))
        if (s->slots[h].hash == hash && st_equal(s->slots[h].st, st))
            return;
    s->slots[h].st = st;
    s->slots[h].hash = hash;
    s->n++;
    if (R->tail == R->cap) {
        R->cap = R->cap ? R->cap * 2 : 64;
        R->wl = realloc(R->wl, R->cap * sizeof(item));
    }
    R->wl[R->tail].block = b;
    R->wl[R->tail++].st = st;
}

/* Facts about memory (globals, fields through pointers, masks) are kept a
 * few at a time: n sequential tests of distinct flags must not multiply the
 * states (each fact splits them). */
#define MAX_MEMORY_FACTS 6

static int memory_fact(const run *R, int p)
{
    return p >= 0 && (place(R, p)->is_memory || place(R, p)->derived_from >= 0);
}

/* When s knows MAX_MEMORY_FACTS memory facts, forgets the one learned
 * first (found by walking its trace back). */
static void make_room_for_fact(run *R, state *s)
{
    unsigned n = 0;
    for (unsigned i = 0; i < s->nv; i++)
        n += memory_fact(R, s->vals[i].place) && !st_holds(s, s->vals[i].place);
    if (n < MAX_MEMORY_FACTS)
        return;
    int oldest = -1;
    for (const tnode *t = s->trace; t; t = t->parent)
        if (t->kind == TN_BRANCH && memory_fact(R, t->place) && !st_holds(s, t->place) &&
            !iv_equal(st_val(s, t->place), iv_full()))
            oldest = t->place;
    if (oldest < 0) /* learned before the acquisition: any of them */
        for (unsigned i = 0; i < s->nv && oldest < 0; i++)
            if (memory_fact(R, s->vals[i].place) && !st_holds(s, s->vals[i].place))
                oldest = s->vals[i].place;
    if (oldest >= 0)
        st_forget_val(s, oldest);
}

/* Records what is known of place p, for places whose value some condition
 * reads; the others would only keep apart states that behave the same. */
static void keep_val(run *R, state *s, int p, ival v)
{
    if (R->F->relevant[p] && !place(R, place(R, p)->base)->addr_escaped) {
        if (memory_fact(R, p) && !st_holds(s, p) && iv_equal(st_val(s, p), iv_full()) &&
            !iv_equal(v, iv_full()))
            make_room_for_fact(R, s);
        st_set_val(R->a, s, p, v);
    }
    int m = R->F->memo_of[p]; /* a pure call's result: its memo learns too */
    if (m >= 0 && R->F->relevant[m])
        st_set_val(R->a, s, m, v);
}

/* ---- holders ---- */

/* Whether place p holds the value, or is a local aggregate containing a
 * place that does. */
static int reaches(const run *R, const state *st, int p)
{
    if (st_holds(st, p))
        return 1;
    if (place(R, p)->kind == IR_PLACE_SUB)
        return 0;
    for (unsigned i = 0; i < st->nh; i++)
        if (place(R, st->holders[i])->base == p)
            return 1;
    return 0;
}

/* Whether writing place p changes place v: v is p, an element or field of
 * root variable p, or derived from such a place ("x & mask", a pure call's
 * memo), or derived from an aggregate p is an element or field of. */
static int written_with(const run *R, int v, int p)
{
    const ir_place *pp = place(R, p);
    for (int depth = 0; v >= 0 && depth < 4; depth++) {
        const ir_place *pv = place(R, v);
        if (v == p || (pv->kind == IR_PLACE_SUB && pv->base == p &&
                       pp->kind != IR_PLACE_SUB))
            return 1;
        /* an element or field of the aggregate v depends on: strcmp(name,
         * "-") after name[0] = 0 */
        if (depth > 0 && pp->kind == IR_PLACE_SUB && pp->base == v)
            return 1;
        v = pv->derived_from;
    }
    return 0;
}

/* Whether place p is what a pointer parameter points to ("*out") and the
 * function never copies or stores that pointer: then only a callee given
 * it can reach *out. */
static int private_deref(const run *R, int p)
{
    return place(R, p)->is_deref && !R->F->ptr_shared[place(R, p)->base];
}

/* Whether call c may write memory it is not given a pointer to (globals,
 * statics, objects others know): a function of the project or one called
 * through a pointer, unless its summary says it writes no memory; a
 * library function writes only through the pointers it is given. */
static int writes_any_memory(const ir_call *c, const rt_entry *e)
{
    return (!c->in_system || !c->callee) && !(e && e->memory_silent);
}

/* What a call may write besides its result and the tracked value: what the
 * places passed by address hold, the fields reached through the pointers it
 * is given, and, for a callee of the project or one called through a
 * pointer, every global, static and field through a parameter.  Returns st
 * itself when nothing known changes, else a copy that forgot it. */
static state *call_clobbers(run *R, state *st, const ir_call *c, const rt_entry *e)
{
    if (!st || !st->nv)
        return st;
    int any_memory = writes_any_memory(c, e);
    state *s = NULL;
    for (unsigned i = (s ? s : st)->nv; i > 0; i--) {
        const state *cur = s ? s : st;
        int v = cur->vals[i - 1].place;
        int clobbered = 0;
        if (v < 0)
            continue;
        for (int m = v, depth = 0; m >= 0 && depth < 4 && !clobbered; depth++) {
            const ir_place *pm = place(R, m);
            /* what a pointer parameter points to ("*out") is reached only
             * through that pointer: by a callee given it; so is a field of
             * an object this path allocated and nobody else knows */
            if (pm->is_memory && any_memory && !private_deref(R, m) &&
                !(pm->kind == IR_PLACE_SUB && is_fresh(st, pm->base)))
                clobbered = 1;
            for (unsigned a = 0; a < c->nargs && !clobbered; a++) {
                int ap = c->args[a].place;
                if (ap < 0)
                    continue;
                if (c->args[a].addr_of)
                    /* what the call acquired into it is known (not NULL) */
                    clobbered = written_with(R, m, ap) && !st_holds(st, m);
                else if (place(R, ap)->is_pointer && !c->args[a].readonly && pm->is_memory &&
                         pm->base == ap && m != ap)
                    clobbered = 1; /* f(o) may change o->flags */
            }
            m = pm->derived_from;
        }
        if (!clobbered)
            continue;
        if (!s)
            s = st_clone(R->a, st);
        st_forget_val(s, v);
    }
    return s ? s : st;
}

static state *drop_place(run *R, state *st, int p, exit_kind why, ir_loc loc, int block);

/* free(c) while a field of c still holds the open value: a leak at the
 * call.  Returns the state that goes on, or NULL. */
static state *call_frees(run *R, state *st, const ir_insn *in, const rt_entry *e, int block)
{
    const ir_call *c = in->call;
    if (!e || !e->frees || st->status == ST_NONE)
        return st;
    for (unsigned i = 0; i < c->nargs && i < RT_MAX_ARGS; i++) {
        int p = c->args[i].place;
        if (!(e->frees & (1u << i)) || p < 0 || c->args[i].addr_of || st_holds(st, p) ||
            !reaches(R, st, p))
            continue;
        for (unsigned h = 0; h < st->nh; h++) {
            int hp = st->holders[h];
            if (place(R, hp)->base != p || place(R, hp)->kind != IR_PLACE_SUB)
                continue;
            if (st->status == ST_OPEN && st->nh == 1)
                report(R, st, EX_FREED, in->loc, block, hp, eng_call_name(c));
            state *s = st_clone(R->a, st);
            st_del_holder(s, hp);
            return s->nh ? s : NULL;
        }
    }
    return st;
}

/* After a call: its result is a new object when the callee allocates; a new
 * object passed to a callee that may keep it is no longer ours alone; a
 * value held by a global may be released by a callee of the project. */
static state *call_objects(run *R, state *st, const ir_call *c, const rt_entry *e)
{
    if (!st)
        return NULL;
    state *s = st;
    for (unsigned i = 0; i < c->nargs; i++) {
        int p = c->args[i].place;
        if (p >= 0 && !c->args[i].addr_of && is_fresh(s, p) && !(e && (e->harmless || e->frees))) {
            if (s == st)
                s = st_clone(R->a, st);
            set_fresh(R, s, p, 0);
        }
    }
    if (e && e->allocates && c->dst >= 0) {
        if (s == st)
            s = st_clone(R->a, st);
        set_fresh(R, s, c->dst, 1);
    }
    /* a handle kept in memory a callee may write (a global, a field of an
     * object others may know) may be released or replaced there */
    int any_memory = writes_any_memory(c, e);
    for (unsigned h = 0; s->status != ST_NONE && h < s->nh; h++) {
        const ir_place *ph = place(R, s->holders[h]);
        if (!ph->is_memory)
            continue;
        int reached = any_memory && !private_deref(R, s->holders[h]); /* *out: through out */
        for (unsigned i = 0; i < c->nargs && !reached && !global_rooted(R, s->holders[h]); i++)
            reached = c->args[i].place == ph->base && !c->args[i].addr_of && !c->args[i].readonly;
        if (reached && (global_rooted(R, s->holders[h]) || !is_fresh(s, ph->base))) {
            note_escape(R);
            return NULL;
        }
    }
    return s;
}

/* Removes p (and, for a root variable, its elements and fields) from the
 * holders and forgets what was known of them.  When that drops the last
 * reference to an open value, reports a leak of the given kind.  Returns the
 * state, or NULL when the path has nothing left to track. */
static state *drop_place_jump(run *R, state *st, int p, exit_kind why, ir_loc loc, int block,
                              int jump);

static void index_changes(run *R, state *st, int p);

static state *drop_place(run *R, state *st, int p, exit_kind why, ir_loc loc, int block)
{
    return drop_place_jump(R, st, p, why, loc, block, 0);
}

static state *drop_place_jump(run *R, state *st, int p, exit_kind why, ir_loc loc, int block,
                              int jump)
{
    int was = 0, last = -1;
    int root = place(R, p)->kind != IR_PLACE_SUB;
    if (root)
        index_changes(R, st, p);
    for (unsigned i = st->nh; i > 0; i--) {
        int h = st->holders[i - 1];
        if (h == p || (root && place(R, h)->base == p && place(R, h)->kind == IR_PLACE_SUB)) {
            st_del_holder(st, h);
            was = 1;
            last = h;
        }
    }
    int lost = was && st->nh == 0;
    int std_stream = lost && is_std_stream(R, st, last);
    /* a memory place overwritten while a local still holds the value: the
     * trace says so (the finding, if any, comes where the local is lost) */
    if (was && !lost && why == EX_OVERWRITE && st->status == ST_OPEN &&
        place(R, last)->is_memory)
        st->trace = node(R, st, TN_OVERWRITTEN, loc, NULL, last);
    for (unsigned i = st->nv; i > 0; i--) {
        int v = st->vals[i - 1].place;
        if (v >= 0 && written_with(R, v, p))
            st_forget_val(st, v);
    }
    if (root) /* a pointer overwritten no longer holds its new object */
        st_forget_val(st, fresh_key(p));
    if (!lost)
        return st;
    if (st->status == ST_OPEN && !std_stream)
        /* a temporary is a call's result that nothing kept */
        report_jump(R, st, place(R, last)->kind == IR_PLACE_TEMP ? EX_DISCARD : why, loc,
                    block, last, NULL, jump);
    else if (st->status == ST_RELEASED)
        note_released_exit(R, loc);
    if (st->status == ST_RELEASED && R->F->sum) /* closep(): close(*p); *p = -1; */
        R->F->sum->outcome |= SUM_RELEASED;
    return NULL;
}

/* A copy of st in which the value was released by callee at loc, through
 * place p. */
static state *released(run *R, const state *st, ir_loc loc, const char *callee, int p)
{
    state *s = st_clone(R->a, st);
    s->status = ST_RELEASED;
    s->shut = 0;
    s->trace = node(R, st, TN_RELEASE, loc, callee, p);
    return s;
}

/* ---- arrays filled at a variable index ---- */

/* Writing index variable p: the elements it named ("fds[i]") cannot be
 * named any more; a value they held is now among the array's collection
 * ("fds[...]"). */
static void index_changes(run *R, state *st, int p)
{
    for (unsigned i = st->nh; i > 0; i--) {
        int h = st->holders[i - 1];
        if (place(R, h)->index == p) {
            st_del_holder(st, h);
            int c = R->F->collection[h];
            if (c >= 0)
                st_add_holder(R->a, st, c);
        }
    }
    for (unsigned i = st->nv; i > 0; i--) {
        int v = st->vals[i - 1].place;
        if (v >= 0 && place(R, v)->index == p)
            st_forget_val(st, v);
    }
}

/* Whether element place p of a local array may be the value the array's
 * collection holds: p names an element the path cannot tell apart from
 * the ones stored earlier. */
static int element_alias(const run *R, const state *st, int p)
{
    int c = R->F->collection[p];
    return c >= 0 && c != p && !st_holds(st, p) && st_holds(st, c);
}

/* A call given an element that may be the value kept in the array: a
 * release releases it (closing every element is how arrays are cleaned
 * up), a hand-off or an unknown callee takes it; nothing is reported,
 * since another element may have been meant. */
static state *alias_arg(run *R, state *st, const ir_insn *in, const rt_entry *e, unsigned i)
{
    const ir_call *c = in->call;
    uint32_t bit = i < RT_MAX_ARGS ? 1u << i : 0;
    if (st->status != ST_OPEN || (e && (e->harmless || !((e->release | e->transfer) & bit))))
        return st;
    if (!e || !(e->release & bit)) {
        note_escape(R);
        return NULL;
    }
    return released(R, st, in->loc, eng_call_name(c), c->args[i].place);
}

/* At the acquisition itself: when the value an earlier pass acquired is
 * kept in memory (an array's collection, a field, a global), a state that
 * goes on following it while the new value goes on untracked.  NULL
 * otherwise. */
static state *earlier_pass(run *R, const state *st, const ir_insn *in, int block)
{
    int kept = 0;
    for (unsigned i = 0; i < st->nh && !kept; i++)
        kept = place(R, st->holders[i])->is_collection || place(R, st->holders[i])->is_memory;
    if (!kept || st->status != ST_OPEN)
        return NULL;
    state *s = st_clone(R->a, st);
    int target = site_target(R->F, R->S);
    if (target >= 0 && !(s = drop_place(R, s, target, EX_OVERWRITE, in->loc, block)))
        return NULL;
    if (in->call->dst >= 0 && in->call->dst != target)
        s = drop_place(R, s, in->call->dst, EX_OVERWRITE, in->loc, block);
    if (s) {
        int c = target >= 0 ? R->F->collection[target] : -1;
        for (unsigned i = 0; i < s->nh && c < 0; i++)
            c = s->holders[i];
        s->trace = node(R, s, TN_AGAIN, in->loc, eng_call_name(in->call), c);
    }
    return s;
}

/* Entering the head of a loop that releases the elements of an array
 * (and fills none): the value kept in that array is released by it. */
static state *cleanup_loop(run *R, state *st, int b)
{
    int a = R->F->cleanup_of[b];
    if (a < 0 || st->status != ST_OPEN)
        return st;
    int held = 0;
    for (unsigned i = 0; i < st->nh && !held; i++)
        held = place(R, st->holders[i])->base == a && place(R, st->holders[i])->kind == IR_PLACE_SUB;
    if (!held)
        return st;
    const ir_insn *rel = R->F->cleanup_call[b];
    return released(R, st, rel->loc, eng_call_name(rel->call), R->F->collection[a]);
}

/* ---- instructions ---- */

static ival fail_range(rt_fail f)
{
    switch (f.kind) {
    case RT_FAIL_NEGATIVE: return iv_range(-1, -1);
    case RT_FAIL_EQ: return iv_range(f.value, f.value);
    case RT_FAIL_NULL: return iv_range(0, 0);
    case RT_FAIL_NONZERO: return iv_meet(iv_full(), IR_NE, 0);
    case RT_FAIL_NONE: break;
    }
    return iv_range(1, 0);
}

static ival success_range(rt_fail f)
{
    switch (f.kind) {
    case RT_FAIL_NEGATIVE: return iv_range(0, INT64_MAX);
    case RT_FAIL_EQ: return iv_meet(iv_full(), IR_NE, f.value);
    case RT_FAIL_NULL: return iv_range(1, INT64_MAX);
    case RT_FAIL_NONZERO: return iv_range(0, 0);
    case RT_FAIL_NONE: break;
    }
    return iv_full();
}

static tnode *node(run *R, const state *st, tnode_kind kind, ir_loc loc, const char *callee,
                   int place_)
{
    tnode *n = arena_alloc(R->a, sizeof(*n));
    n->parent = st ? st->trace : NULL;
    n->kind = kind;
    n->loc = loc;
    n->callee = callee;
    n->place = place_;
    n->block = -1;
    return n;
}

/* Whether call c never returns (a noreturn declaration, a pack's exit, a
 * summary's), longjmp aside. */
static int ends_process(const run *R, const ir_call *c)
{
    return eng_call_ends_process(R->F->rt, c);
}

/* Whether the process ends right after instruction in of block: the next
 * call (past scope ends) never returns, or the block ends the path.  A
 * result discarded there is no leak (`fatal(...)` after a failed setup). */
static int ends_process_after(const run *R, const ir_insn *in, int block)
{
    const ir_block *b = R->F->fn->blocks[block];
    unsigned i = 0;
    while (i < b->ninsns && &b->insns[i] != in)
        i++;
    for (i++; i < b->ninsns; i++) {
        const ir_insn *n = &b->insns[i];
        if (n->op == IR_SCOPE_END)
            continue;
        return n->op == IR_CALL && ends_process(R, n->call);
    }
    return b->term.kind == IR_T_EXIT;
}

/* The acquisition itself: the new value replaces whatever this site tracked. */
static void acquire(run *R, state *st, const ir_insn *in, int block, state **ok, state **failed)
{
    const rt_entry *e = R->S->entry;
    const rt_acquire *a = &e->acquire;
    const ir_call *c = in->call;
    int target = site_target(R->F, R->S);
    *ok = *failed = NULL;
    if (target < 0 && a->out_arg >= 0)
        return; /* an element the front made no place for: not followed */
    if (target >= 0) {
        /* a callee that looks at what target held (and acquires only when
         * it is empty) loses nothing: the old value is not followed */
        if (a->reads_old && st_holds(st, target) && st->status == ST_OPEN) {
            note_escape(R);
            return;
        }
        st = drop_place(R, st, target, EX_OVERWRITE, in->loc, block);
        if (!st)
            return;
    }
    if (c->dst >= 0 && c->dst != target && !(st = drop_place(R, st, c->dst, EX_OVERWRITE, in->loc, block)))
        return;
    state *s = st_clone(R->a, st);
    s->status = ST_OPEN;
    s->shut = s->checked = s->std_tested = 0;
    s->nh = 0; /* what is known of other places (flags) stays */
    s->trace = node(R, NULL, TN_ACQUIRE, in->loc, eng_call_name(c), target);
    if (target >= 0) {
        st_add_holder(R->a, s, target);
        ival v = a->out_arg < 0 ? success_range(e->fail)
                                : iv_range(a->out_count > 0 ? 0 : 1, INT64_MAX);
        keep_val(R, s, target, v);
    }
    if (a->out_arg >= 0 && c->dst >= 0)
        keep_val(R, s, c->dst, success_range(e->fail));
    if (target < 0) {
        if (!ends_process_after(R, in, block))
            report(R, s, EX_DISCARD, in->loc, block, -1, eng_call_name(c));
        s = NULL;
    }
    *ok = s;
    if (e->fail.kind == RT_FAIL_NONE || a->out_arg >= 0 || target < 0)
        return; /* a failed out-parameter acquisition holds nothing */
    state *f = st_clone(R->a, s ? s : st);
    f->status = ST_FAILED;
    f->shut = f->checked = f->std_tested = 0;
    f->nh = 0;
    f->trace = node(R, NULL, TN_ACQUIRE, in->loc, eng_call_name(c), target);
    st_add_holder(R->a, f, target);
    keep_val(R, f, target, fail_range(e->fail));
    *failed = f;
}

typedef struct step {
    state *st[3];          /* up to three states after one instruction: the
                              acquisition's success and failure, and the
                              value an earlier pass left in an array */
} step;

/* What a call with rules entry e does to the tracked value, which reaches it
 * through argument i.  Returns the state after it (NULL: no longer ours);
 * *alt receives a second state for a hand-off that happens only on success. */
static state *call_arg(run *R, state *st, const ir_insn *in, const rt_entry *e, unsigned i,
                       int block, state **alt)
{
    const ir_call *c = in->call;
    if (e->harmless || i >= RT_MAX_ARGS)
        return st;
    uint32_t bit = 1u << i;
    if ((e->opaque & bit) && !c->args[i].addr_of) {
        /* a project function that only passes it on to unknown code: an
         * open value is handed off, a closed one is not "used" */
        note_opaque(R);
        return NULL;
    }
    if (R->F->sum && ((e->borrow | e->half_release) & bit))
        R->F->sum->outcome |= SUM_USED;
    /* release(&zs) releases zs; closep(&fd) releases what its argument points to */
    int releases = ((e->release | (c->args[i].addr_of ? e->release_deref : 0)) & bit) != 0;
    if (c->args[i].addr_of && !releases) /* &fd to an out-parameter or buffer */
        return (e->transfer | e->transfer_deref) & bit ? NULL : st;
    if (releases) {
        if (st->status == ST_RELEASED) {
            report(R, st, EX_DOUBLE, in->loc, block, c->args[i].place, eng_call_name(c));
            return st;
        }
        if (st->status != ST_OPEN)
            return st;
        return released(R, st, in->loc, eng_call_name(c), c->args[i].place);
    }
    if (st->status == ST_RELEASED && ((e->half_release | e->borrow | e->transfer) & bit)) {
        report(R, st, EX_USE_AFTER, in->loc, block, c->args[i].place, eng_call_name(c));
        return st;
    }
    if (st->status == ST_FAILED && !st->checked && ((e->half_release | e->borrow) & bit) &&
        !(e->checks_first & bit)) {
        report(R, st, EX_USE_BEFORE, in->loc, block, c->args[i].place, eng_call_name(c));
        return NULL; /* one note per path is enough */
    }
    if ((e->half_release & bit) && st->status == ST_OPEN) {
        state *s = st_clone(R->a, st);
        s->shut = 1;
        s->trace = node(R, st, TN_SHUTDOWN, in->loc, eng_call_name(c), c->args[i].place);
        return s;
    }
    if ((e->transfer & bit) && e->transfer_when_arg >= 0 &&
        (unsigned)e->transfer_when_arg < c->nargs && c->args[e->transfer_when_arg].has_const &&
        (c->args[e->transfer_when_arg].cval & e->transfer_when_mask) == 0)
        return st; /* BIO_NOCLOSE: the callee only borrows it */
    if (e->transfer & bit) {
        /* a result nobody tests (stored elsewhere at once) cannot tell the
         * paths apart: then the hand-off counts as done */
        if ((e->transfer_on_success & bit) && e->fail.kind != RT_FAIL_NONE && c->dst >= 0 &&
            R->F->relevant[c->dst]) {
            /* still ours when the call fails: do_call keeps that path and
             * records the failing result */
            *alt = st_clone(R->a, st);
            return NULL;
        }
        return NULL;
    }
    return st;
}

/* A call that copies memory (memcpy): when what its source points to holds
 * the value, a local whose address is the destination holds it too; any
 * other destination takes it over (NULL: no longer ours). */
static state *do_copy(run *R, state *st, const ir_insn *in, const rt_entry *e, int block)
{
    const ir_call *c = in->call;
    if (e->copy_from < 0 || e->copy_to < 0 || (unsigned)e->copy_from >= c->nargs ||
        (unsigned)e->copy_to >= c->nargs)
        return st;
    const ir_arg *from = &c->args[e->copy_from], *to = &c->args[e->copy_to];
    if (from->place < 0 || !reaches(R, st, from->place))
        return st;
    if (to->addr_of && to->place >= 0 && !place(R, to->place)->is_memory) {
        state *s = drop_place(R, st_clone(R->a, st), to->place, EX_OVERWRITE, in->loc, block);
        if (s)
            st_add_holder(R->a, s, to->place);
        return s;
    }
    note_escape(R);
    return NULL;
}

/* Applies a call; fills out->st[0..1]. */
static void do_call(run *R, state *st, const ir_insn *in, const rt_entry *e, int block,
                    step *out)
{
    const ir_call *c = in->call;
    out->st[0] = out->st[1] = out->st[2] = NULL;
    state *alt = NULL;
    if (e && st->status != ST_NONE && !(st = do_copy(R, st, in, e, block)))
        return;
    if (st->status != ST_NONE) {
        for (unsigned i = 0; i < c->nargs && st; i++) {
            int p = c->args[i].place;
            if (p >= 0 && !c->args[i].addr_of && element_alias(R, st, p)) {
                st = alias_arg(R, st, in, e, i);
                continue;
            }
            if (p < 0 || !reaches(R, st, p))
                continue;
            if (!e) {
                if (!R->F->opt->assume_borrow) {
                    note_opaque(R);
                    st = NULL;
                }
                continue;
            }
            state *a2 = NULL;
            st = call_arg(R, st, in, e, i, block, &a2);
            if (!st && !(e->opaque & (1u << i)))
                note_escape(R);
            if (a2)
                alt = a2;
        }
    }
    int failed_handoff = 0;
    if (alt && !st) {
        /* conditional hand-off: only the failing path stays ours */
        st = alt;
        failed_handoff = 1;
    }
    if (!st)
        return;
    if (e && e->nonlocal_exit) { /* declared noreturn too, but not an exit */
        if (st->status == ST_OPEN && !held_by_global(R, st))
            report(R, st, EX_LONGJMP, in->loc, block, st->nh ? st->holders[0] : -1,
                   eng_call_name(c));
        return;
    }
    if ((e && e->noreturn) || c->noreturn)
        return;
    if (R->S && in == R->S->in) {
        /* the value of an earlier pass, kept in an array, stays there */
        out->st[2] = earlier_pass(R, st, in, block);
        acquire(R, st, in, block, &out->st[0], &out->st[1]);
        return;
    }
    /* another acquisition through an out-parameter writes its target:
     * curl_url_get(u, part, &url, 0) replaces what url held */
    for (int slot = 0; st && e && e->has_acquire && e->acquire.out_arg >= 0 &&
                       slot < (e->acquire.out_count > 0 ? e->acquire.out_count : 1);
         slot++) {
        site other = {in, block, e, slot};
        int target = site_target(R->F, &other);
        if (target >= 0 && e->acquire.reads_old && st_holds(st, target)) {
            note_escape(R); /* it may keep the old value: not followed */
            st = NULL;
        } else if (target >= 0) {
            st = drop_place(R, st_clone(R->a, st), target, EX_OVERWRITE, in->loc, block);
        }
    }
    if (!st)
        return;
    if (c->dst >= 0) {
        /* the result is an argument itself (BIO_push): it holds what that held */
        int alias = e && e->returns_arg >= 0 && (unsigned)e->returns_arg < c->nargs &&
                    !c->args[e->returns_arg].addr_of && c->args[e->returns_arg].place >= 0 &&
                    st_holds(st, c->args[e->returns_arg].place);
        if (alias && st_holds(st, c->dst)) { /* b = BIO_push(b, x): b still holds it */
            out->st[0] = st;
            return;
        }
        state *s = drop_place(R, st_clone(R->a, st), c->dst, EX_OVERWRITE, in->loc, block);
        if (s && alias) {
            st_add_holder(R->a, s, c->dst);
            out->st[0] = s;
            return;
        }
        if (s && failed_handoff)
            keep_val(R, s, c->dst, fail_range(e->fail));
        else if (s && e && e->has_ret_range)
            keep_val(R, s, c->dst, iv_range(e->ret_min, e->ret_max));
        else if (s && R->F->memo_of[c->dst] >= 0 &&
                 !iv_equal(st_val(s, R->F->memo_of[c->dst]), iv_full()))
            /* the same pure call with the same arguments as before */
            keep_val(R, s, c->dst, st_val(s, R->F->memo_of[c->dst]));
        out->st[0] = s;
    } else {
        out->st[0] = st;
    }
}

/* Whether an unknown place is worth learning about from a test. */
static int learnable(const run *R, const state *st, int p)
{
    int m = R->F->memo_of[p], x = place(R, p)->derived_from;
    return st_holds(st, p) || !iv_equal(st_val(st, p), iv_full()) || R->F->tests[p] >= 2 ||
           (m >= 0 && R->F->tests[m] >= 2) || (x >= 0 && R->F->tests[x] >= 2);
}

/* The value held by src leaves for memory this function does not follow:
 * returned (returned set), stored through parameter param (>= 0), or
 * elsewhere.  Returns the state that goes on (summary mode: handed out
 * through a parameter), or NULL. */
static state *do_escape(run *R, state *st, int src, int param, int returned)
{
    if (!reaches(R, st, src))
        return st;
    if (returned && held_by_global(R, st)) {
        note_escape(R); /* returned, and kept by a global: not the caller's */
    } else if (R->F->sum && R->S && st->status == ST_OPEN && returned) {
        R->F->sum->outcome |= SUM_RETURNED;
    } else if (R->F->sum && R->S && st->status == ST_OPEN && param >= 0 &&
               R->F->fn->places[param].is_param) {
        sum_run *sr = R->F->sum;
        sr->outcome |= SUM_HANDED;
        sr->handed_param = sr->handed_param == -2 || sr->handed_param == param ? param : -1;
        state *s = st_clone(R->a, st);
        s->status = ST_HANDED;
        s->nh = 0;
        return s;
    } else {
        note_escape(R);
    }
    return NULL;
}

static void do_insn(run *R, state *st, const ir_insn *in, int block, step *out)
{
    out->st[0] = out->st[1] = out->st[2] = NULL;
    state *s;
    switch (in->op) {
    case IR_CALL: {
        const rt_entry *e = eng_lookup(R->F->rt, in->call); /* once per call */
        if (!(st = call_frees(R, st, in, e, block)))
            return;
        do_call(R, st, in, e, block, out);
        for (int k = 0; k < 3; k++)
            out->st[k] = call_objects(R, call_clobbers(R, out->st[k], in->call, e), in->call, e);
        return;
    }
    case IR_COPY: {
        if (in->dst == in->src) {
            out->st[0] = st;
            return;
        }
        int holder = st_holds(st, in->src);
        if (!holder && reaches(R, st, in->src))
            return; /* a whole aggregate copied: we stop following it */
        ival v = st_val(st, in->src);
        s = drop_place(R, st_clone(R->a, st), in->dst, EX_OVERWRITE, in->loc, block);
        if (s && is_fresh(s, in->src))
            set_fresh(R, s, in->src, 0); /* two names for the object: not followed */
        if (s && holder)
            st_add_holder(R->a, s, in->dst);
        if (s)
            keep_val(R, s, in->dst, v);
        out->st[0] = s;
        return;
    }
    case IR_CONST:
        s = drop_place(R, st_clone(R->a, st), in->dst, EX_OVERWRITE, in->loc, block);
        if (s)
            keep_val(R, s, in->dst, iv_range(in->value, in->value));
        out->st[0] = s;
        return;
    case IR_HAVOC:
        out->st[0] = drop_place(R, st_clone(R->a, st), in->dst, EX_OVERWRITE, in->loc, block);
        return;
    case IR_NONZERO: {
        ival v = st_val(st, in->src);
        ival after = iv_meet(v, IR_NE, 0);
        if (after.n == 0)
            return; /* dereferencing a NULL pointer: this path crashes */
        if (iv_equal(after, v) || !R->F->relevant[in->src]) {
            out->st[0] = st;
            return;
        }
        s = st_clone(R->a, st);
        keep_val(R, s, in->src, after);
        out->st[0] = s;
        return;
    }
    case IR_ADD: {
        ival v = st_val(st, in->src);
        int64_t x;
        s = drop_place(R, st_clone(R->a, st), in->dst, EX_OVERWRITE, in->loc, block);
        if (s && iv_single(v, &x) && x > INT64_MIN / 2 && x < INT64_MAX / 2 &&
            in->value > INT64_MIN / 2 && in->value < INT64_MAX / 2)
            keep_val(R, s, in->dst, iv_range(x + in->value, x + in->value));
        out->st[0] = s;
        return;
    }
    case IR_CMPSET: {
        ival v = st_val(st, in->src);
        int d = iv_decide(v, in->cmp, in->value);
        int holder = st_holds(st, in->src);
        for (int k = 0; k < 2; k++) {
            int truth = 1 - k;
            if (d >= 0 && d != truth)
                continue;
            s = drop_place(R, st_clone(R->a, st), in->dst, EX_OVERWRITE, in->loc, block);
            if (!s)
                continue;
            if (d < 0 && learnable(R, st, in->src))
                keep_val(R, s, in->src,
                           iv_meet(v, truth ? in->cmp : ir_cmp_negate(in->cmp), in->value));
            if (holder)
                s->checked = 1;
            keep_val(R, s, in->dst, iv_range(truth, truth));
            out->st[k] = s;
        }
        return;
    }
    case IR_ESCAPE:
        out->st[0] = do_escape(R, st, in->src, in->dst, in->value != 0);
        return;
    case IR_STORE: {
        if (!reaches(R, st, in->src)) { /* a value, not the handle: what mp holds now */
            ival v = st_val(st, in->src);
            s = drop_place(R, st_clone(R->a, st), in->dst, EX_OVERWRITE, in->loc, block);
            if (s)
                keep_val(R, s, in->dst, v);
            out->st[0] = s;
            return;
        }
        /* an out-parameter (*out = fd) is followed until the function
         * returns: a failure return must not leave it open; a success
         * return hands it to the caller (a summary's SUM_HANDED) */
        /* so is one stored into the caller's object (c->sock[0] = fd) while
         * the function runs: overwriting it there loses it */
        int out_param = R->S && (place(R, in->dst)->is_deref ||
                                 (!R->F->sum && caller_memory(R, in->dst)));
        if (!st_holds(st, in->src) || !(followed_memory(R, st, in->dst) || out_param)) {
            out->st[0] = do_escape(R, st, in->src, (int)in->value, 0);
            return;
        }
        if (overwrites_open_global(R, st, in->dst))
            report(R, st, EX_OVERWRITE_PREV, in->loc, block, in->dst, NULL);
        ival v = st_val(st, in->src);
        s = drop_place(R, st_clone(R->a, st), in->dst, EX_OVERWRITE, in->loc, block);
        if (s) {
            st_add_holder(R->a, s, in->dst);
            keep_val(R, s, in->dst, v);
            if (s->status == ST_OPEN && place(R, in->src)->kind != IR_PLACE_TEMP)
                s->trace = node(R, st, TN_STORE, in->loc, NULL, in->dst);
        }
        out->st[0] = s;
        return;
    }
    case IR_SCOPE_END:
        s = st_clone(R->a, st);
        for (unsigned i = 0; i < in->nplaces && s; i++)
            s = drop_place_jump(R, s, in->places[i], EX_SCOPE, in->loc, block, (int)in->value);
        out->st[0] = s;
        return;
    case IR_OP_COUNT:
        break;
    }
    out->st[0] = st;
}

/* ---- terminators ---- */

/* For `x == y` between two non-constant values: 1 when they are known equal
 * on this path, 0 when known different, -1 when unknown.  A value this site
 * acquired is fresh: it equals only its own copies, never a value that
 * existed before (`file != stdin`). */
static int same_value(const state *st, const ir_cond *c)
{
    if (st->status != ST_OPEN && st->status != ST_RELEASED)
        return -1;
    int h1 = st_holds(st, c->place), h2 = c->other >= 0 && st_holds(st, c->other);
    if (h1 && h2)
        return 1;
    return h1 != h2 ? 0 : -1;
}

/* fd == STDIN_FILENO, fd != 2, fd > STDERR_FILENO, fd <= 2, fd >= 3 ...:
 * by value, or by the names the code used (`fd > STDIN_FILENO` is
 * deliberate where `fd > 0` is the classic bug) */
static int std_number_test(const ir_term *t)
{
    const ir_cond *c = &t->cond;
    if (t->text && c->value >= 0 && c->value <= 3 &&
        (strstr(t->text, "STDIN_FILENO") || strstr(t->text, "STDOUT_FILENO") ||
         strstr(t->text, "STDERR_FILENO") || strstr(t->text, "fileno(")))
        return 1;
    switch (c->op) {
    case IR_EQ:
    case IR_NE: return c->value >= 0 && c->value <= 2;
    case IR_GT:
    case IR_LE: return c->value == 2;
    case IR_GE:
    case IR_LT: return c->value == 3;
    }
    return 0;
}

/* A comparison of two places read as "place op constant" when the path
 * knows the value of one side; 0 when it knows neither. */
static int known_side(const state *st, const ir_cond *c, int *p, ir_cmpop *op, int64_t *k)
{
    if (!c->vs_value || c->place < 0 || c->other < 0)
        return 0;
    if (iv_single(st_val(st, c->other), k)) {
        *p = c->place;
        *op = c->op;
        return 1;
    }
    if (iv_single(st_val(st, c->place), k)) {
        *p = c->other;
        *op = ir_cmp_mirror(c->op);
        return 1;
    }
    return 0;
}

static void do_branch(run *R, state *st, const ir_block *b)
{
    const ir_term *t = &b->term;
    int p = t->cond.place;
    ir_cmpop cop = t->cond.op;
    int64_t cval = t->cond.value;
    int identity = t->cond.vs_value && (cop == IR_EQ || cop == IR_NE);
    int same = identity ? same_value(st, &t->cond) : -1;
    int plain = p >= 0 && !t->cond.vs_value;
    if (same < 0 && known_side(st, &t->cond, &p, &cop, &cval))
        plain = 1; /* val1_ >= val2_ with val2_ known 0 */
    for (int edge = 0; edge < 2; edge++) {
        state *s = st;
        ival after = iv_full();
        if (same >= 0 && (same == (cop == IR_EQ)) == (edge == 1))
            continue; /* the identity of the values decides this branch */
        if (plain) {
            ir_cmpop op = edge ? ir_cmp_negate(cop) : cop;
            ival v = st_val(st, p);
            /* every holder has the tracked value: what any of them knows */
            for (unsigned h = 0; st_holds(st, p) && h < st->nh; h++)
                v = iv_and(v, st_val(st, st->holders[h]));
            after = iv_meet(v, op, cval);
            if (after.n == 0)
                continue; /* infeasible on this path */
            int holder = st_holds(st, p);
            if (holder || learnable(R, st, p)) {
                s = st_clone(R->a, st);
                keep_val(R, s, p, after);
                /* every holder has the tracked value: all of them learn */
                for (unsigned h = 0; holder && h < s->nh; h++)
                    if (s->holders[h] != p)
                        keep_val(R, s, s->holders[h], after);
                /* x & mask is not 0: then neither is x */
                int x = place(R, p)->derived_from;
                if (x >= 0 && iv_decide(after, IR_NE, 0) == 1 && learnable(R, st, x))
                    keep_val(R, s, x, iv_meet(st_val(s, x), IR_NE, 0));
                if (holder)
                    s->checked = 1;
                if (holder && std_number_test(t))
                    s->std_tested = 1;
            }
            /* a failed acquisition, now known as such: nothing to find,
             * unless a summary asks whether such a path returns at all */
            if (holder && s->status == ST_FAILED && s->checked && !R->F->sum &&
                !R->F->stores_out)
                continue;
        }
        if (s->status != ST_NONE) {
            if (s == st)
                s = st_clone(R->a, st);
            tnode *n = node(R, st, TN_BRANCH, t->loc, NULL, p);
            n->block = b->id;
            n->edge = edge;
            n->after = after;
            s->trace = n;
        }
        enqueue(R, t->succ[edge], s);
    }
}

/* ---- out-parameters ---- */

/* A return after the acquisition failed: its value is the function's
 * failure value. */
static void note_fail_value(run *R, const state *st, const ir_term *t)
{
    int64_t v;
    if (!returned_value(R, st, t, &v)) {
        R->fail_unknown++;
        return;
    }
    for (unsigned i = 0; i < R->nfail_vals; i++)
        if (R->fail_vals[i] == v)
            return;
    if (R->nfail_vals < sizeof R->fail_vals / sizeof R->fail_vals[0])
        R->fail_vals[R->nfail_vals++] = v;
    else
        R->fail_unknown++;
}

/* A return with the value in *out: kept for the end of the walk, when the
 * failure values are known. */
static void note_out_return(run *R, state *st, const ir_term *t, int block)
{
    int64_t v;
    if (!returned_value(R, st, t, &v)) {
        R->success_returns++; /* not known: taken as success */
        return;
    }
    if (R->nouts == R->outs_cap) {
        R->outs_cap = R->outs_cap ? R->outs_cap * 2 : 8;
        R->outs = realloc(R->outs, R->outs_cap * sizeof(*R->outs));
        if (!R->outs)
            abort();
    }
    R->outs[R->nouts].st = st;
    R->outs[R->nouts].loc = t->loc;
    R->outs[R->nouts].block = block;
    R->outs[R->nouts++].value = v;
}

/* Whether v is a failure value: one the failed acquisition returned, or of
 * the same sign when those were all negative (-1, -errno). */
static int failure_value(const run *R, int64_t v)
{
    int negative = 1;
    for (unsigned i = 0; i < R->nfail_vals; i++) {
        if (R->fail_vals[i] == v)
            return 1;
        negative &= R->fail_vals[i] < 0;
    }
    return negative && v < 0;
}

/* At the end of the walk: a return of a failure value with the value still
 * in *out leaks it, when the function also hands it out on success (it
 * tells the two apart) and no caller closes *out after a failure. */
static void judge_out_returns(run *R)
{
    if (!R->nouts || !R->nfail_vals || R->fail_unknown || R->over)
        return;
    const rt_entry *self = R->F->fn->usr ? rules_lookup(R->F->rt, R->F->fn->usr) : NULL;
    if (self && self->out_closed_by_callers)
        return;
    unsigned success = R->success_returns;
    for (size_t i = 0; i < R->nouts; i++)
        success += !failure_value(R, R->outs[i].value);
    if (!success)
        return;
    for (size_t i = 0; i < R->nouts; i++) {
        const struct out_return *o = &R->outs[i];
        if (!failure_value(R, o->value))
            continue;
        int holder = -1;
        for (unsigned h = 0; h < o->st->nh && holder < 0; h++)
            if (place(R, o->st->holders[h])->is_deref)
                holder = o->st->holders[h];
        R->ret = (long long)o->value;
        report(R, o->st, EX_OUT_FAIL, o->loc, o->block, holder, NULL);
    }
}

static void do_term(run *R, state *st, const ir_block *b)
{
    const ir_term *t = &b->term;
    switch (t->kind) {
    case IR_T_GOTO:
        enqueue(R, t->succ[0], st);
        break;
    case IR_T_BRANCH:
        do_branch(R, st, b);
        break;
    case IR_T_RETURN:
        if (R->F->sum) {
            note_return(R, st, t);
            break;
        }
        if (st->status == ST_OPEN && !R->F->fn->is_main && held_through_out(R, st))
            note_out_return(R, st, t, b->id);
        else if (st->status == ST_OPEN && !R->F->fn->is_main && !held_by_global(R, st) &&
                 !held_by_caller(R, st))
            report(R, st, t->implicit ? EX_FALLOFF : EX_RETURN, t->loc, b->id,
                   st->nh ? st->holders[0] : -1, NULL);
        else if (st->status == ST_RELEASED)
            note_released_exit(R, t->loc);
        else if (st->status == ST_FAILED)
            note_fail_value(R, st, t);
        break;
    case IR_T_EXIT:
    case IR_T_NONE:
        break;
    }
}

/* Runs block b's instructions from index i on state st. */
static void run_block(run *R, const ir_block *b, unsigned i, state *st)
{
    for (; st && i < b->ninsns; i++) {
        step out;
        const ir_insn *in = &b->insns[i];
        do_insn(R, st, in, b->id, &out);
        /* summary mode: a failed acquisition whose path goes on somewhere
         * (handed off, dropped) rather than ending the process may reach
         * the caller */
        if (R->F->sum && st->status == ST_FAILED && !out.st[0] && !out.st[1] && !out.st[2] &&
            !(in->op == IR_CALL && ends_process(R, in->call)))
            R->F->sum->outcome |= SUM_FAILED_RETURN;
        for (int k = 1; k < 3; k++)
            if (out.st[k])
                run_block(R, b, i + 1, out.st[k]);
        st = out.st[0];
        /* a path whose value is gone for good has nothing more to say */
        if (st && st->status != ST_NONE && st->status != ST_HANDED && st->nh == 0) {
            if (st->status == ST_RELEASED && R->F->sum)
                R->F->sum->outcome |= SUM_RELEASED;
            if (st->status == ST_FAILED && R->F->sum)
                R->F->sum->outcome |= SUM_FAILED_RETURN;
            st = NULL;
        }
    }
    if (st)
        do_term(R, st, b);
}

static int walk(fn_ctx *F, const site *S, const int *params, unsigned nparams, int failed,
                finding_list *out)
{
    run R;
    memset(&R, 0, sizeof R);
    R.F = F;
    R.S = S;
    R.a = arena_new();
    R.out = out;
    if (!R.a)
        return 1;
    R.seen = arena_alloc(R.a, sizeof(seen_set) * F->fn->nblocks);
    state *init = st_new(R.a);
    for (unsigned i = 0; i < nparams; i++) {
        int ptr = F->fn->places[params[i]].is_pointer;
        init->status = failed ? ST_FAILED : ST_OPEN;
        st_add_holder(R.a, init, params[i]);
        st_set_val(R.a, init, params[i],
                   failed ? iv_range(ptr ? 0 : -1, ptr ? 0 : -1) : iv_range(ptr ? 1 : 0, INT64_MAX));
    }
    size_t first = out ? out->n : 0;
    enqueue(&R, F->fn->entry, init);
    while (R.head < R.tail && !R.over) {
        item it = R.wl[R.head++];
        run_block(&R, F->fn->blocks[it.block], 0, it.st);
    }
    judge_out_returns(&R);
    for (size_t i = first; out && i < out->n; i++)
        for (size_t k = 0; k < R.nreleased; k++)
            if (out->items[i].fix_description && out->items[i].loc.line == R.released_at[k].line &&
                out->items[i].loc.col == R.released_at[k].col)
                finding_drop_fix(&out->items[i]);
    int over = R.over;
    free(R.released_at);
    free(R.outs);
    free(R.wl);
    free(R.done);
    arena_free(R.a);
    return over;
}

int walk_site(fn_ctx *F, const site *S, finding_list *out) { return walk(F, S, NULL, 0, 0, out); }

int walk_params(fn_ctx *F, const int *places, unsigned n, int failed)
{
    return walk(F, NULL, places, n, failed, NULL);
}
