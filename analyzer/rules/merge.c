/* merge.c — uniting the rows of a call's possible targets (merge.h).  Each
 * argument is classified per row by what the engine would do with a
 * value passed there (engine/walk.c, call_arg), and the classes are united. */
#include "rules/merge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What one row does to a value passed as argument i. */
typedef enum {
    ARG_NONE,      /* nothing: the value stays the caller's, unused */
    ARG_BORROW,    /* uses it, stays the caller's */
    ARG_HALF,      /* shuts it down */
    ARG_RELEASE,   /* releases it */
    ARG_TRANSFER,  /* takes it (perhaps only on some paths or arguments) */
    ARG_OPAQUE,    /* passes it only to code nobody describes */
} arg_class;

static arg_class value_class(const rt_entry *e, uint32_t bit)
{
    if (e->harmless)
        return ARG_NONE;
    if (e->opaque & bit)
        return ARG_OPAQUE;
    if (e->release & bit)
        return ARG_RELEASE;
    if (e->half_release & bit)
        return ARG_HALF;
    if (e->transfer & bit)
        return ARG_TRANSFER;
    return e->borrow & bit ? ARG_BORROW : ARG_NONE;
}

/* What one row does to what argument i points to (&fd passed):
 * 0 keeps it, 1 releases it, 2 takes it. */
static int deref_class(const rt_entry *e, uint32_t bit)
{
    if (e->harmless)
        return 0;
    if ((e->release | e->release_deref) & bit)
        return 1;
    return (e->transfer | e->transfer_deref) & bit ? 2 : 0;
}

static void merge_arg(rt_entry *out, const rt_entry *const *rows, size_t n, unsigned i)
{
    uint32_t bit = 1u << i;
    unsigned seen = 0; /* bit per arg_class */
    unsigned derefs = 0;
    int checks = 1; /* every target that uses it tests it first */
    for (size_t r = 0; r < n; r++) {
        arg_class k = value_class(rows[r], bit);
        seen |= 1u << k;
        derefs |= 1u << deref_class(rows[r], bit);
        if (k == ARG_BORROW || k == ARG_HALF)
            checks &= (rows[r]->checks_first & bit) != 0;
    }
    const unsigned none = 1u << ARG_NONE, borrow = 1u << ARG_BORROW;
    if (seen == 1u << ARG_RELEASE)
        out->release |= bit;
    else if (seen == 1u << ARG_HALF)
        out->half_release |= bit;
    else if (seen == borrow)
        out->borrow |= bit;
    else if (!(seen & ~(none | borrow)))
        ; /* some only borrow, some do not touch it: still the caller's */
    else {
        out->transfer |= bit;
        /* a closed value is misused only if every target uses it */
        if (seen & (none | 1u << ARG_OPAQUE))
            out->opaque |= bit;
    }
    if (checks && (out->borrow | out->half_release) & bit)
        out->checks_first |= bit;
    if (derefs == 1u << 1 && !(out->release & bit))
        out->release_deref |= bit;
    else if (derefs != 1u << 0 && derefs != 1u << 1)
        out->transfer_deref |= bit;
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static int same_acquire(const rt_entry *a, const rt_entry *b)
{
    const rt_acquire *x = &a->acquire, *y = &b->acquire;
    if (!a->has_acquire || !b->has_acquire || x->family != y->family ||
        x->out_arg != y->out_arg || x->out_count != y->out_count ||
        x->when_arg != y->when_arg || x->unless_arg != y->unless_arg ||
        a->fail.kind != b->fail.kind || a->fail.value != b->fail.value)
        return 0;
    if (x->when_arg >= 0 && (x->nwhen != y->nwhen ||
                             memcmp(x->when_values, y->when_values, sizeof x->when_values)))
        return 0;
    return x->unless_arg < 0 || x->unless_max == y->unless_max;
}

/* Acquisition and failure: kept only when every row acquires alike. */
static void merge_acquire(rt_entry *out, const rt_entry *const *rows, size_t n)
{
    for (size_t r = 1; r < n; r++)
        if (!same_acquire(rows[0], rows[r]))
            return;
    if (!rows[0]->has_acquire)
        return;
    out->has_acquire = 1;
    out->acquire = rows[0]->acquire;
    out->fail = rows[0]->fail;
    out->origin = rows[0]->origin;
    for (size_t r = 1; r < n; r++) {
        if (!same_str(out->acquire.noun, rows[r]->acquire.noun))
            out->acquire.noun = NULL; /* the family's noun */
        if (!same_str(out->origin, rows[r]->origin))
            out->origin = NULL;
    }
}

/* Copies, results that alias an argument: kept when every row agrees;
 * otherwise what a row copies from or returns is handed off. */
static void merge_aliases(rt_entry *out, const rt_entry *const *rows, size_t n)
{
    int copy_same = 1, ret_same = 1;
    for (size_t r = 1; r < n; r++) {
        copy_same &= rows[r]->copy_from == rows[0]->copy_from &&
                     rows[r]->copy_to == rows[0]->copy_to;
        ret_same &= rows[r]->returns_arg == rows[0]->returns_arg;
    }
    if (copy_same) {
        out->copy_from = rows[0]->copy_from;
        out->copy_to = rows[0]->copy_to;
    }
    if (ret_same)
        out->returns_arg = rows[0]->returns_arg;
    for (size_t r = 0; r < n; r++) {
        int from = rows[r]->copy_from, ret = rows[r]->returns_arg;
        if (!copy_same && from >= 0 && from < RT_MAX_ARGS)
            out->transfer_deref |= 1u << from;
        if (!ret_same && ret >= 0 && ret < RT_MAX_ARGS) {
            out->transfer |= 1u << ret;
            out->borrow &= ~(1u << ret);
            out->release &= ~(1u << ret);
            out->half_release &= ~(1u << ret);
        }
    }
}

/* What a call that returns tells: the range of constants it returns, over
 * the targets that return at all. */
static void merge_returns(rt_entry *out, const rt_entry *const *rows, size_t n)
{
    int all_noreturn = 1, any_nonlocal = 0, returning = 0, ranged = 1;
    for (size_t r = 0; r < n; r++) {
        all_noreturn &= rows[r]->noreturn;
        any_nonlocal |= rows[r]->nonlocal_exit;
        if (rows[r]->noreturn)
            continue;
        if (!rows[r]->has_ret_range) {
            ranged = 0;
            continue;
        }
        if (!returning || rows[r]->ret_min < out->ret_min)
            out->ret_min = rows[r]->ret_min;
        if (!returning || rows[r]->ret_max > out->ret_max)
            out->ret_max = rows[r]->ret_max;
        returning++;
    }
    out->noreturn = all_noreturn;
    /* one longjmp among exits: it unwinds, it does not end the process */
    out->nonlocal_exit = all_noreturn && any_nonlocal;
    out->has_ret_range = ranged && returning > 0;
}

/* Facts about a function itself, not about calling it (runs_once,
 * out_closed_by_callers), and a global's row (global_left_open) do not
 * apply to a call: they stay 0. */
void rules_merge(rt_entry *out, const rt_entry *const *rows, size_t n)
{
    char *key = out->key, *pack = out->pack;
    memset(out, 0, sizeof *out);
    out->key = key;
    out->pack = pack;
    out->fail.kind = RT_FAIL_NONE;
    out->acquire.family = -1;
    out->acquire.out_arg = out->acquire.when_arg = out->acquire.unless_arg = -1;
    out->transfer_family = out->transfer_when_arg = -1;
    out->returns_arg = out->copy_from = out->copy_to = -1;
    if (n == 0)
        return;
    out->harmless = out->pure = out->allocates = 1;
    uint32_t frees = ~0u;
    for (size_t r = 0; r < n; r++) {
        out->harmless &= rows[r]->harmless;
        out->pure &= rows[r]->pure;
        out->allocates &= rows[r]->allocates;
        frees &= rows[r]->frees;
    }
    out->frees = frees;
    for (unsigned i = 0; i < RT_MAX_ARGS && !out->harmless; i++)
        merge_arg(out, rows, n, i);
    merge_acquire(out, rows, n);
    merge_aliases(out, rows, n);
    merge_returns(out, rows, n);
}

/* Replaces the table-owned string *dst with a copy of src; 0 or -1. */
static int set_str(char **dst, const char *src)
{
    if (same_str(*dst, src))
        return 0;
    char *copy = src ? strdup(src) : NULL;
    if (src && !copy)
        return -1;
    free(*dst);
    *dst = copy;
    return 0;
}

const rt_entry *rules_merge_targets(rules_table *t, const char *key,
                                    const char *const *usrs,
                                    const char *const *names, size_t n)
{
    if (n == 0)
        return NULL;
    const rt_entry **rows = malloc(n * sizeof *rows);
    if (!rows)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        rows[i] = usrs[i] && *usrs[i] ? rules_lookup(t, usrs[i]) : NULL;
        if (!rows[i] && names[i])
            rows[i] = rules_lookup(t, names[i]);
        if (!rows[i]) {
            free(rows);
            return NULL;
        }
    }
    rt_entry merged = {0};
    rules_merge(&merged, rows, n);
    free(rows);
    rt_entry *e = rules_entry(t, key, "targets");
    if (!e)
        return NULL;
    char *noun = e->acquire.noun, *origin = e->origin;
    e->acquire.noun = NULL;
    e->origin = NULL;
    if (set_str(&noun, merged.acquire.noun) != 0 || set_str(&origin, merged.origin) != 0)
        merged.has_acquire = 0; /* out of memory: no acquisition rather than a wrong one */
    merged.key = e->key;
    merged.pack = e->pack;
    *e = merged;
    e->acquire.noun = noun;
    e->origin = origin;
    return e;
}
