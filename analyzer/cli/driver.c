/* driver.c — the two parallel phases of a run (see driver.h), and the
 * list of what they could not analyze (summary.incomplete).
 *
 * Threads share one drv_shared: a mutex guards the next-work index and the
 * progress line; every other shared array has one slot per job or function,
 * written by exactly one thread and read by the main thread after join.
 * Phase 1 keeps the IR of every file (cross-file summaries will need it);
 * a function defined in a header is kept once, from the first file in job
 * order that lowered it. */
#include "cli/driver.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/dedupe.h"
#include "cli/fixits.h"
#include "cli/inputs.h"
#include "cli/suppress.h"
#include "cli/util.h"
#include "front/front.h"
#include "summary/summary.h"
#include "util/escape.h"

/* Stack of each worker thread: the front recurses over deeply nested code. */
#define DRV_STACK_SIZE (256u << 20)

/* What phase 1 produced for one job. */
typedef struct drv_unit {
    front_status status;
    ir_func **funcs;       /* owned until moved to the function list */
    size_t nfuncs;
    size_t nskipped;       /* functions the front could not lower */
    size_t nrecovered;     /* functions lowered around compile errors */
    front_skip *skipped;   /* the functions not lowered, with the reason
                              (front_result) */
    char *message;
    char **dropped;        /* compiler flags clang rejected (front_result) */
    size_t ndropped;
    tgt_list stores;       /* stores into function-pointer fields (front_result) */
    int stores_incomplete;
} drv_unit;

typedef struct drv_shared {
    const drv_config *cfg;
    const cli_joblist *jobs;
    drv_unit *units;           /* phase 1: one per job */
    ir_func **fns;             /* phase 2: the functions to analyze */
    size_t nfns;
    eng_status *status;        /* phase 2: one per function */
    pthread_mutex_t lock;      /* guards next and the progress line */
    size_t next;
    unsigned width;            /* terminal columns, for the progress line */
} drv_shared;

typedef struct drv_thread {
    drv_shared *sh;
    front_worker *w;           /* phase 1 */
    finding_list found;        /* phase 2 */
    pthread_t tid;
} drv_thread;

/* ---- threads ---- */

/* Runs fn on n threads (at least one: fn runs in the caller when no thread
 * can be started) and waits for all of them. */
static void drv_run_threads(drv_thread *t, int n, void *(*fn)(void *))
{
    pthread_attr_t attr;
    int have_attr = pthread_attr_init(&attr) == 0;
    if (have_attr)
        pthread_attr_setstacksize(&attr, DRV_STACK_SIZE);
    int started = 0;
    for (int i = 0; i < n; i++) {
        if (pthread_create(&t[i].tid, have_attr ? &attr : NULL, fn, &t[i]))
            break;
        started++;
    }
    if (have_attr)
        pthread_attr_destroy(&attr);
    if (started == 0)
        fn(&t[0]);
    for (int i = 0; i < started; i++)
        pthread_join(t[i].tid, NULL);
}

static unsigned drv_term_width(void)
{
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 8)
        return ws.ws_col;
    return 80;
}

/* Prints the progress line for job i (the n-th started); lock held. */
static void drv_progress(drv_shared *sh, size_t n, size_t i)
{
    const char *name = sh->jobs->items[i].display;
    if (!sh->cfg->progress_tty) {
        fprintf(stderr, "[%zu/%zu] %s\n", n, sh->jobs->n, ESC(name));
        return;
    }
    char head[64];
    int hl = snprintf(head, sizeof head, "[%zu/%zu] ", n, sh->jobs->n);
    size_t room = sh->width - 1 > (unsigned)hl ? sh->width - 1 - (unsigned)hl : 0;
    const char *shown = ESC(name);
    size_t len = strlen(shown);
    if (len > room) {          /* keep the end of the path: the file name */
        shown += len - room;
        while ((*shown & 0xC0) == 0x80)   /* not inside a character */
            shown++;
    }
    fprintf(stderr, "\r\033[K%s%s", head, shown);
    fflush(stderr);
}

/* Returns the next work index (>= limit when there is none left). */
static size_t drv_take(drv_shared *sh, size_t limit, int progress)
{
    pthread_mutex_lock(&sh->lock);
    size_t i = sh->next < limit ? sh->next++ : limit;
    if (progress && i < limit)
        drv_progress(sh, i + 1, i);
    pthread_mutex_unlock(&sh->lock);
    return i;
}

/* ---- phase 1: front ---- */

static void drv_unit_take(drv_unit *u, front_result *r)
{
    u->status = r->status;
    u->funcs = r->funcs;
    u->nfuncs = r->nfuncs;
    u->nskipped = r->nskipped;
    u->nrecovered = r->nrecovered;
    u->skipped = r->skipped;
    u->message = r->message;
    u->dropped = r->dropped;
    u->ndropped = r->ndropped;
    u->stores = r->stores;
    u->stores_incomplete = r->stores_incomplete;
    memset(&r->stores, 0, sizeof r->stores);
    r->funcs = NULL;
    r->nfuncs = 0;
    r->message = NULL;
    r->skipped = NULL;
    r->nskipped = 0;
    r->dropped = NULL;
    r->ndropped = 0;
}

static void *drv_front_main(void *arg)
{
    drv_thread *t = arg;
    drv_shared *sh = t->sh;
    size_t n = sh->jobs->n, i;
    while ((i = drv_take(sh, n, sh->cfg->progress)) < n) {
        const cli_job *j = &sh->jobs->items[i];
        front_result r;
        memset(&r, 0, sizeof r);
        /* No workdir: with libclang 14 the front's -working-directory makes
         * the compiler driver chdir the whole process (the real file
         * system's working directory is the process's), which breaks every
         * other thread and the final relative paths.  Database arguments
         * are made absolute instead (compdb.c), so none is needed. */
        front_lower_file(t->w, j->file, (const char *const *)j->args.v,
                         (int)j->args.n, NULL, &r);
        drv_unit_take(&sh->units[i], &r);
        front_result_clear(&r);
    }
    return NULL;
}

static int drv_workers_new(drv_thread *t, int n, char **err)
{
    for (int i = 0; i < n; i++) {
        t[i].w = front_worker_new();
        if (!t[i].w) {
            *err = cli_xstrdup("could not create a libclang index");
            return -1;
        }
    }
    return 0;
}

/* One note on stderr for each distinct compiler flag the front dropped
 * because clang rejects it, in the order first met in job order. */
static void drv_report_dropped(const drv_shared *sh)
{
    cli_strvec seen = {0};
    for (size_t i = 0; i < sh->jobs->n; i++) {
        const drv_unit *u = &sh->units[i];
        for (size_t k = 0; k < u->ndropped; k++) {
            size_t j = 0;
            while (j < seen.n && strcmp(seen.v[j], u->dropped[k]) != 0)
                j++;
            if (j < seen.n)
                continue;
            cli_strvec_push(&seen, u->dropped[k]);
            fprintf(stderr, "sockleak: note: dropped compiler flag '%s' "
                    "(clang does not accept it)\n", ESC(u->dropped[k]));
        }
    }
    cli_strvec_free(&seen);
}

/* "f (why), g (why)": the functions of u the front could not lower. */
static char *drv_skipped_names(const drv_unit *u)
{
    char *s = cli_xstrdup("");
    for (size_t k = 0; k < u->nskipped; k++) {
        const front_skip *f = &u->skipped[k];
        char *t = cli_strf("%s%s%s (%s)", s, k ? ", " : "",
                           f->name ? f->name : "?", f->why ? f->why : "?");
        free(s);
        s = t;
    }
    return s;
}

/* Adds an incomplete item, aborting when memory runs out (as cli_xmalloc). */
static void drv_incomplete(report_summary *s, report_incomplete_kind k,
                           const char *file, const char *function,
                           const char *detail)
{
    if (report_incomplete_add(&s->incomplete, k, file, function, detail) != 0) {
        fputs("sockleak: out of memory\n", stderr);
        abort();
    }
}

/* One incomplete item per function of u the front could not lower, in the
 * file that defines it (a header, maybe), shown as the user sees it. */
static void drv_skipped_items(const drv_unit *u, const char *name,
                              report_summary *s)
{
    for (size_t k = 0; k < u->nskipped; k++) {
        const front_skip *f = &u->skipped[k];
        char *file = f->file ? cli_path_display(f->file) : cli_xstrdup(name);
        drv_incomplete(s, RI_FUNCTION_SKIPPED, file, f->name ? f->name : "?",
                       f->why);
        free(file);
    }
}

/* Names each file that could not be parsed, or only partly, or whose
 * functions were not all lowered, on stderr (in job order), counts the
 * failed and partial ones, and lists each in the summary's incomplete
 * items. */
static void drv_report_units(const drv_shared *sh, report_summary *s)
{
    drv_report_dropped(sh);
    for (size_t i = 0; i < sh->jobs->n; i++) {
        const drv_unit *u = &sh->units[i];
        const char *name = sh->jobs->items[i].display;
        if (u->status == FRONT_FAILED || u->status == FRONT_PARTIAL) {
            int failed = u->status == FRONT_FAILED;
            *(failed ? &s->failed_files : &s->partial_files) += 1;
            drv_incomplete(s, failed ? RI_FILE_FAILED : RI_FILE_ERRORS, name,
                           NULL, u->message);
            fprintf(stderr, "sockleak: %s: %s%s%s\n", ESC(name),
                    failed ? "could not be parsed" : "analyzed with errors",
                    u->message ? ": " : "", ESC(u->message ? u->message : ""));
            if (u->nrecovered)
                fprintf(stderr, "sockleak: %s: %zu function%s analyzed around compile errors "
                        "(their broken parts are unknown values)\n", ESC(name), u->nrecovered,
                        u->nrecovered == 1 ? "" : "s");
        }
        if (u->nskipped) {
            char *names = drv_skipped_names(u);
            fprintf(stderr, "sockleak: %s: %zu function%s not analyzed: %s\n", ESC(name),
                    u->nskipped, u->nskipped == 1 ? "" : "s", ESC(names));
            free(names);
            drv_skipped_items(u, name, s);
        }
    }
}

static int drv_phase1(drv_shared *sh, drv_thread *t, int n, char **err)
{
    int rc = drv_workers_new(t, n, err);
    if (rc == 0) {
        drv_run_threads(t, n, drv_front_main);
        if (sh->cfg->progress && sh->cfg->progress_tty)
            fputs("\r\033[K", stderr);
    }
    for (int i = 0; i < n; i++) {
        front_worker_free(t[i].w);
        t[i].w = NULL;
    }
    return rc;
}

/* ---- phase 2: engine ---- */

static void *drv_engine_main(void *arg)
{
    drv_thread *t = arg;
    drv_shared *sh = t->sh;
    size_t i;
    while ((i = drv_take(sh, sh->nfns, 0)) < sh->nfns)
        sh->status[i] = eng_analyze(sh->fns[i], sh->cfg->rules, sh->cfg->eng,
                                    &t->found);
    return NULL;
}

/* "file:function" for every function that hit the budget, sorted, and an
 * incomplete item for each, in function order: once per function, however
 * many database entries compiled its file. */
static void drv_budget_names(const drv_shared *sh, report_summary *s)
{
    cli_strvec names = {0};
    for (size_t i = 0; i < sh->nfns; i++) {
        if (sh->status[i] != ENG_BUDGET)
            continue;
        const ir_func *f = sh->fns[i];
        char *file = cli_path_display(f->loc.file ? f->loc.file : "?");
        char *name = cli_strf("%s:%s", file, f->name);
        int seen = 0;
        for (size_t k = 0; k < names.n && !seen; k++)
            seen = !strcmp(names.v[k], name);
        if (seen) {
            free(name);
            free(file);
            continue;
        }
        cli_strvec_take(&names, name);
        drv_incomplete(s, RI_BUDGET, file, f->name,
                       "its paths exceed the per-function budget; nothing is "
                       "reported from it");
        free(file);
    }
    cli_dedupe_strings(&names);
    s->budget_functions = names.v;
    s->nbudget = names.n;
}

static void drv_phase2(drv_shared *sh, drv_thread *t, int n, drv_result *out)
{
    if (sh->nfns == 0)
        return;
    sh->status = calloc(sh->nfns, sizeof *sh->status);
    if (!sh->status)
        abort();
    sh->next = 0;
    drv_run_threads(t, n, drv_engine_main);
    for (int i = 0; i < n; i++) {
        if (finding_list_take(&out->findings, &t[i].found) != 0) {
            fputs("sockleak: out of memory\n", stderr);
            abort();
        }
        finding_list_clear(&t[i].found);   /* the emptied storage */
    }
    drv_budget_names(sh, &out->summary);
    out->summary.functions = sh->nfns;
}

/* ---- the run ---- */

static int drv_min(int threads, size_t n)
{
    return n < (size_t)threads ? (n ? (int)n : 1) : threads;
}

static void drv_free_ir(drv_shared *sh)
{
    for (size_t i = 0; i < sh->nfns; i++)
        ir_func_free(sh->fns[i]);
    free(sh->fns);
    free(sh->status);
    for (size_t i = 0; sh->units && i < sh->jobs->n; i++) {
        for (size_t k = 0; k < sh->units[i].nfuncs; k++)
            ir_func_free(sh->units[i].funcs[k]);
        free(sh->units[i].funcs);
        free(sh->units[i].message);
        for (size_t k = 0; k < sh->units[i].nskipped; k++) {
            free(sh->units[i].skipped[k].name);
            free(sh->units[i].skipped[k].file);
            free(sh->units[i].skipped[k].why);
        }
        free(sh->units[i].skipped);
        for (size_t k = 0; k < sh->units[i].ndropped; k++)
            free(sh->units[i].dropped[k]);
        free(sh->units[i].dropped);
        tgt_list_clear(&sh->units[i].stores);
    }
    free(sh->units);
}

/* Moves the functions of every unit, in job order, to sh->fns. */
static void drv_gather(drv_shared *sh)
{
    size_t total = 0;
    for (size_t i = 0; i < sh->jobs->n; i++)
        total += sh->units[i].nfuncs;
    sh->fns = cli_xmalloc((total ? total : 1) * sizeof *sh->fns);
    for (size_t i = 0; i < sh->jobs->n; i++) {
        drv_unit *u = &sh->units[i];
        if (u->nfuncs)
            memcpy(sh->fns + sh->nfns, u->funcs,
                   u->nfuncs * sizeof *u->funcs);
        sh->nfns += u->nfuncs;
        free(u->funcs);
        u->funcs = NULL;
        u->nfuncs = 0;
    }
    sh->nfns = cli_dedupe_header_funcs(sh->fns, sh->nfns);
}

/* Gives calls through function-pointer fields the functions stored there
 * in any unit (ir/targets.h), when the whole program was seen: every file
 * parsed without errors and none left out.  Otherwise a store may have been
 * missed, and such calls stay unknown. */
static void drv_resolve_fields(drv_shared *sh)
{
    if (sh->jobs->incomplete.n)
        return;
    for (size_t i = 0; i < sh->jobs->n; i++)
        if (sh->units[i].status != FRONT_OK || sh->units[i].stores_incomplete)
            return;
    tgt_table *t = tgt_table_new();
    int ok = t != NULL;
    for (size_t i = 0; ok && i < sh->jobs->n; i++)
        ok = tgt_table_add(t, &sh->units[i].stores) == 0;
    if (ok)
        tgt_resolve(t, sh->fns, sh->nfns);
    tgt_table_free(t);
}

/* The units' lists of stores, no longer needed once calls are resolved. */
static void drv_free_stores(drv_shared *sh)
{
    for (size_t i = 0; i < sh->jobs->n; i++)
        tgt_list_clear(&sh->units[i].stores);
}

/* Readies the merged findings for report/: relative paths, a stable order,
 * no duplicates, inline suppressions marked, fixes checked against the
 * source, fingerprints. */
static void drv_finish(finding_list *l)
{
    report_relativize(l);
    finding_list_sort(l);
    cli_dedupe_findings(l);
    cli_suppress(l);
    cli_fixits_finalize(l);
    report_fingerprints(l);
}

int drv_run(const drv_config *cfg, const cli_joblist *jobs, drv_result *out,
            char **err)
{
    int threads = cfg->threads > 0 ? cfg->threads : 1;
    memset(out, 0, sizeof *out);
    out->summary.files = jobs->n;
    if (report_incomplete_copy(&out->summary.incomplete, &jobs->incomplete) != 0)
        abort();
    drv_shared sh = {.cfg = cfg, .jobs = jobs, .width = drv_term_width()};
    sh.units = calloc(jobs->n ? jobs->n : 1, sizeof *sh.units);
    drv_thread *t = calloc((size_t)threads, sizeof *t);
    if (!sh.units || !t)
        abort();
    for (int i = 0; i < threads; i++)
        t[i].sh = &sh;
    pthread_mutex_init(&sh.lock, NULL);
    int rc = drv_phase1(&sh, t, drv_min(threads, jobs->n), err);
    if (rc == 0) {
        drv_report_units(&sh, &out->summary);
        drv_gather(&sh);
        drv_resolve_fields(&sh);
        drv_free_stores(&sh);
        summary_stats ss;
        if (summary_build(sh.fns, sh.nfns, cfg->rules, &ss) != 0)
            fputs("sockleak: out of memory while summarising functions\n", stderr);
        out->summary.wrappers = ss.wrappers;
        drv_phase2(&sh, t, drv_min(threads, sh.nfns), out);
    }
    drv_free_ir(&sh);
    pthread_mutex_destroy(&sh.lock);
    free(t);
    if (rc == 0)
        drv_finish(&out->findings);
    return rc;
}

void drv_result_clear(drv_result *r)
{
    if (!r)
        return;
    finding_list_clear(&r->findings);
    for (size_t i = 0; i < r->summary.nbudget; i++)
        free(r->summary.budget_functions[i]);
    free(r->summary.budget_functions);
    report_incomplete_free(&r->summary.incomplete);
    memset(r, 0, sizeof *r);
}
