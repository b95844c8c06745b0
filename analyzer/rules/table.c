/* table.c — the rules table: families in a small array, rows in insertion
 * order plus an open-addressing hash index keyed by function name (or USR).
 *
 * Writers (rules_family_add, rules_entry) must not run concurrently with
 * anything; once loading is done, any number of threads may call the const
 * accessors (rules_lookup, rules_at, rules_family...) at the same time: they
 * only read.  Every row and family is allocated on its own, so pointers
 * handed out stay valid until rules_table_free().  Every string is a malloc'd
 * copy owned by the table (a loader may replace one with free() + strdup()).
 * This file knows nothing about JSON or the pack format.
 */
#include "rules/table.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct rules_table {
    rt_family **fams;
    int nfams, capfams;
    rt_entry **rows;
    int nrows, caprows;
    int *slots;      /* hash index: row index + 1, 0 = empty slot */
    size_t nslots;   /* a power of two, kept at least twice nrows */
};

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

/* Grows *arr (elements of size sz) so that index n fits; 0 or -1 (OOM). */
static int grow(void **arr, int *cap, int n, size_t sz)
{
    if (n < *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, (size_t)ncap * sz);
    if (!p)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

rules_table *rules_table_new(void)
{
    return calloc(1, sizeof(rules_table));
}

static void family_free(rt_family *f)
{
    if (!f)
        return;
    free(f->name);
    free(f->noun);
    free(f->release_verb);
    free(f->release_fn);
    free(f);
}

static void entry_free(rt_entry *e)
{
    if (!e)
        return;
    free(e->key);
    free(e->pack);
    free(e->acquire.noun);
    free(e->origin);
    free(e);
}

void rules_table_free(rules_table *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->nfams; i++)
        family_free(t->fams[i]);
    for (int i = 0; i < t->nrows; i++)
        entry_free(t->rows[i]);
    free(t->fams);
    free(t->rows);
    free(t->slots);
    free(t);
}

/* ---- families: few of them, a linear scan is the fastest index ---- */

int rules_family_find(const rules_table *t, const char *name)
{
    for (int i = 0; i < t->nfams; i++)
        if (strcmp(t->fams[i]->name, name) == 0)
            return i;
    return -1;
}

int rules_family_add(rules_table *t, const char *name, const char *noun,
                     const char *release_verb, const char *release_fn)
{
    assert(name);
    int i = rules_family_find(t, name);
    if (i >= 0)
        return i;
    if (grow((void **)&t->fams, &t->capfams, t->nfams, sizeof *t->fams) < 0)
        return -1;
    rt_family *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->name = strdup(name);
    f->noun = dup_or_null(noun);
    f->release_verb = dup_or_null(release_verb);
    f->release_fn = dup_or_null(release_fn);
    if (!f->name || (noun && !f->noun) || (release_verb && !f->release_verb) ||
        (release_fn && !f->release_fn)) {
        family_free(f);
        return -1;
    }
    t->fams[t->nfams] = f;
    return t->nfams++;
}

const rt_family *rules_family(const rules_table *t, int i)
{
    assert(i >= 0 && i < t->nfams);
    return t->fams[i];
}

int rules_family_count(const rules_table *t) { return t->nfams; }

/* ---- rows and their hash index ---- */

/* The slot holding key, or the empty slot where it would go. */
static size_t probe(const rules_table *t, const char *key)
{
    size_t mask = t->nslots - 1;
    size_t i = (size_t)hash_str(key) & mask;
    while (t->slots[i] && strcmp(t->rows[t->slots[i] - 1]->key, key) != 0)
        i = (i + 1) & mask;
    return i;
}

static int rehash(rules_table *t, size_t nslots)
{
    int *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
    for (int r = 0; r < t->nrows; r++)
        t->slots[probe(t, t->rows[r]->key)] = r + 1;
    return 0;
}

const rt_entry *rules_lookup(const rules_table *t, const char *key)
{
    if (!t->nslots)
        return NULL;
    int r = t->slots[probe(t, key)];
    return r ? t->rows[r - 1] : NULL;
}

static rt_entry *entry_new(const char *key, const char *pack)
{
    rt_entry *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->key = strdup(key);
    e->pack = dup_or_null(pack);
    if (!e->key || (pack && !e->pack)) {
        entry_free(e);
        return NULL;
    }
    e->fail.kind = RT_FAIL_NONE;
    e->acquire.family = -1;
    e->acquire.out_arg = -1;
    e->acquire.when_arg = -1;
    e->acquire.unless_arg = -1;
    e->transfer_family = -1;
    e->transfer_when_arg = -1;
    e->returns_arg = -1;
    e->copy_from = e->copy_to = -1;
    return e;
}

rt_entry *rules_entry(rules_table *t, const char *key, const char *pack)
{
    assert(key);
    rt_entry *found = (rt_entry *)rules_lookup(t, key);
    if (found)
        return found;
    if ((size_t)(t->nrows + 1) * 2 > t->nslots &&
        rehash(t, t->nslots ? t->nslots * 2 : 64) < 0)
        return NULL;
    if (grow((void **)&t->rows, &t->caprows, t->nrows, sizeof *t->rows) < 0)
        return NULL;
    rt_entry *e = entry_new(key, pack);
    if (!e)
        return NULL;
    t->rows[t->nrows++] = e;
    t->slots[probe(t, key)] = t->nrows;
    return e;
}

int rules_count(const rules_table *t) { return t->nrows; }

const rt_entry *rules_at(const rules_table *t, int i)
{
    assert(i >= 0 && i < t->nrows);
    return t->rows[i];
}
