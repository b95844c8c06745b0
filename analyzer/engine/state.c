/* state.c — the interval domain and the path state of state.h. */
#include "engine/state.h"

#include <string.h>

/* ---- intervals ---- */

ival iv_full(void) { return iv_range(INT64_MIN, INT64_MAX); }

ival iv_range(int64_t lo, int64_t hi)
{
    ival v;
    memset(&v, 0, sizeof v);
    if (lo <= hi) {
        v.lo[0] = lo;
        v.hi[0] = hi;
        v.n = 1;
    }
    return v;
}

/* Adds [lo, hi] (disjoint from and above what v holds) to v, merging into
 * the last interval when v is full. */
static void iv_push(ival *v, int64_t lo, int64_t hi)
{
    if (lo > hi)
        return;
    if (v->n < 2) {
        v->lo[v->n] = lo;
        v->hi[v->n] = hi;
        v->n++;
    } else {
        v->hi[1] = hi; /* hull of the last two: a sound over-approximation */
    }
}

/* a ∩ [lo, hi] appended to out. */
static void meet_range(ival a, int64_t lo, int64_t hi, ival *out)
{
    for (int i = 0; i < a.n; i++) {
        int64_t l = a.lo[i] > lo ? a.lo[i] : lo;
        int64_t h = a.hi[i] < hi ? a.hi[i] : hi;
        iv_push(out, l, h);
    }
}

ival iv_and(ival a, ival b)
{
    ival out;
    memset(&out, 0, sizeof out);
    for (int k = 0; k < b.n; k++)
        meet_range(a, b.lo[k], b.hi[k], &out);
    return out;
}

ival iv_meet(ival a, ir_cmpop op, int64_t c)
{
    ival out;
    memset(&out, 0, sizeof out);
    switch (op) {
    case IR_LT:
        if (c != INT64_MIN)
            meet_range(a, INT64_MIN, c - 1, &out);
        break;
    case IR_LE: meet_range(a, INT64_MIN, c, &out); break;
    case IR_GT:
        if (c != INT64_MAX)
            meet_range(a, c + 1, INT64_MAX, &out);
        break;
    case IR_GE: meet_range(a, c, INT64_MAX, &out); break;
    case IR_EQ: meet_range(a, c, c, &out); break;
    case IR_NE:
        /* both halves, in order, per interval of a */
        for (int i = 0; i < a.n; i++) {
            ival one = iv_range(a.lo[i], a.hi[i]);
            if (c != INT64_MIN)
                meet_range(one, INT64_MIN, c - 1, &out);
            if (c != INT64_MAX)
                meet_range(one, c + 1, INT64_MAX, &out);
        }
        break;
    }
    return out;
}

int iv_decide(ival a, ir_cmpop op, int64_t c)
{
    if (iv_meet(a, op, c).n == 0)
        return 0;
    if (iv_meet(a, ir_cmp_negate(op), c).n == 0)
        return 1;
    return -1;
}

int iv_equal(ival a, ival b)
{
    if (a.n != b.n)
        return 0;
    for (int i = 0; i < a.n; i++)
        if (a.lo[i] != b.lo[i] || a.hi[i] != b.hi[i])
            return 0;
    return 1;
}

int iv_single(ival a, int64_t *v)
{
    if (a.n != 1 || a.lo[0] != a.hi[0])
        return 0;
    *v = a.lo[0];
    return 1;
}

/* ---- states ---- */

state *st_new(arena *a) { return arena_alloc(a, sizeof(state)); }

state *st_clone(arena *a, const state *s)
{
    state *c = arena_alloc(a, sizeof(state));
    *c = *s;
    c->holders = s->nh ? arena_grow(a, s->holders, s->nh, s->nh + 1, sizeof(int)) : NULL;
    c->vals = s->nv ? arena_grow(a, s->vals, s->nv, s->nv + 1, sizeof(pv)) : NULL;
    return c;
}

int st_holds(const state *s, int place)
{
    for (unsigned i = 0; i < s->nh; i++)
        if (s->holders[i] == place)
            return 1;
    return 0;
}

/* Arrays of a cloned state have room for one more element only once, so
 * every insertion re-allocates: states are small. */
void st_add_holder(arena *a, state *s, int place)
{
    if (st_holds(s, place))
        return;
    int *h = arena_alloc(a, sizeof(int) * (s->nh + 1));
    unsigned k = 0, i = 0;
    for (; i < s->nh && s->holders[i] < place; i++)
        h[k++] = s->holders[i];
    h[k++] = place;
    for (; i < s->nh; i++)
        h[k++] = s->holders[i];
    s->holders = h;
    s->nh = k;
}

void st_del_holder(state *s, int place)
{
    unsigned k = 0;
    for (unsigned i = 0; i < s->nh; i++)
        if (s->holders[i] != place)
            s->holders[k++] = s->holders[i];
    s->nh = k;
}

ival st_val(const state *s, int place)
{
    for (unsigned i = 0; i < s->nv; i++)
        if (s->vals[i].place == place)
            return s->vals[i].v;
    return iv_full();
}

void st_forget_val(state *s, int place)
{
    unsigned k = 0;
    for (unsigned i = 0; i < s->nv; i++)
        if (s->vals[i].place != place)
            s->vals[k++] = s->vals[i];
    s->nv = k;
}

void st_set_val(arena *a, state *s, int place, ival v)
{
    for (unsigned i = 0; i < s->nv; i++)
        if (s->vals[i].place == place) {
            s->vals[i].v = v;
            return;
        }
    if (iv_equal(v, iv_full()))
        return;
    pv *n = arena_alloc(a, sizeof(pv) * (s->nv + 1));
    unsigned k = 0, i = 0;
    for (; i < s->nv && s->vals[i].place < place; i++)
        n[k++] = s->vals[i];
    n[k].place = place;
    n[k++].v = v;
    for (; i < s->nv; i++)
        n[k++] = s->vals[i];
    s->vals = n;
    s->nv = k;
}

static unsigned mix(unsigned h, uint64_t v)
{
    h ^= (unsigned)(v ^ (v >> 32));
    return h * 16777619u;
}

unsigned st_hash(const state *s)
{
    unsigned h = 2166136261u;
    h = mix(h, s->status | (unsigned)s->shut << 4 | (unsigned)s->checked << 8 |
                   (unsigned)s->std_tested << 9);
    for (unsigned i = 0; i < s->nh; i++)
        h = mix(h, (uint64_t)s->holders[i]);
    for (unsigned i = 0; i < s->nv; i++) {
        h = mix(h, (uint64_t)s->vals[i].place);
        for (int k = 0; k < s->vals[i].v.n; k++)
            h = mix(mix(h, (uint64_t)s->vals[i].v.lo[k]), (uint64_t)s->vals[i].v.hi[k]);
    }
    return h;
}

int st_equal(const state *a, const state *b)
{
    if (a->status != b->status || a->shut != b->shut || a->checked != b->checked ||
        a->std_tested != b->std_tested ||
        a->nh != b->nh || a->nv != b->nv)
        return 0;
    for (unsigned i = 0; i < a->nh; i++)
        if (a->holders[i] != b->holders[i])
            return 0;
    for (unsigned i = 0; i < a->nv; i++)
        if (a->vals[i].place != b->vals[i].place || !iv_equal(a->vals[i].v, b->vals[i].v))
            return 0;
    return 1;
}
