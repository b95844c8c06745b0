/* driver.h — runs the analysis over a job list: phase 1 lowers every
 * translation unit with the front end on -j worker threads (one front_worker
 * each); between the phases, calls through callback fields get the
 * functions stored there in any unit (ir/targets.h) and the summaries are
 * built; phase 2 analyzes every function with the engine on the same number
 * of threads, then the findings are merged, made relative, sorted, freed of
 * duplicates, marked when suppressed inline, their fixes finalized against
 * the source (cli/fixits.h), and fingerprinted, ready for report/.
 *
 * It reports progress and per-file parse problems on stderr; it does not
 * pick the output format, write the report or decide the exit status. */
#ifndef SOCKLEAK_CLI_DRIVER_H
#define SOCKLEAK_CLI_DRIVER_H

#include "cli/job.h"
#include "engine/engine.h"
#include "engine/finding.h"
#include "report/report.h"
#include "rules/table.h"

typedef struct drv_config {
    int threads;               /* worker threads, >= 1 */
    int progress;              /* print "[n/N] FILE" on stderr */
    int progress_tty;          /* stderr is a terminal: redraw one line */
    rules_table *rules;        /* function summaries are added to it between
                                  the two phases; read-only while threads run */
    const eng_options *eng;
} drv_config;

typedef struct drv_result {
    finding_list findings;     /* sorted, deduplicated, suppressions
                                  marked, fixes final, fingerprinted */
    report_summary summary;    /* all but seconds and strict_incomplete
                                  filled; budget_functions ("file:function",
                                  sorted) and incomplete owned here */
} drv_result;

/* Analyzes every job of jobs with cfg and fills *out (cleared first; release
 * it with drv_result_clear()).  Files that cannot be parsed, or only
 * partly, are named on stderr and counted in out->summary; they are not
 * errors.  out->summary.incomplete lists, in this order, jobs->incomplete
 * (what the job list left out), each file that failed or had errors and
 * each function the front could not lower (job order), and each function
 * over the path budget.  Returns 0, or -1 with *err a malloc'd message when the analysis
 * could not run at all (no libclang index could be created). */
int drv_run(const drv_config *cfg, const cli_joblist *jobs, drv_result *out,
            char **err);

/* Frees the findings and the summary's strings; accepts NULL. */
void drv_result_clear(drv_result *r);

#endif
