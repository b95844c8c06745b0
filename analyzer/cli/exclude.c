/* exclude.c — checking and matching the configuration's "exclude"
 * patterns (see exclude.h).  Matching is a small recursive glob over
 * '/'-separated paths; patterns are short, so backtracking is cheap. */
#include "cli/exclude.h"

#include <stdlib.h>
#include <string.h>

#include "cli/inputs.h"

/* Appends the segment s[0..n) to out (which has room) with a '/' between. */
static void cli_seg_append(char *out, const char *s, size_t n)
{
    size_t len = strlen(out);
    if (len)
        out[len++] = '/';
    memcpy(out + len, s, n);
    out[len + n] = '\0';
}

char *cli_exclude_normalize(const char *pat, const char **why)
{
    size_t n = strlen(pat);
    *why = n == 0 ? "is empty"
           : pat[0] == '/' ? "is absolute (it must be relative to the "
                             "configuration file's directory)"
                           : NULL;
    if (*why)
        return NULL;
    char *out = cli_xmalloc(n + 2);
    out[0] = '\0';
    for (const char *s = pat; *s;) {
        size_t len = strcspn(s, "/");
        if (len == 2 && strncmp(s, "..", 2) == 0) {
            *why = "must not use \"..\"";
            free(out);
            return NULL;
        }
        if (len && !(len == 1 && s[0] == '.'))
            cli_seg_append(out, s, len);
        s += len + (s[len] == '/');
    }
    if (out[0] == '\0') {
        *why = "names the configuration file's directory itself";
        free(out);
        return NULL;
    }
    if (pat[n - 1] == '/')
        strcat(out, "/");
    return out;
}

static int cli_glob(const char *p, const char *s, const char *e);

/* After "**" and '/': p matches s[0 .. e-s) after zero or more whole
 * directories. */
static int cli_glob_dirs(const char *p, const char *s, const char *e)
{
    for (;;) {
        if (cli_glob(p, s, e))
            return 1;
        while (s < e && *s != '/')
            s++;
        if (s == e)
            return 0;
        s++;
    }
}

/* Glob match of pattern p against s[0 .. e-s), both whole. */
static int cli_glob(const char *p, const char *s, const char *e)
{
    while (*p) {
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            if (*p == '/')
                return cli_glob_dirs(p + 1, s, e);
            for (;; s++) {      /* "**": anything, '/' included */
                if (cli_glob(p, s, e))
                    return 1;
                if (s == e)
                    return 0;
            }
        }
        if (*p == '*') {
            p++;
            for (;; s++) {
                if (cli_glob(p, s, e))
                    return 1;
                if (s == e || *s == '/')
                    return 0;
            }
        }
        if (s == e || *p != *s)
            return 0;
        p++;
        s++;
    }
    return s == e;
}

int cli_exclude_match(const char *pat, const char *rel)
{
    size_t n = strlen(pat);
    int dir_only = n && pat[n - 1] == '/';
    char *p = cli_xstrdup(pat);
    if (dir_only)
        p[n - 1] = '\0';
    const char *end = rel + strlen(rel);
    int hit = !dir_only && cli_glob(p, rel, end);
    for (const char *s = rel; !hit && (s = strchr(s, '/')) != NULL; s++)
        hit = cli_glob(p, rel, s);
    free(p);
    return hit;
}

int cli_excluded(const cli_strvec *pats, const char *base, const char *file)
{
    if (pats->n == 0)
        return 0;
    char *canon = cli_path_canonical(file, NULL);
    int hit = 0;
    if (canon && cli_path_is_under(canon, base) && strcmp(canon, base)) {
        size_t skip = strlen(base) + (strcmp(base, "/") != 0);
        for (size_t i = 0; !hit && i < pats->n; i++)
            hit = cli_exclude_match(pats->v[i], canon + skip);
    }
    free(canon);
    return hit;
}

typedef struct cli_exclude_ctx {
    const cli_strvec *pats;
    const char *base;
} cli_exclude_ctx;

static int cli_exclude_drop(const cli_job *j, void *ctx)
{
    const cli_exclude_ctx *x = ctx;
    return cli_excluded(x->pats, x->base, j->file);
}

/* Nonzero when pats exclude the left-out item it: a C++ or assembler entry
 * by its file, a directory or path skipped by a walk by what lies below it
 * (so that "third_party/" covers an unreadable third_party). */
static int cli_exclude_item(const cli_strvec *pats, const char *base,
                            const report_incomplete *it)
{
    if (!it->file)
        return 0;
    if (it->kind == RI_ENTRY_NOT_C)
        return cli_excluded(pats, base, it->file);
    char *below = cli_strf("%s/-", it->file);
    int hit = cli_excluded(pats, base, below);
    free(below);
    return hit;
}

size_t cli_exclude_jobs(const cli_strvec *pats, const char *base,
                        cli_joblist *jobs)
{
    if (!pats->n)
        return 0;
    report_incomplete_list *l = &jobs->incomplete;
    size_t kept = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!cli_exclude_item(pats, base, &l->items[i])) {
            l->items[kept++] = l->items[i];
            continue;
        }
        free(l->items[i].file);
        free(l->items[i].function);
        free(l->items[i].detail);
    }
    l->n = kept;
    cli_exclude_ctx x = {pats, base};
    return cli_joblist_drop_if(jobs, cli_exclude_drop, &x);
}
