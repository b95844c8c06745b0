/* report_paths.c — the two passes that prepare findings for output:
 * report_relativize (paths relative to the current directory) and
 * report_fingerprints (line-free identities for baselines).
 *
 * It does not print anything and never fails the run: a path that cannot be
 * resolved, or an allocation that fails, leaves the path as it was.
 *
 * Fingerprint recipe (version 1, documented in README.md — changing it
 * invalidates every user's baseline, so don't):
 *
 *   FNV-1a 64 over  rule-id NUL file NUL function NUL variable NUL
 *                   acquiring-call NUL ordinal NUL
 *
 * where file is the primary location's path relative to the current
 * directory (as report_relativize makes it), a missing string counts as "",
 * and ordinal is the decimal index of the finding among the findings that
 * share the five other fields, in sorted (file, line, column) order.  The
 * result is written as 16 lowercase hex digits.
 */
#include "report/report.h"

#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- relative paths ---------------------------------------------------- */

typedef struct rel_ctx {
    char *cwd;       /* getcwd(); NULL when unknown (then nothing changes) */
    size_t cwdlen;
    char *last_in;   /* one-entry cache: most locations share a file */
    char *last_out;  /* NULL: last_in stays as it is */
} rel_ctx;

static void rel_init(rel_ctx *c)
{
    memset(c, 0, sizeof *c);
    c->cwd = getcwd(NULL, 0);
    if (c->cwd)
        c->cwdlen = strlen(c->cwd);
}

static void rel_fini(rel_ctx *c)
{
    free(c->cwd);
    free(c->last_in);
    free(c->last_out);
}

/* True when p has no "." or ".." component, no "//" and no trailing '/':
 * its text already says where it is. */
static int path_is_clean(const char *p)
{
    const char *s = p;
    while (*s) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if ((n == 0 && s != p) || (n == 1 && s[0] == '.') ||
            (n == 2 && s[0] == '.' && s[1] == '.'))
            return 0;
        if (!e)
            break;
        s = e + 1;
        if (!*s)
            return 0;
    }
    return 1;
}

/* The part of absolute path p below the cwd, or NULL when p is not under it. */
static const char *rel_strip(const rel_ctx *c, const char *p)
{
    if (c->cwdlen == 1 && c->cwd[0] == '/')
        return p[0] == '/' && p[1] ? p + 1 : NULL;
    if (strncmp(p, c->cwd, c->cwdlen) == 0 && p[c->cwdlen] == '/' &&
        p[c->cwdlen + 1])
        return p + c->cwdlen + 1;
    return NULL;
}

/* A fresh relative form of path, or NULL when path should stay as it is
 * (already relative and clean, outside the cwd, unresolvable, no memory). */
static char *rel_compute(const rel_ctx *c, const char *path)
{
    if (!path || !*path || !c->cwd)
        return NULL;
    int clean = path_is_clean(path);
    if (path[0] != '/' && clean)
        return NULL;
    if (path[0] == '/' && clean) {
        const char *r = rel_strip(c, path);
        if (r)
            return strdup(r);
    }
    char *real = realpath(path, NULL);
    if (!real)
        return NULL;
    const char *r = rel_strip(c, real);
    char *out = r ? strdup(r) : NULL;
    free(real);
    return out;
}

/* The display form of path: a borrowed string valid until the next call. */
static const char *rel_lookup(rel_ctx *c, const char *path)
{
    if (!path)
        return NULL;
    if (!c->last_in || strcmp(c->last_in, path) != 0) {
        free(c->last_in);
        free(c->last_out);
        c->last_in = strdup(path);
        c->last_out = c->last_in ? rel_compute(c, path) : NULL;
        if (!c->last_in)
            return path;
    }
    return c->last_out ? c->last_out : path;
}

/* Replaces *file (heap-owned) by its relative form when that differs. */
static void rel_apply(rel_ctx *c, char **file)
{
    const char *r = rel_lookup(c, *file);
    if (!r || r == *file || strcmp(r, *file) == 0)
        return;
    char *copy = strdup(r);
    if (!copy)
        return;
    free(*file);
    *file = copy;
}

void report_relativize(finding_list *l)
{
    rel_ctx c;
    rel_init(&c);
    for (size_t i = 0; i < l->n; i++) {
        finding *f = &l->items[i];
        rel_apply(&c, &f->loc.file);
        rel_apply(&c, &f->acquired.file);
        for (size_t k = 0; k < f->ntrace; k++)
            rel_apply(&c, &f->trace[k].loc.file);
        for (size_t k = 0; k < f->nedits; k++)
            rel_apply(&c, &f->edits[k].loc.file);
    }
    rel_fini(&c);
}

/* ---- fingerprints ------------------------------------------------------ */

#define FNV64_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV64_PRIME UINT64_C(0x100000001b3)

/* Hashes s and its terminating NUL into h; NULL hashes like "". */
static uint64_t fnv1a_field(uint64_t h, const char *s)
{
    if (s)
        for (; *s; s++)
            h = (h ^ (unsigned char)*s) * FNV64_PRIME;
    return (h ^ 0u) * FNV64_PRIME;
}

typedef struct fp_key {
    finding *f;
    char *file;      /* relative path of the primary location, owned */
    size_t idx;      /* position in the sorted list */
} fp_key;

static int nstrcmp(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* The five identity fields, compared; 0 means "same group". */
static int fp_group_cmp(const fp_key *a, const fp_key *b)
{
    int c;
    if ((c = strcmp(sl_rule_id(a->f->rule), sl_rule_id(b->f->rule))) != 0 ||
        (c = nstrcmp(a->file, b->file)) != 0 ||
        (c = nstrcmp(a->f->function, b->f->function)) != 0 ||
        (c = nstrcmp(a->f->variable, b->f->variable)) != 0)
        return c;
    return nstrcmp(a->f->acquired_call, b->f->acquired_call);
}

static int fp_key_cmp(const void *pa, const void *pb)
{
    const fp_key *a = pa, *b = pb;
    int c = fp_group_cmp(a, b);
    return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

static void fp_fill(fp_key *k, size_t ordinal)
{
    char ord[32], hex[17];
    snprintf(ord, sizeof ord, "%zu", ordinal);
    uint64_t h = FNV64_OFFSET;
    h = fnv1a_field(h, sl_rule_id(k->f->rule));
    h = fnv1a_field(h, k->file);
    h = fnv1a_field(h, k->f->function);
    h = fnv1a_field(h, k->f->variable);
    h = fnv1a_field(h, k->f->acquired_call);
    h = fnv1a_field(h, ord);
    snprintf(hex, sizeof hex, "%016" PRIx64, h);
    char *copy = strdup(hex);
    if (copy) {
        free(k->f->fingerprint);
        k->f->fingerprint = copy;
    }
}

void report_fingerprints(finding_list *l)
{
    if (l->n == 0)
        return;
    fp_key *keys = calloc(l->n, sizeof *keys);
    if (!keys)
        return;
    rel_ctx c;
    rel_init(&c);
    int oom = 0;
    for (size_t i = 0; i < l->n; i++) {
        const char *file = rel_lookup(&c, l->items[i].loc.file);
        keys[i] = (fp_key){&l->items[i], file ? strdup(file) : NULL, i};
        oom |= file && !keys[i].file;
    }
    rel_fini(&c);
    if (oom)  /* a wrong fingerprint is worse than none */
        goto out;
    qsort(keys, l->n, sizeof *keys, fp_key_cmp);
    size_t ordinal = 0;
    for (size_t i = 0; i < l->n; i++) {
        ordinal = (i > 0 && fp_group_cmp(&keys[i - 1], &keys[i]) == 0) ? ordinal + 1 : 0;
        fp_fill(&keys[i], ordinal);
    }
out:
    for (size_t i = 0; i < l->n; i++)
        free(keys[i].file);
    free(keys);
}
