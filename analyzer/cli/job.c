/* job.c — the job list and its construction from PATHs and compilation
 * databases (see job.h).  Database entries come first, in database order,
 * then files outside it, in command-line order. */
#include "cli/job.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/compdb.h"
#include "cli/inputs.h"

void cli_joblist_add(cli_joblist *l, const char *file, const char *const *args,
                     size_t nargs, const char *workdir)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = cli_xrealloc(l->items, l->cap * sizeof *l->items);
    }
    cli_job *j = &l->items[l->n++];
    memset(j, 0, sizeof *j);
    j->file = cli_xstrdup(file);
    j->display = cli_path_display(file);
    for (size_t i = 0; i < nargs; i++)
        cli_strvec_push(&j->args, args[i]);
    j->workdir = workdir ? cli_xstrdup(workdir) : NULL;
}

static void cli_job_free(cli_job *j)
{
    free(j->file);
    free(j->display);
    cli_strvec_free(&j->args);
    free(j->workdir);
}

void cli_joblist_free(cli_joblist *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        cli_job_free(&l->items[i]);
    free(l->items);
    report_incomplete_free(&l->incomplete);
    free(l->database);
    memset(l, 0, sizeof *l);
}

size_t cli_joblist_drop_if(cli_joblist *l,
                           int (*drop)(const cli_job *j, void *ctx),
                           void *ctx)
{
    size_t out = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (drop(&l->items[i], ctx))
            cli_job_free(&l->items[i]);
        else
            l->items[out++] = l->items[i];
    }
    size_t removed = l->n - out;
    l->n = out;
    return removed;
}

/* ---- without a database ---- */

static int cli_jobs_from_paths(const cli_options *o, const char *const *paths,
                               size_t npaths, cli_joblist *jobs, char **err)
{
    cli_strvec files = {0};
    if (cli_collect_files(paths, npaths, &files, &jobs->incomplete, err) < 0) {
        cli_strvec_free(&files);
        return -1;
    }
    if (files.n == 0) {
        *err = npaths == 1 ? cli_strf("no .c files in %s", paths[0])
                           : cli_xstrdup("no .c files in the given paths");
        cli_strvec_free(&files);
        return -1;
    }
    for (size_t i = 0; i < files.n; i++)
        cli_joblist_add(jobs, files.v[i], o->cc_args, (size_t)o->ncc_args,
                        NULL);
    jobs->no_database = 1;
    cli_strvec_free(&files);
    return 0;
}

/* ---- with a database ---- */

/* A PATH restricting which database entries are analyzed. */
typedef struct cli_filter {
    const char *given;  /* as on the command line */
    char *canon;        /* canonical absolute form */
    int is_dir;
    int matched;        /* some entry is this file / under this dir */
} cli_filter;

static void cli_filters_free(cli_filter *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(f[i].canon);
    free(f);
}

static cli_filter *cli_filters_make(const char *const *paths, size_t n,
                                    char **err)
{
    cli_filter *f = calloc(n ? n : 1, sizeof *f);
    if (!f)
        abort();
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        f[i].given = paths[i];
        if (stat(paths[i], &st) != 0) {
            *err = cli_strf("%s: %s", paths[i], strerror(errno));
            cli_filters_free(f, i);
            return NULL;
        }
        f[i].is_dir = S_ISDIR(st.st_mode);
        f[i].canon = cli_path_canonical(paths[i], NULL);
        if (!f[i].canon) {
            *err = cli_xstrdup("cannot determine the current directory");
            cli_filters_free(f, i);
            return NULL;
        }
    }
    return f;
}

/* Nonzero when file passes the filters (all files pass when nf == 0). */
static int cli_filters_select(cli_filter *f, size_t nf, const char *file)
{
    int hit = nf == 0;
    for (size_t i = 0; i < nf; i++) {
        int m = f[i].is_dir ? cli_path_is_under(file, f[i].canon)
                            : strcmp(file, f[i].canon) == 0;
        f[i].matched |= m;
        hit |= m;
    }
    return hit;
}

static int cli_jobs_from_db(const cli_options *o, const cli_compdb *db,
                            cli_filter *f, size_t nf, cli_joblist *jobs,
                            char **err)
{
    for (size_t i = 0; i < db->n; i++) {
        const cli_compdb_entry *e = &db->items[i];
        if (!cli_filters_select(f, nf, e->file))
            continue;
        if (e->lang == CLI_LANG_C) {
            cli_joblist_add(jobs, e->file, (const char *const *)e->args.v,
                            e->args.n, e->dir);
            continue;
        }
        int cxx = e->lang == CLI_LANG_CXX;
        *(cxx ? &jobs->skipped_cxx : &jobs->skipped_asm) += 1;
        char *shown = cli_path_display(e->file);
        if (report_incomplete_add(&jobs->incomplete, RI_ENTRY_NOT_C, shown,
                                  NULL, cxx ? "C++" : "assembler") != 0)
            abort();
        free(shown);
    }
    for (size_t i = 0; i < nf; i++)   /* files outside the database */
        if (!f[i].is_dir && !f[i].matched)
            cli_joblist_add(jobs, f[i].given, o->cc_args,
                            (size_t)o->ncc_args, NULL);
    if (jobs->n == 0) {
        if (jobs->skipped_cxx + jobs->skipped_asm)
            *err = cli_strf("%s: no C entries (C++: %zu, assembler: %zu)",
                            db->path, jobs->skipped_cxx, jobs->skipped_asm);
        else if (nf == 1)
            *err = cli_strf("%s: no entry for %s", db->path, f[0].given);
        else if (nf > 1)
            *err = cli_strf("%s: no entry for the given paths", db->path);
        else
            *err = cli_strf("%s: no entries", db->path);
        return -1;
    }
    return 0;
}

/* Loads dbpath and adds its selected entries; paths restrict them. */
static int cli_jobs_with_db(const cli_options *o, const char *dbpath,
                            const char *const *paths, size_t npaths,
                            cli_joblist *jobs, char **err)
{
    cli_filter *f = cli_filters_make(paths, npaths, err);
    if (!f)
        return -1;
    cli_compdb db;
    int rc = cli_compdb_load(dbpath, &db, err);
    if (rc == 0) {
        jobs->database = cli_xstrdup(db.path);
        rc = cli_jobs_from_db(o, &db, f, npaths, jobs, err);
    }
    cli_compdb_free(&db);
    cli_filters_free(f, npaths);
    return rc;
}

int cli_jobs_build(const cli_options *o, cli_joblist *jobs, char **err)
{
    if (o->compdb)
        return cli_jobs_with_db(o, o->compdb, o->paths, o->npaths, jobs, err);
    if (o->npaths)
        return cli_jobs_from_paths(o, o->paths, o->npaths, jobs, err);

    static const char *const here[] = {"."};
    char *cwd = cli_path_canonical(".", NULL);
    int in_cwd = 0;
    char *found = cwd ? cli_compdb_find(cwd, &in_cwd) : NULL;
    free(cwd);
    int rc;
    if (found)
        rc = cli_jobs_with_db(o, found, here, in_cwd ? 0 : 1, jobs, err);
    else
        rc = cli_jobs_from_paths(o, here, 1, jobs, err);
    free(found);
    return rc;
}
