/* dedupe.c — removal of duplicate functions, findings and strings (see
 * dedupe.h).  Sorting an index array keeps it O(n log n) with no hash
 * table. */
#include "cli/dedupe.h"

#include <stdlib.h>
#include <string.h>

typedef struct cli_ukey {
    const char *usr;
    size_t index;
} cli_ukey;

static int cli_ukey_cmp(const void *a, const void *b)
{
    const cli_ukey *x = a, *y = b;
    int c = strcmp(x->usr, y->usr);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

size_t cli_dedupe_header_funcs(ir_func **fns, size_t n)
{
    cli_ukey *k = cli_xmalloc((n ? n : 1) * sizeof *k);
    size_t nk = 0;
    for (size_t i = 0; i < n; i++)
        if (fns[i]->in_header && fns[i]->usr && fns[i]->usr[0])
            k[nk++] = (cli_ukey){fns[i]->usr, i};
    if (nk > 1)
        qsort(k, nk, sizeof *k, cli_ukey_cmp);
    /* Free from the end of each run, so k[j-1].usr stays valid. */
    for (size_t j = nk; j-- > 1;)
        if (strcmp(k[j].usr, k[j - 1].usr) == 0) {
            ir_func_free(fns[k[j].index]);
            fns[k[j].index] = NULL;
        }
    free(k);
    size_t out = 0;
    for (size_t i = 0; i < n; i++)
        if (fns[i])
            fns[out++] = fns[i];
    return out;
}

static int cli_str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int cli_loc_eq(const fnd_loc *a, const fnd_loc *b)
{
    return a->line == b->line && a->col == b->col && cli_str_eq(a->file, b->file);
}

/* Same rule and primary location: the findings sort next to each other. */
static int cli_same_place(const finding *a, const finding *b)
{
    return a->rule == b->rule && cli_loc_eq(&a->loc, &b->loc);
}

void cli_dedupe_findings(finding_list *l)
{
    size_t out = 0, group = 0;   /* group: first kept item of this place */
    for (size_t i = 0; i < l->n; i++) {
        finding *f = &l->items[i];
        if (out == 0 || !cli_same_place(&l->items[group], f))
            group = out;
        int dup = 0;
        for (size_t k = group; k < out && !dup; k++)
            dup = cli_loc_eq(&l->items[k].acquired, &f->acquired);
        if (dup) {
            finding_clear(f);
            continue;
        }
        if (out != i)
            l->items[out] = *f;
        out++;
    }
    l->n = out;
}

void cli_dedupe_strings(cli_strvec *sv)
{
    if (sv->n < 2)
        return;
    qsort(sv->v, sv->n, sizeof *sv->v, cli_strcmp_p);
    size_t out = 1;
    for (size_t i = 1; i < sv->n; i++) {
        if (strcmp(sv->v[i], sv->v[out - 1]) == 0)
            free(sv->v[i]);
        else
            sv->v[out++] = sv->v[i];
    }
    sv->n = out;
    sv->v[out] = NULL;
}
