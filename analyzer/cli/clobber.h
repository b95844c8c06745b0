/* clobber.h — refuses a run whose output would overwrite one of its
 * inputs: `sockleak -o v.c v.c` or `--write-baseline x.c x.c` must not
 * replace the source with a report.  An output (-o FILE, --write-baseline
 * FILE) that exists is compared by device and inode (so links and other
 * spellings of the same file count) with every input: the configuration
 * file, the rule packs, the baseline, the compilation database and the
 * source files.  -o and --write-baseline naming the same file is refused
 * too (two different documents).
 *
 * One exception: --write-baseline may name the --baseline file (or the
 * configuration's "baseline").  The baseline is read whole before the
 * analysis, and writing it again with the current findings is how a
 * baseline is refreshed; the new file replaces the old atomically.  -o
 * onto the baseline is refused: a report filtered by the baseline would
 * lose the findings the baseline holds.
 *
 * It reads no input and writes nothing; it only stats. */
#ifndef SOCKLEAK_CLI_CLOBBER_H
#define SOCKLEAK_CLI_CLOBBER_H

#include "cli/config.h"
#include "cli/job.h"
#include "cli/options.h"

/* Checks the outputs of o against the inputs named before anything is
 * loaded: c's configuration file, the rule packs o loads (cli/packs.h),
 * the baseline, the -p database (FILE, or DIR/compile_commands.json) and
 * the PATHs that are files.  Returns 0, or -1 with *err a malloc'd
 * one-line message naming the option, the output and the input. */
int cli_clobber_check_named(const cli_options *o, const cli_config *c,
                            char **err);

/* The same against the job list once built (the source files found in
 * directories and databases, and the database read).  Same return. */
int cli_clobber_check_jobs(const cli_options *o, const cli_joblist *jobs,
                           char **err);

#endif
