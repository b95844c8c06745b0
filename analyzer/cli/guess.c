/* guess.c — include directories guessed from the tree (see guess.h).
 *
 * The trees are indexed once (hdrindex.h).  Then the files to analyze are
 * scanned (incscan.h), and in turn each header they reach: every #include
 * is resolved against the directories known so far, and a directory of the
 * index is guessed when none has it.  Apart from the including file's own
 * directory, an include name resolves the same way from every file, so that
 * part is remembered per name.  Last, the "include" directories are added
 * and the jobs get the list. */
#include "cli/guess.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/hdrindex.h"
#include "cli/incscan.h"
#include "cli/inputs.h"
#include "cli/strmap.h"
#include "util/escape.h"

/* How often a missing name is included, counting each file once. */
typedef struct cli_gmiss {
    size_t nfiles;
    size_t last_file;   /* ordinal of the last file that counted */
    int unconditional;  /* some file includes it outside #if / #ifdef: it
                           is not only for another platform or option */
} cli_gmiss;

typedef struct cli_gx {
    cli_guess *g;
    cli_hdrindex ix;       /* the trees */
    cli_strvec user;       /* the user's include directories, absolute */
    cli_strvec sys;        /* the system's include directories */
    cli_strmap resolved;   /* '"' or '<' + name -> owned path, or a mark */
    cli_strmap queued;     /* every file queued, by absolute path */
    cli_strmap missing;    /* '"' or '<' + name -> cli_gmiss */
    cli_strvec queue;      /* files to scan, in order */
    char *cur_dir;         /* directory of the file being scanned */
    size_t cur_file;       /* its ordinal in queue, from 1 */
} cli_gx;

/* Resolution marks: found outside the trees (nothing to read, nothing to
 * add), and found nowhere. */
static char cli_gx_mark_elsewhere, cli_gx_mark_missing;

static int cli_gx_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int cli_gx_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory part of the absolute path p, malloc'd. */
static char *cli_gx_dirname(const char *p)
{
    const char *slash = strrchr(p, '/');
    if (!slash || slash == p)
        return cli_xstrdup("/");
    return cli_strf("%.*s", (int)(slash - p), p);
}

static int cli_gx_listed(const cli_strvec *v, const char *s)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->v[i], s) == 0)
            return 1;
    return 0;
}

/* ---- the trees ---- */

/* The current directory for PATHs under it, else the PATH itself (a
 * directory) or its directory (a file): see guess.h. */
static void cli_gx_index(cli_gx *x, const cli_options *o)
{
    static const char *const here[] = {"."};
    const char *const *paths = o->npaths ? o->paths : here;
    size_t n = o->npaths ? o->npaths : 1;
    char *cwd = cli_path_canonical(".", NULL);
    cli_strvec roots = {0};
    for (size_t i = 0; i < n; i++) {
        char *p = cli_path_canonical(paths[i], NULL);
        if (!p)
            continue;
        cli_strvec_take(&roots, cwd && cli_path_is_under(p, cwd)
                                    ? cli_xstrdup(cwd)
                                : cli_gx_is_dir(p) ? cli_xstrdup(p)
                                                : cli_gx_dirname(p));
        free(p);
    }
    free(cwd);
    cli_hdrindex_build(&x->ix, (const char *const *)roots.v, roots.n,
                       CLI_GUESS_MAX_FILES);
    x->g->truncated = x->ix.truncated;
    cli_strvec_free(&roots);
}

/* ---- the directories that are known without guessing ---- */

/* The directories of the user's -I, -iquote, -isystem and -idirafter. */
static void cli_gx_user_dirs(cli_gx *x, const cli_options *o)
{
    static const char *const flags[] = {"-I", "-iquote", "-isystem",
                                        "-idirafter", "--include-directory="};
    for (int i = 0; i < o->ncc_args; i++) {
        const char *a = o->cc_args[i], *dir = NULL;
        for (size_t f = 0; f < sizeof flags / sizeof flags[0] && !dir; f++) {
            size_t len = strlen(flags[f]);
            if (strncmp(a, flags[f], len) != 0)
                continue;
            if (a[len])
                dir = a + len;
            else if (flags[f][len - 1] != '=' && i + 1 < o->ncc_args)
                dir = o->cc_args[++i];
        }
        char *abs = dir ? cli_path_absolute(dir, NULL) : NULL;
        if (abs)
            cli_strvec_take(&x->user, abs);
    }
}

/* Where the C library's and installed libraries' headers are, with the
 * multiarch directories (/usr/include/x86_64-linux-gnu, ...). */
static void cli_gx_sys_dirs(cli_gx *x)
{
    cli_strvec_push(&x->sys, "/usr/local/include");
    DIR *d = opendir("/usr/include");
    if (d) {
        cli_strvec triples = {0};
        struct dirent *e;
        while ((e = readdir(d)) != NULL)
            if (e->d_name[0] != '.' && strstr(e->d_name, "-linux-"))
                cli_strvec_take(&triples, cli_strf("/usr/include/%s",
                                                   e->d_name));
        closedir(d);
        if (triples.n)
            qsort(triples.v, triples.n, sizeof *triples.v, cli_strcmp_p);
        for (size_t i = 0; i < triples.n; i++)
            if (cli_gx_is_dir(triples.v[i]))
                cli_strvec_push(&x->sys, triples.v[i]);
        cli_strvec_free(&triples);
    }
    cli_strvec_push(&x->sys, "/usr/include");
}

/* Headers the compiler itself provides (its resource directory). */
static int cli_gx_is_builtin_header(const char *name)
{
    static const char *const names[] = {
        "float.h", "iso646.h", "limits.h", "stdalign.h", "stdarg.h",
        "stdatomic.h", "stdbool.h", "stdckdint.h", "stddef.h", "stdint.h",
        "stdnoreturn.h", "tgmath.h", "unwind.h", "varargs.h",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    size_t n = strlen(name);
    return n > 8 && strcmp(name + n - 8, "intrin.h") == 0;
}

/* DIR/name for the first DIR of dirs where it is a file, or NULL. */
static char *cli_gx_find_in(const cli_strvec *dirs, const char *name)
{
    for (size_t i = 0; i < dirs->n; i++) {
        char *p = cli_strf("%s/%s", dirs->v[i], name);
        if (cli_gx_is_file(p))
            return p;
        free(p);
    }
    return NULL;
}

static int cli_gx_is_in(const cli_strvec *dirs, const char *name)
{
    char *p = cli_gx_find_in(dirs, name);
    int found = p != NULL;
    free(p);
    return found;
}

/* ---- guessing ---- */

/* name without its "." segments ("./x.h" is "x.h"), malloc'd, or NULL
 * when it has a ".." or an empty segment: such a name is only looked for
 * next to the including file and in the known directories. */
static char *cli_gx_plain_name(const char *name)
{
    char *out = cli_xmalloc(strlen(name) + 1);
    size_t n = 0;
    for (const char *s = name; *s;) {
        size_t len = strcspn(s, "/");
        if (len == 0 || (len == 2 && s[0] == '.' && s[1] == '.')) {
            free(out);
            return NULL;
        }
        if (!(len == 1 && s[0] == '.')) {
            if (n)
                out[n++] = '/';
            memcpy(out + n, s, len);
            n += len;
        }
        s += len + (s[len] == '/');
    }
    out[n] = '\0';
    if (n == 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* Where name resolves once the including file's own directory has not
 * got it: the user's directories, the guessed ones, then for <name> the
 * system's, then the trees (a new guess), then for "name" the system's.
 * Returns an owned path to read, or one of the marks. */
static void *cli_gx_resolve(cli_gx *x, const char *name, int angled)
{
    char *p = cli_gx_find_in(&x->user, name);
    if (!p)
        p = cli_gx_find_in(&x->g->dirs, name);
    if (p)
        return p;
    int sys = cli_gx_is_builtin_header(name) || cli_gx_is_in(&x->sys, name);
    if (angled && sys)
        return &cli_gx_mark_elsewhere;
    char *plain = cli_gx_plain_name(name);
    char *d = plain ? cli_hdrindex_find(&x->ix, plain, x->cur_dir) : NULL;
    if (d) {   /* the guess */
        p = cli_strf("%s/%s", strcmp(d, "/") ? d : "", plain);
        cli_strvec_take(&x->g->dirs, d);
    }
    free(plain);
    return p ? p : sys ? &cli_gx_mark_elsewhere : &cli_gx_mark_missing;
}

/* Queues the file at the absolute path raw (taken) unless it already was
 * (under another spelling too: "a/./b.h" is "a/b.h"). */
static void cli_gx_enqueue(cli_gx *x, char *raw)
{
    char *p = cli_path_absolute(raw, NULL);
    free(raw);
    if (!p)
        return;
    int created;
    void **slot = cli_strmap_slot(&x->queued, p, &created);
    if (created) {
        *slot = &cli_gx_mark_elsewhere;   /* any non-NULL value */
        cli_strvec_take(&x->queue, p);
    } else {
        free(p);
    }
}

/* Counts the file being scanned as including the missing header key
 * ('"' or '<' and the name). */
static void cli_gx_count_missing(cli_gx *x, const char *key, int conditional)
{
    int created;
    void **slot = cli_strmap_slot(&x->missing, key, &created);
    if (created)
        *slot = calloc(1, sizeof(cli_gmiss));
    cli_gmiss *m = *slot;
    if (!m)
        abort();
    if (m->last_file != x->cur_file) {
        m->last_file = x->cur_file;
        m->nfiles++;
    }
    m->unconditional |= !conditional;
}

/* cli_incscan_each: one #include of the file being scanned. */
static void cli_gx_include(const char *name, int angled, int conditional,
                           void *ctx)
{
    cli_gx *x = ctx;
    if (name[0] == '/') {
        if (cli_gx_is_file(name))
            cli_gx_enqueue(x, cli_path_absolute(name, NULL));
        return;
    }
    if (!angled) {   /* "name": the including file's directory first */
        char *own = cli_path_absolute(name, x->cur_dir);
        if (own && cli_gx_is_file(own)) {
            cli_gx_enqueue(x, own);
            return;
        }
        free(own);
    }
    char *key = cli_strf("%c%s", angled ? '<' : '"', name);
    int created;
    void **slot = cli_strmap_slot(&x->resolved, key, &created);
    if (created)
        *slot = cli_gx_resolve(x, name, angled);
    if (*slot == &cli_gx_mark_missing)
        cli_gx_count_missing(x, key, conditional);
    else if (*slot != &cli_gx_mark_elsewhere)
        cli_gx_enqueue(x, cli_xstrdup(*slot));
    free(key);
}

/* Reads every queued file, which queues the headers it reaches. */
static void cli_gx_scan(cli_gx *x, const cli_joblist *jobs)
{
    for (size_t i = 0; i < jobs->n; i++) {
        char *p = cli_path_absolute(jobs->items[i].file, NULL);
        if (p)
            cli_gx_enqueue(x, p);
    }
    for (size_t i = 0; i < x->queue.n; i++) {
        x->cur_dir = cli_gx_dirname(x->queue.v[i]);
        x->cur_file = i + 1;
        cli_incscan_file(x->queue.v[i], cli_gx_include, x);
        free(x->cur_dir);
        x->cur_dir = NULL;
    }
}

/* ---- "include" directories, the missing list ---- */

/* Appends the "include" directories of the components the jobs' files
 * belong to (hdrindex.h) that are not given yet. */
static void cli_gx_include_dirs(cli_gx *x, const cli_joblist *jobs)
{
    cli_strvec files = {0}, found = {0};
    for (size_t i = 0; i < jobs->n; i++) {
        char *p = cli_path_absolute(jobs->items[i].file, NULL);
        if (p)
            cli_strvec_take(&files, p);
    }
    cli_hdrindex_include_dirs(&x->ix, (const char *const *)files.v, files.n,
                              &found);
    cli_strvec_free(&files);
    for (size_t i = 0; i < found.n; i++)
        if (!cli_gx_listed(&x->g->dirs, found.v[i]) &&
            !cli_gx_listed(&x->user, found.v[i]))
            cli_strvec_push(&x->g->dirs, found.v[i]);
    cli_strvec_free(&found);
}

static int cli_gx_missing_cmp(const void *a, const void *b)
{
    const cli_guess_missing *p = a, *q = b;
    if (p->nfiles != q->nfiles)
        return p->nfiles > q->nfiles ? -1 : 1;
    return strcmp(p->name, q->name);
}

static void cli_gx_missing_list(cli_gx *x)
{
    cli_guess *g = x->g;
    g->missing = cli_xmalloc((x->missing.n ? x->missing.n : 1) *
                             sizeof *g->missing);
    for (size_t i = 0; i < x->missing.cap; i++) {
        if (!x->missing.keys[i])
            continue;
        cli_gmiss *m = x->missing.vals[i];
        if (!m->unconditional)
            continue;   /* e.g. <sys/event.h> under #ifdef HAVE_KQUEUE */
        cli_guess_missing *gm = &g->missing[g->nmissing++];
        gm->name = cli_xstrdup(x->missing.keys[i] + 1);
        gm->angled = x->missing.keys[i][0] == '<';
        gm->nfiles = m->nfiles;
    }
    qsort(g->missing, g->nmissing, sizeof *g->missing, cli_gx_missing_cmp);
}

static void cli_gx_free_resolved(void *v)
{
    if (v != &cli_gx_mark_elsewhere && v != &cli_gx_mark_missing)
        free(v);
}

static void cli_gx_free(cli_gx *x)
{
    cli_hdrindex_free(&x->ix);
    cli_strvec_free(&x->user);
    cli_strvec_free(&x->sys);
    cli_strmap_free(&x->resolved, cli_gx_free_resolved);
    cli_strmap_free(&x->queued, NULL);
    cli_strmap_free(&x->missing, free);
    cli_strvec_free(&x->queue);
    free(x->cur_dir);
}

void cli_guess_includes(const cli_options *o, cli_joblist *jobs,
                        cli_guess *g)
{
    memset(g, 0, sizeof *g);
    cli_gx x = {.g = g};
    cli_gx_index(&x, o);
    cli_gx_user_dirs(&x, o);
    cli_gx_sys_dirs(&x);
    cli_gx_scan(&x, jobs);
    cli_gx_include_dirs(&x, jobs);
    cli_gx_missing_list(&x);
    cli_gx_free(&x);
    for (size_t i = 0; i < jobs->n; i++)   /* after the user's flags */
        for (size_t d = 0; d < g->dirs.n; d++)
            cli_strvec_take(&jobs->items[i].args,
                            cli_strf("-I%s", g->dirs.v[d]));
}

/* ---- the message ---- */

/* Names shown in one line at most; the rest is counted. */
#define CLI_GUESS_SHOWN 8

/* The note on the missing headers written with quotes (angled 0) or with
 * angle brackets (1), when there are any. */
static void cli_guess_print_missing(FILE *out, const cli_guess *g, int angled)
{
    size_t n = 0, shown = 0;
    for (size_t i = 0; i < g->nmissing; i++)
        n += g->missing[i].angled == angled;
    if (n == 0)
        return;
    fputs("sockleak: note: ", out);
    for (size_t i = 0; i < g->nmissing && shown < CLI_GUESS_SHOWN; i++) {
        const cli_guess_missing *m = &g->missing[i];
        if (m->angled != angled)
            continue;
        shown++;
        const char *sep = shown == 1 ? ""
                          : shown == n ? " and "
                                       : ", ";
        fprintf(out, angled ? "%s<%s> (included by %zu file%s)"
                            : "%s'%s' (included by %zu file%s)",
                sep, ESC(m->name), m->nfiles, m->nfiles == 1 ? "" : "s");
    }
    if (n > shown)
        fprintf(out, " and %zu more", n - shown);
    int one = n == 1;
    if (angled)
        fprintf(out, " %s neither in the tree nor in the system's include "
                "directories; %s generated by the build (configure/cmake) "
                "or from a library that is not installed: use -p with a "
                "compilation database or -- -I...\n", one ? "is" : "are",
                one ? "it is" : "they are");
    else
        fprintf(out, " %s not in the tree; %s probably generated by the "
                "build (configure/cmake): use -p with a compilation database "
                "or -- -I...\n", one ? "is" : "are", one ? "it is" : "they are");
}

void cli_guess_print(FILE *out, const cli_guess *g)
{
    if (g->dirs.n) {
        fputs("sockleak: no compilation database: guessed include "
              "directories: ", out);
        for (size_t i = 0; i < g->dirs.n && i < CLI_GUESS_SHOWN; i++) {
            char *shown = cli_path_display(g->dirs.v[i]);
            fprintf(out, "%s%s", i ? ", " : "", ESC(shown));
            free(shown);
        }
        if (g->dirs.n > CLI_GUESS_SHOWN)
            fprintf(out, " and %zu more", g->dirs.n - CLI_GUESS_SHOWN);
        fputs(" (use -p DIR or -- FLAGS to set them; --no-guess-includes "
              "to turn this off)\n", out);
    }
    if (g->truncated)
        fprintf(out, "sockleak: note: only the first %d files of the tree "
                "were searched for headers\n", CLI_GUESS_MAX_FILES);
    cli_guess_print_missing(out, g, 0);
    cli_guess_print_missing(out, g, 1);
}

void cli_guess_free(cli_guess *g)
{
    if (!g)
        return;
    cli_strvec_free(&g->dirs);
    for (size_t i = 0; i < g->nmissing; i++)
        free(g->missing[i].name);
    free(g->missing);
    memset(g, 0, sizeof *g);
}
