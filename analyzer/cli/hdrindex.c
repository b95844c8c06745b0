/* hdrindex.c — files by name for the include guesser (see hdrindex.h).
 * One array of (last segment, file) pairs sorted by the segment: a lookup
 * is a binary search for the name's last segment, then a check of the
 * whole name against the end of each file with that segment. */
#include "cli/hdrindex.h"

#include <stdlib.h>
#include <string.h>

#include "cli/inputs.h"
#include "cli/strmap.h"

struct cli_hdrnamed {
    const char *base;   /* points into files.v[index] */
    size_t index;
};

typedef struct cli_hdrwalk {
    cli_hdrindex *ix;
    size_t max;
} cli_hdrwalk;

static const char *cli_hdr_basename(const char *p)
{
    const char *slash = strrchr(p, '/');
    return slash ? slash + 1 : p;
}

static size_t cli_hdr_segments(const char *p)
{
    size_t n = 0;
    for (; *p; p++)
        n += *p == '/';
    return n;
}

/* ---- building ---- */

static int cli_hdr_visit(const char *path, const char *name, void *ctx)
{
    (void)name;
    cli_hdrwalk *w = ctx;
    if (w->ix->files.n >= w->max) {
        w->ix->truncated = 1;
        return 1;
    }
    cli_strvec_push(&w->ix->files, path);
    return 0;
}

static int cli_hdr_named_cmp(const void *a, const void *b)
{
    const cli_hdrnamed *p = a, *q = b;
    int c = strcmp(p->base, q->base);
    return c ? c : p->index < q->index ? -1 : p->index > q->index;
}

/* Adds root unless a root already holds it; drops the roots it holds. */
static void cli_hdr_add_root(cli_hdrindex *ix, const char *root)
{
    size_t out = 0;
    for (size_t j = 0; j < ix->roots.n; j++) {
        if (cli_path_is_under(root, ix->roots.v[j]))
            return;
        if (cli_path_is_under(ix->roots.v[j], root))
            free(ix->roots.v[j]);
        else
            ix->roots.v[out++] = ix->roots.v[j];
    }
    ix->roots.n = out;
    cli_strvec_push(&ix->roots, root);
}

void cli_hdrindex_build(cli_hdrindex *ix, const char *const *roots, size_t n,
                        size_t max_files)
{
    memset(ix, 0, sizeof *ix);
    for (size_t i = 0; i < n; i++)
        cli_hdr_add_root(ix, roots[i]);
    cli_hdrwalk w = {ix, max_files};
    for (size_t i = 0; i < ix->roots.n && !ix->truncated; i++)
        cli_walk_files(ix->roots.v[i], cli_hdr_visit, NULL, &w, NULL);
    ix->byname = cli_xmalloc((ix->files.n ? ix->files.n : 1) *
                             sizeof *ix->byname);
    for (size_t i = 0; i < ix->files.n; i++) {
        ix->byname[i].base = cli_hdr_basename(ix->files.v[i]);
        ix->byname[i].index = i;
    }
    qsort(ix->byname, ix->files.n, sizeof *ix->byname, cli_hdr_named_cmp);
}

/* ---- looking up ---- */

/* How many leading segments the absolute paths a and b share. */
static size_t cli_hdr_common_segments(const char *a, const char *b)
{
    size_t n = 0;
    for (size_t i = 0; a[i] && a[i] == b[i];) {
        i++;
        if ((a[i] == '/' || a[i] == '\0') && (b[i] == '/' || b[i] == '\0'))
            n++;
    }
    return n;
}

/* Nonzero when directory a is a better answer than b: see hdrindex.h. */
static int cli_hdr_better_dir(const char *a, const char *b, const char *near)
{
    long d = (long)cli_hdr_common_segments(a, near) -
             (long)cli_hdr_common_segments(b, near);
    if (!d)
        d = (long)(strcmp(cli_hdr_basename(a), "include") == 0) -
            (long)(strcmp(cli_hdr_basename(b), "include") == 0);
    if (!d)
        d = (long)cli_hdr_segments(b) - (long)cli_hdr_segments(a);
    if (!d)
        d = -(long)strcmp(a, b);
    return d > 0;
}

char *cli_hdrindex_find(const cli_hdrindex *ix, const char *name,
                        const char *near)
{
    const char *base = cli_hdr_basename(name);
    size_t nl = strlen(name), lo = 0, hi = ix->files.n;
    while (lo < hi) {   /* the first entry whose last segment is base */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(ix->byname[mid].base, base) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    char *best = NULL;
    for (; lo < ix->files.n && strcmp(ix->byname[lo].base, base) == 0; lo++) {
        const char *p = ix->files.v[ix->byname[lo].index];
        size_t pl = strlen(p);
        if (pl < nl + 2 || p[pl - nl - 1] != '/' ||
            strcmp(p + pl - nl, name) != 0)
            continue;
        size_t dl = pl - nl - 1;
        char *d = dl ? cli_strf("%.*s", (int)dl, p) : cli_xstrdup("/");
        if (!best || cli_hdr_better_dir(d, best, near)) {
            free(best);
            best = d;
        } else {
            free(d);
        }
    }
    return best;
}

static int cli_hdr_listed(const cli_strvec *v, const char *s)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->v[i], s) == 0)
            return 1;
    return 0;
}

static int cli_hdr_shallower_first(const void *a, const void *b)
{
    const char *p = *(const char *const *)a, *q = *(const char *const *)b;
    size_t dp = cli_hdr_segments(p), dq = cli_hdr_segments(q);
    return dp != dq ? (dp < dq ? -1 : 1) : strcmp(p, q);
}

/* Nonzero when the "include" directory d (absolute) is inside a root and
 * its parent holds one of files. */
static int cli_hdr_include_wanted(const cli_hdrindex *ix, const char *d,
                                  const char *const *files, size_t n)
{
    int inside = 0;
    for (size_t r = 0; r < ix->roots.n && !inside; r++)
        inside = cli_path_is_under(d, ix->roots.v[r]);
    if (!inside)
        return 0;
    size_t plen = strlen(d) - strlen("/include");
    char *parent = plen ? cli_strf("%.*s", (int)plen, d) : cli_xstrdup("/");
    int wanted = 0;
    for (size_t i = 0; i < n && !wanted; i++)
        wanted = cli_path_is_under(files[i], parent);
    free(parent);
    return wanted;
}

void cli_hdrindex_include_dirs(const cli_hdrindex *ix,
                               const char *const *files, size_t n,
                               cli_strvec *out)
{
    cli_strvec found = {0};
    cli_strmap seen = {0};   /* every include directory met, decided once */
    for (size_t i = 0; i < ix->files.n; i++) {
        const char *p = ix->files.v[i];
        size_t len = strlen(p);
        if (len < 2 || strcmp(p + len - 2, ".h") != 0)
            continue;
        for (const char *s = strstr(p, "/include/"); s;
             s = strstr(s + 1, "/include/")) {
            char *d = cli_strf("%.*s", (int)(s - p) + 8, p);
            int created;
            cli_strmap_slot(&seen, d, &created);
            if (created && cli_hdr_include_wanted(ix, d, files, n))
                cli_strvec_take(&found, d);
            else
                free(d);
        }
    }
    cli_strmap_free(&seen, NULL);
    if (found.n)
        qsort(found.v, found.n, sizeof *found.v, cli_hdr_shallower_first);
    for (size_t i = 0; i < found.n; i++)
        if (!cli_hdr_listed(out, found.v[i]))
            cli_strvec_push(out, found.v[i]);
    cli_strvec_free(&found);
}

void cli_hdrindex_free(cli_hdrindex *ix)
{
    if (!ix)
        return;
    cli_strvec_free(&ix->roots);
    cli_strvec_free(&ix->files);
    free(ix->byname);
    memset(ix, 0, sizeof *ix);
}
