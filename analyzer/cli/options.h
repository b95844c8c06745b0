/* options.h — the command line (SPEC §3) parsed into a plain struct.
 * Parsing only: it validates values (format, level, rule ids, -j) but opens
 * no file and loads nothing; main.c acts on the result. */
#ifndef SOCKLEAK_CLI_OPTIONS_H
#define SOCKLEAK_CLI_OPTIONS_H

#include <stddef.h>

#include "cli/output.h"
#include "util/ruleid.h"

/* --fail-on never: above every level. */
#define CLI_FAIL_NEVER (SL_LEVEL_ERROR + 1)

typedef struct cli_options {
    int format;                 /* index in the format table (cli/output.h) */
    const char *output;         /* -o FILE; NULL: stdout */
    const char **rules;         /* --rules FILE..., in command-line order;
                                   cli_config_apply puts the project
                                   configuration's packs first */
    size_t nrules;
    int no_default_rules;
    signed char rule_toggle[SL_RULE_COUNT]; /* +1 --enable, -1 --disable,
                                               0 default (last one wins) */
    int fail_on;                /* sl_level, or CLI_FAIL_NEVER */
    int fail_on_given;          /* --fail-on was on the command line */
    int fail_on_incomplete;     /* --fail-on-incomplete: exit 3 when anything
                                   was not fully analyzed */
    int assume_borrow;
    int no_guess_includes;      /* --no-guess-includes: without a database,
                                   add no guessed -I (cli/guess.h) */
    int jobs;                   /* -j; 0: number of online CPUs */
    int progress;               /* -1: when stderr is a tty; 0 off; 1 on */
    int quiet;                  /* -q: no progress, no summary */
    cli_color color;
    const char *compdb;         /* -p DIR|FILE, or NULL */
    const char *baseline;       /* --baseline FILE, or NULL */
    const char *write_baseline; /* --write-baseline FILE, or NULL */
    int report_unused;          /* --report-unused-suppressions */
    int list_rules;             /* --list-rules: print the rules, exit 0 */
    const char *config;         /* --config FILE, or NULL: search for
                                   .sockleak.json (cli/config.h) */
    int no_config;              /* --no-config */
    int show_config;            /* --show-config: print the effective
                                   configuration, exit 0 */
    const char **paths;         /* PATH... */
    size_t npaths;
    const char **cc_args;       /* after "--" */
    int ncc_args;
} cli_options;

typedef enum {
    CLI_PARSE_OK,
    CLI_PARSE_HELP,      /* --help: print cli_usage() and exit 0 */
    CLI_PARSE_VERSION,   /* --version */
    CLI_PARSE_ERROR,     /* *err says what is wrong (a usage error) */
} cli_parse_status;

/* Parses argv[1..argc-1] into *o.  Strings in *o point into argv (which must
 * outlive o); the arrays are owned by o and released with
 * cli_options_free().  The project configuration file is not read here:
 * cli_config_apply() merges it in afterwards.  On CLI_PARSE_ERROR, *err
 * is a malloc'd one-line message without the "sockleak: " prefix (the
 * caller frees it); --config together with --no-config is one. */
cli_parse_status cli_parse_args(int argc, char **argv, cli_options *o,
                                char **err);
/* Frees the arrays of o (not the strings, which belong to argv or to the
 * cli_config merged in). */
void cli_options_free(cli_options *o);

/* "resource-leak, double-close, ...": every rule id, malloc'd, for
 * messages about an unknown rule. */
char *cli_rule_names(void);

/* Writes the --help text to out. */
void cli_usage(FILE *out);

#endif
