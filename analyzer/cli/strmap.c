/* strmap.c — string-keyed map (see strmap.h).  Linear probing in a
 * power-of-two table kept at most half full. */
#include "cli/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "cli/util.h"

static size_t cli_strmap_hash(const char *s)
{
    size_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void cli_strmap_grow(cli_strmap *m)
{
    cli_strmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->keys = calloc(m->cap, sizeof *m->keys);
    m->vals = calloc(m->cap, sizeof *m->vals);
    if (!m->keys || !m->vals)
        abort();
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.keys[i])
            continue;
        size_t j = cli_strmap_hash(old.keys[i]) & (m->cap - 1);
        while (m->keys[j])
            j = (j + 1) & (m->cap - 1);
        m->keys[j] = old.keys[i];
        m->vals[j] = old.vals[i];
    }
    free(old.keys);
    free(old.vals);
}

void **cli_strmap_slot(cli_strmap *m, const char *key, int *created)
{
    if (2 * (m->n + 1) > m->cap)
        cli_strmap_grow(m);
    size_t j = cli_strmap_hash(key) & (m->cap - 1);
    while (m->keys[j] && strcmp(m->keys[j], key) != 0)
        j = (j + 1) & (m->cap - 1);
    *created = !m->keys[j];
    if (*created) {
        m->keys[j] = cli_xstrdup(key);
        m->n++;
    }
    return &m->vals[j];
}

void cli_strmap_free(cli_strmap *m, void (*free_val)(void *))
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] && free_val)
            free_val(m->vals[i]);
        free(m->keys[i]);
    }
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
