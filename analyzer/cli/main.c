/* main.c — sockleak's entry point: options, rule packs, job list, analysis,
 * report, exit status (SPEC §3).  The only place the process exits.
 *
 * Exit status, by precedence: 2 usage, configuration or I/O error; 3 some
 * file could not be parsed; 1 an unsuppressed finding at or above --fail-on;
 * 0 otherwise.  Machine output goes to stdout or -o FILE only; messages,
 * progress and the summary go to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cli/driver.h"
#include "cli/job.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/packs.h"
#include "cli/util.h"
#include "engine/engine.h"
#include "report/report.h"

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
    fprintf(stderr, "sockleak: %s\n", msg ? msg : "error");
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

static int cli_status(const cli_options *o, const drv_result *res)
{
    if (res->summary.failed_files)
        return CLI_EXIT_UNPARSED;
    for (size_t i = 0; i < res->findings.n; i++) {
        const finding *f = &res->findings.items[i];
        if (!f->suppressed && (int)f->level >= o->fail_on)
            return CLI_EXIT_FINDINGS;
    }
    return CLI_EXIT_OK;
}

/* Writes the report and closes out; returns 0 or an exit status. */
static int cli_write_report(const cli_options *o, FILE *out,
                            const drv_result *res)
{
    int color = cli_output_color(out, o->color);
    int bad = cli_output_write(o->format, out, &res->findings, &res->summary,
                               color) != 0;
    bad |= cli_output_close(out) != 0;
    if (bad)
        return cli_fail(cli_strf("%s: write error",
                                 o->output ? o->output : "standard output"));
    return 0;
}

/* Everything after the options are known. */
static int cli_analyze(const cli_options *o, rules_table *rt,
                       const cli_joblist *jobs, double t0)
{
    char *err = NULL;
    FILE *out = cli_output_open(o->output, &err);
    if (!out)
        return cli_fail(err);
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
        cli_output_close(out);
        drv_result_clear(&res);
        return cli_fail(err);
    }
    res.summary.seconds = cli_now() - t0;
    int rc = cli_write_report(o, out, &res);
    if (!o->quiet)
        report_summary_line(stderr, &res.findings, &res.summary);
    if (rc == 0)
        rc = cli_status(o, &res);
    drv_result_clear(&res);
    return rc;
}

static int cli_run(const cli_options *o, double t0)
{
    char *err = NULL;
    rules_table *rt = cli_load_rules(o, &err);
    if (!rt)
        return cli_fail(err);
    cli_joblist jobs = {0};
    int rc = cli_jobs_build(o, &jobs, &err) < 0 ? cli_fail(err)
                                                : cli_analyze(o, rt, &jobs, t0);
    cli_joblist_free(&jobs);
    rules_table_free(rt);
    return rc;
}

int main(int argc, char **argv)
{
    double t0 = cli_now();
    cli_options o;
    char *err = NULL;
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
        rc = cli_run(&o, t0);
        break;
    }
    cli_options_free(&o);
    exit(rc);
}
