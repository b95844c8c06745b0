/* main.c — sockleak's entry point: options, project configuration
 * (.sockleak.json, merged under the command line), rule packs, job list,
 * exclusions, analysis, report, exit status (SPEC §3).  The place the
 * process exits (but see interrupt.h).
 *
 * Exit status, by precedence: 2 usage, configuration or I/O error; 3 some
 * input could not be analyzed at all (a file that could not be parsed, a
 * directory or path skipped), or, with --fail-on-incomplete, anything was
 * not fully analyzed (report/incomplete.h); 1 an unsuppressed finding at or
 * above --fail-on; 0 otherwise.  Machine output goes to stdout or -o FILE only; messages,
 * progress and the summary go to stderr.
 *
 * Before anything but the configuration is read, the outputs (-o,
 * --write-baseline) are checked: not an input of the run (clobber.h; the
 * source files found in directories and databases are checked once the job
 * list is built, before anything is written) and in a directory that can
 * be written.  Each output is written to a temporary and renamed into
 * place when complete (outfile.h), so a failed run leaves the previous
 * file as it was.  SIGINT, SIGTERM and SIGHUP end the run from the signal
 * thread of interrupt.h, the one other place the process exits: the
 * temporaries are removed and the exit status is 2.
 *
 * After the analysis, in this order: unused suppressions are reported
 * (--report-unused-suppressions; they count as warnings for --fail-on),
 * every finding is written to the --write-baseline file, the findings
 * whose fingerprint is in the --baseline file are dropped, and the rest is
 * reported and decides the exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cli/baseline.h"
#include "cli/clobber.h"
#include "cli/config.h"
#include "cli/driver.h"
#include "cli/exclude.h"
#include "cli/guess.h"
#include "cli/interrupt.h"
#include "cli/job.h"
#include "cli/options.h"
#include "cli/outfile.h"
#include "cli/output.h"
#include "cli/packs.h"
#include "cli/showcfg.h"
#include "cli/suppress.h"
#include "cli/util.h"
#include "engine/engine.h"
#include "report/report.h"
#include "util/escape.h"

#ifndef SOCKLEAK_VERSION
#define SOCKLEAK_VERSION "unknown"
#endif

enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_FINDINGS = 1,
    CLI_EXIT_ERROR = 2,
    CLI_EXIT_UNPARSED = 3,
};

static double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Prints "sockleak: MSG" on stderr, frees msg, and returns exit status 2. */
static int cli_fail(char *msg)
{
    fprintf(stderr, "sockleak: %s\n", ESC(msg ? msg : "error"));
    free(msg);
    return CLI_EXIT_ERROR;
}

static int cli_usage_error(char *msg)
{
    cli_fail(msg);
    fputs("Try 'sockleak --help'.\n", stderr);
    return CLI_EXIT_ERROR;
}

static void cli_eng_options(const cli_options *o, eng_options *eo)
{
    eng_options_default(eo);
    eo->assume_borrow = o->assume_borrow ? 1 : 0;
    for (int r = 0; r < SL_RULE_COUNT; r++)
        if (o->rule_toggle[r])
            eo->enabled[r] = o->rule_toggle[r] > 0;
}

static int cli_threads(const cli_options *o)
{
    if (o->jobs > 0)
        return o->jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

static int cli_status(const cli_options *o, const drv_result *res,
                      size_t unused)
{
    if (res->summary.failed_files ||
        report_incomplete_fails(&res->summary.incomplete, o->fail_on_incomplete))
        return CLI_EXIT_UNPARSED;
    if (unused && SL_LEVEL_WARNING >= o->fail_on)
        return CLI_EXIT_FINDINGS;
    for (size_t i = 0; i < res->findings.n; i++) {
        const finding *f = &res->findings.items[i];
        if (!f->suppressed && (int)f->level >= o->fail_on)
            return CLI_EXIT_FINDINGS;
    }
    return CLI_EXIT_OK;
}

/* Writes the report to -o FILE or stdout; returns 0 or an exit status. */
static int cli_write_report(const cli_options *o, const drv_result *res)
{
    char *err = NULL;
    cli_outfile *out = cli_outfile_open(o->output, &err);
    if (!out)
        return cli_fail(err);
    FILE *f = cli_outfile_stream(out);
    int ok = cli_output_write(o->format, f, &res->findings, &res->summary,
                              cli_output_color(f, o->color)) == 0;
    return cli_outfile_close(out, ok, &err) == 0 ? 0 : cli_fail(err);
}

/* --report-unused-suppressions: warns on stderr; returns the count. */
static size_t cli_unused(const cli_options *o, const cli_joblist *jobs,
                         const drv_result *res)
{
    if (!o->report_unused || jobs->n == 0)
        return 0;
    eng_options eo;
    cli_eng_options(o, &eo);
    unsigned enabled = 0;
    for (int r = 0; r < SL_RULE_COUNT; r++)
        if (eo.enabled[r])
            enabled |= 1u << r;
    const char **files = cli_xmalloc(jobs->n * sizeof *files);
    const char **names = cli_xmalloc(jobs->n * sizeof *names);
    for (size_t i = 0; i < jobs->n; i++) {
        files[i] = jobs->items[i].file;
        names[i] = jobs->items[i].display;
    }
    size_t n = cli_report_unused(&res->findings, files, names, jobs->n,
                                 enabled, stderr);
    free(files);
    free(names);
    return n;
}

/* --write-baseline FILE: the JSON report of every current finding. */
static int cli_write_baseline(const cli_options *o, const drv_result *res)
{
    char *err = NULL;
    cli_outfile *out = cli_outfile_open(o->write_baseline, &err);
    if (!out)
        return cli_fail(err);
    int ok = report_json(cli_outfile_stream(out), &res->findings,
                         &res->summary) == 0;
    return cli_outfile_close(out, ok, &err) == 0 ? 0 : cli_fail(err);
}

/* --baseline: drops the known findings and says how many on stderr. */
static void cli_apply_baseline(const cli_options *o, const cli_baseline *bl,
                               drv_result *res)
{
    if (!o->baseline)
        return;
    size_t n = cli_baseline_filter(bl, &res->findings);
    if (!o->quiet)
        fprintf(stderr, "sockleak: %zu finding%s in the baseline not reported\n",
                n, n == 1 ? "" : "s");
}

/* What happens to the results of a run: see the header comment.  When the
 * baseline cannot be written, the report is not written either. */
static int cli_finish(const cli_options *o, const cli_baseline *bl,
                      const cli_joblist *jobs, drv_result *res)
{
    size_t unused = cli_unused(o, jobs, res);
    int rc = o->write_baseline ? cli_write_baseline(o, res) : 0;
    if (rc != 0)
        return rc;
    cli_apply_baseline(o, bl, res);
    rc = cli_write_report(o, res);
    fflush(stdout); /* the report ends before the summary, even in one pipe */
    if (!o->quiet)
        report_summary_line(stderr, &res->findings, &res->summary);
    return rc ? rc : cli_status(o, res, unused);
}

/* Everything after the options are known. */
static int cli_analyze(const cli_options *o, rules_table *rt,
                       const cli_baseline *bl, const cli_joblist *jobs,
                       double t0)
{
    char *err = NULL;
    eng_options eo;
    cli_eng_options(o, &eo);
    int tty = isatty(STDERR_FILENO);
    drv_config cfg = {
        .threads = cli_threads(o),
        .progress = o->progress < 0 ? tty : o->progress,
        .progress_tty = tty,
        .rules = rt,
        .eng = &eo,
    };
    drv_result res;
    if (drv_run(&cfg, jobs, &res, &err) < 0) {
        drv_result_clear(&res);
        return cli_fail(err);
    }
    res.summary.seconds = cli_now() - t0;
    res.summary.strict_incomplete = o->fail_on_incomplete;
    int rc = cli_finish(o, bl, jobs, &res);
    drv_result_clear(&res);
    return rc;
}

/* Names on stderr each directory and path a walk left out. */
static void cli_print_skipped(const cli_joblist *jobs)
{
    for (size_t i = 0; i < jobs->incomplete.n; i++) {
        const report_incomplete *it = &jobs->incomplete.items[i];
        if (it->kind == RI_DIR_UNREADABLE)
            fprintf(stderr, "sockleak: %s: cannot read directory: %s; "
                    "skipped\n", ESC(it->file), ESC(it->detail ? it->detail : "?"));
        else if (it->kind == RI_PATH_TOO_LONG)
            fprintf(stderr, "sockleak: %s: path longer than PATH_MAX (%s); "
                    "skipped\n", ESC(it->file), ESC(it->detail ? it->detail : "?"));
    }
}

/* The job list (refused when an output is one of its files: clobber.h),
 * less the files the configuration excludes.  When it
 * excludes every file, the run goes on with none (an empty report, exit 0)
 * and says so on stderr; database entries skipped as not C are counted in
 * one line there too, and each directory or path a walk could not go into
 * (and that is not excluded) is named.  Files analyzed without a compilation database then
 * get the include directories guessed from the tree (cli/guess.h), named
 * on stderr unless -q. */
static int cli_jobs(const cli_options *o, const cli_config *c,
                    cli_joblist *jobs, char **err)
{
    if (cli_jobs_build(o, jobs, err) < 0) {
        cli_print_skipped(jobs);   /* "no .c files" may be why */
        return -1;
    }
    if (cli_clobber_check_jobs(o, jobs, err) < 0) {
        return -1;
    }
    size_t skipped = jobs->skipped_cxx + jobs->skipped_asm;
    if (skipped)
        fprintf(stderr, "sockleak: skipped %zu %s not C (C++: %zu, "
                "assembler: %zu)\n", skipped,
                skipped == 1 ? "entry that is" : "entries that are",
                jobs->skipped_cxx, jobs->skipped_asm);
    size_t n = jobs->n;
    if (c->path && cli_exclude_jobs(&c->exclude, c->dir, jobs) == n &&
        !o->quiet)
        fprintf(stderr, "sockleak: %s excludes every file (\"exclude\")\n",
                ESC(c->path));
    cli_print_skipped(jobs);
    if (jobs->no_database && jobs->n && !o->no_guess_includes) {
        cli_guess g;
        cli_guess_includes(o, jobs, &g);
        if (!o->quiet)
            cli_guess_print(stderr, &g);
        cli_guess_free(&g);
    }
    return 0;
}

static int cli_run(const cli_options *o, const cli_config *c, double t0)
{
    char *err = NULL;
    if (cli_clobber_check_named(o, c, &err) < 0 ||
        cli_outfile_check(o->write_baseline, &err) < 0 ||
        cli_outfile_check(o->output, &err) < 0)
        return cli_fail(err);
    cli_baseline bl = {0};
    if (o->baseline && cli_baseline_load(o->baseline, &bl, &err) < 0)
        return cli_fail(err);
    rules_table *rt = cli_load_rules(o, &err);
    if (!rt) {
        cli_baseline_free(&bl);
        return cli_fail(err);
    }
    cli_joblist jobs = {0};
    int rc = cli_jobs(o, c, &jobs, &err) < 0
                 ? cli_fail(err)
                 : cli_analyze(o, rt, &bl, &jobs, t0);
    cli_joblist_free(&jobs);
    rules_table_free(rt);
    cli_baseline_free(&bl);
    return rc;
}

/* --list-rules: one line per rule, whether this command line enables it. */
static int cli_list_rules(const cli_options *o)
{
    eng_options eo;
    cli_eng_options(o, &eo);
    for (int r = 0; r < SL_RULE_COUNT; r++) {
        const char *cwe = report_rule_cwe((sl_rule)r);
        printf("%-24s %-8s %-9s %s%s\n", sl_rule_id((sl_rule)r),
               sl_level_name(sl_rule_default_level((sl_rule)r)),
               cwe ? cwe : "-", eo.enabled[r] ? "" : "(disabled) ",
               sl_rule_description((sl_rule)r));
    }
    return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_ERROR;
}

/* --show-config: loads the packs (so a broken one is reported as in a run),
 * then prints the effective configuration on stdout. */
static int cli_show(const cli_options *o, const cli_config *c,
                    const cli_origins *from)
{
    char *err = NULL;
    rules_table *rt = cli_load_rules(o, &err);
    if (!rt)
        return cli_fail(err);
    rules_table_free(rt);
    if (cli_show_config(stdout, o, c, from, &err) < 0)
        return cli_fail(err);
    return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_ERROR;
}

/* Reads the project configuration, merges it under the command line in o,
 * and does what o asks. */
static int cli_configured(cli_options *o, double t0)
{
    cli_config cfg;
    cli_origins from;
    char *err = NULL;
    int rc;
    if (cli_config_setup(o, &cfg, &err) < 0) {
        rc = cli_fail(err);
    } else {
        cli_config_apply(&cfg, o, &from);
        if (cfg.path && o->progress > 0)
            fprintf(stderr, "sockleak: using %s\n", ESC(cfg.path));
        rc = o->show_config  ? cli_show(o, &cfg, &from)
             : o->list_rules ? cli_list_rules(o)
                             : cli_run(o, &cfg, t0);
    }
    cli_config_free(&cfg);
    return rc;
}

int main(int argc, char **argv)
{
    double t0 = cli_now();
    cli_options o;
    char *err = NULL;
    if (cli_interrupt_init(&err) < 0)
        exit(cli_fail(err));
    int rc;
    switch (cli_parse_args(argc, argv, &o, &err)) {
    case CLI_PARSE_HELP:
        cli_usage(stdout);
        rc = fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_ERROR;
        break;
    case CLI_PARSE_VERSION:
        printf("sockleak %s\n", SOCKLEAK_VERSION);
        rc = fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_ERROR;
        break;
    case CLI_PARSE_ERROR:
        rc = cli_usage_error(err);
        break;
    default:
        rc = cli_configured(&o, t0);
        break;
    }
    cli_options_free(&o);
    exit(rc);
}
