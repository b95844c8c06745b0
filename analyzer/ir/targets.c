/* targets.c — the targets of calls through pointers (targets.h): setting
 * them on a call, and the program-wide table of stores into
 * function-pointer fields, sorted by field and searched by binary search. */
#include "ir/targets.h"

#include <stdlib.h>
#include <string.h>

#define KEY_PREFIX "targets:"

/* ---- store lists ---- */

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void store_free(tgt_store *s)
{
    free(s->key);
    free(s->name);
    free(s->usr);
}

int tgt_list_add(tgt_list *l, const char *key, const char *name, const char *usr)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        tgt_store *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    tgt_store s = {strdup(key), dup_or_null(name), name ? dup_or_null(usr) : NULL};
    if (!s.key || (name && !s.name) || (name && usr && !s.usr)) {
        store_free(&s);
        return -1;
    }
    l->v[l->n++] = s;
    return 0;
}

void tgt_list_clear(tgt_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        store_free(&l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* ---- the targets of one call ---- */

static int by_usr_then_name(const void *a, const void *b)
{
    const ir_target *x = a, *y = b;
    int c = strcmp(x->usr, y->usr);
    return c ? c : strcmp(x->name, y->name);
}

void tgt_set(ir_func *f, ir_call *c, const ir_target *t, unsigned n)
{
    if (n == 0)
        return;
    for (unsigned i = 0; i < n; i++)
        if (!t[i].usr || !*t[i].usr || !t[i].name)
            return;
    ir_target *v = arena_alloc(f->arena, n * sizeof *v);
    memcpy(v, t, n * sizeof *v);
    qsort(v, n, sizeof *v, by_usr_then_name);
    unsigned k = 0;
    size_t len = sizeof KEY_PREFIX;
    for (unsigned i = 0; i < n; i++) {
        if (k && !strcmp(v[k - 1].usr, v[i].usr))
            continue;
        v[k].name = arena_strdup(f->arena, v[i].name);
        v[k].usr = arena_strdup(f->arena, v[i].usr);
        len += strlen(v[k].usr) + 1;
        k++;
    }
    char *key = arena_alloc(f->arena, len);
    strcpy(key, KEY_PREFIX);
    for (unsigned i = 0; i < k; i++) {
        if (i)
            strcat(key, "|");
        strcat(key, v[i].usr);
    }
    c->targets = v;
    c->ntargets = k;
    c->targets_key = key;
}

/* ---- the program-wide table ---- */

struct tgt_table {
    tgt_list all;
    int sorted;
};

tgt_table *tgt_table_new(void)
{
    return calloc(1, sizeof(tgt_table));
}

void tgt_table_free(tgt_table *t)
{
    if (!t)
        return;
    tgt_list_clear(&t->all);
    free(t);
}

int tgt_table_add(tgt_table *t, const tgt_list *l)
{
    t->sorted = 0;
    for (size_t i = 0; i < l->n; i++)
        if (tgt_list_add(&t->all, l->v[i].key, l->v[i].name, l->v[i].usr) != 0)
            return -1;
    return 0;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const tgt_store *)a)->key, ((const tgt_store *)b)->key);
}

/* The first store into key, and through *n how many there are. */
static const tgt_store *stores_of(const tgt_table *t, const char *key, size_t *n)
{
    size_t lo = 0, hi = t->all.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(t->all.v[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < t->all.n && !strcmp(t->all.v[end].key, key))
        end++;
    *n = end - lo;
    return *n ? &t->all.v[lo] : NULL;
}

/* Whether something other than a function reached a field of the record
 * that holds field (a field's USR ends in "@FI@" and its name). */
static int record_unknown(const tgt_table *t, const char *field)
{
    const char *at = NULL;
    for (const char *p = strstr(field, "@FI@"); p; p = strstr(p + 1, "@FI@"))
        at = p;
    if (!at)
        return 1;
    size_t len = (size_t)(at - field) + 4;
    char *key = malloc(len + 2);
    if (!key)
        return 1;
    memcpy(key, field, len);
    strcpy(key + len, "*");
    size_t n;
    int unknown = stores_of(t, key, &n) != NULL;
    free(key);
    return unknown;
}

/* Resolves one call through a field; returns whether it did. */
static int resolve_call(const tgt_table *t, ir_func *f, ir_call *c)
{
    size_t n;
    const tgt_store *s = stores_of(t, c->field, &n);
    if (!s || record_unknown(t, c->field))
        return 0;
    ir_target *v = malloc(n * sizeof *v);
    if (!v)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!s[i].name) {
            free(v);
            return 0;
        }
        v[i].name = s[i].name;
        v[i].usr = s[i].usr;
    }
    tgt_set(f, c, v, (unsigned)n);
    free(v);
    return c->ntargets > 0;
}

size_t tgt_resolve(tgt_table *t, ir_func *const *fns, size_t n)
{
    if (!t->sorted) {
        if (t->all.n)
            qsort(t->all.v, t->all.n, sizeof *t->all.v, by_key);
        t->sorted = 1;
    }
    size_t resolved = 0;
    for (size_t i = 0; i < n; i++)
        for (unsigned b = 0; b < fns[i]->nblocks; b++) {
            const ir_block *bl = fns[i]->blocks[b];
            for (unsigned k = 0; k < bl->ninsns; k++) {
                ir_call *c = bl->insns[k].call;
                if (c && c->field && !c->ntargets)
                    resolved += (size_t)resolve_call(t, fns[i], c);
            }
        }
    return resolved;
}
