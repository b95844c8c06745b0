/* config.h — the project configuration file, .sockleak.json: where it is
 * found, what it may say, and how it is merged into the command-line
 * options (which always win).  README.md, "Project configuration",
 * documents the format for users.
 *
 * The file is found like clang-tidy finds .clang-tidy: the nearest one in
 * the current directory or one of its parents, up to and including the
 * filesystem root.  --config FILE names it instead; --no-config ignores it.
 * Relative paths in it ("rules", "baseline", "exclude") are taken against
 * the file's own directory.
 *
 * This module reads and checks the file and merges values; it loads no rule
 * pack and no baseline (packs.c and baseline.c do) and filters no job
 * (exclude.h does). */
#ifndef SOCKLEAK_CLI_CONFIG_H
#define SOCKLEAK_CLI_CONFIG_H

#include <stddef.h>

#include "cli/options.h"
#include "cli/util.h"
#include "util/ruleid.h"

#define CLI_CONFIG_NAME ".sockleak.json"

/* A configuration file's contents; "absent" values leave the default (or
 * the command line) alone.  All strings are owned. */
typedef struct cli_config {
    char *path;            /* the file, as shown in messages; NULL: no file */
    char *dir;             /* its directory, canonical absolute */
    cli_strvec rules;      /* "rules": pack paths resolved against dir, in
                              display form (cli_path_display) */
    int no_default_rules;  /* -1 absent, else 0 or 1 */
    signed char rule_toggle[SL_RULE_COUNT]; /* +1 "enable", -1 "disable",
                                               0 absent */
    int fail_on;           /* -1 absent, else sl_level or CLI_FAIL_NEVER */
    int assume_borrow;     /* -1 absent, else 0 or 1 */
    int no_guess_includes; /* -1 absent, else 0 or 1 */
    int fail_on_incomplete; /* -1 absent, else 0 or 1 */
    char *baseline;        /* "baseline" resolved against dir; NULL absent */
    cli_strvec exclude;    /* "exclude": normalized patterns (exclude.h),
                              relative to dir */
} cli_config;

/* Where an effective setting came from, for --show-config. */
typedef enum {
    CLI_FROM_DEFAULT,
    CLI_FROM_CONFIG,
    CLI_FROM_CMDLINE,
} cli_origin;

typedef struct cli_origins {
    unsigned char rule[SL_RULE_COUNT];  /* cli_origin of each rule toggle */
    unsigned char fail_on, assume_borrow, no_default_rules, baseline,
                  no_guess_includes, fail_on_incomplete;
    size_t config_rules;   /* o->rules[0 .. config_rules-1] came from the
                              file; the rest from --rules */
} cli_origins;

/* Looks for CLI_CONFIG_NAME (a regular file) in dir, then in each parent
 * up to "/".  dir must be absolute.  Returns the malloc'd absolute path of
 * the first found, or NULL. */
char *cli_config_find(const char *dir);

/* Reads and checks the configuration file at path into *c (cleared first;
 * release it with cli_config_free() either way).  Returns 0, or -1 with
 * *err a malloc'd one-line "PATH:LINE:COL: what is wrong" (or "PATH: cannot
 * read: ..."): a JSON syntax error, a top level that is not an object, an
 * unknown or duplicate key, a value of the wrong type, an unknown rule id,
 * a rule both enabled and disabled, a bad "fail_on" level, a rule pack that
 * does not exist, or an exclude pattern that is empty, absolute or uses
 * "..".  path is copied. */
int cli_config_load(const char *path, cli_config *c, char **err);

/* The configuration the options ask for: none with --no-config, the file
 * --config names, else the file cli_config_find() finds from the current
 * directory (none when there is none).  *c is cleared first (c->path NULL
 * means no file).  Same return and *err as cli_config_load. */
int cli_config_setup(const cli_options *o, cli_config *c, char **err);

/* Merges c into the command-line options o: a setting given on the command
 * line is kept, anything else the file says replaces the default.  The
 * file's rule packs go before the --rules files (o->rules is reallocated;
 * its strings then point into c, which must outlive o).  When from is not
 * NULL it records where each effective setting came from.  A "baseline"
 * that does not exist yet is not used when --write-baseline names the same
 * file (the run that creates it). */
void cli_config_apply(const cli_config *c, cli_options *o, cli_origins *from);

/* Frees everything c owns; c is left empty; accepts NULL. */
void cli_config_free(cli_config *c);

#endif
