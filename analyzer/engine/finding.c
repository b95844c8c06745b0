/* finding.c — the finding list: append (taking ownership), move, free, sort.
 *
 * It does not create findings (the engine does) or decide how they are shown
 * (report/ does).  Every string a finding points to is a heap copy that the
 * list owns once the finding is pushed.
 */
#include "engine/finding.h"

#include <stdlib.h>
#include <string.h>

static int list_reserve(finding_list *l, size_t need)
{
    if (need <= l->cap)
        return 0;
    size_t cap = l->cap ? l->cap : 16;
    while (cap < need) {
        if (cap > ((size_t)-1 / sizeof(finding)) / 2)
            return -1;
        cap *= 2;
    }
    finding *items = realloc(l->items, cap * sizeof(finding));
    if (!items)
        return -1;
    l->items = items;
    l->cap = cap;
    return 0;
}

int finding_list_push(finding_list *l, finding *f)
{
    if (list_reserve(l, l->n + 1) != 0) {
        finding_clear(f);
        return -1;
    }
    l->items[l->n++] = *f;
    memset(f, 0, sizeof *f);
    return 0;
}

/* On -1 (out of memory) both lists are unchanged. */
int finding_list_take(finding_list *dst, finding_list *src)
{
    if (src->n == 0)
        return 0;
    if (dst->n == 0 && dst->cap == 0) {
        *dst = *src;
        memset(src, 0, sizeof *src);
        return 0;
    }
    if (list_reserve(dst, dst->n + src->n) != 0)
        return -1;
    memcpy(dst->items + dst->n, src->items, src->n * sizeof(finding));
    dst->n += src->n;
    src->n = 0;
    return 0;
}

void finding_clear(finding *f)
{
    if (!f)
        return;
    free(f->message);
    free(f->loc.file);
    free(f->function);
    free(f->variable);
    free(f->resource);
    free(f->acquired.file);
    free(f->acquired_call);
    for (size_t i = 0; i < f->ntrace; i++) {
        free(f->trace[i].loc.file);
        free(f->trace[i].message);
    }
    free(f->trace);
    free(f->fix_description);
    for (size_t i = 0; i < f->nedits; i++) {
        free(f->edits[i].loc.file);
        free(f->edits[i].insert);
    }
    free(f->edits);
    free(f->fingerprint);
    memset(f, 0, sizeof *f);
}

void finding_list_clear(finding_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        finding_clear(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* strcmp that orders NULL before every string. */
static int str_cmp(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int uint_cmp(unsigned a, unsigned b) { return (a > b) - (a < b); }

/* The documented order (file, line, column, rule, message), then enough
 * further keys that qsort's instability cannot make the output vary. */
static int finding_cmp(const void *pa, const void *pb)
{
    const finding *a = pa, *b = pb;
    int c;
    if ((c = str_cmp(a->loc.file, b->loc.file)) != 0 ||
        (c = uint_cmp(a->loc.line, b->loc.line)) != 0 ||
        (c = uint_cmp(a->loc.col, b->loc.col)) != 0 ||
        (c = uint_cmp((unsigned)a->rule, (unsigned)b->rule)) != 0 ||
        (c = str_cmp(a->message, b->message)) != 0 ||
        (c = str_cmp(a->function, b->function)) != 0 ||
        (c = str_cmp(a->variable, b->variable)) != 0 ||
        (c = str_cmp(a->acquired.file, b->acquired.file)) != 0 ||
        (c = uint_cmp(a->acquired.line, b->acquired.line)) != 0 ||
        (c = uint_cmp(a->acquired.col, b->acquired.col)) != 0 ||
        (c = str_cmp(a->acquired_call, b->acquired_call)) != 0)
        return c;
    return uint_cmp((unsigned)a->ntrace, (unsigned)b->ntrace);
}

void finding_list_sort(finding_list *l)
{
    if (l->n > 1)
        qsort(l->items, l->n, sizeof(finding), finding_cmp);
}

void finding_drop_fix(finding *f)
{
    free(f->fix_description);
    f->fix_description = NULL;
    for (size_t i = 0; i < f->nedits; i++) {
        free(f->edits[i].loc.file);
        free(f->edits[i].insert);
    }
    free(f->edits);
    f->edits = NULL;
    f->nedits = 0;
}
