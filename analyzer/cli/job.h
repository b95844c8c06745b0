/* job.h — the list of translation units to analyze, each with its compiler
 * arguments and working directory, and how the command line (PATHs, -p,
 * "-- ARGS", or the database found near the current directory) becomes that
 * list.  It does not parse or analyze anything. */
#ifndef SOCKLEAK_CLI_JOB_H
#define SOCKLEAK_CLI_JOB_H

#include <stddef.h>

#include "cli/options.h"
#include "cli/util.h"
#include "report/incomplete.h"

typedef struct cli_job {
    char *file;        /* the path handed to the front end */
    char *display;     /* the path shown to the user (relative when under
                          the current directory) */
    cli_strvec args;   /* compiler arguments: no compiler name, no file */
    char *workdir;     /* working directory of the compile; NULL: current.
                          For messages only: args and file are absolute for
                          database entries, so the front is not given it
                          (see driver.c) */
} cli_job;

typedef struct cli_joblist {
    cli_job *items;
    size_t n, cap;
    size_t skipped_cxx;   /* selected database entries not analyzed */
    size_t skipped_asm;   /* because they are C++ or assembler */
    int no_database;      /* built from PATHs (or ".") without a
                             compilation database: include directories
                             may be guessed (cli/guess.h) */
    report_incomplete_list incomplete; /* what was left out: each directory
                             a walk could not read, each path longer than
                             PATH_MAX, each C++ or assembler entry */
    char *database;       /* the compilation database file read (owned),
                             or NULL */
} cli_joblist;

/* Appends a job; every argument is copied (workdir may be NULL). */
void cli_joblist_add(cli_joblist *l, const char *file, const char *const *args,
                     size_t nargs, const char *workdir);
/* Frees every job and the storage; accepts NULL. */
void cli_joblist_free(cli_joblist *l);

/* Removes (and frees) every job for which drop(job, ctx) is nonzero,
 * keeping the order of the others.  Returns how many were removed. */
size_t cli_joblist_drop_if(cli_joblist *l,
                           int (*drop)(const cli_job *j, void *ctx),
                           void *ctx);

/* Builds the job list from the options (SPEC §3):
 *  - -p DB: DB's C entries, restricted with PATHs to those whose file is a
 *    file PATH or lies under a directory PATH (C++ and assembler entries
 *    that pass are counted in skipped_cxx and skipped_asm); a file PATH that
 *    has no entry is analyzed with the "-- ARGS" flags;
 *  - no -p, no PATH: the database found by cli_compdb_find from the current
 *    directory (restricted to files under it when it was found in a parent),
 *    else every .c file under ".";
 *  - PATHs without -p: their .c files with the "-- ARGS" flags.
 * Returns 0, or -1 with *err a malloc'd message (without "sockleak: ") for
 * a missing path, an unreadable or malformed database, or no input at all. */
int cli_jobs_build(const cli_options *o, cli_joblist *jobs, char **err);

#endif
